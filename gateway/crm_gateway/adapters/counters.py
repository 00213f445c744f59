"""Fixed-window counters and short-lived records: in Redis when configured, otherwise in-process.

Throttles, rate limits and idempotency keys share this store. In-process storage is right for one
gateway replica (development); several replicas must share Redis so limits hold across them.
"""
from __future__ import annotations

import time
from typing import Protocol

from redis.asyncio import Redis

from crm_gateway.domain.throttle import Window


class CounterStore(Protocol):
    async def hit(self, key: str, window_seconds: int) -> Window: ...

    async def unhit(self, key: str) -> None:
        """Take back one hit of a live window (an event that turned out not to count)."""

    async def reset(self, key: str) -> None: ...

    async def claim(self, key: str, value: str, ttl_seconds: int) -> bool:
        """Store `value` unless the key exists; answers whether it was stored."""

    async def put(self, key: str, value: str, ttl_seconds: int) -> None: ...

    async def get(self, key: str) -> str | None: ...

    async def close(self) -> None: ...


# Decrement only a live, positive counter, keeping its expiry (DECR alone would recreate an expired key).
_UNHIT = "if (tonumber(redis.call('get', KEYS[1]) or '0')) > 0 then redis.call('decr', KEYS[1]) end"


class RedisStore:
    def __init__(self, client: Redis, prefix: str) -> None:
        self._r = client
        self._p = prefix

    async def hit(self, key: str, window_seconds: int) -> Window:
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.set(self._p + key, 0, ex=window_seconds, nx=True)  # opens the window (Redis 6 has no EXPIRE NX)
            pipe.incr(self._p + key)
            pipe.ttl(self._p + key)
            _, count, ttl = await pipe.execute()
        return Window(int(count), max(int(ttl), 0))

    async def unhit(self, key: str) -> None:
        await self._r.eval(_UNHIT, 1, self._p + key)

    async def reset(self, key: str) -> None:
        await self._r.delete(self._p + key)

    async def claim(self, key: str, value: str, ttl_seconds: int) -> bool:
        return bool(await self._r.set(self._p + key, value, ex=ttl_seconds, nx=True))

    async def put(self, key: str, value: str, ttl_seconds: int) -> None:
        await self._r.set(self._p + key, value, ex=ttl_seconds)

    async def get(self, key: str) -> str | None:
        value = await self._r.get(self._p + key)
        return value.decode() if isinstance(value, bytes) else value

    async def close(self) -> None:
        await self._r.aclose()


class MemoryStore:
    """The same contract, in one process's memory, with lazy expiry."""

    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._items: dict[str, tuple[float, int | str]] = {}

    def _live(self, key: str) -> tuple[float, int | str] | None:
        item = self._items.get(key)
        if item is not None and item[0] <= self._clock():
            del self._items[key]
            return None
        return item

    def _left(self, expires: float) -> int:
        return max(int(expires - self._clock() + 0.999), 0)

    async def hit(self, key: str, window_seconds: int) -> Window:
        item = self._live(key)
        expires, count = item if item else (self._clock() + window_seconds, 0)
        self._items[key] = (expires, int(count) + 1)
        if len(self._items) > 100_000:
            self._sweep()
        return Window(int(count) + 1, self._left(expires))

    async def unhit(self, key: str) -> None:
        item = self._live(key)
        if item is not None and int(item[1]) > 0:
            self._items[key] = (item[0], int(item[1]) - 1)

    async def reset(self, key: str) -> None:
        self._items.pop(key, None)

    async def claim(self, key: str, value: str, ttl_seconds: int) -> bool:
        if self._live(key) is not None:
            return False
        self._items[key] = (self._clock() + ttl_seconds, value)
        return True

    async def put(self, key: str, value: str, ttl_seconds: int) -> None:
        self._items[key] = (self._clock() + ttl_seconds, value)

    async def get(self, key: str) -> str | None:
        item = self._live(key)
        return None if item is None else str(item[1])

    async def close(self) -> None:
        self._items.clear()

    def _sweep(self) -> None:
        now = self._clock()
        for key in [k for k, (expires, _) in self._items.items() if expires <= now]:
            del self._items[key]
