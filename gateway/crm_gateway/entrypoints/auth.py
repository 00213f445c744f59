"""POST /api/v1/auth/token|refresh|logout: password login and refresh-token rotation."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from crm_gateway.entrypoints.schemas import RefreshRequest, TokenRead
from crm_gateway.security import GatewayDep, client_address
from crm_gateway.service_layer import auth

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


@router.post("/token", response_model=TokenRead)
async def token(form: Annotated[OAuth2PasswordRequestForm, Depends()], request: Request, response: Response,
                gw: GatewayDep) -> TokenRead:
    """OAuth2 password grant: an access token and a refresh token. Failures are throttled."""
    pair = await auth.login(gw=gw, username=form.username, password=form.password, address=client_address(request))
    response.headers.update(_NO_STORE)
    return TokenRead(access_token=pair.access_token, expires_in=pair.expires_in, refresh_token=pair.refresh_token)


@router.post("/refresh", response_model=TokenRead)
async def refresh(body: RefreshRequest, request: Request, response: Response, gw: GatewayDep) -> TokenRead:
    """Spend a refresh token for a new pair. Presenting a spent token revokes every token of its login."""
    pair = await auth.refresh(gw=gw, refresh_token=body.refresh_token, address=client_address(request))
    response.headers.update(_NO_STORE)
    return TokenRead(access_token=pair.access_token, expires_in=pair.expires_in, refresh_token=pair.refresh_token)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(body: RefreshRequest, request: Request, gw: GatewayDep) -> Response:
    """Revoke the refresh token and every token of the same login."""
    await auth.logout(gw=gw, refresh_token=body.refresh_token, address=client_address(request))
    return Response(status_code=status.HTTP_204_NO_CONTENT)
