"""The failures the gateway adds to the kit's kinds: a client over its rate limit, logins over capacity."""
from __future__ import annotations

from crmkit.errors import CrmError, Unavailable


class TooManyRequests(CrmError):
    kind = "rate_limited"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class PasswordsBusy(Unavailable):
    """Every password-hashing slot stayed taken for the whole wait: come back after `retry_after`."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("too many logins at once; retry shortly")
        self.retry_after = retry_after


class BadRequest(CrmError):
    """The request cannot be read at all (e.g. malformed JSON)."""

    kind = "bad_request"
