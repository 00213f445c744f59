"""Use cases of import jobs: receive a file, then read jobs and their failed rows (INT-1..3)."""
from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import UTC, datetime

from crmkit.errors import InvalidInput, NotFound
from crmkit.listing import Page, PageRequest, Sorting
from crmkit.principal import Principal

from crm_integration.domain import imports
from crm_integration.domain.imports import Failure, ImportJob
from crm_integration.service_layer.unit_of_work import ImportsUnitOfWork

JOB_SORTING = Sorting(sortable=("created_at",), default="-created_at", timestamp_fields=("created_at",))
FAILURE_SORTING = Sorting(sortable=("row_number",), default="row_number", timestamp_fields=(), uuid_ids=False)
MAX_FAILURES_PAGE = 1000
CHUNK_BYTES = 1 << 20  # what one stored chunk holds at most


def _now() -> datetime:
    return datetime.now(UTC)


async def receive_file(*, uows: Callable[[], ImportsUnitOfWork], principal: Principal, kind: str, filename: str,
                       source: str, known_kinds: Iterable[str], chunks: AsyncIterator[bytes]) -> ImportJob:
    """Store an uploaded file as a new job, chunk by chunk (bounded memory, short transactions), and
    queue it once the last byte is in. A stream that breaks leaves the job failed, never half queued."""
    imports.ensure_can_import(principal)
    kind, filename, source = imports.clean_start(kind, filename, source, known_kinds)
    job = ImportJob(id=str(uuid.uuid4()), kind=kind, filename=filename, source=source, status=imports.UPLOADING,
                    created_by=principal.user_id, created_by_role=principal.role, created_at=_now())
    async with uows() as uow:
        await uow.imports.add(job)
        await uow.commit()
    try:
        seq, pending = 0, bytearray()
        async for data in chunks:
            pending += data
            while len(pending) >= CHUNK_BYTES:
                await _store_chunk(uows, job.id, seq, bytes(pending[:CHUNK_BYTES]))
                del pending[:CHUNK_BYTES]
                seq += 1
        if pending or seq == 0:
            await _store_chunk(uows, job.id, seq, bytes(pending))
    except BaseException:
        async with uows() as uow:
            await uow.imports.set_status(job.id, imports.FAILED_JOB, error="the upload did not finish", now=_now())
            await uow.commit()
        raise
    async with uows() as uow:
        await uow.imports.set_status(job.id, imports.QUEUED)
        await uow.commit()
        return await uow.imports.get(job.id)


async def _store_chunk(uows: Callable[[], ImportsUnitOfWork], job_id: str, seq: int, data: bytes) -> None:
    async with uows() as uow:
        await uow.imports.add_chunk(job_id, seq, data)
        await uow.commit()


async def get_import(*, uow: ImportsUnitOfWork, principal: Principal, job_id: str) -> ImportJob:
    async with uow:
        return await _readable(uow, principal, job_id)


async def _readable(uow: ImportsUnitOfWork, principal: Principal, job_id: str) -> ImportJob:
    try:
        job = await uow.imports.visible(principal, str(uuid.UUID(job_id)))
    except ValueError:
        job = None
    if job is None:  # a job of someone else's is not found either: its id tells nothing
        raise NotFound(f"no import {job_id!r}", field="id")
    return job


async def list_imports(*, uow: ImportsUnitOfWork, principal: Principal, requested_size: int,
                       cursor: str) -> Page[ImportJob]:
    """The caller's jobs (an admin's: everyone's), newest first, one cursor page at a time."""
    request = JOB_SORTING.request(cursor=cursor, requested_size=requested_size)
    async with uow:
        jobs = await uow.imports.page(principal, sort=request.sort, after=request.after, limit=request.limit)
    return Page.of(jobs, request, key=lambda job: (job.created_at, job.id))


async def list_failures(*, uow: ImportsUnitOfWork, principal: Principal, job_id: str, requested_size: int,
                        cursor: str) -> tuple[ImportJob, list[Failure], str]:
    """A job's failed rows (one line per problem) in row order; answers (job, failures, next cursor)."""
    size = min(requested_size or MAX_FAILURES_PAGE, MAX_FAILURES_PAGE)
    if size < 0:
        raise InvalidInput("page_size cannot be negative", field="page_size")
    sort = FAILURE_SORTING.parse("")
    request = PageRequest(sort, FAILURE_SORTING.decode(cursor, sort) if cursor else None, size)
    after = (0, -1)  # (row number, seq): before the first problem of the first row
    if request.after is not None:
        try:
            after = (int(str(request.after.value)), int(request.after.id))
        except ValueError:
            raise InvalidInput("the cursor is not valid for this list", field="cursor") from None
    async with uow:
        job = await _readable(uow, principal, job_id)
        found = await uow.imports.failures(job.id, after=after, limit=request.limit)
    page = Page.of(found, request, key=lambda numbered: (str(numbered[1].row_number), str(numbered[0])))
    return job, [f for _, f in page.items], page.next_cursor
