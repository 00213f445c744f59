"""Sales-order headers and finance figures (ACC-3, ACC-4): batch upserts keyed as the ERP keys
them, and the reads of one account's figures. Visibility is the caller's business: every read
here takes an account id the use case has already checked through readable()."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from crmkit.bulk import UnnestInsert
from crmkit.listing import Cursor, Sort
from crmkit.listing_sql import keyset
from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from crm_accounts.adapters.orm import account_finance, accounts, sales_orders
from crm_accounts.domain.erp import FINANCE_FIELDS, SALES_ORDER_FIELDS, Finance, SalesOrder, Stored
from crm_accounts.domain.events import Event, FiguresRecorded


class ErpFigures:
    """The ERP's figures on accounts; rows written in a unit of work are announced in `events`."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self.events: list[Event] = []

    @property
    def seen(self) -> list[ErpFigures]:
        """The figures are rows, not aggregates: this repository holds their events itself."""
        return [self]

    async def accounts_by_accounting_id(self, accounting_ids: set[str]) -> dict[str, str]:
        """The account id of each customer accounting ID that names one."""
        if not accounting_ids:
            return {}
        rows = await self._session.execute(select(accounts.c.customer_accounting_id, accounts.c.id)
                                           .where(accounts.c.customer_accounting_id.in_(accounting_ids)))
        return dict(rows.tuples().all())

    async def upsert_sales_orders(self, orders: Sequence[tuple[SalesOrder, str]], now: datetime) -> dict[str, bool]:
        """Write (order, account id) pairs with distinct numbers; answers, for each order created
        or changed, whether it was created. An order equal to the stored one is left as it is."""
        return await self._upsert(sales_orders, SALES_ORDER_FIELDS, ("sales_order_number",), orders, now,
                                  key=lambda row: row.sales_order_number)

    async def upsert_finance(self, rows: Sequence[tuple[Finance, str]], now: datetime) -> dict[str, bool]:
        """As upsert_sales_orders, keyed by customer accounting ID and as-of date."""
        return await self._upsert(account_finance, FINANCE_FIELDS, ("customer_accounting_id", "as_of_date"), rows,
                                  now, key=lambda row: row.key)

    async def _upsert(self, table: Table, names: tuple[str, ...], key_columns: tuple[str, ...],
                      rows: Sequence[tuple[SalesOrder | Finance, str]], now: datetime, *, key) -> dict[str, bool]:
        if not rows:
            return {}
        # In key order, so concurrent batches lock the same rows in the same order (no deadlock).
        values = [{**{name: getattr(row, name) for name in names}, "account_id": account_id, "updated_at": now}
                  for row, account_id in sorted(rows, key=lambda pair: key(pair[0]))]
        written = await _upsert_statement(table, names, key_columns).execute(self._session, values)
        by_key = {key(row): (row, account_id) for row, account_id in rows}
        outcomes: dict[str, bool] = {}
        for found in written.all():
            row_key = "@".join(v.isoformat() if isinstance(v, date) else v for v in found[:len(key_columns)])
            row, account_id = by_key[row_key]
            outcomes[row_key] = found.inserted
            self.events.append(FiguresRecorded(Stored(row, account_id, now), created=found.inserted))
        return outcomes

    async def orders_since(self, account_id: str, since: date, *, sort: Sort, after: Cursor | None,
                           limit: int) -> list[Stored]:
        """Up to `limit` orders of the account dated `since` or later, in `sort` order of the order
        date (the sales order number breaks ties), after `after`."""
        stmt = select(sales_orders).where(sales_orders.c.account_id == account_id, sales_orders.c.order_date >= since)
        stmt = keyset(stmt, sales_orders.c.order_date, sales_orders.c.sales_order_number, sort, after)
        rows = await self._session.execute(stmt.limit(limit))
        return [Stored(SalesOrder(**{n: row._mapping[n] for n in SALES_ORDER_FIELDS}), row.account_id, row.updated_at)
                for row in rows.all()]

    async def order_totals(self, account_id: str, since: date) -> dict[str, tuple[Decimal, int]]:
        """The total amount and number of the account's orders dated `since` or later, per currency."""
        rows = await self._session.execute(
            select(sales_orders.c.currency, func.sum(sales_orders.c.total_amount), func.count())
            .where(sales_orders.c.account_id == account_id, sales_orders.c.order_date >= since)
            .group_by(sales_orders.c.currency).order_by(sales_orders.c.currency))
        return {currency: (total, count) for currency, total, count in rows.tuples().all()}

    async def latest_finance(self, account_id: str) -> Stored | None:
        """The account's figures of the latest as-of date, or None."""
        row = (await self._session.execute(
            select(account_finance).where(account_finance.c.account_id == account_id)
            .order_by(account_finance.c.as_of_date.desc(), account_finance.c.customer_accounting_id).limit(1))).first()
        if row is None:
            return None
        return Stored(Finance(**{n: row._mapping[n] for n in FINANCE_FIELDS}), row.account_id, row.updated_at)


@lru_cache(maxsize=4)
def _upsert_statement(table: Table, names: tuple[str, ...], key_columns: tuple[str, ...]) -> UnnestInsert:
    """The batch upsert of `table`, compiled once: one array parameter per column (issue 12: a
    multi-row VALUES of 500 rows was 5,500 parameters, compiled again for every batch). A row equal to
    the stored one is left as it is; xmax is 0 on a row this statement inserted, set on one it updated."""
    changing = [name for name in (*names, "account_id") if name not in key_columns]
    columns = (*names, "account_id", "updated_at")
    return UnnestInsert(table, columns, suffix=(
        f"ON CONFLICT ({', '.join(key_columns)}) DO UPDATE SET "
        + ", ".join(f"{name} = excluded.{name}" for name in (*changing, "updated_at"))
        + f" WHERE ({', '.join(f'{table.name}.{n}' for n in changing)}) IS DISTINCT FROM "
        + f"({', '.join(f'excluded.{n}' for n in changing)}) "
        + f"RETURNING {', '.join(key_columns)}, (xmax = 0) AS inserted"))
