"""Progress bars on the terminal for work that takes more than about a second.

A bar is drawn on standard error only when it is a terminal, so a pipe, a file or CI gets
nothing but the result. It appears once the work has run for :data:`DELAY` seconds (quick
runs never flicker) and is cleared when the work ends. ``rich`` is imported only then, so a
command that shows no bar does not pay for it.

Services take an optional ``progress(done, total)`` callback; :func:`progress` makes one.
For a loop whose length is known, :func:`bar` gives a plain ``advance()``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

#: Seconds of work before a bar appears; ISA_KIT_PROGRESS_DELAY overrides it (tests use 0).
DELAY = 1.0

Update = Callable[[int, int], None]


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except ValueError:  # a closed stream
        return False


class _Bar:
    """Shows a rich progress bar on ``stream`` once ``delay`` seconds have passed."""

    def __init__(self, description: str, stream: TextIO, delay: float, colour: bool) -> None:
        import threading  # here, not at start-up: only a terminal run pays for it

        self.description = description
        self.stream = stream
        self.colour = colour
        self.lock = threading.Lock()
        self.state = (0, 0)
        self.shown: Any = None
        self.task: Any = None
        self.closed = False
        self.timer = threading.Timer(delay, self._show)
        self.timer.daemon = True
        if delay > 0:
            self.timer.start()
        else:
            self._show()

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        with self.lock:
            if self.closed:
                return
            console = Console(file=self.stream, no_color=not self.colour or None)
            self.shown = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            done, total = self.state
            self.task = self.shown.add_task(self.description, total=total or None)
            self.shown.update(self.task, completed=done)
            self.shown.start()

    def __call__(self, done: int, total: int) -> None:
        with self.lock:
            self.state = (done, total)
            if self.shown is not None:
                self.shown.update(self.task, completed=done, total=total or None)

    def close(self) -> None:
        self.timer.cancel()
        with self.lock:
            self.closed = True
            if self.shown is not None:
                self.shown.stop()


def _ignore(done: int, total: int) -> None:
    """The callback when no bar is shown."""


@contextmanager
def progress(
    description: str, *, stream: TextIO | None = None, colour: bool = True
) -> Iterator[Update]:
    """Yield ``update(done, total)`` for a service; a bar shows on a terminal only."""
    out = stream if stream is not None else sys.stderr
    if not is_terminal(out):
        yield _ignore
        return
    delay = float(os.environ.get("ISA_KIT_PROGRESS_DELAY", DELAY))
    shown = _Bar(description, out, delay, colour)
    try:
        yield shown
    finally:
        shown.close()


@contextmanager
def bar(description: str, total: int, *, colour: bool = True) -> Iterator[Callable[[], None]]:
    """Yield ``advance()`` for a loop of ``total`` steps (e.g. one per letter)."""
    with progress(description, colour=colour) as update:
        done = 0
        update(0, total)

        def advance() -> None:
            nonlocal done
            done += 1
            update(done, total)

        yield advance
