"""What every resource group of the REST API shares: the strict request base, the generic page,
ETag and If-Match, timestamps, and "the fields the caller gave"."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, ClassVar, Generic, TypeVar

from crmkit.errors import InvalidInput
from crmkit.text import flaw
from fastapi import Header, Query, Response
from google.protobuf.timestamp_pb2 import Timestamp
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationInfo, field_validator

T = TypeVar("T")
Row = TypeVar("Row")
Body = TypeVar("Body")


class Strict(BaseModel):
    """Every request body: an unknown field is refused, text is stripped, and text holding a NUL, a
    control character or a lone surrogate is refused naming its field. Line breaks and tabs are
    allowed only in the `multiline` fields (a note's body), not in names, phones or addresses."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    multiline: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def _plain_text(cls, value, info: ValidationInfo):
        _refuse_flawed(value, multiline=info.field_name in cls.multiline)
        return value


def _refuse_flawed(value, *, multiline: bool) -> None:
    if isinstance(value, str):
        why = flaw(value, multiline=multiline)
        if why:
            raise ValueError(why)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _refuse_flawed(item, multiline=multiline)
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_flawed(key, multiline=False)
            _refuse_flawed(item, multiline=multiline)


# The paging parameters of every list: how many items at most, and where the page starts.
EDITABLE_FIELDS = ("the fields of this record the caller may change (PATCH), by the field rules of SEC-1 and the "
                   "owner rules; a form shows the others read-only. Empty: nothing here is the caller's to change")
PageLimit = Annotated[int, Query(ge=1, le=200, description="items per page at most")]
PageCursor = Annotated[str | None, Query(max_length=500, description="`next_cursor` of the previous page")]
# A repeatable filter (`?owner_id=a&owner_id=b`): the OpenAPI document declares both bounds it enforces.
FilterValue = Annotated[str, StringConstraints(max_length=100)]
Many = Annotated[list[FilterValue] | None, Query(max_length=20)]


class Page(BaseModel, Generic[T]):
    """One page of a list; pass `next_cursor` back as `cursor` for the next one (null on the last, and
    where one page holds the whole list)."""

    items: list[T]
    next_cursor: str | None

    @classmethod
    def whole(cls, items: Iterable[T]) -> Page[T]:
        """A list the service answers in full: one page, no next one."""
        return cls(items=list(items), next_cursor=None)


def page_of(rows: Sequence[Row], limit: int, read: Callable[[Row], T], cursor: Callable[[Row], str]) -> Page[T]:
    """The page of up to `limit + 1` rows fetched: a row beyond `limit` says a next page exists, and the
    cursor of the last row shown is where it starts."""
    shown = rows[:limit]
    return Page(items=[read(row) for row in shown],
                next_cursor=cursor(shown[-1]) if len(rows) > limit else None)


# ETag and If-Match: a record's ETag is its version in quotes.
IfMatch = Annotated[str | None, Header(alias="If-Match", pattern=r'^\s*(\*|(W/)?"\d+")\s*$',
                                       description='"<version>" from a previous read; stale answers 412')]
# An ISO 8601 date or date-time in a query string, as `moment` reads it (the schema says so too).
ISO_MOMENT = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$"


def etag_header(version: int | None) -> dict[str, str]:
    """The ETag header of a record at `version`; none when the caller does not see the version."""
    return {} if version is None else {"ETag": f'"{version}"'}


def tagged(response: Response, version: int | None, body: Body) -> Body:
    """`body`, answered with the ETag of `version`."""
    response.headers.update(etag_header(version))
    return body


def if_match_version(if_match: str | None) -> int:
    """`"7"` or `W/"7"` -> 7; absent or `*` -> 0 (no check)."""
    if if_match is None or if_match.strip() == "*":
        return 0
    text = if_match.strip().removeprefix("W/").strip('"')
    if not text.isdigit():
        raise InvalidInput('expected an ETag like "7" from a previous read', field="If-Match")
    return int(text)


# Timestamps between protobuf messages, REST bodies and query strings.
def timestamp(value: datetime) -> Timestamp:
    """A datetime as a protobuf Timestamp (a naive one is taken as UTC)."""
    stamp = Timestamp()
    stamp.FromDatetime(value if value.tzinfo else value.replace(tzinfo=UTC))
    return stamp


def when(message, field: str) -> datetime | None:
    """A Timestamp field as an aware datetime; None when the message leaves it absent."""
    if not message.HasField(field):
        return None
    return getattr(message, field).ToDatetime(tzinfo=UTC)


def day(text: str) -> date | None:
    """An ISO date as protobuf text carries it; "" is none."""
    return date.fromisoformat(text) if text else None


def moment(value: str | None, *, field: str, end_of_day: bool = False) -> datetime | None:
    """An ISO date or datetime from a query string (UTC when it names no offset). A bare date used as an
    upper bound covers that whole day."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            found = datetime.combine(day + timedelta(days=1) if end_of_day else day, time(), UTC)
        else:
            found = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput("not an ISO 8601 date or date-time", field=field) from exc
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def instant(value: str | None, *, field: str, end_of_day: bool = False) -> Timestamp | None:
    found = moment(value, field=field, end_of_day=end_of_day)
    return None if found is None else timestamp(found)


def given_fields(body: BaseModel, names: Iterable[str], *, clear_nulls: bool,
                 keep_nulls: frozenset[str] = frozenset()) -> dict:
    """The fields of `names` the caller sent, dates as ISO text. A null is left out, or with
    `clear_nulls` becomes "" (clear it), except for `keep_nulls` (flags and numbers: nothing to clear)."""
    values = {}
    for name in names:
        if name not in body.model_fields_set:
            continue
        value = getattr(body, name)
        if value is not None:
            values[name] = value.isoformat() if isinstance(value, date) else value
        elif clear_nulls and name not in keep_nulls:
            values[name] = ""
    return values
