"""Outbound mail plumbing without servers: retry backoff, the RFC 5322 message, SMTP URLs, settings."""
from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from crm_integration.adapters.delivery import EmlDirectory, build_message
from crm_integration.domain.model import Mail, QueuedMail
from crm_integration.domain.retry import retry_delay
from crm_integration.settings import IntegrationSettings, SmtpEndpoint

CREATED = datetime(2024, 5, 1, 9, 30, 15, 123456, tzinfo=UTC)
PEM = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"


def queued(**mail) -> QueuedMail:
    values = {"to": "ann@acme.test", "subject": "Hi", "text": "Body\n", "dedup_key": "k"}
    return QueuedMail(id="0b9b3c1e-0000-4000-8000-000000000001", mail=Mail(**{**values, **mail}), created_at=CREATED,
                      attempts=0)


def settings(monkeypatch, **env) -> IntegrationSettings:
    for name in [n for n in os.environ if n.startswith("CRM_INTEGRATION_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("CRM_INTEGRATION_DATABASE_URL", "postgresql://crm@db/crm_integration")
    monkeypatch.setenv("CRM_INTEGRATION_PRINCIPAL_PUBLIC_KEY", PEM)
    for name, value in env.items():
        monkeypatch.setenv(f"CRM_INTEGRATION_{name.upper()}", value)
    return IntegrationSettings()


def test_retry_delay_doubles_from_the_base_up_to_the_cap():
    delays = [retry_delay(n, base_seconds=5, max_seconds=600) for n in range(1, 10)]
    assert delays == [5, 10, 20, 40, 80, 160, 320, 600, 600]
    assert retry_delay(10_000, base_seconds=5, max_seconds=600) == 600  # never overflows, never gives up
    with pytest.raises(ValueError):
        retry_delay(0, base_seconds=5, max_seconds=600)


def test_the_message_carries_both_bodies_and_a_stable_message_id():
    message = build_message(queued(html="<p>Body</p>", headers={"Auto-Submitted": "auto-generated",
                                                                "to": "someone@else.test"}),
                            "CRM <crm@acme.test>")

    assert message["From"] == "CRM <crm@acme.test>"
    assert message.get_all("To") == ["ann@acme.test"]  # queued headers cannot redirect the mail
    assert message["Message-ID"] == "<0b9b3c1e-0000-4000-8000-000000000001@acme.test>"
    assert message["Date"] == "Wed, 01 May 2024 09:30:15 +0000"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_body(("plain",)).get_content() == "Body\n"
    assert message.get_body(("html",)).get_content() == "<p>Body</p>\n"


def test_eml_files_are_named_by_creation_time_and_id():
    assert EmlDirectory(Path("/m")).path_of(queued()) == Path(
        "/m/20240501T093015123456Z-0b9b3c1e-0000-4000-8000-000000000001.eml")


def test_smtp_urls():
    assert SmtpEndpoint.parse("smtp://relay.acme.test") == SmtpEndpoint("relay.acme.test", 25, tls=False)
    assert SmtpEndpoint.parse("smtps://crm%40acme.test:p%2Fss@smtp.office365.com:465") == SmtpEndpoint(
        "smtp.office365.com", 465, tls=True, username="crm@acme.test", password="p/ss")
    assert SmtpEndpoint.parse("smtps://mail.acme.test").port == 465
    for bad in ("http://mail.acme.test", "smtp://", "mail.acme.test:25"):
        with pytest.raises(ValueError):
            SmtpEndpoint.parse(bad)


def test_settings_defaults(monkeypatch):
    s = settings(monkeypatch)
    assert (s.grpc_port, s.mail_from, s.public_url, s.smtp_url) == (50066, "crm@localhost", "http://127.0.0.1:8000",
                                                                    None)
    assert s.mail_dir == Path("var/mail/outbox")
    assert s.smtp_endpoint() is None
    assert settings(monkeypatch, data_dir="/srv/crm").mail_dir == Path("/srv/crm/mail/outbox")
    explicit = settings(monkeypatch, data_dir="/srv/crm", mail_dir="/tmp/outbox", public_url="https://crm.acme.test/",
                        smtp_url="smtp://relay:2525")
    assert explicit.mail_dir == Path("/tmp/outbox")
    assert explicit.public_url == "https://crm.acme.test"
    assert explicit.smtp_endpoint() == SmtpEndpoint("relay", 2525, tls=False)


def test_settings_refuse_unusable_mail_urls(monkeypatch):
    with pytest.raises(ValidationError, match="smtp://"):
        settings(monkeypatch, smtp_url="imap://mail.acme.test")
    with pytest.raises(ValidationError, match="http"):
        settings(monkeypatch, public_url="crm.acme.test")
    with pytest.raises(ValidationError, match="address"):
        settings(monkeypatch, mail_from="The CRM")
