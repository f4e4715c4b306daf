"""``isa-kit letters``: outcome letters to referrers and families, with a register."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from isa_kit.cli.options import as_of, parse_date

HELP = "write outcome letters to referrers and families from a decisions file"
DESCRIPTION = """\
Write one outcome letter (.docx, and with --pdf a tagged PDF) for every row of DECISIONS, as
the partnership's letters.yaml and outcomes say, into DIR, and record each letter in DIR's
register (letters-register.sqlite). Letters are named by their reference,
<case_ref>-REF-v1 (referrer) or <case_ref>-FAM-v1 (family).

DECISIONS is a CSV file (UTF-8, with or without a byte order mark; JSON lines also accepted)
with these columns:
  case_ref               the case reference (letters, digits, '-', '_', '.')
  decided_at             when the decision was made, local time in England: YYYY-MM-DDTHH:MM
  outcome                an outcome id from the partnership's partnership.yaml
  rag                    the RAG rating (may be empty; some partnerships' deadlines follow it)
  recipient_type         referrer or family
  recipient_name         who the letter is to
  address                postal address, lines separated by commas (needed for post)
  email                  may be empty; used only when its domain meets the secure email policy
  referrer_organisation  the referrer's organisation (may be empty)
  contact_team           who the recipient should contact
  contact_route          how (phone number, secure mailbox)
  rationale              why the decision was made, in plain English
  options                optional paragraphs, ';'-separated: interpreter; easy-read;
                         safety-advice; consent

A bad row is reported as DECISIONS:row N: column: what was expected, and gets no letter; the
other rows go on. A row the policy refuses (an outcome that is phoned, never lettered) or a
changed row for a letter already issued (unless --supersede) also gets none. Running the same
file again issues nothing new and never overwrites a letter. Deadlines count calendar or
working time (England and Wales bank holidays); the timeliness report (text or JSON, also
written to DIR) lists letters that are or will be late as of --as-of.

Letters hold personal data: the command refuses to write them inside a git work tree unless
--allow-in-repo; the register and messages hold case references, never names or addresses.

exit codes: 0 every row got its letter, 1 a row was rejected or refused, 2 the file or the
partnership data cannot be used.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("decisions", type=Path, metavar="DECISIONS")
    parser.add_argument(
        "--partnership", type=Path, required=True, metavar="PARTNERSHIP_DIR", dest="partnership"
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    parser.add_argument("--pdf", action="store_true", help="also write tagged PDFs (LibreOffice)")
    parser.add_argument(
        "--as-of",
        type=parse_date,
        metavar="DATE",
        help="the date the letters are generated on (letter date, timeliness); default today",
    )
    parser.add_argument(
        "--supersede", action="store_true", help="issue a new version for a changed row"
    )
    parser.add_argument(
        "--allow-in-repo", action="store_true", help="allow writing letters inside a git work tree"
    )
    parser.add_argument(
        "--templates", type=Path, metavar="DIR", help="letter templates (default: the kit's own)"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="timeliness report format"
    )
    parser.add_argument("--timeout", type=float, metavar="SECONDS", help="LibreOffice time limit")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")


def run(args: argparse.Namespace) -> int:
    from isa_kit.cli.progress import progress
    from isa_kit.letters.service import make_letters

    with progress("Writing letters", colour=not getattr(args, "no_color", False)) as update:
        result = make_letters(
            args.decisions,
            args.partnership,
            args.out,
            as_of=as_of(args),
            pdf=args.pdf,
            supersede=args.supersede,
            allow_in_repo=args.allow_in_repo,
            templates=args.templates,
            progress=lambda done, total, stage: update(done, total),
            timeout=args.timeout,
        )
    for problem in result.problems:
        print(str(problem), file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(result.timeliness_json())
        return result.exit_code
    if not args.quiet:
        print(
            f"{len(result.written)} letter(s) written, {len(result.unchanged)} already issued, "
            f"{len(result.problems)} row(s) without a letter; register in "
            f"{args.out / 'letters-register.sqlite'}"
        )
        sys.stdout.write(result.timeliness_text())
    return result.exit_code
