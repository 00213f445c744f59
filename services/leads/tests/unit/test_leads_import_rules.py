"""LEAD-2 import rules as pure decisions: one outcome per row, in-batch de-duplication (LEAD-8), the
round-robin owners of a batch (LEAD-3), the import merge, and the fast email check."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from crmkit.errors import InvalidInput
from hypothesis import given
from hypothesis import strategies as st

from crm_leads.domain.assignment import next_sdr, next_sdrs
from crm_leads.domain.commands import ImportedLead, LeadData
from crm_leads.domain.events import LeadAssigned, LeadCreated, LeadUpdated
from crm_leads.domain.lead_import import (
    ALREADY_A_CONTACT,
    CREATED,
    FAILED,
    MAX_BATCH,
    REPEATED_LATER,
    SAME_NAME_EARLIER,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    apply_import,
    plan_import,
)
from crm_leads.domain.model import Lead
from crm_leads.domain.rating import RatingRules

RULES = RatingRules()
NOW = datetime(2026, 3, 1, tzinfo=UTC)
ACCOUNT = str(uuid.uuid4())


def row(key: str, *, source: str = "trade show", campaign: str = "NRF 2026", contact: str = "", account: str = "",
        **data) -> ImportedLead:
    return ImportedLead(data=LeadData(**data), source=source, campaign=campaign, existing_contact_id=contact,
                        matched_account_id=account, key=key)


def known_lead(email: str, **data) -> Lead:
    lead = Lead.create(data=LeadData(email=email, **data), source="website", landing_page="kiosk-roi", rules=RULES,
                       now=NOW - timedelta(days=1))
    lead.events.clear()  # as loaded from the database
    return lead


def run(rows, known=(), owners=("sdr-a", "sdr-b")):
    plan = plan_import(rows)
    known_by_key = {lead.email_key: lead for lead in known}
    result = apply_import(plan, known=known_by_key, owners=list(owners)[:plan.new_count(known_by_key)], rules=RULES,
                          now=NOW)
    return plan, result


def test_lead_2_every_row_gets_one_outcome_in_order():
    jane = known_lead("jane@acme.example", first_name="Jane", company="Acme")
    same = known_lead("sam@acme.example", first_name="Sam", title="CIO")
    same.campaign = "NRF 2026"  # imported from this show before
    rows = [
        row("1", first_name="Ann", last_name="Lee", company="Lee Foods", email="ann@lee.example", title="CIO"),
        row("2", first_name="Jane", email="JANE@acme.example", phone="404-555-0100"),
        row("3", first_name="Sam", email="sam@acme.example", title="CIO", phone=""),
        row("4", first_name="Cat", email="cat@shop.example", contact=str(uuid.uuid4())),
        row("5", first_name="Bad", email="not-an-email"),
        row("6", first_name="Bo", last_name="Ng", company="Ng Co"),
    ]
    _, result = run(rows, known=[jane, same])
    outcomes = result.outcomes
    assert [o.key for o in outcomes] == ["1", "2", "3", "4", "5", "6"]
    assert [o.outcome for o in outcomes] == [CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED, CREATED]
    assert outcomes[1].lead_id == jane.id and outcomes[2].lead_id == same.id
    assert (outcomes[3].reason, outcomes[3].lead_id) == (ALREADY_A_CONTACT, "")
    assert outcomes[4].field == "email" and outcomes[4].lead_id == ""
    assert [lead.owner_id for lead in result.created] == ["sdr-a", "sdr-b"]
    assert result.changed == [jane]


def test_lead_2_new_leads_are_new_rated_from_their_campaign_and_assigned_in_row_order():
    _, result = run([row("1", first_name="Ann", company="Lee Foods", email="ann@lee.example", title="CIO",
                         phone="617-555-0100", account=ACCOUNT.upper()),
                     row("2", last_name="Ng"), row("3", last_name="Ox")], owners=["s1", "s2", "s3"])
    first = result.created[0]
    assert (first.status, first.source, first.campaign, first.matched_account_id) == (
        "New", "trade show", "NRF 2026", ACCOUNT)
    assert first.rating == RULES.rate(first) and first.landing_page == "" and first.version == 1
    assert [type(e) for e in first.events] == [LeadCreated, LeadAssigned]
    assert [lead.owner_id for lead in result.created] == ["s1", "s2", "s3"]


def test_lead_3_with_no_sdr_new_leads_stay_unassigned():
    _, result = run([row("1", last_name="Ng")], owners=[])
    assert result.created[0].owner_id == "" and [type(e) for e in result.created[0].events] == [LeadCreated]


def test_lead_8_an_email_repeated_in_the_batch_is_imported_from_its_last_row():
    plan, result = run([row("a", first_name="Old", email="pat@x.example"),
                        row("b", last_name="Other"),
                        row("c", first_name="New", email=" Pat@X.example ")])
    assert [o.outcome for o in result.outcomes] == [SKIPPED, CREATED, CREATED]
    assert result.outcomes[0].reason == REPEATED_LATER
    assert result.outcomes[0].lead_id == result.outcomes[2].lead_id != ""
    assert [(lead.first_name, lead.email) for lead in result.created] == [("", ""), ("New", "Pat@x.example")]
    assert plan.email_keys == ["pat@x.example"]


def test_lead_8_a_failed_later_row_does_not_hide_an_earlier_valid_one():
    _, result = run([row("a", first_name="Pat", email="pat@x.example"),
                     row("b", first_name="Pat", email="pat@x.example", linkedin_url="nope")])
    assert [o.outcome for o in result.outcomes] == [CREATED, FAILED]
    assert result.outcomes[1].field == "linkedin_url"


def test_lead_8_rows_without_email_repeat_by_name_and_company_earlier_in_the_batch():
    _, result = run([row("1", first_name="Bo", last_name="Ng", company="Ng Co"),
                     row("2", first_name=" bo ", last_name="NG", company="ng  co"),
                     row("3", first_name="Bo", last_name="Ng", company="Other Co"),
                     row("4", first_name="Al", last_name="Li", company="Li", email="al@li.example"),
                     row("5", first_name="Al", last_name="Li", company="Li")])
    assert [o.outcome for o in result.outcomes] == [CREATED, SKIPPED, CREATED, CREATED, SKIPPED]
    assert result.outcomes[1].reason == result.outcomes[4].reason == SAME_NAME_EARLIER
    assert result.outcomes[1].lead_id == result.outcomes[0].lead_id
    assert result.outcomes[4].lead_id == result.outcomes[3].lead_id


@pytest.mark.parametrize(("bad", "field"), [
    (row("x", source="", last_name="A"), "source"),
    (row("x", source="carrier pigeon", last_name="A"), "source"),
    (row("x", account="acct-1", last_name="A"), "matched_account_id"),
    (row("x", contact="not-a-uuid", last_name="A"), "existing_contact_id"),
    (row("x", campaign="x" * 201, last_name="A"), "campaign"),
    (row("x", company="Acme only"), "last_name"),
    (row("x", last_name="A", number_of_locations=-1), "number_of_locations"),
    (row("x", last_name="A", role="janitor"), "role"),
])
def test_lead_2_a_bad_row_fails_alone_naming_its_field(bad, field):
    _, result = run([bad, row("ok", last_name="Fine")])
    assert [o.outcome for o in result.outcomes] == [FAILED, CREATED]
    assert result.outcomes[0].field == field and result.outcomes[0].reason


def test_lead_2_a_row_with_several_problems_names_the_first_and_says_all():
    _, result = run([row("x", source="", email="bad", role="janitor")])
    outcome = result.outcomes[0]
    assert outcome.field == "email" and "role:" in outcome.reason and "source:" in outcome.reason


def test_lead_2_a_known_contact_is_skipped_whatever_its_data():
    _, result = run([row("x", source="", email="bad", contact=str(uuid.uuid4()))])
    assert (result.outcomes[0].outcome, result.outcomes[0].reason) == (SKIPPED, ALREADY_A_CONTACT)


def test_lead_2_more_than_a_thousand_rows_are_refused_whole():
    with pytest.raises(InvalidInput) as refused:
        plan_import([row(str(n), last_name="A") for n in range(MAX_BATCH + 1)])
    assert refused.value.problems[0].field == "leads"
    assert len(plan_import([row(str(n), last_name="A") for n in range(MAX_BATCH)]).rows) == 1  # same person


def test_lead_8_an_import_overwrites_given_fields_never_blanks_and_counts_nothing():
    lead = known_lead("jane@acme.example", first_name="Jane", company="Acme", phone="555")
    changed = lead.absorb_import(LeadData(first_name="", company="Acme Inc", phone=None, title="CTO"),
                                 campaign="NRF 2026", matched_account_id=ACCOUNT, rules=RULES, now=NOW)
    assert changed and (lead.first_name, lead.company, lead.phone, lead.title) == ("Jane", "Acme Inc", "555", "CTO")
    assert (lead.campaign, lead.matched_account_id, lead.version, lead.submission_count) == (
        "NRF 2026", ACCOUNT, 2, 1)
    assert lead.events == [LeadUpdated(lead.id, ["company", "title", "campaign", "matched_account_id"])]
    lead.events.clear()
    again = lead.absorb_import(LeadData(company="Acme Inc", title="CTO"), campaign="NRF 2026", matched_account_id="",
                               rules=RULES, now=NOW + timedelta(hours=1))
    assert not again and lead.version == 2 and lead.events == [] and lead.matched_account_id == ACCOUNT


@given(pool=st.lists(st.sampled_from([f"sdr-{n}" for n in range(6)]), max_size=6),
       cursor=st.one_of(st.none(), st.sampled_from(["sdr-0", "sdr-3", "sdr-35", "sdr-9", "a"])),
       count=st.integers(0, 14))
def test_lead_3_a_batch_gets_the_owners_one_by_one_assignment_would_give(pool, cursor, count):
    expected, moving = [], cursor
    for _ in range(count):
        moving = next_sdr(pool, moving)
        if moving is None:
            break
        expected.append(moving)
    assert next_sdrs(pool, cursor, count) == expected
