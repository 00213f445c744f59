"""Failures of the integration domain, as crmkit errors (the inbox retries Unavailable, dead-letters the rest)."""
from __future__ import annotations

from crmkit.errors import InvalidInput, Unavailable


class UserNotReplicatedYet(Unavailable):
    """An event names a user the replica has not received yet: retry once identity events catch up."""

    def __init__(self, user_id: str, why: str) -> None:
        super().__init__(f"user {user_id!r} ({why}) is not in the users replica yet", field="user_id")


class NoEmailAddress(InvalidInput):
    """The recipient has no email address: no retry can deliver; fix the user, then replay."""

    def __init__(self, user: str, why: str) -> None:
        super().__init__(f"user {user} ({why}) has no email address to notify", field="email")
