"""The account-access read model on one session (what sales knows of an account: its type for the
opportunity type and competitor links, its owner), over the kit's AccountAccess."""
from __future__ import annotations

from crmkit.account_access.replica import AccountAccess
from sqlalchemy.ext.asyncio import AsyncSession

from crm_sales.adapters.orm import account_access


class AccountAccessRepository(AccountAccess):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, account_access)
