"""The principal: who is calling, as the gateway vouches for it.

The gateway authenticates the caller and signs a short-lived EdDSA token describing them; every
internal gRPC call carries it in metadata. Services hold only the public key, so a compromised
service cannot mint principals, and a direct call with a forged or missing one is refused.
"""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

METADATA_KEY = "x-crm-principal"
_AUDIENCE = "crm-services"
_ISSUER = "crm-gateway"
_MAX_TTL_SECONDS = 300


class InvalidPrincipal(Exception):
    """The principal token is missing, forged, expired or malformed."""


@dataclass(frozen=True)
class Principal:
    """The caller of one request. `subordinates` are the ids of every user below them."""

    user_id: str
    role: str
    username: str = ""
    territories: tuple[str, ...] = ()
    subordinates: tuple[str, ...] = ()
    expires_at: int = 0
    kind: str = "user"  # user | client | anonymous | service
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def has_role(self, *roles: str) -> bool:
        return self.role in roles


ANONYMOUS_ROLE = "anonymous"


def generate_keypair() -> tuple[str, str]:
    """A fresh Ed25519 key pair as (private PEM, public PEM)."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()
    return private, public


class PrincipalSigner:
    """Used by the gateway only: turns an authenticated caller into a signed token."""

    def __init__(self, private_key_pem: str) -> None:
        self._key = serialization.load_pem_private_key(private_key_pem.encode(), password=None)

    def sign(self, principal: Principal) -> str:
        now = int(time.time())
        # The token lives no longer than the caller's own credential, and never past a few minutes.
        expires = min(principal.expires_at or now + _MAX_TTL_SECONDS, now + _MAX_TTL_SECONDS)
        claims = {
            "iss": _ISSUER,
            "aud": _AUDIENCE,
            "iat": now,
            "exp": expires,
            "sub": principal.user_id,
            "role": principal.role,
            "usr": principal.username,
            "ter": list(principal.territories),
            "sbo": list(principal.subordinates),
            "knd": principal.kind,
            "rid": principal.request_id,
        }
        return jwt.encode(claims, self._key, algorithm="EdDSA")


class PrincipalVerifier:
    """Used by every service: checks the gateway's signature and rebuilds the principal."""

    def __init__(self, public_key_pem: str) -> None:
        self._key = serialization.load_pem_public_key(public_key_pem.encode())

    def verify(self, token: str | None) -> Principal:
        if not token:
            raise InvalidPrincipal("no principal")
        try:
            claims = jwt.decode(
                token, self._key, algorithms=["EdDSA"], audience=_AUDIENCE, issuer=_ISSUER,
                options={"require": ["exp", "sub", "role"]},
            )
        except jwt.PyJWTError as exc:
            raise InvalidPrincipal(str(exc)) from exc
        return Principal(
            user_id=claims["sub"],
            role=claims["role"],
            username=claims.get("usr", ""),
            territories=tuple(claims.get("ter", ())),
            subordinates=tuple(claims.get("sbo", ())),
            expires_at=claims["exp"],
            kind=claims.get("knd", "user"),
            request_id=claims.get("rid", ""),
        )
