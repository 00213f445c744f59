"""crmkit.domain.Aggregate: however many setters a transaction runs, one version step and one
"updated" event naming every changed field; a new aggregate records only its "created" event."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aggregate_testkit import Widget, WidgetCreated, WidgetRetired, WidgetUpdated

T0 = datetime(2026, 12, 1, tzinfo=UTC)
T1 = T0 + timedelta(minutes=5)


def loaded(version: int = 3) -> Widget:
    return Widget(id="w1", updated_at=T0, name="old", colour="red", version=version)


def test_two_setters_in_one_transaction_step_the_version_once_with_one_updated_naming_both():
    widget = loaded()
    widget.rename("new", T1)
    widget.paint("blue", T1)
    widget.rename("newer", T1)
    assert widget.version == 4
    assert widget.events == [WidgetUpdated("w1", ["name", "colour"])]
    assert widget.updated_at == T1 and widget.is_modified and not widget.is_new


def test_a_setter_that_changes_nothing_records_nothing():
    widget = loaded()
    assert widget.rename("old", T1) == []
    assert widget.events == [] and widget.version == 3 and widget.updated_at == T0
    assert not widget.is_modified and widget.revision == 0


def test_a_new_aggregate_records_created_only_and_keeps_its_first_version():
    widget = Widget.create("w2", T0)
    widget.rename("fresh", T1)
    widget.paint("green", T1)
    widget.retire(T1)
    assert widget.events == [WidgetCreated("w2"), WidgetRetired("w2")]
    assert widget.version == 1 and widget.is_new and not widget.is_modified
    assert widget.revision == 3  # changed in memory since it was built: a repository writes it again


def test_another_change_and_updates_share_the_one_version_step():
    widget = loaded()
    widget.retire(T1)
    widget.rename("new", T1)
    assert widget.version == 4
    assert widget.events == [WidgetRetired("w1"), WidgetUpdated("w1", ["name"])]
    assert widget.is_modified
