"""The integration service's import jobs as the gateway sees them: each call carries a signed principal
and a deadline. An upload streams the file in chunks, so a 100 MB file never sits in memory."""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

import grpc

from crm.integration.v1 import imports_pb2, imports_pb2_grpc
from crmkit.grpc.client import call, error_from_rpc
from crmkit.principal import METADATA_KEY

CHUNK_BYTES = 256 * 1024


class Upload(Protocol):
    """Where the file's bytes come from (FastAPI's UploadFile, spooled to disk past 1 MB)."""

    async def read(self, size: int = -1) -> bytes: ...


async def _messages(start: imports_pb2.ImportStart, upload: Upload) -> AsyncIterator[imports_pb2.ImportUpload]:
    yield imports_pb2.ImportUpload(start=start)
    while chunk := await upload.read(CHUNK_BYTES):
        yield imports_pb2.ImportUpload(chunk=chunk)


class ImportsClient:
    def __init__(self, stub: imports_pb2_grpc.ImportsStub, *, timeout: float, upload_timeout: float) -> None:
        self._stub = stub
        self._timeout = timeout
        self._upload_timeout = upload_timeout

    async def _call(self, method, request, token: str):
        return await call(method, request, principal_token=token, timeout=self._timeout)

    async def create_import(self, token: str, start: imports_pb2.ImportStart, upload: Upload) -> imports_pb2.ImportJob:
        """Stream `start` then the file; the answer is the queued job."""
        try:
            return await self._stub.CreateImport(_messages(start, upload), timeout=self._upload_timeout,
                                                 metadata=((METADATA_KEY, token),))
        except grpc.aio.AioRpcError as exc:
            raise error_from_rpc(exc) from exc

    async def get_import(self, token: str, job_id: str) -> imports_pb2.ImportJob:
        return await self._call(self._stub.GetImport, imports_pb2.GetImportRequest(id=job_id), token)

    async def list_imports(self, token: str, limit: int, cursor: str) -> imports_pb2.ListImportsResponse:
        return await self._call(self._stub.ListImports, imports_pb2.ListImportsRequest(page_size=limit, cursor=cursor),
                                token)

    async def list_failures(self, token: str, job_id: str, limit: int,
                            cursor: str) -> imports_pb2.ListImportFailuresResponse:
        request = imports_pb2.ListImportFailuresRequest(job_id=job_id, page_size=limit, cursor=cursor)
        return await self._call(self._stub.ListImportFailures, request, token)
