"""Translation between the identity records (crm_gateway.domain.identity) and the REST bodies, and
the cursors of the users and audit-event lists."""
from __future__ import annotations

from crmkit.errors import InvalidInput
from crmkit.listing import Cursor, Sorting, encode_cursor

from crm_gateway.api.identity.schemas import ApiClientRead, AuditEventRead, SigningKeyRead, TerritoryRead, UserRead
from crm_gateway.domain.identity import ApiClientRecord, AuditRecord, SigningKeyRecord, TerritoryRecord, UserRecord

# Users page by username (unique); audit events newest first, by time then their numeric id.
USER_ORDER = Sorting(sortable=("username",), default="username", timestamp_fields=())
AUDIT_ORDER = Sorting(sortable=("occurred_at",), default="-occurred_at", timestamp_fields=("occurred_at",),
                      uuid_ids=False)


def user_read(user: UserRecord) -> UserRead:
    return UserRead(id=user.id, username=user.username, full_name=user.full_name, email=user.email, role=user.role,
                    territories=list(user.territories), manager_id=user.manager_id, active=user.active,
                    version=user.version, created_at=user.created_at, updated_at=user.updated_at)


def api_client_read(client: ApiClientRecord) -> ApiClientRead:
    return ApiClientRead(id=client.id, name=client.name, role=client.role, key_prefix=client.key_prefix,
                         active=client.revoked_at is None, created_at=client.created_at, revoked_at=client.revoked_at)


def signing_key_read(key: SigningKeyRecord) -> SigningKeyRead:
    return SigningKeyRead(key_id=key.key_id, active=key.revoked_at is None, created_at=key.created_at,
                          revoked_at=key.revoked_at)


def territory_read(territory: TerritoryRecord) -> TerritoryRead:
    return TerritoryRead(code=territory.code, name=territory.name, states=list(territory.states),
                         sales_region=territory.sales_region)


def audit_event_read(event: AuditRecord) -> AuditEventRead:
    return AuditEventRead(id=event.id, occurred_at=event.occurred_at, action=event.action, actor_id=event.actor_id,
                          actor_username=event.actor_name or None, address=event.address, detail=event.detail)


def user_cursor(user: UserRecord) -> str:
    return encode_cursor(Cursor(USER_ORDER.default, user.username, user.id))


def after_username(cursor: str | None) -> str | None:
    """The username a users page starts after."""
    return None if cursor is None else str(USER_ORDER.decode(cursor, USER_ORDER.parse("")).value)


def audit_cursor(event: AuditRecord) -> str:
    return encode_cursor(Cursor(AUDIT_ORDER.default, event.occurred_at, str(event.id)))


def before_event(cursor: str | None) -> tuple | None:
    """The (time, id) of the last audit event already seen."""
    if cursor is None:
        return None
    found = AUDIT_ORDER.decode(cursor, AUDIT_ORDER.parse(""))
    if not found.id.isdigit():
        raise InvalidInput("the cursor is not valid for this list", field="cursor")
    return found.value, int(found.id)
