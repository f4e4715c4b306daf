"""What the sandboxed environment would refuse at render time, found before anyone renders.

``templates lint`` should never pass a template that ``build`` then stops: Python internals
(``__class__``, ``mro``, ``__subclasses__``), methods that change data, ``range`` beyond the
sandbox's limit and the operations :mod:`isa_kit.render.bounds` refuses.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from jinja2 import nodes, sandbox

from isa_kit.render import bounds

_INTERNAL = frozenset(
    {"mro", "format", "format_map"}
    | sandbox.UNSAFE_FUNCTION_ATTRIBUTES
    | sandbox.UNSAFE_METHOD_ATTRIBUTES
    | sandbox.UNSAFE_GENERATOR_ATTRIBUTES
    | sandbox.UNSAFE_COROUTINE_ATTRIBUTES
    | sandbox.UNSAFE_ASYNC_GENERATOR_ATTRIBUTES
)
_MUTATING = frozenset(m for _type, methods in sandbox._mutable_spec for m in methods)


def sandbox_refusals(tree: nodes.Template) -> Iterator[tuple[int | None, str]]:
    """(line, message) for each construct the sandbox or the render bounds would refuse."""
    for node in tree.find_all(
        (nodes.Getattr, nodes.Getitem, nodes.Call, nodes.Filter, nodes.Pow, nodes.Mul)
    ):
        if isinstance(node, nodes.Getattr | nodes.Getitem):
            attr = node.attr if isinstance(node, nodes.Getattr) else _const(node.arg)
            if isinstance(attr, str) and (attr.startswith("_") or attr in _INTERNAL):
                yield node.lineno, f"'{attr}' is not allowed in a template (Python internals)"
        elif isinstance(node, nodes.Call | nodes.Filter):
            yield from _call(node)
        elif isinstance(node, nodes.Pow | nodes.Mul):
            yield from _arithmetic(node)


def _call(node: nodes.Call | nodes.Filter) -> Iterator[tuple[int | None, str]]:
    callee = node.node if isinstance(node, nodes.Call) else None
    if isinstance(callee, nodes.Getattr) and callee.attr in _MUTATING:
        yield node.lineno, f"'{callee.attr}' changes data, which templates may not do"
    for arg in [*node.args, *(k.value for k in node.kwargs)]:
        value = _const(arg)
        if isinstance(value, int | float) and abs(value) > bounds.MAX_INT_ARGUMENT:
            yield node.lineno, f"the number {value!r} is too large for a template"
    if isinstance(callee, nodes.Name) and callee.name == "range":
        ends = [_const(a) for a in node.args]
        if any(isinstance(v, int) and abs(v) > sandbox.MAX_RANGE for v in ends):
            yield node.lineno, f"range() beyond the sandbox's limit of {sandbox.MAX_RANGE:,} items"


def _arithmetic(node: nodes.Pow | nodes.Mul) -> Iterator[tuple[int | None, str]]:
    left, right = _const(node.left), _const(node.right)
    if isinstance(node, nodes.Pow):
        too_big = (
            isinstance(left, int | float)
            and isinstance(right, int | float)
            and abs(left) > 1
            and right > 0
            and right * math.log2(abs(left)) > bounds.MAX_POWER_BITS
        )
        if too_big or isinstance(node.right, nodes.Pow):  # 9**9**9
            yield node.lineno, "a power too large for a template"
    else:
        sizes = [v for v in (left, right) if isinstance(v, int) and not isinstance(v, bool)]
        if any(abs(v) > bounds.MAX_INT_ARGUMENT for v in sizes):
            yield node.lineno, "a repetition or product too large for a template"


def _const(node: nodes.Node) -> object:
    """The value of a constant expression, or None (nothing is evaluated beyond literals)."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Neg) and isinstance(node.node, nodes.Const):
        value = node.node.value
        return -value if isinstance(value, int | float) else None
    return None
