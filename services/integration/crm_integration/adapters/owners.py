"""The owning services' batch RPCs, as the import runner applies records through them.

Each call acts for the job's creator (an admin, or the ERP client) under a principal this service
signs itself: the job outlives the gateway's five-minute token, and the called services trust this
service's key for those two roles only (crmkit.principal.TrustedIssuer)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from crm.accounts.v1 import accounts_pb2, accounts_pb2_grpc
from crmkit.grpc.client import call
from crmkit.principal import Principal, PrincipalSigner

from crm_integration.domain.feeds import FinanceRecord, SalesOrderRecord
from crm_integration.domain.imports import ImportJob, Outcome

ISSUER = "crm-integration"
RPC_BATCH = 1000  # the accounts service's MAX_BATCH
_ORDER_FIELDS = ("sales_order_number", "po_number", "customer_accounting_id", "salesperson", "territory",
                 "order_date", "ship_date", "total_amount", "currency")
_FINANCE_FIELDS = ("customer_accounting_id", "as_of_date", "mtd_sales", "ytd_sales", "prior_ytd_sales",
                   "credit_limit", "past_due_amount", "currency")


def _text(value) -> str:
    return "" if value is None else value.isoformat() if isinstance(value, date) else str(value)


class Owners:
    """Appliers by import kind, over the channels to the owning services."""

    def __init__(self, accounts: accounts_pb2_grpc.AccountsStub, signer: PrincipalSigner, *, timeout: float) -> None:
        self._accounts = accounts
        self._signer = signer
        self._timeout = timeout

    def appliers(self) -> dict:
        return {"erp-sales-orders": self.sales_orders, "erp-finance": self.finance}

    def _token(self, job: ImportJob) -> str:
        return self._signer.sign(Principal(user_id=job.created_by, role=job.created_by_role, kind="service",
                                           username=f"import {job.id}"))

    async def sales_orders(self, job: ImportJob, records: Sequence[SalesOrderRecord]) -> list[Outcome]:
        """INT-1, ACC-3: order headers by sales order number."""
        return await self._upsert(job, records, self._accounts.UpsertSalesOrders,
                                  lambda rows: accounts_pb2.UpsertSalesOrdersRequest(orders=rows),
                                  accounts_pb2.SalesOrder, _ORDER_FIELDS)

    async def finance(self, job: ImportJob, records: Sequence[FinanceRecord]) -> list[Outcome]:
        """INT-1, ACC-4: finance figures by customer accounting ID and as-of date."""
        return await self._upsert(job, records, self._accounts.UpsertFinance,
                                  lambda rows: accounts_pb2.UpsertFinanceRequest(rows=rows),
                                  accounts_pb2.Finance, _FINANCE_FIELDS)

    async def _upsert(self, job: ImportJob, records: Sequence[object], method, request, message,
                      fields: tuple[str, ...]) -> list[Outcome]:
        """Send the records in batches the owner accepts; its outcomes, one per record, in order."""
        outcomes: list[Outcome] = []
        for start in range(0, len(records), RPC_BATCH):
            rows = [message(**{name: _text(getattr(r, name)) for name in fields})
                    for r in records[start:start + RPC_BATCH]]
            answer = await call(method, request(rows), principal_token=self._token(job), timeout=self._timeout)
            outcomes += [Outcome(o.outcome, o.field, o.reason) for o in answer.outcomes]
        return outcomes
