"""The Contacts service: the people at an account, and contact search (MOB-1)."""
from __future__ import annotations

from collections.abc import Callable

from crm.accounts.v1 import contacts_pb2, contacts_pb2_grpc
from crmkit.grpc.server import current_principal

from crm_accounts.entrypoints import mappers
from crm_accounts.service_layer import queries, record_handlers
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork

SERVICE_NAME = contacts_pb2.DESCRIPTOR.services_by_name["Contacts"].full_name


class ContactsServicer(contacts_pb2_grpc.ContactsServicer):
    def __init__(self, uow_factory: Callable[[], AccountsUnitOfWork]) -> None:
        self._uow = uow_factory

    async def CreateContact(self, request, context):
        return mappers.contact_to_proto(await record_handlers.create_contact(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id,
            data=mappers.contact_data(request.data), contact_id=request.id))

    async def GetContact(self, request, context):
        contact = await queries.get_contact(uow=self._uow(), principal=current_principal(), contact_id=request.id)
        message = mappers.contact_to_proto(contact)
        message.editable = await queries.may_change_account(uow=self._uow(), principal=current_principal(),
                                                            account_id=contact.account_id)
        return message

    async def UpdateContact(self, request, context):
        return mappers.contact_to_proto(await record_handlers.update_contact(
            uow=self._uow(), principal=current_principal(), command=mappers.update_contact(request)))

    async def ListContacts(self, request, context):
        found, next_cursor = await queries.list_contacts(
            uow=self._uow(), principal=current_principal(), account_id=request.account_id,
            requested_size=request.page_size, cursor=request.cursor)
        return contacts_pb2.ListContactsResponse(contacts=[mappers.contact_to_proto(c) for c in found],
                                                 next_cursor=next_cursor)

    async def SearchContacts(self, request, context):
        found = await queries.search_contacts(uow=self._uow(), principal=current_principal(), query=request.query,
                                              requested_size=request.page_size)
        return contacts_pb2.SearchContactsResponse(contacts=[
            contacts_pb2.ContactMatch(contact=mappers.contact_to_proto(c), account_name=name) for c, name in found])
