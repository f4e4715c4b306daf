"""Value types the agreements use that plain YAML has no word for.

* :class:`ApproxDate`: documents say "Date of next review: April 2018", so a date may be
  given to the month (``2018-04``) or to the day (``2018-04-30``).
* :class:`Duration`: RAG timescales are "2 hours", "24 hours", "1 working day" or
  "3 working days"; working and calendar time are different promises.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:  # pydantic only when a model is built: a snapshot build never imports it
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import core_schema

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class _TextValue:
    """A value written as one string in YAML: pydantic validates it with ``cls.parse``,
    serialises it with ``str`` and documents it with ``cls.JSON_SCHEMA``."""

    __slots__ = ()
    JSON_SCHEMA: ClassVar[JsonSchemaValue]

    @classmethod
    def parse(cls, value: Any) -> Any:
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return dict(cls.JSON_SCHEMA)


@dataclass(frozen=True, slots=True, order=True)
class ApproxDate(_TextValue):
    """A calendar date known to the day, or only to the month."""

    year: int
    month: int
    day: int | None = None

    _PATTERN: ClassVar[re.Pattern[str]] = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")

    @classmethod
    def parse(cls, value: Any) -> ApproxDate:
        if isinstance(value, ApproxDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("expected a date without a time, such as 2024-02 or 2024-02-29")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, str):
            m = cls._PATTERN.match(value)
            if m:
                year, month = int(m[1]), int(m[2])
                day = int(m[3]) if m[3] else None
                try:
                    dt.date(year, month, day or 1)
                except ValueError:
                    raise ValueError(f"{value!r} is not a real date") from None
                return cls(year, month, day)
        raise ValueError("expected a date such as 2024-02 (month) or 2024-02-29 (day)")

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date could mean: a month-precision due date runs to month end."""
        last = calendar.monthrange(self.year, self.month)[1]
        return dt.date(self.year, self.month, self.day or last)

    def add_months(self, months: int) -> ApproxDate:
        index = self.year * 12 + (self.month - 1) + months
        year, month = divmod(index, 12)
        day = self.day
        if day is not None:
            day = min(day, calendar.monthrange(year, month + 1)[1])
        return ApproxDate(year, month + 1, day)

    def months_until(self, other: ApproxDate) -> int:
        return (other.year - self.year) * 12 + (other.month - self.month)

    @property
    def is_exact(self) -> bool:
        return self.day is not None

    def human(self) -> str:
        """British long form: ``April 2018`` or ``30 April 2018``."""
        month = MONTHS[self.month - 1]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"

    def __str__(self) -> str:
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    JSON_SCHEMA: ClassVar[JsonSchemaValue] = {
        "type": "string",
        "pattern": r"^\d{4}-\d{2}(-\d{2})?$",
        "description": "A date to the month (2024-02) or to the day (2024-02-29).",
    }


Unit = Literal["minutes", "hours", "days", "weeks"]


@dataclass(frozen=True, slots=True)
class Duration(_TextValue):
    """A timescale: an amount of hours, days or weeks, in calendar or working time.

    ``same day`` is a promise of its own (before the end of the working day), kept as
    zero working days.
    """

    amount: int
    unit: Unit
    working: bool = False

    _PATTERN: ClassVar[re.Pattern[str]] = re.compile(
        r"^(\d+)\s+(working\s+)?(minute|hour|day|week)s?$", re.IGNORECASE
    )

    @classmethod
    def parse(cls, value: Any) -> Duration:
        if isinstance(value, Duration):
            return value
        if isinstance(value, str):
            text = " ".join(value.split()).lower()
            if text == "same day":
                return cls(0, "days", True)
            m = cls._PATTERN.match(text)
            if m:
                unit: Unit = {"minute": "minutes", "hour": "hours", "day": "days", "week": "weeks"}[
                    m[3]
                ]  # type: ignore[assignment]
                amount = int(m[1])
                if amount > 0:
                    return cls(amount, unit, bool(m[2]))
        raise ValueError(
            "expected a duration such as '2 hours', '24 hours', '1 working day' or 'same day'"
        )

    def hours(self) -> float:
        """Rough length in calendar hours, for ordering levels (a working day counts 8 h)."""
        if self.amount == 0:
            return 8.0
        per = {"minutes": 1 / 60, "hours": 1.0, "days": 24.0, "weeks": 168.0}[self.unit]
        if self.working:
            per = {"minutes": 1 / 60, "hours": 1.0, "days": 8.0, "weeks": 40.0}[self.unit]
        return self.amount * per

    def __str__(self) -> str:
        if self.amount == 0:
            return "same day"
        unit = self.unit if self.amount != 1 else self.unit[:-1]
        return f"{self.amount} {'working ' if self.working else ''}{unit}"

    def human(self) -> str:
        """Words for documents: ``within 1 working day``, ``same day``."""
        return "same day" if self.amount == 0 else f"within {self}"

    JSON_SCHEMA: ClassVar[JsonSchemaValue] = {
        "type": "string",
        "pattern": r"^(same day|\d+ (working )?(minute|hour|day|week)s?)$",
        "description": "A timescale such as '2 hours', '1 working day' or 'same day'.",
    }
