"""The golden price-resolution table (issue 10 item 6, GEN-10, anchor S6): every row of
data/price_cases.csv, written by data/make_price_cases.py from data/price_lists.json, must come out
of the real resolver with the same price and the same rule (list, tier, window, fallback step)."""
from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from crm_sales.domain.pricing import (
    NoPrice,
    PriceList,
    PriceRequest,
    PriceTier,
    Product,
    ProductInactive,
    resolve_price,
)

DATA = Path(__file__).parent / "data"


def _catalogue() -> tuple[dict[str, Product], list[PriceList]]:
    raw = json.loads((DATA / "price_lists.json").read_text())
    products = {p["code"]: Product(p["code"], p["name"], p["unit"], active=p["active"]) for p in raw["products"]}
    lists = [PriceList(
        pl["id"], pl["name"], pl["currency"], pl["account_id"],
        date.fromisoformat(pl["valid_from"]) if pl["valid_from"] else None,
        date.fromisoformat(pl["valid_to"]) if pl["valid_to"] else None,
        {code: tuple(PriceTier(Decimal(q), Decimal(p)) for q, p in tiers) for code, tiers in pl["tiers"].items()},
    ) for pl in raw["price_lists"]]
    return products, lists


PRODUCTS, LISTS = _catalogue()
CASES = list(csv.DictReader((DATA / "price_cases.csv").open()))


def test_the_table_is_big_and_covers_every_outcome() -> None:
    assert len(CASES) >= 200
    assert {c["outcome"] for c in CASES} == {"price", "no_price", "inactive"}
    assert {c["step"] for c in CASES if c["step"]} == {"account", "parent_account", "standard"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: "|".join(list(c.values())[:6]))
def test_resolver_matches_golden_row(case: dict[str, str]) -> None:
    request = PriceRequest(case["product"], Decimal(case["quantity"]), date.fromisoformat(case["on"]),
                           case["currency"], case["account"] or None, case["parent"] or None)
    product = PRODUCTS[case["product"]]
    if case["outcome"] == "inactive":
        with pytest.raises(ProductInactive):
            resolve_price(request, product, LISTS)
        return
    if case["outcome"] == "no_price":
        with pytest.raises(NoPrice):
            resolve_price(request, product, LISTS)
        return
    price = resolve_price(request, product, LISTS)
    assert price.unit_price == Decimal(case["unit_price"])
    assert (price.rule.step.value, price.rule.price_list_id, price.rule.tier_min_quantity) == (
        case["step"], case["list_id"], Decimal(case["tier_min_quantity"]))
    assert str(price.rule.valid_from or "") == case["valid_from"]
    assert str(price.rule.valid_to or "") == case["valid_to"]
