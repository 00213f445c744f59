"""Prices and quotes on real PostgreSQL through the service layer (issue 10 items 6 and 7, GEN-10):
the parent account's list from the read model, locked line prices, versions and who may do it."""
from __future__ import annotations

from decimal import Decimal

import pytest
from crmkit.errors import Forbidden
from sales_testkit import ADMIN, AE, CHILD, DAY, NOW, PARENT, price_list

from crm_sales.domain.errors import OpportunityNotFound
from crm_sales.domain.pricing import FallbackStep, PriceRequest
from crm_sales.domain.quotes import QuoteStatus
from crm_sales.service_layer import quoting
from tests.support.principals import as_role


async def test_child_account_gets_the_parent_list_named_in_the_rule(uows, opportunity):
    async with uows() as uow:
        price = await quoting.resolve(uow, AE, PriceRequest("SEAT", Decimal(2), DAY, "USD", CHILD))
    assert price.unit_price == Decimal("80.00") and price.rule.step is FallbackStep.PARENT_ACCOUNT


async def test_price_list_change_leaves_a_sent_quote_unchanged_and_revision_makes_v2(uows, opportunity):
    async with uows() as uow:
        quote = await quoting.create_quote(uow, AE, opportunity, "USD", NOW)
        quote = await quoting.add_line(uow, AE, quote.id, "SEAT", Decimal(3), Decimal(10), DAY, NOW)
        sent = await quoting.move(uow, AE, quote.id, QuoteStatus.SENT, NOW)
        await uow.commit()
    before = sent.totals()
    assert before.total == Decimal("216.00")  # 3 x 80.00 less 10%
    async with uows() as uow:
        for pl in await uow.catalog.price_lists(owners=[PARENT]):
            await uow.catalog.save_price_list(price_list(pl.id, PARENT, "95.00"))
        await uow.commit()
    async with uows() as uow:
        stored = await quoting.get_quote(uow, AE, sent.id)
        v2 = await quoting.revise(uow, AE, sent.id, NOW)
        await uow.commit()
    assert stored.totals() == before and stored.lines[0].rule.step is FallbackStep.PARENT_ACCOUNT
    assert (v2.version, v2.status, v2.lines) == (2, QuoteStatus.DRAFT, stored.lines)
    async with uows() as uow:
        assert [v[2] for v in await uow.quotes.for_opportunity(opportunity)] == [2, 1]


async def test_sdr_changes_nothing_and_strangers_see_no_quote(uows, opportunity):
    async with uows() as uow:
        with pytest.raises(Forbidden):
            await quoting.create_quote(uow, as_role("sdr"), opportunity, "USD", NOW)
        quote = await quoting.create_quote(uow, ADMIN, opportunity, "USD", NOW)
        await uow.commit()
    async with uows() as uow:
        with pytest.raises(quoting.QuoteNotFound):
            await quoting.get_quote(uow, as_role("ae"), quote.id)
        with pytest.raises(OpportunityNotFound):
            await quoting.create_quote(uow, as_role("ae"), opportunity, "USD", NOW)
