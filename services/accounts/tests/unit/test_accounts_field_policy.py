"""SEC-1, SEC-3..6: the scope of every role and the one field policy (directory views omit fields)."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from crmkit.errors import Forbidden
from crmkit.principal import Principal

from crm_accounts.domain import policy
from crm_accounts.domain.commands import AccountData
from crm_accounts.domain.model import Account
from crm_accounts.domain.policy import Scope
from crm_accounts.entrypoints.mappers import account_to_proto

SALES = ("vp_sales", "rsm", "ae", "se", "key_account_rep", "sdr")
NOW = datetime(2026, 11, 21, tzinfo=UTC)


def who(role: str, user_id: str = "u1") -> Principal:
    return Principal(user_id=user_id, role=role)


@pytest.mark.parametrize(("role", "scope"), [
    ("admin", Scope.ALL), ("vp_sales", Scope.ALL), ("erp", Scope.ALL), ("ae", Scope.TERRITORY),
    ("se", Scope.TERRITORY), ("rsm", Scope.TEAM), ("key_account_rep", Scope.OWN), ("sdr", Scope.DIRECTORY),
    ("marketing", Scope.DIRECTORY), ("vp_marketing", Scope.DIRECTORY), ("csr", Scope.DIRECTORY),
    ("cs_manager", Scope.DIRECTORY), ("web_form", Scope.NONE), ("kiosk_fleet", Scope.NONE),
])
def test_sec_3_to_5_scope_of_every_role(role, scope):
    assert policy.scope(who(role)) is scope


@pytest.mark.parametrize("role", [*SALES, "marketing", "csr", "kiosk_fleet"])
def test_sec_1_customer_accounting_id_is_refused_naming_the_field(role):
    with pytest.raises(Forbidden) as refused:
        policy.ensure_can_set_accounting_id(who(role))
    assert [p.field for p in refused.value.problems] == ["customer_accounting_id"]


@pytest.mark.parametrize("role", ["admin", "erp"])
def test_sec_1_admin_and_erp_write_the_accounting_id(role):
    policy.ensure_can_set_accounting_id(who(role))


@pytest.mark.parametrize("role", SALES)
def test_sec_6_kiosk_fields_are_read_only_for_every_sales_role(role):
    with pytest.raises(Forbidden) as refused:
        policy.ensure_can_write_kiosks(who(role), ("model", "software_version"))
    assert [p.field for p in refused.value.problems] == ["kiosk", "model", "software_version"]


@pytest.mark.parametrize("role", ["csr", "cs_manager", "admin"])
def test_sec_6_support_and_admin_write_kiosks(role):
    policy.ensure_can_write_kiosks(who(role), ("model",))


def test_sec_5_only_the_owner_or_an_admin_shares():
    account = Account.create(account_id="a1", data=AccountData(name="Acme", type="customer", owner_id="u1"),
                             territory="NE", now=NOW)
    policy.ensure_can_share(who("ae", "u1"), account)
    policy.ensure_can_share(who("admin", "someone"), account)
    with pytest.raises(Forbidden):
        policy.ensure_can_share(who("ae", "u2"), account)
    with pytest.raises(Forbidden):
        policy.ensure_can_share(who("vp_sales", "u2"), account)


def test_a_directory_view_sets_the_directory_fields_and_leaves_the_rest_absent():
    data = AccountData(name="Acme", type="customer", subtype="office", parent_id="p1", owner_id="u1",
                       customer_accounting_id="C10001", street="1 Main St", state="MA", phone="555", website="a.com",
                       erp_ship_to_id="S500001")
    account = Account.create(account_id="a1", data=data, territory="NE", now=NOW)
    directory = account_to_proto(account, full=False)
    assert directory.directory_only
    assert (directory.id, directory.name, directory.type, directory.subtype, directory.status, directory.territory,
            directory.owner_id, directory.parent_id) == ("a1", "Acme", "customer", "office", "active", "NE", "u1", "p1")
    for name in ("customer_accounting_id", "number_of_locations", "key_account", "street", "city", "state",
                 "postal_code", "country", "phone", "website", "version", "created_at", "updated_at", "erp_ship_to_id"):
        assert not directory.HasField(name), name
    full = account_to_proto(account)
    assert not full.directory_only
    assert full.customer_accounting_id == "C10001" and full.HasField("city") and full.city == ""
    assert full.number_of_locations == 0 and full.version == 1 and full.erp_ship_to_id == "S500001"
