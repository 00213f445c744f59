"""LEAD-4 field rules and LEAD-8 identity: cleaning and validating what people type."""
from __future__ import annotations

import pytest
from crmkit.errors import InvalidInput

from crm_leads.domain.commands import LeadData
from crm_leads.domain.validation import clean_lead_data, clean_slug, normalise_email


@pytest.mark.parametrize(("raw", "key"), [
    ("  Jane.Doe@Example.COM ", "jane.doe@example.com"),
    ("jane@example.com", "jane@example.com"),
    ("", None), ("   ", None), (None, None),
])
def test_lead_8_email_normalisation_identifies_a_person(raw, key):
    assert normalise_email(raw) == key


def fields_at_fault(data: LeadData) -> list[str]:
    with pytest.raises(InvalidInput) as refused:
        clean_lead_data(data)
    return [p.field for p in refused.value.problems]


@pytest.mark.parametrize("email", ["not-an-email", "a@", "@example.com", "a b@example.com", "a@@example.com"])
def test_lead_4_bad_email_syntax_is_refused_naming_email(email):
    assert fields_at_fault(LeadData(email=email)) == ["email"]


def test_lead_4_text_is_trimmed_and_stored_as_given():
    cleaned = clean_lead_data(LeadData(first_name="  <script>alert(1)</script> ", company=" 株式会社キオスク ",
                                       email=" Jane@Example.com ", state=" ny ", country="us"))
    assert cleaned.first_name == "<script>alert(1)</script>"
    assert cleaned.company == "株式会社キオスク"
    assert cleaned.email == "Jane@example.com"  # the domain lower-cased, the local part as given
    assert (cleaned.state, cleaned.country) == ("NY", "US")


@pytest.mark.parametrize(("typed", "stored"), [("it", "IT"), ("EXECUTIVE MANAGEMENT", "Executive Management"),
                                          ("executive_management", "Executive Management"), ("marketing", "Marketing")])
def test_lead_4_role_is_case_insensitive_and_stored_canonical(typed, stored):
    assert clean_lead_data(LeadData(role=typed)).role == stored


def test_lead_4_unknown_role_is_refused():
    assert fields_at_fault(LeadData(role="janitor")) == ["role"]


@pytest.mark.parametrize(("phone", "country"), [("+1 617 555 0100", ""), ("(617) 555-0100 x12", "US"),
                                            ("020 7946 0958", "GB"), ("+44 20 7946 0958", "")])
def test_lead_4_a_phone_is_kept_as_typed_when_it_is_a_number_of_the_leads_country(phone, country):
    assert clean_lead_data(LeadData(phone=f" {phone} ", country=country)).phone == phone


@pytest.mark.parametrize("phone", ["555", "call me", "020 7946 0958"])
def test_lead_4_a_phone_that_is_no_number_is_refused_naming_phone(phone):
    assert fields_at_fault(LeadData(phone=phone, country="US")) == ["phone"]


def test_lead_4_linkedin_url_must_be_http():
    assert clean_lead_data(LeadData(linkedin_url="https://www.linkedin.com/in/jane")).linkedin_url
    assert fields_at_fault(LeadData(linkedin_url="javascript:alert(1)")) == ["linkedin_url"]
    assert fields_at_fault(LeadData(linkedin_url="linkedin.com/in/jane")) == ["linkedin_url"]


def test_lead_4_length_limits_and_locations():
    assert len(clean_lead_data(LeadData(message="m" * 20_000)).message) == 20_000
    assert fields_at_fault(LeadData(message="m" * 20_001)) == ["message"]
    assert clean_lead_data(LeadData(last_name="n" * 200)).last_name
    assert fields_at_fault(LeadData(last_name="n" * 201)) == ["last_name"]
    assert clean_lead_data(LeadData(number_of_locations=0)).number_of_locations == 0
    assert fields_at_fault(LeadData(number_of_locations=-1)) == ["number_of_locations"]


def test_lead_4_every_problem_is_reported_at_once():
    assert fields_at_fault(LeadData(email="x", first_name="a\x00b", number_of_locations=-3)) == [
        "first_name", "email", "number_of_locations"]


def test_lead_1_slugs_are_lowercase_letters_digits_and_hyphens():
    assert clean_slug(" how-to-spec-out-a-kiosk ") == "how-to-spec-out-a-kiosk"
    for bad in ("How-To", "a--b", "-a", "a_b", "", "a" * 101):
        with pytest.raises(InvalidInput) as refused:
            clean_slug(bad)
        assert refused.value.problems[0].field == "slug"
