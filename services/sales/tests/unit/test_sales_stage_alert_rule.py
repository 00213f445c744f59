"""GEN-4, S2: the crossing rule of stage-timeout alerts, pure. A stay in an open stage crosses when it
reaches the stage's threshold, counted from stage entry (S1: unrelated edits do not move it); one
crossing per stay, a new one after re-entering the stage; closed stages never alert; the RSM is
added only where the stage says so."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from crmkit.errors import InvalidInput, PreconditionFailed

from crm_sales.domain.alerts import OWNER, RSM, Manager, StageStay, alert_id, crossings, set_threshold
from crm_sales.domain.model import Opportunity
from crm_sales.domain.stages import DEFAULT_LOSS_REASONS, DEFAULT_STAGES, SalesProcess

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
THRESHOLDS = {"prospecting": 14, "qualification": 21, "proposal": 30, "negotiation": 21, "verbal_commit": 14}
PROCESS = SalesProcess(tuple(replace(s, alert_after_days=THRESHOLDS.get(s.code), alert_rsm=s.code == "negotiation")
                             for s in DEFAULT_STAGES), DEFAULT_LOSS_REASONS)
RSM_OF_AE = {"ae-1": Manager("rsm-1", "rsm", True)}


def stay_of(opportunity: Opportunity) -> StageStay:
    return StageStay(opportunity.id, opportunity.stage, opportunity.stage_entered_at, opportunity.owner_id)


def opened(stage: str = "prospecting") -> Opportunity:
    return Opportunity.open(process=PROCESS, by="ae-1", now=T0, id="opp-1", account_id="acct", name="Fleet",
                            type="net_new", amount=Decimal("10.00"), currency="USD", close_date=date(2026, 9, 30),
                            owner_id="ae-1", stage=stage)


@pytest.mark.parametrize("stage", list(THRESHOLDS))
def test_a_stay_crosses_exactly_at_its_stages_threshold(stage):
    stay = stay_of(opened(stage))
    days = THRESHOLDS[stage]
    assert crossings([stay], PROCESS, RSM_OF_AE, T0 + timedelta(days=days) - timedelta(seconds=1)) == []
    [crossing] = crossings([stay], PROCESS, RSM_OF_AE, T0 + timedelta(days=days))
    assert (crossing.threshold_days, crossing.due_at, crossing.stay.stage) == (days, T0 + timedelta(days=days), stage)


def test_closed_stages_never_alert_however_long():
    won, lost = opened(), opened()
    won.edit({"stage": "closed_won"}, process=PROCESS, by="ae-1", now=T0)
    lost.edit({"stage": "closed_lost", "loss_reason": "price"}, process=PROCESS, by="ae-1", now=T0)
    assert crossings([stay_of(won), stay_of(lost)], PROCESS, RSM_OF_AE, T0 + timedelta(days=3650)) == []


def test_unrelated_edits_do_not_move_the_clock():
    opportunity = opened()
    opportunity.edit({"amount": Decimal("99.00"), "committed": True}, process=PROCESS, by="ae-1",
                     now=T0 + timedelta(days=13))
    assert len(crossings([stay_of(opportunity)], PROCESS, RSM_OF_AE, T0 + timedelta(days=14))) == 1


def test_one_crossing_per_stay_and_a_new_one_after_re_entering_the_stage():
    opportunity = opened()
    first = stay_of(opportunity)
    day20 = T0 + timedelta(days=20)
    assert len(crossings([first, first], PROCESS, RSM_OF_AE, day20)) == 1  # found twice, one crossing
    opportunity.edit({"stage": "qualification"}, process=PROCESS, by="ae-1", now=day20)
    opportunity.edit({"stage": "prospecting"}, process=PROCESS, by="ae-1", now=day20 + timedelta(days=1))
    again = stay_of(opportunity)
    [crossing] = crossings([again], PROCESS, RSM_OF_AE, again.stage_entered_at + timedelta(days=14))
    assert crossing.id != alert_id(first.opportunity_id, first.stage_entered_at)
    assert crossing.id == alert_id(again.opportunity_id, again.stage_entered_at)


def test_the_alert_id_is_the_crossing_key_whatever_the_time_zone_it_was_read_in():
    shanghai = T0.astimezone(timezone(timedelta(hours=8)))
    assert alert_id("opp-1", T0) == alert_id("opp-1", shanghai)
    assert alert_id("opp-1", T0) != alert_id("opp-2", T0)
    assert alert_id("opp-1", T0) != alert_id("opp-1", T0 + timedelta(microseconds=1))


def test_the_rsm_is_alerted_only_where_the_stage_says_so_and_only_an_active_rsm():
    negotiation, proposal = stay_of(opened("negotiation")), stay_of(opened("proposal"))
    late = T0 + timedelta(days=60)
    [with_rsm] = crossings([negotiation], PROCESS, RSM_OF_AE, late)
    assert with_rsm.recipients == (("ae-1", OWNER), ("rsm-1", RSM)) and with_rsm.rsm_id == "rsm-1"
    [owner_only] = crossings([proposal], PROCESS, RSM_OF_AE, late)
    assert owner_only.recipients == (("ae-1", OWNER),) and owner_only.rsm_id == ""
    for manager in (Manager("rsm-1", "rsm", False), Manager("vp-1", "vp_sales", True), None):
        [crossing] = crossings([negotiation], PROCESS, {"ae-1": manager} if manager else {}, late)
        assert crossing.recipients == (("ae-1", OWNER),)


def test_a_stage_without_a_threshold_never_alerts():
    process = SalesProcess(tuple(replace(s, alert_after_days=None) for s in PROCESS.stages), DEFAULT_LOSS_REASONS)
    assert crossings([stay_of(opened())], process, RSM_OF_AE, T0 + timedelta(days=3650)) == []


def test_an_admins_threshold_is_checked():
    prospecting, lost = PROCESS.stage("prospecting"), PROCESS.stage("closed_lost")
    changed = set_threshold(prospecting, alert_after_days=7, alert_rsm=True, expected_version=1)
    assert (changed.alert_after_days, changed.alert_rsm, changed.alert_version) == (7, True, 2)
    assert set_threshold(prospecting, alert_after_days=None, alert_rsm=False).alert_after_days is None
    for days in (0, -1, 3651):
        with pytest.raises(InvalidInput):
            set_threshold(prospecting, alert_after_days=days, alert_rsm=False)
    with pytest.raises(InvalidInput):
        set_threshold(lost, alert_after_days=30, alert_rsm=False)
    with pytest.raises(PreconditionFailed):
        set_threshold(prospecting, alert_after_days=7, alert_rsm=False, expected_version=5)
