"""The principal: who is calling, as the gateway vouches for it.

The gateway authenticates the caller and signs a short-lived EdDSA token describing them; every
internal gRPC call carries it in metadata. Services hold only the public key, so a compromised
service cannot mint principals, and a direct call with a forged or missing one is refused.

Work that outlives a request (an import job resumed after a crash, a nightly file drop) cannot
carry the gateway's five-minute token. The service doing it signs its own principals with its
own key, and the services it calls trust that key as a delegate issuer for a few roles only
(`TrustedIssuer`): the integration service may act as an admin's or the ERP's import, nothing else.

A principal names the service it is meant for (`aud`: "crm-<service>") and lives two minutes at
most, so one captured on one service's port is refused by another. A service that forwards the
principal it received (leads asks accounts during a conversion) gets one naming both (FORWARDS).
"""
from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

METADATA_KEY = "x-crm-principal"
GATEWAY_ISSUER = "crm-gateway"
_MAX_TTL_SECONDS = 120
# Services that pass the caller's principal on to others, as received.
FORWARDS: dict[str, tuple[str, ...]] = {"leads": ("accounts",)}


def audience(service: str) -> str:
    """What a principal meant for `service` names in `aud`."""
    return f"crm-{service}"


def audiences(service: str) -> list[str]:
    """`service` and those it forwards its callers' principals to."""
    return [audience(name) for name in (service, *FORWARDS.get(service, ()))]


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
    """Used by the gateway (and, as a delegate issuer, by a service acting for a user): turns a
    caller into a signed token."""

    def __init__(self, private_key_pem: str, *, issuer: str = GATEWAY_ISSUER) -> None:
        key = serialization.load_pem_private_key(private_key_pem.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("the principal signing key must be an Ed25519 private key")
        self._key = key
        self._issuer = issuer

    def sign(self, principal: Principal, *, service: str) -> str:
        """`principal` as a token for `service` (and the services it forwards it to)."""
        now = int(time.time())
        # The token lives no longer than the caller's own credential, and never past a few minutes.
        expires = min(principal.expires_at or now + _MAX_TTL_SECONDS, now + _MAX_TTL_SECONDS)
        claims = {
            "iss": self._issuer,
            "aud": audiences(service),
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


@dataclass(frozen=True)
class TrustedIssuer:
    """A signer besides the gateway whose principals a service accepts, for `roles` only."""

    name: str
    public_key_pem: str
    roles: frozenset[str]


def _public_key(pem: str) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem.encode())
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("a principal verification key must be an Ed25519 public key")
    return key


class PrincipalVerifier:
    """Used by every service: checks the gateway's (or a trusted delegate's) signature and that the
    principal is meant for `service`, and rebuilds the principal."""

    def __init__(self, public_key_pem: str, delegates: Sequence[TrustedIssuer] = (), *, service: str) -> None:
        self._audience = audience(service)
        self._issuers: dict[str, tuple[Ed25519PublicKey, frozenset[str] | None]] = {
            GATEWAY_ISSUER: (_public_key(public_key_pem), None)}
        for delegate in delegates:
            self._issuers[delegate.name] = (_public_key(delegate.public_key_pem), delegate.roles)

    def verify(self, token: str | None) -> Principal:
        if not token:
            raise InvalidPrincipal("no principal")
        try:
            issuer = str(jwt.decode(token, options={"verify_signature": False}).get("iss"))  # picks the key only
            key, roles = self._issuers[issuer]
            claims = jwt.decode(
                token, key, algorithms=["EdDSA"], audience=self._audience, issuer=issuer,
                options={"require": ["exp", "sub", "role", "aud"]},
            )
        except (jwt.PyJWTError, KeyError, TypeError) as exc:
            raise InvalidPrincipal(f"not a principal this service trusts: {exc}") from exc
        if roles is not None and claims["role"] not in roles:
            raise InvalidPrincipal(f"{issuer} may not vouch for the role {claims['role']!r}")
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
