"""The gateway's own resources: login and tokens, the caller, users, API clients and their signing
keys (admin only), territories, and the audit trail (GEN-8, RPT-4, INT-4)."""
from __future__ import annotations

import uuid
from typing import Annotated

from crmkit.errors import Forbidden
from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from crm_gateway.api.common import (
    ISO_MOMENT,
    FilterValue,
    IfMatch,
    Page,
    PageLimit,
    etag_header,
    if_match_version,
    moment,
    page_of,
    tagged,
)
from crm_gateway.api.idempotent import CreateOnce
from crm_gateway.api.identity import mappers, session
from crm_gateway.api.identity.schemas import (
    ApiClientCreate,
    ApiClientCreated,
    ApiClientRead,
    AuditEventRead,
    MeUpdate,
    MeWithPermissions,
    PasswordLogin,
    RefreshRequest,
    SigningKeyCreated,
    SigningKeyRead,
    TerritoryRead,
    TokenRead,
    UserCreate,
    UserRead,
    UserUpdate,
)
from crm_gateway.domain.model import Caller
from crm_gateway.domain.permissions import allowed
from crm_gateway.security import CallerDep, GatewayDep, client_address, require_roles
from crm_gateway.service_layer import api_clients, audit, auth, preferences, signing, territories, users

Admin = Annotated[Caller, Depends(require_roles("admin"))]
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}

tokens = APIRouter(prefix="/api/v1/auth", tags=["auth"])
me_router = APIRouter(prefix="/api/v1", tags=["me"])
users_router = APIRouter(prefix="/api/v1/users", tags=["users"])
clients_router = APIRouter(prefix="/api/v1/api-clients", tags=["api clients"])
territories_router = APIRouter(prefix="/api/v1/territories", tags=["territories"])
audit_router = APIRouter(prefix="/api/v1/audit-events", tags=["audit"])


def _token_read(pair: auth.TokenPair, response: Response) -> TokenRead:
    response.headers.update(_NO_STORE)
    return TokenRead(access_token=pair.access_token, expires_in=pair.expires_in, refresh_token=pair.refresh_token)


@tokens.post("/token", response_model=TokenRead)
async def token(form: Annotated[PasswordLogin, Depends()], request: Request, response: Response,
                gw: GatewayDep) -> TokenRead:
    """OAuth2 password grant: an access token and a refresh token. Failures are throttled."""
    pair = await auth.login(gw=gw, username=form.username, password=form.password, address=client_address(request))
    return _token_read(pair, response)


@tokens.post("/refresh", response_model=TokenRead)
async def refresh(body: RefreshRequest, request: Request, response: Response, gw: GatewayDep) -> TokenRead:
    """Spend a refresh token for a new pair. Presenting a spent token revokes every token of its login."""
    return _token_read(await auth.refresh(gw=gw, refresh_token=body.refresh_token, address=client_address(request)),
                       response)


@tokens.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(body: RefreshRequest, request: Request, gw: GatewayDep) -> Response:
    """Revoke the refresh token and every token of the same login."""
    await auth.logout(gw=gw, refresh_token=body.refresh_token, address=client_address(request))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@me_router.get("/me", response_model=MeWithPermissions)
async def me(caller: CallerDep, gw: GatewayDep) -> MeWithPermissions:
    """Who the caller is, their preferences and what their role may do."""
    if caller.kind == "client":
        return MeWithPermissions(id=caller.id, kind="client", username=caller.username, full_name=caller.username,
                                 email=None, role=caller.role, territories=[], manager_id=None, active=True,
                                 allowed=allowed(caller.role))
    user = await users.get_user(gw=gw, user_id=caller.id)
    return MeWithPermissions(id=user.id, kind="user", username=user.username, full_name=user.full_name,
                             email=user.email, role=user.role, territories=list(user.territories),
                             manager_id=user.manager_id, active=user.active, allowed=allowed(user.role),
                             language=await preferences.language(gw=gw, user_id=user.id))


@me_router.patch("/me", response_model=MeWithPermissions)
async def update_me(body: MeUpdate, caller: CallerDep, gw: GatewayDep) -> MeWithPermissions:
    """Store the caller's preferences (the UI language follows them to every device). Users only."""
    if caller.kind == "client":
        raise Forbidden("an API client has no preferences")
    await preferences.set_language(gw=gw, user_id=caller.id, language=body.language)
    return await me(caller, gw)


@users_router.get("", response_model=Page[UserRead])
async def list_users(caller: Admin, gw: GatewayDep, limit: PageLimit = 50,
                     cursor: Annotated[str | None, Query(max_length=200)] = None) -> Page[UserRead]:
    """Users ordered by username, one cursor page at a time."""
    found = await users.list_users(gw=gw, after=mappers.after_username(cursor), limit=limit + 1)
    return page_of(found, limit, mappers.user_read, mappers.user_cursor)


@users_router.post("", response_model=UserRead, status_code=status.HTTP_201_CREATED)
async def create_user(body: UserCreate, caller: Admin, gw: GatewayDep, request: Request, once: CreateOnce):
    """Create a user. With an Idempotency-Key, a retry with the same body answers the first result."""

    async def create() -> tuple[dict, dict[str, str]]:
        user = await users.create_user(
            gw=gw, actor=caller, address=client_address(request), username=body.username, full_name=body.full_name,
            email=str(body.email), role=body.role, territories=body.territories,
            manager_id=str(body.manager_id) if body.manager_id else None, password=body.password,
        )
        return mappers.user_read(user).model_dump(mode="json"), {"Location": f"/api/v1/users/{user.id}",
                                                                  **etag_header(user.version)}

    # The password stays out of the stored fingerprint: a retry is told apart by the other fields.
    return await once.create(action="users.create", body=body, create=create, unfingerprinted=frozenset({"password"}))


@users_router.get("/{user_id}", response_model=UserRead)
async def get_user(user_id: uuid.UUID, caller: Admin, gw: GatewayDep, response: Response) -> UserRead:
    user = await users.get_user(gw=gw, user_id=str(user_id))
    return tagged(response, user.version, mappers.user_read(user))


@users_router.patch("/{user_id}", response_model=UserRead)
async def update_user(user_id: uuid.UUID, body: UserUpdate, caller: Admin, gw: GatewayDep, request: Request,
                      response: Response, if_match: IfMatch = None) -> UserRead:
    """Change name, email, role, manager or territories; honours If-Match."""
    user = await users.update_user(gw=gw, actor=caller, address=client_address(request), user_id=str(user_id),
                                   changes=body.changes(), expected_version=if_match_version(if_match) or None)
    return tagged(response, user.version, mappers.user_read(user))


async def _set_active(user_id: uuid.UUID, active: bool, caller: Caller, gw, request: Request,
                      response: Response) -> UserRead:
    user = await users.set_active(gw=gw, actor=caller, address=client_address(request), user_id=str(user_id),
                                  active=active)
    return tagged(response, user.version, mappers.user_read(user))


@users_router.post("/{user_id}/deactivate", response_model=UserRead)
async def deactivate_user(user_id: uuid.UUID, caller: Admin, gw: GatewayDep, request: Request,
                          response: Response) -> UserRead:
    """Deactivate: no more logins, and every refresh token of the user is revoked."""
    return await _set_active(user_id, False, caller, gw, request, response)


@users_router.post("/{user_id}/reactivate", response_model=UserRead)
async def reactivate_user(user_id: uuid.UUID, caller: Admin, gw: GatewayDep, request: Request,
                          response: Response) -> UserRead:
    return await _set_active(user_id, True, caller, gw, request, response)


@clients_router.post("", response_model=ApiClientCreated, status_code=status.HTTP_201_CREATED)
async def create_client(body: ApiClientCreate, caller: Admin, gw: GatewayDep, request: Request, once: CreateOnce):
    """Register a client. The answer carries its key: shown this once, only its hash is kept (a retry
    with the same Idempotency-Key answers it again)."""

    async def create() -> tuple[dict, dict[str, str]]:
        client, key = await api_clients.create_client(gw=gw, actor=caller, address=client_address(request),
                                                      name=body.name, role=body.role)
        created = ApiClientCreated(**mappers.api_client_read(client).model_dump(), key=key)
        return created.model_dump(mode="json"), {"Location": f"/api/v1/api-clients/{client.id}",
                                                 "Cache-Control": "no-store"}

    return await once.create(action="api-clients.create", body=body, create=create, secret=True)


@clients_router.get("", response_model=Page[ApiClientRead])
async def list_clients(caller: Admin, gw: GatewayDep) -> Page[ApiClientRead]:
    """Every API client, oldest first, on one page."""
    return Page.whole(mappers.api_client_read(c) for c in await api_clients.list_clients(gw=gw))


@clients_router.delete("/{client_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_client(client_id: uuid.UUID, caller: Admin, gw: GatewayDep, request: Request) -> Response:
    """Revoke the client's key at once."""
    await api_clients.revoke_client(gw=gw, actor=caller, address=client_address(request), client_id=str(client_id))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@clients_router.post("/{client_id}/signing-keys", response_model=SigningKeyCreated,
                     status_code=status.HTTP_201_CREATED)
async def issue_signing_key(client_id: uuid.UUID, caller: Admin, gw: GatewayDep, request: Request, once: CreateOnce):
    """INT-4: a new HMAC signing key for the client; the secret is shown this once (and to a retry with
    the same Idempotency-Key). A client may hold several, so the ERP switches to a new key before the
    old one is revoked."""

    async def create() -> tuple[dict, dict[str, str]]:
        record, secret = await signing.issue_key(gw=gw, actor=caller, address=client_address(request),
                                                 client_id=str(client_id))
        created = SigningKeyCreated(**mappers.signing_key_read(record).model_dump(), secret=secret)
        return created.model_dump(mode="json"), {"Cache-Control": "no-store"}

    return await once.create(action=f"api-clients.signing-keys:{client_id}", body=None, create=create, secret=True)


@clients_router.get("/{client_id}/signing-keys", response_model=Page[SigningKeyRead])
async def list_signing_keys(client_id: uuid.UUID, caller: Admin, gw: GatewayDep) -> Page[SigningKeyRead]:
    found = await signing.list_keys(gw=gw, client_id=str(client_id))
    return Page.whole(mappers.signing_key_read(k) for k in found)


@clients_router.delete("/{client_id}/signing-keys/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_signing_key(client_id: uuid.UUID, key_id: Annotated[str, Path(max_length=64)], caller: Admin,
                             gw: GatewayDep, request: Request) -> Response:
    """Requests signed with this key are refused from now on."""
    await signing.revoke_key(gw=gw, actor=caller, address=client_address(request), client_id=str(client_id),
                             key_id=key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@territories_router.get("", response_model=Page[TerritoryRead], summary="List territories",
                        description="Every sales territory ordered by code, with the states or provinces it covers "
                                    "and its sales region, so a client can map a state to its territory. Open to any "
                                    "authenticated user or API client.")
async def list_territories(caller: CallerDep, gw: GatewayDep) -> Page[TerritoryRead]:
    return Page.whole(mappers.territory_read(t) for t in await territories.list_territories(gw=gw))


@territories_router.get("/{code}", response_model=TerritoryRead, summary="Get a territory",
                        description="One territory by its code (e.g. `PAC`, case-sensitive); an unknown code answers "
                                    "404. Open to any authenticated user or API client.")
async def get_territory(code: Annotated[str, Path(min_length=1, max_length=8)], caller: CallerDep,
                        gw: GatewayDep) -> TerritoryRead:
    return mappers.territory_read(await territories.get_territory(gw=gw, code=code))


AUDIT_DESCRIPTION = f"""The gateway's audit trail (GEN-8), newest first, one cursor page at a time: logins, failed
and throttled logins, logouts, refresh-token reuse, permission refusals, and changes to users and API clients.
For recent user logins (RPT-4) ask for `action=login`.

Filters combine: `action` (repeatable, any of {", ".join(f"`{a}`" for a in audit.ACTIONS)}), `actor_id`,
`since` (inclusive) and `until` (exclusive), each an ISO 8601 date-time (UTC when it has no offset) or a date
(`until` as a bare date covers that whole day). Pass `next_cursor` back as `cursor` for the next page; it is
null on the last one. An unknown action, a malformed time or cursor answers 422 naming the parameter.

`detail` never holds a password, key or token. Admin only: other roles and API clients get 403."""


@audit_router.get("", response_model=Page[AuditEventRead], summary="List audit events (admin)",
                  description=AUDIT_DESCRIPTION)
async def list_audit_events(
    caller: Admin, gw: GatewayDep,
    action: Annotated[list[FilterValue] | None,
                      Query(max_length=20, description="Only these actions (repeatable)")] = None,
    actor_id: Annotated[str | None, Query(max_length=64, description="Only what this user or API client did")] = None,
    since: Annotated[str | None, Query(max_length=40, pattern=ISO_MOMENT,
                                       description="ISO date or date-time, inclusive")] = None,
    until: Annotated[str | None, Query(max_length=40, pattern=ISO_MOMENT,
                                       description="ISO date (whole day) or date-time, exclusive")] = None,
    limit: PageLimit = 50,
    cursor: Annotated[str | None, Query(max_length=200, description="`next_cursor` of the previous page")] = None,
) -> Page[AuditEventRead]:
    found = await audit.list_events(
        gw=gw, actions=action or [], actor_id=actor_id, since=moment(since, field="since"),
        until=moment(until, field="until", end_of_day=True), before=mappers.before_event(cursor), limit=limit + 1,
    )
    return page_of(found, limit, mappers.audit_event_read, mappers.audit_cursor)


router = APIRouter()
for _group in (tokens, session.router, me_router, users_router, clients_router, territories_router, audit_router):
    router.include_router(_group)
