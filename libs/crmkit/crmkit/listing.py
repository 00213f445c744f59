"""Sorting and keyset pagination of list endpoints, the same in every service.

A list has a whitelist of sortable fields and a default (`Sorting`). A cursor carries the sort it
was made for, the sort value of the last record on the page and that record's id (the
tie-breaker), as base64url JSON: opaque to clients, and refused when it does not decode or was
made for another sort. A use case turns the request into a `PageRequest` (`Sorting.request`),
fetches `limit` rows (one more than the page; the SQL side is crmkit.listing_sql.keyset) and
answers `Page.of(rows, request, key=...)`. Pure: domain code imports it.
"""
from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, NamedTuple, TypeVar

from crmkit.errors import InvalidInput

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200

# A sort value: text, a timestamp, a date, or several texts for a sort on a tuple (last, first name).
CursorValue = str | datetime | date | tuple[str, ...]
T = TypeVar("T")


@dataclass(frozen=True)
class Sort:
    field: str
    descending: bool

    @property
    def spec(self) -> str:
        return f"-{self.field}" if self.descending else self.field


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after the record with this sort value and id."""

    sort: str
    value: CursorValue
    id: str


@dataclass(frozen=True)
class Sorting:
    """The sortable fields of one list, its default sort ("-" prefix: descending), which fields
    hold timestamps or dates (their cursor values travel as ISO 8601) or tuples of texts, and
    whether the tie-breaking ids are UUIDs (False for records keyed by another system's number,
    such as a sales order)."""

    sortable: tuple[str, ...]
    default: str
    timestamp_fields: tuple[str, ...] = ("created_at", "updated_at")
    uuid_ids: bool = True
    date_fields: tuple[str, ...] = ()
    tuple_fields: tuple[str, ...] = ()

    def parse(self, value: str) -> Sort:
        spec = value.strip() or self.default
        descending = spec.startswith("-")
        name = spec[1:] if descending else spec
        if name not in self.sortable:
            raise InvalidInput(f"sort by one of {', '.join(self.sortable)}, with '-' for descending", field="sort")
        return Sort(name, descending)

    def decode(self, token: str, sort: Sort) -> Cursor:
        """The cursor `token` encodes, checked against the sort of the request."""
        bad = InvalidInput("the cursor is not valid for this list", field="cursor")
        try:
            data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
            spec, value, record_id = data["s"], data["v"], data["i"]
            record_id = str(uuid.UUID(record_id)) if self.uuid_ids else record_id
        except (binascii.Error, ValueError, TypeError, KeyError, AttributeError):
            raise bad from None
        if spec != sort.spec or not isinstance(record_id, str):
            raise bad
        if sort.field in self.tuple_fields:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise bad
            return Cursor(spec, tuple(value), record_id)
        if not isinstance(value, str):
            raise bad
        if sort.field in self.date_fields:
            try:
                return Cursor(spec, date.fromisoformat(value), record_id)
            except ValueError:
                raise bad from None
        if sort.field not in self.timestamp_fields:
            return Cursor(spec, value, record_id)
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise bad from None
        if parsed.tzinfo is None:
            raise bad
        return Cursor(spec, parsed, record_id)

    def request(self, *, sort: str = "", cursor: str = "", requested_size: int = 0) -> PageRequest:
        """The page a list request asks for: its sort (default when blank), where it starts, its size."""
        parsed, size = self.parse(sort), page_size(requested_size)
        return PageRequest(parsed, self.decode(cursor, parsed) if cursor else None, size)


@dataclass(frozen=True)
class PageRequest:
    """One page of a list as asked: its sort, the cursor it starts after (None: the first page), its size."""

    sort: Sort
    after: Cursor | None
    size: int

    @property
    def limit(self) -> int:
        """How many rows to fetch: one more than the page tells whether another page follows."""
        return self.size + 1


class Page(NamedTuple, Generic[T]):
    """A page of a list and the cursor of the next one ("" on the last page)."""

    items: list[T]
    next_cursor: str

    @classmethod
    def of(cls, rows: Sequence[T], request: PageRequest, *, key: Callable[[T], tuple[CursorValue, str]]) -> Page[T]:
        """The page of `rows` fetched with `request.limit`; `key` gives a row's (sort value, id)."""
        items = list(rows[:request.size])
        if len(rows) <= request.size:
            return cls(items, "")
        value, record_id = key(items[-1])
        return cls(items, encode_cursor(Cursor(request.sort.spec, value, record_id)))


def page_size(requested: int) -> int:
    """0 means the default; anything above the maximum is served as the maximum."""
    if requested < 0:
        raise InvalidInput("page_size cannot be negative", field="page_size")
    return min(requested or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)


def encode_cursor(cursor: Cursor) -> str:
    value = cursor.value
    # JSON has no dates nor tuples: a date (a datetime too) travels as ISO 8601, a tuple as a list.
    shown = value.isoformat() if isinstance(value, date) else list(value) if isinstance(value, tuple) else value
    raw = json.dumps({"s": cursor.sort, "v": shown, "i": cursor.id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
