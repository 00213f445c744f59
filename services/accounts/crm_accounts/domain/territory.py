"""Territory and default owner of an account (DESIGN.md section 2, LEAD-6).

An address's state or province decides its territory through the gateway's state->territory map
(kept here as a read model); an unknown or missing state gives no territory and no default owner,
never an error. The default owner is the active AE of that territory (the first by user id when
a territory has several); a key account belongs to the active key account rep instead (the first
by user id), or to the territory's AE when there is none.
"""
from __future__ import annotations

from collections.abc import Iterable

from crmkit.identity.model import User

AE, KEY_ACCOUNT_REP, ADMIN = "ae", "key_account_rep", "admin"


def default_owner(*, territory: str, key_account: bool, candidates: Iterable[User]) -> str:
    users = sorted((u for u in candidates if u.active), key=lambda u: u.id)
    if key_account:
        rep = next((u for u in users if u.role == KEY_ACCOUNT_REP), None)
        if rep is not None:
            return rep.id
    if not territory:
        return ""
    return next((u.id for u in users if u.role == AE and territory in u.territories), "")


def may_own(user: User, territory: str, *, manages_an_owner: bool) -> bool:
    """Who may be made the owner of an account in `territory` (SEC, ACC-2): an admin, a key account
    rep, an AE of that territory (any AE when the account has no territory yet), or a manager above one
    of those (`manages_an_owner`). Nobody else: ownership shows the account in full, so a CSR or an AE
    elsewhere made owner would read it."""
    if not user.active:
        return False
    if user.role in (ADMIN, KEY_ACCOUNT_REP):
        return True
    if user.role == AE:
        return not territory or territory in user.territories
    return manages_an_owner
