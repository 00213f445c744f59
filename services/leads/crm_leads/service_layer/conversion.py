"""Lead conversion (LEAD-5, LEAD-6): the leads service orchestrates the accounts service.

The account (unless the person joins an existing one) and then the contact are created first,
through the accounts service and on the caller's behalf, with ids derived from the lead so a retry
creates nothing twice. Only when both exist does one leads transaction, holding the lead's row,
make it a Customer linked to them and write LeadConverted to the outbox. If accounts cannot be
reached the lead stays Qualified and the caller gets Unavailable; converting again is safe. A lead
that is already a Customer (a retry, or a concurrent conversion that won) answers its links.
"""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from crmkit.errors import NotFound
from crmkit.fields import checked_text, clean_uuid
from crmkit.principal import Principal

from crm_leads.domain import policy
from crm_leads.domain.commands import ConvertLead
from crm_leads.domain.conversion import AccountRef, ConversionPlan, NewAccount, NewContact, plan_conversion
from crm_leads.domain.model import Lead
from crm_leads.domain.validation import NAME_MAX
from crm_leads.service_layer.unit_of_work import LeadsUnitOfWork


class Accounts(Protocol):
    """The accounts service, acting for the caller of the conversion."""

    async def get_account(self, account_id: str) -> AccountRef: ...

    async def create_account(self, account_id: str, account: NewAccount) -> AccountRef: ...

    async def create_contact(self, contact_id: str, account_id: str, contact: NewContact) -> None: ...


async def convert_lead(*, uow: LeadsUnitOfWork, accounts: Accounts, principal: Principal,
                       command: ConvertLead) -> Lead:
    """Convert a Qualified lead (or answer the links of a converted one); the lead, linked."""
    policy.ensure_can_convert(principal)
    existing_account_id = clean_uuid("existing_account_id", command.existing_account_id)
    account_name = checked_text("account_name", command.account_name, NAME_MAX)
    async with uow:
        lead = await uow.leads.get(principal, command.lead_id)
    if lead.is_converted:
        return lead
    plan = plan_conversion(lead, existing_account_id=existing_account_id, account_name=account_name)
    account = await _account(accounts, plan)
    await accounts.create_contact(plan.contact_id, account.id, plan.contact)
    async with uow:
        lead = await uow.leads.get(principal, lead.id, for_update=True)
        if lead.is_converted:  # a concurrent conversion committed first: answer its links
            return lead
        lead.convert(account_id=account.id, contact_id=plan.contact_id, account_owner_id=account.owner_id,
                     account_name=account.name, existing_account=plan.existing_account,
                     converted_by=principal.user_id, now=datetime.now(UTC))
        await uow.leads.save(lead)
        await uow.commit()
    return lead


async def _account(accounts: Accounts, plan: ConversionPlan) -> AccountRef:
    """The new account, created (or found, on a retry), or the existing one the person joins (LEAD-5)."""
    if plan.account is not None:
        return await accounts.create_account(plan.account_id, plan.account)
    try:
        return await accounts.get_account(plan.account_id)
    except NotFound:
        raise NotFound(f"no account {plan.account_id!r}", field="existing_account_id") from None
