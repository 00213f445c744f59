"""Secrets the gateway must read back (HMAC signing secrets), encrypted at rest with Fernet
(AES-128-CBC + HMAC-SHA256). The key derives from the gateway's JWT secret through HKDF, so no
further setting is needed; rotating the JWT secret therefore means issuing new signing keys."""
from __future__ import annotations

import base64

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


class SecretBox:
    def __init__(self, master_secret: str) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"crm-gateway signing secrets").derive(master_secret.encode())
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def open(self, sealed: str) -> str:
        return self._fernet.decrypt(sealed.encode()).decode()
