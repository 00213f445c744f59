"""The legacy migration's and the activity timeline's rules without a database (MIG-1, MIG-2, GEN-1):
legacy roles against the CRM's, times without an offset read in the legacy zone across daylight saving,
directions, and who may import or read the timeline."""
from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from crmkit.errors import Forbidden, InvalidInput
from crmkit.principal import Principal

from crm_accounts.domain import policy
from crm_accounts.domain.activities import clean_direction, clean_new_activity, parse_occurred_at
from crm_accounts.domain.legacy import clean_legacy_contact, company_spelling, crm_role
from crm_accounts.settings import AccountsSettings

EASTERN = ZoneInfo("America/New_York")
UTC = UTC


@pytest.mark.parametrize(("legacy", "role"), [("IT", "IT"), ("it", "IT"),
                                             ("Executive Management", "Executive Management"),
                                         ("executive_management", "Executive Management"), ("MARKETING", "Marketing"),
                                         ("Operations", ""), ("Purchasing", ""), ("", "")])
def test_legacy_roles_map_to_the_crms_or_to_none(legacy, role):
    assert crm_role(legacy) == role


@pytest.mark.parametrize(("text", "instant"), [
    ("2018-11-17 04:52", datetime(2018, 11, 17, 9, 52, tzinfo=UTC)),   # EST
    ("2018-07-17T04:52", datetime(2018, 7, 17, 8, 52, tzinfo=UTC)),    # EDT
    ("2018-11-04 01:30", datetime(2018, 11, 4, 5, 30, tzinfo=UTC)),    # ambiguous: the first 01:30 (EDT)
    ("2018-03-11 02:30", datetime(2018, 3, 11, 7, 30, tzinfo=UTC)),    # skipped by the change: read as EST
    ("2018-07-17T04:52:00+02:00", datetime(2018, 7, 17, 2, 52, tzinfo=UTC)),
    ("2018-07-17T04:52:00Z", datetime(2018, 7, 17, 4, 52, tzinfo=UTC)),
])
def test_a_time_without_an_offset_is_a_wall_clock_time_of_the_legacy_zone(text, instant):
    parsed = parse_occurred_at(text, naive_zone=EASTERN)
    assert parsed == instant and parsed.tzinfo is UTC


@pytest.mark.parametrize("text", ["", "yesterday", "2018-02-30 10:00", "1899-12-31T23:00:00Z", "2018-13-01"])
def test_unreadable_times_are_refused_naming_occurred_at(text):
    with pytest.raises(InvalidInput) as refused:
        parse_occurred_at(text, naive_zone=EASTERN)
    assert refused.value.problems[0].field == "occurred_at"


def test_a_user_gives_an_offset_or_nothing():
    now = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    assert clean_new_activity({"kind": "call", "subject": "x"}, author="u1", now=now).occurred_at == now
    with pytest.raises(InvalidInput) as refused:
        clean_new_activity({"kind": "call", "subject": "x", "occurred_at": "2026-11-21 10:00"}, author="u1", now=now)
    assert refused.value.problems[0].field == "occurred_at"


@pytest.mark.parametrize(("given", "kind", "direction"), [("IN", "email", "in"), ("Outbound", "call", "out"),
                                                  ("", "note", ""), ("incoming", "email", "in")])
def test_directions(given, kind, direction):
    assert clean_direction(given, kind) == direction


@pytest.mark.parametrize(("given", "kind"), [("sideways", "email"), ("in", "note"), ("out", "meeting")])
def test_bad_directions_are_refused(given, kind):
    with pytest.raises(InvalidInput):
        clean_direction(given, kind)


def test_a_prospect_takes_the_first_spelling_not_all_in_capitals():
    rows = [clean_legacy_contact({"legacy_id": f"R{n}", "last_name": "Lee", "company": name, "state": state})
            for n, (name, state) in enumerate((("SILVER PHARMACY", "ma"), ("Silver Pharmacy", "ct")))]
    chosen = company_spelling(rows)
    assert chosen.company == "Silver Pharmacy" and chosen.address["state"] == "CT"
    assert chosen.new_company("ae-1").type == "prospect"
    assert company_spelling(rows[:1]).company == "SILVER PHARMACY"


def test_the_legacy_time_zone_is_a_checked_setting():
    base = {"database_url": "postgresql://db", "principal_public_key": "-----BEGIN PUBLIC KEY-----"}
    assert AccountsSettings(**base).legacy_zone == EASTERN
    assert AccountsSettings(**base, legacy_time_zone="America/Chicago").legacy_zone == ZoneInfo("America/Chicago")
    with pytest.raises(ValueError):
        AccountsSettings(**base, legacy_time_zone="Eastern Standard Time")


@pytest.mark.parametrize(("role", "allowed"), [("admin", True), ("erp", True), ("ae", False), ("sdr", False),
                                          ("vp_sales", False), ("kiosk_fleet", False)])
def test_only_admin_and_the_erp_client_import_legacy_records(role, allowed):
    caller = Principal(user_id="u", role=role)
    if allowed:
        policy.ensure_can_import_legacy(caller, "contacts")
    else:
        with pytest.raises(Forbidden):
            policy.ensure_can_import_legacy(caller, "contacts")


def test_a_directory_view_is_refused_the_timeline_naming_the_field():
    policy.ensure_sees_activities(True, "account_id")
    with pytest.raises(Forbidden) as refused:
        policy.ensure_sees_activities(False, "contact_id")
    assert refused.value.problems[0].field == "contact_id"
