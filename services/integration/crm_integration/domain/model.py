"""What the integration service knows: users (a replica of the gateway's) and mail to send."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class User:
    """A user as the last identity snapshot described them (highest version wins)."""

    id: str
    username: str
    full_name: str
    email: str
    role: str
    active: bool
    version: int

    @property
    def display_name(self) -> str:
        return self.full_name or self.username or self.id


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
