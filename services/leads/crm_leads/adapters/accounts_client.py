"""The accounts service over gRPC, as lead conversion needs it (LEAD-5, LEAD-6).

Every call carries the converting user's principal (forwarded as received, so accounts decides
for that user) and a deadline; failures come back as crmkit errors (Unavailable when accounts
cannot be reached or does not answer in time).
"""
from __future__ import annotations

import grpc
from crm.accounts.v1 import accounts_pb2, accounts_pb2_grpc, contacts_pb2, contacts_pb2_grpc
from crmkit.grpc.client import call

from crm_leads.domain.conversion import PROSPECT, AccountRef, NewAccount, NewContact


class AccountsClient:
    """One channel's Accounts and Contacts stubs; `acting_for` binds them to the principal of the call
    being served."""

    def __init__(self, channel: grpc.aio.Channel, *, timeout: float, principal_token: str = "") -> None:
        self._channel = channel
        self._accounts = accounts_pb2_grpc.AccountsStub(channel)
        self._contacts = contacts_pb2_grpc.ContactsStub(channel)
        self._timeout = timeout
        self._token = principal_token

    def acting_for(self, principal_token: str) -> AccountsClient:
        return AccountsClient(self._channel, timeout=self._timeout, principal_token=principal_token)

    async def get_account(self, account_id: str) -> AccountRef:
        found = await self._call(self._accounts.GetAccount, accounts_pb2.GetAccountRequest(id=account_id))
        return AccountRef(id=found.id, name=found.name, owner_id=found.owner_id)

    async def create_account(self, account_id: str, account: NewAccount) -> AccountRef:
        data = accounts_pb2.AccountData(name=account.name, type=PROSPECT, state=account.state, country=account.country,
                                        phone=account.phone)
        created = await self._call(self._accounts.CreateAccount,
                                   accounts_pb2.CreateAccountRequest(id=account_id, data=data))
        return AccountRef(id=created.id, name=created.name, owner_id=created.owner_id)

    async def create_contact(self, contact_id: str, account_id: str, contact: NewContact) -> None:
        data = contacts_pb2.ContactData(first_name=contact.first_name, last_name=contact.last_name,
                                        title=contact.title, role=contact.role, linkedin_url=contact.linkedin_url,
                                        set_emails=True, set_phones=True)
        if contact.email:
            data.emails.append(contacts_pb2.Email(address=contact.email, primary=True))
        if contact.phone:
            data.phones.append(contacts_pb2.Phone(number=contact.phone, type="work"))
        await self._call(self._contacts.CreateContact,
                         contacts_pb2.CreateContactRequest(id=contact_id, account_id=account_id, data=data))

    async def _call(self, method, request):
        return await call(method, request, principal_token=self._token, timeout=self._timeout)
