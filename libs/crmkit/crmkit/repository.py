"""Tracked repositories: the aggregates one unit of work loaded for change or inserted, one object
per id. The unit of work publishes the events of every aggregate in a repository's `seen` on commit;
a change is written back only where the row still has the version it was loaded at."""
from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, ClassVar, Generic, TypeVar

from crmkit.domain import Aggregate
from crmkit.errors import PreconditionFailed
from sqlalchemy import Table, Update, bindparam, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

A = TypeVar("A", bound=Aggregate)


def is_uuid(value: str) -> bool:
    """Whether `value` can be an id of a UUID column: anything else is simply not found."""
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


class IdentityMap(Generic[A]):
    """One object per id, with the revision and version each had when it was last read or written."""

    def __init__(self) -> None:
        self._objects: dict[str, A] = {}
        self._stored: dict[str, tuple[int, int]] = {}  # id -> (revision, version) as stored

    @property
    def seen(self) -> list[A]:
        return list(self._objects.values())

    def track(self, aggregate: A) -> A:
        """The one object of this aggregate in the unit of work (the first one loaded wins)."""
        if aggregate.id not in self._objects:
            self._objects[aggregate.id] = aggregate
            self._stored[aggregate.id] = (aggregate.revision, aggregate.version)
        return self._objects[aggregate.id]

    def get(self, aggregate_id: str) -> A | None:
        return self._objects.get(aggregate_id)

    def stored_version(self, aggregate: A) -> int:
        """The version the row has if no one else changed it (the version guard of an update)."""
        return self._stored[aggregate.id][1]

    def is_changed(self, aggregate: A) -> bool:
        """Changed since it was read or written."""
        return aggregate.revision != self._stored[aggregate.id][0]

    def changed(self) -> list[A]:
        return [aggregate for aggregate in self._objects.values() if self.is_changed(aggregate)]

    def written(self, aggregate: A) -> None:
        self._stored[aggregate.id] = (aggregate.revision, aggregate.version)


class TrackedRepository(Generic[A]):
    """The aggregates of one table (`table`, with `id` and `version` columns) a unit of work tracks.

    Subclasses call `_track` on what they load for change and map a constraint's refusal to the
    business error it means in `_refused`.
    """

    table: ClassVar[Table]
    kind: ClassVar[str]  # what the aggregate is called in messages: "lead", "account"

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._tracked: IdentityMap[A] = IdentityMap()

    @property
    def seen(self) -> list[A]:
        return self._tracked.seen

    def _track(self, aggregate: A) -> A:
        return self._tracked.track(aggregate)

    def _refused(self, exc: IntegrityError, aggregate: A) -> Exception:
        """The CrmError a refused write of `aggregate` means (override); by default the refusal itself."""
        return exc

    async def _execute(self, statement: Any, params: Any, aggregate: A) -> Any:
        try:
            return await self._session.execute(statement, params)
        except IntegrityError as exc:
            raise self._refused(exc, aggregate) from None

    async def _insert(self, aggregate: A, row: dict[str, object]) -> None:
        """Insert a new aggregate and track it."""
        await self._execute(self.table.insert(), row, aggregate)
        self._tracked.written(self._track(aggregate))

    async def _update(self, aggregate: A, row: dict[str, object]) -> None:
        """Write a tracked aggregate changed since it was read or written, guarded by its stored version."""
        if not self._tracked.is_changed(aggregate):
            return
        result = await self._execute(_guarded_update(self.table), self._guarded(aggregate, row), aggregate)
        if result.rowcount != 1:
            raise PreconditionFailed(f"the {self.kind} changed meanwhile; read it again", field="expected_version")
        self._tracked.written(aggregate)

    async def _update_many(self, aggregates: Sequence[A], row_of: Callable[[A], dict[str, object]]) -> None:
        """Write those of `aggregates` changed since they were read or written, in one executemany
        (each was locked when loaded, so the version guard is belt and braces)."""
        changed = [aggregate for aggregate in aggregates if self._tracked.is_changed(aggregate)]
        if changed:
            await self._session.execute(_guarded_update(self.table),
                                        [self._guarded(aggregate, row_of(aggregate)) for aggregate in changed])
            for aggregate in changed:
                self._tracked.written(aggregate)

    def _guarded(self, aggregate: A, row: dict[str, object]) -> dict[str, object]:
        return {**row, "_id": aggregate.id, "_stored_version": self._tracked.stored_version(aggregate)}


@lru_cache(maxsize=64)
def _guarded_update(table: Table) -> Update:
    """UPDATE of the row with the given id where it still has the stored version, built once per table
    (the columns set are the parameters given)."""
    return update(table).where(table.c.id == bindparam("_id"), table.c.version == bindparam("_stored_version"))
