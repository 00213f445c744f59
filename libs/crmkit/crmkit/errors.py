"""Errors a domain raises, understood by every layer without importing a framework.

The gRPC server maps them to status codes with a JSON detail in trailing metadata; the gateway
turns that detail into an RFC 9457 problem+json response naming the field at fault.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FieldProblem:
    field: str
    message: str


class CrmError(Exception):
    """Base of every expected failure. `kind` picks the status; `problems` name fields at fault."""

    kind = "invalid"

    def __init__(self, detail: str, *, field: str | None = None, problems: list[FieldProblem] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.problems = list(problems or [])
        if field:
            self.problems.insert(0, FieldProblem(field, detail))

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "detail": self.detail,
            "errors": [{"field": p.field, "message": p.message} for p in self.problems],
        }


class InvalidInput(CrmError):
    kind = "invalid"


class NotFound(CrmError):
    kind = "not_found"


class Conflict(CrmError):
    kind = "conflict"


class PreconditionFailed(CrmError):
    """The caller's If-Match version is stale."""

    kind = "precondition_failed"


class Forbidden(CrmError):
    kind = "forbidden"


class Unauthenticated(CrmError):
    kind = "unauthenticated"


class Unavailable(CrmError):
    """A dependency is down; safe to retry later."""

    kind = "unavailable"


class Overloaded(Unavailable):
    """Busy right now (every database connection in use for the pool's short timeout): retry shortly.
    Kept apart from Unavailable so no channel retries it at once and adds to the load."""

    kind = "overloaded"


class Internal(CrmError):
    """A fault of ours, not the caller's."""

    kind = "internal"


KINDS: dict[str, type[CrmError]] = {
    cls.kind: cls for cls in (InvalidInput, NotFound, Conflict, PreconditionFailed, Forbidden, Unauthenticated,
                              Unavailable, Overloaded, Internal)
}


def from_dict(data: dict) -> CrmError:
    cls = KINDS.get(data.get("kind", ""), Internal)
    problems = [FieldProblem(e["field"], e["message"]) for e in data.get("errors", [])]
    return cls(data.get("detail", ""), problems=problems)
