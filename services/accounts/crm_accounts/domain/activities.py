"""The activity timeline (GEN-1, MOB-1, MIG-2): calls, meetings, emails, notes and tasks on an account,
and on one of its contacts when they concern a person.

An activity belongs to its account: whoever sees the account in full reads its timeline (a
directory-only view is refused, as for orders), whoever may edit the account logs activities on it,
and the author is the caller. Migrated history (the legacy contact manager's emails and notes) is
keyed by `legacy_key`, so re-importing a file changes nothing; its author is the legacy system's user
name, its account the account of the contact it names.

Times: every activity has the instant it happened (`occurred_at`, stored with its zone, answered in
UTC). A caller logging an activity gives an offset ("2026-11-21T14:30:00-05:00" or "...Z"); the legacy
export wrote wall-clock times without one, so the import reads those in the configured legacy time
zone (AccountsSettings.legacy_time_zone), daylight saving included: an ambiguous time of the autumn
change is taken as its first occurrence, and a time the spring change skipped as a time of the offset
before the change.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from crmkit.errors import InvalidInput
from crmkit.fields import canonical, canonical_key

from crm_accounts.domain.erp import clean_text
from crm_accounts.domain.events import Created, Event
from crm_accounts.domain.model import Record

KINDS = CALL, MEETING, EMAIL, NOTE, TASK = ("call", "meeting", "email", "note", "task")
DIRECTED_KINDS = (CALL, EMAIL)  # only these have a direction
IN, OUT = "in", "out"
_DIRECTIONS = {"": "", "in": IN, "inbound": IN, "incoming": IN, "out": OUT, "outbound": OUT, "outgoing": OUT}
SUBJECT_MAX = 998  # RFC 5322's line limit: an email subject fits
BODY_MAX = 100_000  # the integration service's limit on email bodies and notes
ADDRESS_MAX = 1000  # one address or a list of them, kept as written
AUTHOR_MAX = 100
LEGACY_KEY_MAX = 200
LATEST = 10  # activities the account overview shows
_EARLIEST, _LATEST = datetime(1900, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC)
# What the content of an activity is: a re-import compares these, an update names them.
CONTENT = ("kind", "subject", "body", "occurred_at", "account_id", "contact_id", "direction", "from_address",
           "to_address", "author")


@dataclass(frozen=True)
class ActivityContent:
    """What an activity says, cleaned (kind canonical, direction in/out/"", occurred_at aware)."""

    kind: str
    occurred_at: datetime
    subject: str = ""
    body: str = ""
    direction: str = ""
    from_address: str = ""
    to_address: str = ""
    author: str = ""


@dataclass(eq=False)
class Activity(Record):
    id: str
    kind: str
    account_id: str
    occurred_at: datetime
    created_at: datetime
    updated_at: datetime
    subject: str = ""
    body: str = ""
    contact_id: str = ""
    lead_id: str = ""
    direction: str = ""
    from_address: str = ""
    to_address: str = ""
    author: str = ""
    legacy_key: str = ""
    version: int = 1
    events: list[Event] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def create(cls, *, content: ActivityContent, account_id: str, contact_id: str = "", legacy_key: str = "",
               now: datetime) -> Activity:
        """A new activity; records Created."""
        activity = cls(id=str(uuid.uuid4()), account_id=account_id, contact_id=contact_id, legacy_key=legacy_key,
                       created_at=now, updated_at=now, **vars(content))
        activity.events.append(Created())
        return activity

    def edit(self, content: ActivityContent, *, account_id: str, contact_id: str, now: datetime) -> list[str]:
        """Make it say `content` on this account and contact; answers what changed (nothing: no new version)."""
        return self._set({**vars(content), "account_id": account_id, "contact_id": contact_id}, now)


@dataclass(frozen=True)
class LegacyActivityRow:
    """MIG-2: an email or a note of the legacy history on the contact with `contact_legacy_id`."""

    legacy_key: str
    contact_legacy_id: str
    content: ActivityContent


def _text(raw: dict, name: str) -> str:
    return str(raw.get(name) or "")


def clean_kind(value: str, field: str = "kind") -> str:
    if not value.strip():
        raise InvalidInput("is required", field=field)
    return canonical(value, KINDS, field)


def clean_direction(value: str, kind: str) -> str:
    """in | out ("inbound", "OUT" and the like accepted) | "", and only for calls and emails."""
    direction = _DIRECTIONS.get(canonical_key(value))
    if direction is None:
        raise InvalidInput("must be in, out or empty", field="direction")
    if direction and kind not in DIRECTED_KINDS:
        raise InvalidInput(f"only calls and emails have a direction, not a {kind}", field="direction")
    return direction


def parse_occurred_at(value: str, *, naive_zone: tzinfo | None, field: str = "occurred_at") -> datetime:
    """An ISO 8601 date and time as an aware UTC datetime. Without an offset it is a wall-clock time of
    `naive_zone` (the legacy export's), or refused when there is none (callers give their offset)."""
    text = value.strip()
    if not text:
        raise InvalidInput("is required", field=field)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput("must be an ISO 8601 date and time such as 2026-11-21T14:30:00-05:00", field=field) from None
    if parsed.tzinfo is None:
        if naive_zone is None:
            raise InvalidInput("needs a UTC offset, such as 2026-11-21T14:30:00-05:00 or ...Z", field=field)
        parsed = parsed.replace(tzinfo=naive_zone)  # fold 0: an ambiguous time is its first occurrence
    parsed = parsed.astimezone(UTC)
    if not _EARLIEST <= parsed < _LATEST:
        raise InvalidInput("must be between the years 1900 and 2199", field=field)
    return parsed


def clean_content(raw: dict, *, occurred_at: datetime | None = None, naive_zone: tzinfo | None = None,
                  author: str | None = None) -> ActivityContent:
    """What an activity says, from text fields as sent; InvalidInput names the first bad field.
    `occurred_at` given replaces the row's; `author` given replaces the row's."""
    kind = clean_kind(_text(raw, "kind"))
    when = occurred_at or parse_occurred_at(_text(raw, "occurred_at"), naive_zone=naive_zone)
    return ActivityContent(
        kind=kind, occurred_at=when,
        subject=clean_text(_text(raw, "subject"), "subject", limit=SUBJECT_MAX),
        body=clean_text(_text(raw, "body"), "body", limit=BODY_MAX),
        direction=clean_direction(_text(raw, "direction"), kind),
        from_address=clean_text(_text(raw, "from_address"), "from_address", limit=ADDRESS_MAX),
        to_address=clean_text(_text(raw, "to_address"), "to_address", limit=ADDRESS_MAX),
        author=author if author is not None else clean_text(_text(raw, "author"), "author", limit=AUTHOR_MAX))


def clean_legacy_activity(raw: dict, naive_zone: tzinfo) -> LegacyActivityRow:
    """A row of the legacy email history or notes; InvalidInput names the first bad field."""
    key = clean_text(_text(raw, "legacy_key"), "legacy_key", required=True, limit=LEGACY_KEY_MAX)
    contact = clean_text(_text(raw, "contact_legacy_id"), "contact_legacy_id", required=True, limit=100)
    return LegacyActivityRow(legacy_key=key, contact_legacy_id=contact,
                             content=clean_content(raw, naive_zone=naive_zone))


def clean_new_activity(raw: dict, *, author: str, now: datetime) -> ActivityContent:
    """What a user logs: a kind, a subject or a body; occurred_at with an offset, or now."""
    when = parse_occurred_at(_text(raw, "occurred_at"), naive_zone=None) if _text(raw, "occurred_at").strip() else now
    content = clean_content(raw, occurred_at=when, author=author)
    if not (content.subject or content.body):
        raise InvalidInput("an activity needs a subject or a body", field="subject")
    return content
