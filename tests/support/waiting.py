"""Waiting in the tests for what happens asynchronously (a consumer, a relay, another process)."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def eventually(probe: Callable[[], Awaitable[T]], condition: Callable[[T], object] = bool,
                     timeout: float = 15.0, interval: float = 0.1) -> T:
    """Poll the coroutine function `probe` until `condition(answer)` holds or `timeout` seconds pass;
    answers the last answer (the caller asserts on it, so a timeout fails with what was seen)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        answer = await probe()
        if condition(answer) or loop.time() > deadline:
            return answer
        await asyncio.sleep(interval)
