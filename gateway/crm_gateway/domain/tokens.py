"""Refresh token families and API key format.

A login starts a family; each refresh spends one token and issues its successor in the same
family. A spent token presented again means it leaked (or was replayed): the whole family is revoked.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

API_KEY_PREFIX = "crm_"
_KEY_BYTES = 32


def new_secret() -> str:
    """A refresh token: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(_KEY_BYTES)


def new_api_key() -> str:
    """`crm_` + 32 random bytes, so a leaked key is recognisable by secret scanners."""
    return API_KEY_PREFIX + secrets.token_urlsafe(_KEY_BYTES)


def looks_like_api_key(value: str) -> bool:
    return value.startswith(API_KEY_PREFIX) and 40 <= len(value) <= 100


def digest(value: str) -> str:
    """What is stored instead of a token or key: its SHA-256 (high-entropy input, so no salt is needed)."""
    return hashlib.sha256(value.encode()).hexdigest()


class RefreshVerdict(Enum):
    ROTATE = "rotate"
    REUSED = "reused"  # spent before: revoke the family
    REFUSED = "refused"  # revoked or expired


@dataclass(frozen=True)
class StoredRefresh:
    expires_at: datetime
    used_at: datetime | None
    revoked_at: datetime | None


def judge_refresh(token: StoredRefresh, now: datetime) -> RefreshVerdict:
    if token.revoked_at is not None:
        return RefreshVerdict.REFUSED
    if token.used_at is not None:
        return RefreshVerdict.REUSED
    if token.expires_at <= now:
        return RefreshVerdict.REFUSED
    return RefreshVerdict.ROTATE
