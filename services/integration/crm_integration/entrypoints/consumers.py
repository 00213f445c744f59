"""Events this service consumes besides the identity replica's (crmkit.identity):

- crm.leads.lead.converted -> the LEAD-6 email to the account's owner, queued with the inbox row.
- crm.sales.opportunity.stage_overdue -> the GEN-4 emails to the opportunity's owner and, where the
  stage says so, the owner's RSM, queued with the inbox row.
"""
from __future__ import annotations

from functools import partial

from crm.leads.v1 import events_pb2 as leads_events
from crm.sales.v1 import events_pb2 as sales_events
from crmkit.inbox import EventMeta, PoisonEvent, Subscription

from crm_integration.entrypoints import mappers
from crm_integration.service_layer import handlers
from crm_integration.service_layer.unit_of_work import NotificationsUnitOfWork

# An event naming a user the replica lacks waits for the identity events: with the kit's delays
# (0.5 s doubling to 30 s) twenty deliveries give them about eight minutes before a dead letter.
USERS_WAIT_MAX_DELIVER = 20


async def on_lead_converted(uow: NotificationsUnitOfWork, message: leads_events.LeadConverted, meta: EventMeta, *,
                            public_url: str) -> None:
    if not message.account_id or not message.account_owner_id:
        raise PoisonEvent(f"event {meta.event_id} names no account or no account owner")
    await handlers.notify_account_owner(
        uow.users, uow.mail, mappers.lead_conversion(message),
        owner_id=message.account_owner_id, converted_by_id=message.converted_by, public_url=public_url)


def lead_conversions(*, public_url: str) -> Subscription:
    """Lead conversions: each becomes one email to the account's owner (LEAD-6)."""
    return Subscription(
        durable="integration-leads-conversions", producer="leads", subjects=("lead.converted",),
        handlers={leads_events.LeadConverted: partial(on_lead_converted, public_url=public_url)},
        unit_of_work=NotificationsUnitOfWork, max_deliver=USERS_WAIT_MAX_DELIVER)


async def on_stage_overdue(uow: NotificationsUnitOfWork, message: sales_events.OpportunityStageOverdue,
                           meta: EventMeta, *, public_url: str) -> None:
    if not message.alert_id or not message.opportunity_id or not message.owner_id:
        raise PoisonEvent(f"event {meta.event_id} names no alert, opportunity or owner")
    await handlers.notify_stage_overdue(uow.users, uow.mail, mappers.stage_overdue(message),
                                        owner_id=message.owner_id, rsm_id=message.rsm_id, public_url=public_url)


def stage_alerts(*, public_url: str) -> Subscription:
    """Stage-timeout crossings: each becomes an email to the owner, and to the RSM where configured (GEN-4)."""
    return Subscription(
        durable="integration-sales-stage-alerts", producer="sales", subjects=("opportunity.stage_overdue",),
        handlers={sales_events.OpportunityStageOverdue: partial(on_stage_overdue, public_url=public_url)},
        unit_of_work=NotificationsUnitOfWork, max_deliver=USERS_WAIT_MAX_DELIVER)
