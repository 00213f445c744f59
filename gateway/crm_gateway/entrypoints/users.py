"""/api/v1/users: user administration (admin only)."""
from __future__ import annotations

import base64
import binascii
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response, status

from crm_gateway.domain.model import Caller
from crm_gateway.entrypoints.mappers import etag, if_match_version
from crm_gateway.entrypoints.schemas import UserCreate, UserPage, UserRead, UserUpdate
from crm_gateway.security import GatewayDep, client_address, require_roles
from crm_gateway.service_layer import users
from crmkit.errors import InvalidInput

router = APIRouter(prefix="/api/v1/users", tags=["users"])
Admin = Annotated[Caller, Depends(require_roles("admin"))]


def _encode_cursor(username: str) -> str:
    return base64.urlsafe_b64encode(username.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidInput("not a cursor from a previous page", field="cursor") from exc


def _with_etag(response: Response, user) -> UserRead:
    response.headers["ETag"] = etag(user.version)
    return UserRead.of(user)


@router.get("", response_model=UserPage)
async def list_users(caller: Admin, gw: GatewayDep, limit: Annotated[int, Query(ge=1, le=200)] = 50,
                     cursor: Annotated[str | None, Query(max_length=200)] = None) -> UserPage:
    """Users ordered by username, one cursor page at a time."""
    found = await users.list_users(gw=gw, after=_decode_cursor(cursor) if cursor else None, limit=limit + 1)
    page = found[:limit]
    more = len(found) > limit
    return UserPage(items=[UserRead.of(u) for u in page], next_cursor=_encode_cursor(page[-1].username) if more else None)


@router.post("", response_model=UserRead, status_code=status.HTTP_201_CREATED)
async def create_user(body: UserCreate, caller: Admin, gw: GatewayDep, request: Request,
                      response: Response) -> UserRead:
    user = await users.create_user(
        gw=gw, actor=caller, address=client_address(request), username=body.username, full_name=body.full_name,
        email=str(body.email), role=body.role, territories=body.territories,
        manager_id=str(body.manager_id) if body.manager_id else None, password=body.password,
    )
    response.headers["Location"] = f"/api/v1/users/{user.id}"
    return _with_etag(response, user)


@router.get("/{user_id}", response_model=UserRead)
async def get_user(user_id: uuid.UUID, caller: Admin, gw: GatewayDep, response: Response) -> UserRead:
    return _with_etag(response, await users.get_user(gw=gw, user_id=str(user_id)))


@router.patch("/{user_id}", response_model=UserRead)
async def update_user(user_id: uuid.UUID, body: UserUpdate, caller: Admin, gw: GatewayDep, request: Request,
                      response: Response, if_match: Annotated[str | None, Header()] = None) -> UserRead:
    """Change name, email, role, manager or territories; honours If-Match."""
    expected = if_match_version(if_match) or None
    user = await users.update_user(gw=gw, actor=caller, address=client_address(request), user_id=str(user_id),
                                   changes=body.changes(), expected_version=expected)
    return _with_etag(response, user)


@router.post("/{user_id}/deactivate", response_model=UserRead)
async def deactivate_user(user_id: uuid.UUID, caller: Admin, gw: GatewayDep, request: Request,
                          response: Response) -> UserRead:
    """Deactivate: no more logins, and every refresh token of the user is revoked."""
    user = await users.set_active(gw=gw, actor=caller, address=client_address(request), user_id=str(user_id),
                                  active=False)
    return _with_etag(response, user)


@router.post("/{user_id}/reactivate", response_model=UserRead)
async def reactivate_user(user_id: uuid.UUID, caller: Admin, gw: GatewayDep, request: Request,
                          response: Response) -> UserRead:
    user = await users.set_active(gw=gw, actor=caller, address=client_address(request), user_id=str(user_id),
                                  active=True)
    return _with_etag(response, user)
