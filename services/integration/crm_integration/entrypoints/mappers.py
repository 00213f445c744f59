"""Event payloads (protobuf) to domain values."""
from __future__ import annotations

from crm.identity.v1 import events_pb2 as identity_events
from crm.leads.v1 import events_pb2 as leads_events

from crm_integration.domain.model import User
from crm_integration.domain.notifications import LeadConversion


def user(message: identity_events.User) -> User:
    return User(id=message.id, username=message.username, full_name=message.full_name, email=message.email,
                role=message.role, active=message.active, version=message.version)


def lead_conversion(message: leads_events.LeadConverted) -> LeadConversion:
    return LeadConversion(lead_id=message.lead_id, account_id=message.account_id, account_name=message.account_name,
                          contact_name=message.contact_name, existing_account=message.existing_account)
