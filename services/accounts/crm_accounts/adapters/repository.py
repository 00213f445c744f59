"""Account queries, and readable(principal): the one scope every read of the service starts from.

readable() answers the accounts the caller may see with a `full` column (False: directory fields
only); editable() the accounts the caller may change. Both are the kit's rule (crmkit.account_access)
over this service's tables; contacts and kiosks are scoped through them (see records.py). Nothing
else decides visibility.
"""
from __future__ import annotations

from dataclasses import dataclass

from crmkit.account_access import sql as access
from crmkit.account_access.rule import EDIT_SHARES
from crmkit.account_access.sql import AccountShape
from crmkit.fields import company_key
from crmkit.listing import Cursor, Sort
from crmkit.listing_sql import keyset
from crmkit.principal import Principal
from crmkit.repository import TrackedRepository, is_uuid
from sqlalchemy import ColumnElement, Select, and_, func, literal, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError

from crm_accounts.adapters.orm import accounts, shares, territory_states, users
from crm_accounts.domain.commands import ListAccounts
from crm_accounts.domain.errors import AccessDenied, RecordNotFound, Taken
from crm_accounts.domain.hierarchy import LOCATION_SUBTYPES
from crm_accounts.domain.model import Account
from crm_accounts.domain.policy import adds_contacts_to_any_visible_account
from crm_accounts.domain.validation import ACTIVE

ACCOUNT_COLUMNS = tuple(c.name for c in accounts.c if c.name not in ("creation_digest", "name_key"))
_NULLABLE = ("parent_id", "customer_accounting_id", "erp_ship_to_id")  # "" in the domain, NULL in the table
_TREE_LOCK = 7_347_101  # serialises changes of tree shape, so no concurrent move can close a cycle

territory = func.coalesce(territory_states.c.territory, "").label("territory")
accounts_with_territory = accounts.outerjoin(territory_states, territory_states.c.state == accounts.c.state)
# The kit's account-visibility rule (crmkit.account_access) over this service's own tables.
SHAPE = AccountShape(accounts=accounts, territory=territory_states.c.territory, source=accounts_with_territory,
                     shares=shares, users=users)


def subtree(root_id: str):
    """A recursive CTE of `root_id` and every account below it (`id`, `depth`), whoever may see them."""
    down = (select(accounts.c.id, literal(0).label("depth")).where(accounts.c.id == root_id)
            .cte("down", recursive=True))
    return down.union_all(select(accounts.c.id, down.c.depth + 1).join(down, accounts.c.parent_id == down.c.id))


def with_territory() -> Select:
    """Every account with its `territory`, whoever may see it: for batch imports and derived changes."""
    return select(accounts, territory).select_from(accounts_with_territory)


def readable(principal: Principal) -> Select:
    """Every account the caller may see, with `territory` and `full` (False: directory only)."""
    return access.readable(SHAPE, principal, accounts, territory)


def full_view(principal: Principal) -> ColumnElement[bool]:
    """On a row of `accounts_with_territory`: whether the caller sees that account in full (for a
    query that starts from another table, such as kiosks, and checks each row's own account)."""
    return access.full(SHAPE, principal)


def readable_in_full(principal: Principal) -> Select:
    """The ids of the accounts the caller sees in full: the scope of contacts and kiosks."""
    return access.readable_in_full(SHAPE, principal)


def editable(principal: Principal) -> Select:
    """The accounts the caller may change: seen in full, not only through a read share."""
    return with_territory().where(access.full(SHAPE, principal, EDIT_SHARES))


def contains(column: ColumnElement, text: str, *, ignore_case: bool = False) -> ColumnElement[bool]:
    """`column` contains `text` literally (LIKE wildcards escaped); a pg_trgm index serves it."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return column.ilike(pattern, escape="\\") if ignore_case else column.like(pattern, escape="\\")


def to_account(row) -> Account:
    mapping = row._mapping
    values = {name: mapping[name] for name in ACCOUNT_COLUMNS}
    for name in _NULLABLE:
        values[name] = values[name] or ""
    return Account(**values, territory=mapping["territory"])


def account_row(account: Account) -> dict[str, object]:
    """The table row of an account, with its company-name key (domain.search.company_key)."""
    values = {name: getattr(account, name) for name in ACCOUNT_COLUMNS}
    for name in _NULLABLE:
        values[name] = values[name] or None
    values["name_key"] = company_key(account.name)
    return values


@dataclass(frozen=True)
class AccountView:
    """An account as one caller sees it: `full` False means its directory fields only; `editable` (known
    on single reads) whether the caller may change it, which a read share does not allow."""

    account: Account
    full: bool
    editable: bool | None = None


class AccountRepository(TrackedRepository[Account]):
    """Accounts, with those a unit of work loaded for change or added in `seen` (their events go out on commit)."""

    table, kind = accounts, "account"

    async def get(self, principal: Principal, account_id: str, *, field: str = "id") -> AccountView:
        """One account as the caller may see it; NotFound (naming `field`) when they may not."""
        row = None
        if is_uuid(account_id):
            may_change = func.coalesce(access.full(SHAPE, principal, EDIT_SHARES), False).label("editable")
            row = (await self._session.execute(
                readable(principal).add_columns(may_change).where(accounts.c.id == account_id))).first()
        if row is None:
            raise RecordNotFound("account", account_id, field=field)
        return AccountView(to_account(row), row.full, row.full and row.editable)

    async def may_change(self, principal: Principal, account_id: str) -> bool:
        """Whether the caller may change the account (and so its contacts): seen in full, not through a read share."""
        return is_uuid(account_id) and (await self._session.execute(
            select(editable(principal).where(accounts.c.id == account_id).exists()))).scalar_one()

    async def for_update(self, principal: Principal, account_id: str, *, field: str = "id") -> Account:
        """An account the caller may change, locked. NotFound when they may not see it; Forbidden
        when they see it (directory only, or through a read share) but may not change it."""
        row = None
        if is_uuid(account_id):
            row = (await self._session.execute(editable(principal).where(accounts.c.id == account_id)
                                               .with_for_update(of=accounts))).first()
        if row is None:
            await self.get(principal, account_id, field=field)
            raise AccessDenied("you may see this account but not change it", field)
        return self._track(to_account(row))

    async def for_new_contact(self, principal: Principal, account_id: str, *, field: str = "account_id") -> Account:
        """The account a contact is added to: one the caller may change (locked), or for those the
        policy lets add contacts anywhere (LEAD-5), any account they see."""
        if adds_contacts_to_any_visible_account(principal):
            return (await self.get(principal, account_id, field=field)).account
        return await self.for_update(principal, account_id, field=field)

    async def as_created(self, account_id: str) -> tuple[Account, str | None]:
        """An account by id whoever may see it, with its creation digest: to recognise a retried create."""
        row = (await self._session.execute(
            with_territory().where(accounts.c.id == account_id))).one()
        return to_account(row), row.creation_digest

    async def locked(self, account_ids: list[str]) -> list[Account]:
        """Accounts by id whatever the caller sees, locked: for derived changes (location counts)."""
        rows = (await self._session.execute(
            with_territory().where(accounts.c.id.in_(account_ids))
            .order_by(accounts.c.id).with_for_update(of=accounts))).all()
        return [self._track(to_account(row)) for row in rows]

    async def owned_by(self, owner_id: str) -> list[Account]:
        """Every account of one owner, locked (GEN-11)."""
        rows = (await self._session.execute(
            with_territory().where(accounts.c.owner_id == owner_id)
            .order_by(accounts.c.id).with_for_update(of=accounts))).all()
        return [self._track(to_account(row)) for row in rows]

    async def add(self, account: Account, *, digest: str) -> bool:
        """Insert a new account created from data of `digest`; False (nothing written) when its id
        exists already. A concurrent insert of the same id waits for the other to commit."""
        stmt = (insert(accounts).values({**account_row(account), "creation_digest": digest})
                .on_conflict_do_nothing(index_elements=[accounts.c.id]).returning(accounts.c.id))
        inserted = (await self._execute(stmt, None, account)).first()
        if inserted is not None:
            self._track(account)
        return inserted is not None

    async def save(self, account: Account) -> None:
        """Write a changed account; it was locked when read, the version guard is belt and braces."""
        await self._update(account, account_row(account))

    async def lock_tree(self) -> None:
        """Hold the tree-shape lock until commit (moves, new children, status and subtype changes)."""
        await self._session.execute(text("select pg_advisory_xact_lock(:key)"), {"key": _TREE_LOCK})

    async def ancestry(self, account_id: str) -> list[str]:
        """`account_id` and its ancestors up to the root, nearest first (whoever may see them)."""
        up = (select(accounts.c.id, accounts.c.parent_id, literal(0).label("depth"))
              .where(accounts.c.id == account_id).cte("up", recursive=True))
        up = up.union_all(select(accounts.c.id, accounts.c.parent_id, up.c.depth + 1)
                          .join(up, accounts.c.id == up.c.parent_id))
        return list((await self._session.execute(select(up.c.id).order_by(up.c.depth))).scalars())

    async def has_children(self, account_id: str) -> bool:
        return (await self._session.execute(
            select(literal(1)).where(accounts.c.parent_id == account_id).limit(1))).first() is not None

    async def subtype_of(self, account_id: str) -> str | None:
        """The subtype of an existing account (None when there is none), whoever may see it."""
        return (await self._session.execute(select(accounts.c.subtype).where(accounts.c.id == account_id))).scalar()

    async def location_counts(self, account_ids: list[str]) -> dict[str, int]:
        """number_of_locations as it should be for each of `account_ids` (see domain.hierarchy)."""
        down = (select(accounts.c.id.label("root"), accounts.c.id.label("id"))
                .where(accounts.c.id.in_(account_ids)).cte("down", recursive=True))
        child = accounts.alias("child")
        down = down.union_all(select(down.c.root, child.c.id).join(child, child.c.parent_id == down.c.id))
        counted = and_(accounts.c.id != down.c.root, accounts.c.status == ACTIVE,
                       accounts.c.subtype.in_(LOCATION_SUBTYPES))
        rows = await self._session.execute(
            select(down.c.root, func.count().filter(counted)).join(accounts, accounts.c.id == down.c.id)
            .group_by(down.c.root))
        return {root: count for root, count in rows.all()}

    async def tree(self, principal: Principal, root_id: str) -> list[AccountView]:
        """The accounts under `root_id` (itself included) the caller may see, parents first."""
        down = subtree(root_id)
        rows = (await self._session.execute(readable(principal).join(down, down.c.id == accounts.c.id)
                                            .order_by(down.c.depth, accounts.c.name, accounts.c.id))).all()
        return [AccountView(to_account(row), row.full) for row in rows]

    async def children(self, principal: Principal, parent_id: str, *, limit: int) -> tuple[list[AccountView], int]:
        """The first `limit` direct children of an account the caller may see, by name, and how many
        they may see in all."""
        rows = (await self._session.execute(
            readable(principal).add_columns(func.count().over().label("total"))
            .where(accounts.c.parent_id == parent_id).order_by(accounts.c.name, accounts.c.id).limit(limit))).all()
        return [AccountView(to_account(row), row.full) for row in rows], rows[0].total if rows else 0

    async def page(self, principal: Principal, query: ListAccounts, *, sort: Sort, after: Cursor | None,
                   limit: int) -> list[AccountView]:
        """Up to `limit` visible accounts matching `query`, in `sort` order (id breaks ties), after `after`."""
        stmt = readable(principal)
        for values, column in ((query.types, accounts.c.type), (query.subtypes, accounts.c.subtype),
                               (query.statuses, accounts.c.status), (query.owner_ids, accounts.c.owner_id),
                               (query.territories, territory_states.c.territory)):
            if values:
                stmt = stmt.where(column.in_(values))
        if query.parent_id is not None:
            stmt = stmt.where(accounts.c.parent_id == query.parent_id if query.parent_id
                              else accounts.c.parent_id.is_(None))
        if query.text.strip():
            stmt = stmt.where(contains(accounts.c.name, query.text.strip(), ignore_case=True))
        stmt = keyset(stmt, accounts.c[sort.field], accounts.c.id, sort, after)
        rows = (await self._session.execute(stmt.limit(limit))).all()
        return [AccountView(to_account(row), row.full) for row in rows]

    async def search(self, principal: Principal, text: str, *, limit: int) -> list[AccountView]:
        """Up to `limit` accounts the caller may see whose name contains `text` (case ignored), by name."""
        rows = (await self._session.execute(
            readable(principal).where(contains(accounts.c.name, text, ignore_case=True))
            .order_by(accounts.c.name, accounts.c.id).limit(limit))).all()
        return [AccountView(to_account(row), row.full) for row in rows]

    def _refused(self, exc: IntegrityError, account: Account) -> Exception:
        if "customer_accounting_id" in str(exc.orig):
            return Taken("customer_accounting_id", account.customer_accounting_id)
        if "erp_ship_to_id" in str(exc.orig):
            return Taken("erp_ship_to_id", account.erp_ship_to_id)
        if "fk_accounts_parent_id" in str(exc.orig):
            return RecordNotFound("account", account.parent_id, field="parent_id")
        return exc
