"""The ERP's master data without a database (INT-2, INT-3, ACC-5): cleaning company, location and
kiosk rows, the company-name key MatchDirectory and imports match on, and who may import."""
from __future__ import annotations

from datetime import date

import pytest
from crmkit.errors import Forbidden, InvalidInput
from crmkit.fields import company_key
from crmkit.principal import Principal

from crm_accounts.domain import erp, policy
from crm_accounts.domain.erp_records import clean_company, clean_kiosk, clean_location


@pytest.mark.parametrize(("name", "key"), [
    ("ACME KIOSKS INC.", "acme kiosks"), ("Acme Kiosks", "acme kiosks"), ("acme kiosks, inc", "acme kiosks"),
    ("Acmé Kiosks LLC", "acme kiosks"), ("Acme Kiosks L.L.C.", "acme kiosks"), ("Acme Kiosks Corp.", "acme kiosks"),
    ("Acme Kiosks Corporation", "acme kiosks"), ("Acme Kiosks Company", "acme kiosks"),
    ("Acme Kiosks GmbH", "acme kiosks"), ("Acme Kiosks S.A.", "acme kiosks"), ("Acme Kiosks Ltd", "acme kiosks"),
    ("Acme Kiosks Co", "acme kiosks"),
    # the integration service's own examples (normalised_company_name), which must give the same keys
    ("PIONEER STORES INC INC.", "pioneer stores"), ("Pioneer Stores Inc", "pioneer stores"), ("Foo Co Inc.", "foo"),
    ("Company", "company"), ("O'Neil & Sons", "oneil and sons"), ("Québec Épiceries", "quebec epiceries"),
    ("  Harbor   Stores-Holdings ", "harbor stores holdings"), ("Inc. Acme", "inc acme"), ("", ""), ("?!", ""),
])
def test_company_key_ignores_case_accents_punctuation_and_legal_suffixes(name, key):
    assert company_key(name) == key


def test_company_key_is_stable_on_a_key():
    for name in ("ACME KIOSKS INC.", "Foo Co Inc.", "Company", "Zoë's Café & Bar Pty Ltd"):
        assert company_key(company_key(name)) == company_key(name)


def location(**changes) -> dict[str, object]:
    return {"ship_to_id": "S1", "customer_accounting_id": "C1", "name": "Acme - Boston #1", "subtype": "kiosk_location",
            "street": "1 Main St", "city": "Boston", "state": "ma", "postal_code": "02110", "country": "us",
            "phone": "617-555-0100", "active": True, **changes}


def kiosk(**changes) -> dict[str, object]:
    return {"serial_number": "KX-1", "ship_to_id": "S1", "model": "KX-100", "operating_system": "Android 12",
            "software_version": "4.7.16", "install_date": "2025-08-30", "warranty_end_date": "", **changes}


def test_a_location_row_is_cleaned_as_any_account_and_carries_its_ship_to_id():
    row = clean_location(location(subtype="Kiosk Location", name="  Acme - Boston #1 "))
    assert (row.ship_to_id, row.customer_accounting_id, row.active) == ("S1", "C1", True)
    assert row.values == {"name": "Acme - Boston #1", "subtype": "kiosk_location", "street": "1 Main St",
                          "city": "Boston", "state": "MA", "postal_code": "02110", "country": "US",
                          "phone": "617-555-0100", "erp_ship_to_id": "S1"}
    data = row.under("parent-1")
    assert (data.type, data.parent_id, data.owner_id) == ("customer", "parent-1", None)
    assert clean_location(location(state="")).state == ""


@pytest.mark.parametrize(("changes", "field"), [
    ({"ship_to_id": " "}, "ship_to_id"), ({"customer_accounting_id": ""}, "customer_accounting_id"),
    ({"name": ""}, "name"), ({"subtype": "company"}, "subtype"), ({"subtype": "warehouse"}, "subtype"),
    ({"postal_code": "9" * 21}, "postal_code"), ({"city": "Bo\x00ston"}, "city"),
    ({"ship_to_id": "S" * 65}, "ship_to_id"),
])
def test_a_bad_location_row_names_its_first_bad_field(changes, field):
    with pytest.raises(InvalidInput) as refused:
        clean_location(location(**changes))
    assert refused.value.problems[0].field == field


def test_a_company_row_names_hq_state_for_a_bad_state():
    row = clean_company({"customer_accounting_id": "C1", "name": "Acme Inc.", "hq_state": " nd ", "active": False})
    assert (row.hq_state, row.active, row.new_account("u1").subtype, row.new_account("u1").type) == (
        "ND", False, "", "customer")
    with pytest.raises(InvalidInput) as refused:
        clean_company({"customer_accounting_id": "C1", "name": "Acme", "hq_state": "N" * 101, "active": True})
    assert refused.value.problems[0].field == "hq_state"


@pytest.mark.parametrize(("changes", "field"), [
    ({"install_date": "2025-02-30"}, "install_date"), ({"warranty_end_date": "30/08/2028"}, "warranty_end_date"),
    ({"warranty_end_date": "20280830"}, "warranty_end_date"), ({"serial_number": ""}, "serial_number"),
    ({"ship_to_id": ""}, "ship_to_id"), ({"model": "x" * 101}, "model"),
])
def test_a_bad_kiosk_row_names_its_field(changes, field):
    with pytest.raises(InvalidInput) as refused:
        clean_kiosk(kiosk(**changes))
    assert refused.value.problems[0].field == field


def test_kiosk_dates_are_dates_or_blank():
    row = clean_kiosk(kiosk())
    assert (row.values["install_date"], row.values["warranty_end_date"]) == (date(2025, 8, 30), "")
    assert row.at("loc-1").location_account_id == "loc-1"


def test_a_batch_keeps_the_last_of_a_repeated_ship_to_id():
    outcomes, cleaned = erp.clean_batch([location(name="First"), location(ship_to_id=""), location(name="Last")],
                                        clean_location, key=lambda r: r.ship_to_id, raw_key=lambda r: r["ship_to_id"])
    assert [(o.outcome, o.field) if o else None for o in outcomes] == [("skipped", ""), ("failed", "ship_to_id"), None]
    assert [row.values["name"] for row in cleaned.values()] == ["Last"]


@pytest.mark.parametrize("role", ["ae", "sdr", "csr", "vp_sales", "rsm", "se", "key_account_rep", "marketing",
                                  "cs_manager", "kiosk_fleet"])
def test_only_admin_and_erp_import_and_match(role):
    caller = Principal(user_id="u1", role=role)
    with pytest.raises(Forbidden):
        policy.ensure_can_import_erp_records(caller, "kiosks")
    with pytest.raises(Forbidden):
        policy.ensure_can_match_directory(caller)
    with pytest.raises(Forbidden) as refused:
        policy.ensure_can_set_ship_to_id(caller)
    assert [p.field for p in refused.value.problems] == ["erp_ship_to_id"]


@pytest.mark.parametrize("role", ["admin", "erp"])
def test_admin_and_erp_import_and_match(role):
    caller = Principal(user_id="u1", role=role)
    policy.ensure_can_import_erp_records(caller, "locations")
    policy.ensure_can_match_directory(caller)
    policy.ensure_can_set_ship_to_id(caller)
