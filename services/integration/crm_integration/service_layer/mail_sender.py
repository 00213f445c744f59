"""The MailSender worker: delivers the mail outbox, each message once, retrying failures forever.

Each message is claimed in its own transaction with FOR UPDATE SKIP LOCKED, delivered, and marked
sent before the commit, so two replicas never hold the same row and a crash can repeat at most the
one message in flight (with the same Message-ID). A failed delivery counts the attempt, keeps the
error and waits base, 2*base, 4*base, ... seconds (capped) before the next try; nothing is given up.
"""
from __future__ import annotations

import logging
from datetime import timedelta

from crmkit.db import SessionFactory
from crmkit.workers import PollingWorker

from crm_integration.adapters.delivery import Transport, build_message
from crm_integration.adapters.repository import MailOutboxRepository
from crm_integration.domain.retry import retry_delay

log = logging.getLogger(__name__)


class MailSender(PollingWorker):
    def __init__(self, session_factory: SessionFactory, transport: Transport, *, sender: str,
                 retry_base_seconds: float = 5.0, retry_max_seconds: float = 600.0, poll_seconds: float = 1.0,
                 batch_size: int = 100) -> None:
        super().__init__(poll_seconds=poll_seconds)
        self._sessions = session_factory
        self._transport = transport
        self._sender = sender
        self._base = retry_base_seconds
        self._cap = retry_max_seconds
        self._batch = batch_size

    async def work_once(self) -> bool:
        return await self.send_due() > 0

    async def send_due(self) -> int:
        """Try every due message once (up to a batch). Answers how many were delivered."""
        delivered = 0
        for _ in range(self._batch):
            if self.stopping:
                break
            outcome = await self._send_one()
            if outcome is None:
                break
            delivered += outcome
        return delivered

    async def _send_one(self) -> bool | None:
        """Deliver the oldest due message: True when delivered, False when it failed, None when none is due."""
        async with self._sessions() as session, session.begin():
            outbox = MailOutboxRepository(session)
            item = await outbox.claim_due()
            if item is None:
                return None
            try:
                await self._transport.deliver(item, build_message(item, self._sender))
            except Exception as exc:
                attempts = item.attempts + 1
                delay = retry_delay(attempts, base_seconds=self._base, max_seconds=self._cap)
                await outbox.mark_failed(item.id, error=f"{type(exc).__name__}: {exc}",
                                         retry_in=timedelta(seconds=delay))
                log.warning("mail %s to %s failed (attempt %d), next try in %.0fs: %s", item.id, item.mail.to,
                            attempts, delay, exc)
                return False
            await outbox.mark_sent(item.id)
            log.info("mail %s sent to %s", item.id, item.mail.to, extra={"mail_id": item.id})
            return True
