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

AE, KEY_ACCOUNT_REP = "ae", "key_account_rep"


def default_owner(*, territory: str, key_account: bool, candidates: Iterable[User]) -> str:
    users = sorted((u for u in candidates if u.active), key=lambda u: u.id)
    if key_account:
        rep = next((u for u in users if u.role == KEY_ACCOUNT_REP), None)
        if rep is not None:
            return rep.id
    if not territory:
        return ""
    return next((u.id for u in users if u.role == AE and territory in u.territories), "")
