"""Write a .docx package byte for byte the same every time.

``zipfile`` stamps members with the clock and python-docx writes the core properties from
it, so two builds of the same data would differ. Here the package is assembled directly:
members in the template's order, a fixed timestamp, fixed attributes, and the document
properties (title, language, dates) taken from the data. Unchanged members are compressed
once per template and reused, which is most of the speed-up over docxtpl's ``save``.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

CORE_PART = "docProps/core.xml"
_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1  # 1980-01-01, the earliest a zip can say
_LEVEL = 6


def _escape(text: str) -> str:
    """XML character data (``xml.sax.saxutils.escape`` would import urllib and http.client
    into every build just for this)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True, slots=True)
class CoreProperties:
    """The document properties a reader (and a screen reader, and a PDF) sees."""

    title: str
    subject: str
    creator: str
    keywords: str
    description: str
    identifier: str
    language: str
    created: dt.date
    modified: dt.date
    category: str = ""

    def to_xml(self) -> bytes:
        def el(tag: str, value: str) -> str:
            return f"<{tag}>{_escape(value)}</{tag}>" if value else f"<{tag}/>"

        def when(tag: str, day: dt.date) -> str:
            return f'<{tag} xsi:type="dcterms:W3CDTF">{day.isoformat()}T00:00:00Z</{tag}>'

        body = "".join(
            [
                el("dc:title", self.title),
                el("dc:subject", self.subject),
                el("dc:creator", self.creator),
                el("cp:keywords", self.keywords),
                el("dc:description", self.description),
                el("dc:identifier", self.identifier),
                el("dc:language", self.language),
                el("cp:lastModifiedBy", self.creator),
                "<cp:revision>1</cp:revision>",
                when("dcterms:created", self.created),
                when("dcterms:modified", self.modified),
                el("cp:category", self.category),
            ]
        )
        return (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"{body}</cp:coreProperties>"
        ).encode()


@dataclass(frozen=True, slots=True)
class _Entry:
    name: bytes
    crc: int
    size: int
    data: bytes  # compressed


_STATIC: dict[tuple[str, str], _Entry] = {}


def _entry(name: str, raw: bytes) -> _Entry:
    comp = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    data = comp.compress(raw) + comp.flush()
    return _Entry(name.encode("utf-8"), zlib.crc32(raw), len(raw), data)


def _static_entry(cache_key: str, name: str, raw: bytes) -> _Entry:
    key = (cache_key, name)
    entry = _STATIC.get(key)
    if entry is None:
        entry = _STATIC[key] = _entry(name, raw)
    return entry


def build_package(
    members: list[tuple[str, bytes]],
    replaced: Mapping[str, bytes],
    cache_key: str,
) -> bytes:
    """Assemble the zip: ``members`` in order, with ``replaced`` parts swapped in.

    ``cache_key`` identifies the template (its sha256) so that its unchanged members are
    compressed only once. Members named in ``replaced`` but absent from ``members`` are
    appended in sorted order.
    """
    entries: list[_Entry] = []
    names = set()
    for name, raw in members:
        names.add(name)
        if name in replaced:
            entries.append(_entry(name, replaced[name]))
        else:
            entries.append(_static_entry(cache_key, name, raw))
    for name in sorted(set(replaced) - names):
        entries.append(_entry(name, replaced[name]))
    return _zip(entries)


def _zip(entries: list[_Entry]) -> bytes:
    out = bytearray()
    central = bytearray()
    for e in entries:
        offset = len(out)
        flags = 0x800 if any(b > 0x7F for b in e.name) else 0  # UTF-8 names
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            flags,
            8,
            _DOS_TIME,
            _DOS_DATE,
            e.crc,
            len(e.data),
            e.size,
            len(e.name),
            0,
        )
        out += e.name
        out += e.data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            flags,
            8,
            _DOS_TIME,
            _DOS_DATE,
            e.crc,
            len(e.data),
            e.size,
            len(e.name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += e.name
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0
    )
    return bytes(out)
