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
    from isa_kit.core.paths import display_path
    from isa_kit.render.templates import copy_templates, lint_templates

    if args.action == "copy":
        for path in copy_templates(args.dest, force=args.force):
            print(f"wrote {display_path(path)}")
        return 0
    result = lint_templates(args.templates)
    for problem in result.problems:
        print(problem)
    print(result.summary())
    return 1 if result.problems else 0
