"""Turn pydantic's validation errors into one plain-English line each, located in the YAML.

A person editing YAML should read "expected true or false (got 'maybe')", not a pydantic
error type; and an unknown key should suggest the field they probably meant.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from isa_kit.core.errors import Problem
from isa_kit.data.yaml import DataPath, SourceFile, format_path

_PATTERN_WORDS = {
    r"^[a-z0-9][a-z0-9-]*$": "an id of lower-case letters, digits and hyphens (e.g. 'barnet-homes')",
    r"^[^@\s]+@[^@\s]+$": "an email address",
    r"^[A-Za-z0-9.-]+$": "an email domain such as 'nhs.net'",
    r"^[0-9a-f]{64}$": "a sha256 hash (64 lower-case hex digits)",
    r"^[A-Z]{2,4}\d{3}$": "a check code such as 'ISA001'",
}

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "date_type": "a date such as 2024-02-29",
    "date_parsing": "a date such as 2024-02-29",
    "date_from_datetime_inexact": "a date without a time",
}


def _describe_value(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _model_at(model: type[BaseModel], loc: DataPath) -> type[BaseModel] | None:
    """The model class that owns the field at ``loc`` (for naming the keys it allows)."""
    current: Any = model
    for seg in loc:
        if isinstance(seg, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(seg)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """Unwrap ``X | None``, ``list[X]`` and ``Annotated[X, ...]`` down to a model class."""
    for _ in range(6):
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, tuple) or origin is typing.Union or origin is types.UnionType:
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if args else None
        else:
            return annotation
    return annotation


def problems_from(
    exc: ValidationError, source: SourceFile, base: DataPath, model: type[BaseModel]
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, located through ``source``."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc: DataPath = tuple(seg for seg in err["loc"] if isinstance(seg, int | str))
        kind = err["type"]
        full = (*base, *loc)
        if kind == "extra_forbidden":
            key = str(loc[-1]) if loc else "?"
            owner = _model_at(model, loc[:-1])
            allowed = sorted(owner.model_fields) if owner else []
            guess = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            message = f"unknown key '{key}': {hint}expected one of: {', '.join(allowed)}"
            out.append(source.problem(full, message, key=True))
            continue
        if kind == "missing":
            # Located at the mapping that lacks the key, named by the key's own path.
            where = source.locate(full[:-1])
            out.append(
                Problem(
                    where.file,
                    where.line,
                    where.column,
                    format_path(full),
                    "required key is missing",
                )
            )
            continue
        got = f" (got {_describe_value(err.get('input'))})"
        if kind in _TYPE_WORDS:
            message = f"expected {_TYPE_WORDS[kind]}{got}"
        elif kind == "string_pattern_mismatch":
            pattern = str((err.get("ctx") or {}).get("pattern", ""))
            message = f"expected {_PATTERN_WORDS.get(pattern, 'text matching ' + pattern)}{got}"
        elif kind == "string_too_short":
            message = "expected some text (got an empty string)"
        elif kind == "enum" or kind == "literal_error":
            expected = str((err.get("ctx") or {}).get("expected", ""))
            message = f"expected one of {expected}{got}"
        elif kind == "value_error":
            message = str(err["msg"]).removeprefix("Value error, ") + got
        else:
            message = str(err["msg"]).replace("Input should be", "expected") + got
        out.append(source.problem(full, message))
    return out
