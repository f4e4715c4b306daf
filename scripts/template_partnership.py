"""Blocks about the partnership itself (partnership.yaml and organisations.yaml): the
partners and their contacts, how to contact the hub, referrals, priority ratings, outcomes,
escalation and governance. Each appears only when the data records it."""

from __future__ import annotations

from template_builder import Builder
from template_common import NR, escalation


def partners(b: Builder, heading: str, seq: str = "parties") -> None:
    """The partners (``seq``: the document's parties, or every partner of the hub)."""
    b.h1(heading)
    b.table(
        "Partners",
        ["Organisation", "Type", "Controller role", "DSPT", "ICO registration number"],
        [
            "{{ party.name }}{% if party.short_name %} ({{ party.short_name }}){% endif %}"
            "{% if party.part_of %}, part of {{ org(party.part_of).name }}{% endif %}",
            "{{ party.type | words | sentence }}"
            "{% if party.public_authority %}, public authority{% endif %}",
            "{{ party.controller_role | words | sentence }}",
            '{{ party.dspt_status | words | sentence | default("") }}',
            f"{{{{ ico(party) | {NR} }}}}",
        ],
        loop=f"party in {seq}",
        widths=[5.6, 3.2, 2.6, 2.4, 2.8],
    )
    team = "team" if seq == "parties" else "hub_team"
    b.tag(f"{{%p if {team} %}}")
    b.h2("The team")
    b.table(
        "Partners in the hub, their staff, duties and the systems they search",
        ["Agency", "Presence", "Staff and role", "Duties", "Systems searched"],
        [
            "{{ party.name }}",
            "{{ party.presence | words | sentence }}",
            "{% for s in party.staffing %}{% if s.count %}{{ s.count }} x {% endif %}{{ s.role }}"
            "{% if not loop.last %}; {% endif %}{% endfor %}",
            "{{ party.responsibilities | join('; ') }}",
            "{{ party.systems | join(', ') }}",
        ],
        loop=f"party in {team}",
        widths=[3.6, 2.2, 3.8, 4.0, 3.0],
    )
    b.tag("{%p endif %}")
    contacts = "contacts" if seq == "parties" else "hub_contacts"
    b.tag(f"{{%p if {contacts} %}}")
    b.h2("Partner contacts")
    b.table(
        "Partner contacts and information governance leads",
        ["Organisation", "Role", "Email", "Phone and hours"],
        [
            "{{ c.organisation.name }}",
            "{{ c.contact.role }}{% if c.contact.name %} ({{ c.contact.name }}){% endif %}",
            '{{ c.contact.email | default("") }}',
            '{{ c.contact.phone | default("") }}'
            "{% if c.contact.hours %} ({{ c.contact.hours }}){% endif %}",
        ],
        loop=f"c in {contacts}",
        widths=[4.4, 4.6, 4.6, 3.0],
    )
    b.tag("{%p endif %}")
    domains = "secure_domains" if seq == "parties" else "hub_secure_domains"
    b.tag(f"{{%p if {domains} %}}")
    b.table(
        "Secure email domains partners use",
        ["Organisation", "Secure email domains"],
        ["{{ party.name }}", "{{ party.secure_email_domains | join(', ') }}"],
        loop=f"party in {domains}",
        widths=[6.0, 10.6],
    )
    b.tag("{%p endif %}")


def contact_routes(b: Builder, heading: str) -> None:
    b.h1(heading)
    b.p(
        "{{ partnership.hub.name }}{% if partnership.hub.address %}, "
        "{{ partnership.hub.address }}{% endif %}",
        label="Hub:",
    )
    b.tag("{%p if routes.phone %}")
    b.p(
        "{{ routes.phone.number }}{% if routes.phone.hours %} ({{ routes.phone.hours }}){% endif %}",
        label="Phone:",
    )
    b.tag("{%p endif %}")
    b.tag("{%p if routes.mailboxes %}")
    b.table(
        "Email addresses",
        ["Mailbox", "Email", "Phone and hours"],
        [
            "{{ box.role }}{% if box.name %} ({{ box.name }}){% endif %}",
            '{{ box.email | default("") }}',
            '{{ box.phone | default("") }}{% if box.hours %} ({{ box.hours }}){% endif %}',
        ],
        loop="box in routes.mailboxes",
        widths=[5.6, 6.4, 4.6],
    )
    b.tag("{%p endif %}")
    b.tag("{%p if routes.out_of_hours %}")
    b.p(
        "{{ routes.out_of_hours.service }}"
        "{% if routes.out_of_hours.provider %}, provided by {{ routes.out_of_hours.provider }}{% endif %}"
        "{% if routes.out_of_hours.phone %}, on {{ routes.out_of_hours.phone }}{% endif %}"
        "{% if routes.out_of_hours.hours %} ({{ routes.out_of_hours.hours }}){% endif %}.",
        label="Out of hours:",
    )
    b.tag("{%p endif %}")
    for key, label in (
        ("emergency", "In an emergency:"),
        ("post", "Post:"),
        ("online_form", "Online form:"),
        ("walk_in", "In person:"),
        ("fax", "Fax:"),
    ):
        b.tag(f"{{%p if routes.{key} %}}")
        b.p(f"{{{{ routes.{key} }}}}", label=label)
        b.tag("{%p endif %}")


def referrals(b: Builder, heading: str) -> None:
    b.tag("{%p if partnership.referral_sources or partnership.referral_categories %}")
    b.h1(heading)
    b.tag("{%p if partnership.referral_sources %}")
    b.p("Where referrals come from:")
    b.each("src", "partnership.referral_sources", "{{ src }}")
    b.tag("{%p endif %}")
    b.tag("{%p if partnership.referral_categories %}")
    b.table(
        "Kinds of referral the hub handles",
        ["Kind of referral", "Description"],
        ["{{ cat.name }}", '{{ cat.description | default("") }}'],
        loop="cat in partnership.referral_categories",
        widths=[5.0, 11.6],
    )
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")


def ratings(b: Builder, heading: str) -> None:
    b.tag("{%p if partnership.rag_scheme %}")
    b.h1(heading)
    b.p("{{ partnership.rag_scheme.name }}", label="Rating scheme:")
    b.table(
        "Priority ratings and timescales",
        ["Rating", "Colour", "Priority", "Timescale", "What it means", "Actions"],
        [
            "{{ lvl.name }}",
            "{{ lvl.colour | sentence }}",
            "{{ lvl.label | default(lvl.priority) }}",
            "{{ lvl.timescale | duration | sentence }}",
            '{{ lvl.description | default("") }}',
            "{{ lvl.actions | join('; ') }}",
        ],
        loop="lvl in rag_levels",
        widths=[1.8, 1.6, 2.0, 2.8, 4.6, 3.8],
    )
    b.tag("{%p endif %}")


def outcomes(b: Builder, heading: str) -> None:
    b.tag("{%p if partnership.outcomes %}")
    b.h1(heading)
    b.table(
        "Outcomes and how the referrer and family are told",
        ["Outcome", "Rating", "Referrer told by", "Family told by"],
        [
            "{{ out.description }}",
            '{{ out.rag | default("") }}',
            f"{{{{ out.referrer | words | sentence | {NR} }}}}",
            f"{{{{ out.family | words | sentence | {NR} }}}}",
        ],
        loop="out in partnership.outcomes",
        widths=[8.6, 2.4, 2.8, 2.8],
    )
    b.tag("{%p endif %}")


def escalation_block(b: Builder, heading: str) -> None:
    b.tag("{%p if partnership.escalation %}")
    b.h1(heading)
    escalation(b)
    b.tag("{%p endif %}")


def governance(b: Builder, heading: str) -> None:
    b.tag("{%p if boards %}")
    b.h1(heading)
    b.tag("{%p for board in boards %}")
    b.h2("{{ board.name }}")
    b.tag("{%p if board.chair %}")
    b.p(
        "{{ board.chair }}{% if board.vice_chair %}; vice-chair: {{ board.vice_chair }}{% endif %}",
        label="Chair:",
    )
    b.tag("{%p endif %}")
    b.tag("{%p if board.frequency %}")
    b.p("{{ board.frequency }}", label="Meets:")
    b.tag("{%p endif %}")
    b.tag("{%p if board.reports_to %}")
    b.p("{{ board.reports_to }}", label="Reports to:")
    b.tag("{%p endif %}")
    b.tag("{%p if board.members %}")
    b.p("{{ board.name }} membership:")
    b.table(
        "Group membership",
        ["Role", "Organisation"],
        ["{{ m.role }}", "{% if m.organisation %}{{ org(m.organisation).name }}{% endif %}"],
        loop="m in board.members",
        widths=[8.3, 8.3],
    )
    b.tag("{%p endif %}")
    b.tag("{%p if board.terms_of_reference %}")
    b.p("Terms of reference:")
    b.each("term", "board.terms_of_reference", "{{ term }}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def how_the_hub_works(b: Builder) -> None:
    """Everything partnership.yaml records about the hub's working, each under its heading."""
    contact_routes(b, "How to contact the hub")
    referrals(b, "Referrals")
    ratings(b, "Priority ratings and timescales")
    outcomes(b, "Outcomes")
    escalation_block(b, "Escalation and resolving disagreements")
    governance(b, "Governance")
