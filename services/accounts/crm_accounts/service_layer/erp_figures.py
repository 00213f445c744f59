"""Use cases of the ERP's figures on accounts: batch upserts of sales orders and finance (INT-1),
and reading one account's orders of the past two years (ACC-3) and latest finance (ACC-4)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from crmkit.errors import InvalidInput
from crmkit.listing import Page, PageRequest, Sorting, page_size
from crmkit.principal import Principal

from crm_accounts.domain import erp, policy
from crm_accounts.domain.errors import RecordNotFound
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork

MAX_BATCH = 1000  # rows per upsert call: one statement, well inside PostgreSQL's parameter limit
ORDER_SORTING = Sorting(sortable=("order_date",), default="-order_date", timestamp_fields=(), uuid_ids=False,
                        date_fields=("order_date",))


@dataclass(frozen=True)
class OrderHistory:
    """A page of an account's orders since `since`, with totals per currency over all of them."""

    orders: list[erp.Stored]
    totals: dict[str, tuple[Decimal, int]]
    since: date
    next_cursor: str


def bounded(values: Sequence, field: str = "rows") -> None:
    """A batch call takes at most MAX_BATCH rows (or emails, or keys)."""
    if len(values) > MAX_BATCH:
        raise InvalidInput(f"send at most {MAX_BATCH} {field} per call", field=field)


def raw_key(name: str) -> Callable[[dict], str]:
    """A row's key as sent, for the outcome of a row that fails before it is cleaned."""
    return lambda raw: str(raw.get(name) or "").strip()


def _now() -> datetime:
    return datetime.now(UTC)


async def upsert_sales_orders(*, uow: AccountsUnitOfWork, principal: Principal,
                              raws: Sequence[dict[str, str]]) -> list[erp.Outcome]:
    """INT-1, ACC-3: create or update order headers by sales order number; an outcome per row."""
    return await _upsert(uow, principal, raws, erp.clean_sales_order, key=lambda o: o.sales_order_number,
                         raw_key=raw_key("sales_order_number"), write=lambda u: u.erp.upsert_sales_orders)


async def upsert_finance(*, uow: AccountsUnitOfWork, principal: Principal,
                         raws: Sequence[dict[str, str]]) -> list[erp.Outcome]:
    """INT-1, ACC-4: create or update finance figures by customer accounting ID and as-of date."""
    return await _upsert(uow, principal, raws, erp.clean_finance, key=lambda f: f.key,
                         raw_key=lambda raw: f"{raw['customer_accounting_id'].strip()}@{raw['as_of_date'].strip()}",
                         write=lambda u: u.erp.upsert_finance)


async def _upsert(uow: AccountsUnitOfWork, principal: Principal, raws: Sequence[dict[str, str]], clean, *,
                  key: Callable, raw_key: Callable, write: Callable) -> list[erp.Outcome]:
    policy.ensure_can_write_erp_figures(principal)
    bounded(raws)
    outcomes, cleaned = erp.clean_batch(raws, clean, key=key, raw_key=raw_key)
    async with uow:
        known = await uow.erp.accounts_by_accounting_id({row.customer_accounting_id for row in cleaned.values()})
        pending: list[tuple[int, object, str]] = []
        for index, row in cleaned.items():
            account_id = known.get(row.customer_accounting_id)
            if account_id is None:
                unknown = f"no account has the customer accounting ID {row.customer_accounting_id!r}"
                outcomes[index] = erp.Outcome(key(row), erp.FAILED, "customer_accounting_id", unknown)
            else:
                pending.append((index, row, account_id))
        written = await write(uow)([(row, account_id) for _, row, account_id in pending], _now())
        for index, row, _ in pending:
            created = written.get(key(row))
            fate = erp.UNCHANGED if created is None else erp.CREATED if created else erp.UPDATED
            outcomes[index] = erp.Outcome(key(row), fate)
        await uow.commit()
    return [outcome for outcome in outcomes if outcome is not None]


def _since(text: str, today: date) -> date:
    if not text.strip():
        return erp.history_start(today)
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("must be a date as YYYY-MM-DD", field="since") from None


def _order_key(stored: erp.Stored) -> tuple[date, str]:
    order = stored.row
    assert isinstance(order, erp.SalesOrder)  # orders_since answers sales orders only
    return order.order_date, order.sales_order_number


async def order_history(uow: AccountsUnitOfWork, account_id: str, since: date, *, size: int,
                        cursor: str = "") -> OrderHistory:
    """Inside an open unit of work: a page of the orders of an account already checked visible."""
    sort = ORDER_SORTING.parse("")
    request = PageRequest(sort, ORDER_SORTING.decode(cursor, sort) if cursor else None, size)
    rows = await uow.erp.orders_since(account_id, since, sort=request.sort, after=request.after, limit=request.limit)
    page = Page.of(rows, request, key=_order_key)
    return OrderHistory(page.items, await uow.erp.order_totals(account_id, since), since, page.next_cursor)


async def list_sales_orders(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str, since: str,
                            requested_size: int, cursor: str, today: date) -> OrderHistory:
    """ACC-3: the orders of an account the caller sees in full, dated `since` or later (default:
    two years before `today`), newest first."""
    start, size = _since(since, today), page_size(requested_size)
    async with uow:
        view = await uow.accounts.get(principal, account_id, field="account_id")
        policy.ensure_sees_erp_figures(view.full)
        return await order_history(uow, view.account.id, start, size=size, cursor=cursor)


async def get_finance(*, uow: AccountsUnitOfWork, principal: Principal, account_id: str) -> erp.Stored:
    """ACC-4: the latest finance figures of an account the caller sees in full."""
    async with uow:
        view = await uow.accounts.get(principal, account_id, field="account_id")
        policy.ensure_sees_erp_figures(view.full)
        found = await uow.erp.latest_finance(view.account.id)
    if found is None:
        raise RecordNotFound("finance figures for account", account_id, field="account_id")
    return found
