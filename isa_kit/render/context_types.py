"""The names a document template may use, and their types, for ``isa-kit templates lint``.

Apart from :mod:`isa_kit.render.context` because the types are the pydantic models, which a
build served from the data snapshot never imports.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from isa_kit.data import model
from isa_kit.data.model import (
    Board,
    BreachProcedure,
    ContactRoutes,
    DataShared,
    Document,
    LawfulBasis,
    Organisation,
    Partnership,
    RagLevel,
    Review,
    Rights,
    Section,
    Security,
)
from isa_kit.render.clause_model import Clause
from isa_kit.render.context import PartyContact, Signature

#: The names every template may use, and their types (for ``isa-kit templates lint``).
CONTEXT_TYPES: dict[str, Any] = {
    "partnership": Partnership,
    "document": Document,
    "lead": Organisation,
    "parties": list[Organisation],
    "signatories": list[Signature],
    "clauses": list[Clause],
    "extra_sections": list[Section],
    "classification": str,
    "kind_name": str,
    "as_of": dt.date,
    "kit_version": str,
    "review": Review,
    "security": Security,
    "rights": Rights,
    "data_shared": DataShared,
    "breach": BreachProcedure,
    "part3_bases": list[LawfulBasis],
    "legal_authorities": list[str],
    "boards": list[Board],
    "team": list[Organisation],
    "routes": ContactRoutes,
    "rag_levels": list[RagLevel],
    "contacts": list[PartyContact],
    "secure_domains": list[Organisation],
    "hub_details": bool,
    "needs_signatures": bool,
    "hub_team": list[Organisation],
    "hub_contacts": list[PartyContact],
    "hub_secure_domains": list[Organisation],
}

#: Return types of the context's functions (for ``isa-kit templates lint``).
FUNCTION_TYPES: dict[str, Any] = {
    "section": Section,
    "has_section": bool,
    "org": Organisation,
    "controller": Organisation,
    "ico": str,
    "names": list[str],
}

#: Names the context's annotations use (``from __future__`` strings, the models being imported
#: there only for type checking), for :func:`typing.get_type_hints`.
TYPE_NAMES: dict[str, Any] = {**vars(model), "Clause": Clause}
