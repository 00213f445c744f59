"""Throttle decisions over fixed windows of counted events (failed logins, form posts)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    """What a counter store knows about one key: events so far and seconds until the window resets."""

    count: int
    resets_in: int


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0


def before_attempt(windows: list[tuple[Window, int]]) -> Decision:
    """Login: refuse while any (window, limit) pair has already reached its limit of failures."""
    blocked = [window.resets_in for window, limit in windows if window.count >= limit]
    if blocked:
        return Decision(False, max(1, max(blocked)))
    return Decision(True)


def after_hit(window: Window, limit: int) -> Decision:
    """Rate limit: the hit just counted is allowed while the window holds at most `limit` hits."""
    if window.count > limit:
        return Decision(False, max(1, window.resets_in))
    return Decision(True)
