"""Signed machine requests (INT-4): the ERP proves each web-service post with HMAC-SHA256.

The client sends three headers:

    X-CRM-Key-Id:     the signing key's id (an API client may hold several: rotation)
    X-CRM-Timestamp:  Unix seconds when it signed
    X-CRM-Signature:  "sha256=" + hex HMAC-SHA256(secret, string_to_sign)

    string_to_sign = timestamp + "\\n" + METHOD + "\\n" + path?query + "\\n" + body bytes

The issue asks for timestamp and body; the method and path are signed as well so that a captured
request cannot be replayed against another endpoint. A timestamp more than five minutes away
from the gateway's clock is refused, which bounds replays to the idempotency window.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

KEY_ID_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER = "X-CRM-Key-Id", "X-CRM-Timestamp", "X-CRM-Signature"
WINDOW_SECONDS = 300
_PREFIX = "sha256="


class SignatureRefused(Exception):
    """Why a signed request is not accepted (told to the caller: none of it is secret)."""


def new_key() -> tuple[str, str]:
    """A fresh (key id, secret)."""
    return f"sk_{secrets.token_hex(8)}", secrets.token_urlsafe(32)


def string_to_sign(timestamp: str, method: str, target: str, body: bytes) -> bytes:
    return b"\n".join((timestamp.encode(), method.upper().encode(), target.encode(), body))


def sign(secret: str, timestamp: str, method: str, target: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), string_to_sign(timestamp, method, target, body), hashlib.sha256)
    return _PREFIX + digest.hexdigest()


def check_timestamp(timestamp: str, now: float) -> None:
    try:
        signed_at = int(timestamp)
    except ValueError:
        raise SignatureRefused(f"{TIMESTAMP_HEADER} must be Unix seconds") from None
    if abs(now - signed_at) > WINDOW_SECONDS:
        raise SignatureRefused(f"{TIMESTAMP_HEADER} is more than {WINDOW_SECONDS // 60} minutes from the server's "
                               "clock; sign the request again")


def verify(secret: str, signature: str, timestamp: str, method: str, target: str, body: bytes) -> None:
    expected = sign(secret, timestamp, method, target, body)
    if not hmac.compare_digest(expected.encode(), signature.strip().lower().encode()):
        raise SignatureRefused(f"{SIGNATURE_HEADER} does not match the request")
