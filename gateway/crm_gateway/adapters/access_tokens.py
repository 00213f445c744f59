"""Access tokens: short-lived HS256 JWTs. Only HS256 is accepted; `typ` must be "access"."""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import jwt
from crmkit.errors import Unauthenticated

_ALGORITHM = "HS256"
_TYPE = "access"


@dataclass(frozen=True)
class AccessClaims:
    user_id: str
    expires_at: int
    session_id: str = ""  # the login (refresh family) it belongs to; logout revokes by it


class AccessTokens:
    def __init__(self, *, secret: str, issuer: str, audience: str, ttl_seconds: int) -> None:
        self._secret = secret
        self._issuer = issuer
        self._audience = audience
        self.ttl_seconds = ttl_seconds

    def issue(self, *, user_id: str, role: str, session_id: str) -> str:
        now = int(time.time())
        claims = {"iss": self._issuer, "aud": self._audience, "sub": user_id, "typ": _TYPE, "role": role,
                  "sid": session_id, "iat": now, "nbf": now, "exp": now + self.ttl_seconds, "jti": uuid.uuid4().hex}
        return jwt.encode(claims, self._secret, algorithm=_ALGORITHM)

    def verify(self, token: str) -> AccessClaims:
        try:
            claims = jwt.decode(token, self._secret, algorithms=[_ALGORITHM], issuer=self._issuer,
                                audience=self._audience,
                                 options={"require": ["exp", "iat", "sub", "typ", "iss", "aud"]},
                                leeway=5)
        except jwt.PyJWTError as exc:
            raise Unauthenticated(f"invalid access token: {exc}") from exc
        if claims.get("typ") != _TYPE:
            raise Unauthenticated("invalid access token: not an access token")
        try:
            uuid.UUID(str(claims["sub"]))
        except ValueError as exc:  # signed with our key, yet naming nobody: refused, not looked up
            raise Unauthenticated("invalid access token: the subject is not a user id") from exc
        return AccessClaims(user_id=str(claims["sub"]), expires_at=int(claims["exp"]),
                            session_id=str(claims.get("sid", "")))
