"""Data -> pages: write the site's Markdown, diagrams and stylesheet into a folder.

Plain Python with no MkDocs import, so another static site generator (Zensical, say) could
build the same folder. :mod:`isa_kit.site.mkdocs_plugin` only calls :func:`generate`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from isa_kit.checks.engine import run_checks
from isa_kit.core.atomic import write_bytes_atomic
from isa_kit.data.loader import load_partnership
from isa_kit.reference.policy import load_policy
from isa_kit.site import pages_hub, pages_records
from isa_kit.site.context import SiteContext

PageFn = Callable[[SiteContext, dict[str, bytes]], str]

#: The generated pages, in the order the navigation lists them.
PAGES: tuple[tuple[str, str, PageFn], ...] = (
    ("index.md", "Home", pages_hub.home),
    ("partners.md", "Partners", pages_hub.partners),
    ("how-the-mash-works.md", "How the MASH works", pages_hub.how_it_works),
    ("information-sharing.md", "Information sharing", pages_hub.sharing),
    ("agreements.md", "Agreements register", pages_records.register),
    ("compliance.md", "Compliance", pages_records.compliance),
    ("amendments.md", "Amendments log", pages_records.amendments),
    ("glossary.md", "Glossary", pages_records.glossary),
    ("accessibility.md", "Accessibility statement", pages_records.accessibility),
)
STYLESHEET = "stylesheets/isa-kit.css"
#: Built documents larger than this are not copied into the site.
MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024


@dataclass
class Generated:
    context: SiteContext
    files: dict[str, bytes]
    """Path inside the docs folder -> bytes."""

    def header(self) -> str:
        return self.context.header()


def generate_files(folder: Path, as_of: dt.date, documents: Path | None = None) -> Generated:
    """Every generated file of the site of the partnership in ``folder``, in memory.

    ``documents`` is where ``isa-kit build`` wrote the partnership's DOCX/PDF (linked from
    the register when present). Raises :class:`DataError` when the data does not load.
    """
    partnership = load_partnership(folder)
    policies = {partnership.folder or str(folder): load_policy(folder)}
    report = run_checks([partnership], as_of, policies=policies).report
    ctx = SiteContext(partnership, as_of, report)
    files: dict[str, bytes] = {}
    if documents is not None:
        for doc in partnership.documents:
            for ext in ("docx", "pdf"):
                path = documents / f"{doc.id}.{ext}"
                if path.is_file() and path.stat().st_size <= MAX_DOWNLOAD_BYTES:
                    files[f"downloads/{path.name}"] = path.read_bytes()
                    ctx.downloads.setdefault(doc.id, []).append(path.name)
    for name, _title, page in PAGES:
        files[name] = page(ctx, files).encode("utf-8")
    css = resources.files("isa_kit.site").joinpath("isa-kit.css").read_bytes()
    files[STYLESHEET] = css
    return Generated(ctx, files)


def write_files(files: dict[str, bytes], out: Path) -> list[Path]:
    written = []
    for name, data in sorted(files.items()):
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, data)
        written.append(target)
    return written


def generate(folder: Path, out: Path, as_of: dt.date, documents: Path | None = None) -> list[Path]:
    """Write the generated pages and assets of ``folder``'s site into ``out``."""
    return write_files(generate_files(folder, as_of, documents).files, out)
