"""The sales domain's failures, as crmkit errors so every layer maps them without a framework."""
from __future__ import annotations

from crmkit.errors import Conflict, Forbidden, InvalidInput, NotFound


class OpportunityNotFound(NotFound):
    def __init__(self, opportunity_id: str) -> None:
        super().__init__(f"no opportunity {opportunity_id!r}", field="id")


class AccountNotFound(NotFound):
    """An account the caller may not see, or one the sales service has not heard of."""

    def __init__(self, account_id: str, field: str = "account_id") -> None:
        super().__init__(f"no account {account_id!r}", field=field)


class AccessDenied(Forbidden):
    def __init__(self, detail: str, field: str | None = None) -> None:
        super().__init__(detail, field=field)


class LossReasonRequired(InvalidInput):
    """OPP-2: Closed Lost names one of the configured loss reasons."""

    def __init__(self) -> None:
        super().__init__("a Closed Lost opportunity needs a loss reason", field="loss_reason")


class ClosedLost(Conflict):
    """S3: a lost opportunity changes only through an explicit reopen."""

    def __init__(self, fields: list[str]) -> None:
        super().__init__("the opportunity is Closed Lost: reopen it before changing " + ", ".join(fields),
                         field=fields[0] if fields else "stage")


class NotACompetitor(InvalidInput):
    """GEN-3: a competitor is an account of type competitor."""

    def __init__(self, account_id: str) -> None:
        super().__init__(f"account {account_id!r} is not a competitor", field="competitor_ids")
