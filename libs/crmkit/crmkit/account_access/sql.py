"""The account-visibility rule (crmkit.account_access.rule) in SQL, over any account table of the
shape id / territory / owner_id / parent_id, its shares (account_id, user_id, access) and the
identity replica's users (id, role, territories, active).

The accounts service runs it over its own tables, every other service over its read model
(crmkit.account_access.replica); either way this module is the one place that encodes the rule.
"""
from __future__ import annotations

from dataclasses import dataclass

from crmkit.account_access.rule import EDIT_SHARES, READ_SHARES, TEAM_ROLE, Scope, scope
from crmkit.principal import Principal
from sqlalchemy import ColumnElement, FromClause, Select, Table, false, func, or_, select, true


@dataclass(frozen=True)
class AccountShape:
    """Where the rule finds an account's facts: `accounts` holds id, owner_id and parent_id;
    `territory` is the account's territory as a column of `source` (the accounts table itself, or
    joined to a state->territory map); `shares` and `users` are the share and user tables."""

    accounts: Table
    territory: ColumnElement
    source: FromClause
    shares: Table
    users: Table


def team(shape: AccountShape, principal: Principal) -> Select:
    """The RSM's AEs: active users with role ae among the principal's subordinates."""
    users = shape.users
    return select(users.c.id).where(users.c.id.in_(principal.subordinates), users.c.role == TEAM_ROLE,
                                    users.c.active)


def full(shape: AccountShape, principal: Principal, share_access: tuple[str, ...] = READ_SHARES) -> ColumnElement[bool]:
    """On a row of `shape.source`: the caller sees the account in full (SEC-3..5); shares count when
    their access is in `share_access`."""
    kind = scope(principal)
    if kind is Scope.ALL:
        return true()
    accounts, shares, users = shape.accounts, shape.shares, shape.users
    shared_with_me = select(shares.c.account_id).where(shares.c.user_id == principal.user_id,
                                                       shares.c.access.in_(share_access))
    mine = or_(accounts.c.owner_id == principal.user_id, accounts.c.id.in_(shared_with_me))
    if kind is Scope.TERRITORY:
        return or_(mine, shape.territory.in_(principal.territories))
    if kind is Scope.TEAM:
        members = team(shape, principal)
        team_territories = select(func.unnest(users.c.territories)).where(users.c.id.in_(members))
        shared_with_team = select(shares.c.account_id).where(shares.c.user_id.in_(members),
                                                             shares.c.access.in_(share_access))
        return or_(mine, shape.territory.in_(team_territories), accounts.c.owner_id.in_(members),
                   accounts.c.id.in_(shared_with_team))
    return mine


def directory(shape: AccountShape, principal: Principal) -> ColumnElement[bool]:
    """On a row of `shape.source`: the caller sees the account's directory fields (beyond those seen
    in full): every account for the directory roles, the parent of an account one owns otherwise."""
    kind = scope(principal)
    if kind is Scope.ALL:
        return false()
    if kind is Scope.DIRECTORY:
        return true()
    accounts = shape.accounts
    child = accounts.alias("child")
    owned_by: ColumnElement[bool] = child.c.owner_id == principal.user_id
    if kind is Scope.TEAM:
        owned_by = or_(owned_by, child.c.owner_id.in_(team(shape, principal)))
    # A per-row probe of the account's children (an index on parent_id), not `id IN (parents of my
    # accounts)`: the planner hashes that whole set (every account the caller owns) on every query.
    owns_a_child = select(true()).where(child.c.parent_id == accounts.c.id, owned_by).limit(1).scalar_subquery()
    return func.coalesce(owns_a_child, false())


def readable(shape: AccountShape, principal: Principal, *columns) -> Select:
    """`columns` (default: every column of the accounts table) and `full` (False: directory fields
    only) of every account the caller may see."""
    seen_in_full = full(shape, principal)
    return (select(*(columns or (shape.accounts,)), func.coalesce(seen_in_full, false()).label("full"))
            .select_from(shape.source).where(or_(seen_in_full, directory(shape, principal))))


def readable_in_full(shape: AccountShape, principal: Principal) -> Select:
    """The ids of the accounts the caller sees in full."""
    return select(shape.accounts.c.id).select_from(shape.source).where(full(shape, principal))


def editable_ids(shape: AccountShape, principal: Principal) -> Select:
    """The ids of the accounts the caller may change: seen in full, not only through a read share."""
    return select(shape.accounts.c.id).select_from(shape.source).where(full(shape, principal, EDIT_SHARES))
