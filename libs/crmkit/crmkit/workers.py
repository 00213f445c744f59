"""A background worker that polls: do one round of work, and when there was none, wait for the
next poll or for a wake-up (a commit that queued work in this process). Mail senders, import
runners and folder watchers are all this loop around their own `work_once`."""
from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)


class PollingWorker:
    """Subclasses implement `work_once()`, answering whether there was work (then it runs again at
    once). A failing round is logged and retried at the next poll; `stop()` ends the loop after
    the round in hand."""

    def __init__(self, *, poll_seconds: float) -> None:
        self._poll = poll_seconds
        self._wakeup = asyncio.Event()
        self._stopping = asyncio.Event()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    async def work_once(self) -> bool:
        raise NotImplementedError

    def wake(self) -> None:
        """Work arrived: look now rather than at the next poll."""
        self._wakeup.set()

    async def run(self) -> None:
        while not self._stopping.is_set():
            try:
                worked = await self.work_once()
            except Exception:
                log.exception("%s failed; retrying at the next poll", type(self).__name__)
                worked = False
            if worked:
                continue
            self._wakeup.clear()
            try:
                await asyncio.wait_for(self._wakeup.wait(), timeout=self._poll)
            except TimeoutError:
                pass

    async def stop(self) -> None:
        self._stopping.set()
        self._wakeup.set()
