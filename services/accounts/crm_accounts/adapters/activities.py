"""Activities (GEN-1, MIG-2): the timeline of an account or a contact, newest first, and the batch
reads and writes of a legacy import by legacy key. Visibility is the caller's business: every read
here takes an account or contact the use case has already checked through readable()."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from crmkit.listing import Cursor, Sort
from crmkit.listing_sql import keyset
from crmkit.repository import is_uuid
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from crm_accounts.adapters.erp_records import Batch, any_of
from crm_accounts.adapters.orm import activities, contacts
from crm_accounts.domain.activities import Activity

ACTIVITY_COLUMNS = tuple(c.name for c in activities.c)
_NULLABLE = ("contact_id", "lead_id", "legacy_key")  # "" in the domain, NULL in the table


def activity_row(activity: Activity) -> dict[str, object]:
    row = {name: getattr(activity, name) for name in ACTIVITY_COLUMNS}
    for name in _NULLABLE:
        row[name] = row[name] or None
    return row


def to_activity(row) -> Activity:
    values = {name: row._mapping[name] for name in ACTIVITY_COLUMNS}
    for name in _NULLABLE:
        values[name] = values[name] or ""
    return Activity(**values)


class ActivityRepository:
    """Activities; those created or changed in a unit of work publish their events on commit."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._batch: Batch[Activity] = Batch(session, activities, activity_row)

    @property
    def seen(self) -> list[Activity]:
        return self._batch.seen

    async def add(self, activity: Activity) -> None:
        await self._batch.insert([activity])

    async def by_legacy_key(self, keys: Iterable[str]) -> dict[str, Activity]:
        """The activities with these legacy keys, locked (in id order) and tracked for change."""
        keys = set(keys)
        if not keys:
            return {}
        rows = (await self._session.execute(select(activities).where(any_of(activities.c.legacy_key, keys))
                                            .order_by(activities.c.id).with_for_update())).all()
        found = [self._batch.track(to_activity(row)) for row in rows]
        return {activity.legacy_key: activity for activity in found}

    async def insert(self, new: Sequence[Activity]) -> set[str]:
        """Insert new activities in one statement; answers the ids inserted (not those whose legacy key
        another transaction took meanwhile)."""
        return await self._batch.insert(new)

    async def save(self) -> None:
        await self._batch.save()

    async def account_of_contact(self, contact_id: str) -> str | None:
        """The account of an existing contact, whoever may see it (None: no such contact)."""
        if not is_uuid(contact_id):
            return None
        return (await self._session.execute(
            select(contacts.c.account_id).where(contacts.c.id == contact_id))).scalar()

    async def page(self, *, account_id: str = "", contact_id: str = "", kinds: tuple[str, ...] = (), sort: Sort,
                   after: Cursor | None = None, limit: int) -> list[Activity]:
        """Up to `limit` activities of an account or of a contact in `sort` order of occurrence (id
        breaks ties), after `after`, of `kinds` when given."""
        stmt = select(activities)
        if contact_id:
            stmt = stmt.where(activities.c.contact_id == contact_id)
        else:
            stmt = stmt.where(activities.c.account_id == account_id)
        if kinds:
            stmt = stmt.where(activities.c.kind.in_(kinds))
        stmt = keyset(stmt, activities.c.occurred_at, activities.c.id, sort, after)
        rows = await self._session.execute(stmt.limit(limit))
        return [to_activity(row) for row in rows.all()]
