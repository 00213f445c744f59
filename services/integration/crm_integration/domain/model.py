"""What the integration service sends: mail (addressed to users of the kit's identity replica)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Mail:
    """A message to send. `dedup_key` names the fact it reports, so one fact never mails twice."""

    to: str
    subject: str
    text: str
    dedup_key: str
    html: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class QueuedMail:
    """A message in the mail outbox, as the sender claims it."""

    id: str
    mail: Mail
    created_at: datetime
    attempts: int
