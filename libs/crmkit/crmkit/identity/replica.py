"""The identity replica's tables and its snapshot store.

Every identity event carries the whole user or territory with a version; the store keeps the
highest version (ON CONFLICT ... WHERE version < excluded.version), so events applied in any
order, or twice, leave the same replica.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime

from crmkit.identity.model import Territory, User
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    MetaData,
    String,
    Table,
    Text,
    any_,
    cast,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.ext.asyncio import AsyncSession

# The parts of a user a service may choose to keep, beyond who they are, their role and whether active.
_USER_PARTS = {
    "email": lambda: Column("email", Text, nullable=False),
    "territories": lambda: Column("territories", ARRAY(Text), nullable=False, server_default="{}"),
    "manager_id": lambda: Column("manager_id", String(64), nullable=False, server_default=""),
}


@dataclass(frozen=True)
class IdentityTables:
    users: Table
    territories: Table | None = None
    territory_states: Table | None = None  # the state->territory map, one row per state or province

    def territory_map(self) -> tuple[Table, Table]:
        """(territories, territory_states) of a replica declared with territory_map=True."""
        if self.territories is None or self.territory_states is None:
            raise TypeError("this identity replica keeps no territory map (identity_tables(territory_map=True))")
        return self.territories, self.territory_states


def identity_tables(metadata: MetaData, *user_parts: str, territory_map: bool = False) -> IdentityTables:
    """Declare the replica on a service's metadata: `users` with the optional parts the service
    needs ("email", "territories", "manager_id"), and with `territory_map` the territories and
    the state->territory map kept from them."""
    users = Table(
        "users", metadata,
        Column("id", String(64), primary_key=True),
        Column("username", Text, nullable=False, server_default=""),
        Column("full_name", Text, nullable=False, server_default=""),
        Column("role", String(50), nullable=False),
        *(_USER_PARTS[part]() for part in user_parts),
        Column("active", Boolean, nullable=False),
        Column("version", BigInteger, nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    if not territory_map:
        return IdentityTables(users)
    territories = Table(
        "territories", metadata,
        Column("code", String(20), primary_key=True),
        Column("name", Text, nullable=False),
        Column("states", ARRAY(Text), nullable=False),
        Column("sales_region", Text, nullable=False, server_default=""),
        Column("version", BigInteger, nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    territory_states = Table(
        "territory_states", metadata,
        Column("state", Text, primary_key=True),
        Column("territory", String(20), nullable=False),
        Index("ix_territory_states_territory", "territory"),
    )
    return IdentityTables(users, territories, territory_states)


async def record_snapshot(session: AsyncSession, table: Table, key: str, values: dict[str, object]) -> bool:
    """Store a snapshot unless one of the same or a higher version is stored. Answers whether it was."""
    values = {**values, "updated_at": datetime.now(UTC)}
    stmt = insert(table).values(values)
    upsert = stmt.on_conflict_do_update(
        index_elements=[table.c[key]], set_={name: stmt.excluded[name] for name in values if name != key},
        where=table.c.version < stmt.excluded.version,
    ).returning(table.c[key])
    return (await session.execute(upsert)).first() is not None


_USER_FIELDS = tuple(f.name for f in fields(User))


class Users:
    """The users replica on one session. A service subclasses it with its own queries."""

    def __init__(self, session: AsyncSession, table: Table) -> None:
        self._session = session
        self._table = table
        # The parts of a user this service keeps, in User's order.
        self._columns = [table.c[name] for name in _USER_FIELDS if name in table.c]

    async def record(self, user: User) -> bool:
        """Store a user snapshot unless a newer one is stored already (events may come out of order)."""
        values = {column.name: getattr(user, column.name) for column in self._columns}
        if "territories" in values:
            values["territories"] = list(user.territories)
        return await record_snapshot(self._session, self._table, "id", values)

    async def get(self, user_id: str) -> User | None:
        rows = await self.matching(self._table.c.id == user_id)
        return rows[0] if rows else None

    async def matching(self, *conditions) -> list[User]:
        """The users meeting every condition (on this replica's table), for a service's queries."""
        rows = (await self._session.execute(select(*self._columns).where(*conditions))).all()
        return [self._user(row) for row in rows]

    @staticmethod
    def _user(row) -> User:
        values = dict(row._mapping)
        if "territories" in values:
            values["territories"] = tuple(values["territories"])
        return User(**values)


class Territories:
    """The territories replica and the state->territory map kept from it, on one session."""

    def __init__(self, session: AsyncSession, tables: IdentityTables) -> None:
        if tables.territories is None or tables.territory_states is None:
            raise ValueError("this replica was declared without the territory map")
        self._session = session
        self._territories = tables.territories
        self._states = tables.territory_states

    async def record(self, territory: Territory) -> bool:
        """Store a territory snapshot unless a newer one is stored, and point its states at it.

        A state named by this territory moves to it; its states no longer named are released
        (a state another territory took meanwhile stays with that one).
        """
        values = {"code": territory.code, "name": territory.name, "states": list(territory.states),
                  "sales_region": territory.sales_region, "version": territory.version}
        if not await record_snapshot(self._session, self._territories, "code", values):
            return False
        states = self._states
        await self._session.execute(states.delete().where(
            states.c.territory == territory.code, states.c.state.not_in(territory.states)))
        if territory.states:
            upsert = insert(states).values([{"state": s, "territory": territory.code} for s in territory.states])
            await self._session.execute(upsert.on_conflict_do_update(
                index_elements=[states.c.state], set_={"territory": upsert.excluded.territory}))
        return True

    async def get(self, code: str) -> Territory | None:
        table = self._territories
        row = (await self._session.execute(select(table).where(table.c.code == code))).first()
        if row is None:
            return None
        return Territory(code=row.code, name=row.name, states=tuple(row.states), sales_region=row.sales_region,
                         version=row.version)

    async def territory_of(self, state: str) -> str:
        """The territory of a state or province; "" when the map does not know it."""
        if not state:
            return ""
        found = await self._session.execute(select(self._states.c.territory).where(self._states.c.state == state))
        return found.scalar() or ""

    async def territories_of(self, states: set[str]) -> dict[str, str]:
        """The territory of each state or province the map knows (territory_of for many at once)."""
        known = [state for state in states if state]
        if not known:
            return {}
        rows = await self._session.execute(select(self._states.c.state, self._states.c.territory)
                                           .where(self._states.c.state == any_(cast(known, ARRAY(Text)))))
        return dict(rows.tuples().all())
