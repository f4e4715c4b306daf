"""Word XML to Jinja source: the clean-up that lets template tags survive Word's markup.

Word splits what an author typed (``{{ org.name }}``) across runs, and docxtpl's template
syntax adds paragraph-, row-, cell- and run-level tags (``{%p if x %}`` stands for the whole
paragraph it sits in), ``{%-``/``-%}`` merges with the neighbouring text, ``{% colspan n %}``,
``{% cellbg c %}``, ``{% vm %}``, ``{% hm %}`` and typographic quotes inside tags. This
module turns a part's raw XML into the Jinja source those conventions mean.

It is a separate implementation, written for the kit (MIT) from docxtpl's documented and
observed behaviour, none of docxtpl's code (LGPL-2.1): **behaviour-compatible with
docxtpl's ``patch_xml``** (checked against docxtpl 0.20), and docxtpl is its test oracle:
``tests/test_patch.py`` checks byte-identical output on every bundled template part and on
generated and hand-written edge cases. Two reasons to have our own: importing docxtpl (and
python-docx) cost a build up to a tenth of a second just to call one function, and the
passes are exposed in stages so that :mod:`isa_kit.render.chunks` can patch one changed
paragraph of a template instead of the whole body.

The stages, applied in this order, are regular-expression rewrites over the text:
:func:`prepare` (tags glued back together, markup inside tags dropped) and :func:`finish`
(everything else). Each rewrite is skipped when the text cannot contain what it rewrites,
which is most of the time and most of the speed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["NotLocal", "finish", "finish_chunk", "patch_xml", "prepare"]

_S = re.DOTALL


class _Pattern:
    """A regular expression compiled on its first use: most rewrites are never needed by a
    given template, and compiling them all cost every changed build a few milliseconds."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self._get().sub(repl, text)

    def search(self, text: str) -> re.Match[str] | None:
        return self._get().search(text)


# Markup between the two characters of a delimiter: "{</w:t></w:r><w:r><w:t>{" -> "{{".
_SPLIT_DELIMITER = _Pattern(
    r"(?<=\{)(?:<[^>]*>)+(?=[{%#])"  # after an opening brace, before its second character
    r"|(?<=[%}#])(?:<[^>]*>)+(?=\})",  # before a closing brace
    _S,
)
# A tag from its opening delimiter up to (not including) its closing one, or to the end.
_TAG_BODY = _Pattern(r"\{%.*?(?=%\}|\Z)|\{#.*?(?=#\}|\Z)|\{\{.*?(?=\}\}|\Z)", _S)
# Inside a tag: from the end of one text element to the start of the next.
_BETWEEN_TEXTS = _Pattern(r"</w:t>.*?<w:t(?: [^>]*)?>", _S)

# A run that holds an empty text element (left behind when a cell tag is taken out).
_EMPTY_RUN = _Pattern(r"<w:r[ >](?:(?!<w:r[ >]).)*<w:t></w:t>.*?</w:r>", _S)
_CELL_START = r"<w:tc[ >](?:(?!<w:tc[ >]).)*"
_COLSPAN = _Pattern("(" + _CELL_START + r")\{%\s*colspan\s+([^%]*)\s*%\}(.*?</w:tc>)", _S)
_CELLBG = _Pattern("(" + _CELL_START + r")\{%\s*cellbg\s+([^%]*)\s*%\}(.*?</w:tc>)", _S)
_CELL_PROPS = _Pattern(r"(<w:tcPr[^>]*>)")

# A bare <w:t> before a tag: the tag's output may start or end with spaces, keep them.
_TEXT_BEFORE_TAG = _Pattern(r"<w:t>((?:(?!<w:t>).)*)(\{\{.*?\}\}|\{%.*?%\})", _S)
_PRESERVED = '<w:t xml:space="preserve">'
# {{r ...}} / {%r ...%}: the tag gets a run of its own.
_RUN_TAG = _Pattern(r"(\{\{r\s.*?\}\}|\{%r\s.*?%\})", _S)
_RUN_TAG_OUT = "</w:t></w:r><w:r>" + _PRESERVED + r"\1</w:t></w:r><w:r>" + _PRESERVED
# {%- swallows the markup back to the previous text; -%} forward to the next text element.
_MERGE_BACK = _Pattern(r"</w:t>(?:(?!</w:t>).)*?\{%-", _S)
_MERGE_ON = _Pattern(r"-%\}(?:(?!<w:t[ >]|\{%|\{\{).)*?<w:t[^>]*?>", _S)


def _element_tag(kind: str, opener: str, body: str, closer: str) -> _Pattern:
    """``<w:kind>`` ... ``{%kind stuff %}`` ... ``</w:kind>``: the element becomes the tag."""
    nearest_start = rf"<w:{kind}[ >](?:(?!<w:{kind}[ >]).)*"
    tag = rf"({opener}){kind} ({body}*(?:{closer}))"
    return _Pattern(nearest_start + tag + rf".*?</w:{kind}>", _S)


_ELEMENT_TAGS = tuple(
    (kind, _element_tag(kind, r"\{%|\{\{", "[^}%]", r"%\}|\}\}"), (f"{{%{kind} ", f"{{{{{kind} "))
    for kind in ("tr", "tc", "p", "r")
)
_ELEMENT_COMMENTS = tuple(
    (kind, _element_tag(kind, r"\{#", "[^}#]", r"#\}"), (f"{{#{kind} ",))
    for kind in ("tr", "tc", "p")
)

_VM_TAG = r"\{%\s*vm\s*%\}"
_HM_TAG_TEXT = r"\{%\s*hm\s*%\}"
_NEAREST_CELL = r"<w:tc[ >](?:(?!<w:tc[ >]).)*?"
_VM_CELL = _Pattern(_NEAREST_CELL + _VM_TAG + r".*?</w:tc[ >]", _S)
_HM_CELL = _Pattern(_NEAREST_CELL + _HM_TAG_TEXT + r".*?</w:tc[ >]", _S)
_AFTER_PROPS = r"(</w:tcPr[ >].*?<w:t(?:.*?)>)(.*?)(?:"
_VM_TEXT = _Pattern(_AFTER_PROPS + _VM_TAG + r")(.*?)(</w:t>)", _S)
_HM_TEXT = _Pattern(_AFTER_PROPS + _HM_TAG_TEXT + r")(.*?)(</w:t>)", _S)
_HM_TAG = _Pattern(_HM_TAG_TEXT, _S)
_GRIDSPAN_VALUE = _Pattern(r'(w:gridSpan w:val=")(\d+)(")', _S)
_FIRST = "{% if loop.first %}"

# Inside a tag (one line): entities and typographic quotes back to what Jinja expects.
_TAG_TEXT = _Pattern(r"(?<=\{[{%])(.*?)(?=[}%]\})")
_TAG_TEXT_FIXES = (
    ("&#8216;", "'"),
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2018", "'"),
    ("\u2019", "'"),
)


class NotLocal(Exception):
    """A chunk uses a rewrite that may reach into its neighbours: patch the whole part."""


def prepare(xml: str) -> str:
    """First stage: delimiters split by markup joined, markup inside each tag dropped."""
    if "{<" in xml or ">}" in xml:
        xml = _SPLIT_DELIMITER.sub("", xml)
    if "</w:t>" in xml:
        xml = _TAG_BODY.sub(lambda m: _BETWEEN_TEXTS.sub("", m.group(0)), xml)
    return xml


def _cell_tag(xml: str, pattern: _Pattern, old: str, new: str) -> str:
    def rewrite(m: re.Match[str]) -> str:
        cell = _EMPTY_RUN.sub("", m.group(1) + m.group(3))
        cell = re.sub(old, "", cell, count=1)
        # The value goes into a replacement template, escapes and all, as docxtpl does.
        return _CELL_PROPS.sub(r"\1" + new % m.group(2), cell)

    return pattern.sub(rewrite, xml)


def _vertical_merge(m: re.Match[str]) -> str:
    def inner(t: re.Match[str]) -> str:
        value = "{% if loop.first %}restart{% else %}continue{% endif %}"
        return f'<w:vMerge w:val="{value}"/>{t[1]}{_FIRST}{t[2]}{t[3]}{{% endif %}}{t[4]}'

    return _VM_TEXT.sub(inner, m.group(0))


def _horizontal_merge(m: re.Match[str]) -> str:
    cell = m.group(0)
    if "w:gridSpan" in cell:
        cell = _GRIDSPAN_VALUE.sub(lambda g: f"{g[1]}{{{{ {g[2]} * loop.length }}}}{g[3]}", cell)
        cell = _HM_TAG.sub("", cell)
    else:
        span = '<w:gridSpan w:val="{{ loop.length }}"/>'
        cell = _HM_TEXT.sub(lambda t: span + t[1] + t[2] + t[3] + t[4], cell)
    return _FIRST + cell + "{% endif %}"


def _fix_tag_text(m: re.Match[str]) -> str:
    text = m.group(0)
    for old, new in _TAG_TEXT_FIXES:
        text = text.replace(old, new)
    return text


def finish(xml: str, check: Callable[[str, str], None] | None = None) -> str:
    """Second stage (after :func:`prepare`): every other rewrite, in docxtpl's order.

    ``check(step, text)`` is called before the steps whose reach is not bounded by a tag
    (see :func:`finish_chunk`)."""
    if check is not None:
        check("cell", xml)
    if "colspan" in xml:
        xml = _cell_tag(xml, _COLSPAN, r"<w:gridSpan[^/]*/>", r'<w:gridSpan w:val="{{%s}}"/>')
    if "cellbg" in xml:
        shd = r'<w:shd w:val="clear" w:color="auto" w:fill="{{%s}}"/>'
        xml = _cell_tag(xml, _CELLBG, r"<w:shd[^/]*/>", shd)
    if "<w:t>" in xml:
        xml = _TEXT_BEFORE_TAG.sub(lambda m: _PRESERVED + m.group(1) + m.group(2), xml)
    if "{{r" in xml or "{%r" in xml:
        xml = _RUN_TAG.sub(_RUN_TAG_OUT, xml)
    if check is not None:
        check("merge", xml)
    xml = _element_tags(xml, check)
    if check is not None:
        check("span", xml)
    if "vm" in xml:
        xml = _VM_CELL.sub(_vertical_merge, xml)
    if "hm" in xml:
        xml = _HM_CELL.sub(_horizontal_merge, xml)
    if "{{" in xml or "{%" in xml:
        xml = _TAG_TEXT.sub(_fix_tag_text, xml)
    return xml


def _element_tags(xml: str, check: Callable[[str, str], None] | None) -> str:
    """Merges with neighbouring text, then paragraph, row, cell and run tags."""
    if "{%-" in xml:
        xml = _MERGE_BACK.sub("{%", xml)
    if "-%}" in xml:
        xml = _MERGE_ON.sub("%}", xml)
    for group in (_ELEMENT_TAGS, _ELEMENT_COMMENTS):
        for kind, pattern, markers in group:
            if any(marker in xml for marker in markers):
                if check is not None:
                    check(kind, xml)
                xml = pattern.sub(r"\1 \2", xml)
    return xml


def patch_xml(xml: str) -> str:
    """The Jinja source of a part's raw XML (what docxtpl's ``patch_xml`` returns)."""
    return finish(prepare(xml))


_CELL_TAG = _Pattern(r"\{%\s*(?:colspan|cellbg)\s")
_MERGE_TAGS = _Pattern(r"\{%\s*[vh]m\s*%\}")


def _local_check(step: str, xml: str) -> None:
    """Refuse a chunk whose rewrite at ``step`` could start or end outside it."""
    if step == "cell":
        if _CELL_TAG.search(xml):
            raise NotLocal("a cell tag (colspan, cellbg)")
    elif step == "merge":
        if "{%-" in xml or "-%}" in xml:
            raise NotLocal("a tag that merges with its neighbours")
    elif step == "span":
        if _MERGE_TAGS.search(xml):
            raise NotLocal("a merged cell (vm, hm)")
    else:
        # An element tag rewrites from the nearest <w:kind> before it to the first
        # </w:kind> after it: both must be inside the chunk, before the first such tag and
        # after the last one.
        markers = [f"{{%{step} ", f"{{{{{step} ", f"{{#{step} "]
        found = [i for m in markers for i in (xml.find(m), xml.rfind(m)) if i >= 0]
        opening = re.search(rf"<w:{step}[ >]", xml)
        if opening is None or opening.start() > min(found):
            raise NotLocal(f"a {step} tag outside its element")
        if xml.rfind(f"</w:{step}>") < max(found):
            raise NotLocal(f"a {step} tag outside its element")


def finish_chunk(xml: str) -> str:
    """:func:`finish` for one chunk of a part (see :mod:`isa_kit.render.chunks`), or
    :class:`NotLocal` when a rewrite might reach past the chunk's edges."""
    return finish(xml, _local_check)
