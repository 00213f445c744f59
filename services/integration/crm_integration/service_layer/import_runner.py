"""Runs import jobs: claims one, reads its file in a worker thread (parsing is CPU work that must
not stall the service's gRPC answers), applies rows in batches through the owning service, and
commits each batch's counts, failures and checkpoint in one transaction.

A crash loses at most the batch in flight: the job's lease runs out, a runner (this replica after a
restart, or another) claims it and resumes after its checkpoint. The owning services' batch upserts
are idempotent by the feed's key, so a batch applied twice writes nothing twice; its rows are then
counted once, as the second application saw them (a row created by the lost attempt counts as
unchanged).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import uuid
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from crmkit import metrics
from crmkit.text import storable
from crmkit.workers import PollingWorker
from google.protobuf.message import Message

from crm_integration.domain.feeds import FeedError, ParsedRow, read_feed
from crm_integration.domain.imports import COMPLETED, FAILED, FAILED_JOB, Counts, Failure, ImportJob, Outcome
from crm_integration.service_layer.unit_of_work import ImportsUnitOfWork

log = logging.getLogger(__name__)
ABANDONED_UPLOAD = timedelta(hours=1)


# Applies records of one kind through their owning service: (job, records) -> an outcome per record, in order.
Applier = Callable[[ImportJob, Sequence[Any]], Awaitable[list[Outcome]]]


def _now() -> datetime:
    return datetime.now(UTC)


def _failure(row: ParsedRow, columns: Sequence[str], field: str, reason: str) -> Failure:
    """A failed row as it can be stored: a NUL or control character in a cell (the reason it may have
    failed) is replaced, so storing the row never fails and the job always ends."""
    return Failure(row.row_number, storable(field), storable(reason),
                   tuple(storable(row.raw.get(name, "")) for name in columns))


class ImportRunner(PollingWorker):
    """Stopping leaves the job in hand after its current batch; its lease lets a runner resume it."""

    def __init__(self, uows: Callable[[], ImportsUnitOfWork], appliers: dict[str, Applier],
                 completed_event: Callable[[ImportJob], tuple[str, Message]], *, batch_rows: int = 500,
                 lease_seconds: float = 60.0, poll_seconds: float = 1.0) -> None:
        super().__init__(poll_seconds=poll_seconds)
        self._uows = uows
        self._appliers = appliers
        self._completed_event = completed_event
        self._batch = batch_rows
        self._lease = timedelta(seconds=lease_seconds)
        self._owner = f"runner-{uuid.uuid4().hex[:12]}"

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self._appliers)

    async def work_once(self) -> bool:
        """Claim and run one job; False when there was none."""
        async with self._uows() as uow:
            await uow.imports.fail_abandoned_uploads(_now() - ABANDONED_UPLOAD, _now())
            job = await uow.imports.claim(self._owner, _now(), self._lease)
            await uow.commit()
        if job is None:
            return False
        log.info("import %s (%s) running from row %d", job.id, job.kind, job.checkpoint_row + 1,
                 extra={"import_id": job.id})
        await self._process(job)
        return True

    async def _process(self, job: ImportJob) -> None:
        try:
            async with contextlib.aclosing(self._batches(job)) as batches:
                async for columns, rows in batches:
                    if self.stopping or not await self._apply(job, columns, rows):
                        return  # stopping, or the lease went to another runner: it resumes from the checkpoint
        except FeedError as refused:
            await self._finish(job, FAILED_JOB, str(refused))
            return
        await self._finish(job, COMPLETED)

    async def _apply(self, job: ImportJob, columns: Sequence[str], rows: list[ParsedRow]) -> bool:
        outcomes: dict[int, Outcome] = {}
        pending = [row for row in rows if row.outcome is None]
        for row in rows:
            if row.outcome is not None:
                problem = row.problems[0] if row.problems else None
                outcomes[row.row_number] = Outcome(row.outcome, problem.field if problem else "",
                                                   problem.reason if problem else row.skipped)
        if pending:
            applied = await self._appliers[job.kind](job, [row.record for row in pending])
            outcomes.update(zip((row.row_number for row in pending), applied, strict=False))
        failures = [_failure(row, columns, p.field, p.reason) for row in rows for p in row.problems]
        failures += [_failure(row, columns, outcomes[row.row_number].field, outcomes[row.row_number].reason)
                     for row in pending if outcomes[row.row_number].outcome == FAILED]
        counts = Counts.of(o.outcome for o in outcomes.values())
        async with self._uows() as uow:
            held = await uow.imports.record_batch(job.id, self._owner, last_row=rows[-1].row_number, counts=counts,
                                                  failures=failures, now=_now(), lease=self._lease)
            await uow.commit()
        metrics.count_import_rows(job.kind, counts.as_dict())
        return held

    async def _finish(self, job: ImportJob, status: str, error: str = "") -> None:
        async with self._uows() as uow:
            await uow.imports.set_status(job.id, status, error=error, now=_now())
            finished = await uow.imports.get(job.id)
            uow.publish(*self._completed_event(finished))
            await uow.commit()
        log.info("import %s %s: %s", job.id, status, finished.counts.as_dict(), extra={"import_id": job.id})

    async def _batches(self, job: ImportJob) -> AsyncGenerator[tuple[tuple[str, ...], list[ParsedRow]], None]:
        """The rows after the job's checkpoint in batches, read by a thread from the stored chunks."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue(maxsize=4)
        halt = threading.Event()  # the consumer left early: the reader stops at its next row

        async def fetch(seq: int) -> bytes | None:
            async with self._uows() as uow:
                return await uow.imports.chunk(job.id, seq)

        def chunks() -> Iterator[bytes]:
            seq = 0
            while (data := asyncio.run_coroutine_threadsafe(fetch(seq), loop).result()) is not None:
                yield data
                seq += 1

        def put(item) -> None:
            if not halt.is_set():
                asyncio.run_coroutine_threadsafe(queue.put(item), loop).result()

        def read() -> None:
            try:
                rows = read_feed(job.kind, chunks())
                columns, batch = tuple(rows.header), []
                put(("columns", columns))
                for row in rows:
                    if halt.is_set():
                        return
                    if row.row_number > job.checkpoint_row:
                        batch.append(row)
                    if len(batch) >= self._batch:
                        put(("rows", batch))
                        batch = []
                if batch:
                    put(("rows", batch))
                put(("end", None))
            except BaseException as exc:  # handed to the event loop, which raises it there
                put(("error", exc))

        reader = loop.run_in_executor(None, read)
        columns: tuple[str, ...] = ()
        try:
            while True:
                what, value = await queue.get()
                if what == "error":
                    raise value
                if what == "end":
                    return
                if what == "columns":
                    columns = tuple(storable(name) for name in value)
                    await self._keep_columns(job, columns)
                else:
                    yield columns, value
        finally:
            halt.set()
            while not reader.done():  # unblock a reader waiting to put, until it sees `halt`
                self._drain(queue)
                await asyncio.sleep(0.01)
            self._drain(queue)

    async def _keep_columns(self, job: ImportJob, columns: tuple[str, ...]) -> None:
        if tuple(job.columns) != columns:
            async with self._uows() as uow:
                await uow.imports.set_columns(job.id, columns)
                await uow.commit()

    @staticmethod
    def _drain(queue: asyncio.Queue) -> None:
        while not queue.empty():
            queue.get_nowait()
