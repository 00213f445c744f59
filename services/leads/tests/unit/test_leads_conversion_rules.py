"""LEAD-5, LEAD-6 as domain rules: who converts, which leads convert, what accounts is asked to create,
and the deterministic ids that make retries and concurrent conversions create nothing twice."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from crmkit.errors import Forbidden, InvalidInput
from crmkit.principal import Principal

from crm_leads.domain import policy
from crm_leads.domain.conversion import NewAccount, NewContact, conversion_ids, plan_conversion
from crm_leads.domain.events import LeadConverted, LeadStatusChanged, LeadUpdated
from crm_leads.domain.model import Lead

NOW = datetime(2026, 11, 23, tzinfo=UTC)
LEAD_ID = "00000000-0000-0000-0000-000000000001"
EXISTING = "7d0c6b4e-1f2a-4b3c-9d8e-0a1b2c3d4e5f"


def lead(status: str = "Qualified", **fields) -> Lead:
    values = dict(first_name="Jane", last_name="Doe", company="Acme", email="jane@example.com", phone="555-0100",
                  state="MA", country="US", role="IT", title="CTO", linkedin_url="https://linkedin.com/in/jane")
    values.update(fields)
    return Lead(id=LEAD_ID, created_at=NOW, updated_at=NOW, source="referral", status=status,
                unqualified_reason="competitor" if status == "Unqualified" else "", **values)


@pytest.mark.parametrize("role", ["sdr", "vp_sales", "admin"])
def test_lead_6_sdrs_vp_sales_and_admins_convert(role):
    policy.ensure_can_convert(Principal(user_id="u1", role=role))


@pytest.mark.parametrize("role", ["ae", "csr", "marketing", "vp_marketing", "rsm", "anonymous"])
def test_lead_6_other_roles_may_not_convert(role):
    with pytest.raises(Forbidden):
        policy.ensure_can_convert(Principal(user_id="u1", role=role))


def test_the_ids_of_a_conversion_are_the_same_on_every_attempt_and_differ_between_leads():
    account_id, contact_id = conversion_ids(LEAD_ID)
    assert conversion_ids(LEAD_ID) == (account_id, contact_id)
    assert account_id != contact_id and uuid.UUID(account_id).version == 5
    assert not {account_id, contact_id} & set(conversion_ids(str(uuid.uuid4())))


def test_lead_6_a_qualified_lead_becomes_a_prospect_company_and_a_contact():
    plan = plan_conversion(lead(), existing_account_id="", account_name="")
    assert (plan.account_id, plan.contact_id) == conversion_ids(LEAD_ID)
    assert not plan.existing_account
    assert plan.account == NewAccount(name="Acme", state="MA", country="US", phone="555-0100")
    assert plan.contact == NewContact(first_name="Jane", last_name="Doe", email="jane@example.com",
                                      phone="555-0100", role="IT", title="CTO",
                                      linkedin_url="https://linkedin.com/in/jane")
    renamed = plan_conversion(lead(), existing_account_id="", account_name="Acme Holdings")
    assert renamed.account is not None and renamed.account.name == "Acme Holdings"


def test_lead_6_a_phone_written_nationally_outside_the_default_region_reaches_the_contact_as_e164():
    plan = plan_conversion(lead(phone="020 7946 0958 x12", country="GB"), existing_account_id="", account_name="")
    assert plan.account is not None and plan.account.phone == "020 7946 0958 x12"  # the account has GB's country
    assert plan.contact.phone == "+442079460958 x12"


def test_lead_6_a_lead_whose_stored_phone_is_no_number_names_its_phone():
    with pytest.raises(InvalidInput) as refused:
        plan_conversion(lead(phone="555"), existing_account_id="", account_name="")
    assert [p.field for p in refused.value.problems] == ["phone"]


def test_lead_5_the_person_joins_an_existing_account():
    plan = plan_conversion(lead(company=""), existing_account_id=EXISTING, account_name="")
    assert (plan.account_id, plan.account, plan.existing_account) == (EXISTING, None, True)
    assert plan.contact_id == conversion_ids(LEAD_ID)[1]


@pytest.mark.parametrize("status", ["New", "Working", "Unqualified", "Customer"])
def test_lead_6_only_a_qualified_lead_converts_and_the_refusal_names_status(status):
    with pytest.raises(InvalidInput) as refused:
        plan_conversion(lead(status), existing_account_id="", account_name="")
    assert [p.field for p in refused.value.problems] == ["status"]


@pytest.mark.parametrize(("fields", "existing", "name", "at_fault"), [
    ({"first_name": "", "last_name": ""}, "", "", ["last_name"]),
    ({"company": ""}, "", "", ["account_name"]),
    ({}, EXISTING, "Acme", ["account_name"]),
])
def test_what_prevents_a_conversion_is_named(fields, existing, name, at_fault):
    with pytest.raises(InvalidInput) as refused:
        plan_conversion(lead(**fields), existing_account_id=existing, account_name=name)
    assert [p.field for p in refused.value.problems] == at_fault


def test_lead_6_converting_links_the_lead_and_records_the_events():
    converted = lead()
    converted.convert(account_id="a1", contact_id="c1", account_owner_id="ae-1", account_name="Acme",
                      existing_account=False, converted_by="sdr-1", now=NOW)
    assert (converted.status, converted.converted_account_id, converted.converted_contact_id,
            converted.converted_account_owner_id, converted.converted_at, converted.version) == (
        "Customer", "a1", "c1", "ae-1", NOW, 2)
    assert converted.is_converted
    assert converted.events[:2] == [
        LeadStatusChanged(LEAD_ID, "Qualified", "Customer", ""),
        LeadConverted(LEAD_ID, "a1", "c1", "ae-1", "Acme", "Jane Doe", "sdr-1", False)]
    update = converted.events[2]
    assert isinstance(update, LeadUpdated) and "converted_account_id" in update.changed_fields
    with pytest.raises(InvalidInput):
        converted.convert(account_id="a2", contact_id="c2", account_owner_id="", account_name="", existing_account=True,
                          converted_by="sdr-1", now=NOW)
    with pytest.raises(InvalidInput):  # and no update makes it anything else
        converted.change_status("Working", None, now=NOW)
