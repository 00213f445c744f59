"""/api/v1/imports: upload a file to the integration service, which turns it into a job (INT-1..3,
MIG-1, MIG-2), then follow the job's progress and read or download its failed rows.

The upload is parsed only after the role check, so nobody unauthenticated makes the gateway spool a
100 MB body; it then streams to the service in chunks from the spooled file."""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from crm_gateway.api.common import Page, PageCursor
from crm_gateway.api.imports import mappers
from crm_gateway.api.imports.schemas import IMPORT_KINDS, ImportFailurePage, ImportJobRead
from crm_gateway.domain.model import IMPORTERS, Caller
from crm_gateway.security import Calls, require_roles
from crm_gateway.service_layer.context import ServiceCalls

router = APIRouter(prefix="/api/v1/imports", tags=["imports"])
Importer = Annotated[Caller, Depends(require_roles(*IMPORTERS))]
ImportId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
CSV_PAGE_ROWS = 1000  # the most the service answers in one page
_UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["kind", "file"],
    "properties": {
        "kind": {"type": "string", "enum": list(IMPORT_KINDS), "description": "what the file holds"},
        "file": {"type": "string", "format": "binary", "description": "the CSV file (100+ MB is fine)"},
        "source": {"type": "string", "enum": list(mappers.UPLOAD_SOURCES), "default": "upload"},
    }}}}}}


@router.post("", response_model=ImportJobRead, status_code=status.HTTP_202_ACCEPTED, openapi_extra=_UPLOAD_BODY)
async def create_import(caller: Importer, calls: Calls, request: Request, response: Response) -> ImportJobRead:
    """Queue a file as an import job (admin and the erp client); follow it at the Location answered.
    An unknown `kind` answers 422 naming it."""
    async with request.form(max_files=1, max_fields=2) as form:
        start, upload = mappers.import_start(form)
        # The principal is signed at this first call, once the body has arrived: a slow upload would
        # outlive one (five minutes at most).
        job = await calls.imports.create_import(start, upload)
    response.headers["Location"] = f"/api/v1/imports/{job.id}"
    return mappers.job_read(job)


@router.get("", response_model=Page[ImportJobRead])
async def list_imports(caller: Importer, calls: Calls, limit: Annotated[int, Query(ge=1, le=200)] = 50,
                       cursor: PageCursor = None) -> Page[ImportJobRead]:
    """The caller's jobs (admins: everyone's), newest first, one cursor page at a time."""
    found = await calls.imports.list_imports(limit, cursor or "")
    return Page(items=[mappers.job_read(j) for j in found.jobs], next_cursor=found.next_cursor or None)


@router.get("/{import_id}", response_model=ImportJobRead)
async def get_import(import_id: ImportId, caller: Importer, calls: Calls) -> ImportJobRead:
    """One job with its live counters; 404 unless the caller created it or is an admin."""
    return mappers.job_read(await calls.imports.get_import(import_id))


@router.get("/{import_id}/failures", response_model=ImportFailurePage)
async def list_failures(import_id: ImportId, caller: Importer, calls: Calls,
                        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                        cursor: PageCursor = None) -> ImportFailurePage:
    """The job's failed rows in row order: row number, the field at fault, why, and the row as read."""
    return mappers.failure_page(await calls.imports.list_failures(import_id, limit, cursor or ""))


@router.get("/{import_id}/failures.csv", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}, "description": "row_number,field,reason,<file columns>"}})
async def download_failures(import_id: ImportId, caller: Importer, calls: Calls) -> StreamingResponse:
    """The failed rows as a CSV attachment, streamed page by page; a cell a spreadsheet would run as a
    formula starts with a quote instead. The first page is read before answering, so a job the caller
    may not see is a 404 problem, not a broken download."""
    first = await calls.imports.list_failures(import_id, CSV_PAGE_ROWS, "")
    return StreamingResponse(_csv_lines(calls, import_id, first), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="import-{import_id}-failures.csv"'})


async def _csv_lines(calls: ServiceCalls, import_id: str, page) -> AsyncIterator[str]:
    yield mappers.csv_text([mappers.failure_csv_header(page.columns)])
    while True:
        yield mappers.csv_text(mappers.failure_csv_rows(page))
        if not page.next_cursor:
            return
        # A long download outlives a principal (five minutes at most): the client signs it again once aged.
        page = await calls.imports.list_failures(import_id, CSV_PAGE_ROWS, page.next_cursor)
