"""How the sales service's domain events go on the wire: one builder per event, (subject, message).
Events carry the opportunity as stored; a forecast rebuilt `as_of` a date reads the change events."""
from __future__ import annotations

from crm.sales.v1 import events_pb2
from crmkit.db import IntegrationEvents
from google.protobuf.message import Message

from crm_sales.domain.alerts import Crossing
from crm_sales.domain.events import Change, OpportunityCreated, OpportunityUpdated
from crm_sales.domain.model import Opportunity
from crm_sales.domain.stages import DEFAULT_STAGES, SalesProcess
from crm_sales.entrypoints.mappers import change_to_proto, opportunity_to_proto, stage_overdue_to_proto

SUBJECT_PREFIX = "crm.sales.opportunity."
Built = tuple[str, Message]


def _proto(opportunity: Opportunity):
    # The forecast category in an event is the default process's; consumers read the stage itself.
    return opportunity_to_proto(opportunity, SalesProcess(DEFAULT_STAGES, ()))


def opportunity_created(event: OpportunityCreated, opportunity: Opportunity) -> Built:
    return SUBJECT_PREFIX + "created", events_pb2.OpportunityCreated(opportunity=_proto(opportunity))


def opportunity_updated(event: OpportunityUpdated, opportunity: Opportunity) -> Built:
    return SUBJECT_PREFIX + "updated", events_pb2.OpportunityUpdated(opportunity=_proto(opportunity),
                                                                     changed_fields=event.changed_fields)


def opportunity_changed(event: Change, opportunity: Opportunity) -> Built:
    """S1: crm.sales.opportunity.stage_changed for a stage, .changed for the other tracked fields."""
    subject = SUBJECT_PREFIX + ("stage_changed" if event.field == "stage" else "changed")
    return subject, events_pb2.OpportunityChanged(opportunity_id=event.opportunity_id, change=change_to_proto(event),
                                                  opportunity=_proto(opportunity))


def stage_overdue(event: Crossing, about: None) -> Built:
    """GEN-4, S2: crm.sales.opportunity.stage_overdue, once per crossing, for the integration service's emails."""
    return SUBJECT_PREFIX + "stage_overdue", stage_overdue_to_proto(event)


INTEGRATION_EVENTS: IntegrationEvents = {
    OpportunityCreated: opportunity_created,
    OpportunityUpdated: opportunity_updated,
    Change: opportunity_changed,
    Crossing: stage_overdue,
}
