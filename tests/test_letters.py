"""Outcome letters: policy, rows, text, register, re-runs, deadlines, delivery routes."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sqlite3
import zipfile
from pathlib import Path

import docx
import pytest

from isa_kit import make_letters
from isa_kit.core.errors import DataError, OutputError, UserError
from isa_kit.data.values import Duration
from isa_kit.letters.deadlines import bank_holidays, due_by

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "agreements" / "demo"
FIXTURE = ROOT / "tests" / "fixtures" / "letters" / "decisions.csv"
AS_OF = dt.date(2026, 11, 21)
HEADER = FIXTURE.read_text(encoding="utf-8").splitlines()[0]
NAMES = ["Ada Fictional", "Bram Fictional", "Dora Fictional", "Oli Fictional", "Sample Street"]


def text_of(path: Path) -> str:
    d = docx.Document(str(path))
    return "\n".join(p.text for p in d.paragraphs)


def run(out: Path, decisions: Path = FIXTURE, **kw: object):  # type: ignore[no-untyped-def]
    return make_letters(
        decisions, kw.pop("partnership", DEMO), out, as_of=kw.pop("as_of", AS_OF), **kw
    )  # type: ignore[arg-type]


def one_row(tmp_path: Path, row: str, name: str = "one.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "\n" + row + "\n", encoding="utf-8")
    return path


def test_every_outcome_and_recipient(tmp_path: Path) -> None:
    result = run(tmp_path / "out")
    refs = sorted(result.written)
    assert refs == [
        "T-0001-FAM-v1",
        "T-0001-REF-v1",
        "T-0002-FAM-v1",
        "T-0002-REF-v1",
        "T-0003-FAM-v1",
        "T-0003-REF-v1",
        "T-0005-FAM-v1",
        "T-0005-REF-v1",
    ]
    files = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert files == [f"{r}.docx" for r in refs]
    by_ref = {e.letter_ref: e for e in result.entries()}
    assert by_ref["T-0001-REF-v1"].template == "nfa-referrer"
    assert by_ref["T-0003-FAM-v1"].template == "assessment-family"
    assert by_ref["T-0005-REF-v1"].outcome == "adult-s42-enquiry"
    assert result.exit_code == 1


def test_bad_and_refused_rows_are_reported_by_number_and_case(tmp_path: Path) -> None:
    result = run(tmp_path / "out")
    shown = "tests/fixtures/letters/decisions.csv"
    lines = [str(p) for p in result.problems]
    assert lines == [
        f"{shown}:row 8: outcome: 's47-strategy-discussion' is told to the referrer by phone, "
        "never by letter (Strategy discussion and enquiries under section 47 of the Children Act "
        "1989; referrer and family are told by phone so that no letter alerts an alleged abuser.)"
        " (case T-0004)",
        f"{shown}:row 9: outcome: 's47-strategy-discussion' is told to the family by phone, "
        "never by letter (Strategy discussion and enquiries under section 47 of the Children Act "
        "1989; referrer and family are told by phone so that no letter alerts an alleged abuser.)"
        " (case T-0004)",
        f"{shown}:row 12: decided_at: expected a real date and time (YYYY-MM-DDTHH:MM) (case T-0006)",
        f"{shown}:row 13: outcome: expected one of adult-s42-enquiry, early-help, nfa, "
        "s17-assessment, s47-strategy-discussion (case T-0007)",
        f"{shown}:row 14: recipient_type: expected referrer or family (case T-0008)",
        f"{shown}:row 15: rationale: expected a value (case T-0009)",
        f"{shown}:row 16: address: expected a postal address: the email address is not on a "
        "secure domain, so the letter goes by post (case T-0010)",
        f"{shown}:row 17: options: expected options from interpreter, easy-read, safety-advice, "
        "consent (case T-0011)",
        f"{shown}:row 18: case_ref: the same case and recipient as row 3: one letter each "
        "(case T-0001)",
    ]
    for line in lines:
        assert not any(name in line for name in NAMES), line
        assert "gmail" not in line and "hotmail" not in line


def test_letter_text(tmp_path: Path) -> None:
    run(tmp_path / "out")
    text = text_of(tmp_path / "out" / "T-0002-FAM-v1.docx")
    assert text.startswith(
        "Demoshire MASH\nDemo House, 1 Example Street, Demoton DM1 1AA\n"
        "Phone: 01632 960000 (Monday to Thursday 08:30 to 17:00, Friday 08:30 to 16:30)\n"
        "Email: mash@demoshire.gov.uk\nMs Dora Fictional\n5 Sample Street\nDemoton DM1 5AA\n"
        "Our reference: T-0002-FAM-v1\nDate: 21 November 2026\n"
        "Support from early help services\nDear Ms Dora Fictional,\nWhat we decided\n"
    )
    assert (
        "We made this decision on 20 November 2026. You told us you would like help with "
        "parenting and agreed to a referral." in text
    )
    assert "If you have any questions, contact Demoshire Early Help Hub: 01632 960010." in text
    # options switched on in this row, and only those
    assert "An easy read version of this letter is available." in text
    assert "We only share your information with early help services because you agreed." in text
    assert "interpreter" not in text
    for heading in (
        "What happens next",
        "Who to contact",
        "How to complain",
        "How we use your information",
    ):
        assert f"\n{heading}\n" in text
    assert text.endswith("Yours sincerely,\nDemoshire MASH\nEnd of letter")
    d = docx.Document(str(tmp_path / "out" / "T-0002-FAM-v1.docx"))
    styles = [p.style.name for p in d.paragraphs if p.style.name != "Normal"]
    assert styles[0] == "Title" and set(styles[1:]) == {"Heading 1"}
    assert d.core_properties.identifier == "T-0002-FAM-v1"
    referrer = text_of(tmp_path / "out" / "T-0001-REF-v1.docx")
    assert "No further action" in referrer and "Fictional Primary School" in referrer
    assert "Thank you for your referral about a child or family." in referrer
    family = text_of(tmp_path / "out" / "T-0001-FAM-v1.docx")
    assert "If you would like an interpreter" in family
    assert "Fictional Primary School" not in family


def test_rerun_is_idempotent_and_overwrites_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run(out)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("*.docx")}
    second = run(out)
    assert second.written == []
    assert sorted(second.unchanged) == sorted(first.written)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("*.docx")}
    assert after == before
    with sqlite3.connect(out / "letters-register.sqlite") as db:
        assert db.execute("SELECT count(*) FROM letters").fetchone() == (8,)


def test_changed_row_is_refused_unless_superseded(tmp_path: Path) -> None:
    out = tmp_path / "out"
    row = (
        'S-1,2026-11-20T10:15,nfa,Green,family,Mr Bram Fictional,"3 Sample Street, Demoton",,,'
        "Demoshire MASH,01632 960000,No risk found.,"
    )
    run(out, one_row(tmp_path, row))
    original = (out / "S-1-FAM-v1.docx").read_bytes()
    changed = one_row(tmp_path, row.replace("No risk found.", "No risk was found."), "two.csv")
    refused = run(out, changed)
    assert [str(p).split(": ", 1)[1] for p in refused.problems] == [
        "(row): letter S-1-FAM-v1 was already issued from different details; it is never "
        "overwritten: pass --supersede to issue a new version (case S-1)"
    ]
    assert refused.written == [] and (out / "S-1-FAM-v1.docx").read_bytes() == original
    superseded = run(out, changed, supersede=True)
    assert superseded.written == ["S-1-FAM-v2"]
    assert (out / "S-1-FAM-v1.docx").read_bytes() == original
    assert "No risk was found." in text_of(out / "S-1-FAM-v2.docx")
    with sqlite3.connect(out / "letters-register.sqlite") as db:
        rows = db.execute(
            "SELECT letter_ref, version, superseded_by FROM letters ORDER BY version"
        ).fetchall()
    assert rows == [("S-1-FAM-v1", 1, "S-1-FAM-v2"), ("S-1-FAM-v2", 2, None)]


def test_register_holds_no_personal_data(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(out)
    with sqlite3.connect(out / "letters-register.sqlite") as db:
        cols = [r[1] for r in db.execute("PRAGMA table_info(letters)")]
        dump = "\n".join(db.iterdump())
    assert cols == [
        "letter_ref", "case_ref", "recipient_type", "version", "outcome", "template",
        "template_version", "sha256", "row_digest", "decided_at", "generated_at", "due_by",
        "delivery", "file", "superseded_by",
    ]  # fmt: skip
    for secret in [*NAMES, "nhs.net", "gmail", "@", "Demoton DM1"]:
        assert secret not in dump
    report = (out / "timeliness.txt").read_text() + (out / "timeliness.json").read_text()
    assert not any(name in report for name in NAMES)


def test_christmas_one_working_day(tmp_path: Path) -> None:
    december = {d: n for d, n in bank_holidays(2026).items() if d.month == 12}
    assert sorted(december) == [dt.date(2026, 12, d) for d in (25, 26, 28)]
    assert "Boxing Day" in december[dt.date(2026, 12, 28)]  # the substitute day
    thursday = dt.datetime(2026, 12, 24, 16, 0)
    assert due_by(thursday, Duration.parse("1 working day")) == dt.datetime(2026, 12, 29, 16, 0)
    assert due_by(thursday, Duration.parse("24 hours")) == dt.datetime(2026, 12, 25, 16, 0)
    assert due_by(thursday, Duration.parse("same day")) == dt.datetime(2026, 12, 24, 23, 59)
    assert due_by(thursday, Duration.parse("4 working hours")) == dt.datetime(2026, 12, 29, 12, 0)
    row = (
        'X-1,2026-12-24T16:00,s17-assessment,Amber,family,Mx Fen Fictional,"7 Sample Street",,,'
        "First Response Team,01632 960020,An assessment is needed.,"
    )
    on_time = run(tmp_path / "a", one_row(tmp_path, row), as_of=dt.date(2026, 12, 29))
    assert [e.due_by for e in on_time.entries()] == ["2026-12-29T16:00"]
    assert on_time.timeliness == [] and on_time.exit_code == 0
    late = run(tmp_path / "b", one_row(tmp_path, row), as_of=dt.date(2026, 12, 30))
    assert [(t.status, t.case_ref, t.due_by, t.generated_at) for t in late.timeliness] == [
        ("issued-late", "X-1", "2026-12-29T16:00", "2026-12-30T00:00")
    ]
    assert "row 2 case X-1 (family, s17-assessment): issued late; due by 2026-12-29T16:00" in (
        late.timeliness_text()
    )
    assert '"status": "issued-late"' in late.timeliness_json()


def test_timeliness_of_rows_without_letters(tmp_path: Path) -> None:
    out = tmp_path / "out"
    row = (
        'S-2,2026-11-20T10:15,nfa,Green,family,Mr Bram Fictional,"3 Sample Street",,,'
        "Demoshire MASH,01632 960000,No risk found.,"
    )
    run(out, one_row(tmp_path, row))
    changed = one_row(tmp_path, row.replace("No risk", "Nothing"), "two.csv")
    soon = run(out, changed, as_of=dt.date(2026, 11, 21))
    assert [(t.status, t.due_by) for t in soon.timeliness] == [("at-risk", "2026-11-25T10:15")]
    later = run(out, changed, as_of=dt.date(2026, 11, 26))
    assert [t.status for t in later.timeliness] == ["overdue"]


def test_delivery_routes_follow_the_secure_email_policy(tmp_path: Path) -> None:
    result = run(tmp_path / "out")
    routes = {e.letter_ref: e.delivery for e in result.entries()}
    assert routes["T-0002-REF-v1"] == "email"  # nhs.net
    assert routes["T-0003-REF-v1"] == "email"  # a police.uk subdomain
    assert routes["T-0002-FAM-v1"] == "post"  # free webmail
    assert routes["T-0005-REF-v1"] == "post"  # nsh.net: a near miss of nhs.net
    assert routes["T-0001-REF-v1"] == "post"  # not on the policy
    assert routes["T-0001-FAM-v1"] == "post"  # no email


def test_northamptonshire_refuses_s47_letters_and_barnet_letters_nothing_unrecorded(
    tmp_path: Path,
) -> None:
    north = ROOT / "agreements" / "northamptonshire"
    row = (
        'N-1,2026-11-20T10:00,s47-strategy-discussion,RED,referrer,Ms Ada Fictional,"1 Road",,,'
        "MASH,0300 126 1000,Strategy discussion held.,"
    )
    result = run(tmp_path / "n", one_row(tmp_path, row), partnership=north)
    assert result.written == [] and result.exit_code == 1
    assert result.problems[0].refused
    assert "'s47-strategy-discussion' is told to the referrer by phone, never by letter" in str(
        result.problems[0]
    )
    ok = one_row(tmp_path, row.replace("s47-strategy-discussion,RED", "nfa,"), "ok.csv")
    lettered = run(tmp_path / "n2", ok, partnership=north)
    assert [e.due_by for e in lettered.entries()] == ["2026-11-21T10:00"]  # within 24 hours
    barnet = ROOT / "agreements" / "barnet"
    rows = one_row(
        tmp_path,
        'B-1,2026-11-20T10:00,s47-investigation,,referrer,Ms Ada Fictional,"1 Road",,,MASH,'
        "0208 359 4066,Section 47 enquiries started.,\n"
        'B-1,2026-11-20T10:00,s47-investigation,,family,Mr Bram Fictional,"1 Road",,,MASH,'
        "0208 359 4066,Section 47 enquiries started.,",
        "barnet.csv",
    )
    # Barnet's protocol says "feedback to referrer" but not how: no letter is guessed
    b = run(tmp_path / "b", rows, partnership=barnet)
    assert b.entries() == [] and b.exit_code == 1
    assert [str(p).split(": ", 2)[-1] for p in b.problems] == [
        f"how the {who} is told of 's47-investigation' is not recorded in barnet's data "
        "(record letter, phone or none first) (case B-1)"
        for who in ("referrer", "family")
    ]


def test_deterministic(tmp_path: Path) -> None:
    run(tmp_path / "a")
    run(tmp_path / "b")
    for p in (tmp_path / "a").glob("*.docx"):
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes()
        with zipfile.ZipFile(io.BytesIO(p.read_bytes())) as zf:
            assert zf.testzip() is None
    assert (tmp_path / "a" / "timeliness.json").read_bytes() == (
        tmp_path / "b" / "timeliness.json"
    ).read_bytes()


def test_bom_and_json_lines_are_read(tmp_path: Path) -> None:
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + FIXTURE.read_bytes())
    assert len(run(tmp_path / "a", bom).written) == 8
    import csv
    import json

    with FIXTURE.open(encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    jl = tmp_path / "d.jsonl"
    jl.write_text("\n".join(json.dumps(r) for r in records[:4]) + "\n", encoding="utf-8")
    assert len(run(tmp_path / "b", jl).written) == 4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"case_ref,outcome\nA,nfa\n", "missing column(s) decided_at, rag, recipient_type"),
        (b"\xff\xfe\x00", "not UTF-8 text"),
        (b"", "the file is empty"),
        (b'{"case_ref": "A"}\n[1]\n', ":2: expected one JSON object per line"),
    ],
)
def test_unusable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UserError) as info:
        run(tmp_path / "out", path)
    assert message in str(info.value)
    assert not (tmp_path / "out").exists()


def test_refuses_to_write_inside_a_git_work_tree(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    with pytest.raises(OutputError, match=r"inside the git work tree .*--allow-in-repo"):
        run(tmp_path / "repo" / "letters")
    assert not (tmp_path / "repo" / "letters").exists()
    assert len(run(tmp_path / "repo" / "letters", allow_in_repo=True).written) == 8


def test_letters_yaml_outcomes_must_exist(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(DEMO, folder)
    text = (folder / "letters.yaml").read_text().replace("outcome: early-help", "outcome: early")
    (folder / "letters.yaml").write_text(text)
    with pytest.raises(DataError) as info:
        run(tmp_path / "out", partnership=folder)
    problem = info.value.problems[0]
    assert problem.file.endswith("letters.yaml") and problem.line == 27
    assert problem.path == "rules[1].outcome"
    assert problem.message.startswith("unknown outcome 'early': expected one of adult-s42-enquiry")


def test_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text(
        HEADER + "\n"
        'M-1,2026-11-20T10:15,nfa,,family,Mr Bram Fictional,"3 Sample Street\nDemoton",,,'
        "Demoshire MASH,01632 960000,No risk found.,\n"
        'M-2,2026-11-20T10:15,nfa,,family,Mr Bram Fictional,"3 Sample Street",,,'
        "Demoshire MASH,01632 960000,No risk found.,braille\n",
        encoding="utf-8",
    )
    result = run(tmp_path / "out", path)
    assert result.written == ["M-1-FAM-v1"]
    assert [(p.row, p.column) for p in result.problems] == [(3, "options")]
    assert "3 Sample Street\nDemoton" in text_of(tmp_path / "out" / "M-1-FAM-v1.docx")


def test_mistyped_outcome_gets_did_you_mean(tmp_path: Path) -> None:
    row = (
        'D-1,2026-11-20T10:00,earlyhelp,Green,referrer,Ms Ada Fictional,"1 Road",,,'
        "MASH,0300 000 0000,Early help offered.,"
    )
    result = run(tmp_path / "o", one_row(tmp_path, row))
    assert result.written == [] and result.exit_code == 1
    assert str(result.problems[0]).endswith(
        "outcome: expected one of adult-s42-enquiry, early-help, nfa, s17-assessment, "
        "s47-strategy-discussion (did you mean 'early-help'?) (case D-1)"
    )
