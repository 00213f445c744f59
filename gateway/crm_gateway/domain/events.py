"""What happened to a user or a territory; each goes out as a crm.identity.* event carrying the
snapshot it is about (service_layer.identity_events)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UserCreated:
    pass


@dataclass(frozen=True)
class UserUpdated:
    pass


@dataclass(frozen=True)
class UserDeactivated:
    pass


@dataclass(frozen=True)
class UserReactivated:
    pass


@dataclass(frozen=True)
class TerritoryChanged:
    version: int  # the territory's version after the change
