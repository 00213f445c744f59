"""Translation between the imports REST bodies and crm.integration.v1 messages, and the failed rows as
CSV a spreadsheet can open safely."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from crm.integration.v1 import imports_pb2
from crmkit.errors import FieldProblem, InvalidInput
from crmkit.text import spreadsheet_safe
from starlette.datastructures import FormData, UploadFile

from crm_gateway.api.common import when
from crm_gateway.api.imports.schemas import (
    IMPORT_KINDS,
    ImportCounts,
    ImportFailurePage,
    ImportFailureRead,
    ImportJobRead,
)

UPLOAD_SOURCES = ("upload", "cli")  # "inbox" is the service's own: files dropped in its folder
_COUNTS = tuple(ImportCounts.model_fields)
_JOB_SCALARS = ("id", "kind", "filename", "source", "status", "error", "created_by", "size_bytes")
_JOB_TIMES = ("created_at", "started_at", "finished_at")


def import_start(form: FormData) -> tuple[imports_pb2.ImportStart, UploadFile]:
    """The upload's start message and its file; 422 naming every field at fault."""
    kind, upload, source = form.get("kind"), form.get("file"), form.get("source") or "upload"
    problems = []
    if not isinstance(kind, str) or not kind.strip():
        problems.append(FieldProblem("kind", "the kind of file is required, e.g. erp-finance"))
    elif kind.strip() not in IMPORT_KINDS:
        problems.append(FieldProblem("kind", f"unknown kind {kind.strip()!r}; one of {', '.join(IMPORT_KINDS)}"))
    if not isinstance(upload, UploadFile):
        problems.append(FieldProblem("file", "a file is required (multipart field `file`)"))
    if source not in UPLOAD_SOURCES:
        problems.append(FieldProblem("source", f"one of {', '.join(UPLOAD_SOURCES)}"))
    if problems or not isinstance(kind, str) or not isinstance(upload, UploadFile) or not isinstance(source, str):
        raise InvalidInput("the upload has invalid fields", problems=problems)
    return imports_pb2.ImportStart(kind=kind.strip(), filename=upload.filename or "", source=source), upload


def job_read(job: imports_pb2.ImportJob) -> ImportJobRead:
    return ImportJobRead(**{name: getattr(job, name) for name in _JOB_SCALARS},
                         counts=ImportCounts(**{name: getattr(job.counts, name) for name in _COUNTS}),
                         **{name: when(job, name) for name in _JOB_TIMES})


def failure_page(found: imports_pb2.ListImportFailuresResponse) -> ImportFailurePage:
    return ImportFailurePage(
        items=[ImportFailureRead(row_number=f.row_number, field=f.field, reason=f.reason, cells=list(f.cells))
               for f in found.failures],
        columns=list(found.columns), next_cursor=found.next_cursor or None)


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    """Rows as CSV lines, every cell made spreadsheet-safe (the reason may quote the cell it refused)."""
    out = io.StringIO()
    csv.writer(out).writerows([spreadsheet_safe(str(cell)) for cell in row] for row in rows)
    return out.getvalue()


def failure_csv_header(columns: Sequence[str]) -> list[str]:
    return ["row_number", "field", "reason", *columns]


def failure_csv_rows(found: imports_pb2.ListImportFailuresResponse) -> list[list[str]]:
    return [[str(f.row_number), f.field, f.reason, *f.cells] for f in found.failures]
