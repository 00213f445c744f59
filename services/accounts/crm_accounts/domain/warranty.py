"""A kiosk's warranty state (ACC-5), computed from its warranty end date on the day asked."""
from __future__ import annotations

from datetime import date, timedelta

EXPIRING_DAYS = 60
IN_WARRANTY, EXPIRING, EXPIRED, UNKNOWN = "in_warranty", "expiring", "expired", "unknown"


def warranty_state(end: date | None, today: date) -> str:
    """unknown without a date; expired after it; expiring within EXPIRING_DAYS of it (the end day
    included); in_warranty before that."""
    if end is None:
        return UNKNOWN
    if end < today:
        return EXPIRED
    if end <= today + timedelta(days=EXPIRING_DAYS):
        return EXPIRING
    return IN_WARRANTY


WARRANTY_STATES = (IN_WARRANTY, EXPIRING, EXPIRED, UNKNOWN)


def count_by_state(end_dates: dict[date | None, int], today: date) -> dict[str, int]:
    """How many kiosks are in each warranty state, from the number of kiosks per warranty end date."""
    counts = dict.fromkeys(WARRANTY_STATES, 0)
    for end, number in end_dates.items():
        counts[warranty_state(end, today)] += number
    return counts
