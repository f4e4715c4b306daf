"""YAML with a comment above every key saying what the field is for (``isa-kit init``).

The comments are the model's own attribute docstrings (:func:`model_docstrings`), the same
text the JSON Schemas give an editor, so a new partnership's files and the model never drift
apart. A key whose field has no docstring is a bug: :class:`KeyError` says which.
"""

from __future__ import annotations

import re
import textwrap
import types
import typing
from typing import Any

import yaml
from pydantic import BaseModel

from isa_kit.data.docstrings import model_docstrings

_WIDTH = 96


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model class a field holds (directly, optionally, or as list items), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def _comment(cls: type[BaseModel], key: str, indent: str) -> list[str]:
    doc = model_docstrings().get(cls.__name__, {}).get(key)
    if doc is None:
        raise KeyError(f"{cls.__name__}.{key} has no docstring to explain it")
    text = re.sub(r"``([^`]*)``", r"'\1'", " ".join(doc.split()))
    return [
        f"{indent}# {line}"
        for line in textwrap.wrap(text, _WIDTH - len(indent) - 2, break_on_hyphens=False)
    ]


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return " " + text.removesuffix("\n...\n").strip()


def _mapping(data: dict[str, Any], cls: type[BaseModel], indent: str, first: str) -> list[str]:
    """Lines of ``data`` (a ``cls``); ``first`` replaces the indent of the first key line."""
    lines: list[str] = []
    for i, (key, value) in enumerate(data.items()):
        lead = first if i == 0 else indent
        # The first key of a list item is commented above its "- ", at the dash's indent.
        lines.extend(_comment(cls, key, lead.replace("- ", "")))
        inner = _model_of(cls.model_fields[key].annotation)
        if isinstance(value, dict) and value and inner is not None:
            lines.append(f"{lead}{key}:")
            lines.extend(_mapping(value, inner, indent + "  ", indent + "  "))
        elif isinstance(value, list) and value and isinstance(value[0], dict) and inner:
            lines.append(f"{lead}{key}:")
            for item in value:
                lines.extend(_mapping(item, inner, indent + "    ", indent + "  - "))
        else:
            lines.append(f"{lead}{key}:{_scalar(value)}")
    return lines


def commented_yaml(data: dict[str, Any], cls: type[BaseModel], header: str = "") -> str:
    """``data`` (the fields of a ``cls``) as block YAML, each key under its field's docstring."""
    head = "".join(f"{line}\n" for line in header.splitlines())
    return head + "\n".join(_mapping(data, cls, "", "")) + "\n"
