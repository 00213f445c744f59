"""The ERP exports (INT-1, INT-2, INT-3; ACC-2..5): customers, ship-to locations, kiosks, sales
orders and finance figures, read from fixtures that reproduce the real files' quirks."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from integration_feeds_testkit import by_number, problem_fields, read_fixture, warning_fields

from crm_integration.domain.feeds import (
    CustomerRecord,
    FinanceRecord,
    KioskRecord,
    LocationRecord,
    RowProblem,
    SalesOrderRecord,
    read_feed,
)


@pytest.fixture(scope="module")
def customers():
    return by_number(read_fixture("erp-customers", "erp_customers.csv"))


@pytest.fixture(scope="module")
def locations():
    return by_number(read_fixture("erp-locations", "erp_ship_to_locations.csv"))


@pytest.fixture(scope="module")
def kiosks():
    return by_number(read_fixture("erp-kiosks", "erp_kiosks.csv"))


@pytest.fixture(scope="module")
def orders():
    return by_number(read_fixture("erp-sales-orders", "erp_sales_orders.csv"))


@pytest.fixture(scope="module")
def finance():
    return by_number(read_fixture("erp-finance", "erp_customer_financials.csv"))


def test_customers_become_typed_records_with_a_quoted_comma_kept_in_the_name(customers):
    """ACC-2: customers.csv row 18's name holds a comma (quoted)."""
    assert customers[1].record == CustomerRecord("C10001", "Harbor Stores LLC", "government", "ND", True)
    assert customers[3].record.name == "Northern Electronics Holdings, Inc."
    assert customers[3].record.hq_state == "ND" and customers[3].record.segment == "commercial"
    assert customers[4].record == CustomerRecord("C10004", "Évergreen Café Co", "commercial", "QC", False)
    assert customers[10].record.name == "Blue Cinemas" and customers[10].record.hq_state == "TX"


def test_a_customer_without_id_name_or_a_readable_active_flag_fails_naming_the_field(customers):
    assert customers[5].problems == (RowProblem("name", "is required"),)
    assert customers[6].problems == (RowProblem("active", "not Y or N: 'maybe'"),)
    assert problem_fields(customers[7]) == ["customer_accounting_id"]
    assert customers[8].record.active is True  # "yes"


def test_a_formula_looking_name_is_kept_as_text(customers):
    assert customers[11].record.name == '=HYPERLINK("http://evil.example","x")'


def test_the_company_key_matches_legacy_spellings(customers):
    """MIG-1: legacy company names differ from the ERP's by case and ' INC.'."""
    assert customers[1].record.company_key == "harbor stores"
    assert customers[3].record.company_key == "northern electronics holdings"


def test_locations_carry_their_subtype_from_the_file(locations):
    """INT-2, ACC-2: OFFICE is an office, KIOSK a kiosk location; Québec/Montréal are UTF-8."""
    assert locations[1].record == LocationRecord(
        "S500001", "C10001", "Harbor Stores LLC - Head Office", "office", "468 Summit St", "Fargo", "ND", "80912",
        "US", "212.772.5963", True)
    assert locations[2].record.subtype == "kiosk_location"
    assert locations[3].record.city == "Montréal" and locations[3].record.postal_code == "H2X 1Y4"
    assert locations[4].record.name == "Harbor Stores Holdings - Québec #2"
    assert locations[4].record.street == "5 Grande Allée, Suite 2"
    assert (locations[4].record.country, locations[4].record.phone, locations[4].record.active) == ("CA", "", False)


def test_a_blank_state_is_accepted_with_a_warning_and_postal_codes_keep_leading_zeros(locations):
    """INT-2: ship_to_locations row 41 has a blank state; the location is still real."""
    row = locations[5]

    assert row.outcome is None and row.record.state == "" and row.record.postal_code == "03673"
    assert warning_fields(row) == ["state"]


def test_an_unknown_customer_is_left_to_the_service_and_duplicates_pass_through(locations):
    """INT-2: the reader cannot know C99999 is unknown (the accounts service fails that row);
    a repeated ship_to_id is passed through with its own row number (de-duplication is the
    service's job)."""
    assert locations[7].record.customer_accounting_id == "C99999"
    assert locations[10].record == locations[2].record
    assert [locations[n].line for n in (2, 10)] == [3, 11]


def test_every_bad_field_of_a_location_is_named(locations):
    assert problem_fields(locations[6]) == ["location_type"]
    assert problem_fields(locations[8]) == ["country"]
    assert warning_fields(locations[8]) == ["phone"]  # a phone that is no phone is dropped, not fatal
    assert problem_fields(locations[9]) == ["location_name", "active"]


def test_kiosks_have_real_dates_or_none(kiosks):
    """ACC-5, INT-3."""
    assert kiosks[1].record == KioskRecord("KX-100-791036", "S500002", "KX-100 Countertop", "Ubuntu 22.04 LTS",
                                           "4.7.16", date(2025, 8, 30), date(2028, 8, 30))
    assert kiosks[5].record.install_date is None and kiosks[5].record.warranty_end_date is None
    assert kiosks[6].record.install_date == date(2024, 2, 29)


def test_an_impossible_date_fails_the_kiosk_naming_the_field(kiosks):
    """INT-3: kiosks.csv's last row but one has 2025-02-30 (and an unknown ship-to, the service's)."""
    assert kiosks[11].problems == (RowProblem("install_date", "not a real date: '2025-02-30'"),)
    assert kiosks[11].raw["ship_to_id"] == "S000000"


def test_dates_other_than_iso_are_refused_rather_than_guessed(kiosks):
    assert kiosks[7].problems == (RowProblem("install_date", "not a date written YYYY-MM-DD: '08/30/2025'"),)
    assert problem_fields(kiosks[10]) == ["install_date"]  # 20250830
    assert kiosks[8].problems == (RowProblem("warranty_end_date", "is before the install date"),)
    assert kiosks[9].problems == (RowProblem("serial_number", "is required"),)


def test_a_repeated_serial_keeps_its_own_row_number(kiosks):
    """INT-3: kiosks.csv's last row repeats row 4's serial."""
    assert kiosks[12].record == kiosks[4].record and kiosks[12].row_number == 12


def test_sales_orders_from_a_bom_crlf_file_become_records(orders):
    """ACC-3, INT-1: UTF-8 BOM and CRLF as the ERP writes them."""
    assert orders[1].record == SalesOrderRecord("SO-7001030", "PO48233", "C10018", "Jessica Garcia", "PAC",
                                                date(2024, 7, 24), date(2024, 7, 29), Decimal("32065.01"), "USD")
    assert orders[2].record.salesperson == "François Brown" and orders[2].record.territory == "MA"


def test_amounts_accept_thousands_separators_and_blank_currency_is_usd(orders):
    """INT-1: '1,234,567.89'; a blank currency is USD; currency codes are upper-cased."""
    assert orders[2].record.currency == "USD" and orders[2].record.ship_date is None
    assert (orders[3].record.total_amount, orders[3].record.currency) == (Decimal("104680.00"), "CAD")
    assert orders[4].record.total_amount == Decimal("1234567.89")
    assert orders[9].record.total_amount == Decimal("0.00")
    assert orders[10].record.total_amount == Decimal("-15.50")


def test_a_missing_sales_order_number_fails(orders):
    """INT-1: daily file of 11-21, "no SO number"."""
    assert orders[5].problems == (RowProblem("sales_order_number", "is required"),)


def test_an_impossible_date_and_a_non_numeric_amount_are_both_reported(orders):
    """INT-1: every bad field of the row is named, not just the first."""
    assert orders[6].problems == (
        RowProblem("order_date", "not a real date: '2026-13-01'"),
        RowProblem("total_amount", "not an amount: 'abc' (expected a number such as 1,234.50)"),
    )
    assert orders[6].raw["total_amount"] == "abc"


def test_formula_looking_po_numbers_are_kept_verbatim(orders):
    """INT-1: a PO number that is a spreadsheet formula is stored as text, unchanged."""
    assert orders[8].record.po_number == '=HYPERLINK("http://evil.example","x")'
    assert orders[9].record.po_number == "+1+2" and orders[10].record.po_number == "-2+3"
    assert orders[11].raw["po_number"] == "@SUM(A1:A2)"


def test_bad_amounts_currencies_and_ship_dates_fail_in_column_order(orders):
    assert problem_fields(orders[11]) == ["total_amount", "currency"]  # "1,00" and "US$"
    assert orders[12].problems == (RowProblem("ship_date", "is before the order date"),
                                   RowProblem("total_amount", "more than two decimal places: '12.345'"))


def test_unknown_customers_and_repeated_orders_pass_through_with_right_row_numbers(orders):
    """INT-1: the unknown customer C00000 fails in the accounts service; the repeated order
    is an update or unchanged there. Here both are records, numbered as read."""
    assert orders[7].record.customer_accounting_id == "C00000"
    assert orders[13].record == orders[4].record
    assert [row.line for row in orders.values()] == list(range(2, 15))


def test_finance_figures_read_thousands_separators_and_accounting_negatives(finance):
    """ACC-4, INT-1: row 4's credit limit has thousands separators; the file names no currency."""
    assert finance[1].record == FinanceRecord("C10001", date(2026, 11, 21), Decimal("68247.07"),
                                              Decimal("413983.92"), Decimal("199879.46"), Decimal("500000.00"),
                                              Decimal("85703.56"), "USD")
    assert finance[3].record.credit_limit == Decimal("1000000.00")
    assert finance[4].record.mtd_sales == Decimal("14329.85")
    assert finance[4].record.past_due_amount == Decimal("-1200.00")


def test_every_bad_finance_figure_is_named(finance):
    assert problem_fields(finance[5]) == ["as_of_date", "mtd_sales", "prior_ytd_sales"]
    assert problem_fields(finance[6]) == ["mtd_sales", "ytd_sales", "prior_ytd_sales", "credit_limit",
                                          "past_due_amount"]


def test_a_finance_file_may_name_its_currency():
    data = (b"customer_accounting_id,as_of_date,mtd_sales,ytd_sales,prior_ytd_sales,credit_limit,past_due_amount,"
            b"currency\nC10219,2026-11-21,1,2,3,4,5,cad\nC10220,2026-11-21,1,2,3,4,5,dollars\n")
    rows = list(read_feed("erp-finance", [data]))

    assert rows[0].record.currency == "CAD"
    assert problem_fields(rows[1]) == ["currency"]
