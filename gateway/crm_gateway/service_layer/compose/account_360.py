"""The account 360: one screen of everything about an account, each part as the caller may read it.

Today its only part is the accounts service's own overview (account, family, contacts, kiosks,
orders, finance, activities: one transaction there). Sales and support add theirs (opportunities,
cases) as optional parts beside it, so one of them being down leaves its section out."""
from __future__ import annotations

from dataclasses import dataclass

from crm.accounts.v1 import accounts_pb2

from crm_gateway.service_layer.compose.parts import Part, gather
from crm_gateway.service_layer.context import ServiceCalls


@dataclass(frozen=True)
class Account360:
    overview: accounts_pb2.AccountOverview
    missing: tuple[str, ...]  # optional parts left out because their service failed


async def account_360(calls: ServiceCalls, account_id: str) -> Account360:
    composed = await gather(Part("overview", lambda: calls.accounts.get_overview(account_id), required=True))
    return Account360(overview=composed.found["overview"], missing=composed.missing)
