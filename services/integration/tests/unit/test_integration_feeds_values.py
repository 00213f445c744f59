"""Cell values: amounts, dates, emails, phones and names (INT-1, MIG-1, LEAD-2); company keys: crmkit.fields."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from crm_integration.domain.feeds import (
    Phone,
    parse_amount,
    parse_date,
    parse_datetime,
    parse_email,
    parse_email_list,
    parse_phone,
    split_full_name,
)
from crm_integration.domain.feeds.cells import RowCells
from crm_integration.domain.feeds.names import HONORIFICS
from crm_integration.domain.feeds.values import parse_country, parse_currency, parse_extension, parse_flag


@pytest.mark.parametrize(("text", "amount"), [
    ("1,000,000.00", "1000000.00"), ("32065.01", "32065.01"), ("0", "0.00"), ("12.5", "12.50"),
    ("-15.50", "-15.50"), ("+3", "3.00"), ("$40", "40.00"), ("(1,200.00)", "-1200.00"), (".5", "0.50"),
    ("12.340", "12.34"), ("-0.00", "0.00"), (" 7 ", "7.00"),
])
def test_amounts_are_quantised_to_cents(text, amount):
    """INT-1: thousands separators in amounts."""
    assert str(parse_amount(text)) == amount


@pytest.mark.parametrize("text", ["abc", "", "1,00", "1,0000.00", "12.345", "1.5e3", "1_000", "NaN", "Infinity",
                                  "1 000", "1.000,00", "--1", "(-1)", "1e13", "10000000000000.00", "$", "1,000,"])
def test_non_amounts_are_refused(text):
    """INT-1: "non-numeric amount" fails its row."""
    with pytest.raises(ValueError):
        parse_amount(text)


@given(st.decimals(min_value=Decimal("-9999999999999.99"), max_value=Decimal("9999999999999.99"), places=2))
def test_an_amount_written_with_separators_reads_back(value):
    assert parse_amount(f"{value:,.2f}") == value


def test_dates_are_strict_iso_calendar_dates():
    """INT-3: an impossible date (2025-02-30) is a problem, not a guess."""
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    for text in ("2025-02-30", "2026-13-01", "2023-02-29", "11/21/2026", "20261121", "2026-W47-6", "2026-1-5",
                 "２０２６-11-21", "2026-11-21T00:00"):
        with pytest.raises(ValueError):
            parse_date(text)


def test_date_times_as_the_legacy_system_writes_them():
    """MIG-2: "2018-11-17 04:52"."""
    assert parse_datetime("2018-11-17 04:52") == datetime(2018, 11, 17, 4, 52)
    assert parse_datetime("2018-11-17T04:52:09") == datetime(2018, 11, 17, 4, 52, 9)
    assert parse_datetime("2018-11-17") == datetime(2018, 11, 17)
    for text in ("2018-11-17 24:00", "2018-11-17 4:52", "17/11/2018 04:52", "2018-11-17 04:52 PM"):
        with pytest.raises(ValueError):
            parse_datetime(text)


def test_emails_are_checked_and_their_domain_lower_cased():
    assert parse_email(" Ann.Lee@Example.COM ") == "Ann.Lee@example.com"
    for text in ("name@", "@example.com", "a@b", "a b@example.com", "a@@example.com", "a@example..com"):
        with pytest.raises(ValueError, match="not a valid email address"):
            parse_email(text)


def test_an_email_list_keeps_valid_addresses_in_order_and_names_broken_ones():
    """MIG-1: `Emails` is a '; '-list; ~5% of addresses are broken."""
    assert parse_email_list("a@x.example; hiroshi@; A@X.example,b@y.example") == (
        ("a@x.example", "b@y.example"), ("hiroshi@",))
    assert parse_email_list("") == ((), ())


@pytest.mark.parametrize(("text", "phone"), [
    ("(404) 644-0270", Phone("(404) 644-0270")),
    ("+1 713 736 6815", Phone("+1 713 736 6815")),
    ("212.772.5963", Phone("212.772.5963")),
    ("404-644-0270 x12", Phone("404-644-0270", "12")),
    ("404-644-0270, ext. 204", Phone("404-644-0270", "204")),
    ("  617  425 8879 ", Phone("617 425 8879")),
])
def test_phones_keep_their_writing_and_split_off_an_extension(text, phone):
    assert parse_phone(text) == phone


@pytest.mark.parametrize("text", ["call me", "n/a", "12345", "1234567890123456", "555-CALL-NOW"])
def test_non_phones_are_refused(text):
    with pytest.raises(ValueError, match="not a phone number"):
        parse_phone(text)


def test_small_enumerations():
    assert parse_extension("x204") == "204" and parse_flag("n") is False and parse_flag("Yes") is True
    assert parse_currency("") == "USD" and parse_currency("cad") == "CAD"
    assert parse_country("usa") == "US" and parse_country("Canada") == "CA" and parse_country("de") == "DE"
    for parse, text in ((parse_extension, "twelve"), (parse_flag, "maybe"), (parse_currency, "US$"),
                        (parse_country, "Deutschland")):
        with pytest.raises(ValueError):
            parse(text)


@pytest.mark.parametrize(("full", "first", "last"), [
    ("Mary Anne O'Neil", "Mary Anne", "O'Neil"),
    ("José García-López", "José", "García-López"),
    ("Cher", "Cher", ""),
    ("  Zoë   Jones ", "Zoë", "Jones"),
    ("O'Neil, Mary Anne", "Mary Anne", "O'Neil"),
    ("Smith, John, Jr.", "John", "Smith Jr."),
    ("John Smith, Jr.", "John", "Smith Jr."),
    ("Martin Luther King Jr.", "Martin Luther", "King Jr."),
    ("Dr. Ann Lee", "Ann", "Lee"),
    ("Mr Bean", "", "Bean"),
    ("Dr", "Dr", ""),
    ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
    ("Juan de la Cruz", "Juan", "de la Cruz"),
    ("Van Morrison", "Van", "Morrison"),
    ("", "", ""),
])
def test_full_names_split_into_first_and_last(full, first, last):
    """LEAD-2, MIG-1: one full-name column."""
    assert split_full_name(full) == (first, last)


@given(st.lists(st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=8), min_size=1,
                max_size=4))
def test_splitting_loses_no_word_of_a_plain_name(words):
    assume(words[0].lower() not in HONORIFICS)  # "Mr" and "Dr" in front are dropped on purpose
    first, last = split_full_name(" ".join(words))
    assert " ".join(f"{first} {last}".split()) == " ".join(words)


def test_row_cells_collect_every_problem_and_trim_values():
    cells = RowCells.of({"a": "  x  y ", "b": "", "c": "2025-02-30", "d": "x\x00"})

    assert cells.text("a") == "x y" and cells.text("a", verbatim=True) == "x  y"
    assert cells.text("b", required=True) == "" and cells.value("c", parse_date) is None
    assert cells.text("d") == "x\x00" and cells.text("missing") == ""
    assert [p.field for p in cells.problems] == ["b", "c", "d"]
