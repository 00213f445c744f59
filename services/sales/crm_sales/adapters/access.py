"""Which accounts a principal may read in full or edit, over the account-access read model: the ONE
way the sales service decides visibility (opportunities are seen by whoever may see their account,
DESIGN.md section 2). It is the kit's rule (crmkit.account_access), the accounts service's own.

Each answers a `Select` of account ids, to use as `opportunities.c.account_id.in_(...)`.
"""
from __future__ import annotations

from crmkit.account_access import sql
from crmkit.principal import Principal
from sqlalchemy import Select

from crm_sales.adapters.orm import account_access

SHAPE = account_access.shape


def readable_in_full(principal: Principal) -> Select:
    """The ids of the accounts whose opportunities the caller may read."""
    return sql.readable_in_full(SHAPE, principal)


def editable(principal: Principal) -> Select:
    """The ids of the accounts the caller may change (seen in full, not only through a read share)."""
    return sql.editable_ids(SHAPE, principal)
