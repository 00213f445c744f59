"""Writes price_cases.csv, the golden price-resolution table (issue 10, GEN-10), from the hand-written
catalogue in price_lists.json. Run once, by hand, after changing the catalogue:

    .venv/bin/python services/sales/tests/unit/data/make_price_cases.py

Its oracle is written apart from crm_sales.domain.pricing on purpose (it imports nothing from the
service): for each fallback owner (account, parent, standard) it scans every list in order and keeps
the best by (valid_from, reversed id), using only str/date/Decimal comparisons. The test
test_price_golden_table.py then checks the real resolver against every row."""
from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).parent
COLUMNS = ["product", "quantity", "on", "currency", "account", "parent",
           "outcome", "unit_price", "step", "list_id", "tier_min_quantity", "valid_from", "valid_to"]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _oracle(catalogue: dict, product: dict, qty: Decimal, on: date, currency: str,
            account: str | None, parent: str | None) -> dict[str, str]:
    if not product["active"]:
        return {"outcome": "inactive"}
    owners = []
    if account:
        owners.append(("account", account))
    if parent and parent != account:
        owners.append(("parent_account", parent))
    owners.append(("standard", None))
    for step, owner in owners:
        best = None
        for pl in catalogue["price_lists"]:
            start, end = _day(pl["valid_from"]), _day(pl["valid_to"])
            if pl["account_id"] != owner or pl["currency"] != currency:
                continue
            if (start and on < start) or (end and on > end):
                continue
            tier = None
            for threshold, price in pl["tiers"].get(product["code"], []):
                if Decimal(threshold) <= qty and (tier is None or Decimal(threshold) > Decimal(tier[0])):
                    tier = (threshold, price)
            if tier is None:
                continue
            key = (start or date.min, [-ord(c) for c in pl["id"]])
            if best is None or key > best[0]:
                best = (key, pl, tier)
        if best:
            _, pl, (threshold, price) = best
            return {"outcome": "price", "unit_price": price, "step": step, "list_id": pl["id"],
                    "tier_min_quantity": threshold, "valid_from": pl["valid_from"] or "",
                    "valid_to": pl["valid_to"] or ""}
    return {"outcome": "no_price"}


def main() -> None:
    catalogue = json.loads((HERE / "price_lists.json").read_text())
    rows = []
    for product in catalogue["products"]:
        for account, parent in catalogue["accounts"]:
            for on in catalogue["days"]:
                for qty in catalogue["quantities"]:
                    for currency in catalogue["currencies"]:
                        if product["code"] != "SEAT" and currency != "USD":
                            continue  # only seats are priced outside USD; keep the table readable
                        if not product["active"] and qty != "1":
                            continue  # one quantity suffices to show an inactive product is refused
                        row = {"product": product["code"], "quantity": qty, "on": on,
                               "currency": currency, "account": account or "", "parent": parent or ""}
                        row.update(_oracle(catalogue, product, Decimal(qty), date.fromisoformat(on),
                                           currency, account, parent))
                        rows.append(row)
    with (HERE / "price_cases.csv").open("w", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS, restval="")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} cases")


if __name__ == "__main__":
    main()
