"""Text lines to CSV records: the header, then one record per data row with where it starts.

RFC 4180 as spreadsheets write it: fields quoted with '"' may hold commas, quotes (doubled) and
line breaks. The separator is a comma, or a semicolon or tab when the header line has no comma
(European spreadsheet exports). Quoting is read strictly: a record whose quotes do not close, or
that has text after a closing quote, is handed out as malformed (it fails alone; reading goes on
from the next line) instead of being guessed at. Blank lines, and records whose every cell is
blank (rows cleared in a spreadsheet), are not rows: they get no row number.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import chain
from typing import NamedTuple

from crm_integration.domain.feeds.model import FeedRejected

_CSV_MESSAGES = {
    "unexpected end of data": "a quoted field is never closed before the end of the file",
    "',' expected after '\"'": "text follows a closing quote; is a quote missing or not doubled?",
    "';' expected after '\"'": "text follows a closing quote; is a quote missing or not doubled?",
    "'\\t' expected after '\"'": "text follows a closing quote; is a quote missing or not doubled?",
}


def header_key(name: str) -> str:
    """How header cells are compared: case, a BOM, surrounding spaces and the difference between
    spaces, underscores and hyphens do not count ("Ship To ID" is "ship_to_id")."""
    return "_".join(name.replace("\ufeff", "").replace("-", " ").replace("_", " ").lower().split())


class CsvRecord(NamedTuple):
    """A data row: `cells`, or None with `error` and the row's `text` when its quoting is broken."""

    row_number: int
    line: int
    cells: list[str] | None
    error: str = ""
    text: str = ""


class CsvTable:
    """The header (read at construction) and an iterator over the data rows."""

    def __init__(self, lines: Iterator[str], *, recent: list[str] | None = None) -> None:
        """`recent`: a list the line source appends each line to (FeedDecoder.recent), which gives
        a malformed row's text without another layer of iteration; without it, the table taps."""
        self._offset = 0  # blank lines before the header
        first = ""
        for first in lines:
            if first.strip():
                break
            self._offset += 1
        if not first.strip():
            raise FeedRejected("the file is empty: it has no header line")
        self.delimiter = "," if "," in first or (";" not in first and "\t" not in first) else (
            ";" if ";" in first else "\t")
        if recent is None:
            self._seen: list[str] = []
            lines = self._tap(lines)
        else:
            self._seen = recent
        self._reader = csv.reader(chain([first], lines), delimiter=self.delimiter, strict=True)
        try:
            cells = next(self._reader)
        except csv.Error as exc:
            raise FeedRejected(f"the header line cannot be read: {_explain(exc)}") from None
        self.header = tuple(cell.replace("\ufeff", "").strip() for cell in cells)
        self.keys = tuple(header_key(cell) for cell in self.header)

    def _tap(self, lines: Iterator[str]) -> Iterator[str]:
        seen = self._seen
        for line in lines:
            seen.append(line)
            yield line

    def __iter__(self) -> Iterator[CsvRecord]:
        reader, seen = self._reader, self._seen
        row_number = 0
        end = reader.line_num
        while True:
            del seen[:]
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                start, end = end + 1, reader.line_num
                row_number += 1
                yield CsvRecord(row_number, start + self._offset, None, _explain(exc), "".join(seen))
                continue
            start, end = end + 1, reader.line_num
            if not (cells and cells[0].strip()) and not any(cell.strip() for cell in cells):
                continue
            row_number += 1
            yield CsvRecord(row_number, start + self._offset, cells)


def _explain(error: csv.Error) -> str:
    message = str(error)
    if message.startswith("field larger than field limit"):
        return (f"a field is longer than {csv.field_size_limit()} characters; "
                "is the closing quote of a multi-line field missing?")
    return _CSV_MESSAGES.get(message, f"unreadable CSV: {message}")
