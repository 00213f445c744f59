"""The polling loop every background worker runs (crmkit.workers)."""
from __future__ import annotations

import asyncio

from crmkit.workers import PollingWorker


class Counter(PollingWorker):
    def __init__(self, jobs: int) -> None:
        super().__init__(poll_seconds=60)
        self.jobs, self.rounds = jobs, 0

    async def work_once(self) -> bool:
        self.rounds += 1
        if self.rounds == 2:
            raise RuntimeError("a failing round is retried, not fatal")
        if self.jobs:
            self.jobs -= 1
            return True
        return False


async def test_it_works_until_idle_then_waits_for_a_wake_up_and_stops_cleanly():
    worker = Counter(jobs=3)
    task = asyncio.create_task(worker.run())
    await asyncio.sleep(0.05)
    assert (worker.jobs, worker.rounds) == (2, 2)  # one job, then a failure: both leave it waiting for the poll
    worker.wake()
    await asyncio.sleep(0.05)
    assert (worker.jobs, worker.rounds) == (0, 5)  # woken: works until there is nothing, then waits again
    await worker.stop()
    await asyncio.wait_for(task, 1)
