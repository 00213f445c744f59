"""The Accounts gRPC service: translate the request, call one use case, translate the answer."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone, tzinfo

from crm.accounts.v1 import accounts_pb2, accounts_pb2_grpc
from crmkit.grpc.server import current_principal

from crm_accounts.entrypoints import mappers
from crm_accounts.domain.erp import FINANCE_FIELDS, SALES_ORDER_FIELDS
from crm_accounts.service_layer import (activities, erp_figures, erp_imports, handlers, legacy, overview, queries,
                                       record_handlers)
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork

SERVICE_NAME = accounts_pb2.DESCRIPTOR.services_by_name["Accounts"].full_name


def _today():
    return datetime.now(timezone.utc).date()


class AccountsServicer(accounts_pb2_grpc.AccountsServicer):
    def __init__(self, uow_factory: Callable[[], AccountsUnitOfWork], *, legacy_zone: tzinfo) -> None:
        self._uow = uow_factory
        self._legacy_zone = legacy_zone  # AccountsSettings.legacy_time_zone

    async def CreateAccount(self, request, context):
        return mappers.view_to_proto(await handlers.create_account(
            uow=self._uow(), principal=current_principal(), data=mappers.account_data(request.data),
            account_id=request.id))

    async def GetAccount(self, request, context):
        return mappers.view_to_proto(await queries.get_account(
            uow=self._uow(), principal=current_principal(), account_id=request.id))

    async def UpdateAccount(self, request, context):
        return mappers.view_to_proto(await handlers.update_account(
            uow=self._uow(), principal=current_principal(), command=mappers.update_account(request)))

    async def DeactivateAccount(self, request, context):
        return mappers.view_to_proto(await handlers.change_status(
            uow=self._uow(), principal=current_principal(), command=mappers.change_status(request, active=False)))

    async def ReactivateAccount(self, request, context):
        return mappers.view_to_proto(await handlers.change_status(
            uow=self._uow(), principal=current_principal(), command=mappers.change_status(request, active=True)))

    async def ListAccounts(self, request, context):
        views, next_cursor = await queries.list_accounts(uow=self._uow(), principal=current_principal(),
                                                         query=mappers.list_accounts(request))
        return accounts_pb2.ListAccountsResponse(accounts=[mappers.view_to_proto(v) for v in views],
                                                 next_cursor=next_cursor)

    async def GetHierarchy(self, request, context):
        root, views = await queries.get_hierarchy(uow=self._uow(), principal=current_principal(),
                                                  account_id=request.id)
        return accounts_pb2.Hierarchy(root_id=root, accounts=[mappers.view_to_proto(v) for v in views])

    async def CreateContact(self, request, context):
        return mappers.contact_to_proto(await record_handlers.create_contact(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id,
            data=mappers.contact_data(request.data), contact_id=request.id))

    async def GetContact(self, request, context):
        return mappers.contact_to_proto(await queries.get_contact(
            uow=self._uow(), principal=current_principal(), contact_id=request.id))

    async def UpdateContact(self, request, context):
        return mappers.contact_to_proto(await record_handlers.update_contact(
            uow=self._uow(), principal=current_principal(), command=mappers.update_contact(request)))

    async def ListContacts(self, request, context):
        found = await queries.list_contacts(uow=self._uow(), principal=current_principal(),
                                            account_id=request.account_id)
        return accounts_pb2.ListContactsResponse(contacts=[mappers.contact_to_proto(c) for c in found])

    async def CreateKiosk(self, request, context):
        return mappers.kiosk_to_proto(await record_handlers.create_kiosk(
            uow=self._uow(), principal=current_principal(), data=mappers.kiosk_data(request.data)), _today())

    async def GetKiosk(self, request, context):
        return mappers.kiosk_to_proto(await queries.get_kiosk(
            uow=self._uow(), principal=current_principal(), kiosk_id=request.id), _today())

    async def UpdateKiosk(self, request, context):
        return mappers.kiosk_to_proto(await record_handlers.update_kiosk(
            uow=self._uow(), principal=current_principal(), command=mappers.update_kiosk(request)), _today())

    async def ListKiosks(self, request, context):
        found = await queries.list_kiosks(uow=self._uow(), principal=current_principal(),
                                          location_account_id=request.location_account_id,
                                          serial_number=request.serial_number)
        today = _today()
        return accounts_pb2.ListKiosksResponse(kiosks=[mappers.kiosk_to_proto(k, today) for k in found])

    async def ShareAccount(self, request, context):
        return mappers.share_to_proto(await handlers.share_account(
            uow=self._uow(), principal=current_principal(), command=mappers.share_account(request)))

    async def RevokeShare(self, request, context):
        await handlers.revoke_share(uow=self._uow(), principal=current_principal(), account_id=request.account_id,
                                    user_id=request.user_id)
        return accounts_pb2.RevokeShareResponse()

    async def ListShares(self, request, context):
        found = await queries.list_shares(uow=self._uow(), principal=current_principal(),
                                          account_id=request.account_id)
        return accounts_pb2.ListSharesResponse(shares=[mappers.share_to_proto(s) for s in found])

    async def ReassignAccounts(self, request, context):
        moved = await handlers.reassign_accounts(uow=self._uow(), principal=current_principal(),
                                                 command=mappers.reassign_accounts(request))
        return accounts_pb2.ReassignAccountsResponse(account_ids=moved)

    async def SearchContacts(self, request, context):
        found = await queries.search_contacts(uow=self._uow(), principal=current_principal(), query=request.query,
                                              requested_size=request.page_size)
        return accounts_pb2.SearchContactsResponse(contacts=[
            accounts_pb2.ContactMatch(contact=mappers.contact_to_proto(c), account_name=name) for c, name in found])

    async def SearchAccounts(self, request, context):
        found = await queries.search_accounts(uow=self._uow(), principal=current_principal(), query=request.query,
                                              requested_size=request.page_size)
        return accounts_pb2.SearchAccountsResponse(accounts=[mappers.view_to_proto(v) for v in found])

    async def UpsertSalesOrders(self, request, context):
        outcomes = await erp_figures.upsert_sales_orders(
            uow=self._uow(), principal=current_principal(), raws=mappers.erp_rows(request.orders, SALES_ORDER_FIELDS))
        return accounts_pb2.UpsertResponse(outcomes=[mappers.outcome_to_proto(o) for o in outcomes])

    async def UpsertFinance(self, request, context):
        outcomes = await erp_figures.upsert_finance(
            uow=self._uow(), principal=current_principal(), raws=mappers.erp_rows(request.rows, FINANCE_FIELDS))
        return accounts_pb2.UpsertResponse(outcomes=[mappers.outcome_to_proto(o) for o in outcomes])

    async def ListSalesOrders(self, request, context):
        history = await erp_figures.list_sales_orders(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id, since=request.since,
            requested_size=request.page_size, cursor=request.cursor, today=_today())
        return accounts_pb2.ListSalesOrdersResponse(
            orders=[mappers.sales_order_to_proto(o) for o in history.orders],
            totals=mappers.totals_to_proto(history.totals), since=history.since.isoformat(),
            next_cursor=history.next_cursor)

    async def GetFinance(self, request, context):
        return mappers.finance_to_proto(await erp_figures.get_finance(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id))

    async def GetAccountOverview(self, request, context):
        return mappers.overview_to_proto(await overview.account_overview(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id, today=_today()))

    async def UpsertCompanies(self, request, context):
        outcomes = await erp_imports.upsert_companies(uow=self._uow(), principal=current_principal(),
                                                      raws=mappers.import_rows(request.rows))
        return accounts_pb2.UpsertResponse(outcomes=[mappers.outcome_to_proto(o) for o in outcomes])

    async def UpsertLocations(self, request, context):
        outcomes = await erp_imports.upsert_locations(uow=self._uow(), principal=current_principal(),
                                                      raws=mappers.import_rows(request.rows))
        return accounts_pb2.UpsertResponse(outcomes=[mappers.outcome_to_proto(o) for o in outcomes])

    async def UpsertKiosks(self, request, context):
        outcomes = await erp_imports.upsert_kiosks(uow=self._uow(), principal=current_principal(),
                                                   raws=mappers.import_rows(request.rows))
        return accounts_pb2.UpsertResponse(outcomes=[mappers.outcome_to_proto(o) for o in outcomes])

    async def MatchDirectory(self, request, context):
        return mappers.matches_to_proto(await erp_imports.match_directory(
            uow=self._uow(), principal=current_principal(), emails=list(request.emails),
            company_keys=list(request.company_keys)))

    async def UpsertLegacyContacts(self, request, context):
        outcomes = await legacy.upsert_legacy_contacts(uow=self._uow(), principal=current_principal(),
                                                       raws=mappers.legacy_contact_rows(request.rows))
        return accounts_pb2.UpsertResponse(outcomes=[mappers.outcome_to_proto(o) for o in outcomes])

    async def UpsertLegacyActivities(self, request, context):
        outcomes = await legacy.upsert_legacy_activities(uow=self._uow(), principal=current_principal(),
                                                         raws=mappers.import_rows(request.rows), zone=self._legacy_zone)
        return accounts_pb2.UpsertResponse(outcomes=[mappers.outcome_to_proto(o) for o in outcomes])

    async def ListActivities(self, request, context):
        found, next_cursor = await activities.list_activities(uow=self._uow(), principal=current_principal(),
                                                              query=mappers.list_activities(request))
        return accounts_pb2.ListActivitiesResponse(activities=[mappers.activity_to_proto(a) for a in found],
                                                   next_cursor=next_cursor)

    async def CreateActivity(self, request, context):
        return mappers.activity_to_proto(await activities.create_activity(
            uow=self._uow(), principal=current_principal(), command=mappers.new_activity(request)))
