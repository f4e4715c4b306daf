"""``isa-kit build``: every document of a partnership as Word (and tagged PDF) files.

The build renders everything in memory first and writes only when every document rendered:
a missing value in one document must not leave a half-updated set behind. Each file is
written to a temporary name and renamed, and no file whose sha256 the data records as a
signed copy is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from isa_kit.core.atomic import write_bytes_atomic
from isa_kit.core.errors import OutputError, TemplateError, UserError
from isa_kit.core.folders import find_partnership_folders
from isa_kit.core.paths import PARTNERSHIP_FILE, display_path
from isa_kit.core.resources import resource_dir
from isa_kit.core.tree import outside_reason
from isa_kit.data.enums import DocumentKind
from isa_kit.data.snapshot import load_partnership
from isa_kit.render.clauses import CLAUSES_FILE, load_library, select
from isa_kit.render.contents import fill_contents
from isa_kit.render.context import KIND_NAMES, build_context
from isa_kit.render.environment import CompiledTemplate, load_template, render_parts
from isa_kit.render.package import CORE_PART, CoreProperties, build_package

if TYPE_CHECKING:  # served from the data snapshot, a build never imports the pydantic models
    from isa_kit.data.model import Document, Node, Partnership

SIGNATURE_PACK = "signature-pack"
DOCUMENT_PART = "word/document.xml"
LANGUAGE = "en-GB"


@dataclass(frozen=True, slots=True)
class Job:
    """One output file: which document, which template, which name."""

    document: Document
    template: Path
    template_shown: str
    output: str
    pack: bool = False


@dataclass(slots=True)
class BuildResult:
    out: Path
    docx: list[Path] = field(default_factory=list)
    pdf: list[Path] = field(default_factory=list)


def default_out(folder: Path) -> Path:
    return Path("build") / folder.resolve().name


def plan(partnership: Partnership, folder: Path, only: str | None = None) -> list[Job]:
    """The files a build writes, in a stable order (documents as loaded, each then its pack)."""
    documents = partnership.documents
    if only is not None:
        documents = [d for d in documents if d.id == only]
        if not documents:
            known = ", ".join(d.id for d in partnership.documents) or "none"
            raise UserError(
                f"--only {only}: no such document in {display_path(folder)} (documents: {known})"
            )
    defaults = resource_dir("templates")
    jobs: list[Job] = []
    for doc in documents:
        path, shown = _template_for(doc, "template", doc.template, folder, defaults, doc.kind.value)
        jobs.append(Job(doc, path, shown, f"{doc.id}.docx"))
        if doc.kind in (DocumentKind.ISA, DocumentKind.MOU) or doc.signatories:
            path, shown = _template_for(
                doc,
                "signature_pack_template",
                doc.signature_pack_template,
                folder,
                defaults,
                SIGNATURE_PACK,
            )
            jobs.append(Job(doc, path, shown, f"{doc.id}-{SIGNATURE_PACK}.docx", pack=True))
    return jobs


def _template_for(
    doc: Document, field_name: str, own: str | None, folder: Path, defaults: Path, name: str
) -> tuple[Path, str]:
    if own is None:
        path = defaults / f"{name}.docx"
        return path, display_path(path)
    path = folder / own
    reason = outside_reason(path, folder) if path.exists() or path.is_symlink() else None
    if reason is not None:
        raise TemplateError(f"{doc.loc(field_name)}: {field_name}: {display_path(path)}: {reason}")
    if not path.is_file():
        raise TemplateError(
            f"{doc.loc(field_name)}: {field_name}: no template at {display_path(path)}"
        )
    return path, display_path(path)


def render_job(
    job: Job,
    partnership: Partnership,
    as_of: dt.date,
    clauses_path: Path | None = None,
    *,
    cache: bool = True,
) -> bytes:
    """The bytes of one .docx (pure: no files written)."""
    template = load_template(job.template, job.template_shown)
    library = load_library(clauses_path or resource_dir("templates") / CLAUSES_FILE, cache=cache)
    doc = job.document
    context = build_context(
        partnership, doc, select(library, partnership, doc), as_of, template.section_slots
    )
    parts = render_parts(template, context)
    if DOCUMENT_PART in parts:
        parts[DOCUMENT_PART] = fill_contents(parts[DOCUMENT_PART])
    parts[CORE_PART] = core_properties(partnership, doc, as_of, pack=job.pack).to_xml()
    return package(template, parts)


def package(template: CompiledTemplate, parts: dict[str, bytes]) -> bytes:
    members = [(info.filename, raw) for info, raw in template.members]
    return build_package(members, parts, template.sha256)


def core_properties(
    partnership: Partnership, doc: Document, as_of: dt.date, *, pack: bool = False
) -> CoreProperties:
    """Document properties from the data (never the clock): title, language, dates."""
    kind = KIND_NAMES[doc.kind]
    first = doc.created or doc.issued
    created = first.earliest() if first else as_of
    return CoreProperties(
        title=f"Signature pack: {doc.title}" if pack else doc.title,
        subject=f"{kind}, {partnership.name}",
        creator=doc.author or doc.owner or partnership.name,
        keywords=doc.classification or "",
        description=doc.description or "",
        identifier=f"{doc.id} version {doc.version}",
        language=LANGUAGE,
        created=min(created, as_of),
        modified=as_of,
        category=kind,
    )


def protected_hashes(partnership: Partnership) -> dict[str, Node]:
    """sha256 -> where the data records it: signed copies and signature evidence."""
    out: dict[str, Node] = {}
    for doc in partnership.documents:
        if doc.signed_copy is not None:
            out[doc.signed_copy.sha256] = doc.signed_copy
        for sig in doc.signatories:
            if sig.evidence is not None:
                out[sig.evidence.sha256] = sig.evidence
    return out


def refuse_signed(targets: Sequence[Path], protected: dict[str, Node]) -> None:
    """Raise :class:`OutputError` if any target holds a file the data records as signed."""
    for target in targets:
        if not target.is_file():
            continue
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        owner = protected.get(digest)
        if owner is not None:
            raise OutputError(
                f"{display_path(target)} is the signed copy recorded at {owner.loc('sha256')}: "
                "refusing to overwrite it (move it away or build with --out)"
            )


def build(
    folder: Path,
    out: Path | None = None,
    *,
    as_of: dt.date,
    pdf: bool = False,
    only: str | None = None,
    timeout: float | None = None,
    progress: Callable[[int, int], None] | None = None,
    cache: bool = True,
) -> BuildResult:
    """Build one partnership folder's documents as of ``as_of`` (the date in their properties;
    the caller chooses it, so the same data and date give the same bytes), or, given a folder
    of partnership folders (``agreements/``), every partnership in it, each into its own
    sub-folder of ``out``. Nothing is written unless every document of every partnership
    renders. Raises a :class:`UserError` subclass on any problem. ``progress(done, total)`` is
    told after each document is rendered (and, with ``pdf``, after each PDF is checked and
    written). ``cache=False`` loads the data through pydantic even when the validated-data
    snapshot (:mod:`isa_kit.data.snapshot`) holds it."""
    if (folder / PARTNERSHIP_FILE).is_file():
        plans = [(folder, out if out is not None else default_out(folder))]
    else:
        if only is not None:
            raise UserError(f"--only {only}: give one partnership folder, not a folder of them")
        plans = [
            (f, (out / f.resolve().name) if out is not None else default_out(f))
            for f in find_partnership_folders([folder])
        ]
    loaded = [(load_partnership(each, cache=cache), each, each_out) for each, each_out in plans]
    planned = [(p, each_out, plan(p, each, only)) for p, each, each_out in loaded]
    total = sum(len(jobs) for _, _, jobs in planned) * (2 if pdf else 1)
    tell = progress or (lambda done, total: None)
    tell(0, total)
    rendered: list[tuple[Path, bytes]] = []
    protected: dict[str, Node] = {}
    for partnership, each_out, jobs in planned:
        for job in jobs:
            rendered.append(
                (each_out / job.output, render_job(job, partnership, as_of, cache=cache))
            )
            tell(len(rendered), total)
        protected.update(protected_hashes(partnership))
    targets = [target for target, _ in rendered]
    pdf_targets = [t.with_suffix(".pdf") for t in targets] if pdf else []
    refuse_signed([*targets, *pdf_targets], protected)
    result = BuildResult(plans[0][1] if len(plans) == 1 else (out or Path("build")))
    if not pdf:
        for target, data in rendered:
            write_bytes_atomic(target, data)
            result.docx.append(target)
        return result
    import tempfile  # LibreOffice and its imports only when PDFs are asked for

    from isa_kit.render import pdf as _pdf

    soffice = _pdf.find_soffice()
    for target, data in rendered:
        write_bytes_atomic(target, data)
        result.docx.append(target)
    if soffice is None:
        _pdf.require_soffice()  # raises DependencyError; the .docx files are already written
    with tempfile.TemporaryDirectory(prefix="isa-kit-pdf-") as tmp:
        made = _pdf.convert(
            targets, Path(tmp), timeout=timeout or _pdf.DEFAULT_TIMEOUT, soffice=soffice
        )
        for src, target in zip(made, pdf_targets, strict=True):
            if not _pdf.is_tagged(src):
                raise OutputError(f"{display_path(target)}: LibreOffice wrote an untagged PDF")
            write_bytes_atomic(target, _pdf.settle(src.read_bytes(), as_of))
            result.pdf.append(target)
            tell(len(rendered) + len(result.pdf), total)
    return result
