"""What reading a feed produces: one ParsedRow per data row, or an error refusing the file.

A row's fate is decided in two places (the counting rule: every data row read gets exactly one of
created / updated / unchanged / skipped / failed). This layer decides only two of them:

- failed: `problems` is non-empty; every bad field of the row is named, not just the first;
- skipped: `skipped` holds the reason (e.g. MIG-2: history older than 2012-01-01).

Every other row carries a typed `record` and is left for the owning service to create, update or
leave unchanged (that is also where a reference to something unknown fails). Blank lines are not
rows at all: they get no row number and no fate.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from crmkit.errors import FieldProblem, InvalidInput

ROW = "row"  # the `field` of a problem about the row as a whole rather than one of its cells
FAILED, SKIPPED = "failed", "skipped"


@dataclass(frozen=True)
class RowProblem:
    """Why a cell (named by its column, as the feed's specification spells it) is unusable."""

    field: str
    reason: str


@dataclass(frozen=True)
class ParsedRow:
    """One data row of a feed.

    `row_number` counts data rows from 1 (the first row after the header); a quoted field spanning
    several lines is still one row, and blank lines are not counted. `line` is the physical line
    of the file where the row starts (the header is line 1), for people looking at the file.
    `raw` holds the original cells keyed by the file's own header, for the failed-row export (a row
    whose quoting is broken has no cells: its text is under the key "row").
    `warnings` are things the reader dropped or could not trust without failing the row (a broken
    address among good ones, bytes read as Windows-1252 in a UTF-8 file); they never change a fate.
    """

    row_number: int
    record: object | None
    problems: tuple[RowProblem, ...] = ()
    skipped: str = ""
    raw: dict[str, str] = field(default_factory=dict, hash=False)
    warnings: tuple[RowProblem, ...] = ()
    line: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    @property
    def outcome(self) -> str | None:
        """"failed", "skipped", or None when the owning service decides (created/updated/unchanged)."""
        if self.problems:
            return FAILED
        if self.skipped:
            return SKIPPED
        return None


@dataclass(frozen=True)
class Column:
    """A column a feed reads. A required column missing from the header refuses the whole file."""

    name: str
    required: bool = True


@dataclass(frozen=True)
class Feed:
    """One kind of file: its columns, the record type it yields and how one row becomes a record.

    `parse` receives the row's cells (feeds.cells.RowCells) and returns the record, or None after
    recording problems or a skip on the cells. `key` names the record attribute that identifies a
    row across files (empty when the kind has none), for the service's de-duplication.
    """

    kind: str
    columns: tuple[Column, ...]
    record_type: type
    parse: Callable[..., object | None]
    key: str = ""
    description: str = ""

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


class FeedError(InvalidInput):
    """A feed that cannot be read at all (as opposed to a row that fails)."""


class UnknownFeedKind(FeedError):
    def __init__(self, kind: str, known: tuple[str, ...]) -> None:
        super().__init__(f"unknown feed kind {kind!r}; known kinds: {', '.join(known)}", field="kind")
        self.kind = kind


class FeedRejected(FeedError):
    """The whole file is refused before any row: no header, missing or repeated columns, an encoding
    we do not read, or structure no row can be taken from. `missing` names absent required columns."""

    def __init__(self, detail: str, *, missing: tuple[str, ...] = (), kind: str = "") -> None:
        problems = [FieldProblem("header", f"missing required column {name!r}") for name in missing]
        super().__init__(detail, problems=problems)
        self.missing = missing
        self.kind = kind


class FeedCorrupt(FeedError):
    """The file breaks down part-way (a physical line longer than the reader holds): the rows
    already handed out stand, the rest of the file cannot be read. `line` is where it broke."""

    def __init__(self, detail: str, *, line: int) -> None:
        super().__init__(f"line {line}: {detail}")
        self.line = line
