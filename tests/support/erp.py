"""ERP figures (sales orders, finance) written straight to the accounts service's ErpRecords batch RPCs,
signed as the erp client, the way the integration service's imports write them (INT-1)."""
from __future__ import annotations

from collections.abc import Sequence

from crm.accounts.v1 import erp_records_pb2, erp_records_pb2_grpc
from crmkit.grpc.client import call, make_channel
from crmkit.principal import Principal, PrincipalSigner


async def record_erp_figures(target: str, principal_private_key: str, *, orders: Sequence[dict] = (),
                             finance: Sequence[dict] = ()) -> list[str]:
    """Send the rows (dicts of crm.accounts.v1.SalesOrder / Finance fields); answers each row's outcome."""
    token = PrincipalSigner(principal_private_key).sign(Principal(user_id="erp-test", role="erp", username="erp"),
                                                        service="accounts")
    outcomes: list[str] = []
    async with make_channel(target) as channel:
        stub = erp_records_pb2_grpc.ErpRecordsStub(channel)
        if orders:
            written = await call(stub.UpsertSalesOrders, erp_records_pb2.UpsertSalesOrdersRequest(
                orders=[erp_records_pb2.SalesOrder(**o) for o in orders]), principal_token=token)
            outcomes += [o.outcome for o in written.outcomes]
        if finance:
            written = await call(stub.UpsertFinance, erp_records_pb2.UpsertFinanceRequest(
                rows=[erp_records_pb2.Finance(**f) for f in finance]), principal_token=token)
            outcomes += [o.outcome for o in written.outcomes]
    return outcomes
