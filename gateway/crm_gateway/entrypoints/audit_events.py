"""/api/v1/audit-events: the security audit trail read back (admin only; GEN-8, RPT-4)."""
from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from crm_gateway.domain.model import Caller
from crm_gateway.entrypoints.mappers import moment
from crm_gateway.entrypoints.schemas import AuditEventPage, AuditEventRead
from crm_gateway.security import GatewayDep, require_roles
from crm_gateway.service_layer import audit
from crmkit.errors import InvalidInput

router = APIRouter(prefix="/api/v1/audit-events", tags=["audit"])
Admin = Annotated[Caller, Depends(require_roles("admin"))]

DESCRIPTION = f"""The gateway's audit trail (GEN-8), newest first, one cursor page at a time: logins, failed and
throttled logins, logouts, refresh-token reuse, permission refusals, and changes to users and API clients.
For recent user logins (RPT-4) ask for `action=login`.

Filters combine: `action` (repeatable, any of {", ".join(f"`{a}`" for a in audit.ACTIONS)}), `actor_id`,
`since` (inclusive) and `until` (exclusive), each an ISO 8601 date-time (UTC when it has no offset) or a date
(`until` as a bare date covers that whole day). Pass `next_cursor` back as `cursor` for the next page; it is
null on the last one. An unknown action, a malformed time or cursor answers 422 naming the parameter.

`detail` never holds a password, key or token. Admin only: other roles and API clients get 403."""


def _encode_cursor(event: AuditEventRead) -> str:
    return base64.urlsafe_b64encode(f"{event.occurred_at.isoformat()}|{event.id}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, event_id = text.partition("|")
        when = datetime.fromisoformat(at)
        if when.tzinfo is None or not event_id.isdigit():
            raise ValueError(text)
        return when, int(event_id)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidInput("not a cursor from a previous page", field="cursor") from exc


@router.get("", response_model=AuditEventPage, summary="List audit events (admin)", description=DESCRIPTION)
async def list_audit_events(
    caller: Admin, gw: GatewayDep,
    action: Annotated[list[str] | None, Query(max_length=20, description="Only these actions (repeatable)")] = None,
    actor_id: Annotated[str | None, Query(max_length=64, description="Only what this user or API client did")] = None,
    since: Annotated[str | None, Query(max_length=40, description="ISO date or date-time, inclusive")] = None,
    until: Annotated[str | None, Query(max_length=40, description="ISO date (whole day) or date-time, "
                                                                     "exclusive")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200, description="`next_cursor` of the previous page")] = None,
) -> AuditEventPage:
    found = await audit.list_events(
        gw=gw, actions=action or [], actor_id=actor_id, since=moment(since, field="since"),
        until=moment(until, field="until", end_of_day=True), before=_decode_cursor(cursor) if cursor else None,
        limit=limit + 1,
    )
    items = [AuditEventRead.of(event) for event in found[:limit]]
    more = len(found) > limit
    return AuditEventPage(items=items, next_cursor=_encode_cursor(items[-1]) if more else None)
