"""The Kiosks service: the machines at kiosk locations, each with its warranty state as of today."""
from __future__ import annotations

from collections.abc import Callable

from crm.accounts.v1 import kiosks_pb2, kiosks_pb2_grpc
from crmkit.grpc.server import current_principal

from crm_accounts.entrypoints import mappers
from crm_accounts.service_layer import queries, record_handlers
from crm_accounts.service_layer.handlers import now
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork

SERVICE_NAME = kiosks_pb2.DESCRIPTOR.services_by_name["Kiosks"].full_name


class KiosksServicer(kiosks_pb2_grpc.KiosksServicer):
    def __init__(self, uow_factory: Callable[[], AccountsUnitOfWork]) -> None:
        self._uow = uow_factory

    async def CreateKiosk(self, request, context):
        return mappers.kiosk_to_proto(await record_handlers.create_kiosk(
            uow=self._uow(), principal=current_principal(), data=mappers.kiosk_data(request.data)), now().date())

    async def GetKiosk(self, request, context):
        return mappers.kiosk_to_proto(await queries.get_kiosk(
            uow=self._uow(), principal=current_principal(), kiosk_id=request.id), now().date())

    async def UpdateKiosk(self, request, context):
        return mappers.kiosk_to_proto(await record_handlers.update_kiosk(
            uow=self._uow(), principal=current_principal(), command=mappers.update_kiosk(request)), now().date())

    async def ListKiosks(self, request, context):
        found, next_cursor = await queries.list_kiosks(
            uow=self._uow(), principal=current_principal(), location_account_id=request.location_account_id,
            serial_number=request.serial_number, requested_size=request.page_size, cursor=request.cursor)
        today = now().date()
        return kiosks_pb2.ListKiosksResponse(kiosks=[mappers.kiosk_to_proto(k, today) for k in found],
                                             next_cursor=next_cursor)
