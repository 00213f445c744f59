"""Notification rules applied inside the transaction of the event that triggers them.

The email is queued in the same transaction as the consumer's inbox row: the event counts as
handled exactly when its email is queued, and the mail outbox's dedup key keeps a fact that
arrives twice (under two event ids) from queueing a second email.
"""
from __future__ import annotations

import logging

from crm_integration.adapters.repository import MailOutboxRepository, UserRepository
from crm_integration.domain import notifications
from crm_integration.domain.errors import NoEmailAddress, UserNotReplicatedYet
from crm_integration.domain.notifications import LeadConversion

log = logging.getLogger(__name__)


async def notify_account_owner(users: UserRepository, outbox: MailOutboxRepository, conversion: LeadConversion,
                               *, owner_id: str, converted_by_id: str, public_url: str) -> str | None:
    """LEAD-6: queue the email telling the account's owner it was handed to them.

    Answers the queued message's id, or None when this conversion's email was queued already.
    Raises UserNotReplicatedYet (retry later) when the owner or the SDR has not reached the users
    replica yet, and NoEmailAddress (dead letter) when the owner has no address.
    """
    owner = await users.get(owner_id)
    if owner is None:
        raise UserNotReplicatedYet(owner_id, "the account owner")
    if not owner.email:
        raise NoEmailAddress(f"{owner.display_name} ({owner.id})", "the account owner")
    converted_by = None
    if converted_by_id:
        converted_by = await users.get(converted_by_id)
        if converted_by is None:
            raise UserNotReplicatedYet(converted_by_id, "the SDR who converted the lead")
    mail = notifications.account_handed_over(conversion, owner=owner, converted_by=converted_by,
                                             public_url=public_url)
    mail_id = await outbox.enqueue(mail)
    if mail_id is None:
        log.info("conversion of lead %s was notified already", conversion.lead_id)
    return mail_id
