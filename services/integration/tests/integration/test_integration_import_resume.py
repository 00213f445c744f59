"""An import survives its process being killed half way (issues 4 and 12): the integration service is
SIGKILLed in the middle of a 100,000-row sales-order file, started again on the same database, and the job
finishes with every row counted once and the same orders in the Accounts service as an
uninterrupted import of the same file would leave."""
from __future__ import annotations

import json
import os
import signal
import uuid

from crm.accounts.v1 import accounts_pb2, accounts_pb2_grpc, erp_records_pb2, erp_records_pb2_grpc
from crm.integration.v1 import imports_pb2, imports_pb2_grpc
from crmkit.grpc.client import call, make_channel
from crmkit.principal import METADATA_KEY, Principal, PrincipalSigner, generate_keypair

from crm_integration.adapters.owners import ISSUER
from tests.support.services import migrations_dir, running_service
from tests.support.waiting import eventually

ROWS = 100_000
HEADER = ("sales_order_number,po_number,customer_accounting_id,salesperson,territory,order_date,ship_date,"
          "total_amount,currency")


def _file(accounting_id: str) -> bytes:
    lines = [HEADER] + [f"SO-{accounting_id}-{n:06d},PO{n},{accounting_id},Jessica Garcia,PAC,2026-0{1 + n % 9}-15,,"
                        f"{n}.25,USD" for n in range(ROWS)]
    return ("\r\n".join(lines) + "\r\n").encode()


async def _upload(target: str, token: str, data: bytes) -> str:
    async def parts():
        yield imports_pb2.ImportUpload(start=imports_pb2.ImportStart(kind="erp-sales-orders", filename="orders.csv"))
        for start in range(0, len(data), 64 * 1024):
            yield imports_pb2.ImportUpload(chunk=data[start:start + 64 * 1024])

    async with make_channel(target) as channel:
        job = await imports_pb2_grpc.ImportsStub(channel).CreateImport(parts(), timeout=30,
                                                                       metadata=((METADATA_KEY, token),))
    return job.id


async def _job(target: str, token: str, job_id: str) -> imports_pb2.ImportJob:
    async with make_channel(target) as channel:
        return await call(imports_pb2_grpc.ImportsStub(channel).GetImport, imports_pb2.GetImportRequest(id=job_id),
                          principal_token=token)


async def test_a_killed_import_resumes_and_ends_as_an_uninterrupted_one(databases, principal_keys, nats_url):
    gateway_signer = PrincipalSigner(principal_keys[0])
    admin = gateway_signer.sign(Principal(user_id="admin-1", role="admin"), service="integration")
    admin_at_accounts = gateway_signer.sign(Principal(user_id="admin-1", role="admin"), service="accounts")
    integration_private, integration_public = generate_keypair()
    trusted = json.dumps([{"name": ISSUER, "public_key_pem": integration_public, "roles": ["admin", "erp"]}])
    with running_service("accounts", database_url=databases.copy(migrations_dir("accounts"), "resume_accounts"),
                         principal_public_key=principal_keys[1], nats_url=nats_url,
                         extra_env={"CRM_ACCOUNTS_TRUSTED_ISSUERS": trusted}) as accounts:
        async with make_channel(accounts.target) as channel:
            stub = accounts_pb2_grpc.AccountsStub(channel)
            accounting_id = f"C-{uuid.uuid4().hex[:8]}"
            account = await call(stub.CreateAccount, accounts_pb2.CreateAccountRequest(data=accounts_pb2.AccountData(
                name="Resumed Grocers", type="customer", customer_accounting_id=accounting_id)),
                principal_token=admin_at_accounts)
        env = {"CRM_INTEGRATION_PRINCIPAL_PRIVATE_KEY": integration_private,
               "CRM_INTEGRATION_ACCOUNTS_TARGET": accounts.target, "CRM_INTEGRATION_IMPORT_BATCH_ROWS": "1000",
               "CRM_INTEGRATION_IMPORT_LEASE_SECONDS": "2", "CRM_INTEGRATION_IMPORT_POLL_SECONDS": "0.2"}
        database = databases.copy(migrations_dir("integration"), "resume_integration")
        with running_service("integration", database_url=database, principal_public_key=principal_keys[1],
                             nats_url=nats_url, extra_env=env) as first:
            job_id = await _upload(first.target, admin, _file(accounting_id))
            halfway = await eventually(
                lambda: _job(first.target, admin, job_id),
                lambda job: job.counts.rows_read >= ROWS // 3 or job.status in ("completed", "failed"), timeout=120)
            assert halfway.status == "running" and halfway.counts.rows_read < ROWS, halfway
            os.kill(first.pid, signal.SIGKILL)
        with running_service("integration", database_url=database, principal_public_key=principal_keys[1],
                             nats_url=nats_url, extra_env=env) as second:
            done = await eventually(lambda: _job(second.target, admin, job_id),
                                    lambda job: job.status in ("completed", "failed"), timeout=300)
        counts = done.counts
        assert done.status == "completed", done
        assert counts.rows_read == ROWS and counts.failed == counts.skipped == counts.updated == 0
        assert counts.created + counts.unchanged == ROWS  # a batch re-applied after the kill counts as unchanged

        async with make_channel(accounts.target) as channel:
            orders = await call(erp_records_pb2_grpc.ErpRecordsStub(channel).ListSalesOrders,
                                erp_records_pb2.ListSalesOrdersRequest(account_id=account.id, since="2000-01-01",
                                                                    page_size=1), principal_token=admin_at_accounts)
    assert [(t.order_count, t.total_amount) for t in orders.totals] == [(ROWS, f"{sum(range(ROWS)) + ROWS * 0.25:.2f}")]
