"""The ErpRecords service: the ERP's and the legacy contact manager's batches, one outcome per row
(INT-1..3, MIG-1, MIG-2), the directory matching imports ask for, and an account's ERP figures."""
from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from crm.accounts.v1 import erp_records_pb2, erp_records_pb2_grpc
from crmkit.grpc.server import current_principal

from crm_accounts.domain.erp import FINANCE_FIELDS, SALES_ORDER_FIELDS
from crm_accounts.entrypoints import mappers
from crm_accounts.service_layer import erp_figures, erp_imports, legacy
from crm_accounts.service_layer.handlers import now
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork

SERVICE_NAME = erp_records_pb2.DESCRIPTOR.services_by_name["ErpRecords"].full_name


def _outcomes(outcomes) -> erp_records_pb2.UpsertResponse:
    return erp_records_pb2.UpsertResponse(outcomes=[mappers.outcome_to_proto(o) for o in outcomes])


class ErpRecordsServicer(erp_records_pb2_grpc.ErpRecordsServicer):
    def __init__(self, uow_factory: Callable[[], AccountsUnitOfWork], *, legacy_zone: tzinfo) -> None:
        self._uow = uow_factory
        self._legacy_zone = legacy_zone  # AccountsSettings.legacy_time_zone

    async def UpsertSalesOrders(self, request, context):
        return _outcomes(await erp_figures.upsert_sales_orders(
            uow=self._uow(), principal=current_principal(), raws=mappers.erp_rows(request.orders, SALES_ORDER_FIELDS)))

    async def UpsertFinance(self, request, context):
        return _outcomes(await erp_figures.upsert_finance(
            uow=self._uow(), principal=current_principal(), raws=mappers.erp_rows(request.rows, FINANCE_FIELDS)))

    async def ListSalesOrders(self, request, context):
        history = await erp_figures.list_sales_orders(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id, since=request.since,
            requested_size=request.page_size, cursor=request.cursor, today=now().date())
        return erp_records_pb2.ListSalesOrdersResponse(
            orders=[mappers.sales_order_to_proto(o) for o in history.orders],
            totals=mappers.totals_to_proto(history.totals), since=history.since.isoformat(),
            next_cursor=history.next_cursor)

    async def GetFinance(self, request, context):
        return mappers.finance_to_proto(await erp_figures.get_finance(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id))

    async def UpsertCompanies(self, request, context):
        return _outcomes(await erp_imports.upsert_companies(uow=self._uow(), principal=current_principal(),
                                                            raws=mappers.import_rows(request.rows)))

    async def UpsertLocations(self, request, context):
        return _outcomes(await erp_imports.upsert_locations(uow=self._uow(), principal=current_principal(),
                                                            raws=mappers.import_rows(request.rows)))

    async def UpsertKiosks(self, request, context):
        return _outcomes(await erp_imports.upsert_kiosks(uow=self._uow(), principal=current_principal(),
                                                         raws=mappers.import_rows(request.rows)))

    async def MatchDirectory(self, request, context):
        return mappers.matches_to_proto(await erp_imports.match_directory(
            uow=self._uow(), principal=current_principal(), emails=list(request.emails),
            company_keys=list(request.company_keys)))

    async def UpsertLegacyContacts(self, request, context):
        return _outcomes(await legacy.upsert_legacy_contacts(uow=self._uow(), principal=current_principal(),
                                                             raws=mappers.legacy_contact_rows(request.rows)))

    async def UpsertLegacyActivities(self, request, context):
        return _outcomes(await legacy.upsert_legacy_activities(
            uow=self._uow(), principal=current_principal(), raws=mappers.import_rows(request.rows),
            zone=self._legacy_zone))
