"""Versioned aggregates: what a transaction did to one, as events the unit of work publishes on commit.

Pure (the standard library only), so every service's domain can build on it.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar


class Aggregate:
    """An aggregate that records its events in `events` and is stored at `version`.

    However many changes a transaction makes, the version steps once and one "updated" event
    collects every field that changed; a new aggregate (its "created" event recorded) is inserted
    as it is, so it gets neither. Subclasses are dataclasses with `id`, `updated_at`, `version` and
    `events` fields, and name their event types.
    """

    id: str
    updated_at: datetime
    version: int
    events: list[Any]
    # Changes made in memory (never stored): a repository writes what changed since it last wrote.
    revision: int = 0

    created_event: ClassVar[type]
    updated_event: ClassVar[type]  # has `changed_fields: list[str]`
    # Other events that change the stored aggregate (a deactivation, a new owner): they step the
    # version too, once per transaction with the updates.
    other_changes: ClassVar[tuple[type, ...]] = ()

    @property
    def is_new(self) -> bool:
        return any(isinstance(e, self.created_event) for e in self.events)

    @property
    def is_modified(self) -> bool:
        """Changed since it was loaded (a new aggregate is inserted, not modified)."""
        changes = (self.updated_event, *self.other_changes)
        return not self.is_new and any(isinstance(e, changes) for e in self.events)

    def _new_update(self) -> Any:
        """A new "updated" event with no changed fields yet (override when it carries more)."""
        return self.updated_event()

    def _set(self, values: dict[str, object], now: datetime) -> list[str]:
        """Set the given fields; answers (and notes) the names that changed."""
        changed = [name for name, value in values.items() if getattr(self, name) != value]
        for name in changed:
            setattr(self, name, values[name])
        self._touch(changed, now)
        return changed

    def _touch(self, changed: list[str], now: datetime) -> None:
        """Note that the `changed` fields were set: the one "updated" event of the transaction names them."""
        if not changed:
            return
        self.updated_at = now
        self.revision += 1
        if self.is_new:
            return
        update: Any = next((e for e in self.events if isinstance(e, self.updated_event)), None)
        if update is None:
            self._step()
            update = self._new_update()
            self.events.append(update)
        update.changed_fields.extend(name for name in changed if name not in update.changed_fields)

    def _change(self, event: Any, now: datetime) -> None:
        """Record a change that is an event of its own (one of `other_changes`), not a field update."""
        self.updated_at = now
        self.revision += 1
        if not self.is_new:
            self._step()
        self.events.append(event)

    def _step(self) -> None:
        """One version step per transaction, whatever changes it makes."""
        changes = (self.updated_event, *self.other_changes)
        if not any(isinstance(e, changes) for e in self.events):
            self.version += 1
