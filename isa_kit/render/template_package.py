"""Opening a Word template as the untrusted zip it is.

Anyone with write access to the repository can replace a template, so before anything is
inflated or parsed the package is checked: member count, declared sizes and compression
ratio (a zip bomb is refused unread), each member read within its budget, one member per
name, a ``word/document.xml`` present, no macro project or ActiveX (a ``.docm`` would have
its macros copied into every generated document) and no DTD in any XML part (entity
expansion and external entities). ``build`` and ``templates lint`` both read through here.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path, PurePath

from isa_kit.core.errors import TemplateError

MAX_TEMPLATE_BYTES = 30_000_000
MAX_MEMBERS = 1_000
MAX_MEMBER_BYTES = 30_000_000
MAX_TOTAL_BYTES = 100_000_000
#: Largest uncompressed/compressed ratio for a member bigger than 1 MB.
MAX_RATIO = 100
_MACRO_SUFFIXES = (".docm", ".dotm")
_MACRO_PARTS = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml|activeX/)", re.IGNORECASE)
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def check_template_name(name: str, shown: str) -> None:
    """Refuse a macro-enabled template by its name (``.docm``, ``.dotm``)."""
    if PurePath(name).suffix.lower() in _MACRO_SUFFIXES:
        raise TemplateError(
            f"{shown}: a macro-enabled template is refused: save it as a Word Document (.docx)"
        )


def read_template_file(path: Path, shown: str) -> bytes:
    """The bytes of a template file, refusing a macro-enabled name or an oversized file."""
    check_template_name(path.name, shown)
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(
                f"{shown}: the template is {size:,} bytes: expected at most {MAX_TEMPLATE_BYTES:,}"
            )
        return path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{shown}: cannot read template: {exc.strerror}") from None


def read_template_members(data: bytes, shown: str) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """Every member of the template package, read within the bounds above."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(
            f"{shown}: the template is {len(data):,} bytes: expected at most {MAX_TEMPLATE_BYTES:,}"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            _check_directory(infos, shown)
            return [(info, _read(zf, info, shown)) for info in infos]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise TemplateError(f"{shown}: not a Word (.docx) file: {exc}") from None


def _check_directory(infos: list[zipfile.ZipInfo], shown: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise TemplateError(f"{shown}: {len(infos):,} members: expected at most {MAX_MEMBERS:,}")
    names: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name.lower() in names:
            raise TemplateError(f"{shown}: two members named {name!r}: expected each part once")
        names.add(name.lower())
        if _MACRO_PARTS.search(name):
            raise TemplateError(
                f"{shown}: contains a macro project or ActiveX control ({name}): refused; "
                "save it as a Word Document (.docx) without macros"
            )
        total += info.file_size
        big = info.file_size > 1_000_000
        if info.file_size > MAX_MEMBER_BYTES or (
            big and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise TemplateError(
                f"{shown}: member {name!r} would inflate to {info.file_size:,} bytes: "
                "refused (a zip bomb?)"
            )
    if total > MAX_TOTAL_BYTES:
        raise TemplateError(f"{shown}: would inflate to {total:,} bytes: refused (a zip bomb?)")
    if "word/document.xml" not in names:
        raise TemplateError(f"{shown}: no word/document.xml: expected a Word (.docx) template")


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str) -> bytes:
    with zf.open(info) as fh:
        raw = fh.read(info.file_size + 1)  # never more than the directory declared
    if len(raw) > info.file_size:
        raise TemplateError(f"{shown}: member {info.filename!r} is larger than declared: refused")
    name = info.filename.lower()
    if name.endswith((".xml", ".rels")) and _DTD.search(raw):
        raise TemplateError(
            f"{shown}: {info.filename} contains a DTD (<!DOCTYPE> or <!ENTITY>): refused"
        )
    if name == "[content_types].xml" and b"macroEnabled" in raw:
        raise TemplateError(
            f"{shown}: a macro-enabled package (its content types say so): refused; "
            "save it as a Word Document (.docx)"
        )
    return raw


_FIELD = re.compile(
    rb"\b(INCLUDETEXT|INCLUDEPICTURE|LINK|DDE|DDEAUTO|IMPORT|INCLUDE)\b", re.IGNORECASE
)
_INSTR = re.compile(rb"<w:instrText[^>]*>([^<]*)<|w:instr=\"([^\"]*)\"")
_EXTERNAL_REL = re.compile(rb"<Relationship\b[^>]*>", re.IGNORECASE)


def external_references(
    members: list[tuple[zipfile.ZipInfo, bytes]],
) -> list[tuple[str, str]]:
    """(part, message) for each field or relationship that fetches content from elsewhere
    when the document is opened (``INCLUDETEXT``, ``INCLUDEPICTURE``, a linked image or an
    attached template): a generated agreement must not call out. Hyperlinks are fine."""
    found: list[tuple[str, str]] = []
    for info, raw in members:
        name = info.filename
        if name.startswith("word/") and name.endswith(".xml"):
            if b"w:instr" not in raw:  # both forms of a field say so; styles.xml is ~350 KB
                continue
            instr = b" ".join(a or b for a, b in _INSTR.findall(raw))
            for match in sorted({m.upper() for m in _FIELD.findall(instr)}):
                found.append((name, f"a {match.decode()} field fetches content from elsewhere"))
        elif name.endswith(".rels"):
            for rel in _EXTERNAL_REL.findall(raw):
                if b'TargetMode="External"' in rel and b"/hyperlink" not in rel:
                    target = re.search(rb'Target="([^"]*)"', rel)
                    shown = target.group(1).decode(errors="replace")[:80] if target else "?"
                    found.append((name, f"an external link to {shown!r} (a linked image?)"))
    return found
