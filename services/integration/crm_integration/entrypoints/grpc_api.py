"""The Imports gRPC service: translate the request, call one use case, translate the answer."""
from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from crm.integration.v1 import imports_pb2, imports_pb2_grpc
from crmkit.errors import InvalidInput
from crmkit.grpc.server import current_principal

from crm_integration.entrypoints import mappers
from crm_integration.service_layer import imports
from crm_integration.service_layer.import_runner import ImportRunner
from crm_integration.service_layer.unit_of_work import ImportsUnitOfWork

SERVICE_NAME = imports_pb2.DESCRIPTOR.services_by_name["Imports"].full_name


class ImportsServicer(imports_pb2_grpc.ImportsServicer):
    def __init__(self, uows: Callable[[], ImportsUnitOfWork], runner: ImportRunner) -> None:
        self._uows = uows
        self._runner = runner

    async def CreateImport(self, request_iterator, context):
        parts = request_iterator.__aiter__()
        first = await anext(parts, None)
        if first is None or not first.HasField("start"):
            raise InvalidInput("the first message must name the kind and the file", field="start")

        async def chunks() -> AsyncIterator[bytes]:
            async for part in parts:
                if not part.HasField("chunk"):
                    raise InvalidInput("only file chunks may follow the start", field="chunk")
                yield part.chunk

        job = await imports.receive_file(
            uows=self._uows, principal=current_principal(), kind=first.start.kind, filename=first.start.filename,
            source=first.start.source, known_kinds=self._runner.kinds, chunks=chunks())
        self._runner.wake()
        return mappers.job_to_proto(job)

    async def GetImport(self, request, context):
        return mappers.job_to_proto(await imports.get_import(uow=self._uows(), principal=current_principal(),
                                                             job_id=request.id))

    async def ListImports(self, request, context):
        jobs, next_cursor = await imports.list_imports(uow=self._uows(), principal=current_principal(),
                                                       requested_size=request.page_size, cursor=request.cursor)
        return imports_pb2.ListImportsResponse(jobs=[mappers.job_to_proto(j) for j in jobs], next_cursor=next_cursor)

    async def ListImportFailures(self, request, context):
        job, failures, next_cursor = await imports.list_failures(
            uow=self._uows(), principal=current_principal(), job_id=request.job_id,
            requested_size=request.page_size, cursor=request.cursor)
        return imports_pb2.ListImportFailuresResponse(
            columns=job.columns, failures=[mappers.failure_to_proto(f) for f in failures], next_cursor=next_cursor)
