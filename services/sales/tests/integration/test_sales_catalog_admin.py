"""Catalogue administration and the quote PDF through the service layer (issue 10 items 6 and 7,
GEN-10, GEN-11): admin writes, sales roles read, a rep downloads the zh-CN PDF of a quote."""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from crmkit.errors import Forbidden, InvalidInput
from sales_testkit import ADMIN, AE, DAY, NOW

from crm_sales.domain.pricing import PriceList, PriceTier, Product
from crm_sales.service_layer import catalog, quoting
from tests.support.principals import as_role


@pytest.mark.parametrize("role", ["ae", "vp_sales", "sdr", "rsm"])
async def test_only_admin_writes_products_and_lists(uows, role):
    async with uows() as uow:
        with pytest.raises(Forbidden):
            await catalog.save_product(uow, as_role(role), Product("X", "X", "each"))
        assert await catalog.products(uow, as_role(role)) == []


async def test_marketing_may_not_read_the_catalogue(uows):
    async with uows() as uow:
        with pytest.raises(Forbidden):
            await catalog.price_lists(uow, as_role("marketing"))


async def test_a_list_pricing_an_unknown_product_names_the_field(uows):
    bad = PriceList(str(uuid.uuid4()), "Bad", "USD", None, None, date(2026, 12, 31),
                    {"NOPE": (PriceTier(Decimal(0), Decimal(1)),)})
    async with uows() as uow:
        with pytest.raises(InvalidInput) as refused:
            await catalog.save_price_list(uow, ADMIN, bad)
    assert refused.value.problems[0].field == "tiers.product_code"


async def test_discounts_then_chinese_pdf_of_the_quote(uows, opportunity):
    async with uows() as uow:
        quote = await quoting.create_quote(uow, AE, opportunity, "USD", NOW)
        await quoting.add_line(uow, AE, quote.id, "SEAT", Decimal(4), Decimal(0), DAY, NOW)
        quote = await quoting.set_terms(uow, AE, quote.id, now=NOW, discount_percent=Decimal(5),
                                        tax_rate_percent=Decimal(10), line_discounts={0: Decimal("12.5")})
        await uow.commit()
    # 4 x 80.00 = 320.00, -12.5% = 280.00; -5% = 266.00; +10% tax = 292.60
    assert quote.totals().total == Decimal("292.60")
    async with uows() as uow:
        pdf = await quoting.quote_pdf(uow, AE, quote.id, "zh-CN", DAY)
        with pytest.raises(quoting.QuoteNotFound):
            await quoting.quote_pdf(uow, as_role("ae"), quote.id, "en", DAY)
    assert pdf.startswith(b"%PDF") and b"STSong-Light" in pdf
