"""JetStream connection and the one-stream-per-producing-service convention."""
from __future__ import annotations

import asyncio
import logging

import nats
from nats.aio.client import Client as NATS
from nats.js import JetStreamContext
from nats.js.api import RetentionPolicy, StorageType, StreamConfig

log = logging.getLogger(__name__)

DUPLICATE_WINDOW_SECONDS = 600  # the relay's Nats-Msg-Id dedup covers any restart shorter than this
MAX_AGE_SECONDS = 14 * 24 * 3600
# Streams that feed other services' read models keep every event: a service deployed (or whose
# database is restored) months later must still be able to rebuild its copy from the start.
# Producers and consumers both call ensure_stream, so the retention is decided here, once.
KEEP_FOREVER = {"identity"}


def stream_name(service: str) -> str:
    return f"CRM_{service.upper()}"


def subject_prefix(service: str) -> str:
    return f"crm.{service}"


async def connect(url: str, *, name: str, timeout: float = 30.0) -> NATS:
    """Connect, retrying while the server starts; reconnect forever once connected."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            return await nats.connect(url, name=name, max_reconnect_attempts=-1, reconnect_time_wait=0.5,
                                      connect_timeout=2)
        except Exception:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.5)


async def ensure_stream(js: JetStreamContext, service: str) -> None:
    """Create (or keep) the stream holding every event a service publishes. Idempotent."""
    config = StreamConfig(
        name=stream_name(service),
        subjects=[f"{subject_prefix(service)}.>"],
        retention=RetentionPolicy.LIMITS,
        storage=StorageType.FILE,
        duplicate_window=DUPLICATE_WINDOW_SECONDS,
        max_age=0 if service in KEEP_FOREVER else MAX_AGE_SECONDS,
    )
    try:
        await js.add_stream(config)
    except nats.js.errors.BadRequestError:
        # Exists with another configuration (e.g. an operator raised its limits): keep theirs.
        await js.stream_info(stream_name(service))
