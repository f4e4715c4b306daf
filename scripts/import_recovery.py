"""Print, per seed document, the share of its structured facts a draft import recovers.

Facts are hand-listed in tests/fixtures/import/expected-facts.json (parties, registration
numbers, signatories, dates, version rows); the seeds are rebuilt as Word and, through
LibreOffice, PDF exactly as the tests do. Usage: python scripts/import_recovery.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from audit_seeddocs import SEED_FILES, build_docx, convert_to_pdf, seed_path  # noqa: E402
from import_measure import recovered  # noqa: E402

from isa_kit import import_documents  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = {
            n: build_docx(seed_path(n).read_text(encoding="utf-8"), work / f"{n}.docx")
            for n in SEED_FILES
        }
        pdfs = dict(
            zip(docs, convert_to_pdf(list(docs.values()), work / "pdf", work / "p"), strict=True)
        )
        print(f"{'seed':28} {'kind':5} {'recovered':>9} {'share':>7}  missed")
        for name in SEED_FILES:
            for kind, src in (("docx", docs[name]), ("pdf", pdfs[name])):
                into = work / "drafts" / f"{name}-{kind}"
                import_documents([src], into, dt.date(2025, 11, 21))
                got, total, missed = recovered(into, name)
                share = f"{100 * got / total:.1f}%" if total else "n/a"
                print(f"{name:28} {kind:5} {got:>4}/{total:<4} {share:>7}  {', '.join(missed)}")


if __name__ == "__main__":
    main()
