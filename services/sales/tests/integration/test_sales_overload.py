"""Issue 14: a service whose database connections are all busy answers at once that it is overloaded
(RESOURCE_EXHAUSTED with the kit's "overloaded" error, which the gateway turns into 503 with
Retry-After), after its pool's short timeout instead of SQLAlchemy's 30 s, and serves again when a
connection frees. RESOURCE_EXHAUSTED, not UNAVAILABLE: the channels' retry policy would resend that."""
from __future__ import annotations

import grpc
from crm.sales.v1 import opportunities_pb2, opportunities_pb2_grpc
from crmkit.db import make_engine, make_session_factory
from crmkit.errors import Overloaded
from crmkit.grpc.client import error_from_rpc, make_channel

from crm_sales.bootstrap import uow_factory
from crm_sales.entrypoints.grpc_api import SERVICE_NAME, OpportunitiesServicer
from tests.support.grpc_servers import refused, serve_grpc
from tests.support.principals import signed


async def test_an_exhausted_pool_answers_overloaded_and_serves_again_when_a_connection_frees(sales_db, principal_keys):
    engine = make_engine(sales_db, pool_size=1, pool_timeout=0.2)  # one connection and one overflow
    servicer = OpportunitiesServicer(uow_factory(make_session_factory(engine)))
    ae = signed(principal_keys[0], "ae", service="sales")
    try:
        async with (serve_grpc((opportunities_pb2_grpc.add_OpportunitiesServicer_to_server, servicer, SERVICE_NAME),
                               public_key=principal_keys[1], service="sales") as target,
                    make_channel(target) as channel):
            stub = opportunities_pb2_grpc.OpportunitiesStub(channel)
            held = [await engine.connect() for _ in range(2)]
            busy = await refused(stub.GetSalesProcess(opportunities_pb2.GetSalesProcessRequest(), metadata=ae,
                                                      timeout=10), grpc.StatusCode.RESOURCE_EXHAUSTED)
            assert isinstance(error_from_rpc(busy), Overloaded)
            for connection in held:
                await connection.close()
            process = await stub.GetSalesProcess(opportunities_pb2.GetSalesProcessRequest(), metadata=ae, timeout=10)
            assert [s.code for s in process.stages][:2] == ["prospecting", "qualification"]
    finally:
        await engine.dispose()
