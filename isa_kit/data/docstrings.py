"""Field descriptions for the JSON Schemas, read from the model's attribute docstrings.

Pydantic can collect attribute docstrings itself (``use_attribute_docstrings``), but it does
so by reading and parsing the source of every model at import time, on every command. The
schema command is the only reader of those descriptions, so it parses the source here, once.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
from types import ModuleType
from typing import Any


def attribute_docstrings(module: ModuleType) -> dict[str, dict[str, str]]:
    """``{class name: {field name: docstring}}`` for every class in ``module``."""
    tree = ast.parse(inspect.getsource(module))
    out: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields: dict[str, str] = {}
        body = node.body
        for stmt, following in zip(body, [*body[1:], None], strict=True):
            if (
                isinstance(stmt, ast.AnnAssign)
                and isinstance(stmt.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                fields[stmt.target.id] = inspect.cleandoc(following.value.value)
        if fields:
            out[node.name] = fields
    return out


def add_descriptions(schema: dict[str, Any], root: str, docs: dict[str, dict[str, str]]) -> None:
    """Set ``description`` on properties of ``schema`` (named ``root``) and its ``$defs``."""
    targets = [(root, schema), *schema.get("$defs", {}).items()]
    for name, definition in targets:
        for field, text in docs.get(name, {}).items():
            prop = definition.get("properties", {}).get(field)
            if isinstance(prop, dict):
                prop.setdefault("description", text)


@functools.cache
def model_docstrings() -> dict[str, dict[str, str]]:
    """``{class name: {field name: docstring}}`` for the whole model, parsed once per process."""
    from isa_kit.data import model

    out: dict[str, dict[str, str]] = {}
    for name in model.MODULES:
        out.update(attribute_docstrings(importlib.import_module(f"{model.__name__}.{name}")))
    return out
