"""LEAD-4: the lead status life cycle, and the unqualified reason that goes with it."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from crmkit.errors import InvalidInput

from crm_leads.domain.commands import LeadData
from crm_leads.domain.events import LeadStatusChanged, LeadUpdated
from crm_leads.domain.model import STATUSES, TRANSITIONS, Lead
from crm_leads.domain.rating import RatingRules

NOW = datetime(2024, 5, 1, tzinfo=UTC)
ALLOWED = {("New", "Working"), ("New", "Qualified"), ("New", "Unqualified"), ("Working", "Qualified"),
           ("Working", "Unqualified"), ("Working", "New"), ("Qualified", "Working"), ("Qualified", "Unqualified"),
           ("Unqualified", "Working"), ("Unqualified", "New")}


def lead_in(status: str) -> Lead:
    lead = Lead(id="00000000-0000-0000-0000-000000000001", created_at=NOW, updated_at=NOW, source="website",
                status=status, unqualified_reason="competitor" if status == "Unqualified" else "")
    return lead


def test_lead_4_transition_table_is_the_documented_one():
    assert {(a, b) for a, targets in TRANSITIONS.items() for b in targets} == ALLOWED


@pytest.mark.parametrize(("current", "target"), [(a, b) for a in STATUSES for b in STATUSES if a != b])
def test_lead_4_every_status_transition_is_allowed_or_refused(current, target):
    lead = lead_in(current)
    reason = "too small" if target == "Unqualified" else None
    if (current, target) in ALLOWED:
        lead.change_status(target, reason, now=NOW)
        assert lead.status == target
        assert lead.version == 2
        assert LeadStatusChanged(lead.id, current, target, reason or "") in lead.events
    else:
        with pytest.raises(InvalidInput) as refused:
            lead.change_status(target, reason, now=NOW)
        assert refused.value.problems[0].field == "status"
        assert lead.status == current and lead.version == 1 and not lead.events


def test_lead_4_customer_is_never_reached_by_an_update():
    with pytest.raises(InvalidInput, match="conversion"):
        lead_in("Qualified").change_status("Customer", None, now=NOW)


def test_lead_4_status_input_is_case_insensitive_and_unknown_ones_are_refused():
    lead = lead_in("New")
    lead.change_status("working", None, now=NOW)
    assert lead.status == "Working"
    with pytest.raises(InvalidInput) as refused:
        lead.change_status("Sleeping", None, now=NOW)
    assert refused.value.problems[0].field == "status"


@pytest.mark.parametrize("reason", [None, ""])
def test_lead_4_unqualified_requires_a_reason(reason):
    with pytest.raises(InvalidInput) as refused:
        lead_in("Working").change_status("Unqualified", reason, now=NOW)
    assert refused.value.problems[0].field == "unqualified_reason"


def test_lead_4_unknown_reason_is_refused():
    with pytest.raises(InvalidInput) as refused:
        lead_in("Working").change_status("Unqualified", "too expensive", now=NOW)
    assert refused.value.problems[0].field == "unqualified_reason"


def test_lead_4_reason_is_cleared_when_leaving_unqualified_and_refused_elsewhere():
    lead = lead_in("Unqualified")
    lead.change_status("Working", None, now=NOW)
    assert (lead.status, lead.unqualified_reason) == ("Working", "")
    with pytest.raises(InvalidInput) as refused:
        lead.change_status(None, "competitor", now=NOW)
    assert refused.value.problems[0].field == "unqualified_reason"


def test_lead_4_an_unqualified_lead_can_change_its_reason_without_a_status_event():
    lead = lead_in("Unqualified")
    lead.change_status(None, "Bad_Geography", now=NOW)
    assert lead.unqualified_reason == "bad geography"
    assert [type(e) for e in lead.events] == [LeadUpdated]
    with pytest.raises(InvalidInput):
        lead.change_status(None, "", now=NOW)


def test_lead_4_one_version_step_and_one_update_event_per_transaction():
    lead = lead_in("New")
    lead.edit(LeadData(company="Acme"), rules=RatingRules(), now=NOW)
    lead.change_status("Working", None, now=NOW)
    updates = [e for e in lead.events if isinstance(e, LeadUpdated)]
    assert lead.version == 2
    assert len(updates) == 1 and updates[0].changed_fields == ["company", "status"]
