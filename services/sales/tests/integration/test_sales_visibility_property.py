"""SEC-3..5 for opportunities as a property: for random organisations, the sales read model's SQL
(crm_sales.adapters.access, the kit's rule over account_access) agrees for every (user, account)
pair with the same plain-Python reference the accounts service's own SQL is held against
(tests/support/account_access_reference.py): opportunities are seen by whoever sees their account."""
from __future__ import annotations

from crmkit.account_access.replica import AccountAccess, AccountFacts
from crmkit.identity.model import Territory
from crmkit.identity.replica import Territories
from crmkit.principal import Principal
from hypothesis import HealthCheck, given, settings
from sqlalchemy import text

from crm_sales.adapters.access import editable, readable_in_full
from crm_sales.adapters.orm import account_access, identity, users
from tests.support.account_access_reference import TERRITORIES, Org, organisations, reference


async def load(sessions, org: Org) -> None:
    """The organisation as the read model holds it after the identity and accounts events."""
    async with sessions() as session, session.begin():
        await session.execute(text("truncate account_access_shares, account_access, users, territories, "
                                   "territory_states"))
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
