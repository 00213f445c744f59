"""The legacy contact manager's exports (MIG-1, MIG-2): Windows-1252 and CRLF, contacts with
several addresses (some broken), email history with multi-line bodies, notes; history before
2012-01-01 is skipped, not failed."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from integration_feeds_testkit import by_number, problem_fields, read_fixture, warning_fields

from crm_integration.domain.feeds import ActivityRecord, Phone, RowProblem, read_feed


@pytest.fixture(scope="module")
def contacts():
    return by_number(read_fixture("legacy-contacts", "legacy_contacts.csv"))


@pytest.fixture(scope="module")
def emails():
    return by_number(read_fixture("legacy-email-history", "legacy_email_history.csv"))


@pytest.fixture(scope="module")
def notes():
    return by_number(read_fixture("legacy-notes", "legacy_notes.csv"))


def test_a_contact_carries_every_column_of_the_export(contacts):
    """MIG-1: record ID, company, name, title, role, phone + extension, mobile, email addresses,
    street, city, state, zip, status, annual revenue, last result."""
    record = contacts[1].record

    assert (record.legacy_id, record.company, record.first_name, record.last_name) == (
        "R1001", "Harbor Stores LLC", "David", "Lee")
    assert (record.title, record.role) == ("Procurement Lead", "IT")
    assert record.phones == (Phone("(404) 644-0270", "12", "work"), Phone("(617) 425-8879", "", "mobile"))
    assert record.emails == ("david.lee@harborstores.example", "david.lee@gmail.example")  # domain lower-cased
    assert (record.street, record.city, record.state, record.postal_code, record.country) == (
        "96 Main St", "Fargo", "ND", "30932", "US")
    assert (record.status, record.annual_revenue, record.last_result) == ("active", Decimal("1000000.00"), "")


def test_windows_1252_accents_and_en_dash_survive(contacts):
    """MIG-1: accented names and an en dash, written in Windows-1252."""
    assert (contacts[2].record.first_name, contacts[2].record.title) == ("Chloé", "VP – Operations")
    assert contacts[5].record.full_name == "Søren Müller"
    assert contacts[6].record.last_result == 'Called – said "call back"'


def test_lower_case_states_are_upper_cased_and_zips_keep_leading_zeros(contacts):
    """MIG-1: "some states are lower case"."""
    assert (contacts[2].record.state, contacts[2].record.postal_code) == ("ND", "06986")
    assert (contacts[6].record.state, contacts[6].record.postal_code, contacts[6].record.country) == (
        "QC", "H3B 2Y5", "CA")


def test_a_last_first_name_and_a_quoted_street_with_a_comma(contacts):
    assert (contacts[6].record.first_name, contacts[6].record.last_name) == ("Mary Anne", "O'Neil")
    assert contacts[6].record.street == "598 Main St, Suite 4"


def test_a_contact_whose_only_address_is_broken_is_kept_with_a_warning(contacts):
    """MIG-1: ~5% of emails are broken ('name@'); the domain is lost, so nobody could repair the
    row: the contact migrates without the address and the admin is told."""
    row = contacts[3]

    assert row.outcome is None and row.record.emails == ()
    assert row.warnings == (RowProblem("Emails", "dropped: not a valid email address: 'hiroshi@'"),)
    assert row.record.phones[0].extension == "204"


def test_a_broken_address_beside_a_good_one_is_dropped_and_the_good_one_is_primary(contacts):
    row = contacts[4]

    assert row.record.emails == ("lukasz.wilson@gmail.example",)
    assert warning_fields(row) == ["ContactName", "Emails"]  # '?ukasz': a character the legacy system lost


def test_a_contact_without_any_email_migrates(contacts):
    """MIG-1: row 21 has no email."""
    assert contacts[5].outcome is None and contacts[5].record.emails == ()
    assert contacts[5].record.annual_revenue == Decimal("5000000.00")  # "5,000,000"


def test_a_contact_with_nothing_that_identifies_the_person_fails_naming_why(contacts):
    assert contacts[7].problems == (
        RowProblem("Emails", "not a valid email address: 'broken@'"),
        RowProblem("row", "nothing identifies the person: no usable name, email address or phone"),
    )
    assert problem_fields(contacts[8]) == ["ContactName", "row"]  # "???" is no name


def test_every_bad_field_of_a_contact_is_named_and_bad_phones_are_only_dropped(contacts):
    row = contacts[9]

    assert problem_fields(row) == ["Status", "AnnualRevenue"]
    assert warning_fields(row) == ["Phone", "Ext"]
    assert contacts[10].problems == (RowProblem("RecordID", "is required"),)


def test_a_repeated_contact_passes_through_after_a_blank_line(contacts):
    """MIG-1: "the last row repeats row 11"; blank lines are not rows."""
    assert contacts[11].record == contacts[1].record
    assert (contacts[9].line, contacts[11].line) == (11, 13)


def test_the_company_key_matches_the_erp_spelling(contacts):
    """MIG-1: "HARBOR STORES LLC INC." is the ERP's "Harbor Stores LLC"."""
    assert contacts[2].record.company_key == contacts[1].record.company_key == "harbor stores"


def test_an_email_with_a_multi_line_quoted_body_is_one_row(emails):
    """MIG-2: bodies span lines (quoted), with commas; row numbers count rows, not lines."""
    assert emails[1].record == ActivityRecord(
        "email", "R1001", datetime(2018, 11, 17, 4, 52), "Follow-up",
        "Hi,\nThanks for your time today.\n\n> quoted text, with a comma\nBest", "outbound",
        "sales@abbott-ltd.demo", "david.lee@harborstores.example", fingerprint=emails[1].record.fingerprint)
    assert (emails[2].line, emails[3].line) == (7, 9)


def test_history_before_2012_is_skipped_with_a_reason_and_2012_01_01_is_kept(emails):
    """MIG-2: 2011-12-31 23:59 is skipped, 2012-01-01 00:00 migrates."""
    assert emails[2].outcome == "skipped" and "2012-01-01" in emails[2].skipped and "MIG-2" in emails[2].skipped
    assert emails[3].record.occurred_at == datetime(2012, 1, 1)
    assert emails[3].record.subject == "Re: Quote #768, revised"


def test_an_old_row_is_skipped_even_when_other_cells_are_bad(emails):
    """MIG-2: it would never migrate, so there is nothing to fix: skipped, not failed."""
    assert emails[4].outcome == "skipped" and emails[4].problems == ()


def test_a_broken_history_address_is_kept_as_written_with_a_warning(emails):
    assert emails[5].record.from_address == "chloe@" and warning_fields(emails[5]) == ["From"]
    assert (emails[5].record.subject, emails[5].record.body) == ("Café – menu", "Merci – à bientôt")


def test_bad_history_rows_fail_naming_every_field(emails):
    assert emails[6].problems == (RowProblem("SentAt", "not a real date and time: '2016-02-30 09:00'"),)
    assert problem_fields(emails[7]) == ["RecordID", "Direction"]
    assert problem_fields(emails[11]) == ["SentAt"]  # 21/08/2021 is not ISO


def test_history_values_are_canonical(emails):
    # "SALES@Abbott-Ltd.DEMO": the domain is lower-cased, and so is sales@, a role mailbox (RFC 2142)
    assert emails[8].record.direction == "outbound" and emails[8].record.from_address == "sales@abbott-ltd.demo"
    assert emails[8].record.body == "Line one\nLine two"  # a CRLF inside a body becomes \n
    assert emails[9].record.occurred_at == datetime(2019, 9, 30)
    assert emails[10].record.occurred_at == datetime(2021, 8, 6, 4, 24, 59)


def test_a_repeated_email_has_the_same_fingerprint(emails):
    assert emails[12].record == emails[1].record
    assert emails[1].record.fingerprint != emails[3].record.fingerprint


def test_notes_read_windows_1252_and_multi_line_text(notes):
    """MIG-2: notes, en dash and accents in Windows-1252."""
    assert notes[1].record.body == "Budget approved for Q3 – café locations first."
    record = notes[1].record
    assert (record.kind, record.author, record.contact_legacy_id) == ("note", "sdr2", "R1001")
    assert notes[4].record.body == "Wants a demo at HQ.\nBring the KX-300 brochure."
    assert notes[8].record.author == ""


def test_old_notes_and_empty_notes_are_skipped_bad_dates_fail(notes):
    """MIG-2: rows before 2012-01-01 are skipped; an empty note has nothing to migrate."""
    assert [notes[n].outcome for n in range(1, 10)] == [None, "skipped", None, None, "skipped", "skipped", "failed",
                                                       None, None]
    assert notes[6].skipped == "the note is empty: there is nothing to migrate"
    assert problem_fields(notes[7]) == ["CreatedAt"]
    assert notes[9].record == notes[1].record


def test_a_utf8_legacy_export_reads_as_well():
    """The reader does not assume Windows-1252 for legacy kinds: the bytes decide."""
    data = "RecordID,CreatedAt,Author,Note\r\nR1,2020-01-01 10:00,sdr1,Zoë – ok\r\n".encode()

    [row] = read_feed("legacy-notes", [data])

    assert row.record.body == "Zoë – ok"
