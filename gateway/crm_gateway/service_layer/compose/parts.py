"""Fetch the parts of a composed read side by side, with per-part degradation."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from crmkit.errors import CrmError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Part:
    """One service's share of a composed read. A required part's error is the read's error; an
    optional one's is logged and leaves the part out (a service down, or a role that may not read it)."""

    name: str
    fetch: Callable[[], Awaitable[Any]]
    required: bool = False


@dataclass(frozen=True)
class Composed:
    found: dict[str, Any]  # part name -> what it fetched, for every part that answered
    missing: tuple[str, ...]  # the optional parts that failed, in the order asked


async def gather(*parts: Part) -> Composed:
    """Every part at once. The first required part that failed raises its error."""
    answers = await asyncio.gather(*(part.fetch() for part in parts), return_exceptions=True)
    found: dict[str, Any] = {}
    missing: list[str] = []
    for part, answer in zip(parts, answers, strict=False):
        if not isinstance(answer, BaseException):
            found[part.name] = answer
        elif part.required or not isinstance(answer, CrmError):
            raise answer
        else:
            log.warning("composed read: part %s left out: %s", part.name, answer.detail)
            missing.append(part.name)
    return Composed(found, tuple(missing))
