"""Round-robin assignment of new leads to SDRs (LEAD-3), as a pure choice.

SDRs are ordered by a stable key (their user id); the cursor is the key of the SDR who got the
last lead. The next lead goes to the first eligible SDR after the cursor, wrapping round. With a
fixed pool that visits everyone in turn, so no SDR is ever more than one lead ahead of another;
SDRs who leave the pool are simply not candidates, and one who joins takes their place in the order.
The cursor is stored in one database row locked for the whole assignment transaction, so any
number of service replicas share one rotation and it survives restarts.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

SDR_ROLE = "sdr"
ROUND_ROBIN = "round_robin"
MANUAL = "manual"


def is_eligible(role: str, active: bool) -> bool:
    """Only active users with the SDR role receive leads."""
    return active and role == SDR_ROLE


def next_sdr(candidates: Iterable[str], cursor: str | None) -> str | None:
    """The SDR after `cursor` in key order, wrapping; None when there is no candidate."""
    ordered = sorted(set(candidates))
    if not ordered:
        return None
    if cursor is None:
        return ordered[0]
    return next((key for key in ordered if key > cursor), ordered[0])


def next_sdrs(candidates: Iterable[str], cursor: str | None, count: int) -> list[str]:
    """The owners of `count` new leads in a row: what `count` calls of next_sdr would answer, moving
    the cursor to each answer in turn (a batch assigns under one lock of the cursor). Empty when
    there is no candidate."""
    ordered = sorted(set(candidates))
    if not ordered or count <= 0:
        return []
    start = 0 if cursor is None else bisect_right(ordered, cursor)
    return [ordered[(start + n) % len(ordered)] for n in range(count)]
