"""Sorting whitelists and the opaque keyset cursor every list endpoint uses (shown on a lead-like list)."""
from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, date, datetime

import pytest
from crmkit.errors import InvalidInput
from crmkit.listing import Cursor, Page, Sorting, encode_cursor, page_size

SORTING = Sorting(sortable=("created_at", "updated_at", "last_name", "company", "rating"), default="-created_at")
parse_sort, decode_cursor = SORTING.parse, SORTING.decode

LEAD_ID = str(uuid.uuid4())


def test_sort_whitelist_and_direction():
    assert parse_sort("") == parse_sort("-created_at")
    assert parse_sort("-created_at").descending and parse_sort("last_name").field == "last_name"
    for bad in ("email", "-message", "created_at;drop table x", "--company"):
        with pytest.raises(InvalidInput) as refused:
            parse_sort(bad)
        assert refused.value.problems[0].field == "sort"


def test_page_size_defaults_and_caps():
    assert (page_size(0), page_size(10), page_size(1000)) == (50, 10, 200)
    with pytest.raises(InvalidInput):
        page_size(-1)


@pytest.mark.parametrize(("sort", "value"), [("-created_at", datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)),
                                        ("updated_at", datetime(2024, 1, 2, tzinfo=UTC)),
                                        ("last_name", "Müller"), ("-company", ""), ("rating", "B")])
def test_cursor_round_trips(sort, value):
    cursor = Cursor(sort, value, LEAD_ID)
    token = encode_cursor(cursor)
    assert "=" not in token and "/" not in token
    assert decode_cursor(token, parse_sort(sort)) == cursor


def _token(payload) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


@pytest.mark.parametrize(("token", "sort"), [
    ("garbage!!", "last_name"), ("", "last_name"), ("e30", "last_name"), (_token([1, 2]), "last_name"),
    (_token({"s": "last_name", "v": "x"}), "last_name"),
    (_token({"s": "last_name", "v": "x", "i": "not-a-uuid"}), "last_name"),
    (_token({"s": "last_name", "v": 3, "i": LEAD_ID}), "last_name"),
    (_token({"s": "-created_at", "v": "yesterday", "i": LEAD_ID}), "-created_at"),
    (_token({"s": "-created_at", "v": "2024-01-01T00:00:00", "i": LEAD_ID}), "-created_at"),
])
def test_invalid_cursor_is_refused_naming_cursor(token, sort):
    with pytest.raises(InvalidInput) as refused:
        decode_cursor(token, parse_sort(sort))
    assert refused.value.problems[0].field == "cursor"


def test_cursor_made_for_another_sort_is_refused():
    token = encode_cursor(Cursor("last_name", "Doe", LEAD_ID))
    with pytest.raises(InvalidInput):
        decode_cursor(token, parse_sort("-last_name"))


def test_records_keyed_by_another_systems_number_page_with_that_number():
    orders = Sorting(sortable=("order_date",), default="-order_date", timestamp_fields=(), uuid_ids=False)
    cursor = Cursor("-order_date", "2026-11-20", "SO-7001030")
    assert orders.decode(encode_cursor(cursor), orders.parse("")) == cursor
    with pytest.raises(InvalidInput):
        orders.decode(_token({"s": "-order_date", "v": "2026-11-20", "i": 7001030}), orders.parse(""))


def test_a_page_fetched_with_one_more_row_knows_whether_another_follows():
    request = SORTING.request(sort="last_name", requested_size=2)
    assert (request.sort, request.after, request.limit) == (parse_sort("last_name"), None, 3)
    rows = [("Adams", "a"), ("Baker", "b"), ("Clark", "c")]
    last_page = Page.of(rows[:2], request, key=lambda row: row)
    assert last_page == Page(rows[:2], "")
    page = Page.of(rows, request, key=lambda row: (row[0], LEAD_ID))
    items, next_cursor = page  # unpacks as (items, next_cursor)
    assert items == rows[:2]
    assert SORTING.request(sort="last_name", cursor=next_cursor).after == Cursor("last_name", "Baker", LEAD_ID)
    with pytest.raises(InvalidInput) as refused:  # made for another sort
        SORTING.request(sort="-last_name", cursor=next_cursor)
    assert refused.value.problems[0].field == "cursor"


def test_date_and_tuple_sort_values_round_trip():
    sorting = Sorting(sortable=("order_date", "name"), default="-order_date", timestamp_fields=(),
                      date_fields=("order_date",), tuple_fields=("name",))
    for spec, value in (("-order_date", date(2024, 2, 29)), ("name", ("Adams", "Bea"))):
        token = encode_cursor(Cursor(spec, value, LEAD_ID))
        assert sorting.decode(token, sorting.parse(spec)) == Cursor(spec, value, LEAD_ID)
    for spec, value in (("-order_date", "yesterday"), ("name", "Adams"), ("name", ["Adams", 1])):
        with pytest.raises(InvalidInput):
            sorting.decode(_token({"s": spec, "v": value, "i": LEAD_ID}), sorting.parse(spec))
