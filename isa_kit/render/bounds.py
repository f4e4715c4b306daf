"""Resource bounds on rendering: anyone who can edit a template can write Jinja.

The sandbox stops a template reaching Python's internals, but not from asking for
``9**9**9``, ``"x" * 10**9`` or three nested ``range(100000)`` loops. Rendering one document
therefore runs under three bounds, each ending in a :class:`TemplateError` naming the
template, never a hang or an exhausted machine:

* single operations that could allocate without end are refused before they run (huge
  powers and repetitions, huge widths or counts passed to a filter or method);
* a per-document output budget, counted as the XML is generated;
* a per-document wall clock and memory budget, checked by a timer signal (when rendering runs
  in the main thread, as it does from the CLI) and between output chunks otherwise.
"""

from __future__ import annotations

import math
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sized
from contextlib import contextmanager
from typing import Any

from jinja2.exceptions import SecurityError

#: Seconds one document may take to render (real ones take milliseconds).
RENDER_SECONDS = 20.0
#: Characters of XML one document may render to (real ones are well under 2 MB).
OUTPUT_BUDGET = 50_000_000
#: Extra resident memory one render may take before it is stopped.
MEMORY_BUDGET = 400_000_000
#: Largest whole number a template may pass to a filter or method (a width, a count).
MAX_INT_ARGUMENT = 100_000
#: Largest power a template may compute, in bits.
MAX_POWER_BITS = 4_096
_TICK = 0.05
#: Seconds between two readings of the resident memory: reading /proc costs a few
#: microseconds, and a document checks its budget at every output chunk (over a thousand
#: times for an ISA), so the memory is read at most this often (the clock at every check).
_MEMORY_EVERY = 0.005


class RenderOverrun(BaseException):
    """A render went over a bound. A BaseException so that no ``except Exception`` in a
    library between the timer and the renderer swallows it."""


def _rss() -> int | None:
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # not Linux: the clock and output bounds remain
        return None


class Budget:
    """The clock and memory of one render; :meth:`check` raises when either is spent."""

    def __init__(self) -> None:
        self.seconds = RENDER_SECONDS
        self.ends = time.monotonic() + self.seconds
        base = _rss()
        self.memory_limit = None if base is None else base + MEMORY_BUDGET
        self.memory_due = 0.0

    def check(self) -> None:
        now = time.monotonic()
        if now > self.ends:
            raise RenderOverrun(f"rendering took longer than {self.seconds:g} seconds")
        if self.memory_limit is None or now < self.memory_due:
            return
        self.memory_due = now + _MEMORY_EVERY
        if (_rss() or 0) > self.memory_limit:
            raise RenderOverrun(
                f"rendering used more than {MEMORY_BUDGET // 1_000_000:,} MB of memory"
            )


@contextmanager
def watched(budget: Budget) -> Iterator[None]:
    """Check ``budget`` every few milliseconds by a timer signal while the block runs."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield  # callers also check between output chunks
        return

    def tick(_signum: int, _frame: object) -> None:
        budget.check()

    previous = signal.signal(signal.SIGALRM, tick)
    signal.setitimer(signal.ITIMER_REAL, _TICK, _TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        signal.signal(signal.SIGALRM, previous)


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an arithmetic operation whose result would be huge, before computing it."""
    if operator == "**" and _number(left) and _number(right):
        if abs(left) > 1 and right > 0 and right * math.log2(abs(left)) > MAX_POWER_BITS:
            raise SecurityError(f"the power {left!r} ** {right!r} is too large")
    elif operator == "*":
        for seq, n in ((left, right), (right, left)):
            sized = isinstance(seq, Sized) and isinstance(n, int)
            if sized and len(seq) * n > OUTPUT_BUDGET:
                raise SecurityError(f"repeating a value {n:,} times is too large")
        ints = isinstance(left, int) and isinstance(right, int)
        if ints and left.bit_length() + right.bit_length() > MAX_POWER_BITS:
            raise SecurityError("the product is too large")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_arguments(what: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a huge whole number (a width, a count) passed to a filter or method."""
    for value in (*args, *kwargs.values()):
        if _number(value) and abs(value) > MAX_INT_ARGUMENT:
            raise SecurityError(f"{what}: the number {value!r} is too large for a template")


def check_result(what: str, value: Any) -> Any:
    """Refuse a result over the output budget (a string or list grown by repeated calls)."""
    if isinstance(value, str | list | tuple) and len(value) > OUTPUT_BUDGET:
        raise SecurityError(f"{what}: the result is larger than the output budget")
    return value


def bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` with :func:`check_arguments` and :func:`check_result` around it."""
    if getattr(func, "_bounded", False):
        return func

    skip = 2 if hasattr(func, "jinja_pass_arg") else 1  # the context and the filtered value

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        check_arguments(f"filter '{name}'", args[skip:], kwargs)
        return check_result(f"filter '{name}'", func(*args, **kwargs))

    # Jinja passes the context/environment by looking at these markers on the function.
    for marker in ("jinja_pass_arg",):
        if hasattr(func, marker):
            setattr(wrapper, marker, getattr(func, marker))
    wrapper._bounded = True  # type: ignore[attr-defined]
    wrapper.__name__ = getattr(func, "__name__", name)
    return wrapper
