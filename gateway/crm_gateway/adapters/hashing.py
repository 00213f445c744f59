"""Argon2id password hashing, off the event loop and with bounded concurrency (issue 14): each hash
costs tens of milliseconds of CPU by design, so at most `concurrency` run at once on their own
threads; a login that cannot get a slot within `queue_seconds` is refused with `PasswordsBusy` (503
with Retry-After) instead of starving every other request of the CPU."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from crm_gateway.domain.errors import PasswordsBusy


class Passwords:
    def __init__(self, *, time_cost: int, memory_kib: int, parallelism: int, concurrency: int = 2,
                 queue_seconds: float = 5.0) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
        self._dummy: str | None = None
        self._threads = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="argon2")
        self._slots = asyncio.Semaphore(concurrency)
        self._queue_seconds = queue_seconds

    async def _run(self, work, *args):
        try:
            await asyncio.wait_for(self._slots.acquire(), self._queue_seconds)
        except TimeoutError:
            raise PasswordsBusy(retry_after=max(1, round(self._queue_seconds))) from None
        loop = asyncio.get_running_loop()
        try:
            job = self._threads.submit(work, *args)
        except BaseException:
            self._slots.release()
            raise
        # The slot belongs to the thread, not to the request: a login whose client gives up mid-hash
        # leaves its hash running, so the slot frees when the thread does. Freed on cancellation
        # instead, the semaphore would look idle while orphaned hashes queued in the executor and
        # every later login waited behind them unbounded by queue_seconds.
        job.add_done_callback(lambda _: loop.call_soon_threadsafe(self._slots.release))
        return await asyncio.wrap_future(job)

    async def hash(self, password: str) -> str:
        return await self._run(self._hasher.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> tuple[bool, str | None]:
        """Answers (matches, new hash when the stored one used other parameters: rehashed on login).

        Without a stored hash (unknown user) a dummy hash is verified anyway, so the answer takes
        as long as for a real account and timing does not reveal which usernames exist.
        """
        if password_hash is None:
            if self._dummy is None:
                self._dummy = await self.hash("not-a-real-password")
            await self._run(self._check, self._dummy, password)
            return False, None
        if not await self._run(self._check, password_hash, password):
            return False, None
        if self._hasher.check_needs_rehash(password_hash):
            return True, await self.hash(password)
        return True, None

    def _check(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
