"""What the sales service does when other services report facts: a departing rep's accounts move
(GEN-11) and their open opportunities follow; a converted lead's SDR is credited (S4)."""
from __future__ import annotations

from datetime import datetime

from crm_sales.domain.model import REASSIGNMENT
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork

SYSTEM = "sales"  # `by` of changes the service derives from another service's facts


async def follow_reassignment(uow: SalesUnitOfWork, account_id: str, previous_owner_id: str, new_owner_id: str,
                              now: datetime) -> None:
    """GEN-11: the open opportunities the previous owner held on the account move to the new owner,
    each change a history row with reason reassignment. Closed ones keep the owner they were won or
    lost by."""
    if not previous_owner_id or previous_owner_id == new_owner_id:
        return
    for opportunity in await uow.opportunities.open_on(account_id, owner_id=previous_owner_id):
        opportunity.reassign(new_owner_id, by=SYSTEM, now=now, reason=REASSIGNMENT)
        await uow.opportunities.save(opportunity)


async def credit_conversion(uow: SalesUnitOfWork, *, account_id: str, lead_id: str, sdr_id: str, lead_source: str,
                            now: datetime) -> None:
    """S4: remember the account's SDR and lead source for its opportunities to come, and credit its
    open opportunities that carry no SDR yet."""
    await uow.conversions.record(account_id=account_id, lead_id=lead_id, sdr_id=sdr_id, lead_source=lead_source,
                                 converted_at=now)
    for opportunity in await uow.opportunities.open_on(account_id):
        if not opportunity.sdr_id:
            opportunity.credit(sdr_id=sdr_id, lead_source=lead_source, lead_id=lead_id, by=SYSTEM, now=now)
            await uow.opportunities.save(opportunity)
