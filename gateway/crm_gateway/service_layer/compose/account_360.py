"""The account 360: one screen of everything about an account, each part as the caller may read it.

Its parts: the accounts service's own overview (account, family, contacts, kiosks, orders, finance,
activities: one transaction there), and the sales service's open opportunities of the account (item
8 of issue 10), an optional part: sales being down leaves that section out. Support adds its cases
the same way."""
from __future__ import annotations

from dataclasses import dataclass

from crm.accounts.v1 import accounts_pb2
from crm.sales.v1 import opportunities_pb2

from crm_gateway.service_layer.compose.parts import Part, gather
from crm_gateway.service_layer.context import ServiceCalls

OPEN_OPPORTUNITIES = 100  # the first page of the account's open opportunities, by close date


@dataclass(frozen=True)
class Account360:
    overview: accounts_pb2.AccountOverview
    opportunities: opportunities_pb2.ListOpportunitiesResponse | None  # the open ones, None when sales failed
    missing: tuple[str, ...]  # optional parts left out because their service failed


async def account_360(calls: ServiceCalls, account_id: str) -> Account360:
    open_opportunities = opportunities_pb2.ListOpportunitiesRequest(account_ids=[account_id], open_only=True,
                                                                    page_size=OPEN_OPPORTUNITIES)
    composed = await gather(Part("overview", lambda: calls.accounts.get_overview(account_id), required=True),
                            Part("opportunities", lambda: calls.sales.list_opportunities(open_opportunities)))
    return Account360(overview=composed.found["overview"], opportunities=composed.found.get("opportunities"),
                      missing=composed.missing)
