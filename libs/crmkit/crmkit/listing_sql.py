"""The SQL side of crmkit.listing: keyset pagination of a SQLAlchemy select (adapters only).

A page starts strictly after the last row of the previous one in (sort columns..., id) order, so
it is stable under concurrent inserts and costs the same on page 1 and page 1000 (no OFFSET).
"""
from __future__ import annotations

from collections.abc import Sequence

from crmkit.errors import InvalidInput
from crmkit.listing import Cursor, Sort
from sqlalchemy import ColumnElement, Select, literal, tuple_


def keyset(stmt: Select, column: ColumnElement | Sequence[ColumnElement], id_column: ColumnElement, sort: Sort,
           after: Cursor | None) -> Select:
    """`stmt` ordered by `column` (several columns for a sort on a tuple) in `sort`'s direction, the
    unique `id_column` breaking ties, and starting after the row `after` names (None: the first row)."""
    columns = tuple(column) if isinstance(column, (tuple, list)) else (column,)
    if after is not None:
        values = after.value if isinstance(after.value, tuple) else (after.value,)
        if len(values) != len(columns):
            raise InvalidInput("the cursor is not valid for this list", field="cursor")
        key = tuple_(*columns, id_column)
        start = tuple_(*(literal(v, c.type) for v, c in zip(values, columns, strict=False)),
                       literal(after.id, id_column.type))
        stmt = stmt.where(key < start if sort.descending else key > start)
    return stmt.order_by(*(c.desc() if sort.descending else c.asc() for c in (*columns, id_column)))
