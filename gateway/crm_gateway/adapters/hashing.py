"""Argon2id password hashing, off the event loop (each hash costs tens of milliseconds by design)."""
from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Passwords:
    def __init__(self, *, time_cost: int, memory_kib: int, parallelism: int) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
        self._dummy: str | None = None

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self._hasher.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> tuple[bool, str | None]:
        """Answers (matches, new hash when the stored one used older parameters).

        Without a stored hash (unknown user) a dummy hash is verified anyway, so the answer takes
        as long as for a real account and timing does not reveal which usernames exist.
        """
        if password_hash is None:
            if self._dummy is None:
                self._dummy = await self.hash("not-a-real-password")
            password_hash = self._dummy
            await asyncio.to_thread(self._check, password_hash, password)
            return False, None
        if not await asyncio.to_thread(self._check, password_hash, password):
            return False, None
        if self._hasher.check_needs_rehash(password_hash):
            return True, await self.hash(password)
        return True, None

    def _check(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
