"""The replicas of the gateway's users and territories (crm.identity.*), and their queries."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Text, any_, cast, or_, select
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_accounts.adapters.orm import territories, territory_states, users
from crm_accounts.domain.model import Territory, User
from crm_accounts.domain.territory import AE, KEY_ACCOUNT_REP

_USER_FIELDS = ("role", "territories", "manager_id", "active", "version", "username", "full_name")


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, user: User) -> bool:
        """Store a user snapshot unless a newer one is stored already (events may come out of order)."""
        values = {"id": user.id, **{name: getattr(user, name) for name in _USER_FIELDS},
                  "territories": list(user.territories), "updated_at": datetime.now(timezone.utc)}
        stmt = insert(users).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[users.c.id], set_={k: stmt.excluded[k] for k in values if k != "id"},
            where=users.c.version < stmt.excluded.version,
        ).returning(users.c.id)
        return (await self._session.execute(stmt)).first() is not None

    async def get(self, user_id: str) -> User | None:
        row = (await self._session.execute(
            select(users.c.id, *(users.c[name] for name in _USER_FIELDS)).where(users.c.id == user_id))).first()
        return _to_user(row) if row else None

    async def owner_candidates(self, territory: str) -> list[User]:
        """Who could own a new account of `territory` by default: its AEs and the key account reps."""
        condition = users.c.role == KEY_ACCOUNT_REP
        if territory:
            condition = or_(condition, (users.c.role == AE) & users.c.territories.any(territory))
        rows = (await self._session.execute(
            select(users.c.id, *(users.c[name] for name in _USER_FIELDS)).where(condition, users.c.active))).all()
        return [_to_user(row) for row in rows]

    async def owner_candidates_in(self, territories: set[str]) -> list[User]:
        """owner_candidates for many territories at once: their AEs and the key account reps."""
        condition = (users.c.role == KEY_ACCOUNT_REP) | (
            (users.c.role == AE) & users.c.territories.overlap(cast(sorted(territories), ARRAY(Text))))
        rows = (await self._session.execute(
            select(users.c.id, *(users.c[name] for name in _USER_FIELDS)).where(condition, users.c.active))).all()
        return [_to_user(row) for row in rows]


def _to_user(row) -> User:
    values = dict(row._mapping)
    values["territories"] = tuple(values["territories"])
    return User(**values)


class TerritoryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, territory: Territory) -> bool:
        """Store a territory snapshot unless a newer one is stored, and point its states at it.

        A state named by this territory moves to it; its states no longer named are released
        (a state another territory took meanwhile stays with that one).
        """
        values = {"code": territory.code, "name": territory.name, "states": list(territory.states),
                  "sales_region": territory.sales_region, "version": territory.version,
                  "updated_at": datetime.now(timezone.utc)}
        stmt = insert(territories).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[territories.c.code], set_={k: stmt.excluded[k] for k in values if k != "code"},
            where=territories.c.version < stmt.excluded.version,
        ).returning(territories.c.code)
        if (await self._session.execute(stmt)).first() is None:
            return False
        await self._session.execute(territory_states.delete().where(
            territory_states.c.territory == territory.code, territory_states.c.state.not_in(territory.states)))
        if territory.states:
            upsert = insert(territory_states).values([{"state": s, "territory": territory.code}
                                                      for s in territory.states])
            await self._session.execute(upsert.on_conflict_do_update(
                index_elements=[territory_states.c.state], set_={"territory": upsert.excluded.territory}))
        return True

    async def territory_of(self, state: str) -> str:
        """The territory of a state or province; "" when the map does not know it."""
        if not state:
            return ""
        found = await self._session.execute(
            select(territory_states.c.territory).where(territory_states.c.state == state))
        return found.scalar() or ""

    async def territories_of(self, states: set[str]) -> dict[str, str]:
        """The territory of each state or province the map knows (territory_of for many at once)."""
        known = [state for state in states if state]
        if not known:
            return {}
        rows = await self._session.execute(select(territory_states.c.state, territory_states.c.territory)
                                           .where(territory_states.c.state == any_(cast(known, ARRAY(Text)))))
        return dict(rows.tuples().all())

    async def get(self, code: str) -> Territory | None:
        row = (await self._session.execute(select(territories).where(territories.c.code == code))).first()
        if row is None:
            return None
        return Territory(code=row.code, name=row.name, states=tuple(row.states), sales_region=row.sales_region,
                         version=row.version)
