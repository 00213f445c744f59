"""Idempotency-Key on creating POSTs: the same key and body replay the first answer for 24 hours.

A key is claimed (pending) before the work starts, so two concurrent retries cannot both create;
the finished response replaces the claim, and a concurrent retry waits for it and answers the same.
A failed attempt releases the key so it can be retried.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from crmkit.errors import Conflict, InvalidInput

from crm_gateway.adapters.counters import CounterStore

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 200
PENDING_TTL_SECONDS = 60  # a claim whose request died frees itself this soon
WAIT_SECONDS = 10.0  # how long a concurrent retry waits for the first request's answer


@dataclass(frozen=True)
class StoredResponse:
    status: int
    body: dict
    headers: dict[str, str]


def fingerprint(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":"), default=str).encode()).hexdigest()


def _record_key(scope: str, key: str) -> str:
    return f"idempotency:{scope}:{hashlib.sha256(key.encode()).hexdigest()}"


async def begin(*, store: CounterStore, scope: str, key: str, body_fingerprint: str) -> StoredResponse | None:
    """Claim the key; answers the stored response when this is a replay."""
    if not key or len(key) > MAX_KEY_LENGTH:
        raise InvalidInput(f"must be 1 to {MAX_KEY_LENGTH} characters", field=HEADER)
    record_key = _record_key(scope, key)
    pending = json.dumps({"state": "pending", "fingerprint": body_fingerprint})
    if await store.claim(record_key, pending, PENDING_TTL_SECONDS):
        return None
    existing = json.loads(await store.get(record_key) or "{}")
    if not existing and await store.claim(record_key, pending, PENDING_TTL_SECONDS):
        return None  # the earlier record expired in between
    if existing.get("fingerprint") != body_fingerprint:
        raise InvalidInput("this Idempotency-Key was used with a different request body", field=HEADER)
    if existing.get("state") != "done":
        return None if await _wait_for_first(store, record_key, pending) else await begin(
            store=store, scope=scope, key=key, body_fingerprint=body_fingerprint)
    return StoredResponse(**existing["response"])


async def _wait_for_first(store: CounterStore, record_key: str, pending: str) -> bool:
    """A concurrent request with the same key and body is running: wait for its answer (replayed by
    the caller's next look), or claim the key if that request failed and released it. True when
    this request claimed the key; Conflict when the first one takes too long."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_SECONDS
    while loop.time() < deadline:
        await asyncio.sleep(0.05)
        current = json.loads(await store.get(record_key) or "{}")
        if current.get("state") == "done":
            return False
        if not current and await store.claim(record_key, pending, PENDING_TTL_SECONDS):
            return True
    raise Conflict("a request with this Idempotency-Key is still in progress; retry shortly")


async def finish(*, store: CounterStore, scope: str, key: str, body_fingerprint: str, response: StoredResponse,
                 ttl_seconds: int) -> None:
    record = {"state": "done", "fingerprint": body_fingerprint,
              "response": {"status": response.status, "body": response.body, "headers": response.headers}}
    await store.put(_record_key(scope, key), json.dumps(record), ttl_seconds)


async def release(*, store: CounterStore, scope: str, key: str) -> None:
    await store.reset(_record_key(scope, key))


async def run_once(*, store: CounterStore, scope: str, key: str | None, body: dict, ttl_seconds: int,
                   work: Callable[[], Awaitable[StoredResponse]]) -> tuple[StoredResponse, bool]:
    """Run `work` once per key and body in `scope`; answers (its response, whether it is a replay).

    Without a key the work just runs. With one, a retry with the same body answers the stored
    response, and a failed attempt frees the key for the next try."""
    if key is None:
        return await work(), False
    body_fingerprint = fingerprint(body)
    replay = await begin(store=store, scope=scope, key=key, body_fingerprint=body_fingerprint)
    if replay is not None:
        return replay, True
    try:
        response = await work()
    except BaseException:
        await release(store=store, scope=scope, key=key)
        raise
    await finish(store=store, scope=scope, key=key, body_fingerprint=body_fingerprint, response=response,
                 ttl_seconds=ttl_seconds)
    return response, False
