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
from crm_integration.domain.notifications import LeadConversion, StageOverdue

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


async def notify_stage_overdue(users: UserRepository, outbox: MailOutboxRepository, alert: StageOverdue, *,
                               owner_id: str, rsm_id: str, public_url: str) -> list[str]:
    """GEN-4, S2: queue the stage-timeout email to the owner, and to the RSM when the event names one.

    Answers the ids of the messages queued (none when this crossing's emails were queued already).
    Raises UserNotReplicatedYet (retry later) when a recipient has not reached the users replica yet,
    and NoEmailAddress (dead letter) when the owner has none; an RSM without an address is skipped."""
    owner = await users.get(owner_id)
    if owner is None:
        raise UserNotReplicatedYet(owner_id, "the opportunity's owner")
    if not owner.email:
        raise NoEmailAddress(f"{owner.display_name} ({owner.id})", "the opportunity's owner")
    recipients = [owner]
    if rsm_id:
        rsm = await users.get(rsm_id)
        if rsm is None:
            raise UserNotReplicatedYet(rsm_id, "the owner's RSM")
        if rsm.email:
            recipients.append(rsm)
        else:
            log.warning("the RSM %s has no email address: alert %s goes to the owner only", rsm_id, alert.alert_id)
    queued = []
    for recipient in recipients:
        mail_id = await outbox.enqueue(notifications.stage_overdue(alert, recipient=recipient, owner=owner,
                                                                   public_url=public_url))
        if mail_id is not None:
            queued.append(mail_id)
    if not queued:
        log.info("stage alert %s was notified already", alert.alert_id)
    return queued
