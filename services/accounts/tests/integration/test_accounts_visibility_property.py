"""SEC-3..5 as a property: for random organisations (users with roles, managers and territories;
accounts in trees across territories and owners; shares), readable() and editable() in SQL agree,
for every (user, account) pair, with the plain-Python statement of the kit's rule
(tests/support/account_access_reference.py, which the sales read model is held against too)."""
from __future__ import annotations

from accounts_testkit import add_territories
from crmkit.principal import Principal
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select, text

from crm_accounts.adapters.orm import accounts, shares, users
from crm_accounts.adapters.repository import editable, readable
from tests.support.account_access_reference import NOW, TERRITORIES, Org, organisations, reference


async def load(sessions, org: Org) -> None:
    async with sessions() as session, session.begin():
        await session.execute(text("truncate shares, accounts, users cascade"))
        await session.execute(users.insert(), [
            {"id": p.id, "role": p.role, "territories": list(p.territories), "active": p.active, "version": 1}
            for p in org.people])
        await session.execute(accounts.insert(), [
            {"id": c.id, "name": c.id, "type": "customer", "status": "active", "parent_id": c.parent_id,
             "owner_id": c.owner_id, "state": c.state, "created_at": NOW, "updated_at": NOW, "version": 1}
            for c in org.companies])
        if org.shares:
            await session.execute(shares.insert(), [
                {"account_id": a, "user_id": u, "access": access, "granted_by": "admin", "granted_at": NOW}
                for a, u, access in org.shares])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(org=organisations())
async def test_sec_3_4_5_readable_sql_agrees_with_the_rules_for_every_user_and_account(uows, sessions, org):
    await add_territories(uows, TERRITORIES)
    await load(sessions, org)
    async with sessions() as session:
        for person in org.people:
            caller = Principal(user_id=person.id, role=person.role, territories=person.territories,
                               subordinates=person.subordinates)
            seen = {row.id: "full" if row.full else "directory"
                    for row in (await session.execute(readable(caller))).all()}
            changeable = set((await session.execute(select(editable(caller).subquery().c.id))).scalars())
            for company in org.companies:
                assert seen.get(company.id) == reference(org, person, company, ("read", "edit")), (person, company)
                assert (company.id in changeable) == (reference(org, person, company, ("edit",)) == "full"), (
                    person, company)
