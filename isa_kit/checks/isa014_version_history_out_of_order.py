"""ISA014 version-history-out-of-order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership, VersionEntry

from ._scope import live_documents
from .base import Check, CheckContext

_NUMBER = re.compile(r"\d+(?:\.\d+)*")


Key = tuple[tuple[int, ...], Decimal | None]


def _version(entry: VersionEntry) -> Key | None:
    """The version as dotted numbers and, when it has at most one dot, as a decimal too:
    ``0.002``, ``0.1``, ``0.11``, ``0.2`` is an order read as decimals (and ``1.9``,
    ``1.10`` as dotted numbers); only a history out of order under both readings is reported."""
    m = _NUMBER.search(entry.version)
    if not m:
        return None
    text = m.group(0)
    decimal = Decimal(text) if text.count(".") <= 1 else None
    return tuple(int(x) for x in text.split(".")), decimal


def _moves(a: object, b: object, earlier: bool, later: bool) -> bool:
    """True when versions ``a`` -> ``b`` and their dates move in opposite directions."""
    if a is None or b is None:
        return True
    return (b > a and earlier) or (b < a and later)  # type: ignore[operator]


class VersionHistoryOutOfOrder(Check):
    """A document's version history runs in one order: later versions have later dates.

    The history may be listed oldest first or newest first; reported is each entry whose
    version number and date move in opposite directions from the entry before it (version
    1.3 dated before version 1.2), and a version number listed twice.

    ## Why it matters

    The version history is how a partner proves which text it signed and when it changed
    (ICO accountability framework, "records of processing and lawful basis"; UK GDPR
    Article 5(2)). A history out of order leaves the current version in doubt.

    ## Non-compliant

    ```yaml
    history:
      - {version: "1.2", date: 2016-03}
      - {version: "1.3", date: 2015-11}
    ```

    ## Compliant

    ```yaml
    history:
      - {version: "1.2", date: 2015-11}
      - {version: "1.3", date: 2016-03}
    ```
    """

    code = "ISA014"
    name = "version-history-out-of-order"
    category = Category.VERSION_HISTORY_OUT_OF_ORDER
    severity = Severity.WARNING
    source = "UK GDPR Article 5(2) (accountability); ICO accountability framework"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in live_documents(partnership):
            seen: set[str] = set()
            prev: tuple[Key, VersionEntry] | None = None
            for entry in doc.history:
                v = _version(entry)
                if v is None:
                    continue
                if entry.version.strip() in seen:
                    yield self.finding(
                        entry,
                        "version",
                        message=f"version history of '{doc.id}' lists version {entry.version} twice",
                        subject=doc.id,
                        document=doc.id,
                        hint="Give each change its own version number.",
                    )
                seen.add(entry.version.strip())
                if prev is not None:
                    yield from self._order(doc.id, prev, (v, entry))
                prev = (v, entry)

    def _order(
        self,
        doc_id: str,
        before: tuple[Key, VersionEntry],
        now: tuple[Key, VersionEntry],
    ) -> Iterator[Finding]:
        (pv, pe), (v, entry) = before, now
        if entry.date is None or pe.date is None:
            return
        later = entry.date.earliest() > pe.date.latest()
        earlier = entry.date.latest() < pe.date.earliest()
        if _moves(pv[0], v[0], earlier, later) and _moves(pv[1], v[1], earlier, later):
            yield self.finding(
                entry,
                "date",
                message=(
                    f"version history of '{doc_id}' is out of order: version {entry.version} "
                    f"({entry.date.human()}) against version {pe.version} ({pe.date.human()})"
                ),
                subject=doc_id,
                document=doc_id,
                hint="List versions in order, each dated when it was issued.",
            )
