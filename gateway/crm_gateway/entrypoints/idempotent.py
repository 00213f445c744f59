"""The one way a creating POST honours Idempotency-Key (DESIGN.md section 6): every such route
builds its answer through `create_once`, so a retry replays the first answer instead of creating again."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Header
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from crm_gateway.domain.model import Caller
from crm_gateway.service_layer import idempotency
from crm_gateway.service_layer.context import Gateway

IdempotencyKey = Annotated[str | None, Header(alias=idempotency.HEADER,
                                              description="retrying with the same key and body replays the answer")]
REPLAYED = "Idempotent-Replayed"


async def create_once(gw: Gateway, *, action: str, caller: Caller, key: str | None, body: BaseModel,
                      create: Callable[[], Awaitable[tuple[dict, dict[str, str]]]],
                      status_code: int = 201, status_of: Callable[[dict], int] | None = None) -> JSONResponse:
    """Answer `create()`'s (body, headers) with `status_code` (or what `status_of` says of the
    body), once per caller, action and key."""

    async def work() -> idempotency.StoredResponse:
        content, headers = await create()
        return idempotency.StoredResponse(status_of(content) if status_of else status_code, content, headers)

    stored, replayed = await idempotency.run_once(
        store=gw.store, scope=f"{action}:{caller.id}", key=key, body=body.model_dump(mode="json", exclude_unset=True),
        ttl_seconds=gw.settings.idempotency_ttl_seconds, work=work)
    headers = {**stored.headers, **({REPLAYED: "true"} if replayed else {})}
    return JSONResponse(stored.body, status_code=stored.status, headers=headers)
