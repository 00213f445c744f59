"""gRPC servicers served in-process for a test: the service's own (behind the kit's real server,
with its principal check and error mapping) or a fake standing in for a peer."""
from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Callable

import grpc
import pytest
from crmkit.grpc.server import ERROR_METADATA_KEY, GrpcServer
from crmkit.principal import PrincipalVerifier

# What GrpcServer serves: (add_XServicer_to_server, servicer, full service name).
Service = tuple[Callable, object, str]


@contextlib.asynccontextmanager
async def serve_grpc(*services: Service, public_key: str, service: str) -> AsyncIterator[str]:
    """Serve `services` on a free local port as the service named `service`, trusting principals meant
    for it and signed by the key whose public half is `public_key`; answers the target (host:port).
    The server stops when the block ends."""
    server = GrpcServer(verifier=PrincipalVerifier(public_key, service=service), address="127.0.0.1:0",
                        services=services)
    await server.start()
    try:
        yield f"127.0.0.1:{server.port}"
    finally:
        await server.drain(0)


def error_fields(exc: grpc.aio.AioRpcError) -> list[str]:
    """The fields at fault named in the kit's error metadata of a refused call."""
    return [error["field"] for error in json.loads(dict(exc.trailing_metadata())[ERROR_METADATA_KEY])["errors"]]


async def refused(call, code: grpc.StatusCode) -> grpc.aio.AioRpcError:
    """Await `call`, which must fail with `code`; answers the error."""
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    assert caught.value.code() == code, caught.value
    return caught.value
