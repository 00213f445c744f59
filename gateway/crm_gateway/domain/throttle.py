"""Throttle decisions over fixed windows of counted events (login attempts, form posts).

Logins are counted before the password is checked (an atomic increment), so parallel attempts
cannot all slip under a limit. An address that fails too often is locked out for the window; an
account is never locked: past its free failures each further attempt waits a delay that doubles up
to a cap, so guessing slows to a crawl while the real user gets in after at most the cap.
"""
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


def after_hit(window: Window, limit: int) -> Decision:
    """Rate limit: the hit just counted is allowed while the window holds at most `limit` hits."""
    if window.count > limit:
        return Decision(False, max(1, window.resets_in))
    return Decision(True)


def account_delay(attempt: int, free: int, cap_seconds: int) -> int:
    """Seconds the account's next attempt waits after attempt number `attempt` of the window: none
    within the `free` ones, then 1, 2, 4... up to `cap_seconds`."""
    if attempt <= free:
        return 0
    return min(2 ** min(attempt - free - 1, 30), cap_seconds)
