"""Set-based writes for batches (LEAD-2 imports): one INSERT ... SELECT FROM unnest(arrays) per table.

A multi-row insert through SQLAlchemy's executemany spends tens of microseconds of Python per row
on bind processing; here each column travels as one array parameter that asyncpg encodes in C, so
a thousand rows cost one statement and next to no Python. Rows keep their order (WITH ORDINALITY),
which matters for the outbox: its sequence numbers are the publishing order.
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import lru_cache

from google.protobuf.message import Message
from sqlalchemy import Table, TextClause, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

_DIALECT = postgresql.dialect()


class UnnestInsert:
    """INSERT INTO `table` (`columns`) of rows given column-wise, optionally `suffix` (ON CONFLICT,
    RETURNING); built and compiled once."""

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


class OutboxBatch:
    """The outbox rows of many events in one statement, as crmkit's UnitOfWork.publish would write
    them one by one: a fresh id each, the message's full type name, its bytes, the trace context."""

    def __init__(self, outbox: Table) -> None:
        self._insert = UnnestInsert(outbox, ("id", "subject", "event_type", "payload", "headers", "created_at"))

    async def write(self, session: AsyncSession, events: Sequence[tuple[str, Message]], *,
                    headers: Mapping[str, str], now: datetime) -> None:
        if not events:
            return
        encoded_headers = json.dumps(dict(headers))
        await self._insert.execute(session, [
            {"id": str(uuid.uuid4()), "subject": subject, "event_type": message.DESCRIPTOR.full_name,
             "payload": message.SerializeToString(), "headers": encoded_headers, "created_at": now}
            for subject, message in events])


@lru_cache(maxsize=8)
def outbox_batch(outbox: Table) -> OutboxBatch:
    """The (compiled once) batch writer of a service's outbox table."""
    return OutboxBatch(outbox)
