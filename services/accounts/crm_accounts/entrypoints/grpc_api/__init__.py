"""The accounts service's gRPC API: one servicer per service of the crm.accounts.v1 contract. Each
translates the request, calls one use case and translates the answer."""
from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from crm.accounts.v1 import (
    accounts_pb2_grpc,
    activities_pb2_grpc,
    contacts_pb2_grpc,
    erp_records_pb2_grpc,
    kiosks_pb2_grpc,
)

from crm_accounts.entrypoints.grpc_api import accounts, activities, contacts, erp_records, kiosks
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork


def services(uow_factory: Callable[[], AccountsUnitOfWork], *,
             legacy_zone: tzinfo) -> list[tuple[Callable, object, str]]:
    """(add-to-server function, servicer, full service name) of every service, as crmkit serves them."""
    return [
        (accounts_pb2_grpc.add_AccountsServicer_to_server, accounts.AccountsServicer(uow_factory),
         accounts.SERVICE_NAME),
        (contacts_pb2_grpc.add_ContactsServicer_to_server, contacts.ContactsServicer(uow_factory),
         contacts.SERVICE_NAME),
        (kiosks_pb2_grpc.add_KiosksServicer_to_server, kiosks.KiosksServicer(uow_factory), kiosks.SERVICE_NAME),
        (activities_pb2_grpc.add_ActivitiesServicer_to_server, activities.ActivitiesServicer(uow_factory),
         activities.SERVICE_NAME),
        (erp_records_pb2_grpc.add_ErpRecordsServicer_to_server,
         erp_records.ErpRecordsServicer(uow_factory, legacy_zone=legacy_zone), erp_records.SERVICE_NAME),
    ]
