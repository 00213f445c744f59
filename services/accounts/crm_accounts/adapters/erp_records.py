"""Batch reads and writes of the ERP imports (INT-2, INT-3) and of directory matching: accounts by
the ERP's keys, kiosks by serial number, with one statement per table and batch.

Keys go in as one array parameter (`= any(:keys)`) and rows as one array per column (`unnest`), so a
batch of a thousand rows is one round trip and one prepared statement whatever its size. Every record
loaded for change or inserted here is tracked: the unit of work publishes its events on commit, and
`save` writes those changed since they were read or written (Aggregate.revision), each guarded by the
version it was stored at (they are locked when loaded; the guard is belt and braces).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from crmkit.errors import PreconditionFailed
from crmkit.repository import IdentityMap
from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Table,
    Text,
    any_,
    bindparam,
    cast,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, insert
from sqlalchemy.dialects.postgresql import array as postgresql_array
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeEngine

from crm_accounts.adapters.orm import EMAIL_ADDRESSES, accounts, contacts, kiosks
from crm_accounts.adapters.records import KIOSK_COLUMNS
from crm_accounts.adapters.repository import account_row, to_account, with_territory
from crm_accounts.domain.model import Account, Kiosk, Record


def array(name: str, values: list, type_: TypeEngine):
    """One bound array parameter, cast to its type (so `unnest` and `any` know what they read)."""
    return cast(bindparam(name, values, type_=ARRAY(type_)), ARRAY(type_))


def any_of(column: Column, keys: Iterable[str]):
    """`column = any(:keys)`: one parameter however many keys."""
    return column == any_(array(f"keys_{column.name}", sorted(set(keys)), column.type))


def _unnest(types: dict[str, TypeEngine], rows: Sequence[dict[str, object]]) -> dict[str, ColumnElement]:
    """The rows as a derived table, one array parameter per column: its columns by name. JSONB values
    travel as JSON text and are cast back (an array of JSONB does not bind through asyncpg)."""
    arrays = []
    for name, type_ in types.items():
        values = [row[name] for row in rows]
        if isinstance(type_, JSONB):
            values = [None if value is None else json.dumps(value) for value in values]
        arrays.append(array(f"col_{name}", values, Text() if isinstance(type_, JSONB) else type_))
    source = func.unnest(*arrays).table_valued(*types).render_derived()
    return {name: cast(source.c[name], JSONB) if isinstance(type_, JSONB) else source.c[name]
            for name, type_ in types.items()}


R = TypeVar("R", bound=Record)


class Batch(Generic[R]):
    """Records of one table a unit of work loaded for change or inserted (one object per id), written
    back in one statement per batch."""

    def __init__(self, session: AsyncSession, table: Table, row_of: Callable[[R], dict[str, object]]) -> None:
        self._session = session
        self._table = table
        self._row_of = row_of
        self._tracked: IdentityMap[R] = IdentityMap()

    @property
    def seen(self) -> list[R]:
        return self._tracked.seen

    def track(self, record: R) -> R:
        return self._tracked.track(record)

    def current(self, record_id: str) -> R | None:
        return self._tracked.get(record_id)

    async def insert(self, records: Sequence[R]) -> set[str]:
        """Insert new records in one statement; answers the ids inserted. A record whose unique key
        another transaction took meanwhile is left out (not inserted, not tracked)."""
        if not records:
            return set()
        rows = [self._row_of(record) for record in records]
        names = list(rows[0])
        source = _unnest({name: self._table.c[name].type for name in names}, rows)
        written = (insert(self._table).from_select(names, select(*(source[name] for name in names)))
                   .on_conflict_do_nothing().returning(self._table.c.id).cte("written"))
        count = (await self._session.execute(select(func.count()).select_from(written))).scalar_one()
        ids = [record.id for record in records]
        if count == len(ids):
            inserted = set(ids)
        else:  # some keys were taken meanwhile: which of ours are there now?
            inserted = set((await self._session.execute(
                select(self._table.c.id).where(any_of(self._table.c.id, ids)))).scalars())
        for record in records:
            if record.id in inserted:
                self._tracked.track(record)
        return inserted

    async def save(self) -> None:
        """Write, in one statement, every tracked record changed since it was read or written."""
        changed = self._tracked.changed()
        if not changed:
            return
        rows = [{**self._row_of(record), "stored_version": self._tracked.stored_version(record)} for record in changed]
        names = [name for name in rows[0] if name not in ("id", "stored_version")]
        types = {"id": self._table.c.id.type, "stored_version": BigInteger(),
                 **{name: self._table.c[name].type for name in names}}
        source = _unnest(types, rows)
        stmt = (update(self._table)
                .where(self._table.c.id == source["id"], self._table.c.version == source["stored_version"])
                .values({name: source[name] for name in names}).returning(self._table.c.id))
        written = set((await self._session.execute(stmt)).scalars())
        if len(written) != len(changed):
            raise PreconditionFailed("records changed meanwhile; send the batch again", field="rows")
        for record in changed:
            self._tracked.written(record)


@dataclass(frozen=True)
class Place:
    """An account as a parent or a kiosk's location: what placing something there needs."""

    id: str
    subtype: str


def _kiosk_row(kiosk: Kiosk) -> dict[str, object]:
    return {name: getattr(kiosk, name) for name in KIOSK_COLUMNS}


class ErpRecords:
    """Accounts and kiosks as the ERP imports read and write them, whoever may see them (the imports
    are for roles that see everything); records changed here publish their events on commit."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._accounts: Batch[Account] = Batch(session, accounts, account_row)
        self._kiosks: Batch[Kiosk] = Batch(session, kiosks, _kiosk_row)

    @property
    def seen(self) -> list[Record]:
        return [*self._accounts.seen, *self._kiosks.seen]

    async def accounts_for_update(self, column: str, keys: Iterable[str]) -> dict[str, Account]:
        """The accounts whose `column` (id, customer_accounting_id or erp_ship_to_id) is one of `keys`,
        by that key, locked (in id order) and tracked for change."""
        keys = set(keys)
        if not keys:
            return {}
        stmt = (with_territory().where(any_of(accounts.c[column], keys)).order_by(accounts.c.id)
                .with_for_update(of=accounts))
        found = [self._accounts.track(to_account(row)) for row in (await self._session.execute(stmt)).all()]
        return {getattr(account, column): account for account in found}

    async def places_by(self, column: str, keys: Iterable[str]) -> dict[str, Place]:
        """Where each key (customer_accounting_id or erp_ship_to_id) puts a child account or a kiosk:
        the id and subtype of the account that has it (a child tracked here as it now is)."""
        keys = set(keys)
        if not keys:
            return {}
        rows = await self._session.execute(select(accounts.c[column], accounts.c.id, accounts.c.subtype)
                                           .where(any_of(accounts.c[column], keys)))
        found = {}
        for key, account_id, subtype in rows.tuples():
            tracked = self._accounts.current(account_id)
            found[key] = Place(account_id, tracked.subtype if tracked is not None else subtype)
        return found

    async def ancestries(self, account_ids: Iterable[str]) -> dict[str, list[str]]:
        """Each account's chain up to its root, itself first (domain.hierarchy.check_parent's ancestry)."""
        account_ids = set(account_ids)
        if not account_ids:
            return {}
        up = (select(accounts.c.id.label("start"), accounts.c.id, accounts.c.parent_id, literal(0).label("depth"))
              .where(any_of(accounts.c.id, account_ids)).cte("up", recursive=True))
        up = up.union_all(select(up.c.start, accounts.c.id, accounts.c.parent_id, up.c.depth + 1)
                          .join(up, accounts.c.id == up.c.parent_id))
        chains: dict[str, list[str]] = {}
        for start, account_id in (await self._session.execute(
                select(up.c.start, up.c.id).order_by(up.c.start, up.c.depth))).tuples():
            chains.setdefault(start, []).append(account_id)
        return chains

    async def with_children(self, account_ids: Iterable[str]) -> set[str]:
        """Which of the accounts have child accounts."""
        account_ids = set(account_ids)
        if not account_ids:
            return set()
        return set((await self._session.execute(
            select(accounts.c.parent_id).distinct().where(any_of(accounts.c.parent_id, account_ids)))).scalars())

    async def insert_accounts(self, new: Sequence[Account]) -> set[str]:
        """Insert new accounts (Account.create) in one statement; answers the ids inserted (an account
        whose customer accounting ID or ship-to ID was taken meanwhile is not)."""
        return await self._accounts.insert(new)

    async def save_accounts(self) -> None:
        await self._accounts.save()

    async def kiosks_by_serial(self, serials: Iterable[str]) -> dict[str, Kiosk]:
        """The kiosks with these serial numbers, locked (in id order) and tracked for change."""
        serials = set(serials)
        if not serials:
            return {}
        rows = (await self._session.execute(select(kiosks).where(any_of(kiosks.c.serial_number, serials))
                                            .order_by(kiosks.c.id).with_for_update())).all()
        found = [self._kiosks.track(Kiosk(**row._mapping)) for row in rows]
        return {kiosk.serial_number: kiosk for kiosk in found}

    async def insert_kiosks(self, new: Sequence[Kiosk]) -> set[str]:
        """Insert new kiosks in one statement; answers the ids inserted (not those whose serial number
        another transaction took meanwhile)."""
        return await self._kiosks.insert(new)

    async def save_kiosks(self) -> None:
        await self._kiosks.save()

    async def contacts_by_email(self, addresses: Iterable[str]) -> list[tuple[str, str, str]]:
        """(address, contact id, account id) for every address of a contact among `addresses`
        (lower-cased as the email key holds them: crmkit.fields.email_key), by contact id."""
        addresses = sorted(set(addresses))
        if not addresses:
            return []
        # One GIN probe per wanted address. `addresses && :wanted` over 500 addresses reads as
        # unselective to the planner, which then scanned every contact (1.3 s at 300,000 contacts,
        # against 2 to 25 ms probing; issue 12).
        wanted = (func.unnest(array("addresses", addresses, Text()))
                  .table_valued("address").render_derived(name="wanted"))
        stmt = (select(wanted.c.address, cast(contacts.c.id, Text), cast(contacts.c.account_id, Text))
                .select_from(wanted)
                .join(contacts, EMAIL_ADDRESSES.op("@>")(postgresql_array([wanted.c.address])))
                .order_by(contacts.c.id, wanted.c.address))
        return list((await self._session.execute(stmt)).tuples())

    async def top_level_by_key(self, keys: Iterable[str]) -> list[tuple[str, str, str]]:
        """(company key, account id, name) of every top-level account whose name has one of `keys`
        (domain.search.company_key), by key and name."""
        keys = set(keys)
        if not keys:
            return []
        stmt = (select(accounts.c.name_key, accounts.c.id, accounts.c.name)
                .where(accounts.c.parent_id.is_(None), any_of(accounts.c.name_key, keys))
                .order_by(accounts.c.name_key, accounts.c.name, accounts.c.id))
        return list((await self._session.execute(stmt)).tuples())
