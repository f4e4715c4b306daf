"""Load partnerships from ``agreements/<partnership>/``.

A partnership folder holds ``partnership.yaml`` (the hub), ``organisations.yaml`` (its
partners), ``documents/*.yaml`` (one file per document) and optionally ``policy.yaml`` (the
checks' policy overrides, read by ``isa-kit check``). Every file is validated on its own so
that errors point into the right file; then ids are resolved across files. All problems in
all files are collected and reported together, sorted by file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from isa_kit.core.errors import DataError, Problem
from isa_kit.core.folders import find_partnership_folders, partnership_folder_of
from isa_kit.core.gc import freeze_loaded
from isa_kit.core.paths import (
    DOCUMENTS_DIR,
    LETTERS_FILE,
    ORGANISATIONS_FILE,
    PARTNERSHIP_FILE,
    POLICY_FILE,
    display_path,
)
from isa_kit.core.suggest import did_you_mean
from isa_kit.core.tree import list_folder, outside_reason
from isa_kit.data.messages import problems_from
from isa_kit.data.model import (
    Document,
    LettersPolicy,
    Node,
    OrganisationsFile,
    Partnership,
    PartnershipInfo,
)
from isa_kit.data.yaml import SourceFile, format_path, load_yaml

__all__ = [
    "find_partnership_folders",
    "load_letters_policy",
    "load_model",
    "load_partnership",
    "load_partnerships",
    "partnership_folder_of",
    "validate_model",
]

_KNOWN_TOP = {PARTNERSHIP_FILE, ORGANISATIONS_FILE, POLICY_FILE, LETTERS_FILE}

M = TypeVar("M", bound=BaseModel)


def validate_model(model: type[M], data: Any, source: SourceFile) -> M:
    """Validate parsed YAML ``data`` from ``source`` as ``model``.

    The one step from plain data to a model for every file the kit reads (partnership data,
    policy, knowledge, clause library): errors become :class:`DataError` problems located at
    the file's lines, and every :class:`Node` learns where it was written.
    """
    if data is None:
        raise DataError([source.problem((), "the file is empty: expected a mapping")])
    try:
        obj = model.model_validate(data)
    except ValidationError as exc:
        raise DataError(problems_from(exc, source, (), model)) from None
    if isinstance(obj, Node):
        obj.attach_source(source, ())
    return obj


def load_model(model: type[M], path: Path, display: str | None = None) -> tuple[M, SourceFile]:
    """Read the YAML file ``path`` safely and validate it as ``model``: YAML → model → errors.

    Raises :class:`DataError` with every problem located as ``file:line:column: path``.
    """
    data, source = load_yaml(path, display_path(path) if display is None else display)
    return validate_model(model, data, source), source


def _load_file(
    model: type[M], path: Path, problems: list[Problem]
) -> tuple[M | None, SourceFile | None]:
    """:func:`load_model`, collecting problems instead of raising (all files are reported)."""
    try:
        return load_model(model, path)
    except DataError as exc:
        problems.extend(exc.problems)
        return None, None


def load_partnership(folder: Path) -> Partnership:
    """Load and validate one partnership folder; raises :class:`DataError` listing every problem."""
    problems: list[Problem] = []
    partnership = _load_partnership(folder, problems)
    if problems or partnership is None:
        raise DataError(sorted(problems, key=_problem_key))
    return partnership


def _problem_key(p: Problem) -> tuple[str, int, int, str]:
    return (p.file, p.line or 0, p.column or 0, p.message)


def _load_partnership(folder: Path, problems: list[Problem]) -> Partnership | None:
    shown = display_path(folder)
    if not (folder / PARTNERSHIP_FILE).is_file():
        problems.append(
            Problem(shown, None, None, "", f"no {PARTNERSHIP_FILE}: expected a partnership folder")
        )
        return None
    for extra in sorted(folder.glob("*.y*ml")):
        if extra.name not in _KNOWN_TOP:
            problems.append(
                Problem(
                    display_path(extra),
                    None,
                    None,
                    "",
                    f"unexpected file: expected {PARTNERSHIP_FILE}, {ORGANISATIONS_FILE}, "
                    f"{POLICY_FILE}, {LETTERS_FILE} or {DOCUMENTS_DIR}/*.yaml",
                )
            )
    if not _contained(folder / PARTNERSHIP_FILE, folder, problems):
        return None
    info, info_src = _load_file(PartnershipInfo, folder / PARTNERSHIP_FILE, problems)
    orgs_path = folder / ORGANISATIONS_FILE
    orgs: OrganisationsFile | None = None
    if orgs_path.is_file() or orgs_path.is_symlink():
        if _contained(orgs_path, folder, problems):
            orgs, _ = _load_file(OrganisationsFile, orgs_path, problems)
    else:
        problems.append(
            Problem(
                display_path(orgs_path),
                None,
                None,
                "",
                "missing file: expected the partners' organisations",
            )
        )
    documents: list[Document] = []
    doc_dir = folder / DOCUMENTS_DIR
    if (doc_dir.is_symlink() or doc_dir.is_dir()) and _contained(doc_dir, folder, problems):
        try:
            entries = list_folder(doc_dir)
        except DataError as exc:
            problems.extend(exc.problems)
            entries = []
        for path in entries:
            if path.suffix not in (".yaml", ".yml") or not _contained(path, folder, problems):
                continue
            if not path.is_file():
                problems.append(
                    Problem(display_path(path), None, None, "", "not a file: expected YAML data")
                )
                continue
            doc, _ = _load_file(Document, path, problems)
            if doc is not None:
                documents.append(doc)
    if info is None or orgs is None or info_src is None:
        return None
    partnership = Partnership.model_construct(
        _fields_set=set(info.model_fields_set) | {"partners", "documents"},
        **dict(info.__dict__),
        partners=orgs.organisations,
        documents=documents,
    )
    partnership.adopt_origin(info, folder=shown)
    problems.extend(_resolve_references(partnership, info_src))
    try:  # validated with the rest, so that 'isa-kit validate' covers it too
        load_letters_policy(partnership, folder)
    except DataError as exc:
        problems.extend(exc.problems)
    return partnership


def _contained(path: Path, folder: Path, problems: list[Problem]) -> bool:
    """False (with a problem) when ``path`` is a loop, broken, or a link out of ``folder``."""
    reason = outside_reason(path, folder)
    if reason is None:
        return True
    problems.append(Problem(display_path(path), None, None, "", reason))
    return False


def _duplicate_ids(p: Partnership, problems: list[Problem]) -> set[str]:
    """Organisation and document ids must be unique; returns the organisation ids."""
    org_ids: set[str] = set()
    for org in p.partners:
        if org.id in org_ids:
            problems.append(_at(org, "id", message=f"duplicate organisation id '{org.id}'"))
        org_ids.add(org.id)
    doc_ids: dict[str, Document] = {}
    for doc in p.documents:
        if doc.id in doc_ids:
            problems.append(
                _at(
                    doc,
                    "id",
                    message=f"duplicate document id '{doc.id}' (also in {doc_ids[doc.id].source_file})",
                )
            )
        doc_ids[doc.id] = doc
    return org_ids


def _resolve_references(p: Partnership, info_src: SourceFile) -> list[Problem]:
    """Every organisation id must name a partner; ids must be unique."""
    problems: list[Problem] = []
    org_ids = _duplicate_ids(p, problems)
    known = (
        ", ".join(sorted(org_ids))
        if len(org_ids) <= 12
        else f"{len(org_ids)} ids in {ORGANISATIONS_FILE}"
    )

    def ref(owner: Node, field: str, value: str | None, index: int | None = None) -> None:
        if value is not None and value not in org_ids:
            sub: tuple[str | int, ...] = (field,) if index is None else (field, index)
            problems.append(
                _at(
                    owner,
                    *sub,
                    message=f"unknown organisation '{value}'{did_you_mean(value, org_ids)}: "
                    f"expected one of {known}",
                )
            )

    ref(p, "lead_organisation", p.lead_organisation)
    for org in p.partners:
        ref(org, "part_of", org.part_of)
    for board in (p.governance.steering_group, p.governance.strategic_board):
        for member in board.members if board else []:
            ref(member, "organisation", member.organisation)
    for doc in p.documents:
        for i, party in enumerate(doc.parties):
            ref(doc, "parties", party, i)
        for sig in doc.signatories:
            ref(sig, "organisation", sig.organisation)
        for basis in doc.lawful_bases:
            for i, party in enumerate(basis.parties):
                ref(basis, "parties", party, i)
        for jc in doc.joint_controllers:
            for i, party in enumerate(jc.parties):
                ref(jc, "parties", party, i)
    problems.extend(_part_of_cycles(p))
    return problems


def _part_of_cycles(p: Partnership) -> Iterable[Problem]:
    parents = {o.id: o.part_of for o in p.partners}
    for org in p.partners:
        seen = {org.id}
        cur = org.part_of
        while cur is not None and cur in parents:
            if cur in seen:
                yield _at(org, "part_of", message=f"'{org.id}' is part of itself through '{cur}'")
                break
            seen.add(cur)
            cur = parents[cur]


def _at(owner: Node, *sub: str | int, message: str) -> Problem:
    loc = owner.loc(*sub)
    return Problem(loc.file, loc.line, loc.column, format_path(owner.data_path(*sub)), message)


def load_partnerships(paths: Sequence[Path]) -> list[Partnership]:
    """Load every partnership the PATHs name, reporting all problems across all of them."""
    problems: list[Problem] = []
    out: list[Partnership] = []
    for folder in find_partnership_folders(paths):
        p = _load_partnership(folder, problems)
        if p is not None:
            out.append(p)
            freeze_loaded()  # kept until the caller is done: never worth rescanning
    if problems:
        raise DataError(sorted(problems, key=_problem_key))
    return out


def load_letters_policy(partnership: Partnership, folder: Path) -> LettersPolicy | None:
    """The partnership's ``letters.yaml`` (``None`` when it has none), its outcome ids resolved.

    Raises :class:`DataError` located in ``letters.yaml`` for an unknown or repeated outcome,
    or a lettered outcome with no deadline.
    """
    path = folder / LETTERS_FILE
    if not path.is_file():
        return None
    policy, _ = load_model(LettersPolicy, path)
    known = {o.id: o for o in partnership.outcomes}
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, rule in enumerate(policy.rules):
        if rule.outcome not in known:
            choices = ", ".join(sorted(known)) or f"none: {PARTNERSHIP_FILE} has no outcomes"
            problems.append(
                _at(
                    rule,
                    "outcome",
                    message=f"unknown outcome '{rule.outcome}': expected one of {choices}",
                )
            )
        elif rule.outcome in seen:
            problems.append(_at(rule, "outcome", message=f"outcome '{rule.outcome}' has two rules"))
        seen.add(rule.outcome)
        if policy.deadline_basis == "fixed" and policy.deadline is None and rule.deadline is None:
            problems.append(
                _at(
                    policy.rules[i],
                    "deadline",
                    message="no deadline: expected one here or for the whole policy",
                )
            )
    if problems:
        raise DataError(sorted(problems, key=_problem_key))
    return policy
