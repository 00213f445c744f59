"""Quote rules a rep and a customer notice (issue 10 item 7, GEN-10): locked prices, discounts,
documented half-up rounding per line then summed, versions and the sent/accepted/rejected cycle."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from crmkit.errors import Conflict, InvalidInput

from crm_sales.domain.pricing import (
    FallbackStep,
    PriceList,
    PriceRequest,
    PriceRule,
    PriceTier,
    Product,
    resolve_price,
)
from crm_sales.domain.quotes import Quote, QuoteLine, QuoteLocked, QuoteStatus, QuoteTransitionRefused

RULE = PriceRule(FallbackStep.STANDARD, "std", "Standard", Decimal(0), None, None)
SEAT = Product("SEAT", "CRM seat", "seat")


def _line(qty: str, price: str, discount: str = "0") -> QuoteLine:
    return QuoteLine("SEAT", "CRM seat", Decimal(qty), Decimal(price), RULE, Decimal(discount))


def _quote(*lines: QuoteLine, currency: str = "USD") -> Quote:
    quote = Quote("q1", "Q-0001", "opp-1", currency)
    for line in lines:
        quote = quote.add_line(line)
    return quote


def test_each_line_rounds_half_up_before_summing() -> None:
    # 1 x 0.005 = 0.005 -> 0.01 per line; rounding the sum instead would give 0.02 for three lines.
    totals = _quote(_line("1", "0.005"), _line("1", "0.005"), _line("1", "0.005")).totals()
    assert totals.subtotal == Decimal("0.03")


def test_line_and_quote_discounts_and_tax() -> None:
    quote = _quote(_line("3", "33.33", "10"), _line("2", "19.99")).set_terms(
        discount_percent=Decimal("5"), tax_rate_percent=Decimal("8.25"))
    totals = quote.totals()
    # 3 x 33.33 = 99.99, -10% = 89.991 -> 89.99; + 39.98 = 129.97; 5% = 6.4985 -> 6.50
    assert (totals.subtotal, totals.discount, totals.net) == (Decimal("129.97"), Decimal("6.50"), Decimal("123.47"))
    # 8.25% of 123.47 = 10.186275 -> 10.19
    assert (totals.tax, totals.total) == (Decimal("10.19"), Decimal("133.66"))


def test_zero_decimal_currency_rounds_to_whole_units() -> None:
    assert _quote(_line("1", "100.5"), currency="JPY").totals().total == Decimal("101")


def test_price_list_change_after_sending_alters_the_quote_by_zero_cents() -> None:
    std = PriceList("std", "Standard", "USD", None, None, None, {"SEAT": (PriceTier(Decimal(0), Decimal("100.00")),)})
    ask = PriceRequest("SEAT", Decimal(7), date(2026, 5, 1), "USD")
    sent = _quote(QuoteLine.from_price(resolve_price(ask, SEAT, [std]), "CRM seat")).move_to(QuoteStatus.SENT)
    before = sent.totals()
    raised = replace(std, tiers={"SEAT": (PriceTier(Decimal(0), Decimal("140.00")),)})
    assert resolve_price(ask, SEAT, [raised]).unit_price == Decimal("140.00")
    assert sent.totals() == before and before.total == Decimal("700.00")
    assert sent.lines[0].rule.price_list_id == "std"


def test_sent_and_accepted_quotes_are_not_edited_but_revised() -> None:
    accepted = _quote(_line("1", "10")).move_to(QuoteStatus.SENT).move_to(QuoteStatus.ACCEPTED)
    with pytest.raises(QuoteLocked):
        accepted.add_line(_line("1", "5"))
    v2 = accepted.revise("q2", latest_version=1)
    assert (v2.version, v2.status, v2.number, v2.lines) == (2, QuoteStatus.DRAFT, "Q-0001", accepted.lines)
    assert accepted.status is QuoteStatus.ACCEPTED and accepted.version == 1
    assert v2.add_line(_line("1", "5")).totals().total == Decimal("15.00")


def test_life_cycle_refuses_unknown_moves() -> None:
    with pytest.raises(QuoteTransitionRefused):
        _quote(_line("1", "1")).move_to(QuoteStatus.ACCEPTED)
    with pytest.raises(InvalidInput) as empty:
        _quote().move_to(QuoteStatus.SENT)
    assert empty.value.problems[0].field == "lines"
    rejected = _quote(_line("1", "1")).move_to(QuoteStatus.SENT).move_to(QuoteStatus.REJECTED)
    with pytest.raises(QuoteTransitionRefused):
        rejected.move_to(QuoteStatus.ACCEPTED)
    with pytest.raises(Conflict):
        _quote(_line("1", "1")).revise("q2", latest_version=1)


def test_discounts_outside_0_to_100_name_their_field() -> None:
    with pytest.raises(InvalidInput) as refused:
        _line("1", "1", "101")
    assert refused.value.problems[0].field == "discount_percent"
    with pytest.raises(InvalidInput) as refused:
        _quote().set_terms(tax_rate_percent=Decimal("-1"))
    assert refused.value.problems[0].field == "tax_rate_percent"
