"""Light, pydantic-free model objects: what a build restores from the validated-data snapshot.

Each model class is described in the snapshot by a :data:`ClassSpec` (its name, the method
mixins of :mod:`isa_kit.data.nodes` it uses, its field names and its blank state); this module
makes one plain class per spec with the same name, fields and methods, so templates, the
render code and error messages cannot tell a light object from the model it was saved from.
"""

from __future__ import annotations

import copy
from typing import Any, ClassVar

from isa_kit.data.nodes import MIXINS, NodeBase

#: (class name, method mixins, field names, blank state: what ``model_construct()`` gives).
ClassSpec = tuple[str, tuple[type[Any], ...], tuple[str, ...], dict[str, Any]]

_ALLOWED_MIXINS: set[type[Any]] = set(MIXINS)
_BY_SPEC: dict[int, tuple[ClassSpec, type[LightNode]]] = {}
_CLASSES: dict[tuple[str, tuple[type[Any], ...], tuple[str, ...]], type[LightNode]] = {}
_BLANKS: dict[str, tuple[type[LightNode], dict[str, Any]]] = {}


class LightNode(NodeBase):
    """Base of the light classes: attributes in ``__dict__``, compared like the models."""

    model_fields: ClassVar[dict[str, None]] = {}
    """The field names (as pydantic's ``model_fields`` has them; the values are unused)."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable, as the models are

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={self.__dict__.get(k)!r}" for k in type(self).model_fields)
        return f"{type(self).__name__}({fields})"


def register_mixin(mixin: type[Any]) -> None:
    """Allow light classes to take on ``mixin`` (a layer above data adds its own, e.g. the
    clause library's look-up)."""
    _ALLOWED_MIXINS.add(mixin)


def allowed_mixins() -> frozenset[type[Any]]:
    return frozenset(_ALLOWED_MIXINS)


def light_class(spec: ClassSpec) -> type[LightNode]:
    """The light class for ``spec`` (made once per process); its blank is remembered."""
    seen = _BY_SPEC.get(id(spec))
    if seen is not None and seen[0] is spec:
        return seen[1]
    name, mixins, fields, blank = spec
    if (
        not name.isidentifier()
        or not all(m in _ALLOWED_MIXINS for m in mixins)
        or not all(isinstance(f, str) and f.isidentifier() for f in fields)
        or not isinstance(blank, dict)
    ):
        raise ValueError(f"not a class the snapshot may describe: {name!r}")
    key = (name, mixins, fields)
    cls = _CLASSES.get(key)
    if cls is None:
        namespace = {"model_fields": dict.fromkeys(fields), "__qualname__": name}
        cls = _CLASSES[key] = type(name, (*mixins, LightNode), namespace)
    _BY_SPEC[id(spec)] = (spec, cls)
    _BLANKS[name] = (cls, blank)
    return cls


def restore(spec: ClassSpec, state: dict[str, Any]) -> LightNode:
    """One light object (the snapshot's unpickler calls this for every saved model object)."""
    obj = object.__new__(light_class(spec))
    obj.__dict__.update(state)
    return obj


def blank(like: object, name: str, **values: Any) -> Any:
    """An empty ``name`` object with ``values`` set, of the same kind as ``like``: light when
    ``like`` came from a snapshot, else the pydantic model's ``model_construct``."""
    if isinstance(like, LightNode) and name in _BLANKS:
        cls, state = _BLANKS[name]
        obj = object.__new__(cls)
        obj.__dict__.update({k: copy.copy(v) for k, v in state.items()})
        obj.__dict__.update(values)
        return obj
    from isa_kit.data import model

    return getattr(model, name).model_construct(**values)
