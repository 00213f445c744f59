"""POST/DELETE /api/v1/auth/session, POST /api/v1/auth/session/refresh: the web client's login (issue 9).

The refresh token lives only in an HttpOnly, SameSite=Strict cookie scoped to this path (Secure over TLS),
so page scripts never read it; the access token goes to the page, which keeps it in memory. Every call
must carry `X-CRM-Session: 1` and, when the browser sends one, a same-origin `Origin`: a cross-site form
can set neither, and a cross-site script cannot without a CORS preflight the gateway never grants.
Bearer clients keep /api/v1/auth/token|refresh|logout unchanged.
"""
from __future__ import annotations

from typing import Annotated, Literal

from crmkit.errors import Forbidden, Unauthenticated
from fastapi import APIRouter, Cookie, Depends, Header, Request, Response, status
from pydantic import BaseModel

from crm_gateway.api.identity.schemas import PasswordLogin
from crm_gateway.security import GatewayDep, client_address
from crm_gateway.service_layer import auth
from crm_gateway.service_layer.auth import TokenPair
from crm_gateway.service_layer.context import Gateway

PATH = "/api/v1/auth/session"
COOKIE = "crm_refresh"
HEADER = "X-CRM-Session"
router = APIRouter(prefix=PATH, tags=["auth"])
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class SessionRead(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int


def same_origin(request: Request, marker: Annotated[str | None, Header(alias=HEADER, max_length=16)] = None) -> None:
    """Refuse a request a cross-site page could have sent."""
    if marker != "1":
        raise Forbidden(f"browser sessions need the {HEADER}: 1 header")
    origin = request.headers.get("origin")
    if origin is not None and origin != f"{request.url.scheme}://{request.headers.get('host', '')}":
        raise Forbidden("cross-site request refused")


SameOrigin = Depends(same_origin)
RefreshCookie = Annotated[str | None, Cookie(alias=COOKIE, max_length=200)]


def _answer(gw: Gateway, request: Request, response: Response, pair: TokenPair) -> SessionRead:
    response.set_cookie(COOKIE, pair.refresh_token, max_age=gw.settings.refresh_token_ttl_seconds, path=PATH,
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")
    response.headers.update(_NO_STORE)
    return SessionRead(access_token=pair.access_token, expires_in=pair.expires_in)


@router.post("", response_model=SessionRead, dependencies=[SameOrigin])
async def start(form: Annotated[PasswordLogin, Depends()], request: Request, response: Response,
                gw: GatewayDep) -> SessionRead:
    """Password login for the web client: the access token in the body, the refresh token in the cookie."""
    pair = await auth.login(gw=gw, username=form.username, password=form.password, address=client_address(request))
    return _answer(gw, request, response, pair)


@router.post("/refresh", response_model=SessionRead, dependencies=[SameOrigin])
async def refresh(request: Request, response: Response, gw: GatewayDep, token: RefreshCookie = None) -> SessionRead:
    """A new access token from the cookie, which is rotated (a reused cookie revokes the whole login)."""
    if not token:
        raise Unauthenticated("no browser session")
    pair = await auth.refresh(gw=gw, refresh_token=token, address=client_address(request))
    return _answer(gw, request, response, pair)


@router.delete("", status_code=status.HTTP_204_NO_CONTENT, dependencies=[SameOrigin])
async def end(request: Request, gw: GatewayDep, token: RefreshCookie = None) -> Response:
    """Log out: revoke the cookie's login and clear the cookie."""
    if token:
        await auth.logout(gw=gw, refresh_token=token, address=client_address(request))
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.delete_cookie(COOKIE, path=PATH, httponly=True, samesite="strict",
                           secure=request.url.scheme == "https")
    return response
