"""The pages about the paperwork: agreements register, compliance findings, amendments log,
glossary and accessibility statement."""

from __future__ import annotations

from isa_kit.core.findings import Severity
from isa_kit.site.context import SiteContext, due_date, human, is_overdue
from isa_kit.site.md import esc, table
from isa_kit.site.reference import reference

Assets = dict[str, bytes]


def _signatories(ctx: SiteContext, doc_id: str) -> str:
    doc = ctx.partnership.document(doc_id)
    if not doc.parties and not doc.signatories:
        return "Not signed by parties"
    signed = {s.organisation for s in doc.signatories if s.date_signed}
    parties = doc.parties or [s.organisation for s in doc.signatories]
    return f"{len(signed & set(parties))} of {len(parties)} parties signed"


def register(ctx: SiteContext, assets: Assets) -> str:
    out = "# Agreements register\n\n" + ctx.header()
    rows = []
    for doc in ctx.partnership.documents:
        due = due_date(doc)
        if due is None:
            review = "Not set"
        elif is_overdue(due, ctx.as_of):
            review = f'{esc(due.human())} <span class="isa-badge isa-overdue">Overdue</span>'
        else:
            review = esc(due.human())
        links = " ".join(
            f"[{esc(name.rsplit('.', 1)[-1].upper())}](downloads/{name})"
            for name in ctx.downloads.get(doc.id, [])
        )
        rows.append(
            [
                f"**{esc(doc.title)}**",
                esc(doc.version),
                esc(doc.status.value.capitalize()),
                esc(doc.owner or "—"),
                esc(doc.classification or "—"),
                review,
                _signatories(ctx, doc.id),
                links or "Not built",
            ]
        )
    headers = ["Document", "Version", "Status", "Owner", "Classification", "Next review"]
    out += table([*headers, "Signatories", "Download"], rows) + "\n"
    return out


_SEVERITY = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Information"}


def compliance(ctx: SiteContext, assets: Assets) -> str:
    out = "# Compliance\n\n" + ctx.header()
    report = ctx.report
    if report is None:
        return out + "The compliance checks were not run for this build.\n"
    out += (
        f"The findings of `isa-kit check` as of {esc(human(report.as_of))}: "
        f"{len(report.findings)} finding(s), {len(report.waived)} waived.\n\n"
    )
    rows = [
        [
            _SEVERITY.get(f.severity, esc(f.severity.value)),
            esc(f.code),
            esc(f.subject or "—"),
            esc(f.message),
            esc(f"{f.file}:{f.line}" if f.line else f.file),
        ]
        for f in sorted(report.findings, key=lambda f: (-f.severity.rank, f.sort_key()))
    ]
    if rows:
        out += table(["Severity", "Code", "About", "Finding", "Where in the data"], rows) + "\n"
    return out


def amendments(ctx: SiteContext, assets: Assets) -> str:
    out = "# Amendments log\n\n" + ctx.header()
    for doc in ctx.partnership.documents:
        out += f"## {esc(doc.title)}\n\n"
        if not doc.history:
            out += "No version history is recorded.\n\n"
            continue
        rows = [
            [
                esc(v.version),
                esc(v.date.human() if v.date else "—"),
                esc(v.author or "—"),
                esc(v.description or v.reason or "—"),
            ]
            for v in doc.history
        ]
        out += table(["Version", "Date", "By", "Changes"], rows) + "\n"
    return out


def glossary(ctx: SiteContext, assets: Assets) -> str:
    entry = reference()["glossary"]
    out = "# Glossary\n\n" + ctx.header()
    rows = [[f"**{esc(term)}**", esc(meaning)] for term, meaning in sorted(entry["terms"].items())]
    return out + table(["Term", "Meaning"], rows) + f"\nSources: {esc(entry['source'])}.\n"


def accessibility(ctx: SiteContext, assets: Assets) -> str:
    p = ctx.partnership
    out = "# Accessibility statement\n\n" + ctx.header()
    out += (
        f"This website is run by {esc(p.name)}. We want as many people as possible to be able "
        "to use it: you should be able to zoom to 400% without text spilling off the screen, "
        "navigate the whole site with a keyboard or a screen reader, and print any page as a "
        "clean document.\n\n"
        "## Compliance status\n\n"
        "Every page of this site is tested with axe-core against the Web Content Accessibility "
        "Guidelines (WCAG) 2.2 level AA rules when the site is built, with no violations "
        "found. Diagrams are drawn as images, each with the same steps written out in words "
        "under it. The site loads nothing from outside its own folder.\n\n"
        f"This statement was prepared on {esc(human(ctx.as_of))}.\n\n"
        "## Reporting problems\n\n"
    )
    boxes = [b for b in p.contact_routes.mailboxes if b.published and b.email and not b.name]
    if boxes:
        out += f"Tell us about a problem with this site by email: {esc(boxes[0].email)}.\n"
    else:
        out += "Tell us about a problem with this site through the hub's contact routes on the home page.\n"
    return out
