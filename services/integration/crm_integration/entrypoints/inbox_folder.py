"""The watched inbox: the ERP's nightly FTP drop becomes import jobs (INT-1..3).

Each kind has a folder, `<inbox>/<kind>/`. A file there whose size has stopped changing for one poll
is claimed by renaming it into `<inbox>/<kind>/taken/` (a rename is atomic, so two replicas sharing
the folder never both take it), stored as a job of the ERP client, and moved to `done/` (or to
`refused/` when even the upload was refused). Names starting with "." or ending in ".part" or ".tmp"
are files still being written and are left alone.
"""
from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from crmkit.errors import CrmError
from crmkit.principal import Principal
from crmkit.workers import PollingWorker

from crm_integration.service_layer import imports
from crm_integration.service_layer.import_runner import ImportRunner
from crm_integration.service_layer.unit_of_work import ImportsUnitOfWork

log = logging.getLogger(__name__)
INBOX_PRINCIPAL = Principal(user_id="erp-inbox", role="erp", username="erp inbox folder", kind="service")
READ_BYTES = 1 << 20
_IN_PROGRESS = (".part", ".tmp")


class InboxFolderWatcher(PollingWorker):
    def __init__(self, root: Path, uows: Callable[[], ImportsUnitOfWork], runner: ImportRunner, *,
                 poll_seconds: float = 5.0) -> None:
        super().__init__(poll_seconds=poll_seconds)
        self._root = root
        self._uows = uows
        self._runner = runner
        self._sizes: dict[Path, int] = {}
        self._ready = False

    async def work_once(self) -> bool:
        if not self._ready:
            for kind in self._runner.kinds:
                await asyncio.to_thread((self._root / kind).mkdir, parents=True, exist_ok=True)
            self._ready = True
        return bool(await self.scan())

    async def scan(self) -> list[str]:
        """Take every settled file of every kind; answers the ids of the jobs made."""
        made = []
        seen: dict[Path, int] = {}
        for kind in self._runner.kinds:
            for path in await asyncio.to_thread(_waiting_files, self._root / kind):
                size = path.stat().st_size
                seen[path] = size
                if self._sizes.get(path) == size:  # unchanged since the last poll: the writer is done
                    job_id = await self._take(kind, path)
                    if job_id:
                        made.append(job_id)
        self._sizes = {path: size for path, size in seen.items() if path.exists()}
        return made

    async def _take(self, kind: str, path: Path) -> str | None:
        taken = path.parent / "taken" / f"{uuid.uuid4().hex[:8]}-{path.name}"
        try:
            await asyncio.to_thread(_move, path, taken)
        except FileNotFoundError:
            return None  # another replica took it first
        try:
            job = await imports.receive_file(uows=self._uows, principal=INBOX_PRINCIPAL, kind=kind,
                                             filename=path.name, source="inbox", known_kinds=self._runner.kinds,
                                             chunks=_read(taken))
        except CrmError as refused:
            log.warning("inbox file %s refused: %s", path, refused.detail)
            await asyncio.to_thread(_move, taken, path.parent / "refused" / taken.name)
            return None
        await asyncio.to_thread(_move, taken, path.parent / "done" / taken.name)
        self._runner.wake()
        log.info("inbox file %s became import %s", path, job.id, extra={"import_id": job.id})
        return job.id


def _waiting_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith(".") and not p.name.endswith(_IN_PROGRESS))


def _move(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    source.rename(target)


async def _read(path: Path) -> AsyncIterator[bytes]:
    with open(path, "rb") as file:
        while data := await asyncio.to_thread(file.read, READ_BYTES):
            yield data
