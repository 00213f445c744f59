"""Cleaning the ERP's figures without a database (INT-1, ACC-3, ACC-4) and the kiosk counts of an
overview (ACC-5)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from crmkit.errors import InvalidInput

from crm_accounts.domain import erp
from crm_accounts.domain.warranty import count_by_state


@pytest.mark.parametrize(("text", "expected"), [("32065.01", "32065.01"), ("1,000,000.00", "1000000.00"),
                                           ("-120", "-120.00"), (" 7.5 ", "7.50"), ("999,999", "999999.00")])
def test_amounts_read_plain_and_thousands_separated_decimals(text, expected):
    assert str(erp.amount(text, "total_amount")) == expected


@pytest.mark.parametrize("text", ["abc", "", "2,5", "1,00,000", "12.345", "NaN", "Infinity", "1e20", "1,000.00.1"])
def test_amounts_refuse_what_is_not_an_amount(text):
    with pytest.raises(InvalidInput) as refused:
        erp.amount(text, "credit_limit")
    assert refused.value.problems[0].field == "credit_limit"


def test_a_sales_order_keeps_a_formula_looking_po_number_as_text_and_defaults_the_currency():
    order = erp.clean_sales_order({
        "sales_order_number": " SO-1 ", "po_number": "=HYPERLINK(\"http://evil\",\"PO\")",
        "customer_accounting_id": "C1", "salesperson": "François Brown", "territory": "ma",
        "order_date": "2024-07-24", "ship_date": "", "total_amount": "55,412.98", "currency": ""})
    assert (order.sales_order_number, order.po_number, order.territory, order.ship_date, order.currency) == (
        "SO-1", "=HYPERLINK(\"http://evil\",\"PO\")", "MA", None, "USD")
    assert order.total_amount == Decimal("55412.98")


@pytest.mark.parametrize(("today", "start"), [(date(2026, 11, 21), date(2024, 11, 21)),
                                         (date(2028, 2, 29), date(2026, 2, 28))])
def test_acc_3_history_starts_the_same_day_two_years_back(today, start):
    assert erp.history_start(today) == start


def test_acc_5_kiosks_are_counted_per_warranty_state():
    today = date(2026, 11, 21)
    counts = count_by_state({None: 2, date(2026, 1, 1): 3, date(2026, 12, 1): 4, date(2030, 1, 1): 5}, today)
    assert counts == {"in_warranty": 5, "expiring": 4, "expired": 3, "unknown": 2}
