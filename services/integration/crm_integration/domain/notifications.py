"""Notification rules: which fact becomes which email, composed without any I/O.

LEAD-6: when an SDR converts a lead, the AE who owns the account receives an email saying the
account was handed to them, naming the account, the contact and the SDR, with a link to it.
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
    paragraphs = [lines[:1], [summary], lines[4:7]]
    body_html = "".join("<p>" + "<br>".join(html.escape(line) for line in p) + "</p>" for p in paragraphs)
    body_html += f'<p><a href="{html.escape(link, quote=True)}">Open {html.escape(account)} in the CRM</a></p>'
    return Mail(
        to=owner.email, subject=subject, text="\n".join(lines) + "\n", html=body_html,
        dedup_key=f"lead-converted:{conversion.lead_id}",
        headers={**AUTOMATIC_HEADERS, "X-CRM-Notification": "account-handed-over"},
    )
