"""Stage-timeout alerts on a real database (GEN-4, S2): exactly one alert row and one outbox event per
crossing with two scanner replicas (each on its own engine, as two processes would be) scanning the
same database at once and a third killed between two batches and restarted; none for closed stages
or stays not yet due; a new alert after re-entering the stage; the RSM where the stage says so; the
recipients' read/unread and the admin's thresholds through the use cases."""
from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from crm.sales.v1 import events_pb2
from crmkit.errors import Forbidden, InvalidInput, NotFound, PreconditionFailed
from sales_testkit import ADMIN, AE, RSM, SDR, add_org
from sqlalchemy import func, insert, select, update

from crm_sales.adapters.orm import alert_recipients, messaging, opportunities, stage_alerts, users
from crm_sales.bootstrap import uow_factory
from crm_sales.domain.alerts import StageStay, crossings
from crm_sales.domain.commands import OpportunityData
from crm_sales.service_layer import alerts, handlers
from crm_sales.service_layer.alerts import StageAlertScanner
from tests.support.databases import session_factory

SUBJECT = "crm.sales.opportunity.stage_overdue"
NOW = datetime.now(UTC)
BATCH = 4
# Seeded thresholds (migration 0004): prospecting 14, qualification 21, proposal 30, negotiation 21, verbal 14.
OVERDUE = [("prospecting", 15), ("qualification", 22), ("proposal", 31), ("negotiation", 40), ("verbal_commit", 14)]
NOT_YET = [("prospecting", 13), ("proposal", 29), ("negotiation", 20)]
CLOSED = [("closed_won", 400), ("closed_lost", 400)]


async def _seed(sessions, account_id: str, stays: list[tuple[str, int]], copies: int) -> dict[str, str]:
    """`copies` opportunities per (stage, days in it); answers opportunity id -> stage."""
    made: dict[str, str] = {}
    async with sessions() as session, session.begin():
        rows = []
        for stage, days in stays:
            for _ in range(copies):
                opportunity_id = str(uuid.uuid4())
                made[opportunity_id] = stage
                rows.append({"id": opportunity_id, "account_id": account_id, "name": f"{stage} {days}d",
                             "type": "net_new", "stage": stage, "stage_entered_at": NOW - timedelta(days=days),
                             "probability": 10, "amount": Decimal("100.00"), "currency": "USD",
                             "close_date": date(2027, 6, 30), "owner_id": AE.user_id, "created_by": AE.user_id,
                             "created_at": NOW - timedelta(days=days), "updated_at": NOW, "version": 1,
                             "loss_reason": "price" if stage == "closed_lost" else None})
        await session.execute(insert(opportunities), rows)
    return made


async def _org(sessions) -> str:
    ids = await add_org(sessions)
    async with sessions() as session, session.begin():
        await session.execute(update(users).where(users.c.id == AE.user_id).values(manager_id=RSM.user_id))
    return ids["prospect"]


class PausingScanner(StageAlertScanner):
    """A replica that stops after its first batch and waits, so the test kills it between two batches."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.first_batch_done = asyncio.Event()

    async def work_once(self) -> bool:
        more = await super().work_once()
        self.first_batch_done.set()
        await asyncio.Event().wait()  # never set: the task is cancelled here
        return more


async def _events(sessions) -> list[events_pb2.OpportunityStageOverdue]:
    outbox = messaging.outbox
    async with sessions() as session:
        payloads = (await session.execute(select(outbox.c.payload).where(outbox.c.subject == SUBJECT))).scalars()
        return [events_pb2.OpportunityStageOverdue.FromString(p) for p in payloads]


async def _alerts(sessions) -> list:
    async with sessions() as session:
        return (await session.execute(select(stage_alerts))).all()


async def _scan_until_done(*scanners: StageAlertScanner, sessions, expected: int) -> None:
    tasks = [asyncio.create_task(s.run()) for s in scanners]
    try:
        async with asyncio.timeout(60):
            while len(await _alerts(sessions)) < expected:
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.3)  # the replicas keep scanning: nothing more may appear
    finally:
        for scanner in scanners:
            await scanner.stop()
        await asyncio.gather(*tasks)


async def test_gen_4_exactly_once_with_two_replicas_and_one_killed_between_batches(sales_db, sessions, uows):
    account = await _org(sessions)
    overdue = await _seed(sessions, account, OVERDUE, copies=8)  # 40 crossings, 10 batches of 4
    not_yet = await _seed(sessions, account, NOT_YET, copies=3)
    closed = await _seed(sessions, account, CLOSED, copies=3)
    await alerts.set_stage_threshold(uow=uows(), principal=ADMIN, stage="negotiation", alert_after_days=21,
                                     alert_rsm=True)

    killed = PausingScanner(uows, batch_size=BATCH, poll_seconds=0.05)
    task = asyncio.create_task(killed.run())
    await asyncio.wait_for(killed.first_batch_done.wait(), 30)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(await _alerts(sessions)) == BATCH  # its one committed batch stays

    async with session_factory(sales_db) as replica_a, session_factory(sales_db) as replica_b:
        scanners = [StageAlertScanner(uow_factory(replica_a), batch_size=BATCH, poll_seconds=0.05),
                    StageAlertScanner(uow_factory(replica_b), batch_size=BATCH, poll_seconds=0.05),
                    StageAlertScanner(uows, batch_size=BATCH, poll_seconds=0.05)]  # the killed one, restarted
        await _scan_until_done(*scanners, sessions=sessions, expected=len(overdue))

    rows, events = await _alerts(sessions), await _events(sessions)
    assert sorted(r.opportunity_id for r in rows) == sorted(overdue)  # one per crossing, none for the others
    assert not {r.opportunity_id for r in rows} & (set(not_yet) | set(closed))
    assert sorted(e.alert_id for e in events) == sorted(r.id for r in rows)  # one event per alert row
    by_stage = {e.stage for e in events}
    assert by_stage == {stage for stage, _ in OVERDUE}
    for event in events:
        assert event.owner_id == AE.user_id and event.rsm_id == (RSM.user_id if event.stage == "negotiation" else "")
        assert event.opportunity_name.startswith(event.stage) and event.account_name == "prospect co"
    async with sessions() as session:
        recipients = (await session.execute(select(alert_recipients.c.user_id, func.count())
                                            .group_by(alert_recipients.c.user_id))).all()
    assert dict(recipients) == {AE.user_id: len(overdue), RSM.user_id: 8}


async def test_gen_4_re_entering_the_stage_is_a_new_crossing(sessions, uows):
    account = await _org(sessions)
    [opportunity_id] = await _seed(sessions, account, [("prospecting", 20)], copies=1)
    later = {"now": NOW}
    scanner = StageAlertScanner(uows, batch_size=BATCH, poll_seconds=0.05, clock=lambda: later["now"])
    assert await scanner.work_once() is False
    assert await scanner.work_once() is False  # scanned again: nothing new
    for stage in ("qualification", "prospecting"):  # out of the stage and back in: a new stay from now
        await handlers.update_opportunity(uow=uows(), principal=AE, opportunity_id=opportunity_id,
                                          data=OpportunityData(stage=stage))
    await scanner.work_once()
    assert len(await _alerts(sessions)) == 1  # the new stay is not due yet
    later["now"] = NOW + timedelta(days=15)
    await scanner.work_once()
    await scanner.work_once()
    rows = await _alerts(sessions)
    assert [r.opportunity_id for r in rows] == [opportunity_id] * 2
    assert len({r.stage_entered_at for r in rows}) == 2  # two stays, two crossings
    assert len(await _events(sessions)) == 2


async def test_two_transactions_recording_the_same_crossing_write_it_once(sessions, uows):
    account = await _org(sessions)
    [opportunity_id] = await _seed(sessions, account, [("proposal", 45)], copies=1)
    async with sessions() as session:
        entered = (await session.execute(select(opportunities.c.stage_entered_at))).scalar_one()
    stay = StageStay(opportunity_id, "proposal", entered, AE.user_id)
    async with uows() as first, uows() as second:
        process = await first.process.get()
        [crossing] = crossings([stay], process, {}, NOW)
        assert await first.alerts.record([crossing], NOW) == [crossing]
        waiting = asyncio.create_task(second.alerts.record([crossing], NOW))  # blocks on the first's row
        await asyncio.sleep(0.2)
        assert not waiting.done()
        await first.commit()
        assert await waiting == []


async def test_recipients_read_their_alerts_and_only_theirs(sessions, uows):
    account = await _org(sessions)
    await alerts.set_stage_threshold(uow=uows(), principal=ADMIN, stage="negotiation", alert_after_days=21,
                                     alert_rsm=True)
    await _seed(sessions, account, [("negotiation", 30), ("proposal", 40), ("prospecting", 50)], copies=1)
    scanner = StageAlertScanner(uows, batch_size=BATCH, poll_seconds=0.05)
    await scanner.work_once()
    page, names, unread = await alerts.my_alerts(uow=uows(), principal=AE, page_size=2)
    assert len(page.items) == 2 and page.next_cursor and unread == 3
    rest, _, _ = await alerts.my_alerts(uow=uows(), principal=AE, page_size=2, cursor=page.next_cursor)
    assert len(rest.items) == 1 and rest.next_cursor == ""
    assert {n.stage for n in [*page.items, *rest.items]} == {"negotiation", "proposal", "prospecting"}
    assert set(names.values()) == {"prospect co"}
    rsm_page, _, _ = await alerts.my_alerts(uow=uows(), principal=RSM)
    [rsm_alert] = rsm_page.items
    assert rsm_alert.reason == "rsm" and rsm_alert.stage == "negotiation"

    read, account_name = await alerts.mark_alert_read(uow=uows(), principal=AE, alert_id=rsm_alert.id)
    assert read.read_at is not None and account_name == "prospect co"
    again, _ = await alerts.mark_alert_read(uow=uows(), principal=AE, alert_id=rsm_alert.id)
    assert again.read_at == read.read_at  # first read kept
    unread_page, _, unread = await alerts.my_alerts(uow=uows(), principal=AE, unread_only=True)
    assert unread == 2 and rsm_alert.id not in {n.id for n in unread_page.items}
    assert (await alerts.my_alerts(uow=uows(), principal=RSM))[2] == 1  # the RSM's copy is still unread
    for stranger, alert_id in ((ADMIN, rsm_alert.id), (AE, str(uuid.uuid4())), (AE, "not-a-uuid")):
        with pytest.raises(NotFound):
            await alerts.mark_alert_read(uow=uows(), principal=stranger, alert_id=alert_id)
    with pytest.raises(Forbidden):
        await alerts.my_alerts(uow=uows(), principal=SDR)


async def test_an_admin_sets_thresholds_with_if_match(uows):
    stages = {s.code: s for s in await alerts.stage_thresholds(uow=uows(), principal=ADMIN)}
    assert {code: s.alert_after_days for code, s in stages.items()} == {
        "prospecting": 14, "qualification": 21, "proposal": 30, "negotiation": 21, "verbal_commit": 14,
        "closed_won": None, "closed_lost": None}
    changed = await alerts.set_stage_threshold(uow=uows(), principal=ADMIN, stage="proposal", alert_after_days=45,
                                               alert_rsm=True, expected_version=stages["proposal"].alert_version)
    assert (changed.alert_after_days, changed.alert_rsm, changed.alert_version) == (45, True, 2)
    with pytest.raises(PreconditionFailed):
        await alerts.set_stage_threshold(uow=uows(), principal=ADMIN, stage="proposal", alert_after_days=10,
                                         alert_rsm=False, expected_version=1)
    with pytest.raises(InvalidInput):
        await alerts.set_stage_threshold(uow=uows(), principal=ADMIN, stage="closed_won", alert_after_days=10,
                                         alert_rsm=False)
    with pytest.raises(NotFound):
        await alerts.set_stage_threshold(uow=uows(), principal=ADMIN, stage="nope", alert_after_days=10,
                                         alert_rsm=False)
    for caller in (AE, RSM, SDR):
        with pytest.raises(Forbidden):
            await alerts.stage_thresholds(uow=uows(), principal=caller)
    assert {s.code: s.alert_after_days for s in await alerts.stage_thresholds(uow=uows(), principal=ADMIN)
            }["proposal"] == 45
