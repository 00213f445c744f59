"""The integration service's import jobs as the gateway sees them. An upload streams the file in
chunks, so a 100 MB file never sits in memory."""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from crm.integration.v1 import imports_pb2

from crm_gateway.clients.base import ServiceClient

CHUNK_BYTES = 256 * 1024


class Upload(Protocol):
    """Where the file's bytes come from (FastAPI's UploadFile, spooled to disk past 1 MB)."""

    async def read(self, size: int = -1) -> bytes: ...


async def _messages(start: imports_pb2.ImportStart, upload: Upload) -> AsyncIterator[imports_pb2.ImportUpload]:
    yield imports_pb2.ImportUpload(start=start)
    while chunk := await upload.read(CHUNK_BYTES):
        yield imports_pb2.ImportUpload(chunk=chunk)


class ImportsClient(ServiceClient):
    service = "integration"

    def __init__(self, stub, *, timeout: float, upload_timeout: float) -> None:
        super().__init__(stub, timeout=timeout)
        self._upload_timeout = upload_timeout

    async def create_import(self, start: imports_pb2.ImportStart, upload: Upload) -> imports_pb2.ImportJob:
        """Stream `start` then the file; the answer is the queued job."""
        return await self._call(self._stub.CreateImport, _messages(start, upload), timeout=self._upload_timeout)

    async def get_import(self, job_id: str) -> imports_pb2.ImportJob:
        return await self._call(self._stub.GetImport, imports_pb2.GetImportRequest(id=job_id))

    async def list_imports(self, limit: int, cursor: str) -> imports_pb2.ListImportsResponse:
        return await self._call(self._stub.ListImports, imports_pb2.ListImportsRequest(page_size=limit, cursor=cursor))

    async def list_failures(self, job_id: str, limit: int, cursor: str) -> imports_pb2.ListImportFailuresResponse:
        request = imports_pb2.ListImportFailuresRequest(job_id=job_id, page_size=limit, cursor=cursor)
        return await self._call(self._stub.ListImportFailures, request)
