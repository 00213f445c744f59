"""LEAD-5, LEAD-6 in the accounts policy: an SDR creates prospect companies only and adds contacts to
any account they see; a caller-chosen id is a retry only with the same data."""
from __future__ import annotations

import pytest
from crmkit.errors import Conflict, Forbidden
from crmkit.principal import Principal

from crm_accounts.domain import policy
from crm_accounts.domain.commands import AccountData, ContactData, EmailInput
from crm_accounts.domain.idempotency import creation_digest, ensure_retry


def who(role: str) -> Principal:
    return Principal(user_id="u1", role=role)


def test_lead_6_an_sdr_creates_a_prospect_company():
    policy.ensure_can_create_kind(who("sdr"), AccountData(name="Acme", type="prospect", state="MA"))


@pytest.mark.parametrize(("data", "fields"), [
    (AccountData(name="Acme", type="customer"), ["type"]),
    (AccountData(name="Acme #1", type="prospect", subtype="office", parent_id="p1"), ["subtype", "parent_id"]),
    (AccountData(name="Acme", type="vendor", key_account=True), ["type", "key_account"]),
])
def test_lead_6_an_sdr_is_refused_anything_else_naming_the_fields(data, fields):
    with pytest.raises(Forbidden) as refused:
        policy.ensure_can_create_kind(who("sdr"), data)
    assert [p.field for p in refused.value.problems] == fields


@pytest.mark.parametrize("role", ["admin", "vp_sales", "ae", "rsm", "erp"])
def test_other_creators_create_any_kind(role):
    policy.ensure_can_create_kind(who(role), AccountData(name="Acme", type="customer", subtype="office",
                                                         parent_id="p1", key_account=True))


@pytest.mark.parametrize(("role", "anywhere"), [("sdr", True), ("ae", False), ("marketing", False),
                                                ("csr", False), ("admin", False)])
def test_lead_5_only_an_sdr_adds_contacts_to_accounts_seen_in_the_directory(role, anywhere):
    assert policy.adds_contacts_to_any_visible_account(who(role)) is anywhere


def test_the_same_data_is_a_retry_and_other_data_a_conflict():
    data = ContactData(last_name="Doe", emails=(EmailInput("jane@example.com", True),))
    digest = creation_digest({"account_id": "a1", **data.given()})
    assert digest == creation_digest({**data.given(), "account_id": "a1"})
    ensure_retry("contact", "c1", stored=digest, digest=digest)
    other = creation_digest({"account_id": "a2", **data.given()})
    for stored in (other, None):
        with pytest.raises(Conflict) as refused:
            ensure_retry("contact", "c1", stored=stored, digest=digest)
        assert [p.field for p in refused.value.problems] == ["id"]
