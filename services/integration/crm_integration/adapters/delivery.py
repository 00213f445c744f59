"""Getting a queued message out of the building: RFC 5322 messages, an SMTP relay, or .eml files.

`SmtpTransport` hands the message to the relay named by `smtp://user:pass@host:port` (STARTTLS
when the server offers it, as Office 365 on port 587 does) or `smtps://...` (TLS from the first
byte, port 465 by default). smtplib blocks, so it runs in a thread with a timeout on every socket
operation. `EmlDirectory` writes `<created>-<id>.eml` files instead, for runs without a relay.
"""
from __future__ import annotations

import asyncio
import os
import smtplib
import ssl
from datetime import UTC
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Protocol

from crm_integration.domain.model import QueuedMail
from crm_integration.settings import SmtpEndpoint

_CORE_HEADERS = ("From", "To", "Subject", "Date", "Message-ID")


def build_message(item: QueuedMail, sender: str) -> EmailMessage:
    """The RFC 5322 message of a queued mail. Its Message-ID derives from the row id, so a message
    sent again after a crash carries the same id and receivers can tell it is the same mail."""
    mail = item.mail
    message = EmailMessage()
    for name, value in mail.headers.items():
        if name.title() not in {h.title() for h in _CORE_HEADERS}:
            message[name] = value
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(item.created_at)
    message["Message-ID"] = f"<{item.id}@{domain}>"
    message.set_content(mail.text)
    if mail.html:
        message.add_alternative(mail.html, subtype="html")
    return message


class Transport(Protocol):
    async def deliver(self, item: QueuedMail, message: EmailMessage) -> None:
        """Deliver or raise; a raise leaves the message queued for a later attempt."""


class SmtpTransport:
    def __init__(self, endpoint: SmtpEndpoint, *, timeout: float = 30.0) -> None:
        self._endpoint = endpoint
        self._timeout = timeout

    async def deliver(self, item: QueuedMail, message: EmailMessage) -> None:
        await asyncio.to_thread(self._send, message)

    def _send(self, message: EmailMessage) -> None:
        end = self._endpoint
        context = ssl.create_default_context()
        if end.tls:
            client: smtplib.SMTP = smtplib.SMTP_SSL(end.host, end.port, timeout=self._timeout, context=context)
        else:
            client = smtplib.SMTP(end.host, end.port, timeout=self._timeout)
        with client:
            client.ehlo()
            if not end.tls and client.has_extn("starttls"):
                client.starttls(context=context)
                client.ehlo()
            if end.username:
                client.login(end.username, end.password or "")
            refused = client.send_message(message)
        if refused:
            raise smtplib.SMTPRecipientsRefused(refused)


class EmlDirectory:
    """Writes each message as `<created>-<id>.eml` into a folder, atomically (temporary file, then
    rename), so a reader never sees half a message and a repeated delivery replaces the same file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_of(self, item: QueuedMail) -> Path:
        created = item.created_at.astimezone(UTC)
        return self.folder / f"{created:%Y%m%dT%H%M%S%fZ}-{item.id}.eml"

    async def deliver(self, item: QueuedMail, message: EmailMessage) -> None:
        await asyncio.to_thread(self._write, self.path_of(item), message.as_bytes())

    @staticmethod
    def _write(target: Path, data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        with open(temporary, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target)
