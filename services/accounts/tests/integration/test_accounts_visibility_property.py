"""SEC-3..5 as a property: for random organisations (users with roles, managers and territories;
accounts in trees across territories and owners; shares), readable() and editable() in SQL agree,
for every (user, account) pair, with a plain-Python statement of the rules in the policy."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from accounts_testkit import TERRITORIES, add_territories
from crmkit.principal import Principal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from crm_accounts.adapters.orm import accounts, shares, users
from crm_accounts.adapters.repository import editable, readable

ROLES = ("admin", "vp_sales", "erp", "rsm", "rsm", "rsm", "ae", "ae", "ae", "ae", "se", "key_account_rep", "sdr",
         "csr", "marketing", "web_form")
STATES = ("MA", "CT", "NY", "PA", "CA", "WA", "ZZ", "")
CODES = (*TERRITORIES, "MTN")  # MTN: a territory no account's state maps to here
TERRITORY_OF = {state: code for code, states in TERRITORIES.items() for state in states}
ALL, TERRITORY, TEAM, DIRECTORY = ("admin", "vp_sales", "erp"), ("ae", "se"), ("rsm",), (
    "sdr", "marketing", "vp_marketing", "csr", "cs_manager")
NOW = datetime(2026, 11, 21, tzinfo=UTC)


@dataclass(frozen=True)
class Person:
    id: str
    role: str
    territories: tuple[str, ...]
    active: bool
    subordinates: tuple[str, ...]


@dataclass(frozen=True)
class Company:
    id: str
    parent_id: str | None
    owner_id: str
    state: str


@dataclass(frozen=True)
class Org:
    people: tuple[Person, ...]
    companies: tuple[Company, ...]
    shares: tuple[tuple[str, str, str], ...]  # (account id, user id, access)


@st.composite
def organisations(draw) -> Org:
    ids = [f"user-{n}" for n in range(draw(st.integers(2, 8)))]
    people = []
    for user_id in ids:
        role = draw(st.sampled_from(ROLES))
        people.append(Person(
            id=user_id, role=role, territories=tuple(draw(st.lists(st.sampled_from(CODES), max_size=2, unique=True))),
            active=draw(st.booleans()),
            subordinates=tuple(draw(st.lists(st.sampled_from([*ids, "ghost"]), min_size=1, max_size=4, unique=True)))
            if role == "rsm" else ()))
    companies: list[Company] = []
    for n in range(draw(st.integers(1, 12))):
        parent = draw(st.none() | st.sampled_from(companies)) if companies else None
        companies.append(Company(id=str(uuid.UUID(int=n + 1)), parent_id=parent.id if parent else None,
                                 owner_id=draw(st.sampled_from([*ids, ""])), state=draw(st.sampled_from(STATES))))
    grant = st.tuples(st.sampled_from(companies), st.sampled_from(ids), st.sampled_from(["read", "edit"]))
    granted = draw(st.lists(grant, max_size=6, unique_by=lambda t: (t[0].id, t[1])))
    return Org(tuple(people), tuple(companies), tuple((c.id, u, a) for c, u, a in granted))


def reference(org: Org, person: Person, company: Company, share_access: tuple[str, ...]) -> str | None:
    """The rules of crm_accounts.domain.policy in plain Python: "full", "directory" or None."""
    def shared(account_id: str, user_ids) -> bool:
        return any(a == account_id and u in user_ids and access in share_access for a, u, access in org.shares)

    territory = TERRITORY_OF.get(company.state)
    team = [p for p in org.people if p.id in person.subordinates and p.role == "ae" and p.active] \
        if person.role in TEAM else []
    full = (person.role in ALL or company.owner_id == person.id or shared(company.id, {person.id})
            or (person.role in TERRITORY and territory in person.territories)
            or (bool(team) and (any(territory in p.territories for p in team)
                                or company.owner_id in {p.id for p in team}
                                or shared(company.id, {p.id for p in team}))))
    if full:
        return "full"
    owners = {person.id, *(p.id for p in team)}
    if person.role in DIRECTORY or any(c.parent_id == company.id and c.owner_id in owners for c in org.companies):
        return "directory"
    return None


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
    await add_territories(uows)
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
