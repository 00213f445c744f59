"""Bulk import of leads (LEAD-2), e.g. a trade show's badge scans, as pure decisions.

Every row of a batch gets exactly one outcome, in row order:

- skipped, "already a contact": the importer found the row's email on an existing contact; the
  person is a customer's contact, not a lead, and nothing of the row is checked or written;
- failed, naming the field: the row's data is not valid as for any lead (the same cleaning), its
  source is not a lead source, its ids are not UUIDs, or it has neither a name nor an email;
- skipped, "repeated later in the same batch": another valid row further down has the same
  normalised email (LEAD-8); the later row is the one imported;
- skipped, "the same name and company came earlier in the same batch": a row without email whose
  (first name, last name, company), ignoring case and spacing, matches an earlier valid row;
- updated: the email is a known lead's (without an email: the name and company are those of a
  known lead without email, so a re-imported badge scan finds its lead); the non-empty fields the
  row gives overwrite, nothing is erased; unchanged when that changes nothing (no new version, no
  event);
- created: a new lead, status New, rated, and given the next SDR of the round robin in row order.

A skipped repeat answers the id of the lead its person went into. Cleaning and in-batch
de-duplication need no database (plan_import); the rest needs the batch's known leads, locked, and
the owners of its new leads (apply_import).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from crmkit.errors import FieldProblem, InvalidInput
from crmkit.fields import checked_text, clean_uuid

from crm_leads.domain.assignment import ROUND_ROBIN
from crm_leads.domain.commands import ImportedLead, LeadData
from crm_leads.domain.model import Lead, canonical_source, person_key
from crm_leads.domain.rating import RatingRules
from crm_leads.domain.validation import NAME_MAX, clean_lead_data, normalise_email

MAX_BATCH = 1000
CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED = "created", "updated", "unchanged", "skipped", "failed"
ALREADY_A_CONTACT = "already a contact"
REPEATED_LATER = "repeated later in the same batch"
SAME_NAME_EARLIER = "the same name and company came earlier in the same batch"
NAME_OR_EMAIL = "a lead needs a name or an email"


@dataclass
class Outcome:
    key: str
    outcome: str = ""
    field: str = ""
    reason: str = ""
    lead_id: str = ""


@dataclass(frozen=True)
class ImportRow:
    """A valid row that goes to the database: it creates a lead or updates the one of its person
    (by email; without one, by name and company)."""

    index: int
    data: LeadData
    source: str
    campaign: str
    matched_account_id: str
    email_key: str | None

    @property
    def person_key(self) -> str:
        return person_key(self.data.first_name or "", self.data.last_name or "", self.data.company or "")

    @property
    def known_key(self) -> str:
        return self.email_key or self.person_key


@dataclass
class ImportPlan:
    """The rows to write, in row order, and what is decided already about the others."""

    keys: list[str]
    decided: dict[int, Outcome]            # rows failed or skipped before the database is asked
    rows: list[ImportRow]
    repeats: dict[int, int] = field(default_factory=dict)  # skipped repeat -> the row carrying its person

    @property
    def email_keys(self) -> list[str]:
        return [row.email_key for row in self.rows if row.email_key]

    @property
    def person_keys(self) -> list[str]:
        """Who the rows without email are (Lead.person_key): a re-import finds their leads by it."""
        return [row.person_key for row in self.rows if not row.email_key]

    def new_count(self, known: Mapping[str, Lead]) -> int:
        """How many leads the batch creates when `known` are the leads of its people."""
        return sum(1 for row in self.rows if row.known_key not in known)


@dataclass
class ImportResult:
    outcomes: list[Outcome]
    created: list[Lead]
    changed: list[Lead]


def plan_import(rows: Sequence[ImportedLead]) -> ImportPlan:
    """Clean every row and de-duplicate the batch (see the module's rules). InvalidInput (field
    `leads`) for a batch over MAX_BATCH rows: the whole call is refused, no row is looked at."""
    if len(rows) > MAX_BATCH:
        raise InvalidInput(f"at most {MAX_BATCH} leads per call; got {len(rows)}", field="leads")
    plan = ImportPlan(keys=[row.key for row in rows], decided={}, rows=[])
    cleaned: list[ImportRow] = []
    for index, row in enumerate(rows):
        try:
            if clean_uuid("existing_contact_id", row.existing_contact_id):
                plan.decided[index] = Outcome(row.key, SKIPPED, reason=ALREADY_A_CONTACT)
                continue
            cleaned.append(clean_row(index, row))
        except InvalidInput as exc:
            plan.decided[index] = failure(row.key, exc)
    last_by_email = {kept.email_key: kept.index for kept in cleaned if kept.email_key}
    first_by_name: dict[tuple[str, str, str], int] = {}
    for kept in cleaned:
        name = _name_key(kept.data)
        if kept.email_key:
            winner = last_by_email[kept.email_key]
            first_by_name.setdefault(name, winner)
            reason = REPEATED_LATER
        else:
            winner = first_by_name.setdefault(name, kept.index)
            reason = SAME_NAME_EARLIER
        if winner == kept.index:
            plan.rows.append(kept)
        else:
            plan.decided[kept.index] = Outcome(plan.keys[kept.index], SKIPPED, reason=reason)
            plan.repeats[kept.index] = winner
    return plan


def clean_row(index: int, row: ImportedLead) -> ImportRow:
    """A row cleaned as any lead is; InvalidInput naming every field at fault."""
    problems: list[FieldProblem] = []
    values: dict[str, Any] = {}
    for name, clean in (("data", lambda: clean_lead_data(row.data)),
                        ("source", lambda: canonical_source(row.source)),
                        ("campaign", lambda: checked_text("campaign", row.campaign, NAME_MAX)),
                        ("matched_account_id", lambda: clean_uuid("matched_account_id", row.matched_account_id))):
        try:
            values[name] = clean()
        except InvalidInput as exc:
            problems.extend(exc.problems)
    data = values.get("data")
    if isinstance(data, LeadData) and not (data.first_name or data.last_name or data.email):
        problems.append(FieldProblem("last_name", NAME_OR_EMAIL))
    if problems:
        raise InvalidInput("the row is not a valid lead", problems=problems)
    return ImportRow(index=index, data=values["data"], source=values["source"], campaign=values["campaign"],
                     matched_account_id=values["matched_account_id"],
                     email_key=normalise_email(values["data"].email))


def failure(key: str, exc: InvalidInput) -> Outcome:
    """A failed row: the first field at fault, and every problem in the reason."""
    problems = exc.problems or [FieldProblem("", exc.detail)]
    reason = "; ".join([problems[0].message, *(f"{p.field}: {p.message}" for p in problems[1:])])
    return Outcome(key, FAILED, field=problems[0].field, reason=reason)


def apply_import(plan: ImportPlan, *, known: Mapping[str, Lead], owners: Sequence[str], rules: RatingRules,
                 now: datetime) -> ImportResult:
    """Create or update the plan's leads. `known` are the leads of its emails (by key), `owners` the
    round-robin owners of its new leads in row order (empty: no SDR to assign, they stay unassigned)."""
    outcomes = [replace(plan.decided[index]) if index in plan.decided else Outcome(key)
                for index, key in enumerate(plan.keys)]
    result = ImportResult(outcomes=outcomes, created=[], changed=[])
    next_owner = iter(owners)
    for row in plan.rows:
        outcome = outcomes[row.index]
        lead = known.get(row.known_key)
        if lead is not None:
            changed = lead.absorb_import(row.data, campaign=row.campaign, matched_account_id=row.matched_account_id,
                                         rules=rules, now=now)
            outcome.outcome = UPDATED if changed else UNCHANGED
            if changed:
                result.changed.append(lead)
        else:
            lead = Lead.create(data=row.data, source=row.source, landing_page="", rules=rules, now=now,
                               campaign=row.campaign, matched_account_id=row.matched_account_id)
            owner = next(next_owner, "")
            if owner:
                lead.assign(owner, rule=ROUND_ROBIN, now=now)
            outcome.outcome = CREATED
            result.created.append(lead)
        outcome.lead_id = lead.id
    for index, winner in plan.repeats.items():
        outcomes[index].lead_id = outcomes[winner].lead_id
    return result


def _name_key(data: LeadData) -> tuple[str, str, str]:
    return tuple(" ".join((value or "").casefold().split())  # type: ignore[return-value]
                 for value in (data.first_name, data.last_name, data.company))
