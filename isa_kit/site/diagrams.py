"""Diagrams drawn at build time with Graphviz (``dot -Tsvg``): nothing is fetched by the page.

Each diagram is described as steps (:class:`Flow`); the same steps give the DOT graph and the
text alternative the page prints under it, so the two can never disagree.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from dataclasses import dataclass, field

from isa_kit.core.errors import DependencyError


@dataclass
class Flow:
    """Boxes joined by labelled arrows; ``edges`` are (from index, to index, label)."""

    title: str
    nodes: list[str] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)
    edges: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, text: str, shape: str = "box") -> int:
        self.nodes.append(text)
        self.shapes.append(shape)
        return len(self.nodes) - 1

    def link(self, a: int, b: int, label: str = "") -> None:
        self.edges.append((a, b, label))


def _quote(text: str, width: int = 28) -> str:
    wrapped = "\n".join(textwrap.wrap(text, width)) or " "
    return '"' + wrapped.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(flow: Flow) -> str:
    lines = [
        "digraph G {",
        '  graph [rankdir=TB, bgcolor="transparent", nodesep=0.4, ranksep=0.35];',
        '  node [fontname="Liberation Sans", fontsize=11, style="rounded,filled",'
        ' fillcolor="#eef1fb", color="#3f51b5", fontcolor="#1a1a1a"];',
        '  edge [fontname="Liberation Sans", fontsize=10, color="#333333", fontcolor="#1a1a1a"];',
    ]
    for i, (text, shape) in enumerate(zip(flow.nodes, flow.shapes, strict=True)):
        extra = ', style="filled", fillcolor="#fff7e0"' if shape == "diamond" else ""
        lines.append(f"  n{i} [label={_quote(text)}, shape={shape}{extra}];")
    for a, b, label in flow.edges:
        lab = f" [label={_quote(label, 20)}]" if label else ""
        lines.append(f"  n{a} -> n{b}{lab};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_svg(flow: Flow, timeout: float = 30.0) -> bytes:
    """The flow as SVG, from Debian's ``graphviz`` (``dot``)."""
    dot = shutil.which("dot")
    if dot is None:
        raise DependencyError(
            "the site's diagrams need Graphviz: apt-get install graphviz (or run scripts/bootstrap.sh)"
        )
    done = subprocess.run(
        [dot, "-Tsvg"], input=to_dot(flow).encode("utf-8"), capture_output=True, timeout=timeout
    )
    if done.returncode != 0:
        raise DependencyError(f"Graphviz failed: {done.stderr.decode('utf-8', 'replace')[:200]}")
    return done.stdout


def text_alternative(flow: Flow) -> list[str]:
    """The same steps in words, one line per box with where each arrow leads."""
    out: list[str] = []
    for i, text in enumerate(flow.nodes):
        nexts = [(b, label) for a, b, label in flow.edges if a == i]
        if not nexts:
            out.append(text)
            continue
        ways = "; ".join(f"{label + ': ' if label else ''}go to step {b + 1}" for b, label in nexts)
        out.append(f"{text} ({ways})")
    return out
