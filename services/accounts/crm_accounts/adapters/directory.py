"""The accounts service's queries of the identity replica: who may own a new account by default."""
from __future__ import annotations

from crmkit.identity.model import User
from crmkit.identity.replica import Territories, Users
from sqlalchemy import Text, cast, or_
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from crm_accounts.adapters.orm import identity, users
from crm_accounts.domain.territory import AE, KEY_ACCOUNT_REP


class UserRepository(Users):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, users)

    async def owner_candidates(self, territory: str) -> list[User]:
        """Who could own a new account of `territory` by default: its AEs and the key account reps."""
        condition = users.c.role == KEY_ACCOUNT_REP
        if territory:
            condition = or_(condition, (users.c.role == AE) & users.c.territories.any(territory))
        return await self.matching(condition, users.c.active)

    async def owner_candidates_in(self, territories: set[str]) -> list[User]:
        """owner_candidates for many territories at once: their AEs and the key account reps."""
        condition = (users.c.role == KEY_ACCOUNT_REP) | (
            (users.c.role == AE) & users.c.territories.overlap(cast(sorted(territories), ARRAY(Text))))
        return await self.matching(condition, users.c.active)


class TerritoryRepository(Territories):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, identity)
