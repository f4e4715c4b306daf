"""``isa-kit templates lint``: catch template mistakes before anyone renders.

People edit the templates in Word, and Word splits text into runs and paragraphs as it
pleases; a ``{{ placeholder }}`` typed in two goes, or a misspelt field, would otherwise only
show up when a build fails (or, with a lenient renderer, as a blank in a signed document).
The checks here: every tag opens and closes in one paragraph; ``{%p``/``{%tr`` tags stand
alone; no tag sits inside XML attributes; the template parses and its filters exist; every
name and field is part of the documented context (:mod:`isa_kit.render.context`) and the model;
and the accessibility structure is intact (headings in order, repeating table header rows,
alt text on images).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from lxml import etree
from pydantic import BaseModel

from isa_kit.render.context_types import CONTEXT_TYPES, FUNCTION_TYPES, TYPE_NAMES
from isa_kit.render.environment import environment, iter_template_parts
from isa_kit.render.letter_context import LETTER_CONTEXT_TYPES
from isa_kit.render.lint_sandbox import sandbox_refusals
from isa_kit.render.template_package import (
    external_references,
    read_template_file,
    read_template_members,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_OPEN_CLOSE = {"{{": "}}", "{%": "%}", "{#": "#}"}
_TOKEN = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_DOCX_TAG = re.compile(r"\{%\s*(p|tr|tc|r)\s")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
UNKNOWN: Any = object()
"""A type the linter cannot follow (a filter's result, a method): no further checks."""


@dataclass(frozen=True, slots=True)
class LintProblem:
    template: str
    part: str
    where: str
    message: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.template}: {self.part}:{where} {self.message}"


def lint_file(path: Path, display: str | None = None) -> list[LintProblem]:
    """Every problem in one template file (raises TemplateError if it is not a .docx).

    A template in a folder named ``letters`` is an outcome letter and is checked against the
    letter context (:mod:`isa_kit.render.letter_context`) instead of the documents'.
    """
    shown = display or str(path)
    names = LETTER_CONTEXT_TYPES if path.parent.name == "letters" else CONTEXT_TYPES
    data = read_template_file(path, shown)
    problems: list[LintProblem] = []
    members = read_template_members(data, shown)  # refuses bombs, macros, DTDs
    raw_parts = {
        i.filename: raw for i, raw in members if re.match(r"^word/[^/]+\.xml$", i.filename)
    }
    problems.extend(LintProblem(shown, n, "", m) for n, m in external_references(members))
    for name, raw in sorted(raw_parts.items()):
        if not re.match(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", name):
            continue
        try:
            root = etree.fromstring(raw, _PARSER)
        except etree.XMLSyntaxError as exc:
            problems.append(LintProblem(shown, name, "", f"not well-formed XML: {exc}"))
            continue
        problems.extend(LintProblem(shown, name, w, m) for w, m in _check_markup(root))
        if name == "word/document.xml":
            problems.extend(LintProblem(shown, name, w, m) for w, m in _check_accessibility(root))
    if any(p.message.startswith(("tag", "'")) for p in problems):
        return problems  # structure is broken: parsing would only repeat it
    for name, xml in iter_template_parts(data, shown):
        problems.extend(LintProblem(shown, name, w, m) for w, m in _check_jinja(xml, names))
    return problems


def _snippet(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text[:limit]}…"' if len(text) > limit else f'"{text}"'


def _check_markup(root: etree._Element) -> Iterator[tuple[str, str]]:
    for el in root.iter():
        for attr, raw in el.attrib.items():
            value = raw if isinstance(raw, str) else raw.decode()
            if "{{" in value or "{%" in value:
                local = etree.QName(attr).localname
                yield (
                    "",
                    f"tag inside XML markup ({local}={_snippet(value)}): move it into the text",
                )
    for index, p in enumerate(root.iter(f"{W}p"), start=1):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if "{" not in text and "}" not in text:
            continue
        where = f"paragraph {index} {_snippet(text)}"
        stack: list[str] = []
        for m in _TOKEN.finditer(text):
            tok = m.group()
            if tok in _OPEN_CLOSE:
                if stack:
                    yield where, f"tag '{stack[-1]}' is not closed before '{tok}'"
                    break
                stack.append(tok)
            elif not stack or _OPEN_CLOSE[stack[-1]] != tok:
                yield where, f"'{tok}' without a matching opening in the same paragraph"
                break
            else:
                stack.pop()
        else:
            if stack:
                yield (
                    where,
                    (
                        f"tag '{stack[-1]}' is not closed in this paragraph "
                        "(was it split across paragraphs?)"
                    ),
                )
        for m in _DOCX_TAG.finditer(text):
            kind = m.group(1)
            end = text.find("%}", m.end())
            rest = (text[: m.start()] + text[end + 2 :]).strip() if end >= 0 else ""
            if kind == "p" and rest:
                yield where, "a '{%p' tag must be alone in its paragraph"
            if kind in ("tr", "tc") and not any(a.tag == f"{W}tc" for a in p.iterancestors()):
                yield where, f"a '{{%{kind}' tag must be inside a table cell"


def _check_accessibility(root: etree._Element) -> Iterator[tuple[str, str]]:
    last = 0
    for index, p in enumerate(root.iter(f"{W}p"), start=1):
        style = p.find(f"{W}pPr/{W}pStyle")
        val = style.get(f"{W}val", "") if style is not None else ""
        m = re.fullmatch(r"Heading(\d)", val)
        if m:
            level = int(m.group(1))
            if level > last + 1:
                text = "".join(t.text or "" for t in p.iter(f"{W}t"))
                yield (
                    f"paragraph {index} {_snippet(text)}",
                    f"heading level {level} follows level {last}: headings must not skip levels",
                )
            last = level
    for index, tbl in enumerate(root.iter(f"{W}tbl"), start=1):
        first = tbl.find(f"{W}tr")
        if first is not None and first.find(f"{W}trPr/{W}tblHeader") is None:
            yield f"table {index}", "the first row is not marked as a header row that repeats"
    for pr in root.iter(WP_DOCPR):
        if not (pr.get("descr") or "").strip():
            yield f"image {pr.get('name', '')!r}", "an image has no alt text (description)"


def _check_jinja(xml: str, names: dict[str, Any]) -> Iterator[tuple[str, str]]:
    lined = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
    lines = lined.split("\n")

    def where(lineno: int | None) -> str:
        if not lineno or lineno > len(lines):
            return ""
        text = re.sub(r"<[^>]+>", "", lines[lineno - 1])
        return f"paragraph {lineno - 1} {_snippet(text)}"

    try:
        environment().compile(lined)  # syntax and unknown filters
        tree = jinja2.Environment().parse(lined)  # the untransformed tree, for types
    except jinja2.TemplateSyntaxError as exc:
        yield where(exc.lineno), exc.message or "syntax error"
        return
    for lineno, message in sandbox_refusals(tree):
        yield where(lineno), message
    yield from _TypeChecker(where, names).run(tree)


class _TypeChecker:
    """Follows names and fields through the template, knowing the context's types."""

    def __init__(self, where: typing.Callable[[int | None], str], names: dict[str, Any]) -> None:
        self.where = where
        self.names = names
        self.problems: list[tuple[str, str]] = []

    def run(self, tree: nodes.Template) -> list[tuple[str, str]]:
        self.body(tree.body, {})
        return self.problems

    def report(self, node: nodes.Node, message: str) -> None:
        item = (self.where(node.lineno), message)
        if item not in self.problems:
            self.problems.append(item)

    def body(self, stmts: list[nodes.Node], scope: dict[str, Any]) -> None:
        for stmt in stmts:
            self.stmt(stmt, scope)

    def stmt(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child, scope)
        elif isinstance(node, nodes.For):
            item = _item_type(self.expr(node.iter, scope))
            inner = dict(scope)
            inner["loop"] = UNKNOWN
            for name in _names(node.target):
                inner[name] = item if isinstance(node.target, nodes.Name) else UNKNOWN
            if node.test is not None:
                self.expr(node.test, inner)
            self.body(node.body, inner)
            self.body(node.else_, scope)
        elif isinstance(node, nodes.If):
            self.expr(node.test, scope)
            self.body(node.body, scope)
            for elif_ in node.elif_:
                self.stmt(elif_, scope)
            self.body(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            value = self.expr(node.node, scope)
            for name in _names(node.target):
                scope[name] = value if isinstance(node.target, nodes.Name) else UNKNOWN
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            self.report(node, "macros are not supported in document templates")
        else:
            for part in node.iter_child_nodes():
                if isinstance(part, nodes.Expr):
                    self.expr(part, scope)
                else:
                    self.stmt(part, scope)

    def expr(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in self.names:
                return self.names[node.name]
            if node.name in FUNCTION_TYPES:
                return UNKNOWN
            known = sorted(set(self.names) | set(FUNCTION_TYPES) | set(scope))
            self.report(node, f"unknown name '{node.name}'{_suggest(node.name, known)}")
            return UNKNOWN
        if isinstance(node, nodes.Getattr):
            return self.attr(node, self.expr(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            base = self.expr(node.node, scope)
            self.expr(node.arg, scope)
            return _item_type(base) if isinstance(node.arg, nodes.Const) else UNKNOWN
        if isinstance(node, nodes.Call):
            for arg in [*node.args, *(k.value for k in node.kwargs)]:
                self.expr(arg, scope)
            if isinstance(node.node, nodes.Name) and node.node.name in FUNCTION_TYPES:
                return FUNCTION_TYPES[node.node.name]
            self.expr(node.node, scope)
            return UNKNOWN
        if isinstance(node, nodes.Filter):
            base = self.expr(node.node, scope) if node.node is not None else UNKNOWN
            for arg in [*node.args, *(k.value for k in node.kwargs)]:
                self.expr(arg, scope)
            return base if node.name in ("default", "d") else UNKNOWN
        for child in node.iter_child_nodes():
            self.expr(child, scope)
        return UNKNOWN

    def attr(self, node: nodes.Node, owner: Any, name: str) -> Any:
        cls = _unwrap(owner)
        if cls is UNKNOWN:
            return UNKNOWN
        if name.startswith("_"):
            self.report(node, f"'{name}': names starting with '_' are not available in templates")
            return UNKNOWN
        if isinstance(cls, type) and issubclass(cls, BaseModel):
            fields = cls.model_fields
            if name in fields:
                return fields[name].annotation
            if hasattr(cls, name):
                return UNKNOWN
            self.report(
                node, f"{cls.__name__} has no field '{name}'{_suggest(name, sorted(fields))}"
            )
            return UNKNOWN
        if isinstance(cls, type) and dataclasses.is_dataclass(cls):
            hints = typing.get_type_hints(cls, localns=TYPE_NAMES)
            if name in hints:
                return hints[name]
            self.report(
                node, f"{cls.__name__} has no field '{name}'{_suggest(name, sorted(hints))}"
            )
            return UNKNOWN
        if typing.get_origin(cls) is list:
            self.report(node, f"a list has no field '{name}': loop over it with {{% for %}}")
            return UNKNOWN
        if isinstance(cls, type) and not hasattr(cls, name):
            what = cls.__name__ if not issubclass(cls, Enum) else "a choice"
            self.report(node, f"'{name}' is not available on {_type_words(cls, what)}")
        return UNKNOWN


def _names(target: nodes.Node) -> list[str]:
    if isinstance(target, nodes.Name):
        return [target.name]
    return [n.name for n in target.find_all(nodes.Name)]


def _type_words(cls: type, fallback: str) -> str:
    words = {str: "text", int: "a number", bool: "true/false", dt.date: "a date"}
    return words.get(cls, fallback)


def _unwrap(t: Any) -> Any:
    """``X | None`` -> ``X``; Annotated and unions of several types -> what can be followed."""
    if t is UNKNOWN or t is None:
        return UNKNOWN
    origin = typing.get_origin(t)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(t)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(t) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else UNKNOWN
    return t


def _item_type(t: Any) -> Any:
    t = _unwrap(t)
    if typing.get_origin(t) in (list, tuple) and typing.get_args(t):
        return typing.get_args(t)[0]
    return UNKNOWN


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def template_files(paths: list[Path]) -> list[Path]:
    """Expand folders into the .docx files they hold (sorted); files are taken as given."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            # .docm/.dotm are listed so that lint refuses them rather than passing them over
            found = [x for x in p.iterdir() if x.suffix.lower() in (".docx", ".docm", ".dotm")]
            out.extend(sorted(x for x in found if not x.name.startswith("~$")))
        else:
            out.append(p)
    return out
