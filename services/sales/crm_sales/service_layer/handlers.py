"""Use cases that change opportunities (OPP-1, OPP-2, GEN-3, S1, S3, S4)."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime

from crmkit.errors import InvalidInput, PreconditionFailed
from crmkit.principal import Principal
from crmkit.repository import is_uuid

from crm_sales.domain import policy
from crm_sales.domain.commands import OpportunityData, cleaned
from crm_sales.domain.errors import NotACompetitor
from crm_sales.domain.model import SDR_CORRECTION, Opportunity, default_type
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork

REQUIRED = ("name", "amount", "currency", "close_date")
COMPETITOR = "competitor"


def _now() -> datetime:
    return datetime.now(UTC)


async def _competitors(uow: SalesUnitOfWork, ids: tuple[str, ...]) -> tuple[str, ...]:
    """GEN-3: every link is an account of type competitor (as the read model knows it)."""
    for account_id in ids:
        facts = await uow.accounts.get(account_id) if is_uuid(account_id) else None
        if facts is None or facts.type != COMPETITOR:
            raise NotACompetitor(account_id)
    return tuple(dict.fromkeys(ids))


async def create_opportunity(*, uow: SalesUnitOfWork, principal: Principal, account_id: str, data: OpportunityData,
                             opportunity_id: str = "") -> Opportunity:
    """OPP-1: a new opportunity on an account the caller may edit, owned by the caller unless a manager
    names another owner; the type defaults from the account, the SDR credit from its converted lead."""
    policy.ensure_can_change_opportunities(principal)
    missing = [name for name in REQUIRED if getattr(data, name) is None]
    if missing:
        raise InvalidInput(f"{missing[0]} is required", field=missing[0])
    if opportunity_id and not is_uuid(opportunity_id):
        raise InvalidInput("an opportunity id is a UUID", field="id")
    values = cleaned(data, currency=data.currency or "")
    if values.get("owner_id", principal.user_id) != principal.user_id:
        policy.ensure_can_choose_owner(principal)
    now = _now()
    async with uow:
        account = await uow.accounts.check_editable(principal, account_id)
        process = await uow.process.get()
        competitors = await _competitors(uow, data.competitor_ids or ())
        conversion = await uow.conversions.of_account(account.id)
        credit = ({"sdr_id": conversion.sdr_id, "lead_source": conversion.lead_source, "lead_id": conversion.lead_id}
                  if conversion is not None else {})
        opportunity = Opportunity.open(
            process=process, by=principal.user_id, now=now, id=opportunity_id or str(uuid.uuid4()),
            account_id=account.id, **{"type": default_type(account.type), "owner_id": principal.user_id,
                                      **values, **credit}, competitor_ids=competitors)
        await uow.opportunities.add(opportunity)
        await uow.commit()
    return opportunity


async def update_opportunity(*, uow: SalesUnitOfWork, principal: Principal, opportunity_id: str,
                             data: OpportunityData, expected_version: int = 0) -> Opportunity:
    """S1: tracked changes become history rows and events; S3: a lost opportunity keeps its stage."""
    policy.ensure_can_change_opportunities(principal)
    async with uow:
        opportunity = await uow.opportunities.for_update(principal, opportunity_id)
        _check_version(opportunity, expected_version)
        values = cleaned(data, currency=data.currency or opportunity.currency)
        if "currency" in values and "amount" not in values:
            values["amount"] = cleaned(OpportunityData(amount=str(opportunity.amount)), currency=values["currency"])[
                "amount"]
        if values.get("owner_id", opportunity.owner_id) != opportunity.owner_id:
            policy.ensure_can_choose_owner(principal)
        now = _now()
        process = await uow.process.get()
        opportunity.edit(values, process=process, by=principal.user_id, now=now)
        if data.competitor_ids is not None:
            opportunity.set_competitors(await _competitors(uow, data.competitor_ids), now)
        await uow.opportunities.save(opportunity)
        await uow.commit()
    return opportunity


async def reopen_opportunity(*, uow: SalesUnitOfWork, principal: Principal, opportunity_id: str, stage: str,
                             expected_version: int = 0) -> Opportunity:
    """S3: the explicit way out of Closed Lost."""
    policy.ensure_can_change_opportunities(principal)
    async with uow:
        opportunity = await uow.opportunities.for_update(principal, opportunity_id)
        _check_version(opportunity, expected_version)
        opportunity.reopen(stage.strip(), process=await uow.process.get(), by=principal.user_id, now=_now())
        await uow.opportunities.save(opportunity)
        await uow.commit()
    return opportunity


async def correct_sdr_credit(*, uow: SalesUnitOfWork, principal: Principal, opportunity_id: str, sdr_id: str,
                             lead_source: str, expected_version: int = 0) -> Opportunity:
    """S4: an admin's correction of the SDR credit, recorded as history rows with reason sdr_correction."""
    policy.ensure_can_correct_credit(principal)
    async with uow:
        opportunity = await uow.opportunities.for_update(principal, opportunity_id)
        _check_version(opportunity, expected_version)
        opportunity.credit(sdr_id=sdr_id.strip(), lead_source=lead_source.strip(), lead_id=opportunity.lead_id,
                           by=principal.user_id, now=_now(), reason=SDR_CORRECTION)
        await uow.opportunities.save(opportunity)
        await uow.commit()
    return opportunity


def _check_version(opportunity: Opportunity, expected_version: int) -> None:
    if expected_version and expected_version != opportunity.version:
        raise PreconditionFailed(f"the opportunity is at version {opportunity.version}, not {expected_version}",
                                 field="expected_version")
