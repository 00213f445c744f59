"""Callers of the tests: a principal for any role, and the gRPC metadata the gateway would send."""
from __future__ import annotations

import uuid

from crmkit.principal import METADATA_KEY, Principal, PrincipalSigner


def as_role(role: str, *, territories: tuple[str, ...] = (), subordinates: tuple[str, ...] = (),
            user_id: str = "", username: str = "", kind: str = "user") -> Principal:
    """A principal of `role` (a new user id unless given), as the gateway would sign it."""
    return Principal(user_id=user_id or str(uuid.uuid4()), role=role, username=username or role,
                     territories=territories, subordinates=subordinates, kind=kind)


def signed(private_key: str, role: str, *, service: str, user_id: str = "", territories: tuple[str, ...] = (),
           kind: str = "user") -> tuple[tuple[str, str], ...]:
    """gRPC metadata carrying a principal of `role` signed with `private_key`, meant for `service`."""
    token = PrincipalSigner(private_key).sign(as_role(role, user_id=user_id or f"{role}-1", territories=territories,
                                                      kind=kind), service=service)
    return ((METADATA_KEY, token),)
