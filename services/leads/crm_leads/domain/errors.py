"""The leads domain's failures, as crmkit errors so every layer maps them without a framework."""
from __future__ import annotations

from crmkit.errors import Conflict, Forbidden, InvalidInput, NotFound, PreconditionFailed


class TransitionRefused(InvalidInput):
    """A status change the lead life cycle does not allow (LEAD-4)."""

    def __init__(self, current: str, wanted: str, why: str = "") -> None:
        detail = why or f"a {current} lead cannot become {wanted}"
        super().__init__(detail, field="status")


class ReasonRequired(InvalidInput):
    """An Unqualified lead must say why (LEAD-4)."""

    def __init__(self) -> None:
        super().__init__("an Unqualified lead needs an unqualified reason", field="unqualified_reason")


class LeadNotFound(NotFound):
    def __init__(self, lead_id: str) -> None:
        super().__init__(f"no lead {lead_id!r}", field="id")


class WebFormNotFound(NotFound):
    def __init__(self, slug: str) -> None:
        super().__init__(f"no web form {slug!r} (or it no longer takes submissions)", field="slug")


class SlugTaken(Conflict):
    def __init__(self, slug: str) -> None:
        super().__init__(f"a web form with slug {slug!r} already exists", field="slug")


class EmailTaken(Conflict):
    """Another lead already has this email: one person, one lead (LEAD-8)."""

    def __init__(self) -> None:
        super().__init__("another lead already has this email", field="email")


class StaleVersion(PreconditionFailed):
    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(f"version {expected} is stale; the record is at version {actual}", field="expected_version")


class AccessDenied(Forbidden):
    def __init__(self, detail: str, field: str | None = None) -> None:
        super().__init__(detail, field=field)
