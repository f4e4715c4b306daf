"""Turn the flattened seed documents back into Word (and, via LibreOffice, PDF) files.

The seeds (tests/fixtures/seeds, see its README.md) are real, published MASH documents
flattened to text, with the names of individuals replaced by their roles: tab-separated lines
are table rows (or, in the Herefordshire layout, one tab-prefixed cell per line with rows
separated by blank lines), with some HTML and Markdown left in. Rebuilding them as real
Word tables lets the audit read signature and ICO tables as an auditor would meet them.
Files are built at test time in temporary folders and never committed.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"

SEED_FILES = {
    "staffordshire-mou": "staffordshire-mou.txt",
    "staffordshire-guidance": "staffordshire-guidance.txt",
    "northamptonshire-protocol": "northamptonshire-protocol.txt",
    "herefordshire-guidance": "herefordshire-guidance.txt",
    "barnet-protocol-isa": "barnet-protocol-isa.txt",
}

_TAG = re.compile(r"<[^>]+>")
_SPLIT_TAGS = re.compile(r"</?(?:p|li|ul|ol|br)\b[^>]*>", re.IGNORECASE)
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")


def seed_path(name: str) -> Path:
    return SEEDS / SEED_FILES[name]


def seeds_available() -> bool:
    """The seeds are part of the repository; ``bench/bench_audit.py`` still asks."""
    return all((SEEDS / f).is_file() for f in SEED_FILES.values())


def _inline(text: str) -> str:
    text = _BOOKMARK.sub("", text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = text.replace("\\*", "*").replace("\\_", "_").replace("\\(", "(").replace("\\)", ")")
    text = text.replace("**", "").replace("<sup>", "")
    text = re.sub(r"(?<!\w)\*([^*\s][^*]*)\*(?!\w)", r"\1", text)
    return text.strip()


def _cell_paragraphs(raw: str) -> list[str]:
    parts = [_inline(p) for p in _SPLIT_TAGS.split(raw)]
    parts = [p.lstrip("•· ").strip() for p in parts]
    return [p for p in parts if p] or [""]


def parse_seed(text: str) -> list[tuple[str, object]]:
    """Blocks: ("heading", (level, text)), ("para", text), ("bullet", text), ("table", rows)."""
    lines = text.splitlines()
    blocks: list[tuple[str, object]] = []
    i = 0
    n = len(lines)

    def is_cell_line(line: str) -> bool:  # Herefordshire: "\tcell" one per line
        return line.startswith("\t") and line.count("\t") == 1

    while i < n:
        line = lines[i]
        if not line.strip() and not is_cell_line(line):
            i += 1
            continue
        if is_cell_line(line):
            rows: list[list[str]] = []
            row: list[str] = []
            while i < n and (is_cell_line(lines[i]) or not lines[i].strip()):
                if is_cell_line(lines[i]):
                    row.append(lines[i][1:])
                elif row:
                    rows.append(row)
                    row = []
                i += 1
            if row:
                rows.append(row)
            blocks.append(("table", rows))
            continue
        if "\t" in line:
            rows = []
            while i < n and "\t" in lines[i] and not is_cell_line(lines[i]):
                rows.append(lines[i].split("\t"))
                i += 1
            blocks.append(("table", rows))
            continue
        stripped = line.strip()
        m = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if m:
            blocks.append(("heading", (min(len(m.group(1)), 3), _inline(m.group(2)))))
        elif re.match(r"^[-•·]\s+", stripped):
            blocks.append(("bullet", _inline(re.sub(r"^[-•·]\s+", "", stripped))))
        else:
            blocks.append(("para", _inline(stripped)))
        i += 1
    return blocks


def build_docx(seed_text: str, out: Path) -> Path:
    """Write ``out`` from a seed's text, with its tables as real Word tables."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Sans"
    style.font.size = Pt(10)
    for kind, payload in parse_seed(seed_text):
        if kind == "heading":
            level, text = payload  # type: ignore[misc]
            if text:
                document.add_heading(text, level=level)
        elif kind == "para":
            document.add_paragraph(str(payload))
        elif kind == "bullet":
            document.add_paragraph(str(payload), style="List Bullet")
        elif kind == "table":
            rows: list[list[str]] = payload  # type: ignore[assignment]
            width = max(len(r) for r in rows)
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for raw in rows:
                cells = table.add_row().cells
                for j in range(width):
                    paras = _cell_paragraphs(raw[j]) if j < len(raw) else [""]
                    cells[j].text = paras[0]
                    for extra in paras[1:]:
                        cells[j].add_paragraph(extra)
            document.add_paragraph("")
    document.save(str(out))
    return out


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(files: list[Path], outdir: Path, profile: Path) -> list[Path]:
    """Convert Word files to PDF in one LibreOffice run with a private profile."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, HOME=str(profile))
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *[str(f) for f in files],
        ],
        check=True,
        capture_output=True,
        timeout=600,
        env=env,
    )
    out = [outdir / (f.stem + ".pdf") for f in files]
    missing = [p for p in out if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}")
    return out
