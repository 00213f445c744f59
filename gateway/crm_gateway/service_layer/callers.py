"""Who a request's user is, without a database round trip per request (issue 14, GEN-12): every user
and the manager chain are read as one snapshot at most once per `ttl_seconds` (1 s: a deactivation,
a new manager or a territory change made by another gateway process counts within a second) and
forgotten at once when this process commits an identity change."""
from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable

from crm_gateway.domain import hierarchy
from crm_gateway.domain.identity import UserRecord


class Directory:
    def __init__(self, load: Callable[[], Awaitable[list[UserRecord]]], *, ttl_seconds: float) -> None:
        self._load = load
        self._ttl = ttl_seconds
        self._users: dict[str, UserRecord] = {}
        self._managers: dict[str, str | None] = {}
        self._below: dict[str, tuple[str, ...]] = {}
        self._loaded_at = float("-inf")
        self._generation = 0
        self._lock = asyncio.Lock()

    def forget(self) -> None:
        """An identity change was committed here: the next request reads the directory again."""
        self._generation += 1
        self._loaded_at = float("-inf")

    async def user(self, user_id: str) -> tuple[UserRecord | None, tuple[str, ...]]:
        """The user (None: unknown) and everyone who reports to them, at any depth."""
        await self._fresh()
        user = self._users.get(user_id)
        if user is None:
            return None, ()
        below = self._below.get(user_id)
        if below is None:
            below = self._below[user_id] = tuple(sorted(hierarchy.subordinates(user_id, self._managers)))
        return user, below

    async def names(self, user_ids: Iterable[str]) -> dict[str, str]:
        """The full names of the given users that exist (a page shows people, not ids)."""
        await self._fresh()
        return {i: user.full_name for i in set(user_ids) if i and (user := self._users.get(i)) is not None}

    async def _fresh(self) -> None:
        if time.monotonic() - self._loaded_at <= self._ttl:
            return
        async with self._lock:  # one read however many requests find it stale at once
            if time.monotonic() - self._loaded_at <= self._ttl:
                return
            generation, started = self._generation, time.monotonic()
            records = await self._load()
            self._users = {r.id: r for r in records}
            self._managers = {r.id: r.manager_id for r in records}
            self._below = {}
            if generation == self._generation:  # else a change landed meanwhile: read again next time
                self._loaded_at = started
