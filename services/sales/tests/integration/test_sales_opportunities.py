"""Opportunities through the use cases on a real database (OPP-1, OPP-2, GEN-3, GEN-11, S1, S3, S4)."""
from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from crmkit.errors import Conflict, Forbidden, InvalidInput, NotFound
from sales_testkit import ADMIN, AE, OTHER_AE, RSM, SDR, add_org

from crm_sales.domain.commands import OpportunityData
from crm_sales.service_layer import followers, handlers, queries

DEAL = OpportunityData(name="Kiosk fleet", amount="1250.005", currency="usd", close_date="2027-03-31")


async def test_opp_1_an_ae_opens_an_opportunity_typed_from_its_account(sessions, uows):
    ids = await add_org(sessions)
    on_customer = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=DEAL)
    on_prospect = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["prospect"], data=DEAL)
    assert (on_customer.type, on_prospect.type) == ("add_on", "net_new")
    assert on_customer.amount == Decimal("1250.01") and on_customer.currency == "USD"  # half-up to the cent
    assert on_customer.stage == "prospecting" and on_customer.probability == 10 and on_customer.owner_id == "ae-1"
    detail = await queries.get_opportunity(uow=uows(), principal=RSM, opportunity_id=on_customer.id)
    assert {c.field for c in detail.history} >= {"stage", "amount", "close_date", "owner_id"}


async def test_lead_7_sec_2_an_sdr_reads_but_changes_nothing(sessions, uows):
    ids = await add_org(sessions)
    deal = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=DEAL)
    assert (await queries.get_opportunity(uow=uows(), principal=SDR, opportunity_id=deal.id)).opportunity.id == deal.id
    with pytest.raises(Forbidden):
        await handlers.create_opportunity(uow=uows(), principal=SDR, account_id=ids["customer"], data=DEAL)
    with pytest.raises(Forbidden):
        await handlers.update_opportunity(uow=uows(), principal=SDR, opportunity_id=deal.id,
                                          data=OpportunityData(stage="proposal"))


async def test_an_ae_outside_the_territory_neither_sees_nor_creates(sessions, uows):
    ids = await add_org(sessions)
    deal = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=DEAL)
    with pytest.raises(NotFound):
        await queries.get_opportunity(uow=uows(), principal=OTHER_AE, opportunity_id=deal.id)
    with pytest.raises(NotFound):
        await handlers.create_opportunity(uow=uows(), principal=OTHER_AE, account_id=ids["customer"], data=DEAL)


async def test_gen_3_competitors_are_competitor_accounts(sessions, uows):
    ids = await add_org(sessions)
    not_a_competitor = OpportunityData(**{**DEAL.given(), "competitor_ids": (ids["prospect"],)})
    with pytest.raises(InvalidInput) as refused:
        await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=not_a_competitor)
    assert refused.value.problems[0].field == "competitor_ids"
    deal = await handlers.create_opportunity(
        uow=uows(), principal=AE, account_id=ids["customer"],
        data=OpportunityData(**{**DEAL.given(), "competitor_ids": (ids["competitor"],)}))
    detail = await queries.get_opportunity(uow=uows(), principal=AE, opportunity_id=deal.id)
    assert detail.competitors == [(ids["competitor"], "competitor co")]


async def test_s1_s3_stage_history_lost_needs_a_reason_and_only_reopen_leaves_it(sessions, uows):
    ids = await add_org(sessions)
    deal = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=DEAL)
    moved = await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=deal.id,
                                              data=OpportunityData(stage="proposal"))
    entered = moved.stage_entered_at
    renamed = await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=deal.id,
                                                data=OpportunityData(name="Kiosk fleet, phase 1"))
    assert renamed.stage_entered_at == entered  # S1: unrelated edits leave time in stage alone
    with pytest.raises(InvalidInput) as refused:
        await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=deal.id,
                                          data=OpportunityData(stage="closed_lost"))
    assert refused.value.problems[0].field == "loss_reason"
    lost = await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=deal.id,
                                             data=OpportunityData(stage="closed_lost", loss_reason="price"))
    assert (lost.probability, lost.lost_at_stage) == (0, "proposal")
    with pytest.raises(Conflict):
        await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=deal.id,
                                          data=OpportunityData(stage="negotiation"))
    reopened = await handlers.reopen_opportunity(uow=uows(), principal=AE, opportunity_id=deal.id, stage="proposal")
    assert (reopened.stage, reopened.loss_reason) == ("proposal", "")
    history = (await queries.get_opportunity(uow=uows(), principal=AE, opportunity_id=deal.id)).history
    stages = [(c.from_value, c.to_value, c.reason) for c in history if c.field == "stage"]
    assert stages == [("", "prospecting", ""), ("prospecting", "proposal", ""), ("proposal", "closed_lost", ""),
                      ("closed_lost", "proposal", "reopen")]


async def test_s4_sdr_credit_from_the_conversion_and_only_an_admin_corrects_it(sessions, uows):
    ids = await add_org(sessions)
    async with uows() as uow:
        await followers.credit_conversion(uow, account_id=ids["prospect"], lead_id="lead-1", sdr_id="sdr-1",
                                          lead_source="webinar", now=datetime.now(UTC))
        await uow.commit()
    deal = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["prospect"], data=DEAL)
    assert (deal.sdr_id, deal.lead_source, deal.lead_id) == ("sdr-1", "webinar", "lead-1")
    with pytest.raises(Forbidden):
        await handlers.correct_sdr_credit(uow=uows(), principal=AE, opportunity_id=deal.id, sdr_id="sdr-2",
                                          lead_source="webinar")
    fixed = await handlers.correct_sdr_credit(uow=uows(), principal=ADMIN, opportunity_id=deal.id, sdr_id="sdr-2",
                                              lead_source="webinar")
    assert fixed.sdr_id == "sdr-2"
    history = (await queries.get_opportunity(uow=uows(), principal=ADMIN, opportunity_id=deal.id)).history
    assert ("sdr_id", "sdr-1", "sdr-2", "admin-1", "sdr_correction") in {
        (c.field, c.from_value, c.to_value, c.by, c.reason) for c in history}


async def test_gen_11_a_reassigned_account_moves_its_open_opportunities_of_the_departing_rep(sessions, uows):
    ids = await add_org(sessions)
    open_deal = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=DEAL)
    won = await handlers.create_opportunity(uow=uows(), principal=AE, account_id=ids["customer"], data=DEAL)
    await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=won.id,
                                      data=OpportunityData(stage="closed_won"))
    async with uows() as uow:
        await followers.follow_reassignment(uow, ids["customer"], "ae-1", "ae-3", datetime.now(UTC))
        await uow.commit()
    moved = await queries.get_opportunity(uow=uows(), principal=ADMIN, opportunity_id=open_deal.id)
    kept = await queries.get_opportunity(uow=uows(), principal=ADMIN, opportunity_id=won.id)
    assert (moved.opportunity.owner_id, kept.opportunity.owner_id) == ("ae-3", "ae-1")
    assert moved.history[-1].reason == "reassignment"
