"""Set-based writes: one INSERT ... SELECT FROM unnest(arrays) WITH ORDINALITY for many rows.

A multi-row insert through SQLAlchemy's executemany spends tens of microseconds of Python per row
on bind processing; here each column travels as one array parameter that asyncpg encodes in C, so
a thousand rows cost one statement and next to no Python. Rows keep their order, which matters
for the outbox: its sequence numbers are the publishing order.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Table, TextClause, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

_DIALECT = postgresql.dialect()


class UnnestInsert:
    """INSERT INTO `table` (`columns`) of rows given as mappings, optionally followed by `suffix`
    (ON CONFLICT, RETURNING); built and compiled once."""

    def __init__(self, table: Table, columns: Sequence[str], suffix: str = "") -> None:
        self.columns = tuple(columns)
        arrays = ", ".join(f"CAST(:{name} AS {table.c[name].type.compile(dialect=_DIALECT)}[])"
                           for name in self.columns)
        names = ", ".join(self.columns)
        self.statement: TextClause = text(
            f"INSERT INTO {table.name} ({names}) SELECT {names} FROM unnest({arrays}) WITH ORDINALITY "
            f"AS batch({names}, batch_position) ORDER BY batch_position {suffix}")

    def parameters(self, rows: Sequence[Mapping[str, object]]) -> dict[str, list[object]]:
        return {name: [row[name] for row in rows] for name in self.columns}

    async def execute(self, session: AsyncSession, rows: Sequence[Mapping[str, object]]):
        return await session.execute(self.statement, self.parameters(rows))
