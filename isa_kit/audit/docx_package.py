"""The bounded reader of a Word package: a zip of XML parts from an untrusted source.

Every step is bounded: the zip's member count, each member's and the total uncompressed
size and compression ratio (a zip bomb is refused before anything is inflated), and the
bytes actually read. XML with a DTD or entity declarations is refused before parsing (the
billion-laughs family), and the parser never resolves entities, loads a DTD or touches the
network. Nothing here knows WordprocessingML: :mod:`.docx_walker` reads the parts this
module hands out.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .text import UnreadableError

if TYPE_CHECKING:
    from lxml import etree


@dataclass(frozen=True, slots=True)
class DocxLimits:
    max_file_bytes: int = 100_000_000
    max_members: int = 2_000
    max_total_uncompressed: int = 300_000_000
    max_member_uncompressed: int = 60_000_000
    max_ratio: int = 200
    """Largest uncompressed/compressed ratio for a member bigger than 1 MB."""


DEFAULT_LIMITS = DocxLimits()

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)

_DTD_BYTES = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_TEXT = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class Package:
    """An opened ``.docx`` zip whose members are checked on opening and read within budget."""

    def __init__(self, zf: zipfile.ZipFile, limits: DocxLimits) -> None:
        self.zf = zf
        self.limits = limits
        self.read_total = 0
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise UnreadableError(
                f"the package has {len(infos):,} members, more than the limit of "
                f"{limits.max_members:,} (a zip bomb or not a Word document)"
            )
        total = 0
        self.names: dict[str, zipfile.ZipInfo] = {}
        seen: set[str] = set()
        for info in infos:
            total += info.file_size
            if info.file_size > limits.max_member_uncompressed:
                raise UnreadableError(
                    f"member {info.filename!r} would inflate to {info.file_size:,} bytes, more "
                    f"than the limit of {limits.max_member_uncompressed:,} (a zip bomb?)"
                )
            if info.file_size > 1_000_000 and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise UnreadableError(
                    f"member {info.filename!r} is compressed {info.file_size // max(info.compress_size, 1):,} "
                    f"to 1, more than the limit of {limits.max_ratio} to 1 (a zip bomb?)"
                )
            name = info.filename.lstrip("/")
            if name.lower() in seen:
                # Two readers of this file could see different parts: never guess which.
                raise UnreadableError(
                    f"the package has two members named {name!r}: expected each part once"
                )
            seen.add(name.lower())
            self.names[name] = info
        if total > limits.max_total_uncompressed:
            raise UnreadableError(
                f"the package would inflate to {total:,} bytes, more than the limit of "
                f"{limits.max_total_uncompressed:,} (a zip bomb?)"
            )

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        info = self.names[name]
        budget = min(
            self.limits.max_member_uncompressed,
            self.limits.max_total_uncompressed - self.read_total,
        )
        with self.zf.open(info) as fh:
            data = fh.read(budget + 1)
        if len(data) > budget:
            raise UnreadableError(
                f"member {name!r} inflates beyond the reading limit (its declared size is false)"
            )
        self.read_total += len(data)
        return data

    def xml(self, name: str) -> etree._Element:
        return parse_untrusted_xml(self.read(name), name)

    def rels(self, part: str) -> dict[str, tuple[str, str, str]]:
        """Relationships of ``part``: id -> (type, resolved target, target mode)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        root = self.xml(rels_name)
        out: dict[str, tuple[str, str, str]] = {}
        for rel in root.iter(f"{{{_PKG_REL}}}Relationship"):
            rid = rel.get("Id") or ""
            target = rel.get("Target") or ""
            mode = rel.get("TargetMode") or "Internal"
            if mode == "Internal":
                target = posixpath.normpath(
                    target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                )
            out[rid] = (rel.get("Type") or "", target, mode)
        return out


def parse_untrusted_xml(data: bytes, name: str) -> etree._Element:
    """Parse one XML part, refusing DTDs and entity declarations outright."""
    from lxml import etree

    probe: bytes | str = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        try:
            probe = data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableError(f"part {name!r} is not valid XML text") from None
    found = _DTD_TEXT.search(probe) if isinstance(probe, str) else _DTD_BYTES.search(probe)
    if found:
        raise UnreadableError(
            f"part {name!r} declares a DTD or entities, which Word never writes (a "
            "billion-laughs or external-entity attack?); refused"
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise UnreadableError(f"part {name!r} is not well-formed XML ({exc})") from None
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise UnreadableError(f"part {name!r} declares a DTD; refused")
    return root
