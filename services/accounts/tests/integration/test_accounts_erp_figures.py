"""The ERP's sales orders and finance on accounts over real PostgreSQL: batch upserts with an
outcome per row (INT-1), the past two years of orders with totals (ACC-3), the latest finance
(ACC-4), who may write and who may read them (SEC-3..5), and the events they publish."""
from __future__ import annotations

import asyncio
from datetime import date

import pytest
from accounts_testkit import ADMIN, add_territories, add_user, create, principal
from crm.accounts.v1 import events_pb2
from crmkit.errors import Forbidden, InvalidInput, NotFound

from crm_accounts.service_layer import erp_figures
from tests.support.events import outbox_events
from tests.support.principals import as_role

TODAY = date(2026, 11, 21)
ERP = as_role("erp")


def order(number: str, customer: str = "C10001", *, order_date: str = "2026-11-19", ship_date: str = "",
          total: str = "100.00", po: str = "PO1", currency: str = "") -> dict[str, str]:
    return {"sales_order_number": number, "po_number": po, "customer_accounting_id": customer,
            "salesperson": "Jessica Garcia", "territory": "ne", "order_date": order_date, "ship_date": ship_date,
            "total_amount": total, "currency": currency}


def finance(customer: str = "C10001", as_of: str = "2026-11-21", **amounts: str) -> dict[str, str]:
    values = {"mtd_sales": "68247.07", "ytd_sales": "413983.92", "prior_ytd_sales": "199879.46",
              "credit_limit": "500000.00", "past_due_amount": "0.00"}
    return {"customer_accounting_id": customer, "as_of_date": as_of, "currency": "", **values, **amounts}


async def _upsert_orders(uows, rows, caller=ERP):
    return await erp_figures.upsert_sales_orders(uow=uows(), principal=caller, raws=rows)


async def test_int_1_orders_are_created_then_updated_then_unchanged_by_sales_order_number(uows, sessions):
    account = await create(uows, "Acme", customer_accounting_id="C10001")
    first = await _upsert_orders(uows, [order("SO-1"), order("SO-2", total="2,5")])
    assert [(o.key, o.outcome, o.field) for o in first] == [("SO-1", "created", ""), ("SO-2", "failed",
                                                                                       "total_amount")]
    shipped = await _upsert_orders(uows, [order("SO-1", ship_date="2026-11-20"), order("SO-3")])
    assert [o.outcome for o in shipped] == ["updated", "created"]
    again = await _upsert_orders(uows, [order("SO-1", ship_date="2026-11-20"), order("SO-3")])
    assert [o.outcome for o in again] == ["unchanged", "unchanged"]

    history = await erp_figures.list_sales_orders(uow=uows(), principal=ADMIN, account_id=account.id, since="",
                                                  requested_size=0, cursor="", today=TODAY)
    assert [(s.row.sales_order_number, s.row.ship_date, s.row.territory, s.row.currency) for s in history.orders] == [
        ("SO-3", None, "NE", "USD"), ("SO-1", date(2026, 11, 20), "NE", "USD")]
    events = [(subject, event.created) for subject, event in await outbox_events(sessions, events_pb2)
              if subject.startswith("crm.accounts.sales_order")]
    assert events == [("crm.accounts.sales_order.recorded", True), ("crm.accounts.sales_order.recorded", False),
                      ("crm.accounts.sales_order.recorded", True)]


async def test_bad_rows_fail_alone_naming_their_field_and_a_repeated_key_counts_once(uows):
    await create(uows, "Acme", customer_accounting_id="C10001")
    rows = [order(""), order("SO-9", order_date="2025-02-30"), order("SO-10", customer="C99999"),
            order("SO-11", po='=HYPERLINK("http://x","y")'), order("SO-12", total="abc"),
            order("SO-13", order_date="2026-11-19", ship_date="2026-11-01"), order("SO-14", currency="dollars"),
            order("SO-15", total="10.00"), order("SO-15", total="12.00")]
    outcomes = await _upsert_orders(uows, rows)
    assert [(o.outcome, o.field) for o in outcomes] == [
        ("failed", "sales_order_number"), ("failed", "order_date"), ("failed", "customer_accounting_id"),
        ("created", ""), ("failed", "total_amount"), ("failed", "ship_date"), ("failed", "currency"),
        ("skipped", ""), ("created", "")]
    assert "C99999" in outcomes[2].reason and "later" in outcomes[7].reason
    account = (await erp_figures.list_sales_orders(uow=uows(), principal=ADMIN, account_id=(
        await create(uows, "Other")).id, since="", requested_size=0, cursor="", today=TODAY))
    assert account.orders == []


async def test_acc_3_shows_two_years_newest_first_with_totals_over_every_page(uows):
    account = await create(uows, "Acme", customer_accounting_id="C10001")
    await _upsert_orders(uows, [order("SO-OLD", order_date="2024-11-20", total="999.00"),
                                order("SO-EDGE", order_date="2024-11-21", total="1000.50"),
                                *(order(f"SO-{n}", order_date=f"2026-0{n}-01", total="10.25") for n in range(1, 6)),
                                order("SO-CAD", order_date="2026-06-01", total="5.00", currency="cad")])
    first = await erp_figures.list_sales_orders(uow=uows(), principal=ADMIN, account_id=account.id, since="",
                                                requested_size=3, cursor="", today=TODAY)
    assert first.since == date(2024, 11, 21)
    assert [s.row.sales_order_number for s in first.orders] == ["SO-CAD", "SO-5", "SO-4"]
    assert {c: (str(t), n) for c, (t, n) in first.totals.items()} == {"CAD": ("5.00", 1), "USD": ("1051.75", 6)}
    rest = await erp_figures.list_sales_orders(uow=uows(), principal=ADMIN, account_id=account.id, since="",
                                               requested_size=10, cursor=first.next_cursor, today=TODAY)
    assert [s.row.sales_order_number for s in rest.orders] == ["SO-3", "SO-2", "SO-1", "SO-EDGE"]
    assert rest.next_cursor == ""
    older = await erp_figures.list_sales_orders(uow=uows(), principal=ADMIN, account_id=account.id,
                                                since="2020-01-01", requested_size=0, cursor="", today=TODAY)
    assert older.orders[-1].row.sales_order_number == "SO-OLD"
    for since, cursor, field in (("yesterday", "", "since"), ("", "nonsense", "cursor")):
        with pytest.raises(InvalidInput) as refused:
            await erp_figures.list_sales_orders(uow=uows(), principal=ADMIN, account_id=account.id, since=since,
                                                requested_size=0, cursor=cursor, today=TODAY)
        assert refused.value.problems[0].field == field


async def test_acc_4_latest_finance_by_as_of_date_thousands_separators_read_as_such(uows, sessions):
    account = await create(uows, "Acme", customer_accounting_id="C10001")
    with pytest.raises(NotFound):
        await erp_figures.get_finance(uow=uows(), principal=ADMIN, account_id=account.id)
    outcomes = await erp_figures.upsert_finance(uow=uows(), principal=ERP, raws=[
        finance(as_of="2026-11-20"), finance(credit_limit="1,000,000.00"), finance(customer="C404"),
        finance(as_of="2026-11-21", credit_limit="1000000.00")])
    assert [(o.key, o.outcome, o.field) for o in outcomes] == [
        ("C10001@2026-11-20", "created", ""), ("C10001@2026-11-21", "skipped", ""),
        ("C404@2026-11-21", "failed", "customer_accounting_id"), ("C10001@2026-11-21", "created", "")]
    latest = await erp_figures.get_finance(uow=uows(), principal=ADMIN, account_id=account.id)
    assert (latest.row.as_of_date, str(latest.row.credit_limit), latest.row.currency) == (
        date(2026, 11, 21), "1000000.00", "USD")
    redo = await erp_figures.upsert_finance(uow=uows(), principal=ERP, raws=[
        finance(as_of="2026-11-21", credit_limit="1000000.00", past_due_amount="12.50")])
    assert redo[0].outcome == "updated"
    bad = await erp_figures.upsert_finance(uow=uows(), principal=ERP, raws=[finance(mtd_sales="1,0,0")])
    assert (bad[0].outcome, bad[0].field) == ("failed", "mtd_sales")
    assert [s for s, _ in await outbox_events(sessions, events_pb2) if s.startswith("crm.accounts.finance")] == [
        "crm.accounts.finance.recorded"] * 3


@pytest.mark.parametrize("role", ["ae", "rsm", "sdr", "csr", "marketing", "vp_sales", "key_account_rep"])
async def test_only_admin_and_the_erp_client_record_erp_figures(uows, role):
    await create(uows, "Acme", customer_accounting_id="C10001")
    with pytest.raises(Forbidden):
        await _upsert_orders(uows, [order("SO-1")], caller=as_role(role))
    with pytest.raises(Forbidden):
        await erp_figures.upsert_finance(uow=uows(), principal=as_role(role), raws=[finance()])
    assert [o.outcome for o in await _upsert_orders(uows, [order("SO-1")], caller=ADMIN)] == ["created"]


async def test_a_batch_is_bounded(uows):
    with pytest.raises(InvalidInput) as refused:
        await _upsert_orders(uows, [order(f"SO-{n}") for n in range(erp_figures.MAX_BATCH + 1)])
    assert refused.value.problems[0].field == "rows"


async def test_sec_3_figures_follow_the_full_view_of_the_account(uows):
    await add_territories(uows)
    ae = await add_user(uows, "ae", territories=("NE",))
    other = await add_user(uows, "ae", territories=("PAC",))
    account = await create(uows, "Acme", state="MA", customer_accounting_id="C10001")
    await _upsert_orders(uows, [order("SO-1")])
    await erp_figures.upsert_finance(uow=uows(), principal=ERP, raws=[finance()])
    mine = await erp_figures.list_sales_orders(uow=uows(), principal=principal(ae), account_id=account.id, since="",
                                               requested_size=0, cursor="", today=TODAY)
    assert [s.row.sales_order_number for s in mine.orders] == ["SO-1"]
    with pytest.raises(NotFound):
        await erp_figures.get_finance(uow=uows(), principal=principal(other), account_id=account.id)
    for role in ("sdr", "csr", "marketing"):
        with pytest.raises(Forbidden):
            await erp_figures.get_finance(uow=uows(), principal=as_role(role), account_id=account.id)
        with pytest.raises(Forbidden):
            await erp_figures.list_sales_orders(uow=uows(), principal=as_role(role), account_id=account.id,
                                                since="", requested_size=0, cursor="", today=TODAY)


async def test_concurrent_batches_of_the_same_orders_write_each_order_once(uows, sessions):
    await create(uows, "Acme", customer_accounting_id="C10001")
    rows = [order(f"SO-{n}") for n in range(50)]
    results = await asyncio.gather(*(_upsert_orders(uows, rows) for _ in range(4)))
    created = [o.key for outcomes in results for o in outcomes if o.outcome == "created"]
    assert sorted(created) == sorted(r["sales_order_number"] for r in rows)
    assert all(o.outcome in ("created", "unchanged") for outcomes in results for o in outcomes)
    recorded = [s for s, _ in await outbox_events(sessions, events_pb2) if s == "crm.accounts.sales_order.recorded"]
    assert len(recorded) == 50
