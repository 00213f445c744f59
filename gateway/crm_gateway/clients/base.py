"""What every service client shares: each call carries a deadline and the signed principal of whoever
the client acts as. Clients are built once (crm_gateway.bootstrap) and bound per request
(`acting_as`, done by crm_gateway.security's `Calls`), so no route handles a token."""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Protocol, Self

from crmkit.grpc.client import call


class PrincipalSource(Protocol):
    """Where a call's signed principal comes from (crm_gateway.service_layer.auth.CallerPrincipal)."""

    async def token(self, service: str) -> str:
        """The signed principal meant for `service`."""


@dataclass(frozen=True)
class FixedPrincipal:
    """One principal signed elsewhere: to act with another token than the request's."""

    signed: str

    async def token(self, service: str) -> str:
        return self.signed


class ServiceClient:
    service = ""  # the service a subclass calls: its principals are meant for it alone

    def __init__(self, stub, *, timeout: float) -> None:
        self._stub = stub
        self._timeout = timeout
        self._principal: PrincipalSource | None = None

    def acting_as(self, principal: PrincipalSource | str) -> Self:
        """This client, its calls carrying `principal` (a source, or a token signed elsewhere)."""
        bound = copy.copy(self)
        bound._principal = FixedPrincipal(principal) if isinstance(principal, str) else principal
        return bound

    async def _token(self) -> str:
        if self._principal is None:  # fails closed: a call never goes out without a principal
            raise RuntimeError(f"{type(self).__name__} is not bound to a principal: use acting_as()")
        return await self._principal.token(self.service)

    async def _call(self, method, request, *, timeout: float | None = None):
        return await call(method, request, principal_token=await self._token(), timeout=timeout or self._timeout)
