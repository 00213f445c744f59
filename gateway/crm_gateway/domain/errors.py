"""The one failure the gateway adds to the kit's kinds: a client over its rate limit."""
from __future__ import annotations

from crmkit.errors import CrmError


class TooManyRequests(CrmError):
    kind = "rate_limited"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class BadRequest(CrmError):
    """The request cannot be read at all (e.g. malformed JSON)."""

    kind = "bad_request"
