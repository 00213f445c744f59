"""FastAPI dependencies: who is calling (Bearer JWT, X-API-Key, or an HMAC-signed machine request),
role checks, and the services acting for them (`Calls`: every call carries the caller's principal)."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from crmkit.errors import Forbidden, Unauthenticated
from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from crm_gateway.domain import addresses, signatures
from crm_gateway.domain.model import Caller
from crm_gateway.service_layer import audit, auth, signing
from crm_gateway.service_layer.auth import CallerPrincipal
from crm_gateway.service_layer.context import Gateway, ServiceCalls

_bearer = HTTPBearer(auto_error=False, description="Access token from POST /api/v1/auth/token")
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="Key of an API client (machines)")


def gateway(request: Request) -> Gateway:
    return request.app.state.runtime.gateway


GatewayDep = Annotated[Gateway, Depends(gateway)]


def client_address(request: Request) -> str:
    """SEC: the caller's address as the limits count it (X-Forwarded-For only from trusted proxies)."""
    peer = request.client.host if request.client else "unknown"
    return addresses.client_address(peer, request.headers.getlist("x-forwarded-for"),
                                    addresses.networks(gateway(request).settings.trusted_proxies))


def request_id(request: Request) -> str:
    return getattr(request.state, "request_id", "")


async def current_caller(
    request: Request,
    gw: GatewayDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    key: Annotated[str | None, Depends(_api_key)],
) -> Caller:
    """SEC: the authenticated caller; anything else is a 401 problem with WWW-Authenticate."""
    if credentials is not None:
        caller = await auth.caller_from_access_token(gw=gw, token=credentials.credentials)
    elif key:
        caller = await auth.caller_from_api_key(gw=gw, key=key)
    else:
        raise Unauthenticated("authentication required: a Bearer access token or an X-API-Key header")
    request.state.caller = caller
    return caller


CallerDep = Annotated[Caller, Depends(current_caller)]


def require_roles(*roles: str) -> Callable[..., Awaitable[Caller]]:
    """A dependency admitting only the given roles; a refusal is audited and answered 403."""

    async def dependency(request: Request, gw: GatewayDep, caller: CallerDep) -> Caller:
        if caller.role not in roles:
            await audit.record_alone(gw, action=audit.PERMISSION_DENIED, address=client_address(request),
                                     actor=caller, detail={"method": request.method, "path": request.url.path,
                                                           "role": caller.role, "required": list(roles)})
            raise Forbidden(f"the role {caller.role!r} may not do this")
        return caller

    return dependency


def _authenticated(request: Request) -> Callable[[], Caller]:
    def caller() -> Caller:
        found = getattr(request.state, "caller", None)
        if found is None:  # a route whose dependencies authenticate nobody: its calls fail closed
            raise Unauthenticated("authentication required")
        return found

    return caller


async def service_calls(request: Request, gw: GatewayDep) -> ServiceCalls:
    """The services acting for the caller the route's role or signature dependency authenticated."""
    return gw.acting_as(CallerPrincipal(gw, _authenticated(request), request_id(request)))


async def visitor_calls(request: Request, gw: GatewayDep) -> ServiceCalls:
    """The services acting for the anonymous web visitor (public form posts)."""
    return gw.acting_as(CallerPrincipal(gw, lambda: None, request_id(request)))


Calls = Annotated[ServiceCalls, Depends(service_calls)]
VisitorCalls = Annotated[ServiceCalls, Depends(visitor_calls)]


async def signed_client(request: Request, gw: GatewayDep) -> Caller:
    """INT-4: a machine request proven by an HMAC signature (crm_gateway.domain.signatures); the
    caller is the API client whose key signed it."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    caller = await signing.signed_caller(
        gw=gw, address=client_address(request), key_id=request.headers.get(signatures.KEY_ID_HEADER),
        timestamp=request.headers.get(signatures.TIMESTAMP_HEADER),
        signature=request.headers.get(signatures.SIGNATURE_HEADER), method=request.method, target=target,
        body=await request.body())
    request.state.caller = caller
    return caller
