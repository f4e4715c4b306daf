"""The ``isa-kit`` command line: parse, dispatch, and the one boundary that maps errors to exit codes.

Each subcommand lives in its own module of :mod:`isa_kit.cli` with ``configure(parser)`` and
``run(args) -> int``, which calls the command's one service. Those modules import services
(and so pydantic, docxtpl, pypdf) only inside ``run``, so starting the CLI stays quick
whatever the command.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from isa_kit.cli.parser import SuggestingParser
from isa_kit.core.errors import DataError, ExitCode, UserError
from isa_kit.core.version import __version__

#: The hand-written registry of subcommands, in the order ``--help`` lists them.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("init", "isa_kit.cli.init"),
    ("validate", "isa_kit.cli.validate"),
    ("schema", "isa_kit.cli.schema"),
    ("build", "isa_kit.cli.build"),
    ("templates", "isa_kit.cli.templates"),
    ("check", "isa_kit.cli.check"),
    ("audit", "isa_kit.cli.audit"),
    ("site", "isa_kit.cli.site"),
    ("import", "isa_kit.cli.importer"),
    ("letters", "isa_kit.cli.letters"),
    ("completion", "isa_kit.cli.completion"),
)

_DESCRIPTION = """\
Information governance for Multi-Agency Safeguarding Hubs (MASH).

Keep a partnership's information sharing agreements, MOUs and protocols as YAML data in
agreements/<partnership>/, then validate it, generate Word and PDF documents from it, and
check it (or existing Word and PDF agreements) for compliance gaps.
"""

_EPILOG = """\
examples:
  isa-kit init agreements/newshire             start a new partnership, every field explained
  isa-kit validate agreements/                 check every partnership's data is well formed
  isa-kit build agreements/demo --pdf          write Word and tagged PDF documents to build/demo/
  isa-kit check agreements/ --as-of 2026-11-21 report compliance findings (exit 1 if any error)
  isa-kit audit old-agreements/                audit Word/PDF agreements that were never data

exit codes: 0 success, 1 findings at or above --fail-on, 2 bad input or could not check.
Run 'isa-kit COMMAND --help' for a command's options.
"""


def _load_commands(only: str | None = None) -> list[tuple[str, ModuleType]]:
    out = []
    for name, module in COMMANDS:
        if only is not None and name != only:
            continue
        try:
            out.append((name, importlib.import_module(module)))
        except ModuleNotFoundError as exc:
            if exc.name != module:  # a real import error inside the module: a bug, surface it
                raise
    return out


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (``only``) just the one subcommand being run: importing every
    command module and building every subparser would cost each run more than parsing."""
    parser = SuggestingParser(
        prog="isa-kit",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"isa-kit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in _load_commands(only):
        help_text: str = module.HELP
        cmd = sub.add_parser(
            name,
            help=help_text,
            description=getattr(module, "DESCRIPTION", help_text),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.configure(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    named = given[0] if given and given[0] in dict(COMMANDS) else None
    parser = build_parser(named)
    args = parser.parse_args(argv)
    if getattr(args, "_run", None) is None:
        parser.print_help()
        return int(ExitCode.USAGE_OR_INPUT)
    try:
        return int(args._run(args))
    except DataError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return int(exc.exit_code)
    except UserError as exc:
        print(f"isa-kit: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("isa-kit: interrupted", file=sys.stderr)
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:  # e.g. `isa-kit check ... | head`
        return int(ExitCode.OK)
    except Exception as exc:  # the boundary: a bug, not a user mistake
        log = _crash_log(exc)
        print(
            f"isa-kit: an unexpected error occurred ({type(exc).__name__}); "
            f"please report it with the details in {log}",
            file=sys.stderr,
        )
        return int(ExitCode.USAGE_OR_INPUT)


def _crash_log(exc: BaseException) -> str:
    """Write where the bug happened: code locations and exception types only.

    The exception's message and the source lines are left out on purpose: they can carry
    values from the data (names, addresses) and a crash log is meant to be shared.
    """
    import tempfile  # only after a crash: every run would pay for these imports
    import traceback

    lines = [f"isa-kit {__version__}: {type(exc).__name__}"]
    for item in traceback.TracebackException.from_exception(exc, capture_locals=False).stack:
        lines.append(f"  {item.filename}:{item.lineno} in {item.name}")
    cause = exc.__cause__ or exc.__context__
    if cause is not None:
        lines.append(f"caused by {type(cause).__name__}")
    with tempfile.NamedTemporaryFile(
        "w", prefix="isa-kit-crash-", suffix=".log", delete=False
    ) as log:
        log.write("\n".join(lines) + "\n")
    return log.name


def run() -> None:
    sys.exit(main())
