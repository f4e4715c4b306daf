"""The pages about the hub: home (how to reach it), partners, how the MASH works, and
information sharing. Each returns Markdown; diagrams go into ``assets``."""

from __future__ import annotations

from isa_kit.data.model import Document, DocumentKind, Partnership, Section
from isa_kit.site.context import SiteContext, link_or_text
from isa_kit.site.diagrams import Flow, render_svg, text_alternative
from isa_kit.site.md import attr, bullets, esc, numbered, table
from isa_kit.site.reference import reference

Assets = dict[str, bytes]

_PRESENCE = {"co-located": "Co-located", "virtual": "Virtual", "linked": "Linked", "none": "—"}
_NOTIFY = {"letter": "by letter", "phone": "by telephone", "none": "not told"}


def _sections(p: Partnership, *ids: str) -> list[Section]:
    return [s for d in p.documents for s in d.sections if s.id in ids]


def _section_md(section: Section, level: str = "###") -> str:
    out = f"{level} {esc(section.title)}\n\n"
    out += "".join(f"{esc(par)}\n\n" for par in section.paragraphs)
    return out + (bullets(esc(i) for i in section.items) + "\n" if section.items else "")


def _protocol(p: Partnership) -> Document | None:
    for kind in (DocumentKind.PROTOCOL, DocumentKind.MOU, DocumentKind.ISA, DocumentKind.GUIDANCE):
        for doc in p.documents:
            if doc.kind == kind and doc.purpose:
                return doc
    return None


def _diagram(name: str, flow: Flow, assets: Assets) -> str:
    assets[f"diagrams/{name}.svg"] = render_svg(flow)
    steps = text_alternative(flow)
    return (
        f'<figure class="isa-diagram"><img src="diagrams/{name}.svg" '
        f'alt="{attr(flow.title)}: the steps are listed in words below the diagram."></figure>\n\n'
        f"**{esc(flow.title)}, in words:**\n\n" + numbered(esc(s) for s in steps) + "\n"
    )


def home(ctx: SiteContext, assets: Assets) -> str:
    p = ctx.partnership
    r = p.contact_routes
    out = f"# {esc(p.name)}\n\n"
    out += '!!! warning "In an emergency"\n\n'
    if r.emergency and "999" in r.emergency:
        out += f"    {esc(r.emergency)}\n"
    else:
        out += "    If a child or adult is in immediate danger, call 999.\n"
        if r.emergency:
            out += f"    {esc(r.emergency)}\n"
    out += "\n## How to contact the hub\n\n"
    rows: list[tuple[str, str]] = []
    if r.phone:
        hours = f" ({esc(r.phone.hours)})" if r.phone.hours else ""
        rows.append(("Telephone", esc(r.phone.number) + hours))
    if r.out_of_hours:
        o = r.out_of_hours
        bits = [esc(o.service)] + [esc(x) for x in (o.phone, o.hours) if x]
        rows.append(("Out of hours", ", ".join(bits)))
    if r.online_form:
        rows.append(("Online referral form", link_or_text(r.online_form)))
    for box in r.mailboxes:
        if box.published and box.email and not box.name:
            rows.append((esc(box.role), esc(box.email)))
    if r.post:
        rows.append(("Post", esc(r.post)))
    if r.walk_in:
        rows.append(("In person", esc(r.walk_in)))
    out += table(["How", "Details"], rows) + "\n"
    out += ctx.header()
    out += f"## About the hub\n\n{esc(p.hub.name)} serves {esc(p.area)}.\n\n"
    doc = _protocol(p)
    if doc is not None and doc.purpose:
        out += f"### Purpose\n\n{esc(doc.purpose)}\n\n"
    for section in _sections(p, "aims", "purpose", "objectives"):
        out += _section_md(section)
    return out


def partners(ctx: SiteContext, assets: Assets) -> str:
    p = ctx.partnership
    out = "# Partners\n\n" + ctx.header()
    rows = []
    for org in p.partners:
        role = "; ".join(esc(r) for r in org.responsibilities) or "—"
        staff = "; ".join(esc(f"{s.count} x {s.role}" if s.count else s.role) for s in org.staffing)
        if staff:
            role = f"{role} (staff: {staff})"
        systems = ", ".join(esc(s) for s in org.systems) or "—"
        rows.append([esc(org.name), role, _PRESENCE[org.presence.value], systems])
    out += table(["Agency", "Role in the hub", "Co-located or virtual", "Systems"], rows) + "\n"
    published = [(org, c) for org in p.partners for c in org.contacts if c.published and not c.name]
    if published:
        out += "## Contacts\n\n"
        rows = [
            [esc(org.name), esc(c.role), esc(c.email or ""), esc(c.phone or ""), esc(c.hours or "")]
            for org, c in published
        ]
        out += table(["Agency", "Role", "Email", "Telephone", "Hours"], rows) + "\n"
    return out


def _pathway(p: Partnership) -> Flow:
    flow = Flow("The referral pathway")
    start = flow.add(
        "A concern is reported to the hub (" + ", ".join(p.referral_sources[:3]) + ")"
        if p.referral_sources
        else "A concern is reported to the hub"
    )
    rate = flow.add("The hub records the contact and gives it a rating", "diamond")
    flow.link(start, rate)
    checks = flow.add("Partners research their own records and share what is relevant")
    levels = sorted(p.rag_scheme.levels, key=lambda lv: lv.priority) if p.rag_scheme else []
    for lv in levels:
        n = flow.add(f"{lv.name}: act {lv.timescale.human()}")
        flow.link(rate, n, lv.name)
        flow.link(n, checks)
    if not levels:
        flow.link(rate, checks)
    decide = flow.add("The hub decides the outcome and tells the referrer and family")
    flow.link(checks, decide)
    return flow


def how_it_works(ctx: SiteContext, assets: Assets) -> str:
    p = ctx.partnership
    out = "# How the MASH works\n\n" + ctx.header()
    out += "## The referral pathway\n\n" + _diagram("pathway", _pathway(p), assets)
    if p.referral_categories:
        out += "## What the hub receives\n\n"
        out += (
            bullets(
                f"**{esc(c.name)}**" + (f": {esc(c.description)}" if c.description else "")
                for c in p.referral_categories
            )
            + "\n"
        )
    if p.rag_scheme:
        out += f"## Rating: {esc(p.rag_scheme.name)}\n\n"
        rows = [
            [
                f"**{esc(lv.name)}**",
                esc(lv.label or ""),
                esc(str(lv.timescale)),
                esc(lv.description or ""),
                "; ".join(esc(a) for a in lv.actions),
            ]
            for lv in sorted(p.rag_scheme.levels, key=lambda lv: lv.priority)
        ]
        out += table(["Rating", "Priority", "Timescale", "Meaning", "What happens"], rows) + "\n"
    if p.outcomes:
        out += "## Possible outcomes and who is told how\n\n"
        rows = [
            [
                esc(o.description),
                esc(o.rag or "—"),
                _NOTIFY[o.referrer.value] if o.referrer else "Not recorded",
                _NOTIFY[o.family.value] if o.family else "Not recorded",
            ]
            for o in p.outcomes
        ]
        out += table(["Outcome", "Rating", "Referrer told", "Family told"], rows) + "\n"
    if p.escalation:
        e = p.escalation
        out += "## Escalation: when partners disagree\n\n"
        out += (
            numbered(
                f"**{esc(lv.role)}**" + (f": {esc(lv.description)}" if lv.description else "")
                for lv in sorted(e.levels, key=lambda lv: lv.level)
            )
            + "\n"
        )
        if e.time_limit:
            out += f"Each stage has {esc(e.time_limit.human())} to resolve the disagreement.\n\n"
        if e.final_decision:
            out += f"The final decision rests with: {esc(e.final_decision)}.\n\n"
    return out


def sharing(ctx: SiteContext, assets: Assets) -> str:
    p = ctx.partnership
    ref = reference()
    out = "# Information sharing\n\n" + ctx.header()
    for key in ("golden_rules", "caldicott"):
        entry = ref[key]
        out += f"## {esc(entry['title'])}\n\n" + numbered(esc(i) for i in entry["items"]) + "\n"
        out += f"Source: {esc(entry['source'])}.\n\n"
    out += "## Consent, and sharing without consent\n\n"
    out += "".join(f"{esc(par)}\n\n" for par in ref["consent"]["paragraphs"])
    for section in _sections(
        p, "consent", "confidentiality", "public-interest", "golden-rules", "caldicott"
    ):
        out += _section_md(section)
    out += "## Should I share?\n\n"
    flow = Flow("Should I share? A decision diagram")
    # The gates come from the reference flowchart (each a yes/no question where "no" means
    # stop and seek advice); a partnership's own checklist is shown after it, as text, since
    # its questions are not always worded as such gates.
    questions = [flow.add(q, "diamond") for q in ref["should_i_share"]["items"]]
    share = flow.add("Share the information securely, and record what, with whom and why")
    advice = flow.add(
        "Do not share yet: seek advice from your manager or information governance lead, and record your decision"
    )
    for i, q in enumerate(questions):
        flow.link(q, questions[i + 1] if i + 1 < len(questions) else share, "Yes")
        flow.link(q, advice, "No")
    out += _diagram("should-i-share", flow, assets)
    out += f"Source: {esc(ref['should_i_share']['source'])}.\n\n"
    for section in _sections(p, "should-i-share"):
        out += _section_md(section)
    return out
