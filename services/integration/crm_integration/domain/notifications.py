"""Notification rules: which fact becomes which email, composed without any I/O.

LEAD-6: when an SDR converts a lead, the AE who owns the account receives an email saying the
account was handed to them, naming the account, the contact and the SDR, with a link to it.

GEN-4, S2: when an opportunity stays in its stage longer than the stage allows, its owner (and, where
the stage says so, the owner's RSM) receives an email naming it, its account, the stage and the
threshold, with a link to it.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from crmkit.identity.model import User

from crm_integration.domain.model import Mail

AUTOMATIC_HEADERS = {"Auto-Submitted": "auto-generated"}  # RFC 3834: out-of-office replies stay quiet


@dataclass(frozen=True)
class LeadConversion:
    """The facts of one conversion (crm.leads.lead.converted) the rule needs."""

    lead_id: str
    account_id: str
    account_name: str
    contact_name: str
    existing_account: bool  # LEAD-5: the person joined an account that already existed


def one_line(value: str) -> str:
    """Collapse whitespace (and any line break a name could smuggle into a header)."""
    return " ".join(value.split())


def _html(paragraphs: list[list[str]], link: str, label: str) -> str:
    """The HTML body: each paragraph's lines escaped, then the link."""
    body = "".join("<p>" + "<br>".join(html.escape(line) for line in p) + "</p>" for p in paragraphs)
    return body + f'<p><a href="{html.escape(link, quote=True)}">{html.escape(label)}</a></p>'


def account_link(public_url: str, account_id: str) -> str:
    return f"{public_url.rstrip('/')}/accounts/{account_id}"


def account_handed_over(conversion: LeadConversion, *, owner: User, converted_by: User | None,
                        public_url: str) -> Mail:
    """The email telling `owner` that a converted lead's account is theirs (LEAD-6).

    `converted_by` is the SDR who converted the lead; None when the conversion named nobody.
    """
    account = one_line(conversion.account_name) or "an unnamed account"
    contact = one_line(conversion.contact_name) or "no named contact"
    sdr = one_line(converted_by.display_name) if converted_by else "The CRM"
    link = account_link(public_url, conversion.account_id)
    if conversion.existing_account:
        subject = f"New contact on your account: {account}"
        summary = f"{sdr} converted a lead into a new contact of {account}, an account you own."
    else:
        subject = f"Account handed to you: {account}"
        summary = f"{sdr} converted a lead into the account {account} and handed it to you."
    lines = [
        f"Hello {one_line(owner.display_name)},",
        "",
        summary,
        "",
        f"Account: {account}",
        f"Contact: {contact}",
        f"Converted by: {sdr}",
        "",
        f"Open the account: {link}",
    ]
    body_html = _html([lines[:1], [summary], lines[4:7]], link, f"Open {account} in the CRM")
    return Mail(
        to=owner.email, subject=subject, text="\n".join(lines) + "\n", html=body_html,
        dedup_key=f"lead-converted:{conversion.lead_id}",
        headers={**AUTOMATIC_HEADERS, "X-CRM-Notification": "account-handed-over"},
    )


@dataclass(frozen=True)
class StageOverdue:
    """The facts of one stage-timeout crossing (crm.sales.opportunity.stage_overdue, GEN-4) the rule needs."""

    alert_id: str
    opportunity_id: str
    opportunity_name: str
    account_name: str
    stage_name: str
    threshold_days: int
    stage_entered_on: str  # YYYY-MM-DD (UTC)


def opportunity_link(public_url: str, opportunity_id: str) -> str:
    return f"{public_url.rstrip('/')}/opportunities/{opportunity_id}"


def stage_overdue(alert: StageOverdue, *, recipient: User, owner: User, public_url: str) -> Mail:
    """GEN-4, S2: the email telling the owner (or, where the stage says so, the owner's RSM) that an
    opportunity has stayed in its stage longer than the stage allows. One per crossing and recipient."""
    opportunity = one_line(alert.opportunity_name) or "an unnamed opportunity"
    account = one_line(alert.account_name) or "an unnamed account"
    stage = one_line(alert.stage_name)
    link = opportunity_link(public_url, alert.opportunity_id)
    whose = "Your opportunity" if recipient.id == owner.id else f"{one_line(owner.display_name)}'s opportunity"
    summary = (f"{whose} {opportunity} on {account} has been in {stage} since {alert.stage_entered_on}, "
               f"longer than the {alert.threshold_days} days the stage allows.")
    lines = [
        f"Hello {one_line(recipient.display_name)},",
        "",
        summary,
        "",
        f"Opportunity: {opportunity}",
        f"Account: {account}",
        f"Stage: {stage} (alert after {alert.threshold_days} days)",
        f"Owner: {one_line(owner.display_name)}",
        "",
        f"Open the opportunity: {link}",
    ]
    body_html = _html([lines[:1], [summary], lines[4:8]], link, f"Open {opportunity} in the CRM")
    return Mail(
        to=recipient.email, subject=f"Stuck in {stage} for over {alert.threshold_days} days: {opportunity}",
        text="\n".join(lines) + "\n", html=body_html, dedup_key=f"stage-overdue:{alert.alert_id}:{recipient.id}",
        headers={**AUTOMATIC_HEADERS, "X-CRM-Notification": "stage-overdue"},
    )
