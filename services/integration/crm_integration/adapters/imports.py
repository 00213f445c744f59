"""Import jobs in the integration database: the job row, its file in chunks, its failed rows, and
the lease a runner holds a job by (so two replicas never run one job, and a dead runner's job is
taken over once its lease runs out)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import cast

from crmkit.listing import Cursor, Sort
from crmkit.listing_sql import keyset
from crmkit.principal import Principal
from sqlalchemy import CursorResult, Select, and_, func, literal, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from crm_integration.adapters.orm import COUNTERS, import_chunks, import_failures, import_jobs
from crm_integration.domain.imports import (
    COMPLETED,
    FAILED_JOB,
    QUEUED,
    RUNNING,
    UPLOADING,
    Counts,
    Failure,
    ImportJob,
    sees_every_job,
)

_JOB_FIELDS = ("id", "kind", "filename", "source", "status", "created_by", "created_by_role", "created_at",
               "error", "size_bytes", "checkpoint_row", "started_at", "finished_at")


def _to_job(row) -> ImportJob:
    values = {name: row._mapping[name] for name in _JOB_FIELDS}
    return ImportJob(**values, columns=tuple(row.columns), counts=Counts(**{n: row._mapping[n] for n in COUNTERS}))


def readable(principal: Principal) -> Select:
    """The jobs `principal` may see, the one scope of every job read: its own, or all of them for
    whoever sees every job (domain.imports.sees_every_job)."""
    stmt = select(import_jobs)
    return stmt if sees_every_job(principal) else stmt.where(import_jobs.c.created_by == principal.user_id)


class ImportJobs:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, job: ImportJob) -> None:
        await self._session.execute(import_jobs.insert().values(
            {name: getattr(job, name) for name in _JOB_FIELDS}))

    async def add_chunk(self, job_id: str, seq: int, data: bytes) -> None:
        await self._session.execute(import_chunks.insert().values(job_id=job_id, seq=seq, data=data))
        await self._session.execute(update(import_jobs).where(import_jobs.c.id == job_id)
                                    .values(size_bytes=import_jobs.c.size_bytes + len(data)))

    async def set_status(self, job_id: str, status: str, *, error: str = "", now: datetime | None = None) -> None:
        values: dict[str, object] = {"status": status, "error": error}
        if status in (COMPLETED, FAILED_JOB):
            values.update(finished_at=now, lease_owner=None, lease_until=None)
        await self._session.execute(update(import_jobs).where(import_jobs.c.id == job_id).values(values))

    async def get(self, job_id: str) -> ImportJob | None:
        row = (await self._session.execute(select(import_jobs).where(import_jobs.c.id == job_id))).first()
        return _to_job(row) if row else None

    async def visible(self, principal: Principal, job_id: str) -> ImportJob | None:
        """The job if `principal` may see it (a job of someone else's is as good as absent)."""
        row = (await self._session.execute(readable(principal).where(import_jobs.c.id == job_id))).first()
        return _to_job(row) if row else None

    async def page(self, principal: Principal, *, sort: Sort, after: Cursor | None, limit: int) -> list[ImportJob]:
        """Up to `limit` of the jobs `principal` sees, in `sort` order of creation (id breaks ties),
        after `after`."""
        stmt = keyset(readable(principal), import_jobs.c.created_at, import_jobs.c.id, sort, after)
        rows = await self._session.execute(stmt.limit(limit))
        return [_to_job(row) for row in rows.all()]

    async def claim(self, owner: str, now: datetime, lease: timedelta) -> ImportJob | None:
        """Take the oldest queued job, or a running one whose runner's lease ran out, for `lease`."""
        free = and_(import_jobs.c.status.in_((QUEUED, RUNNING)),
                    or_(import_jobs.c.lease_until.is_(None), import_jobs.c.lease_until < now))
        candidate = (select(import_jobs.c.id).where(free).order_by(import_jobs.c.created_at).limit(1)
                     .with_for_update(skip_locked=True).scalar_subquery())
        row = (await self._session.execute(
            update(import_jobs).where(import_jobs.c.id == candidate)
            .values(status=RUNNING, lease_owner=owner, lease_until=now + lease,
                    started_at=func.coalesce(import_jobs.c.started_at, now))
            .returning(import_jobs))).first()
        return _to_job(row) if row else None

    async def chunk(self, job_id: str, seq: int) -> bytes | None:
        return (await self._session.execute(select(import_chunks.c.data).where(
            import_chunks.c.job_id == job_id, import_chunks.c.seq == seq))).scalar()

    async def set_columns(self, job_id: str, columns: Sequence[str]) -> None:
        await self._session.execute(update(import_jobs).where(import_jobs.c.id == job_id)
                                    .values(columns=list(columns)))

    async def record_batch(self, job_id: str, owner: str, *, last_row: int, counts: Counts,
                           failures: Sequence[Failure], now: datetime, lease: timedelta) -> bool:
        """Count a batch of rows, keep its failures, move the checkpoint and renew the lease; False
        (nothing written) when this runner no longer holds the job."""
        values = {name: getattr(import_jobs.c, name) + getattr(counts, name) for name in COUNTERS}
        held = (await self._session.execute(
            update(import_jobs).where(import_jobs.c.id == job_id, import_jobs.c.lease_owner == owner,
                                      import_jobs.c.checkpoint_row < last_row)
            .values(**values, checkpoint_row=last_row, lease_until=now + lease).returning(import_jobs.c.id))).first()
        if held is None:
            return False
        if failures:
            await self._session.execute(import_failures.insert(), [
                {"job_id": job_id, "row_number": f.row_number, "seq": seq, "field": f.field, "reason": f.reason,
                 "cells": list(f.cells)} for seq, f in _numbered(failures)])
        return True

    async def failures(self, job_id: str, *, after: tuple[int, int], limit: int) -> list[tuple[int, Failure]]:
        """Up to `limit` problems of failed rows after (row_number, seq) `after`, in row order, each
        with its seq."""
        rows = (await self._session.execute(
            select(import_failures).where(import_failures.c.job_id == job_id,
                                          tuple_(import_failures.c.row_number, import_failures.c.seq)
                                          > tuple_(literal(after[0]), literal(after[1])))
            .order_by(import_failures.c.row_number, import_failures.c.seq).limit(limit))).all()
        return [(row.seq, Failure(row.row_number, row.field, row.reason, tuple(row.cells))) for row in rows]

    async def fail_abandoned_uploads(self, older_than: datetime, now: datetime) -> int:
        """Uploads whose stream never finished (the process died mid-upload) end as failed."""
        result = await self._session.execute(
            update(import_jobs).where(import_jobs.c.status == UPLOADING, import_jobs.c.created_at < older_than)
            .values(status=FAILED_JOB, error="the upload did not finish", finished_at=now))
        return cast(CursorResult, result).rowcount


def _numbered(failures: Sequence[Failure]):
    """(seq, failure) with seq counting the problems of each row from 0."""
    seen: dict[int, int] = {}
    for failure in failures:
        seq = seen.get(failure.row_number, 0)
        seen[failure.row_number] = seq + 1
        yield seq, failure
