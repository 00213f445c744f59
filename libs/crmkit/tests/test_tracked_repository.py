"""crmkit.repository and UnitOfWork.commit() on real PostgreSQL: one object per id in a unit of
work, the version-guarded update, a refused write as a business error, and the events of every
tracked aggregate published through the unit of work's integration_events table."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aggregate_testkit import Widget, WidgetCreated, WidgetUpdated
from crm.identity.v1 import events_pb2
from crmkit.db import UnitOfWork, make_engine, make_session_factory
from crmkit.errors import Conflict, PreconditionFailed
from crmkit.messaging_tables import messaging_tables
from crmkit.repository import IdentityMap, TrackedRepository
from sqlalchemy import BigInteger, Column, MetaData, String, Table, select, update
from sqlalchemy.exc import IntegrityError

NOW = datetime(2026, 12, 1, tzinfo=UTC)
metadata = MetaData()
tables = messaging_tables(metadata)
widgets = Table("widgets", metadata, Column("id", String(40), primary_key=True),
                Column("name", String(100), nullable=False, unique=True), Column("colour", String(20), nullable=False),
                Column("version", BigInteger, nullable=False))


def _row(widget: Widget) -> dict[str, object]:
    return {"id": widget.id, "name": widget.name, "colour": widget.colour, "version": widget.version}


class WidgetRepository(TrackedRepository[Widget]):
    table, kind = widgets, "widget"

    async def for_update(self, widget_id: str) -> Widget:
        row = (await self._session.execute(select(widgets).where(widgets.c.id == widget_id))).one()
        return self._track(Widget(**row._mapping, updated_at=NOW))

    async def add(self, widget: Widget) -> None:
        await self._insert(widget, _row(widget))

    async def save(self, widget: Widget) -> None:
        await self._update(widget, _row(widget))

    def _refused(self, exc: IntegrityError, widget: Widget) -> Exception:
        return Conflict(f"a widget is called {widget.name} already", field="name")


def _user(widget: Widget) -> events_pb2.User:
    return events_pb2.User(id=widget.id, username=widget.name, version=widget.version)


class WidgetsUnitOfWork(UnitOfWork):
    integration_events = {
        WidgetCreated: lambda event, widget: ("crm.kit.widget.created", events_pb2.UserCreated(user=_user(widget))),
        (Widget, WidgetUpdated): lambda event, widget: ("crm.kit.widget.updated",
                                                        events_pb2.UserUpdated(user=_user(widget))),
    }

    def _bind(self, session) -> None:
        self.widgets = WidgetRepository(session)


@pytest.fixture
async def uows(make_database):
    engine = make_engine(make_database("kit"))
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    sessions = make_session_factory(engine)
    yield lambda: WidgetsUnitOfWork(sessions, tables)
    await engine.dispose()


async def _outbox(uow) -> list[tuple[str, bytes]]:
    rows = await uow.session.execute(select(tables.outbox.c.subject, tables.outbox.c.payload)
                                     .order_by(tables.outbox.c.seq))
    return [tuple(row) for row in rows]


async def _stored(uows, widget_id: str = "w1"):
    async with uows() as uow:
        return (await uow.session.execute(select(widgets).where(widgets.c.id == widget_id))).one()


def test_the_identity_map_keeps_the_first_object_of_an_id_and_what_changed_since_it_was_written():
    tracked: IdentityMap[Widget] = IdentityMap()
    first = Widget(id="w1", updated_at=NOW, name="a", version=2)
    assert tracked.track(first) is first
    assert tracked.track(Widget(id="w1", updated_at=NOW, name="a", version=2)) is first
    assert tracked.seen == [first] and tracked.get("w1") is first and tracked.changed() == []
    first.rename("b", NOW)
    assert tracked.changed() == [first] and tracked.stored_version(first) == 2
    tracked.written(first)
    assert tracked.changed() == [] and tracked.stored_version(first) == 3


async def test_commit_publishes_the_events_of_every_tracked_aggregate_through_the_table(uows):
    async with uows() as uow:
        await uow.widgets.add(Widget.create("w1", NOW))
        await uow.commit()
    async with uows() as uow:
        widget = await uow.widgets.for_update("w1")
        assert await uow.widgets.for_update("w1") is widget  # one object per id: never tracked twice
        widget.rename("renamed", NOW)
        widget.paint("blue", NOW)
        await uow.widgets.save(widget)
        await uow.commit()
        assert uow.widgets.seen == [widget] and widget.events == []  # published once, then cleared
        published = await _outbox(uow)
    assert [subject for subject, _ in published] == ["crm.kit.widget.created", "crm.kit.widget.updated"]
    assert events_pb2.UserUpdated.FromString(published[1][1]).user == events_pb2.User(id="w1", username="renamed",
                                                                                      version=2)
    assert (await _stored(uows)).version == 2


async def test_a_row_changed_since_it_was_loaded_is_not_overwritten(uows):
    async with uows() as uow:
        await uow.widgets.add(Widget.create("w1", NOW))
        await uow.commit()
    async with uows() as uow:
        widget = await uow.widgets.for_update("w1")
        await uow.session.execute(update(widgets).values(version=5))  # someone else's change
        widget.rename("mine", NOW)
        with pytest.raises(PreconditionFailed):
            await uow.widgets.save(widget)


async def test_saving_twice_writes_each_change_once_under_the_version_last_written(uows):
    async with uows() as uow:
        await uow.widgets.add(Widget.create("w1", NOW))
        await uow.commit()
    async with uows() as uow:
        widget = await uow.widgets.for_update("w1")
        widget.rename("first", NOW)
        await uow.widgets.save(widget)
        widget.paint("green", NOW)
        await uow.widgets.save(widget)
        await uow.commit()
    stored = await _stored(uows)
    assert (stored.name, stored.colour, stored.version) == ("first", "green", 2)


async def test_a_refused_write_is_the_error_the_repository_names(uows):
    async with uows() as uow:
        await uow.widgets.add(Widget.create("w1", NOW))
        await uow.commit()
    async with uows() as uow:
        with pytest.raises(Conflict):
            await uow.widgets.add(Widget.create("w2", NOW))  # the same (empty) name


async def test_an_event_missing_from_the_table_fails_the_commit(uows):
    async with uows() as uow:
        widget = Widget.create("w1", NOW)
        widget.retire(NOW)
        await uow.widgets.add(widget)
        with pytest.raises(TypeError, match="WidgetRetired of Widget"):
            await uow.commit()


async def test_an_event_no_aggregate_holds_is_published_through_the_same_table(uows):
    async with uows() as uow:
        uow.publish_event(WidgetCreated("w9"), Widget(id="w9", updated_at=NOW, name="loose"))
        await uow.commit()
        assert [subject for subject, _ in await _outbox(uow)] == ["crm.kit.widget.created"]
