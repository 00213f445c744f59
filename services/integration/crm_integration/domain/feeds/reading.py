"""A feed's bytes to ParsedRows: decode, check the header against the feed, parse row by row.

The header is read when the reader is made, so a file that lacks a required column is refused
(FeedRejected naming every missing column) before any row is handed out. Rows are produced one at
a time as the caller asks: a file of a million rows is read in the memory of a few.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from crm_integration.domain.feeds.cells import RowCells
from crm_integration.domain.feeds.csvrows import CsvRecord, CsvTable, header_key
from crm_integration.domain.feeds.decoding import FeedDecoder
from crm_integration.domain.feeds.model import ROW, Feed, FeedRejected, ParsedRow, RowProblem

FALLBACK_WARNING = RowProblem(ROW, "bytes that are not valid UTF-8 were read as Windows-1252; check the accents")


class FeedRows(Iterator[ParsedRow]):
    """The rows of one file of one feed kind; also says how the file was read."""

    def __init__(self, feed: Feed, chunks: Iterable[bytes], *, decoder: FeedDecoder | None = None) -> None:
        self.feed = feed
        self.decoder = decoder or FeedDecoder()
        self.decoder.recent = []
        self._table = CsvTable(self.decoder.lines(chunks), recent=self.decoder.recent)
        self._positions = _positions(feed, self._table.keys)
        self._width = len(self._table.header)
        self._names = _raw_names(self._table.header)
        self.header = self._names  # the file's header as written: the keys of every row's `raw`
        self._order = {column.name: n for n, column in enumerate(feed.columns)}
        self._rows = self._parse_all()

    @property
    def encoding(self) -> str:
        return self.decoder.encoding

    def __iter__(self) -> Iterator[ParsedRow]:
        return self._rows  # not self: a for loop then skips one Python call per row

    def __next__(self) -> ParsedRow:
        return next(self._rows)

    def _parse_all(self) -> Iterator[ParsedRow]:
        self.decoder.take_fallbacks()  # the header's, if any, belong to no row
        for record in self._table:
            row = self._parse(record)
            if self.decoder.take_fallbacks():
                row = ParsedRow(row.row_number, row.record, row.problems, row.skipped, row.raw,
                                (*row.warnings, FALLBACK_WARNING), row.line)
            yield row

    def _parse(self, record: CsvRecord) -> ParsedRow:
        if record.cells is None:
            return ParsedRow(record.row_number, None, (RowProblem(ROW, record.error),),
                             raw={ROW: record.text}, line=record.line)
        cells = record.cells
        raw = dict(zip(self._names, cells, strict=False))
        for n in range(self._width, len(cells)):
            raw[f"column_{n + 1}"] = cells[n]
        if len(cells) < self._width or (len(cells) > self._width and any(c.strip() for c in cells[self._width:])):
            reason = (f"has {len(cells)} cells where the header has {self._width}; "
                      "is a comma inside a field missing its quotes?")
            return ParsedRow(record.row_number, None, (RowProblem(ROW, reason),), raw=raw, line=record.line)
        row = RowCells(cells, self._positions)
        parsed = self.feed.parse(row)
        if row.skipped:
            return ParsedRow(record.row_number, None, skipped=row.skipped, raw=raw, warnings=tuple(row.warnings),
                             line=record.line)
        if row.problems or parsed is None:
            problems = tuple(sorted(row.problems, key=lambda p: self._order.get(p.field, len(self._order)))
                             ) or (RowProblem(ROW, "cannot be read"),)
            return ParsedRow(record.row_number, None, problems, raw=raw, warnings=tuple(row.warnings),
                             line=record.line)
        return ParsedRow(record.row_number, parsed, raw=raw, warnings=tuple(row.warnings), line=record.line)


def _raw_names(header: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of ParsedRow.raw: the header as written; "column_<n>" for a blank header cell, and
    "<name> (<n>)" for a repeat of a column the feed does not read, so that no cell is lost."""
    names: list[str] = []
    for n, name in enumerate(header, start=1):
        name = name or f"column_{n}"
        names.append(f"{name} ({n})" if name in names else name)
    return tuple(names)


def _positions(feed: Feed, keys: tuple[str, ...]) -> dict[str, int]:
    """Where each of the feed's columns is in this file; FeedRejected when the header repeats a
    column the feed reads or lacks a required one."""
    index: dict[str, int] = {}
    repeated: list[str] = []
    for position, key in enumerate(keys):
        if key in index:
            repeated.append(key)
        index.setdefault(key, position)
    positions: dict[str, int] = {}
    missing: list[str] = []
    for column in feed.columns:
        key = header_key(column.name)
        if key in repeated:
            raise FeedRejected(f"{feed.kind}: the column {column.name!r} appears more than once in the header",
                               kind=feed.kind)
        if key in index:
            positions[column.name] = index[key]
        elif column.required:
            missing.append(column.name)
    if missing:
        raise FeedRejected(f"{feed.kind}: the header lacks the required column(s) {', '.join(missing)}",
                           missing=tuple(missing), kind=feed.kind)
    return positions


def read_rows(feed: Feed, chunks: Iterable[bytes]) -> FeedRows:
    """The rows of a file of `feed`; reads the header now (see the module)."""
    return FeedRows(feed, chunks)
