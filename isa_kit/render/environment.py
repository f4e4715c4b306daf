"""Strict, sandboxed, cached rendering of Word templates.

Why not ``DocxTemplate(...).render(...).save(...)``? docxtpl renders leniently (a missing
value becomes a blank in a document someone signs), runs an unsandboxed Jinja environment,
and on every render re-reads the package with python-docx, re-patches the XML with regular
expressions and recompiles the Jinja template. Here:

* one :class:`KitEnvironment` (an immutable sandbox with autoescaping and strict undefined)
  compiles every template, and rewrites each ``{{ placeholder }}`` so that a missing *or None*
  value stops the build with the template, the placeholder and the YAML location;
* docxtpl's XML patching (``{%p``/``{%tr`` tags, tags split across runs; our own
  implementation, :mod:`isa_kit.render.patch`) is applied once per template file and the
  compiled Jinja templates are cached by content, a chunk of paragraphs at a time;
* rendering produces the XML of each templated part, which must parse strictly before the
  package is written by :mod:`isa_kit.render.package`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from isa_kit.core.errors import TemplateError
from isa_kit.data.nodes import NodeBase as Node
from isa_kit.data.positions import format_path
from isa_kit.render import bounds
from isa_kit.render.template_package import (
    external_references,
    read_template_file,
    read_template_members,
)

if TYPE_CHECKING:
    from isa_kit.render.cache import ChunkedTemplate

#: Package parts that may hold placeholders (the body, headers, footers and notes).
_TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_HAS_TAG = re.compile(r"\{[\s\S]{0,400}?[{%#]")
#: Filters that make a placeholder optional: ``{{ org.ico_registration | default("none") }}``.
OPTIONAL_FILTERS = frozenset({"default", "d"})
# Characters XML 1.0 cannot carry (also refused by the YAML loader; data can come from Python).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_STRICT_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_BREAK = Markup('</w:t><w:br/><w:t xml:space="preserve">')
_TAB = Markup('</w:t><w:tab/><w:t xml:space="preserve">')


class MissingValue(Exception):
    """Raised inside rendering; turned into a :class:`TemplateError` that names everything."""

    def __init__(self, text: str, detail: str) -> None:
        super().__init__(text, detail)
        self.text = text
        self.detail = detail


def expr_text(node: nodes.Node) -> str:
    """Jinja expression back to (approximately) its source, for messages."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{expr_text(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        arg = node.arg.value if isinstance(node.arg, nodes.Const) else "..."
        return f"{expr_text(node.node)}[{arg!r}]"
    if isinstance(node, nodes.Filter):
        inner = expr_text(node.node) if node.node is not None else ""
        return f"{inner} | {node.name}"
    if isinstance(node, nodes.Call):
        return f"{expr_text(node.node)}(...)"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    return type(node).__name__.lower()


def chain_of(node: nodes.Node) -> tuple[str, tuple[str | int, ...]] | None:
    """``a.b[0].c`` -> ``("a", ("b", 0, "c"))``; None for anything that is not such a chain."""
    segs: list[str | int] = []
    while True:
        if isinstance(node, nodes.Getattr):
            segs.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            value = node.arg.value
            if not isinstance(value, str | int):
                return None
            segs.append(value)
            node = node.node
        elif isinstance(node, nodes.Name):
            return node.name, tuple(reversed(segs))
        else:
            return None


class _Strictify(jinja2.visitor.NodeTransformer):
    """Rewrite every output expression so that None or undefined is an error with a location."""

    def visit_Output(self, node: nodes.Output) -> nodes.Output:
        node.nodes = [n if isinstance(n, nodes.TemplateData) else self._wrap(n) for n in node.nodes]
        return node

    def _wrap(self, expr: nodes.Expr) -> nodes.Expr:
        text = expr_text(expr)
        # Walk down through filters to the value they start from.
        parent: nodes.Filter | None = None
        subject: nodes.Expr = expr
        while isinstance(subject, nodes.Filter) and subject.node is not None:
            if subject.name in OPTIONAL_FILTERS:
                return expr  # the author made this value optional on purpose
            parent, subject = subject, subject.node
        chain = chain_of(subject)
        if chain is not None:
            root, segs = chain
            strict = nodes.Call(
                nodes.Name("_strict", "load"),
                [nodes.Name(root, "load"), nodes.Const(root), nodes.Const(segs), nodes.Const(text)],
                [],
                None,
                None,
            )
            if parent is None:
                expr = strict
            else:
                parent.node = strict
        out = nodes.Call(nodes.Name("_out", "load"), [expr, nodes.Const(text)], [], None, None)
        out.set_lineno(expr.lineno or 1)
        return out


class KitEnvironment(ImmutableSandboxedEnvironment):
    """The one Jinja environment of the kit: sandboxed, autoescaping, strict, bounded."""

    #: Operators checked before they run (and so never folded at compile time either).
    intercepted_binops = frozenset({"**", "*"})

    def __init__(self) -> None:
        super().__init__(
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            auto_reload=False,
            cache_size=0,
        )
        self.globals["_strict"] = self._strict
        self.globals["_out"] = self._out
        self.globals.pop("lipsum", None)  # generates text without bound; no document needs it

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        bounds.check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(
        __self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any
    ) -> Any:
        if __obj is not __self.globals["_out"] and __obj is not __self.globals["_strict"]:
            bounds.check_arguments(getattr(__obj, "__name__", "a call"), args, kwargs)
        return bounds.check_result("a call", super().call(__context, __obj, *args, **kwargs))

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        result = _Strictify().visit(tree)
        assert isinstance(result, nodes.Template)
        return result

    def _strict(self, root: Any, name: str, segs: tuple[str | int, ...], text: str) -> Any:
        """Follow ``root.seg.seg`` like Jinja would, failing with the YAML location of a gap."""
        if isinstance(root, jinja2.Undefined):
            raise MissingValue(text, f"unknown name '{name}' (see docs/templates.md)")
        value: Any = root
        owner: Node | None = root if isinstance(root, Node) else None
        owner_at = 0
        for i, seg in enumerate(segs):
            if isinstance(value, Node):
                owner, owner_at = value, i
            if value is None:
                raise MissingValue(text, _where(owner, segs[owner_at:]))
            nxt = self.getattr(value, seg) if isinstance(seg, str) else self.getitem(value, seg)
            if isinstance(nxt, jinja2.Undefined):
                if (
                    isinstance(value, Node)
                    and isinstance(seg, str)
                    and seg not in type(value).model_fields
                ):
                    raise MissingValue(
                        text, f"{type(value).__name__} has no field '{seg}' (see docs/templates.md)"
                    )
                if isinstance(value, list | tuple) and isinstance(seg, int):
                    raise MissingValue(text, _where(owner, segs[owner_at:]) + " (list too short)")
                raise MissingValue(text, f"'{seg}' is not defined here")
            value = nxt
        if value is None:
            raise MissingValue(text, _where(owner, segs[owner_at:]))
        return value

    @staticmethod
    def _out(value: Any, text: str) -> Any:
        """Finalise one output value: refuse None and illegal characters, keep line breaks."""
        if value is None or isinstance(value, jinja2.Undefined):
            raise MissingValue(text, "no value")
        if isinstance(value, Markup):
            return value
        if not isinstance(value, str):
            value = str(value)
        if _XML_ILLEGAL.search(value):
            raise MissingValue(text, "contains a control character that documents cannot carry")
        if "\n" in value or "\t" in value or "\r" in value:
            lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            return _BREAK.join(_TAB.join(escape(p) for p in line.split("\t")) for line in lines)
        return value


def _where(owner: Node | None, rest: tuple[str | int, ...]) -> str:
    if owner is None:
        return "no value"
    return f"no value at {owner.loc(*rest)} {format_path(owner.data_path(*rest))}"


_ENV: KitEnvironment | None = None


def environment() -> KitEnvironment:
    """The shared environment (filters and globals are added by :mod:`isa_kit.render.context`)."""
    global _ENV
    if _ENV is None:
        from isa_kit.render import context as _context

        _ENV = KitEnvironment()
        _context.install(_ENV)
        for name, func in list(_ENV.filters.items()):
            _ENV.filters[name] = bounds.bounded_filter(name, func)
    return _ENV


@dataclass(slots=True)
class CompiledTemplate:
    """A template file prepared once: its package members and compiled Jinja parts."""

    display: str
    sha256: str
    members: list[tuple[zipfile.ZipInfo, bytes]]
    parts: dict[str, ChunkedTemplate]
    section_slots: frozenset[str] = field(default_factory=frozenset)


_CACHE: dict[str, CompiledTemplate] = {}


def iter_template_parts(data: bytes, display: str) -> Iterator[tuple[str, str]]:
    """The (member name, patched XML) of each part of a .docx that holds Jinja tags."""
    from isa_kit.render.patch import patch_xml

    for name, text in _read_parts(data, display):
        if _TEMPLATED.match(name) and _HAS_TAG.search(text):
            yield name, patch_xml(text)


def _read_parts(data: bytes, display: str) -> Iterator[tuple[str, str]]:
    for info, raw in read_template_members(data, display):
        if _TEMPLATED.match(info.filename):
            try:
                yield info.filename, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise TemplateError(f"{display}: not a Word (.docx) file: {exc}") from None


def load_template(path: Path, display: str | None = None) -> CompiledTemplate:
    """Read, patch and compile a template, or return it from the cache (keyed by content).

    The package is read once, through the bounded reader (bombs, macros, DTDs and external
    references are refused); each templated part is parsed and compiled once, and its code
    is kept on disk across processes by :mod:`isa_kit.render.cache`."""
    from isa_kit.render import cache as _cache

    shown = display or str(path)
    data = read_template_file(path, shown)
    key = hashlib.sha256(data).hexdigest()
    cached = _CACHE.get(key)
    if cached is not None:
        return cached if cached.display == shown else dataclasses.replace(cached, display=shown)
    members = read_template_members(data, shown)
    for part, message in external_references(members):
        raise TemplateError(f"{shown}: {part}: {message}: refused")
    env = environment()
    origin = os.path.abspath(path)
    parts: dict[str, ChunkedTemplate] = {}
    slots: set[str] = set()
    for info, raw in members:
        if not _TEMPLATED.match(info.filename):
            continue
        name = info.filename
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise TemplateError(f"{shown}: not a Word (.docx) file: {exc}") from None
        if not _HAS_TAG.search(text):
            continue
        try:
            parts[name], found = _cache.compile_chunked(env, name, text, _section_slots, origin)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"{shown}: {name}: {exc.message} (run 'isa-kit templates lint {shown}')"
            ) from None
        slots.update(found)
    compiled = CompiledTemplate(shown, key, members, parts, frozenset(slots))
    _CACHE[key] = compiled
    return compiled


def _section_slots(tree: nodes.Template) -> Iterator[str]:
    """Section ids the template places itself: ``section("aims")``, ``has_section("aims")``."""
    for call in tree.find_all(nodes.Call):
        if (
            isinstance(call.node, nodes.Name)
            and call.node.name in ("section", "has_section")
            and call.args
            and isinstance(call.args[0], nodes.Const)
            and isinstance(call.args[0].value, str)
        ):
            yield call.args[0].value


def render_parts(template: CompiledTemplate, context: Mapping[str, Any]) -> dict[str, bytes]:
    """Render every templated part within the bounds of :mod:`.bounds`; each result must be
    well-formed XML."""
    budget = bounds.Budget()
    try:
        with bounds.watched(budget):
            return _render_parts(template, context, budget)
    except bounds.RenderOverrun as exc:
        raise TemplateError(f"{template.display}: stopped: {exc}") from None


def _render_parts(
    template: CompiledTemplate, context: Mapping[str, Any], budget: bounds.Budget
) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    size = 0
    for name, jt in template.parts.items():
        chunks: list[str] = []
        try:
            for chunk in jt.generate(context):
                size += len(chunk)
                if size > bounds.OUTPUT_BUDGET:
                    raise bounds.RenderOverrun(
                        f"the document is larger than {bounds.OUTPUT_BUDGET:,} characters"
                    )
                chunks.append(chunk)
                budget.check()
        except MissingValue as exc:
            raise TemplateError(f"{template.display}: {{{{ {exc.text} }}}}: {exc.detail}") from None
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"{template.display}: {name}: {exc.message}") from None
        except SecurityError as exc:
            raise TemplateError(f"{template.display}: not allowed in a template: {exc}") from None
        except RecursionError:
            raise TemplateError(
                f"{template.display}: {name}: cannot render: a macro calls itself without end"
            ) from None
        except (TypeError, ValueError, AttributeError, OverflowError, MemoryError) as exc:
            raise TemplateError(f"{template.display}: {name}: cannot render: {exc}") from None
        xml = "".join(chunks)
        if "{_" in xml or "_}" in xml:
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%")
            xml = xml.replace("%_}", "%}")
        data = xml.encode("utf-8")
        try:
            etree.fromstring(data, _STRICT_PARSER)
        except etree.XMLSyntaxError as exc:
            raise TemplateError(
                f"{template.display}: {name}: the rendered XML is not well formed ({exc}); "
                f"run 'isa-kit templates lint {template.display}'"
            ) from None
        out[name] = data
    return out


Renderer = Callable[[CompiledTemplate, Mapping[str, Any]], dict[str, bytes]]
