"""The readiness probe's look at the gateway's database (SQL stays in adapters/)."""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


async def database_answers(engine: AsyncEngine) -> str:
    """"ok", or why the database does not answer."""
    try:
        async with engine.connect() as conn:
            await conn.execute(text("select 1"))
    except Exception as exc:
        return f"unavailable: {type(exc).__name__}"
    return "ok"
