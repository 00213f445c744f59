"""Login, refresh rotation with reuse detection, logout, and turning credentials into a caller."""
from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from crmkit.errors import Unauthenticated
from crmkit.principal import Principal

from crm_gateway.domain import throttle, tokens
from crm_gateway.domain.errors import TooManyRequests
from crm_gateway.domain.model import ANONYMOUS, Caller, normalise_username
from crm_gateway.service_layer import audit
from crm_gateway.service_layer.context import Gateway, GatewayUnitOfWork

INVALID_LOGIN = "invalid username or password"
INVALID_REFRESH = "invalid or expired refresh token"
# A principal lives two minutes at most; one older than this is signed again before a call, so a
# long upload or a streamed download never sends an expired one.
RESIGN_AFTER_SECONDS = 30.0


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int


def _throttle_keys(username: str, address: str) -> tuple[str, str, str]:
    return f"login:account:{username}", f"login:account-gate:{username}", f"login:address:{address}"


async def _admit(gw: Gateway, name: str, address: str) -> tuple[str, str]:
    """Count the attempt before the password is checked (atomic increments: parallel attempts cannot
    share one slot) and refuse it while its address is locked out or its account's delay runs; answers
    the keys to settle once the outcome is known."""
    settings = gw.settings
    account_key, gate_key, address_key = _throttle_keys(name, address)
    window = settings.login_failure_window_seconds
    retry_after = 0
    by_address = await gw.store.hit(address_key, window)
    if by_address.count > settings.login_max_failures_per_address:
        retry_after = max(1, by_address.resets_in)
    else:
        attempt = (await gw.store.hit(account_key, window)).count
        delay = throttle.account_delay(attempt, settings.login_max_failures_per_account,
                                       settings.login_delay_cap_seconds)
        if delay and not await gw.store.claim(gate_key, "1", delay):
            retry_after = delay
    if retry_after:
        await gw.store.unhit(address_key)  # a refused attempt tried no password
        await audit.record_alone(gw, action=audit.LOGIN_THROTTLED, address=address, actor_name=name)
        raise TooManyRequests("too many failed logins; try again later", retry_after=retry_after)
    return account_key, address_key


async def login(*, gw: Gateway, username: str, password: str, address: str) -> TokenPair:
    """SEC: password login, throttled per account (a growing delay) and per address (a lockout); every
    outcome audited."""
    name = normalise_username(username)[:64]
    account_key, address_key = await _admit(gw, name, address)

    async with gw.uow() as uow:
        found = await uow.repo.credentials(name)
    user, stored_hash = found if found else (None, None)
    matches, new_hash = await gw.passwords.verify(stored_hash, password)
    if user is None or not matches or not user.active:  # counted already, as every attempt is
        reason = "unknown user" if user is None else ("wrong password" if not matches else "inactive user")
        await audit.record_alone(gw, action=audit.LOGIN_FAILED, address=address, actor_name=name,
                                 actor_id=user.id if user else None, detail={"reason": reason})
        raise Unauthenticated(INVALID_LOGIN)

    await gw.store.reset(account_key)
    await gw.store.unhit(address_key)  # only failures count against an address
    async with gw.uow() as uow:
        await uow.repo.record_login(user.id, new_password_hash=new_hash)
        session_id = str(uuid.uuid4())
        refresh_token = await _issue_refresh(uow, gw, user_id=user.id, family_id=session_id)
        await audit.record(uow, action=audit.LOGIN, address=address, actor_id=user.id, actor_name=user.username,
                           detail={"rehashed": new_hash is not None})
        await uow.commit()
    return TokenPair(gw.access.issue(user_id=user.id, role=user.role, session_id=session_id), refresh_token,
                     gw.access.ttl_seconds)


async def refresh(*, gw: Gateway, refresh_token: str, address: str) -> TokenPair:
    """Spend a refresh token for a new pair; a token spent before revokes its whole family."""
    async with gw.uow() as uow:
        record = await uow.repo.refresh_for_update(tokens.digest(refresh_token))
        if record is None:
            raise Unauthenticated(INVALID_REFRESH)
        verdict = tokens.judge_refresh(record.stored, datetime.now(UTC))
        user = await uow.repo.get_user(record.user_id)
        if verdict is tokens.RefreshVerdict.REUSED:
            await uow.repo.revoke_family(record.family_id)
            await audit.record(uow, action=audit.REFRESH_REUSED, address=address, actor_id=record.user_id,
                               actor_name=user.username if user else "", detail={"family_id": record.family_id})
            await uow.commit()
            await _end_session(gw, record.family_id)
            raise Unauthenticated("refresh token already used; every session of that login is now revoked")
        if verdict is tokens.RefreshVerdict.REFUSED or user is None or not user.active:
            raise Unauthenticated(INVALID_REFRESH)
        await uow.repo.mark_refresh_used(record.id)
        new_token = await _issue_refresh(uow, gw, user_id=user.id, family_id=record.family_id)
        await uow.commit()
    return TokenPair(gw.access.issue(user_id=user.id, role=user.role, session_id=record.family_id), new_token,
                     gw.access.ttl_seconds)


async def logout(*, gw: Gateway, refresh_token: str, address: str) -> None:
    """Revoke the token's family (every token of that login). Unknown tokens change nothing."""
    async with gw.uow() as uow:
        record = await uow.repo.refresh_for_update(tokens.digest(refresh_token))
        if record is None:
            return
        user = await uow.repo.get_user(record.user_id)
        await uow.repo.revoke_family(record.family_id)
        await audit.record(uow, action=audit.LOGOUT, address=address, actor_id=record.user_id,
                           actor_name=user.username if user else "", detail={"family_id": record.family_id})
        await uow.commit()
    await _end_session(gw, record.family_id)


def _revoked_key(session_id: str) -> str:
    return f"revoked-session:{session_id}"


async def _end_session(gw: Gateway, session_id: str) -> None:
    """The login's access tokens stop working at their next request (they name it in `sid`); the mark
    outlives the longest of them."""
    await gw.store.put(_revoked_key(session_id), "1", gw.access.ttl_seconds + 60)


async def _issue_refresh(uow: GatewayUnitOfWork, gw: Gateway, *, user_id: str, family_id: str) -> str:
    secret = tokens.new_secret()
    await uow.repo.insert_refresh(
        token_id=str(uuid.uuid4()), family_id=family_id, user_id=user_id, token_hash=tokens.digest(secret),
        expires_at=datetime.now(UTC) + timedelta(seconds=gw.settings.refresh_token_ttl_seconds),
    )
    return secret


async def caller_from_access_token(*, gw: Gateway, token: str) -> Caller:
    """Verify the JWT, then load the user: a deactivated user's tokens stop working at once."""
    claims = gw.access.verify(token)
    if claims.session_id and await gw.store.get(_revoked_key(claims.session_id)) is not None:
        raise Unauthenticated("invalid access token: its session was ended (logout or a reused refresh token)")
    user, below = await gw.directory.user(claims.user_id)  # a snapshot at most a second old (issue 14)
    if user is None or not user.active:
        raise Unauthenticated("invalid access token: user inactive or unknown")
    return Caller(id=user.id, kind="user", role=user.role, username=user.username, territories=user.territories,
                  expires_at=claims.expires_at, subordinates=below)


async def caller_from_api_key(*, gw: Gateway, key: str) -> Caller:
    if not tokens.looks_like_api_key(key):
        raise Unauthenticated("invalid API key")
    async with gw.uow() as uow:
        client = await uow.repo.active_client_by_hash(tokens.digest(key))
    if client is None:
        raise Unauthenticated("invalid API key")
    return Caller(id=client.id, kind="client", role=client.role, username=client.name)


async def principal_token(*, gw: Gateway, caller: Caller | None, request_id: str, service: str) -> str:
    """The signed principal sent to `service`: `None` is the anonymous web visitor."""
    if caller is None:
        principal = Principal(user_id=ANONYMOUS, role=ANONYMOUS, username=ANONYMOUS, kind="anonymous",
                              request_id=request_id)
        return gw.signer.sign(principal, service=service)
    below = caller.subordinates or ()
    if caller.kind == "user" and caller.subordinates is None:
        below = (await gw.directory.user(caller.id))[1]
    principal = Principal(user_id=caller.id, role=caller.role, username=caller.username,
                          territories=caller.territories, subordinates=below, expires_at=caller.expires_at,
                          kind=caller.kind, request_id=request_id)
    return gw.signer.sign(principal, service=service)


class CallerPrincipal:
    """The signed principals of one caller (None: the anonymous web visitor), for calls to services: one
    per service, signed on its first call of the request and again only once it has aged. `caller` is
    asked then, so a principal is never signed before the caller was authenticated or the body arrived."""

    def __init__(self, gw: Gateway, caller: Callable[[], Caller | None], request_id: str) -> None:
        self._gw = gw
        self._caller = caller
        self._request_id = request_id
        self._signed: dict[str, tuple[str, float]] = {}

    async def token(self, service: str) -> str:
        now = time.monotonic()
        signed = self._signed.get(service)
        if signed is None or now - signed[1] > RESIGN_AFTER_SECONDS:
            signed = (await principal_token(gw=self._gw, caller=self._caller(), request_id=self._request_id,
                                            service=service), now)
            self._signed[service] = signed
        return signed[0]
