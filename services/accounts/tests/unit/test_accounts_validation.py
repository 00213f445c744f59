"""Cleaning of account, contact and kiosk data: canonical values, every problem named (CON-1, ACC-5)."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from crmkit.errors import InvalidInput

from crm_accounts.domain.commands import AccountData, ContactData, EmailInput, KioskData, PhoneInput
from crm_accounts.domain.model import Contact
from crm_accounts.domain.validation import clean_account_data, clean_contact_data, clean_kiosk_data


def test_account_values_are_canonical():
    data = clean_account_data(AccountData(name="  Acme ", type="Customer", subtype="Kiosk Location", state="ma",
                                          website="acme.example.com", parent_id=""))
    assert (data.name, data.type, data.subtype, data.state, data.parent_id) == (
        "Acme", "customer", "kiosk_location", "MA", "")
    assert clean_account_data(AccountData(subtype="company")).subtype == ""


def test_every_bad_account_field_is_named():
    with pytest.raises(InvalidInput) as refused:
        clean_account_data(AccountData(type="friend", subtype="warehouse", parent_id="nope", website="not a url",
                                       name="x" * 201))
    assert sorted(p.field for p in refused.value.problems) == ["name", "parent_id", "subtype", "type", "website"]


def test_con_1_emails_primary_first_email2_and_phones():
    data = clean_contact_data(ContactData(
        role="executive management", status="Inactive",
        emails=(EmailInput("a@example.com"), EmailInput("b@example.com", primary=True), EmailInput("A@example.com")),
        phones=(PhoneInput("555-0100", "Mobile"), PhoneInput("555-0101", "", "12"))))
    assert [(e.address, e.primary) for e in data.emails] == [("b@example.com", True), ("a@example.com", False)]
    assert data.phones == (PhoneInput("555-0100", "mobile", ""), PhoneInput("555-0101", "work", "12"))
    assert (data.role, data.status) == ("Executive Management", "inactive")
    now = datetime.now(UTC)
    assert Contact.create(account_id="a1", data=data, now=now).email2 == "a@example.com"
    assert Contact.create(account_id="a1", data=ContactData(last_name="Solo"), now=now).email2 == ""


def test_con_1_phones_are_numbers_with_their_extension_apart_and_emails_in_normal_form():
    data = clean_contact_data(ContactData(
        emails=(EmailInput(" Ann.Lee@Example.COM ", True),),
        phones=(PhoneInput("(404) 644-0270 x204", "work"), PhoneInput("+44 20 7946 0958", "mobile"),
                PhoneInput("617-555-0100", "work", "ext. 12"))))
    assert [e.address for e in data.emails] == ["Ann.Lee@example.com"]
    assert data.phones == (PhoneInput("(404) 644-0270", "work", "204"), PhoneInput("+44 20 7946 0958", "mobile", ""),
                           PhoneInput("617-555-0100", "work", "12"))
    for phone in (PhoneInput("555", "work"), PhoneInput("617-555-0100 x1", "work", "2"),
                  PhoneInput("617-555-0100", "work", "twelve")):
        with pytest.raises(InvalidInput) as refused:
            clean_contact_data(ContactData(phones=(phone,)))
        assert [p.field for p in refused.value.problems] == ["phones"]


def test_an_account_phone_is_kept_as_typed_and_read_in_the_country_given_with_it():
    assert clean_account_data(AccountData(phone=" 617-555-0100 x12 ")).phone == "617-555-0100 x12"
    assert clean_account_data(AccountData(phone="020 7946 0958", country="gb")).phone == "020 7946 0958"
    with pytest.raises(InvalidInput) as refused:
        clean_account_data(AccountData(phone="020 7946 0958"))
    assert [p.field for p in refused.value.problems] == ["phone"]


def test_contact_problems_are_named():
    with pytest.raises(InvalidInput) as refused:
        clean_contact_data(ContactData(role="Sales", emails=(EmailInput("x@", True),),
                                       phones=(PhoneInput("1", "pager"),), linkedin_url="ftp://x"))
    assert sorted(p.field for p in refused.value.problems) == ["emails", "linkedin_url", "phones", "role"]
    with pytest.raises(InvalidInput) as refused:
        clean_contact_data(ContactData(emails=(EmailInput("a@example.com", True), EmailInput("b@example.com", True))))
    assert [(p.field, p.message) for p in refused.value.problems] == [("emails", "only one email can be the primary")]


def test_kiosk_dates_and_ids():
    data = clean_kiosk_data(KioskData(serial_number=" SN-1 ", install_date="2024-02-29", warranty_end_date=""))
    assert (data.serial_number, data.install_date, data.warranty_end_date) == ("SN-1", "2024-02-29", "")
    with pytest.raises(InvalidInput) as refused:
        clean_kiosk_data(KioskData(serial_number="", install_date="2025-02-30", location_account_id="x"))
    assert sorted(p.field for p in refused.value.problems) == ["install_date", "location_account_id", "serial_number"]
