"""isa-kit: information governance for UK Multi-Agency Safeguarding Hubs.

The public API is one service function per command, and the values they take and return:

=====================  ==========================================================
``validate``           :func:`load_partnerships` (and :func:`load_partnership`)
``schema``             :func:`write_schemas`
``build``              :func:`build`
``templates lint``     :func:`lint_templates`
``templates copy``     :func:`copy_templates`
``check``              :func:`check_paths` (engine: :func:`run_checks`)
``audit``              :func:`audit_paths`
``init``               :func:`init_partnership`
``site build``         :func:`build_site`
``import``             :func:`import_documents`
``letters``            :func:`make_letters`
=====================  ==========================================================

Reports render with :func:`render_report`. The package is layered (core → data →
reference/report → checks/audit/render/site/letters/importer → cli, enforced by
import-linter); names are imported lazily, so ``isa-kit --version`` does not pay for pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from isa_kit.core.version import __version__

_EXPORTS = {
    # values and errors
    "DataError": "isa_kit.core.errors",
    "IsaKitError": "isa_kit.core.errors",
    "Problem": "isa_kit.core.errors",
    "UserError": "isa_kit.core.errors",
    "Category": "isa_kit.core.findings",
    "Finding": "isa_kit.core.findings",
    "Severity": "isa_kit.core.findings",
    "Document": "isa_kit.data.model",
    "Organisation": "isa_kit.data.model",
    "Partnership": "isa_kit.data.model",
    "Report": "isa_kit.report.model",
    "render_report": "isa_kit.report.render",
    # services, one per command
    "load_partnership": "isa_kit.data.loader",
    "load_partnerships": "isa_kit.data.loader",
    "write_schemas": "isa_kit.data.schema",
    "build": "isa_kit.render.build",
    "BuildResult": "isa_kit.render.build",
    "lint_templates": "isa_kit.render.templates",
    "copy_templates": "isa_kit.render.templates",
    "check_paths": "isa_kit.checks.service",
    "CheckResult": "isa_kit.checks.service",
    "run_checks": "isa_kit.checks.engine",
    "audit_paths": "isa_kit.audit.service",
    "init_partnership": "isa_kit.data.init",
    "import_documents": "isa_kit.importer.service",
    "ImportResult": "isa_kit.importer.service",
    "AuditResult": "isa_kit.audit.service",
    "build_site": "isa_kit.site.build",
    "SiteResult": "isa_kit.site.build",
    "make_letters": "isa_kit.letters.service",
    "LettersResult": "isa_kit.letters.service",
}

# Spelt out (not computed from _EXPORTS) so that linters and IDEs see it; a test keeps the two in step.
__all__ = [
    "AuditResult",
    "BuildResult",
    "Category",
    "CheckResult",
    "DataError",
    "Document",
    "Finding",
    "ImportResult",
    "IsaKitError",
    "LettersResult",
    "Organisation",
    "Partnership",
    "Problem",
    "Report",
    "Severity",
    "SiteResult",
    "UserError",
    "__version__",
    "audit_paths",
    "build",
    "build_site",
    "check_paths",
    "copy_templates",
    "import_documents",
    "init_partnership",
    "lint_templates",
    "load_partnership",
    "load_partnerships",
    "make_letters",
    "render_report",
    "run_checks",
    "write_schemas",
]

if TYPE_CHECKING:
    from isa_kit.audit.service import AuditResult, audit_paths
    from isa_kit.checks.engine import run_checks
    from isa_kit.checks.service import CheckResult, check_paths
    from isa_kit.core.errors import DataError, IsaKitError, Problem, UserError
    from isa_kit.core.findings import Category, Finding, Severity
    from isa_kit.data.init import init_partnership
    from isa_kit.data.loader import load_partnership, load_partnerships
    from isa_kit.data.model import Document, Organisation, Partnership
    from isa_kit.data.schema import write_schemas
    from isa_kit.importer.service import ImportResult, import_documents
    from isa_kit.letters.service import LettersResult, make_letters
    from isa_kit.render.build import BuildResult, build
    from isa_kit.render.templates import copy_templates, lint_templates
    from isa_kit.report.model import Report
    from isa_kit.report.render import render_report
    from isa_kit.site.build import SiteResult, build_site


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'isa_kit' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
