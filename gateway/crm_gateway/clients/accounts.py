"""The accounts service as the gateway sees it: its Accounts, Contacts, Kiosks, Activities and
ErpRecords gRPC services over one channel."""
from __future__ import annotations

import grpc
from crm.accounts.v1 import (
    accounts_pb2,
    accounts_pb2_grpc,
    activities_pb2,
    activities_pb2_grpc,
    contacts_pb2,
    contacts_pb2_grpc,
    erp_records_pb2,
    erp_records_pb2_grpc,
    kiosks_pb2,
    kiosks_pb2_grpc,
)

from crm_gateway.clients.base import ServiceClient


class AccountsClient(ServiceClient):
    service = "accounts"

    def __init__(self, channel: grpc.aio.Channel, *, timeout: float) -> None:
        super().__init__(accounts_pb2_grpc.AccountsStub(channel), timeout=timeout)
        self._contacts = contacts_pb2_grpc.ContactsStub(channel)
        self._kiosks = kiosks_pb2_grpc.KiosksStub(channel)
        self._activities = activities_pb2_grpc.ActivitiesStub(channel)
        self._erp = erp_records_pb2_grpc.ErpRecordsStub(channel)

    async def create_account(self, data: accounts_pb2.AccountData) -> accounts_pb2.Account:
        return await self._call(self._stub.CreateAccount, accounts_pb2.CreateAccountRequest(data=data))

    async def get_account(self, account_id: str) -> accounts_pb2.Account:
        return await self._call(self._stub.GetAccount, accounts_pb2.GetAccountRequest(id=account_id))

    async def update_account(self, request: accounts_pb2.UpdateAccountRequest) -> accounts_pb2.Account:
        return await self._call(self._stub.UpdateAccount, request)

    async def change_status(self, account_id: str, *, active: bool, expected_version: int) -> accounts_pb2.Account:
        request = accounts_pb2.ChangeAccountStatusRequest(id=account_id, expected_version=expected_version)
        method = self._stub.ReactivateAccount if active else self._stub.DeactivateAccount
        return await self._call(method, request)

    async def list_accounts(self, request: accounts_pb2.ListAccountsRequest) -> accounts_pb2.ListAccountsResponse:
        return await self._call(self._stub.ListAccounts, request)

    async def get_hierarchy(self, account_id: str) -> accounts_pb2.Hierarchy:
        return await self._call(self._stub.GetHierarchy, accounts_pb2.GetHierarchyRequest(id=account_id))

    async def list_shares(self, account_id: str, *, limit: int = 0,
                          cursor: str = "") -> accounts_pb2.ListSharesResponse:
        return await self._call(self._stub.ListShares, accounts_pb2.ListSharesRequest(
            account_id=account_id, page_size=limit, cursor=cursor))

    async def share_account(self, account_id: str, user_id: str, access: str) -> accounts_pb2.Share:
        request = accounts_pb2.ShareAccountRequest(account_id=account_id, user_id=user_id, access=access)
        return await self._call(self._stub.ShareAccount, request)

    async def revoke_share(self, account_id: str, user_id: str) -> None:
        await self._call(self._stub.RevokeShare, accounts_pb2.RevokeShareRequest(account_id=account_id,
                                                                                 user_id=user_id))

    async def reassign_accounts(self, from_user_id: str, to_user_id: str) -> list[str]:
        request = accounts_pb2.ReassignAccountsRequest(from_user_id=from_user_id, to_user_id=to_user_id)
        return list((await self._call(self._stub.ReassignAccounts, request)).account_ids)

    async def create_contact(self, request: contacts_pb2.CreateContactRequest) -> contacts_pb2.Contact:
        return await self._call(self._contacts.CreateContact, request)

    async def get_contact(self, contact_id: str) -> contacts_pb2.Contact:
        return await self._call(self._contacts.GetContact, contacts_pb2.GetContactRequest(id=contact_id))

    async def update_contact(self, request: contacts_pb2.UpdateContactRequest) -> contacts_pb2.Contact:
        return await self._call(self._contacts.UpdateContact, request)

    async def list_contacts(self, account_id: str, *, limit: int = 0,
                            cursor: str = "") -> contacts_pb2.ListContactsResponse:
        return await self._call(self._contacts.ListContacts, contacts_pb2.ListContactsRequest(
            account_id=account_id, page_size=limit, cursor=cursor))

    async def search_contacts(self, query: str, limit: int) -> list[contacts_pb2.ContactMatch]:
        found = await self._call(self._contacts.SearchContacts,
                                 contacts_pb2.SearchContactsRequest(query=query, page_size=limit))
        return list(found.contacts)

    async def search_accounts(self, query: str, limit: int) -> list[accounts_pb2.Account]:
        found = await self._call(self._stub.SearchAccounts,
                                 accounts_pb2.SearchAccountsRequest(query=query, page_size=limit))
        return list(found.accounts)

    async def create_kiosk(self, data: kiosks_pb2.KioskData) -> kiosks_pb2.Kiosk:
        return await self._call(self._kiosks.CreateKiosk, kiosks_pb2.CreateKioskRequest(data=data))

    async def get_kiosk(self, kiosk_id: str) -> kiosks_pb2.Kiosk:
        return await self._call(self._kiosks.GetKiosk, kiosks_pb2.GetKioskRequest(id=kiosk_id))

    async def update_kiosk(self, request: kiosks_pb2.UpdateKioskRequest) -> kiosks_pb2.Kiosk:
        return await self._call(self._kiosks.UpdateKiosk, request)

    async def list_kiosks(self, location_account_id: str, serial_number: str = "", *, limit: int = 0,
                          cursor: str = "") -> kiosks_pb2.ListKiosksResponse:
        return await self._call(self._kiosks.ListKiosks, kiosks_pb2.ListKiosksRequest(
            location_account_id=location_account_id, serial_number=serial_number, page_size=limit, cursor=cursor))

    async def list_sales_orders(self, request: erp_records_pb2.ListSalesOrdersRequest
                                ) -> erp_records_pb2.ListSalesOrdersResponse:
        return await self._call(self._erp.ListSalesOrders, request)

    async def get_finance(self, account_id: str) -> erp_records_pb2.Finance:
        return await self._call(self._erp.GetFinance, erp_records_pb2.GetFinanceRequest(account_id=account_id))

    async def get_overview(self, account_id: str) -> accounts_pb2.AccountOverview:
        return await self._call(self._stub.GetAccountOverview,
                                accounts_pb2.GetAccountOverviewRequest(account_id=account_id))

    async def list_activities(self, request: activities_pb2.ListActivitiesRequest
                              ) -> activities_pb2.ListActivitiesResponse:
        return await self._call(self._activities.ListActivities, request)

    async def create_activity(self, request: activities_pb2.CreateActivityRequest) -> activities_pb2.Activity:
        return await self._call(self._activities.CreateActivity, request)

    async def upsert_erp_record(self, kind: str, row: dict) -> erp_records_pb2.UpsertOutcome:
        """INT-4: one ERP record (`kind` as in ERP_UPSERTS) through the ErpRecords batch upsert."""
        method, request = ERP_UPSERTS[kind]
        return (await self._call(getattr(self._erp, method), request(row))).outcomes[0]


# The ERP's records by the path they are posted to: the batch upsert that takes them, and its request.
ERP_UPSERTS = {
    "sales-orders": ("UpsertSalesOrders",
                     lambda row: erp_records_pb2.UpsertSalesOrdersRequest(orders=[erp_records_pb2.SalesOrder(**row)])),
    "finance": ("UpsertFinance",
                lambda row: erp_records_pb2.UpsertFinanceRequest(rows=[erp_records_pb2.Finance(**row)])),
    "locations": ("UpsertLocations",
                  lambda row: erp_records_pb2.UpsertLocationsRequest(rows=[erp_records_pb2.LocationRow(**row)])),
    "kiosks": ("UpsertKiosks",
               lambda row: erp_records_pb2.UpsertKiosksRequest(rows=[erp_records_pb2.KioskRow(**row)])),
}
