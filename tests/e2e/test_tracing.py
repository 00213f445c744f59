"""One trace id end to end (DESIGN.md section 1): the caller's W3C traceparent reaches the leads
service over gRPC, and the consumer of the event a request caused logs the same trace id."""
from __future__ import annotations

import json
import secrets
import time

import pytest

from tests.e2e.support import submission

pytestmark = pytest.mark.e2e


def leads_log_lines(platform, trace_id: str, attempts: int = 50) -> list[dict]:
    for _ in range(attempts):
        lines = []
        for path in (platform.data_dir / "log").glob("leads*.log"):
            for line in path.read_text(errors="replace").splitlines():
                if trace_id in line and line.startswith("{"):
                    lines.append(json.loads(line))
        if lines:
            return lines
        time.sleep(0.1)
    return []


def traceparent() -> tuple[str, str]:
    trace_id = secrets.token_hex(16)
    return trace_id, f"00-{trace_id}-{secrets.token_hex(8)}-01"


def test_web_form_submission_trace_reaches_the_leads_service(platform, anonymous):
    trace_id, header = traceparent()
    r = anonymous.post("/api/v1/web-forms/how-to-spec-out-a-kiosk/submissions", json=submission(),
                       headers={"traceparent": header})
    assert r.status_code == 202
    lines = leads_log_lines(platform, trace_id)
    assert any(line.get("rpc") == "/crm.leads.v1.Leads/SubmitWebForm" for line in lines), lines


def test_user_change_trace_reaches_the_leads_event_consumer(platform, as_user):
    trace_id, header = traceparent()
    r = as_user("admin").post("/api/v1/users", headers={"traceparent": header}, json={
        "username": f"sdr.trace.{secrets.token_hex(3)}", "full_name": "Trace Sdr", "email": "trace@abbott-ltd.demo",
        "role": "marketing", "territories": [], "manager_id": None, "password": secrets.token_urlsafe(16)})
    assert r.status_code == 201, r.text
    lines = leads_log_lines(platform, trace_id)
    assert any(line.get("msg", "").startswith("event crm.identity.user.created") for line in lines), lines
