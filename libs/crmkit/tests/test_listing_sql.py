"""keyset(): the one keyset SQL every list uses, checked on the SQL it compiles to."""
from __future__ import annotations

import uuid

import pytest
from crmkit.errors import InvalidInput
from crmkit.listing import Cursor, Sorting
from crmkit.listing_sql import keyset
from sqlalchemy import Column, MetaData, String, Table, select
from sqlalchemy.dialects import postgresql

people = Table("people", MetaData(), Column("id", String, primary_key=True), Column("last_name", String),
               Column("first_name", String))
SORTING = Sorting(sortable=("last_name", "name"), default="last_name", timestamp_fields=(), tuple_fields=("name",))
ID = str(uuid.uuid4())


def sql(stmt) -> str:
    return str(stmt.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))


def test_the_first_page_is_only_ordered_with_the_id_breaking_ties():
    stmt = keyset(select(people), people.c.last_name, people.c.id, SORTING.parse("-last_name"), None)
    assert "WHERE" not in sql(stmt)
    assert sql(stmt).endswith("ORDER BY people.last_name DESC, people.id DESC")


def test_a_later_page_starts_after_the_cursor_in_the_sort_direction():
    after = Cursor("last_name", "Baker", ID)
    ascending = sql(keyset(select(people), people.c.last_name, people.c.id, SORTING.parse("last_name"), after))
    assert f"(people.last_name, people.id) > ('Baker', '{ID}')" in ascending
    descending = sql(keyset(select(people), people.c.last_name, people.c.id, SORTING.parse("-last_name"),
                            Cursor("-last_name", "Baker", ID)))
    assert f"(people.last_name, people.id) < ('Baker', '{ID}')" in descending


def test_a_sort_on_several_columns_takes_a_tuple_value():
    columns = (people.c.last_name, people.c.first_name)
    stmt = keyset(select(people), columns, people.c.id, SORTING.parse("name"), Cursor("name", ("Adams", "Bea"), ID))
    assert f"(people.last_name, people.first_name, people.id) > ('Adams', 'Bea', '{ID}')" in sql(stmt)
    assert sql(stmt).endswith("ORDER BY people.last_name ASC, people.first_name ASC, people.id ASC")
    with pytest.raises(InvalidInput) as refused:
        keyset(select(people), columns, people.c.id, SORTING.parse("name"), Cursor("name", ("Adams",), ID))
    assert refused.value.problems[0].field == "cursor"
