"""A small aggregate for the kit's tests: a widget with a name and a colour that can be retired."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from crmkit.domain import Aggregate


@dataclass(frozen=True)
class WidgetCreated:
    widget_id: str


@dataclass
class WidgetUpdated:
    widget_id: str
    changed_fields: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class WidgetRetired:
    widget_id: str


@dataclass
class Widget(Aggregate):
    created_event, updated_event, other_changes = WidgetCreated, WidgetUpdated, (WidgetRetired,)

    id: str
    updated_at: datetime
    name: str = ""
    colour: str = ""
    retired: bool = False
    version: int = 1
    events: list = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def create(cls, widget_id: str, now: datetime) -> Widget:
        widget = cls(id=widget_id, updated_at=now)
        widget.events.append(WidgetCreated(widget_id))
        return widget

    def rename(self, name: str, now: datetime) -> list[str]:
        return self._set({"name": name}, now)

    def paint(self, colour: str, now: datetime) -> list[str]:
        return self._set({"colour": colour}, now)

    def retire(self, now: datetime) -> None:
        self.retired = True
        self._change(WidgetRetired(self.id), now)

    def _new_update(self) -> WidgetUpdated:
        return WidgetUpdated(self.id)
