"""The Accounts service: accounts and their trees, shares, reassignment, account search, the overview."""
from __future__ import annotations

from collections.abc import Callable

from crm.accounts.v1 import accounts_pb2, accounts_pb2_grpc
from crmkit.grpc.server import current_principal

from crm_accounts.entrypoints import mappers
from crm_accounts.service_layer import handlers, overview, queries
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork

SERVICE_NAME = accounts_pb2.DESCRIPTOR.services_by_name["Accounts"].full_name


class AccountsServicer(accounts_pb2_grpc.AccountsServicer):
    def __init__(self, uow_factory: Callable[[], AccountsUnitOfWork]) -> None:
        self._uow = uow_factory

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

    async def ShareAccount(self, request, context):
        return mappers.share_to_proto(await handlers.share_account(
            uow=self._uow(), principal=current_principal(), command=mappers.share_account(request)))

    async def RevokeShare(self, request, context):
        await handlers.revoke_share(uow=self._uow(), principal=current_principal(), account_id=request.account_id,
                                    user_id=request.user_id)
        return accounts_pb2.RevokeShareResponse()

    async def ListShares(self, request, context):
        found, next_cursor = await queries.list_shares(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id,
            requested_size=request.page_size, cursor=request.cursor)
        return accounts_pb2.ListSharesResponse(shares=[mappers.share_to_proto(s) for s in found],
                                               next_cursor=next_cursor)

    async def ReassignAccounts(self, request, context):
        moved = await handlers.reassign_accounts(uow=self._uow(), principal=current_principal(),
                                                 command=mappers.reassign_accounts(request))
        return accounts_pb2.ReassignAccountsResponse(account_ids=moved)

    async def SearchAccounts(self, request, context):
        found = await queries.search_accounts(uow=self._uow(), principal=current_principal(), query=request.query,
                                              requested_size=request.page_size)
        return accounts_pb2.SearchAccountsResponse(accounts=[mappers.view_to_proto(v) for v in found])

    async def GetAccountOverview(self, request, context):
        return mappers.overview_to_proto(await overview.account_overview(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id,
            today=handlers.now().date()))
