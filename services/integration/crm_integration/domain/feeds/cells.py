"""One row's cells as a feed's parser reads them: each read cleans a cell, and every problem is
collected (named by its column) instead of stopping at the first, so a failed row names them all.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from crm_integration.domain.feeds.model import ROW, RowProblem

T = TypeVar("T")

ID_MAX = 64  # keys such as customer accounting IDs, serial and order numbers
TEXT_MAX = 200  # names, titles, street lines (the accounts service's limit)
SHORT_MAX = 100
BODY_MAX = 100_000  # email bodies and notes
DROPPED = "dropped: "  # how a warning about a value left out of the record begins


class RowCells:
    """The cells of one row by column name ("" for an optional column the file does not have)."""

    __slots__ = ("_cells", "_positions", "problems", "warnings", "skipped")

    def __init__(self, cells: Sequence[str], positions: Mapping[str, int]) -> None:
        self._cells = cells
        self._positions = positions  # column name -> index in `cells`; absent: the file has no such column
        self.problems: list[RowProblem] = []
        self.warnings: list[RowProblem] = []
        self.skipped = ""

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    @classmethod
    def of(cls, values: Mapping[str, str]) -> RowCells:
        """Cells given by column name (tests, and callers holding a mapping)."""
        return cls(list(values.values()), {name: n for n, name in enumerate(values)})

    def raw(self, column: str) -> str:
        position = self._positions.get(column)
        return "" if position is None else self._cells[position]

    def problem(self, column: str, reason: str) -> None:
        self.problems.append(RowProblem(column, reason))

    def warn(self, column: str, reason: str) -> None:
        self.warnings.append(RowProblem(column, reason))

    def skip(self, reason: str) -> None:
        self.skipped = reason

    def fail_row(self, reason: str, *, because_of: tuple[str, ...] = ()) -> None:
        """Fail the row as a whole; the warnings on the columns `because_of` (values dropped that
        would have saved it) become problems, so that the failed row names them too."""
        for warning in [w for w in self.warnings if w.field in because_of]:
            self.warnings.remove(warning)
            self.problems.append(RowProblem(warning.field, warning.reason.removeprefix(DROPPED)))
        self.problems.append(RowProblem(ROW, reason))

    def text(self, column: str, *, required: bool = False, limit: int = TEXT_MAX,
             multiline: bool = False, verbatim: bool = False) -> str:
        """The cell trimmed. One-line text also has its runs of white space (line breaks included)
        made one space; `multiline` keeps inner line breaks; `verbatim` keeps everything inside the
        trimmed text as it is (PO numbers that look like formulas are stored exactly as sent).
        Line breaks of a multi-line value become "\\n", whatever the file used."""
        position = self._positions.get(column)
        value = "" if position is None else self._cells[position].strip()
        if multiline:
            if "\r" in value:
                value = value.replace("\r\n", "\n").replace("\r", "\n")
        elif not (verbatim or (value.isprintable() and "  " not in value)):
            value = " ".join(value.split())
        if required and not value:
            self.problem(column, "is required")
        elif len(value) > limit:
            self.problem(column, f"is longer than {limit} characters")
        elif "\x00" in value:
            self.problem(column, "contains a NUL character")
        return value

    def value(self, column: str, parse: Callable[[str], T], *, required: bool = False) -> T | None:
        """The cell through `parse` (which raises ValueError with the reason); None when blank."""
        position = self._positions.get(column)
        text = "" if position is None else self._cells[position].strip()
        if not text:
            if required:
                self.problem(column, "is required")
            return None
        try:
            return parse(text)
        except ValueError as exc:
            self.problem(column, str(exc))
            return None

    def optional(self, column: str, parse: Callable[[str], T]) -> T | None:
        """The cell through `parse`; a bad value is dropped with a warning instead of failing the
        row (phone numbers and addresses that cannot be used, beside data that can)."""
        position = self._positions.get(column)
        text = "" if position is None else self._cells[position].strip()
        if not text:
            return None
        try:
            return parse(text)
        except ValueError as exc:
            self.warn(column, f"{DROPPED}{exc}")
            return None
