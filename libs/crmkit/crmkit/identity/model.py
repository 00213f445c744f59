"""Users and territories as the gateway's identity snapshots describe them (pure values).

A service replicates only the parts of a user it declared (crmkit.identity.replica.identity_tables);
the parts it did not keep read as their defaults.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class User:
    """A user at the highest version the replica has seen."""

    id: str
    role: str = ""
    username: str = ""
    full_name: str = ""
    email: str = ""
    territories: tuple[str, ...] = ()
    manager_id: str = ""  # the manager chain: empty when the user reports to nobody
    active: bool = True
    version: int = 1

    @property
    def display_name(self) -> str:
        return self.full_name or self.username or self.id


@dataclass(frozen=True)
class Territory:
    """A territory and the states and provinces it covers (postal codes)."""

    code: str
    name: str
    states: tuple[str, ...]
    sales_region: str
    version: int
