"""The accounts domain's failures, as crmkit errors so every layer maps them without a framework."""
from __future__ import annotations

from crmkit.errors import Conflict, FieldProblem, Forbidden, InvalidInput, NotFound, PreconditionFailed


class RecordNotFound(NotFound):
    """Missing, or not visible to the caller: the two are never told apart (SEC-3..5)."""

    def __init__(self, kind: str, record_id: str, field: str = "id") -> None:
        super().__init__(f"no {kind} {record_id!r}", field=field)


class TreeRefused(InvalidInput):
    """A parent that would break the account tree (ACC-1)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail, field="parent_id")


class Taken(Conflict):
    """A value that must be unique is already used by another record."""

    def __init__(self, field: str, value: str) -> None:
        super().__init__(f"{field} {value!r} is already used by another record", field=field)


class IdTaken(Conflict):
    """A caller-chosen id names a record created from other data (not a retry)."""

    def __init__(self, kind: str, record_id: str) -> None:
        super().__init__(f"a {kind} with id {record_id!r} exists and was created from other data", field="id")


class StaleVersion(PreconditionFailed):
    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(f"version {expected} is stale; the record is at version {actual}", field="expected_version")


class AccessDenied(Forbidden):
    """A role refused an operation or a field; `fields` name every field at fault."""

    def __init__(self, detail: str, *fields: str) -> None:
        super().__init__(detail, problems=[FieldProblem(name, detail) for name in fields])
