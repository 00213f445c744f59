"""Service clients carry the principal by themselves (no service needed): a request's principal is
signed once, on the first call, and again only once aged; an unbound client never calls; and a
composed read degrades per optional part."""
from __future__ import annotations

import pytest
from crmkit.errors import NotFound, Unavailable

from crm_gateway.clients.accounts import AccountsClient
from crm_gateway.clients.base import ServiceClient
from crm_gateway.clients.leads import LeadsClient
from crm_gateway.domain.model import Caller
from crm_gateway.service_layer import auth
from crm_gateway.service_layer.compose.parts import Part, gather


class _Signer:
    def __init__(self) -> None:
        self.signed = []
        self.services = []

    def sign(self, principal, *, service: str) -> str:
        self.signed.append(principal)
        self.services.append(service)
        return f"token-{len(self.signed)}"


class _Gateway:
    def __init__(self) -> None:
        self.signer = _Signer()


class _Stub:
    def __init__(self) -> None:
        self.metadata = []

    async def Echo(self, request, *, timeout, metadata):  # noqa: N802 - a generated stub's method name
        self.metadata.append(dict(metadata))
        return request


class _Channel:
    """Enough of a gRPC channel for a client to build its stubs on; the test calls _Stub.Echo."""

    def unary_unary(self, *args, **kwargs):
        return None


CLIENT = Caller(id="u1", kind="client", role="erp", username="erp")


async def test_a_request_principal_is_signed_once_on_first_call(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(auth.time, "monotonic", lambda: clock[0])
    gw, stub, asked = _Gateway(), _Stub(), []
    client = ServiceClient(stub, timeout=1.0).acting_as(
        auth.CallerPrincipal(gw, lambda: asked.append(1) or CLIENT, "req-1"))
    assert asked == []  # nothing is signed before a call goes out
    assert await client._call(stub.Echo, "a") == "a"
    await client._call(stub.Echo, "b")
    assert [m["x-crm-principal"] for m in stub.metadata] == ["token-1", "token-1"]
    assert [p.request_id for p in gw.signer.signed] == ["req-1"] and gw.signer.signed[0].user_id == "u1"
    clock[0] += auth.RESIGN_AFTER_SECONDS + 1  # a long download: the aged principal is signed again
    await client._call(stub.Echo, "c")
    assert stub.metadata[-1]["x-crm-principal"] == "token-2"


async def test_each_service_gets_a_principal_meant_for_it():
    gw, stub = _Gateway(), _Stub()
    source = auth.CallerPrincipal(gw, lambda: CLIENT, "req-2")
    for client in (AccountsClient(_Channel(), timeout=1.0), LeadsClient(stub, timeout=1.0),
                   AccountsClient(_Channel(), timeout=1.0)):
        await client.acting_as(source)._call(stub.Echo, "a")
    assert gw.signer.services == ["accounts", "leads"]  # one per service and request
    assert [m["x-crm-principal"] for m in stub.metadata] == ["token-1", "token-2", "token-1"]


async def test_an_unbound_client_fails_closed_and_another_token_is_explicit():
    stub = _Stub()
    with pytest.raises(RuntimeError):
        await ServiceClient(stub, timeout=1.0)._call(stub.Echo, "a")
    assert stub.metadata == []
    await ServiceClient(stub, timeout=1.0).acting_as("delegate-token")._call(stub.Echo, "a")
    assert stub.metadata == [{"x-crm-principal": "delegate-token"}]


async def _answer(value):
    return value


async def _fail(error):
    raise error


async def test_a_composed_read_leaves_out_a_failed_optional_part():
    composed = await gather(Part("overview", lambda: _answer("account"), required=True),
                            Part("cases", lambda: _fail(Unavailable("support is down"))),
                            Part("opportunities", lambda: _answer(["deal"])))
    assert composed.found == {"overview": "account", "opportunities": ["deal"]}
    assert composed.missing == ("cases",)


async def test_a_failed_required_part_fails_the_read():
    with pytest.raises(NotFound):
        await gather(Part("overview", lambda: _fail(NotFound("no such account")), required=True),
                     Part("cases", lambda: _answer([])))
