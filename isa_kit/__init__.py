"""isa-kit: information governance for UK Multi-Agency Safeguarding Hubs.

The public API is small: load partnerships, and the models and findings they are made of.
Names are imported lazily so that ``isa-kit --version`` does not pay for pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

_EXPORTS = {
    "DataError": "._errors",
    "IsaKitError": "._errors",
    "Problem": "._errors",
    "UserError": "._errors",
    "Category": "._findings",
    "Finding": "._findings",
    "Severity": "._findings",
    "load_partnership": "._loader",
    "load_partnerships": "._loader",
    "Document": "._model",
    "Organisation": "._model",
    "Partnership": "._model",
}

__all__ = [
    "Category",
    "DataError",
    "Document",
    "Finding",
    "IsaKitError",
    "Organisation",
    "Partnership",
    "Problem",
    "Severity",
    "UserError",
    "__version__",
    "load_partnership",
    "load_partnerships",
]

if TYPE_CHECKING:
    from ._errors import DataError, IsaKitError, Problem, UserError
    from ._findings import Category, Finding, Severity
    from ._loader import load_partnership, load_partnerships
    from ._model import Document, Organisation, Partnership


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'isa_kit' has no attribute {name!r}")
    return getattr(importlib.import_module(module, __name__), name)
