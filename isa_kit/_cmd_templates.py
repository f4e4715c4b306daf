"""``isa-kit templates``: lint Word templates, or copy the defaults to edit."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "lint Word templates (split tags, unknown fields) or copy the defaults to edit"
DESCRIPTION = """\
lint [TEMPLATE...]
  Check Word templates before anyone renders them: tags split across paragraphs or left
  unclosed, '{%p'/'{%tr' tags that do not stand alone, placeholders that are not names or
  fields of the template context and the data model (see docs/templates.md), unknown
  filters, and accessibility structure (headings in order, repeating table header rows,
  alt text on images). TEMPLATE may be a .docx file or a folder; default: the kit's own
  templates. Exit 0 when clean, 1 when problems were found, 2 when a file cannot be read.

copy DIR
  Copy the default templates and clause library into DIR, to edit in Word. Point a
  document at its copy with 'template: templates/isa.docx' in documents/<id>.yaml.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    lint = sub.add_parser("lint", help="check templates for mistakes")
    lint.add_argument("templates", nargs="*", type=Path, metavar="TEMPLATE")
    copy = sub.add_parser("copy", help="copy the default templates into DIR")
    copy.add_argument("dest", type=Path, metavar="DIR")
    copy.add_argument("--force", action="store_true", help="overwrite files that exist")


def run(args: argparse.Namespace) -> int:
    if args.action == "copy":
        return _copy(args.dest, args.force)
    return _lint(args.templates)


def _lint(paths: list[Path]) -> int:
    from ._errors import TemplateError
    from ._paths import display_path
    from ._resources import resource_dir
    from ._template_lint import lint_file, template_files

    files = template_files(paths or [resource_dir("templates")])
    if not files:
        raise TemplateError("no .docx templates found")
    problems = []
    for path in files:
        problems.extend(lint_file(path, display_path(path)))
    for problem in problems:
        print(problem)
    count = len(problems)
    noun = "template" if len(files) == 1 else "templates"
    print(f"{len(files)} {noun} checked, {count} problem{'' if count == 1 else 's'}")
    return 1 if problems else 0


def _copy(dest: Path, force: bool) -> int:
    from ._atomic import write_bytes_atomic
    from ._errors import OutputError
    from ._paths import display_path
    from ._resources import resource_dir

    src = resource_dir("templates")
    files = sorted([*src.glob("*.docx"), src / "clauses.yaml"])
    existing = [dest / f.name for f in files if (dest / f.name).exists()]
    if existing and not force:
        raise OutputError(
            f"{display_path(existing[0])} exists: refusing to overwrite it (use --force)"
        )
    for f in files:
        write_bytes_atomic(dest / f.name, f.read_bytes())
        print(f"wrote {display_path(dest / f.name)}")
    return 0
