"""Import jobs (INT-1..3, MIG-1, MIG-2, LEAD-2): who may start and read them, their life cycle, and
the counting rule every job keeps: created + updated + unchanged + skipped + failed = rows read.

    uploading -> queued -> running -> completed
                       \\-> failed (the file itself was refused: unknown layout, missing columns)

A row's fate comes from the feed reader (failed, skipped) or from the owning service (created,
updated, unchanged, or failed with a reason such as an unknown customer).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from crmkit.errors import Forbidden, InvalidInput
from crmkit.principal import Principal

UPLOADING, QUEUED, RUNNING, COMPLETED, FAILED_JOB = "uploading", "queued", "running", "completed", "failed"
OUTCOMES = CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED = "created", "updated", "unchanged", "skipped", "failed"
SOURCES = ("upload", "cli", "inbox")
IMPORTERS = frozenset({"admin", "erp"})
FILENAME_MAX = 255


@dataclass(frozen=True)
class Outcome:
    """The fate of one row; a failed row names the field at fault and why."""

    outcome: str
    field: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Failure:
    """One problem of a failed row, with the row as read (cells in the file's column order)."""

    row_number: int
    field: str
    reason: str
    cells: tuple[str, ...]


@dataclass
class Counts:
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[str]) -> Counts:
        tally = Counter(outcomes)
        unknown = set(tally) - set(OUTCOMES)
        if unknown:
            raise ValueError(f"not row outcomes: {sorted(unknown)}")
        return cls(rows_read=sum(tally.values()), **{name: tally[name] for name in OUTCOMES})

    def as_dict(self) -> dict[str, int]:
        return dict(vars(self))


@dataclass
class ImportJob:
    id: str
    kind: str
    filename: str
    source: str
    status: str
    created_by: str
    created_by_role: str
    created_at: datetime
    counts: Counts = field(default_factory=Counts)
    error: str = ""
    size_bytes: int = 0
    columns: tuple[str, ...] = ()
    checkpoint_row: int = 0
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.status in (COMPLETED, FAILED_JOB)


def ensure_can_import(principal: Principal) -> None:
    if principal.role not in IMPORTERS:
        raise Forbidden(f"the role {principal.role!r} cannot import files")


def sees_every_job(principal: Principal) -> bool:
    """A job is its creator's and the admins'."""
    return principal.role == "admin"


def clean_start(kind: str, filename: str, source: str, known_kinds: Iterable[str]) -> tuple[str, str, str]:
    """The kind, file name and source of a new job, or InvalidInput naming the field at fault."""
    kind, source = kind.strip().lower(), source.strip().lower() or "upload"
    known = tuple(known_kinds)
    if kind not in known:
        raise InvalidInput(f"unknown import kind {kind!r}; one of: {', '.join(known)}", field="kind")
    if source not in SOURCES:
        raise InvalidInput(f"source must be one of: {', '.join(SOURCES)}", field="source")
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()[:FILENAME_MAX]
    return kind, name, source
