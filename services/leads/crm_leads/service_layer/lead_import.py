"""Bulk import of leads (LEAD-2, LEAD-3, LEAD-5, LEAD-8): a batch in one transaction, set-based.

The rules of each row are crm_leads.domain.lead_import's. The transaction costs a fixed number of
statements whatever the batch's size, so 100,000 leads import in minutes (GEN-12):

    1. the SDR pool (read before the lock, as for a web lead)
    2. the round-robin cursor, locked: taken first, so concurrent imports (any replica) queue on it
       and never lock each other's leads in opposite orders; web leads share it (LEAD-3)
    3. one SELECT ... FOR UPDATE of the leads of the batch's emails (LEAD-8)
    4. one multi-row INSERT of the new leads, owners computed in Python from the pool and the cursor
    5. one executemany UPDATE of the leads that changed
    6. the cursor moved once, to the last SDR given a lead
    7. the events (created, assigned, updated) bulk-inserted into the outbox with the commit

A new lead whose email was committed by someone else after step 3 (a concurrent web form or
import) makes step 4 write fewer rows: the batch is rolled back, cursor move included, and done
again, finding that lead to update.
"""
from __future__ import annotations

from datetime import UTC, datetime

from crmkit.errors import Unavailable
from crmkit.principal import Principal

from crm_leads.domain import policy
from crm_leads.domain.assignment import next_sdrs
from crm_leads.domain.commands import ImportLeads
from crm_leads.domain.lead_import import Outcome, apply_import, plan_import
from crm_leads.domain.rating import RatingRules
from crm_leads.service_layer.unit_of_work import LeadsUnitOfWork

# A retry happens only when a person of the batch arrived concurrently; a third is a spare.
_ATTEMPTS = 3


async def import_leads(*, uow: LeadsUnitOfWork, rules: RatingRules, principal: Principal,
                       command: ImportLeads) -> list[Outcome]:
    """Import a batch of leads; one outcome per row, in row order."""
    policy.ensure_can_import_leads(principal)
    plan = plan_import(command.leads)
    if not plan.rows:
        return [plan.decided[index] for index in range(len(plan.keys))]
    for _ in range(_ATTEMPTS):
        async with uow:
            now = datetime.now(UTC)
            pool = await uow.users.sdr_pool()
            cursor = await uow.assignment.lock_cursor()
            known = await uow.leads.people_for_update(plan.email_keys, plan.person_keys)
            owners = next_sdrs(pool, cursor, plan.new_count(known))
            result = apply_import(plan, known=known, owners=owners, rules=rules, now=now)
            if not await uow.leads.add_many(result.created):
                continue  # leaving the block rolls the attempt back
            await uow.leads.save_many(result.changed)
            if owners:
                await uow.assignment.move_cursor(owners[-1])
            await uow.commit()
            return result.outcomes
    raise Unavailable("people of this batch keep arriving concurrently; retry the batch")
