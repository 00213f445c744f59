"""Every query of the leads service. Lead queries start from readable(principal), their one scope."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from crmkit.bulk import UnnestInsert
from crmkit.identity.replica import Users
from crmkit.listing import Cursor, Sort
from crmkit.listing_sql import keyset
from crmkit.principal import Principal
from crmkit.repository import TrackedRepository, is_uuid
from sqlalchemy import Select, and_, bindparam, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from crm_leads.adapters.orm import assignment_cursors, leads, users, web_forms
from crm_leads.domain.assignment import ROUND_ROBIN, SDR_ROLE
from crm_leads.domain.commands import ListLeads
from crm_leads.domain.errors import EmailTaken, LeadNotFound, SlugTaken
from crm_leads.domain.model import Lead, WebForm
from crm_leads.domain.policy import ensure_can_work_leads

LEAD_COLUMNS = tuple(c.name for c in leads.c if c.name not in ("email_key", "person_key"))
FORM_COLUMNS = tuple(c.name for c in web_forms.c)
_EMAIL_CONSTRAINT = "uq_leads_email_key"

# The hot writes are built once and given their values as parameters, so SQLAlchemy compiles
# each a single time instead of on every submission (values() inlined per call defeats its cache).
_INSERT_LEAD = (insert(leads).on_conflict_do_nothing(index_elements=[leads.c.email_key])
                .returning(leads.c.id))
_INSERT_LEADS = UnnestInsert(leads, (*LEAD_COLUMNS, "email_key", "person_key"),
                             "ON CONFLICT (email_key) DO NOTHING RETURNING id")
_PEOPLE_FOR_UPDATE = (select(leads).where(or_(leads.c.email_key.in_(bindparam("keys", expanding=True)),
                                              leads.c.person_key.in_(bindparam("people", expanding=True))))
                      .order_by(leads.c.id).with_for_update())
_LOCK_CURSOR = (lambda stmt: stmt.on_conflict_do_update(index_elements=[assignment_cursors.c.name],
                                                        set_={"name": stmt.excluded.name})
                .returning(assignment_cursors.c.last_key))(insert(assignment_cursors))


def _to_lead(row) -> Lead:
    return Lead(**{name: row._mapping[name] for name in LEAD_COLUMNS})


def _lead_row(lead: Lead) -> dict[str, object]:
    values = lead.__dict__
    row = {name: values[name] for name in LEAD_COLUMNS}
    row["email_key"] = lead.email_key
    row["person_key"] = lead.person_key
    return row


def readable(principal: Principal) -> Select:
    """The leads `principal` may see: the one scope every lead query starts from. Every role allowed
    to work with leads sees all of them today; a narrower rule (e.g. SDRs seeing only their own)
    belongs here and nowhere else."""
    ensure_can_work_leads(principal)
    return select(leads)


class LeadRepository(TrackedRepository[Lead]):
    """Leads, with those a unit of work loaded for change or added in `seen` (their events go out on commit)."""

    table, kind = leads, "lead"

    async def get(self, principal: Principal, lead_id: str, *, for_update: bool = False) -> Lead:
        if not is_uuid(lead_id):
            raise LeadNotFound(lead_id)
        query = readable(principal).where(leads.c.id == lead_id)
        row = (await self._session.execute(query.with_for_update() if for_update else query)).first()
        if row is None:
            raise LeadNotFound(lead_id)
        lead = _to_lead(row)
        return self._track(lead) if for_update else lead

    async def person_for_update(self, email_key: str) -> Lead | None:
        """The lead of the person with this normalised email (LEAD-8), locked, for de-duplicating an
        arrival. Not scoped: an anonymous form submission must find it too, and answers no lead data."""
        row = (await self._session.execute(
            select(leads).where(leads.c.email_key == email_key).with_for_update()
        )).first()
        return self._track(_to_lead(row)) if row else None

    async def add(self, lead: Lead) -> bool:
        """Insert a new lead; False (nothing written) when a lead with the same email exists already."""
        inserted = (await self._session.execute(_INSERT_LEAD, _lead_row(lead))).first()
        if inserted is not None:
            self._track(lead)
        return inserted is not None

    async def people_for_update(self, email_keys: Sequence[str], person_keys: Sequence[str] = ()) -> dict[str, Lead]:
        """The leads of these normalised emails (LEAD-8), and of these person keys among leads without
        email (Lead.person_key), by key, locked: one query for a whole import batch. Not scoped, like
        person_for_update. The first lead of a person key wins when several share it."""
        if not email_keys and not person_keys:
            return {}
        rows = (await self._session.execute(_PEOPLE_FOR_UPDATE, {"keys": list(email_keys),
                                                                 "people": list(person_keys)})).all()
        found: dict[str, Lead] = {}
        for lead in map(_to_lead, rows):
            found.setdefault(lead.email_key or lead.person_key, self._track(lead))  # type: ignore[arg-type]
        return found

    async def add_many(self, new: Sequence[Lead]) -> bool:
        """Insert new leads in one statement; False when any was not written because a lead with its
        email exists already (committed meanwhile): the caller then rolls the whole batch back."""
        if not new:
            return True
        inserted = (await _INSERT_LEADS.execute(self._session, [_lead_row(lead) for lead in new])).all()
        for lead in new:
            self._track(lead)
        return len(inserted) == len(new)

    async def save_many(self, changed: Sequence[Lead]) -> None:
        """Write modified leads, each locked since it was read (people_for_update), in one executemany."""
        await self._update_many(changed, _lead_row)

    async def save(self, lead: Lead) -> None:
        """Write a lead loaded for change, if it changed, where it still has the version it was read at."""
        await self._update(lead, _lead_row(lead))

    def _refused(self, exc: IntegrityError, lead: Lead) -> Exception:
        return EmailTaken() if _EMAIL_CONSTRAINT in str(exc.orig) else exc

    async def page(self, principal: Principal, query: ListLeads, *, sort: Sort, after: Cursor | None,
                   limit: int) -> list[Lead]:
        """Up to `limit` leads matching `query`, in `sort` order (id breaks ties), after `after`."""
        stmt = readable(principal)
        for values, column in ((query.statuses, leads.c.status), (query.owner_ids, leads.c.owner_id),
                               (query.sources, leads.c.source), (query.landing_pages, leads.c.landing_page),
                               (query.ratings, leads.c.rating)):
            if values:
                stmt = stmt.where(column.in_(values))
        if query.created_from:
            stmt = stmt.where(leads.c.created_at >= query.created_from)
        if query.created_to:
            stmt = stmt.where(leads.c.created_at < query.created_to)
        if query.text.strip():
            pattern = "%" + query.text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            full_name = func.concat(leads.c.first_name, " ", leads.c.last_name)
            stmt = stmt.where(or_(*(col.ilike(pattern, escape="\\") for col in (
                full_name, leads.c.company, leads.c.email))))
        stmt = keyset(stmt, leads.c[sort.field], leads.c.id, sort, after)
        rows = (await self._session.execute(stmt.limit(limit))).all()
        return [_to_lead(row) for row in rows]


class WebFormRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, form: WebForm) -> None:
        inserted = (await self._session.execute(
            insert(web_forms).values({name: getattr(form, name) for name in FORM_COLUMNS})
            .on_conflict_do_nothing(index_elements=[web_forms.c.slug]).returning(web_forms.c.id)
        )).first()
        if inserted is None:
            raise SlugTaken(form.slug)

    async def get(self, slug: str, *, for_update: bool = False) -> WebForm | None:
        query = select(web_forms).where(web_forms.c.slug == slug)
        row = (await self._session.execute(query.with_for_update() if for_update else query)).first()
        return WebForm(**row._mapping) if row else None

    async def page(self, *, sort: Sort, after: Cursor | None, limit: int) -> list[WebForm]:
        """Up to `limit` forms by slug, after `after`."""
        stmt = keyset(select(web_forms), web_forms.c.slug, web_forms.c.id, sort, after)
        return [WebForm(**row._mapping) for row in (await self._session.execute(stmt.limit(limit))).all()]

    async def save(self, form: WebForm) -> None:
        await self._session.execute(update(web_forms).where(web_forms.c.id == form.id).values(
            landing_page_name=form.landing_page_name, active=form.active, updated_at=form.updated_at,
            version=form.version))


class UserRepository(Users):
    """The users replica: the SDR pool of round-robin assignment (LEAD-3)."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, users)

    async def sdr_pool(self) -> list[str]:
        """Ids of the users eligible for round-robin: active SDRs."""
        return list((await self._session.execute(
            select(users.c.id).where(and_(users.c.role == SDR_ROLE, users.c.active)))).scalars())


class AssignmentRepository:
    """The round-robin cursor: one row, locked for the rest of the assigning transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lock_cursor(self, name: str = ROUND_ROBIN) -> str | None:
        """The key of the SDR who got the last lead, with the cursor row locked until commit.

        An upsert that always updates creates the row on first use and locks it in one statement,
        so two replicas assigning at once queue on the same row instead of racing.
        """
        return (await self._session.execute(_LOCK_CURSOR, {"name": name})).scalar_one()

    async def move_cursor(self, key: str, name: str = ROUND_ROBIN) -> None:
        await self._session.execute(update(assignment_cursors).where(assignment_cursors.c.name == name)
                                    .values(last_key=key, updated_at=datetime.now(UTC)))
