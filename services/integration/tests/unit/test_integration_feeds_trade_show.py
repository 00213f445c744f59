"""Trade-show badge scans imported in bulk as leads (LEAD-2): one full-name column, about one scan
in ten without an email address."""
from __future__ import annotations

import pytest
from integration_feeds_testkit import by_number, problem_fields, read_fixture, warning_fields

from crm_integration.domain.feeds import FeedRejected, RowProblem, TradeShowLeadRecord, read_feed


@pytest.fixture(scope="module")
def leads():
    return by_number(read_fixture("trade-show-leads", "trade_show_badge_scans.csv"))


def test_a_scan_becomes_a_lead_record(leads):
    """LEAD-2."""
    assert leads[1].record == TradeShowLeadRecord(
        "Aarav", "Rodriguez", "Aarav Rodriguez", "aarav.rodriguez@silver.example", "Silver Markets", "Ops Director",
        "713-305-9531", "", "", "send pricing")


@pytest.mark.parametrize(("number", "first", "last"), [
    (2, "Mary Anne", "O'Neil"),
    (3, "José", "García-López"),
    (4, "Cher", ""),
    (5, "Ludwig", "van Beethoven Jr."),
    (6, "Mary Anne", "O'Neil"),
    (10, "Søren", "O'Brien"),
])
def test_the_full_name_is_split_sensibly(leads, number, first, last):
    """LEAD-2: several first names, hyphenated and accented surnames, single names, particles,
    honorifics, suffixes and "Last, First"."""
    assert (leads[number].record.first_name, leads[number].record.last_name) == (first, last)


def test_a_scan_without_email_is_a_lead_when_it_has_a_name_or_phone(leads):
    """LEAD-2: ~10% of scans have no email."""
    assert leads[3].outcome is None and leads[3].record.email == ""
    assert leads[3].record.notes == "visit booth 2027, bring demo"
    assert leads[4].record.phone == ""


def test_a_broken_email_is_dropped_with_a_warning_when_the_rest_identifies_the_person(leads):
    assert leads[7].record.email == "" and leads[7].record.phone == "+1 617 918 2252"
    assert warning_fields(leads[7]) == ["Email"]


def test_a_scan_with_no_usable_name_email_or_phone_fails_naming_each(leads):
    assert problem_fields(leads[8]) == ["Name", "Email", "Phone", "row"]
    assert leads[9].problems == (
        RowProblem("row", "nothing identifies or reaches the person: no usable name, email address or phone"),)


def test_values_are_canonical(leads):
    assert leads[6].record.email == "MARY.ONEIL@lakeside.example"  # the domain lower-cased
    assert leads[5].record.notes == "multi\nline note"
    assert leads[10].record.phone == "415.329.0294 x7"


def test_a_repeated_scan_passes_through_for_the_leads_service_to_merge(leads):
    """LEAD-8: de-duplication by email is the leads service's; the blank line is no row."""
    assert leads[11].record == leads[1].record and leads[11].line == 14


def test_the_company_key_finds_an_existing_account(leads):
    """LEAD-5: row 4 of the real file works at an existing customer."""
    assert leads[4].record.company_key == "harbor stores"


def test_optional_columns_are_read_when_a_scanner_writes_them():
    data = ("name,email,phone,state,country,company\n"
            "Zoë Tremblay,zoe@cafe.example,,qc,Canada,Café du Nord\n"
            "Ann Lee,,404-555-0101,TX,Texas,\n").encode()
    rows = list(read_feed("trade-show-leads", [data]))

    assert (rows[0].record.state, rows[0].record.country, rows[0].record.company) == ("QC", "CA", "Café du Nord")
    assert problem_fields(rows[1]) == ["Country"]


def test_a_scan_file_without_a_phone_column_is_refused():
    with pytest.raises(FeedRejected) as caught:
        read_feed("trade-show-leads", [b"Name,Company,Email\nAnn,Acme,ann@acme.example\n"])
    assert caught.value.missing == ("Phone",)
