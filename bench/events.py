"""Benchmark: the kit's event pipeline (issue 12). Run by hand, with PostgreSQL and NATS running:

    .venv/bin/python bench/events.py [--events 20000] [--database-url URL] [--nats-url URL]

Writes `--events` events into the outbox of a scratch database in one commit (as an import batch
does), then times (1) the outbox relay (crmkit.outbox.OutboxRelay) publishing all of them to a
private JetStream stream, every publish acknowledged (the stream must hold them all at the end), and
(2) an inbox consumer (crmkit.inbox.InboxConsumer) applying them, each writing its inbox row and one
row of its own, until the last one is applied. The baseline is the same events published one at a
time with an awaited acknowledgement each (what the relay did before issue 12), in the same run.
Targets: relay >= 10,000 events/s; consumer >= 5,000 events/s. The scratch database and the stream
are removed at the end.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import time
import uuid
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from crm.identity.v1 import events_pb2  # noqa: E402
from crmkit import streams  # noqa: E402
from crmkit.db import UnitOfWork, make_engine, make_session_factory  # noqa: E402
from crmkit.inbox import InboxConsumer, Subscription  # noqa: E402
from crmkit.messaging_tables import messaging_tables  # noqa: E402
from crmkit.outbox import EVENT_TYPE_HEADER, OutboxRelay  # noqa: E402
from crmkit.runtime import units_of_work  # noqa: E402
from sqlalchemy import Column, Integer, MetaData, String, Table, func, select  # noqa: E402

RELAY_TARGET, CONSUMER_TARGET = 10_000, 5_000
metadata = MetaData()
tables = messaging_tables(metadata)
applied = Table("applied", metadata, Column("id", Integer, primary_key=True), Column("username", String(100)))


async def write(sessions, service: str, count: int) -> None:
    async with UnitOfWork(sessions, tables) as uow:
        for n in range(count):
            uow.publish(f"crm.{service}.user.created", events_pb2.UserCreated(
                user=events_pb2.User(id=str(uuid.uuid4()), username=f"user{n}", role="sdr")))
        await uow.commit()


async def one_at_a_time(js, service: str, count: int) -> float:
    """The baseline: each publish waits for its acknowledgement before the next is sent."""
    payload = events_pb2.UserCreated(user=events_pb2.User(id="x", username="u", role="sdr")).SerializeToString()
    start = time.perf_counter()
    for _ in range(count):
        await js.publish(f"crm.{service}.user.created", payload, timeout=5, headers={
            "Nats-Msg-Id": str(uuid.uuid4()), EVENT_TYPE_HEADER: "crm.identity.v1.UserCreated"})
    return time.perf_counter() - start


async def record(uow, message, meta) -> None:
    await uow.session.execute(applied.insert().values(username=message.user.username))


async def run(args) -> bool:
    name = f"bench_events_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(args.database_url)
    await admin.execute(f'create database "{name}"')
    engine = make_engine(args.database_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
                         + f"/{name}")
    nc = await streams.connect(args.nats_url, name="bench-events")
    js = nc.jetstream()
    service, baseline_service = f"bench{uuid.uuid4().hex[:8]}", f"benchbase{uuid.uuid4().hex[:8]}"
    try:
        async with engine.begin() as conn:
            await conn.run_sync(metadata.create_all)
        sessions = make_session_factory(engine)
        await streams.ensure_stream(js, service)
        await streams.ensure_stream(js, baseline_service)
        baseline = await one_at_a_time(js, baseline_service, args.events)
        await write(sessions, service, args.events)
        relay, start = OutboxRelay(sessions, tables, js), time.perf_counter()
        while await relay.publish_pending():
            pass
        relayed = time.perf_counter() - start
        stored = (await js.stream_info(streams.stream_name(service))).state.messages
        consumer = InboxConsumer(js=js, uow_factory=units_of_work(UnitOfWork, sessions, tables), tables=tables,
                                 subscription=Subscription(durable=f"{service}-bench", producer=service,
                                                           subjects=("user.>",), handlers={
                                                               events_pb2.UserCreated: record}))
        start = time.perf_counter()
        task = asyncio.create_task(consumer.run())
        async with sessions() as session:
            while await session.scalar(select(func.count()).select_from(applied)) < args.events:
                await asyncio.sleep(0.05)
        consumed = time.perf_counter() - start
        await consumer.stop()
        await asyncio.wait_for(task, 10)
    finally:
        for s in (service, baseline_service):
            try:
                await js.delete_stream(streams.stream_name(s))
            except Exception:  # noqa: BLE001 (never created)
                pass
        await nc.close()
        await engine.dispose()
        await admin.execute(f'drop database "{name}" with (force)')
        await admin.close()
    rates = {"one at a time (baseline)": args.events / baseline, "relay": args.events / relayed,
             "consumer": args.events / consumed}
    print(f"{args.events:,} events; stream holds {stored:,} (every publish acknowledged: "
          f"{'yes' if stored == args.events else 'NO'})")
    ok = stored == args.events
    for label, rate in rates.items():
        target = {"relay": RELAY_TARGET, "consumer": CONSUMER_TARGET}.get(label)
        verdict = "" if target is None else ("PASS" if rate >= target else "MISS") + f" (target >= {target:,}/s)"
        ok = ok and (target is None or rate >= target)
        print(f"{label:26}{rate:>10,.0f} events/s  {verdict}")
    print(f"relay / one at a time: {rates['relay'] / rates['one at a time (baseline)']:.1f}x")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--nats-url", default="nats://127.0.0.1:4222")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
