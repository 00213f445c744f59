"""The one way a creating POST honours Idempotency-Key (DESIGN.md section 6): the route takes a
`CreateOnce` (or `CreateOnceKeyed`, where the key is required) and builds its answer through it, so a
retry replays the first answer instead of creating again. gateway/tests/test_gw_routes.py holds every route
answering 201 to it."""
from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Annotated

from crmkit.errors import Unauthenticated
from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from crm_gateway.security import GatewayDep
from crm_gateway.service_layer import idempotency
from crm_gateway.service_layer.context import Gateway

REPLAYED = "Idempotent-Replayed"
_SEALED = "sealed"
KEY_MAX = 255  # as long as a client's key may be (a UUID is 36)
Create = Callable[[], Awaitable[tuple[dict, dict[str, str]]]]  # the answer's body and headers


class Idempotent:
    """A creating request's Idempotency-Key, applied once per caller, action and key."""

    def __init__(self, gw: Gateway, request: Request, key: str | None) -> None:
        self._gw = gw
        self._request = request
        self._key = key

    async def create(self, *, action: str, body: BaseModel | None, create: Create, status_code: int = 201,
                     status_of: Callable[[dict], int] | None = None,
                     unfingerprinted: frozenset[str] = frozenset(), secret: bool = False) -> JSONResponse:
        """Answer `create()`'s (body, headers) with `status_code` (or what `status_of` says of the body);
        a retry with the key and the same `body` (None: the request has none) replays that answer.
        `unfingerprinted` fields (a password) are left out of the stored fingerprint; a `secret` answer
        (a key shown once) is kept sealed while it waits to be replayed."""
        caller = getattr(self._request.state, "caller", None)
        if caller is None:  # a route without an authenticating dependency: refuse rather than share keys
            raise Unauthenticated("authentication required")
        box = self._gw.box

        async def work() -> idempotency.StoredResponse:
            content, headers = await create()
            stored = {_SEALED: box.seal(json.dumps(content))} if secret else content
            return idempotency.StoredResponse(status_of(content) if status_of else status_code, stored, headers)

        fingerprinted = {} if body is None else body.model_dump(mode="json", exclude_unset=True,
                                                                exclude=set(unfingerprinted))
        stored, replayed = await idempotency.run_once(
            store=self._gw.store, scope=f"{action}:{caller.id}", key=self._key, body=fingerprinted,
            ttl_seconds=self._gw.settings.idempotency_ttl_seconds, work=work)
        content = json.loads(box.open(stored.body[_SEALED])) if secret else stored.body
        headers = {**stored.headers, **({REPLAYED: "true"} if replayed else {})}
        return JSONResponse(content, status_code=stored.status, headers=headers)


async def idempotent(request: Request, gw: GatewayDep, key: Annotated[str | None, Header(
        alias=idempotency.HEADER, max_length=KEY_MAX,
        description="retrying with the same key and body replays the answer")] = None
                     ) -> Idempotent:
    return Idempotent(gw, request, key)


async def idempotent_keyed(request: Request, gw: GatewayDep, key: Annotated[str, Header(
        alias=idempotency.HEADER, max_length=KEY_MAX,
        description="required: a retry with the same key and body answers the first answer")]) -> Idempotent:
    return Idempotent(gw, request, key)


CreateOnce = Annotated[Idempotent, Depends(idempotent)]
CreateOnceKeyed = Annotated[Idempotent, Depends(idempotent_keyed)]
