"""``isa-kit build``: generate a partnership's documents as Word (and tagged PDF) files."""

from __future__ import annotations

import argparse
from pathlib import Path

from isa_kit.cli.colour import add_no_color
from isa_kit.cli.options import as_of, parse_date

HELP = "generate a partnership's agreements as Word and tagged PDF documents"
DESCRIPTION = """\
Render every document of the partnership in PARTNERSHIP_DIR (its ISA, MOU, operational
protocol and guidance) from the Word templates, and write one .docx per document plus a
signature pack (one page per party) for each agreement that is signed, into DIR
(default: build/<partnership folder>/). Given a folder of partnership folders (such as
agreements/), build every partnership in it, each into its own sub-folder of DIR.

Rendering is strict: a placeholder with no value stops the build, naming the template, the
placeholder and the YAML line to fill in; nothing is written unless every document renders.
The same data and --as-of give byte-identical .docx files. A file whose sha256 the data
records as a signed copy is never overwritten (exit 2).

--pdf also writes tagged PDFs through LibreOffice (one headless process for the batch). If
LibreOffice is not installed, the .docx files are still written and the command exits 2.

The validated data is kept in the user's cache folder ($ISA_KIT_CACHE_DIR, else
$XDG_CACHE_HOME/isa-kit), so a build of unchanged data starts without validating it again;
any change to the partnership's files (or to the kit) is seen and the data validated afresh.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="PARTNERSHIP_DIR")
    parser.add_argument("--out", type=Path, metavar="DIR", help="output folder")
    parser.add_argument("--pdf", action="store_true", help="also write tagged PDFs (LibreOffice)")
    parser.add_argument("--only", metavar="DOC_ID", help="build only this document (and its pack)")
    parser.add_argument(
        "--as-of",
        type=parse_date,
        metavar="DATE",
        help="the date the documents are generated as of (document properties); default today",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="give up on LibreOffice after this long (default 300)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="validate the data afresh, ignoring the snapshot of its last successful load "
        "(also ISA_KIT_NO_CACHE=1)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    add_no_color(parser)


def run(args: argparse.Namespace) -> int:
    from isa_kit.cli.progress import progress
    from isa_kit.core.paths import display_path
    from isa_kit.render.build import build

    with progress("Building", colour=not args.no_color) as update:
        result = build(
            args.folder,
            args.out,
            pdf=args.pdf,
            only=args.only,
            as_of=as_of(args),
            timeout=args.timeout,
            progress=update,
            cache=not args.no_cache,
        )
    if not args.quiet:
        for path in [*result.docx, *result.pdf]:
            print(f"wrote {display_path(path)}")
    return 0
