"""Read a Word (.docx) file as located text, under strict bounds, without python-docx.

The file is a zip of XML parts from an untrusted source. This module sniffs the file (an old
binary ``.doc``, a PDF or anything else that is not a zip is refused by name), then finds the
main document part and its headers, footers, footnotes and endnotes, and ``mailto:``
hyperlink targets the text does not show. The work is split in two:

* :mod:`.docx_package`: the bounded zip and XML reader (:class:`DocxLimits`,
  :func:`parse_untrusted_xml`): zip bombs, DTDs and entities are refused there;
* :mod:`.docx_walker`: the walk of WordprocessingML in reading order, which counts tracked
  insertions and deletions: an agreement with unaccepted changes does not say one thing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from .docx_package import DEFAULT_LIMITS, DocxLimits, Package, parse_untrusted_xml
from .docx_walker import Walker
from .text import Block, DocumentText, TrackedChanges, UnreadableError, sized_within

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["DEFAULT_LIMITS", "DocxLimits", "parse_untrusted_xml", "read_docx"]

_W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RELATED_PARTS = (
    ("/header", "header"),
    ("/footer", "footer"),
    ("/footnotes", "footnote"),
    ("/endnotes", "endnote"),
)
"""Relationship type suffixes of the parts read after the body, and their part labels."""

Relationships = dict[str, tuple[str, str, str]]


def read_docx(path: Path, display: str, limits: DocxLimits = DEFAULT_LIMITS) -> DocumentText:
    sized_within(path, limits.max_file_bytes)
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(_OLE2_MAGIC):
        raise UnreadableError(
            "this is an old binary Word (.doc) file, not a .docx; open it in Word and save it "
            "as .docx (or PDF) to audit it"
        )
    if head.startswith(b"%PDF"):
        raise UnreadableError("this is a PDF file with a .docx name; rename it to .pdf")
    if not head.startswith(b"PK"):
        raise UnreadableError("this is not a Word .docx file (it is not a zip package)")
    try:
        with zipfile.ZipFile(path) as zf:
            return _read_package(zf, display, limits)
    except UnreadableError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise UnreadableError(f"the .docx package is damaged ({exc})") from None
    except (ValueError, KeyError, IndexError, RecursionError, MemoryError) as exc:
        raise UnreadableError(f"the .docx package could not be read ({exc})") from None


def _read_package(zf: zipfile.ZipFile, display: str, limits: DocxLimits) -> DocumentText:
    pkg = Package(zf, limits)
    main = _main_part(pkg)
    root = pkg.xml(main)
    walker = Walker(_document_namespace(root))
    body = root.find(f"{walker.w}body")
    if body is None:
        raise UnreadableError("the Word document has no body")
    walker.walk_container(body, part="body")
    rels = pkg.rels(main)
    _walk_related_parts(pkg, rels, walker)
    _add_hidden_mailto_targets(rels, walker)
    doc = DocumentText(path=display, kind="docx", blocks=walker.blocks, tracked=_tracked(walker))
    if doc.char_count() == 0:
        doc.unverifiable = (
            "it contains no text"
            + (" (only pictures, perhaps scanned pages)" if walker.pictures else "")
            + ", so nothing in it can be checked"
        )
    return doc


def _main_part(pkg: Package) -> str:
    """The main document part the package's relationships name (Word's usual one if none)."""
    main = "word/document.xml"
    for _rid, (rtype, target, _mode) in pkg.rels("").items():
        if rtype.endswith("/officeDocument"):
            main = target
            break
    if not pkg.has(main):
        raise UnreadableError(
            "the package has no Word document part (it may be another Office format renamed .docx)"
        )
    if not pkg.has("[Content_Types].xml"):  # Word itself refuses such a package
        raise UnreadableError("the package has no [Content_Types].xml: damaged or not Word")
    return main


def _document_namespace(root: etree._Element) -> str:
    """The WordprocessingML namespace (transitional or strict) of the main part's root."""
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if ns not in (_W_TRANSITIONAL, _W_STRICT):
        raise UnreadableError("the main part is not a WordprocessingML document")
    return ns


def _walk_related_parts(pkg: Package, rels: Relationships, walker: Walker) -> None:
    """Headers, footers, footnotes and endnotes, each part once, in order of target name."""
    seen_parts: set[str] = set()
    for _rid, (rtype, target, mode) in sorted(rels.items(), key=lambda kv: kv[1][1]):
        if mode != "Internal" or target in seen_parts or not pkg.has(target):
            continue
        for suffix, label in _RELATED_PARTS:
            if rtype.endswith(suffix):
                seen_parts.add(target)
                part_root = pkg.xml(target)
                if label in ("footnote", "endnote"):
                    walker.walk_notes(part_root, label)
                else:
                    walker.walk_container(part_root, part=label)
                break


def _add_hidden_mailto_targets(rels: Relationships, walker: Walker) -> None:
    """``mailto:`` targets whose address the display text does not show."""
    shown = " ".join(b.text for b in walker.blocks).lower()
    for _rid, (rtype, target, mode) in sorted(rels.items()):
        if (
            mode == "External"
            and rtype.endswith("/hyperlink")
            and target.lower().startswith("mailto:")
        ):
            address = target[7:].split("?")[0].strip()
            if address and address.lower() not in shown:
                walker.blocks.append(
                    Block(region="hyperlink target", text=address, part="hyperlink")
                )


def _tracked(walker: Walker) -> TrackedChanges | None:
    """The tracked changes the walk counted, if any."""
    if not (walker.ins or walker.dels or walker.fmt):
        return None
    return TrackedChanges(
        walker.ins,
        walker.dels,
        walker.fmt,
        walker.first_change_region or "",
        walker.first_change_quote,
    )
