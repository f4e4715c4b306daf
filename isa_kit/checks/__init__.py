"""The checks of ``isa-kit check``: one module per check, the engine, baselines, the service.

The registry (:data:`CHECKS`, in :mod:`isa_kit.checks.registry`) is imported when first
asked for, not with the package: ``isa-kit check`` answered from its results cache
(:mod:`isa_kit.checks.cache`) runs no check, so it must not pay for importing them (and the
pydantic data model they read).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import Check, CheckContext
    from .registry import CHECKS, by_code

__all__ = ["CHECKS", "Check", "CheckContext", "by_code"]

_EXPORTS = {
    "CHECKS": ".registry",
    "by_code": ".registry",
    "Check": ".base",
    "CheckContext": ".base",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
