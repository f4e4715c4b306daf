"""The reference text shown beside the data (golden rules, Caldicott principles, glossary),
read from ``reference.yaml`` next to this module: knowledge is data with a source and a date."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml


@functools.cache
def reference() -> dict[str, Any]:
    text = resources.files("isa_kit.site").joinpath("reference.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data
