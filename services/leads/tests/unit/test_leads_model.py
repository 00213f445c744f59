"""LEAD-8 merge rules and LEAD-4 edits on the Lead aggregate, without a database."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crm_leads.domain.commands import LeadData
from crm_leads.domain.events import LeadAssigned, LeadCreated, LeadUpdated
from crm_leads.domain.model import Lead
from crm_leads.domain.rating import RatingRules

RULES = RatingRules()
NOW = datetime(2024, 5, 1, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)


def stored_lead() -> Lead:
    lead = Lead.create(data=LeadData(first_name="Jane", company="Acme", email="jane@example.com", phone="555"),
                       source="website", landing_page="kiosk-roi", rules=RULES, now=NOW)
    lead.assign("sdr-1", rule="round_robin", now=NOW)
    assert [type(e) for e in lead.events] == [LeadCreated, LeadAssigned]
    lead.events.clear()  # as after commit
    return lead


def test_lead_8_repeat_submission_overwrites_with_non_empty_fields_only():
    lead = stored_lead()
    lead.absorb_submission(LeadData(first_name="", company="Acme Inc", phone=None, number_of_locations=3),
                           rules=RULES, now=LATER)
    assert (lead.first_name, lead.company, lead.phone, lead.number_of_locations) == ("Jane", "Acme Inc", "555", 3)
    assert (lead.submission_count, lead.version, lead.owner_id, lead.updated_at) == (2, 2, "sdr-1", LATER)
    assert lead.events == [LeadUpdated(lead.id, ["company", "number_of_locations", "submission_count"])]


def test_lead_4_an_edit_can_clear_a_field_and_recomputes_the_rating():
    lead = stored_lead()
    lead.edit(LeadData(phone="", number_of_locations=100, using_kiosks=True, role="Executive Management"),
              rules=RULES, now=LATER)
    assert lead.phone == "" and lead.rating == "A"
    assert lead.events == [LeadUpdated(lead.id, ["phone", "number_of_locations", "using_kiosks", "role", "rating"])]


def test_lead_4_a_new_lead_records_no_update_and_keeps_version_one():
    lead = Lead.create(data=LeadData(last_name="X"), source="referral", landing_page="", rules=RULES, now=NOW)
    lead.change_status("Working", None, now=NOW)
    assert lead.version == 1 and not lead.is_modified and lead.is_new
