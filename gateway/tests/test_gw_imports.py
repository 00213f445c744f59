"""Imports through the gateway to the real Integration service (which applies rows through the real
Accounts service): an upload becomes a job with live counters (INT-1, INT-3), its failed rows are
listed and downloadable as CSV no spreadsheet runs (GEN-12), and only admins and the erp client get in
(SEC-1): 401 without login, 403 for every other role, 404 for someone else's job."""
from __future__ import annotations

import asyncio
import csv
import io
import time
import uuid
from datetime import date

import httpx
import pytest
from crmkit.text import spreadsheet_safe
from gw_accounts import erp_key, user_ids, wait_for_directory
from gw_helpers import assert_problem, bearer, login

from crm_gateway.api.imports.mappers import csv_text

pytestmark = pytest.mark.live  # what the real services do behind the gateway (conftest.py)

TODAY = date.today().isoformat()
HEADER = "customer_accounting_id,as_of_date,mtd_sales,ytd_sales,prior_ytd_sales,credit_limit,past_due_amount"
FORMULA = "=cmd|' /C calc'!A0"
COUNTERS = ("created", "updated", "unchanged", "skipped", "failed")
REFUSED = ["sdr1", "ae.ne", "csr1", "marketing", "rsm.east", "vp.sales"]
ROUTES = [("POST", ""), ("GET", ""), ("GET", "/0000"), ("GET", "/0000/failures"), ("GET", "/0000/failures.csv")]


@pytest.fixture(scope="module")
async def customer(gw) -> dict:
    """An MA customer with a customer accounting ID of its own, created by the admin."""
    async with gw.client() as c:
        await wait_for_directory(c, await user_ids(c))
        created = await c.post("/api/v1/accounts", headers=bearer(await login(c, "admin")), json={
            "name": "Import Grocers", "type": "customer", "state": "MA",
            "customer_accounting_id": f"IMP-{uuid.uuid4().hex[:8]}"})
        assert created.status_code == 201, created.text
        return created.json()


def finance_file(accounting_id: str) -> bytes:
    """Row 1 applies; row 2 names no known customer; row 3 carries a formula and an amount that is not one."""
    return "\n".join([
        HEADER,
        f"{accounting_id},{TODAY},1234.50,5678.90,4321.00,\"100,000.00\",0.00",
        f"NOBODY-{uuid.uuid4().hex[:8]},{TODAY},1.00,1.00,1.00,1.00,0.00",
        f"\"{FORMULA}\",{TODAY},1.00,lots,1.00,1.00,0.00",
    ]).encode() + b"\n"


async def upload(client: httpx.AsyncClient, headers: dict, content: bytes, kind: str = "erp-finance",
                 **fields: str) -> httpx.Response:
    return await client.post("/api/v1/imports", headers=headers, data={"kind": kind, **fields},
                             files={"file": ("finance.csv", content, "text/csv")})


async def finished(client: httpx.AsyncClient, headers: dict, job_id: str, timeout: float = 60.0) -> dict:
    """Poll the job until it is completed or failed."""
    deadline = time.monotonic() + timeout
    while True:
        answer = await client.get(f"/api/v1/imports/{job_id}", headers=headers)
        assert answer.status_code == 200, answer.text
        job = answer.json()
        if job["status"] in ("completed", "failed"):
            return job
        assert time.monotonic() < deadline, f"the import never finished: {job}"
        await asyncio.sleep(0.2)


async def imported(client: httpx.AsyncClient, headers: dict, content: bytes, **fields: str) -> dict:
    """Upload `content` as erp-finance and answer the completed job."""
    created = await upload(client, headers, content, **fields)
    assert created.status_code == 202, created.text
    job = await finished(client, headers, created.json()["id"])
    assert job["status"] == "completed", job
    assert sum(job["counts"][name] for name in COUNTERS) == job["counts"]["rows_read"], job
    return job


async def test_int_1_an_erp_finance_file_becomes_a_job_with_counters_and_failed_rows(client, customer):
    admin = bearer(await login(client, "admin"))
    content = finance_file(customer["customer_accounting_id"])
    created = await upload(client, admin, content)
    assert created.status_code == 202, created.text
    queued = created.json()
    assert created.headers["location"] == f"/api/v1/imports/{queued['id']}"
    assert (queued["kind"], queued["filename"], queued["source"], queued["status"]) == (
        "erp-finance", "finance.csv", "upload", "queued")
    assert queued["size_bytes"] == len(content) and queued["created_at"] and queued["finished_at"] is None

    job = await finished(client, admin, queued["id"])
    assert job["status"] == "completed" and job["error"] == "" and job["finished_at"], job
    assert {k: job["counts"][k] for k in ("rows_read", "created", "failed")} == {"rows_read": 3, "created": 1,
                                                                                "failed": 2}
    assert sum(job["counts"][name] for name in COUNTERS) == job["counts"]["rows_read"]

    finance = await client.get(f"/api/v1/accounts/{customer['id']}/finance", headers=admin)
    assert finance.status_code == 200, finance.text
    assert {k: finance.json()[k] for k in ("as_of_date", "mtd_sales", "credit_limit")} == {
        "as_of_date": TODAY, "mtd_sales": "1234.50", "credit_limit": "100000.00"}

    failures = await client.get(f"/api/v1/imports/{job['id']}/failures", headers=admin)
    assert failures.status_code == 200, failures.text
    page = failures.json()
    assert page["columns"] == HEADER.split(",") and page["next_cursor"] is None
    fields = {(f["row_number"], f["field"]) for f in page["items"]}
    assert {row for row, _ in fields} == {2, 3}
    assert (2, "customer_accounting_id") in fields and (3, "ytd_sales") in fields
    assert all(f["reason"] for f in page["items"])
    assert next(f for f in page["items"] if f["row_number"] == 3)["cells"][0] == FORMULA  # JSON keeps it as read


async def test_gen_12_the_failed_rows_download_as_csv_no_spreadsheet_runs(client, customer):
    admin = bearer(await login(client, "admin"))
    job = await imported(client, admin, finance_file(customer["customer_accounting_id"]))
    download = await client.get(f"/api/v1/imports/{job['id']}/failures.csv", headers=admin)
    assert download.status_code == 200, download.text
    assert download.headers["content-type"].startswith("text/csv")
    assert download.headers["content-disposition"] == f'attachment; filename="import-{job["id"]}-failures.csv"'
    rows = list(csv.reader(io.StringIO(download.text)))
    assert rows[0] == ["row_number", "field", "reason", *HEADER.split(",")]
    assert {row[0] for row in rows[1:]} == {"2", "3"}
    formula_rows = [row for row in rows[1:] if row[0] == "3"]
    assert formula_rows and all(row[3] == "'" + FORMULA for row in formula_rows)
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


async def test_int_3_a_file_imported_again_leaves_its_rows_unchanged(client, customer):
    admin = bearer(await login(client, "admin"))
    content = finance_file(customer["customer_accounting_id"])
    await imported(client, admin, content)
    again = await imported(client, admin, content)
    assert {k: again["counts"][k] for k in ("rows_read", "created", "updated", "unchanged", "failed")} == {
        "rows_read": 3, "created": 0, "updated": 0, "unchanged": 1, "failed": 2}


async def test_int_1_the_erp_client_imports_and_sees_only_its_own_jobs(client, customer):
    erp, other_erp = await erp_key(client), await erp_key(client)
    job = await imported(client, erp, finance_file(customer["customer_accounting_id"]), source="cli")
    assert job["source"] == "cli" and job["counts"]["failed"] == 2
    listed = await client.get("/api/v1/imports", headers=erp)
    assert listed.status_code == 200 and [j["id"] for j in listed.json()["items"]] == [job["id"]]
    assert_problem(await client.get(f"/api/v1/imports/{job['id']}", headers=other_erp), 404)
    assert_problem(await client.get(f"/api/v1/imports/{job['id']}/failures.csv", headers=other_erp), 404)
    admin = bearer(await login(client, "admin"))
    assert (await client.get(f"/api/v1/imports/{job['id']}", headers=admin)).json()["id"] == job["id"]


async def test_int_1_a_large_file_streams_in_and_its_failures_page_and_download_whole(client):
    """More than one 256 KiB chunk up, more than one 1000-row page down."""
    admin = bearer(await login(client, "admin"))
    rows = 7000
    content = "\n".join([HEADER, *(f"BULK-{n:06d},{TODAY},x{n},1.00,1.00,1.00,0.00" for n in range(rows))]).encode()
    assert len(content) > 256 * 1024
    job = await imported(client, admin, content)
    assert (job["counts"]["rows_read"], job["counts"]["failed"], job["size_bytes"]) == (rows, rows, len(content))
    first = (await client.get(f"/api/v1/imports/{job['id']}/failures", params={"limit": 1000}, headers=admin)).json()
    assert len(first["items"]) == 1000 and first["next_cursor"]
    second = (await client.get(f"/api/v1/imports/{job['id']}/failures", headers=admin,
                               params={"limit": 1000, "cursor": first["next_cursor"]})).json()
    assert second["items"][0]["row_number"] > first["items"][-1]["row_number"]
    download = await client.get(f"/api/v1/imports/{job['id']}/failures.csv", headers=admin)
    assert len(list(csv.reader(io.StringIO(download.text)))) == rows + 1


async def test_jobs_list_newest_first_in_cursor_pages(client, customer):
    admin = bearer(await login(client, "admin"))
    content = finance_file(customer["customer_accounting_id"])
    older, newer = await imported(client, admin, content), await imported(client, admin, content)
    first = (await client.get("/api/v1/imports", params={"limit": 1}, headers=admin)).json()
    assert [j["id"] for j in first["items"]] == [newer["id"]] and first["next_cursor"]
    rest = await client.get("/api/v1/imports", params={"limit": 1, "cursor": first["next_cursor"]}, headers=admin)
    assert rest.status_code == 200, rest.text
    assert [j["id"] for j in rest.json()["items"]] == [older["id"]]
    assert_problem(await client.get("/api/v1/imports", params={"limit": 201}, headers=admin), 422, field="limit")


async def test_an_upload_names_what_is_missing_or_unknown(client):
    admin = bearer(await login(client, "admin"))
    assert_problem(await upload(client, admin, b"a,b\n", kind="erp-horoscopes"), 422, field="kind")
    no_file = await client.post("/api/v1/imports", headers=admin, data={"kind": "erp-finance"})
    assert_problem(no_file, 422, field="file")
    nothing = assert_problem(await client.post("/api/v1/imports", headers=admin), 422)
    assert {e["field"] for e in nothing["errors"]} == {"kind", "file"}
    assert_problem(await upload(client, admin, b"a\n", source="inbox"), 422, field="source")
    assert_problem(await client.get(f"/api/v1/imports/{uuid.uuid4()}", headers=admin), 404)


@pytest.mark.parametrize(("method", "path"), ROUTES)
async def test_sec_1_every_import_route_needs_a_login(client, method, path):
    assert_problem(await client.request(method, f"/api/v1/imports{path}"), 401)


@pytest.mark.parametrize("username", REFUSED)
async def test_sec_1_only_admins_and_the_erp_client_import(client, username):
    headers = bearer(await login(client, username))
    for method, path in ROUTES:
        assert_problem(await client.request(method, f"/api/v1/imports{path}", headers=headers), 403)


@pytest.mark.parametrize(("cell", "safe"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-5.00", "'-5.00"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\r=1", "'\r=1"), ("Acme = best", "Acme = best"), ("", ""), ("'quoted", "'quoted"),
    (" =1+1", "' =1+1"), ("  @SUM(A1)", "'  @SUM(A1)"), ("\u00a0+1", "'\u00a0+1"), ("\n=1", "'\n=1"),
])
def test_gen_12_cells_a_spreadsheet_would_run_start_with_a_quote(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_gen_12_csv_lines_quote_what_csv_needs_and_neutralise_every_cell():
    text = csv_text([["row_number", "=HYPERLINK()"], ["3", 'say "hi", then\nleave']])
    assert list(csv.reader(io.StringIO(text))) == [["row_number", "'=HYPERLINK()"], ["3", 'say "hi", then\nleave']]
