"""``isa-kit site``: build or serve a partnership's protocol website (MkDocs Material)."""

from __future__ import annotations

import argparse
from pathlib import Path

from isa_kit.cli.options import as_of, parse_date

HELP = "build or serve the partnership's protocol website from its data"
DESCRIPTION = """\
Build the protocol website of the partnership in PARTNERSHIP_DIR: home (how to contact the
hub), partners, how the MASH works (pathway diagram, RAG/BRAG table, outcomes, escalation),
information sharing (golden rules, Caldicott principles, "should I share?" diagram), the
agreements register, compliance findings as of the build date, amendments log, glossary and
accessibility statement. Hand-written pages in PARTNERSHIP_DIR/site/ are added.

The site works offline and from a file share: nothing is loaded from outside its folder,
search is built in. The build is strict (a broken link or anchor fails it, exit 2) and the
same data and --as-of give byte-identical files. Needs the `site` extra and Graphviz.

  isa-kit site build agreements/demo     write build/site/demo/ (open index.html)
  isa-kit site serve agreements/demo     preview at http://127.0.0.1:8000/ with live reload
"""


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    build = sub.add_parser("build", help="write the site into a folder")
    build.add_argument("folder", type=Path, metavar="PARTNERSHIP_DIR")
    build.add_argument(
        "--out", type=Path, metavar="DIR", help="output folder (default build/site/<partnership>/)"
    )
    serve = sub.add_parser("serve", help="preview the site with live reload")
    serve.add_argument("folder", type=Path, metavar="PARTNERSHIP_DIR")
    serve.add_argument("--address", default="127.0.0.1:8000", help="host:port to listen on")
    for p in (build, serve):
        p.add_argument(
            "--as-of",
            type=parse_date,
            metavar="DATE",
            help="the date the site is built as of (review status, findings); default today",
        )
    build.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")


def run(args: argparse.Namespace) -> int:
    from isa_kit.core.paths import display_path
    from isa_kit.site.build import build_site, serve_site

    if args.action == "serve":
        serve_site(args.folder, as_of=as_of(args), address=args.address)
        return 0
    result = build_site(args.folder, args.out, as_of=as_of(args))
    if not args.quiet:
        print(f"wrote {result.pages} pages to {display_path(result.out)}/ (open index.html)")
    return 0
