"""Sorting and keyset pagination of list endpoints, the same in every service.

A list has a whitelist of sortable fields and a default (`Sorting`). A cursor carries the sort it
was made for, the sort value of the last record on the page and that record's id (the
tie-breaker), as base64url JSON: opaque to clients, and refused when it does not decode or was
made for another sort.
"""
from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from crmkit.errors import InvalidInput

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


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
    value: str | datetime
    id: str


@dataclass(frozen=True)
class Sorting:
    """The sortable fields of one list, its default sort ("-" prefix: descending), which fields
    hold timestamps (their cursor values travel as ISO 8601), and whether the tie-breaking ids are
    UUIDs (False for records keyed by another system's number, such as a sales order)."""

    sortable: tuple[str, ...]
    default: str
    timestamp_fields: tuple[str, ...] = ("created_at", "updated_at")
    uuid_ids: bool = True

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
        if spec != sort.spec or not isinstance(value, str) or not isinstance(record_id, str):
            raise bad
        if sort.field not in self.timestamp_fields:
            return Cursor(spec, value, record_id)
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise bad from None
        if parsed.tzinfo is None:
            raise bad
        return Cursor(spec, parsed, record_id)


def page_size(requested: int) -> int:
    """0 means the default; anything above the maximum is served as the maximum."""
    if requested < 0:
        raise InvalidInput("page_size cannot be negative", field="page_size")
    return min(requested or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)


def encode_cursor(cursor: Cursor) -> str:
    value = cursor.value.isoformat() if isinstance(cursor.value, datetime) else cursor.value
    raw = json.dumps({"s": cursor.sort, "v": value, "i": cursor.id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
