"""Translation between the activity timeline's REST bodies and crm.accounts.v1 messages."""
from __future__ import annotations

from crm.accounts.v1 import activities_pb2

from crm_gateway.api.activities.schemas import ActivityCreate, ActivityRead
from crm_gateway.api.common import when

_ACTIVITY_TEXT = ("id", "kind", "subject", "body", "account_id", "contact_id", "lead_id", "direction", "from_address",
                  "to_address", "author", "legacy_key")


def activity_read(activity: activities_pb2.Activity) -> ActivityRead:
    return ActivityRead(**{name: getattr(activity, name) for name in _ACTIVITY_TEXT},
                        occurred_at=when(activity, "occurred_at"), created_at=when(activity, "created_at"),
                        updated_at=when(activity, "updated_at"), version=activity.version)


def create_request(body: ActivityCreate) -> activities_pb2.CreateActivityRequest:
    return activities_pb2.CreateActivityRequest(
        account_id=body.account_id, contact_id=body.contact_id or "", kind=body.kind, subject=body.subject,
        body=body.body, occurred_at=body.occurred_at.isoformat() if body.occurred_at else "",
        direction=body.direction or "")
