"""Caller-chosen ids: creation an orchestrator can retry (lead conversion, LEAD-5 and LEAD-6).

A caller may name the UUID of the account or contact it creates, so that it can send the same
request again after losing the answer. The record keeps a digest of the cleaned data it was
created from; creating that id again answers the existing record when the digests match (a
retry, whatever changed in the record since) and is refused as a conflict otherwise.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, is_dataclass

from crm_accounts.domain.errors import IdTaken


def creation_digest(values: dict[str, object]) -> str:
    """A stable digest of the cleaned values a record is created from."""
    canonical = json.dumps(_plain(values), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def ensure_retry(kind: str, record_id: str, *, stored: str | None, digest: str) -> None:
    """The record `record_id` exists: answer it only when it was created from the same data."""
    if stored != digest:
        raise IdTaken(kind, record_id)


def _plain(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    return value
