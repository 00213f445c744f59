"""Price-list rules a sales rep notices (issue 10 item 6, GEN-10): fallback order, tiers, windows."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from crmkit.errors import InvalidInput

from crm_sales.domain.pricing import (
    FallbackStep,
    NoPrice,
    PriceList,
    PriceRequest,
    PriceTier,
    Product,
    resolve_price,
)

SEAT = Product("SEAT", "CRM seat", "seat")


def _list(list_id: str, account: str | None, price: str, *, start: date | None = None,
          end: date | None = None, tiers: tuple[PriceTier, ...] | None = None) -> PriceList:
    return PriceList(list_id, list_id.title(), "USD", account, start, end,
                     {"SEAT": tiers or (PriceTier(Decimal(0), Decimal(price)),)})


def _ask(qty: str = "1", account: str | None = "a1", parent: str | None = "p1",
         on: date = date(2026, 5, 1)) -> PriceRequest:
    return PriceRequest("SEAT", Decimal(qty), on, "USD", account, parent)


def test_account_list_beats_parent_and_standard() -> None:
    lists = [_list("std", None, "100"), _list("parent", "p1", "90"), _list("own", "a1", "80")]
    price = resolve_price(_ask(), SEAT, lists)
    assert (price.unit_price, price.rule.step, price.rule.price_list_id) == (Decimal(80), FallbackStep.ACCOUNT, "own")


def test_parent_list_used_when_account_has_none() -> None:
    price = resolve_price(_ask(), SEAT, [_list("std", None, "100"), _list("parent", "p1", "90")])
    assert price.rule.step is FallbackStep.PARENT_ACCOUNT and price.unit_price == Decimal(90)


def test_expired_account_list_falls_back_to_standard() -> None:
    lists = [_list("std", None, "100"), _list("own", "a1", "80", end=date(2026, 4, 30))]
    price = resolve_price(_ask(parent=None), SEAT, lists)
    assert price.rule.step is FallbackStep.STANDARD and "standard" in price.rule.describe()


def test_validity_ends_are_inclusive() -> None:
    own = _list("own", "a1", "80", start=date(2026, 5, 1), end=date(2026, 5, 1))
    assert resolve_price(_ask(), SEAT, [own]).rule.valid_to == date(2026, 5, 1)


def test_largest_tier_not_above_quantity_applies() -> None:
    tiers = tuple(PriceTier(Decimal(q), Decimal(p)) for q, p in ((0, 100), (10, 90), (100, 80)))
    lists = [_list("std", None, "0", tiers=tiers)]
    assert [resolve_price(_ask(q), SEAT, lists).unit_price for q in ("9.99", "10", "99", "100")] == [
        Decimal(100), Decimal(90), Decimal(90), Decimal(80)]


def test_no_list_at_all_is_a_not_found_naming_the_product() -> None:
    with pytest.raises(NoPrice) as refused:
        resolve_price(_ask(), SEAT, [])
    assert refused.value.problems[0].field == "product_code"


def test_bad_catalogue_input_names_the_field() -> None:
    with pytest.raises(InvalidInput) as refused:
        _list("x", None, "-1")
    assert refused.value.problems[0].field == "tiers.unit_price"
    with pytest.raises(InvalidInput) as refused:
        _list("x", None, "1", start=date(2026, 2, 1), end=date(2026, 1, 1))
    assert refused.value.problems[0].field == "valid_to"
    with pytest.raises(InvalidInput) as refused:
        resolve_price(_ask("0"), SEAT, [])
    assert refused.value.problems[0].field == "quantity"
