"""Imports end to end (issue 4: INT-1..3, MIG-1, MIG-2, LEAD-2, ACC-3, ACC-4): the admin uploads the
ERP's files, the legacy contact manager's (Windows-1252) and a trade-show scan through the gateway,
each becomes a job whose counts add up, every quirk in
the files lands where it should (bad rows failed with their field, repeats skipped, the rest
applied), a re-import changes nothing, the failed-row CSV cannot run as a spreadsheet formula, the
AE sees the imported company on one screen, an SDR gets the trade-show leads, and `./crm import`
does the same from the command line."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.support import DEMO_PASSWORD, Api

pytestmark = pytest.mark.e2e
FEEDS = Path(__file__).parent / "feeds"
COUNTERS = ("created", "updated", "unchanged", "skipped", "failed")


def upload(api: Api, kind: str, name: str) -> dict:
    """Upload a feed file and wait for its job to end; answers the job, its counting rule checked."""
    with open(FEEDS / name, "rb") as file:
        started = api.post("/api/v1/imports", data={"kind": kind}, files={"file": (name, file, "text/csv")})
    assert started.status_code == 202, started.text
    deadline = time.monotonic() + 60
    while True:
        job = api.get(f"/api/v1/imports/{started.json()['id']}").json()
        if job["status"] in ("completed", "failed") or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    counts = job["counts"]
    assert job["status"] == "completed", job
    assert counts["rows_read"] == sum(counts[name] for name in COUNTERS), job
    return job


def counts(job: dict) -> tuple[int, ...]:
    return tuple(job["counts"][name] for name in ("rows_read", *COUNTERS))


@pytest.fixture(scope="module")
def loaded(as_user, accounts_directory) -> dict[str, dict]:
    """The reference feeds, loaded in the order the ERP's data depends on itself."""
    admin = as_user("admin")
    return {kind: upload(admin, kind, name) for kind, name in (
        ("erp-customers", "erp_customers.csv"), ("erp-locations", "erp_ship_to_locations.csv"),
        ("erp-kiosks", "erp_kiosks.csv"), ("erp-sales-orders", "erp_sales_orders.csv"),
        ("erp-finance", "erp_customer_financials.csv"), ("legacy-contacts", "legacy_contacts.csv"),
        ("legacy-email-history", "legacy_email_history.csv"), ("legacy-notes", "legacy_notes.csv"),
        ("trade-show-leads", "trade_show_badge_scans.csv"))}


def test_every_row_of_every_feed_gets_its_fate(loaded):
    #                                       read created updated unchanged skipped failed
    assert counts(loaded["erp-customers"]) == (3, 3, 0, 0, 0, 0)
    assert counts(loaded["erp-locations"]) == (6, 4, 0, 0, 1, 1)  # ES002 repeated; ES005's customer unknown
    assert counts(loaded["erp-kiosks"]) == (5, 3, 0, 0, 1, 1)  # a repeated serial; an impossible date
    assert counts(loaded["erp-sales-orders"]) == (7, 4, 0, 0, 0, 3)
    assert counts(loaded["erp-finance"]) == (2, 2, 0, 0, 0, 0)
    assert counts(loaded["legacy-contacts"]) == (4, 3, 0, 0, 1, 0)  # Windows-1252; R9001 repeated
    assert counts(loaded["legacy-email-history"]) == (3, 1, 0, 0, 1, 1)  # before 2012: skipped; R9404 unknown
    assert counts(loaded["legacy-notes"]) == (2, 1, 0, 0, 1, 0)
    assert counts(loaded["trade-show-leads"]) == (4, 3, 0, 0, 0, 1)


def test_failed_rows_name_their_field_and_export_without_live_formulas(as_user, loaded):
    admin = as_user("admin")
    job = loaded["erp-sales-orders"]
    failures = admin.get(f"/api/v1/imports/{job['id']}/failures").json()
    fields = {(f["row_number"], f["field"]) for f in failures["items"]}
    assert {(5, "sales_order_number"), (6, "order_date"), (6, "total_amount"),
            (7, "customer_accounting_id")} <= fields
    exported = admin.get(f"/api/v1/imports/{job['id']}/failures.csv")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    cells = [cell for row in csv.reader(io.StringIO(exported.text)) for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells and not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_re_importing_a_file_changes_nothing(as_user, loaded):
    admin = as_user("admin")
    assert counts(upload(admin, "erp-locations", "erp_ship_to_locations.csv")) == (6, 0, 0, 4, 1, 1)
    assert counts(upload(admin, "erp-sales-orders", "erp_sales_orders.csv")) == (7, 0, 0, 4, 0, 3)
    assert counts(upload(admin, "trade-show-leads", "trade_show_badge_scans.csv"))[1] == 0
    assert counts(upload(admin, "legacy-contacts", "legacy_contacts.csv")) == (4, 0, 0, 3, 1, 0)
    assert counts(upload(admin, "legacy-notes", "legacy_notes.csv")) == (2, 0, 0, 1, 1, 0)


def test_the_ae_sees_the_imported_company_on_one_screen(as_user, loaded):
    ae = as_user("ae.ne")
    [company] = [a for a in ae.get("/api/v1/search/accounts", params={"q": "Evergreen Grocers"}).json()["items"]
                 if a.get("customer_accounting_id") == "E2E001"]
    screen = ae.get(f"/api/v1/accounts/{company['id']}/overview").json()
    assert "account" in screen, screen
    assert screen["account"]["number_of_locations"] == 2 and screen["children_count"] == 2
    assert (screen["kiosks"]["in_warranty"], screen["kiosks"]["expired"]) == (1, 1)
    assert {o["sales_order_number"] for o in screen["orders"]} == {"SO-E2E-1", "SO-E2E-2", "SO-E2E-3"}
    assert screen["order_totals"] == [{"currency": "USD", "total_amount": "33487.99", "order_count": 3}]
    assert screen["finance"]["credit_limit"] == "1000000.00"
    assert [o["po_number"] for o in screen["orders"] if o["sales_order_number"] == "SO-E2E-3"] == [
        '=HYPERLINK("http://evil.example","PO")']  # kept as text; the API never evaluates it
    assert {c["last_name"] for c in screen["contacts"]} == {"Dubé", "Núñez"}  # matched despite INC. and caps
    assert {a["kind"] for a in screen["activities"]} == {"email", "note"}
    pac = as_user("ae.pac")
    assert pac.get(f"/api/v1/accounts/{company['id']}/overview").status_code == 404


def test_trade_show_scans_become_assigned_leads_of_the_show(as_user, loaded):
    found = []
    for sdr in ("sdr1", "sdr2", "sdr3"):
        items = as_user(sdr).get("/api/v1/leads", params={"limit": 200}).json()["items"]
        found += [lead for lead in items if lead.get("campaign") == "trade_show_badge_scans"]
    by_name = {lead["last_name"]: lead for lead in found}
    assert set(by_name) == {"Rodriguez", "O'Neil", "García-López"}
    assert all(lead["source"] == "trade show" and lead["owner_id"] for lead in found)
    assert by_name["García-López"]["email"] == "JOSE.GARCIA@lakeside.example"  # the domain folded, the rest as given


def test_the_command_line_imports_as_a_user(platform, loaded):
    env = {**os.environ, "CRM_URL": platform.url, "CRM_USER": "admin", "CRM_PASSWORD": DEMO_PASSWORD}
    env.pop("CRM_API_KEY", None)
    done = subprocess.run([sys.executable, "-m", "crmctl", "import", "erp-finance",
                           str(FEEDS / "erp_customer_financials.csv")], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "unchanged" in done.stdout and "2" in done.stdout
    refused = subprocess.run([sys.executable, "-m", "crmctl", "import", "erp-finance", str(FEEDS / "erp_kiosks.csv")],
                             env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "mtd_sales" in refused.stderr + refused.stdout
