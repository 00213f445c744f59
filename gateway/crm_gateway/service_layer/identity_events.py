"""How the gateway's identity changes go on the wire (crm.identity.*): one builder per domain event,
from the event and the snapshot it is about, answering (subject, message)."""
from __future__ import annotations

from crm.identity.v1 import events_pb2
from crmkit.db import IntegrationEvents
from google.protobuf.timestamp_pb2 import Timestamp

from crm_gateway.adapters.repository import TerritoryRecord, UserRecord
from crm_gateway.domain.events import TerritoryChanged, UserCreated, UserDeactivated, UserReactivated, UserUpdated

USER_SUBJECT = "crm.identity.user."


def user_snapshot(user: UserRecord) -> events_pb2.User:
    changed_at = Timestamp()
    changed_at.FromDatetime(user.updated_at)
    return events_pb2.User(id=user.id, username=user.username, full_name=user.full_name, email=user.email,
                           role=user.role, territories=list(user.territories), manager_id=user.manager_id or "",
                           active=user.active, version=user.version, changed_at=changed_at)


def user_created(event: UserCreated, user: UserRecord) -> tuple[str, events_pb2.UserCreated]:
    return USER_SUBJECT + "created", events_pb2.UserCreated(user=user_snapshot(user))


def user_updated(event: UserUpdated, user: UserRecord) -> tuple[str, events_pb2.UserUpdated]:
    return USER_SUBJECT + "updated", events_pb2.UserUpdated(user=user_snapshot(user))


def user_deactivated(event: UserDeactivated, user: UserRecord) -> tuple[str, events_pb2.UserDeactivated]:
    return USER_SUBJECT + "deactivated", events_pb2.UserDeactivated(user=user_snapshot(user))


def user_reactivated(event: UserReactivated, user: UserRecord) -> tuple[str, events_pb2.UserReactivated]:
    return USER_SUBJECT + "reactivated", events_pb2.UserReactivated(user=user_snapshot(user))


def territory_changed(event: TerritoryChanged, territory: TerritoryRecord) -> tuple[str, events_pb2.TerritoryUpdated]:
    return "crm.identity.territory.updated", events_pb2.TerritoryUpdated(territory=events_pb2.Territory(
        code=territory.code, name=territory.name, states=list(territory.states), sales_region=territory.sales_region,
        version=event.version))


IDENTITY_EVENTS: IntegrationEvents = {
    UserCreated: user_created,
    UserUpdated: user_updated,
    UserDeactivated: user_deactivated,
    UserReactivated: user_reactivated,
    TerritoryChanged: territory_changed,
}
