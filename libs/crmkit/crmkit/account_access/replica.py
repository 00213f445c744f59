"""The account-access read model a service keeps of the accounts service's accounts and shares.

`account_access_tables(metadata, identity)` declares `account_access` (each account's id, name,
type, status, state, owner and parent, at the version of the last snapshot applied) and
`account_access_shares`; the territory is derived from the state through the identity replica's
state->territory map, as the accounts service derives it, so a territory that gains or loses a
state moves its accounts here too. `AccountAccess.shape` is what crmkit.account_access.sql reads.
"""
from __future__ import annotations

from dataclasses import dataclass

from crmkit.account_access.sql import AccountShape
from crmkit.identity.replica import IdentityTables, record_snapshot
from sqlalchemy import BigInteger, Column, DateTime, Index, MetaData, String, Table, Text, func, select
from sqlalchemy.dialects.postgresql import UUID, insert
from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class AccountFacts:
    """What the read model knows of one account (a snapshot from crm.accounts.* events)."""

    id: str
    name: str
    type: str  # prospect | customer | vendor | competitor
    status: str  # active | inactive
    state: str
    owner_id: str
    parent_id: str  # "" for a root
    version: int


@dataclass(frozen=True)
class AccountAccessTables:
    accounts: Table
    shares: Table
    shape: AccountShape


def account_access_tables(metadata: MetaData, identity: IdentityTables) -> AccountAccessTables:
    """Declare the read model on a service's metadata, beside its identity replica (declared with
    the "territories" user part and territory_map=True)."""
    accounts = Table(
        "account_access", metadata,
        Column("id", UUID(as_uuid=False), primary_key=True),
        Column("name", Text, nullable=False, server_default=""),
        Column("type", Text, nullable=False),
        Column("status", Text, nullable=False),
        Column("state", Text, nullable=False, server_default=""),
        Column("owner_id", String(64), nullable=False, server_default=""),
        Column("parent_id", UUID(as_uuid=False)),  # no foreign key: snapshots may arrive child first
        Column("version", BigInteger, nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Index("ix_account_access_owner_id", "owner_id"),
        Index("ix_account_access_parent_id", "parent_id"),
        Index("ix_account_access_state", "state"),
    )
    shares = Table(
        "account_access_shares", metadata,
        Column("account_id", UUID(as_uuid=False), primary_key=True),
        Column("user_id", String(64), primary_key=True),
        Column("access", Text, nullable=False),
        Index("ix_account_access_shares_user_id", "user_id"),
    )
    _, states = identity.territory_map()
    source = accounts.outerjoin(states, states.c.state == accounts.c.state)
    shape = AccountShape(accounts=accounts, territory=states.c.territory, source=source, shares=shares,
                         users=identity.users)
    return AccountAccessTables(accounts, shares, shape)


class AccountAccess:
    """The read model on one session: snapshots in, facts out."""

    def __init__(self, session: AsyncSession, tables: AccountAccessTables) -> None:
        self._session = session
        self._tables = tables

    async def record(self, facts: AccountFacts) -> bool:
        """Store an account's snapshot unless one of the same or a newer version is stored."""
        values: dict[str, object] = {**vars(facts), "parent_id": facts.parent_id or None}
        return await record_snapshot(self._session, self._tables.accounts, "id", values)

    async def grant(self, account_id: str, user_id: str, access: str) -> None:
        shares = self._tables.shares
        stmt = insert(shares).values(account_id=account_id, user_id=user_id, access=access)
        await self._session.execute(stmt.on_conflict_do_update(
            index_elements=[shares.c.account_id, shares.c.user_id], set_={"access": stmt.excluded.access}))

    async def revoke(self, account_id: str, user_id: str) -> None:
        shares = self._tables.shares
        await self._session.execute(shares.delete().where(shares.c.account_id == account_id,
                                                          shares.c.user_id == user_id))

    async def get(self, account_id: str) -> AccountFacts | None:
        """An account's facts whoever may see it (for rules that need its type or owner)."""
        table = self._tables.accounts
        row = (await self._session.execute(select(table).where(table.c.id == account_id))).first()
        return None if row is None else to_facts(row)


def to_facts(row) -> AccountFacts:
    values = row._mapping
    return AccountFacts(id=values["id"], name=values["name"], type=values["type"], status=values["status"],
                        state=values["state"], owner_id=values["owner_id"], parent_id=values["parent_id"] or "",
                        version=values["version"])
