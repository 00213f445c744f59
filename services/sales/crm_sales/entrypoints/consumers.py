"""The events the sales service consumes: identity (users, territories), the accounts service's
accounts and shares (the account-access read model, with reassignments moving open opportunities),
and the leads service's conversions (SDR credit)."""
from __future__ import annotations

from datetime import UTC, datetime

from crm.leads.v1 import events_pb2 as lead_events
from crmkit.account_access.consumer import account_access_subscription
from crmkit.identity.consumer import identity_subscription
from crmkit.inbox import EventMeta, PoisonEvent, Subscription

from crm_sales.adapters.orm import account_access, identity
from crm_sales.service_layer.followers import credit_conversion, follow_reassignment
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork


async def on_reassigned(uow, account_id: str, previous_owner_id: str, new_owner_id: str, meta: EventMeta) -> None:
    await follow_reassignment(uow, account_id, previous_owner_id, new_owner_id, datetime.now(UTC))


async def on_lead_converted(uow, message: lead_events.LeadConverted, meta: EventMeta) -> None:
    if not message.account_id or not message.converted_by:
        raise PoisonEvent(f"event {meta.event_id} names no account or SDR")
    await credit_conversion(uow, account_id=message.account_id, lead_id=message.lead_id, sdr_id=message.converted_by,
                            lead_source=message.lead_source, now=datetime.now(UTC))


def subscriptions(unit_of_work: type[SalesUnitOfWork]) -> list[Subscription]:
    return [
        identity_subscription(identity, durable="sales-identity"),
        account_access_subscription(account_access, durable="sales-account-access", on_reassigned=on_reassigned,
                                    unit_of_work=unit_of_work),
        Subscription(durable="sales-lead-conversions", producer="leads", subjects=("lead.converted",),
                     handlers={lead_events.LeadConverted: on_lead_converted}, unit_of_work=unit_of_work),
    ]
