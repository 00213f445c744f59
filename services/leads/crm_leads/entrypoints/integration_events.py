"""How the leads service's domain events go on the wire: one builder per event, (subject, message)."""
from __future__ import annotations

from crm.leads.v1 import events_pb2
from crmkit.db import IntegrationEvents

from crm_leads.domain.events import LeadAssigned, LeadConverted, LeadCreated, LeadStatusChanged, LeadUpdated
from crm_leads.domain.model import Lead
from crm_leads.entrypoints.mappers import lead_to_proto

SUBJECT_PREFIX = "crm.leads.lead."


def lead_created(event: LeadCreated, lead: Lead) -> tuple[str, events_pb2.LeadCreated]:
    return SUBJECT_PREFIX + "created", events_pb2.LeadCreated(lead=lead_to_proto(lead))


def lead_assigned(event: LeadAssigned, lead: Lead) -> tuple[str, events_pb2.LeadAssigned]:
    return SUBJECT_PREFIX + "assigned", events_pb2.LeadAssigned(
        lead_id=event.lead_id, owner_id=event.owner_id, previous_owner_id=event.previous_owner_id, rule=event.rule)


def lead_status_changed(event: LeadStatusChanged, lead: Lead) -> tuple[str, events_pb2.LeadStatusChanged]:
    return SUBJECT_PREFIX + "status_changed", events_pb2.LeadStatusChanged(
        lead_id=event.lead_id, from_status=event.from_status, to_status=event.to_status,
        unqualified_reason=event.unqualified_reason)


def lead_updated(event: LeadUpdated, lead: Lead) -> tuple[str, events_pb2.LeadUpdated]:
    return SUBJECT_PREFIX + "updated", events_pb2.LeadUpdated(lead=lead_to_proto(lead),
                                                              changed_fields=event.changed_fields)


def lead_converted(event: LeadConverted, lead: Lead) -> tuple[str, events_pb2.LeadConverted]:
    return SUBJECT_PREFIX + "converted", events_pb2.LeadConverted(
        lead_id=event.lead_id, account_id=event.account_id, contact_id=event.contact_id,
        account_owner_id=event.account_owner_id, account_name=event.account_name, contact_name=event.contact_name,
        converted_by=event.converted_by, existing_account=event.existing_account,
        lead_source=lead.source)


INTEGRATION_EVENTS: IntegrationEvents = {
    LeadCreated: lead_created,
    LeadAssigned: lead_assigned,
    LeadStatusChanged: lead_status_changed,
    LeadUpdated: lead_updated,
    LeadConverted: lead_converted,
}
