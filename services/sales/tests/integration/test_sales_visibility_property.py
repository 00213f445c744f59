"""SEC-3..5 for opportunities as a property: for random organisations, the sales read model's SQL
(crm_sales.adapters.access, the kit's rule over account_access) agrees for every (user, account)
pair with the same plain-Python reference the accounts service's own SQL is held against
(tests/support/account_access_reference.py): opportunities are seen by whoever sees their account,
and so are the forecast's sums (S5)."""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from crmkit.account_access.replica import AccountAccess, AccountFacts
from crmkit.errors import Forbidden
from crmkit.identity.model import Territory
from crmkit.identity.replica import Territories
from crmkit.principal import Principal
from hypothesis import HealthCheck, given, settings
from sqlalchemy import text

from crm_sales.adapters.access import editable, readable_in_full
from crm_sales.adapters.orm import account_access, identity, opportunities, users
from crm_sales.domain.forecast import ForecastConfig
from crm_sales.domain.quotas import FORECAST_READERS, own_rows_only
from crm_sales.service_layer import forecasts
from tests.support.account_access_reference import NOW, TERRITORIES, Org, organisations, reference


async def load(sessions, org: Org) -> None:
    """The organisation as the read model holds it after the identity and accounts events."""
    async with sessions() as session, session.begin():
        await session.execute(text("truncate account_access_shares, account_access, users, territories, "
                                   "territory_states, opportunities cascade"))
        for code, states in TERRITORIES.items():
            await Territories(session, identity).record(Territory(code=code, name=code, states=states,
                                                                  sales_region="east", version=1))
        await session.execute(users.insert(), [
            {"id": p.id, "role": p.role, "territories": list(p.territories), "active": p.active, "version": 1}
            for p in org.people])
        model = AccountAccess(session, account_access)
        for c in org.companies:
            await model.record(AccountFacts(id=c.id, name=c.id, type="customer", status="active", state=c.state,
                                            owner_id=c.owner_id, parent_id=c.parent_id or "", version=1))
        for account_id, user_id, access in org.shares:
            await model.grant(account_id, user_id, access)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(org=organisations())
async def test_sec_3_4_5_the_sales_read_model_agrees_with_the_rules_for_every_user_and_account(sessions, org):
    await load(sessions, org)
    async with sessions() as session:
        for person in org.people:
            caller = Principal(user_id=person.id, role=person.role, territories=person.territories,
                               subordinates=person.subordinates)
            full = set((await session.execute(readable_in_full(caller))).scalars())
            changeable = set((await session.execute(editable(caller))).scalars())
            for company in org.companies:
                assert (company.id in full) == (reference(org, person, company, ("read", "edit")) == "full"), (
                    person, company)
                assert (company.id in changeable) == (reference(org, person, company, ("edit",)) == "full"), (
                    person, company)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(org=organisations())
async def test_s5_the_forecast_counts_exactly_the_opportunities_of_the_accounts_the_caller_sees(sessions, uows, org):
    """OPP-3, S5: one opportunity per company (of n cents, owned by the company's owner or someone else); each
    sales caller's FY2027 grid totals the ones on the accounts the reference shows them in full (their own
    only for an AE, SE or key account rep), to the cent; every other role is refused."""
    await load(sessions, org)
    owners = [p.id for p in org.people]
    deals = {c.id: (Decimal(n + 1) / 100, c.owner_id or owners[n % len(owners)]) for n, c in enumerate(org.companies)}
    async with sessions() as session, session.begin():
        await session.execute(opportunities.insert(), [
            {"id": str(uuid.uuid4()), "account_id": account_id, "name": "deal", "type": "add_on", "stage": "proposal",
             "stage_entered_at": NOW, "probability": 50, "amount": amount, "currency": "USD",
             "close_date": date(2027, 5, 1), "owner_id": owner, "created_by": owner, "created_at": NOW,
             "updated_at": NOW, "version": 1} for account_id, (amount, owner) in deals.items()])
    config = ForecastConfig()
    for person in org.people:
        caller = Principal(user_id=person.id, role=person.role, territories=person.territories,
                           subordinates=person.subordinates)
        if person.role not in FORECAST_READERS:
            with pytest.raises(Forbidden):
                await forecasts.get_forecast(uow=uows(), principal=caller, config=config, period_kind="quarter",
                                             fiscal_year=2027)
            continue
        view = await forecasts.get_forecast(uow=uows(), principal=caller, config=config, period_kind="quarter",
                                            fiscal_year=2027)
        seen = [amount for c in org.companies for amount, owner in (deals[c.id],)
                if reference(org, person, c, ("read", "edit")) == "full"
                and (not own_rows_only(caller) or owner == person.id)]
        total = view.forecast.rollup().get(("FY2027-Q2", "pipeline"))
        assert (total.converted if total else Decimal(0), total.count if total else 0) == (sum(seen, Decimal(0)),
                                                                                          len(seen)), person
