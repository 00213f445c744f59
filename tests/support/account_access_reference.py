"""The account-visibility rule (crmkit.account_access.rule) in plain Python, and random organisations
to hold every SQL statement of it against: the accounts service's own tables and every other
service's read model run the same property (SEC-3..5)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from hypothesis import strategies as st

# The territories the tests' organisations use, and the states each maps.
TERRITORIES = {"NE": ("CT", "MA", "ME"), "MA": ("NJ", "NY", "PA"), "PAC": ("CA", "OR", "WA")}
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


