"""Write use cases of the leads service: keyword-only, one transaction each (one per attempt)."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime

from crmkit.errors import InvalidInput, Unavailable
from crmkit.fields import checked_text, clean_uuid
from crmkit.principal import Principal

from crm_leads.domain import policy
from crm_leads.domain.assignment import MANUAL, ROUND_ROBIN, is_eligible, next_sdr
from crm_leads.domain.commands import CreateLead, CreateWebForm, LeadData, SubmitWebForm, UpdateLead, UpdateWebForm
from crm_leads.domain.errors import StaleVersion, WebFormNotFound
from crm_leads.domain.model import WEBSITE, Lead, WebForm, canonical_source
from crm_leads.domain.rating import RatingRules
from crm_leads.domain.validation import LANDING_PAGE_MAX, NAME_MAX, clean_lead_data, clean_slug, normalise_email
from crm_leads.service_layer.unit_of_work import LeadsUnitOfWork

# A new person's first arrival can lose a race to a concurrent arrival of the same person; the
# next attempt then finds that lead and merges into it, so two attempts suffice (one spare).
_INGEST_ATTEMPTS = 3


def _now() -> datetime:
    return datetime.now(UTC)


async def submit_web_form(*, uow: LeadsUnitOfWork, rules: RatingRules, command: SubmitWebForm) -> tuple[Lead, bool]:
    """Create or update (LEAD-8) the lead of a landing-page visitor (LEAD-1); answers (lead, created)."""
    data = clean_lead_data(command.data)
    if not normalise_email(data.email):
        raise InvalidInput("an email address is required", field="email")
    return await _arrive(uow=uow, rules=rules, data=data, source=WEBSITE, web_form=command.slug.strip().lower())


async def create_lead(*, uow: LeadsUnitOfWork, rules: RatingRules, principal: Principal,
                      command: CreateLead) -> tuple[Lead, bool]:
    """A user enters a lead; the same person entered twice updates their lead (LEAD-8)."""
    policy.ensure_can_work_leads(principal)
    owner_id = command.owner_id.strip()
    if owner_id:
        policy.ensure_can_change_owner(principal)
    return await _arrive(uow=uow, rules=rules, data=clean_lead_data(command.data),
                         source=canonical_source(command.source), owner_id=owner_id,
                         landing_page=checked_text("landing_page", command.landing_page, LANDING_PAGE_MAX))


async def update_lead(*, uow: LeadsUnitOfWork, rules: RatingRules, principal: Principal, command: UpdateLead) -> Lead:
    """Edit a lead's data, status, owner or vendor account, honouring the caller's expected version."""
    policy.ensure_can_work_leads(principal)
    data = clean_lead_data(command.data)
    vendor_account = (None if command.current_vendor_account_id is None
                      else clean_uuid("current_vendor_account_id", command.current_vendor_account_id))
    async with uow:
        lead = await uow.leads.get(principal, command.lead_id, for_update=True)
        if command.expected_version and command.expected_version != lead.version:
            raise StaleVersion(command.expected_version, lead.version)
        now = _now()
        owner_id = None if command.owner_id is None else command.owner_id.strip()
        if owner_id is not None and owner_id != lead.owner_id:
            policy.ensure_can_change_owner(principal)
            await _ensure_assignable(uow, owner_id)
            lead.assign(owner_id, rule=MANUAL, now=now)
        lead.edit(data, rules=rules, now=now)
        if vendor_account is not None:
            lead.link_vendor_account(vendor_account, now=now)
        lead.change_status(command.status, command.unqualified_reason, now=now)
        await uow.leads.save(lead)
        await uow.commit()
    return lead


async def create_web_form(*, uow: LeadsUnitOfWork, principal: Principal, command: CreateWebForm) -> WebForm:
    """Publish a landing page's form (LEAD-1)."""
    policy.ensure_can_edit_forms(principal)
    now = _now()
    form = WebForm(id=str(uuid.uuid4()), slug=clean_slug(command.slug),
                   landing_page_name=checked_text("landing_page_name", command.landing_page_name, NAME_MAX,
                                                  required=True),
                   active=True, created_at=now, updated_at=now)
    async with uow:
        await uow.forms.add(form)
        await uow.commit()
    return form


async def update_web_form(*, uow: LeadsUnitOfWork, principal: Principal, command: UpdateWebForm) -> WebForm:
    """Rename, retire or re-open a landing page's form."""
    policy.ensure_can_edit_forms(principal)
    name = (None if command.landing_page_name is None
            else checked_text("landing_page_name", command.landing_page_name, NAME_MAX, required=True))
    slug = command.slug.strip().lower()
    async with uow:
        form = await uow.forms.get(slug, for_update=True)
        if form is None:
            raise WebFormNotFound(slug)
        if command.expected_version and command.expected_version != form.version:
            raise StaleVersion(command.expected_version, form.version)
        if form.change(landing_page_name=name, active=command.active, now=_now()):
            await uow.forms.save(form)
            await uow.commit()
    return form


async def _arrive(*, uow: LeadsUnitOfWork, rules: RatingRules, data: LeadData, source: str, web_form: str = "",
                  landing_page: str = "", owner_id: str = "") -> tuple[Lead, bool]:
    """A person arrives (through `web_form` when given): merge into their lead when they have one
    (LEAD-8, keeping its owner), else create a lead and assign it."""
    key = normalise_email(data.email)
    for _ in range(_INGEST_ATTEMPTS):
        async with uow:
            now = _now()
            if web_form:
                form = await uow.forms.get(web_form)
                if form is None or not form.active:
                    raise WebFormNotFound(web_form)
                landing_page = form.slug
            existing = await uow.leads.person_for_update(key) if key else None
            if existing is not None:
                existing.absorb_submission(data, rules=rules, now=now)
                await uow.leads.save(existing)
                await uow.commit()
                return existing, False
            lead = Lead.create(data=data, source=source, landing_page=landing_page, rules=rules, now=now)
            if owner_id:
                await _ensure_assignable(uow, owner_id)
                lead.assign(owner_id, rule=MANUAL, now=now)
            else:
                await _assign_round_robin(uow, lead, now)
            if await uow.leads.add(lead):
                await uow.commit()
                return lead, True
        # Lost the race: the same person's lead was committed meanwhile; the rollback undid our cursor move.
    raise Unavailable("too many concurrent arrivals of the same person; retry")


async def _assign_round_robin(uow: LeadsUnitOfWork, lead: Lead, now: datetime) -> None:
    """LEAD-3: the next active SDR after the shared cursor. With no active SDR the lead stays
    unassigned (owner empty) and waits for a manager to assign it by hand."""
    pool = await uow.users.sdr_pool()  # read before taking the lock: the lock is held until commit
    sdr = next_sdr(pool, await uow.assignment.lock_cursor())
    if sdr is None:
        return
    lead.assign(sdr, rule=ROUND_ROBIN, now=now)
    await uow.assignment.move_cursor(sdr)


async def _ensure_assignable(uow: LeadsUnitOfWork, owner_id: str) -> None:
    """A chosen owner is empty (unassigned) or an active SDR known to the users replica."""
    if not owner_id:
        return
    user = await uow.users.get(owner_id)
    if user is None or not is_eligible(user.role, user.active):
        raise InvalidInput(f"{owner_id!r} is not an active SDR", field="owner_id")
