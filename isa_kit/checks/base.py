"""What a check is: a permanent code, a readable name, a category, and a pure function.

Every check is a subclass of :class:`Check` in a module of its own
(``isa001_missing_signatory.py``), listed by hand in :data:`isa_kit.checks.CHECKS`. Its
docstring is its documentation page and has the same headings for every check:

* a one-line summary;
* ``Why it matters`` (with the legal or guidance reference);
* ``Non-compliant`` and ``Compliant``, each with a YAML example in a fenced block.

:meth:`Check.check` reads only the validated partnership and the :class:`CheckContext`: no
I/O, no clock, no printing. It yields :class:`~isa_kit.core.findings.Finding` values located at
the YAML line a person must edit (``node.loc(field)``).
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, TypeVar

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Node, Partnership
from isa_kit.data.yaml import PathSeg
from isa_kit.reference.knowledge import Knowledge
from isa_kit.reference.policy import Policy

T = TypeVar("T")

DOC_HEADINGS = ("Why it matters", "Non-compliant", "Compliant")


class Phase(StrEnum):
    """When the engine runs a check."""

    DATA = "data"
    """On the partnership's data (almost every check)."""
    WAIVERS = "waivers"
    """After waivers were applied to the data checks' findings, on how the waivers fared;
    the context then carries :class:`WaiverUsage`."""


@dataclass(frozen=True)
class WaiverUsage:
    """How a partnership's waivers fared in this run (indexes into ``partnership.waivers``)."""

    used: frozenset[int]
    """Waivers that waived at least one finding."""
    considered: frozenset[int]
    """Waivers whose check ran (``--select``/``--ignore`` may leave it out), or that name a
    code no check has (always judged)."""


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may know besides the data: the date, the policy, the knowledge."""

    as_of: dt.date
    """The date the agreements are judged at (``--as-of``; read once at the CLI boundary)."""
    policy: Policy
    knowledge: Knowledge
    waivers: WaiverUsage | None = None
    """Set for :attr:`Phase.WAIVERS` checks only."""
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute something several checks share (e.g. the text scan) once per context."""
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value


class Check:
    """Base class of every check. Subclasses set the class attributes and :meth:`check`."""

    code: ClassVar[str]
    """Permanent rule code, e.g. ``ISA001``; never reused or renumbered."""
    name: ClassVar[str]
    """Readable slug, e.g. ``missing-signatory``; accepted wherever a code is."""
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    """Default severity; a policy can override it (or switch the check off)."""
    source: ClassVar[str]
    """The authority that makes a finding a problem (law, guidance, standard)."""
    phase: ClassVar[Phase] = Phase.DATA
    """When the engine runs it: on the data, or on the waivers after they were applied."""

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    # --- helpers for subclasses --------------------------------------------------------------

    def finding(
        self,
        node: Node,
        *path: PathSeg,
        message: str,
        subject: str,
        hint: str = "",
        document: str | None = None,
        severity: Severity | None = None,
        source: str | None = None,
        key: bool = False,
    ) -> Finding:
        """A finding of this check located at ``node`` (or its field ``path``)."""
        loc = node.loc(*path, key=key)
        return Finding(
            code=self.code,
            category=self.category,
            severity=severity or self.severity,
            message=message,
            file=loc.file,
            line=loc.line,
            column=loc.column,
            subject=subject,
            hint=hint,
            source=source or self.source,
            document=document,
        )

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring."""
        return (inspect.getdoc(cls) or "").strip().splitlines()[0]

    @classmethod
    def doc(cls) -> str:
        return inspect.getdoc(cls) or ""

    def __repr__(self) -> str:
        return f"<{self.code} {self.name}>"
