"""Sorting and keyset pagination of account lists: the sort whitelist and the opaque page cursor.

A cursor carries the sort it was made for, the sort value of the last record on the page and that
record's id (the tie-breaker), base64url-encoded JSON. It is opaque to clients and refused when it
does not decode or was made for another sort.
"""
from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from crmkit.errors import InvalidInput

SORTABLE = ("name", "created_at", "updated_at", "type", "status")
TIMESTAMP_FIELDS = ("created_at", "updated_at")
DEFAULT_SORT = "name"
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


def parse_sort(value: str) -> Sort:
    spec = value.strip() or DEFAULT_SORT
    descending = spec.startswith("-")
    name = spec[1:] if descending else spec
    if name not in SORTABLE:
        raise InvalidInput(f"sort by one of {', '.join(SORTABLE)}, with '-' for descending", field="sort")
    return Sort(name, descending)


def page_size(requested: int) -> int:
    """0 means the default; anything above the maximum is served as the maximum."""
    if requested < 0:
        raise InvalidInput("page_size cannot be negative", field="page_size")
    return min(requested or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)


def encode_cursor(cursor: Cursor) -> str:
    value = cursor.value.isoformat() if isinstance(cursor.value, datetime) else cursor.value
    raw = json.dumps({"s": cursor.sort, "v": value, "i": cursor.id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, sort: Sort) -> Cursor:
    """The cursor `token` encodes, checked against the sort of the request."""
    bad = InvalidInput("the cursor is not valid for this list", field="cursor")
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        spec, value, record_id = data["s"], data["v"], str(uuid.UUID(data["i"]))
    except (binascii.Error, ValueError, TypeError, KeyError, AttributeError):
        raise bad from None
    if spec != sort.spec or not isinstance(value, str):
        raise bad
    if sort.field in TIMESTAMP_FIELDS:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise bad from None
        if parsed.tzinfo is None:
            raise bad
        return Cursor(spec, parsed, record_id)
    return Cursor(spec, value, record_id)
