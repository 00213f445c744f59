"""Request and response bodies of the activity timeline (GEN-1, MOB-1, MIG-2); they mirror
crm.accounts.v1.Activity."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, Field

from crm_gateway.api.common import Strict

ActivityKind = Literal["call", "meeting", "email", "note", "task"]


class ActivityRead(BaseModel):
    """A call, meeting, email, note or task on an account (and maybe one of its contacts)."""

    id: str
    kind: str = Field(description="call | meeting | email | note | task")
    subject: str
    body: str
    occurred_at: datetime
    account_id: str
    contact_id: str = Field(description='"" when on the account only')
    lead_id: str = Field(description='the lead it concerns, "" when none')
    direction: str = Field(description='in | out | "" (calls and emails)')
    from_address: str
    to_address: str
    author: str = Field(description="the user id of who logged it, or the legacy system's user name (migrated)")
    legacy_key: str = Field(description='"" unless migrated from the legacy contact manager (MIG-2)')
    created_at: datetime | None
    updated_at: datetime | None
    version: int


class ActivityCreate(Strict):
    """What a user logs; the caller is its author. A subject or a body is required."""

    multiline = frozenset({"body"})

    account_id: str = Field(min_length=1, max_length=64, description="an account the caller may edit")
    contact_id: str | None = Field(None, max_length=64, description="a contact of that account")
    kind: ActivityKind
    subject: str = Field("", max_length=998)
    body: str = Field("", max_length=100_000)
    occurred_at: AwareDatetime | None = Field(None, description="with its UTC offset; default: now")
    direction: Literal["in", "out", ""] | None = Field(None, description="calls and emails only")
