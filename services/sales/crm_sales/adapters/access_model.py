"""The account-access read model on one session (what sales knows of an account: its type for the
opportunity type and competitor links, its owner), over the kit's AccountAccess."""
from __future__ import annotations

from crmkit.account_access.replica import AccountAccess, AccountFacts
from crmkit.principal import Principal
from crmkit.repository import is_uuid
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from crm_sales.adapters.access import SHAPE, editable, readable
from crm_sales.adapters.orm import account_access
from crm_sales.domain.errors import AccessDenied, AccountNotFound


class AccountAccessRepository(AccountAccess):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, account_access)

    async def check_editable(self, principal: Principal, account_id: str, *, field: str = "account_id") -> AccountFacts:
        """An account the caller may edit: NotFound when they may not see it, Forbidden when they see
        it but may not change it."""
        if not is_uuid(account_id):
            raise AccountNotFound(account_id, field)
        facts = await self.get(account_id)
        if facts is None or not await self._in(readable(principal), account_id):
            raise AccountNotFound(account_id, field)
        if not await self._in(editable(principal), account_id):
            raise AccessDenied("you may see this account but not change it", field)
        return facts

    async def _in(self, ids: Select, account_id: str) -> bool:
        return bool((await self._session.execute(
            select(ids.where(SHAPE.accounts.c.id == account_id).exists()))).scalar())

    async def names(self, account_ids: list[str]) -> dict[str, str]:
        """The names of accounts by id (for display beside records the caller was allowed to read)."""
        table = SHAPE.accounts
        ids = [i for i in dict.fromkeys(account_ids) if is_uuid(i)]
        if not ids:
            return {}
        rows = await self._session.execute(select(table.c.id, table.c.name).where(table.c.id.in_(ids)))
        return dict(rows.tuples().all())
