"""The fiscal calendar of forecasts and quotas (OPP-3, S5), pure.

The fiscal year starts on the first day of a configurable month (CRM_SALES_FISCAL_YEAR_START_MONTH,
January by default) and is named after the calendar year in which it ends: with a February start,
FY2027 runs from 2026-02-01 to 2027-01-31; with a January start, FY2027 is calendar 2027. Fiscal
months are numbered 1..12 from the start month, quarters 1..4 by three fiscal months.

A period is a fiscal month or quarter with a key: FY2027-M03 (the third fiscal month of FY2027),
FY2027-Q1 (its first quarter); `start` and `end` are both inclusive dates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from crmkit.errors import InvalidInput

MONTH, QUARTER = "month", "quarter"
PERIOD_KINDS = (MONTH, QUARTER)
MIN_FISCAL_YEAR, MAX_FISCAL_YEAR = 1900, 9998
_KEY = re.compile(r"^FY(\d{4})-(M|Q)(\d{1,2})$")


def _add_months(first: date, months: int) -> date:
    """The first day of the month `months` after the month of `first` (a first of a month)."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    kind: str  # month | quarter
    fiscal_year: int
    number: int  # 1..12 for a month, 1..4 for a quarter
    start: date
    end: date  # inclusive

    @property
    def key(self) -> str:
        number = f"M{self.number:02d}" if self.kind == MONTH else f"Q{self.number}"
        return f"FY{self.fiscal_year}-{number}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class FiscalCalendar:
    start_month: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.start_month <= 12:
            raise ValueError("the fiscal year starts in a month from 1 to 12")

    def year_start(self, fiscal_year: int) -> date:
        return date(fiscal_year if self.start_month == 1 else fiscal_year - 1, self.start_month, 1)

    def fiscal_year(self, day: date) -> int:
        if self.start_month == 1:
            return day.year
        return day.year + 1 if day.month >= self.start_month else day.year

    def fiscal_month(self, day: date) -> int:
        """1..12: the month of the fiscal year `day` falls in."""
        return (day.month - self.start_month) % 12 + 1

    def fiscal_quarter(self, day: date) -> int:
        return (self.fiscal_month(day) - 1) // 3 + 1

    def period(self, kind: str, fiscal_year: int, number: int) -> Period:
        months = 1 if kind == MONTH else 3
        start = _add_months(self.year_start(fiscal_year), (number - 1) * months)
        return Period(kind, fiscal_year, number, start, _add_months(start, months) - timedelta(days=1))

    def period_of(self, day: date, kind: str) -> Period:
        number = self.fiscal_month(day) if kind == MONTH else self.fiscal_quarter(day)
        return self.period(kind, self.fiscal_year(day), number)

    def periods(self, kind: str, fiscal_year: int) -> tuple[Period, ...]:
        """The months or quarters of `fiscal_year`, in order."""
        check_kind(kind)
        check_fiscal_year(fiscal_year)
        return tuple(self.period(kind, fiscal_year, n) for n in range(1, (12 if kind == MONTH else 4) + 1))

    def parse_key(self, key: str, field: str = "period_key") -> Period:
        """A period from its key (FY2027-Q1, FY2027-M03); 422 naming `field` otherwise."""
        match = _KEY.match(key.strip())
        number = int(match.group(3)) if match else 0
        kind = MONTH if match and match.group(2) == "M" else QUARTER
        if not match or not 1 <= number <= (12 if kind == MONTH else 4) \
                or not MIN_FISCAL_YEAR <= int(match.group(1)) <= MAX_FISCAL_YEAR:
            raise InvalidInput(f"{key!r} is not a fiscal period: FY2027-Q1 (quarters 1-4) or FY2027-M03 (months 01-12)",
                               field=field)
        return self.period(kind, int(match.group(1)), number)


def check_kind(kind: str, field: str = "period") -> str:
    if kind not in PERIOD_KINDS:
        raise InvalidInput(f"{kind!r} is not a period kind: month or quarter", field=field)
    return kind


def check_fiscal_year(fiscal_year: int, field: str = "fiscal_year") -> int:
    if not MIN_FISCAL_YEAR <= fiscal_year <= MAX_FISCAL_YEAR:
        raise InvalidInput(f"a fiscal year is from {MIN_FISCAL_YEAR} to {MAX_FISCAL_YEAR}", field=field)
    return fiscal_year
