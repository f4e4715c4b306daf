"""``isa-kit completion``: a bash or zsh completion script, generated from the parser itself
(by ``shtab``), so it always knows every command and option, including ones added later."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "print a shell completion script for bash or zsh"
DESCRIPTION = """\
Print a completion script for SHELL, generated from isa-kit's own commands and options.

bash:  isa-kit completion bash > ~/.local/share/bash-completion/completions/isa-kit
zsh:   isa-kit completion zsh > "${fpath[1]}/_isa-kit"   (then restart the shell)
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=("bash", "zsh"), metavar="SHELL", help="bash or zsh")


def _mark_paths(parser: argparse.ArgumentParser, files: object) -> None:
    """Complete file names for every argument that takes a path (shtab's ``complete`` hint)."""
    for action in parser._actions:
        if action.type is Path:
            action.complete = files  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _mark_paths(sub, files)


def run(args: argparse.Namespace) -> int:
    import shtab

    from isa_kit.cli.main import build_parser

    parser = build_parser()
    _mark_paths(parser, shtab.FILE)
    print(shtab.complete(parser, shell=args.shell))
    return 0
