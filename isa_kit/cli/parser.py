"""The argument parser class: argparse's, with "did you mean" on a mistyped command or option.

Python 3.11's argparse lists the valid choices but does not pick the likely one; this adds the
closest (by :mod:`isa_kit.core.suggest`) to the usage error, for any subcommand registered.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from typing import NoReturn

from isa_kit.core.suggest import did_you_mean

_INVALID_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)")


def _option_strings(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every option string of ``parser`` and of its subcommands' parsers."""
    for action in parser._actions:
        yield from action.option_strings
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _option_strings(sub)


class SuggestingParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose usage errors suggest the nearest valid name."""

    def error(self, message: str) -> NoReturn:
        super().error(message + self._suggestion(message))

    def _suggestion(self, message: str) -> str:
        choice = _INVALID_CHOICE.search(message)
        if choice is not None:
            return did_you_mean(choice.group(1), re.findall(r"'([^']*)'", choice.group(2)))
        if message.startswith("unrecognized arguments: "):
            options = set(_option_strings(self))
            for token in message.removeprefix("unrecognized arguments: ").split():
                if token.startswith("--"):
                    hint = did_you_mean(token.split("=", 1)[0], options)
                    if hint:
                        return hint
        return ""
