"""`./crm import KIND FILE` without a platform: its arguments, the progress it draws, the summary it
prints and how it words a refusal, against an HTTP API faked with httpx.MockTransport (INT-1, INT-3)."""
from __future__ import annotations

import io

import httpx
import pytest

from crmctl import import_report, importer
from crmctl.cli import build_parser

URL = "http://crm.test"
COUNTS = {"rows_read": 3, "created": 1, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 2}
FAILURES = [{"row_number": 2, "field": "customer_accounting_id", "reason": "no such customer", "cells": []},
            {"row_number": 3, "field": "ytd_sales", "reason": "not an amount: 'lots'\x1b[2J", "cells": []}]


def job(status: str, **counts: int) -> dict:
    return {"id": "job-1", "kind": "erp-finance", "filename": "finance.csv", "source": "cli", "status": status,
            "counts": {**dict.fromkeys(COUNTS, 0), **counts}, "error": "", "size_bytes": 10}


def problem(status: int, detail: str, errors: list[dict] | None = None) -> httpx.Response:
    return httpx.Response(status, json={"type": "urn:crm:problem:x", "title": "t", "status": status, "detail": detail,
                                        "errors": errors or []}, headers={"content-type": "application/problem+json"})


class FakePlatform:
    """The gateway's import API as the CLI uses it; records what it was sent."""

    def __init__(self, states: list[dict], *, password: str = "right", upload: httpx.Response | None = None) -> None:
        self.states = states
        self.password = password
        self.upload_answer = upload
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        path = request.url.path
        if path == "/api/v1/auth/token":
            form = dict(pair.split("=") for pair in request.content.decode().split("&"))
            if form["password"] != self.password:
                return problem(401, "invalid username or password")
            return httpx.Response(200, json={"access_token": "tok", "token_type": "bearer", "expires_in": 900,
                                             "refresh_token": "r"})
        if request.headers.get("authorization") != "Bearer tok" and request.headers.get("x-api-key") != "key-1":
            return problem(401, "authentication required")
        if path == "/api/v1/imports" and request.method == "POST":
            return self.upload_answer or httpx.Response(202, json=job("queued"))
        if path == "/api/v1/imports/job-1":
            return httpx.Response(200, json=self.states.pop(0))
        if path == "/api/v1/imports/job-1/failures":
            return httpx.Response(200, json={"items": FAILURES, "columns": [], "next_cursor": None})
        return problem(404, "no such route")


def run(platform: FakePlatform, tmp_path, env: dict[str, str]) -> tuple[int, str, str]:
    file = tmp_path / "finance.csv"
    file.write_text("customer_accounting_id,as_of_date\nC-1,2025-01-02\nC-2,2025-01-02\nC-3,x\n")
    out, err = io.StringIO(), io.StringIO()
    code = importer.run("erp-finance", file, url=URL, env=env, out=out, err=err, interval=0,
                        transport=httpx.MockTransport(platform))
    return code, out.getvalue(), err.getvalue()


def test_int_1_the_command_takes_a_kind_a_file_and_a_url():
    args = build_parser().parse_args(["import", "erp-finance", "data/finance.csv", "--url", "http://crm:9000"])
    assert (args.command, args.kind, args.file, args.url) == ("import", "erp-finance", "data/finance.csv",
                                                              "http://crm:9000")
    assert build_parser().parse_args(["import", "erp-finance", "f.csv"]).url is None
    with pytest.raises(SystemExit):
        build_parser().parse_args(["import", "erp-finance"])


@pytest.mark.parametrize(("env", "url"), [
    ({}, "http://127.0.0.1:8000"),
    ({"CRM_HTTP_PORT": "8100"}, "http://127.0.0.1:8100"),
    ({"CRM_URL": "https://crm.example/", "CRM_HTTP_PORT": "8100"}, "https://crm.example"),
])
def test_the_platform_is_crm_url_else_the_local_crm_up(env, url):
    assert importer.default_url(env) == url


def test_an_api_key_wins_over_a_password_and_nothing_is_refused():
    both = {"CRM_API_KEY": "k", "CRM_USER": "admin", "CRM_PASSWORD": "p"}
    assert importer.Credentials.from_env(both) == importer.Credentials(api_key="k")
    assert importer.Credentials.from_env({"CRM_USER": "admin", "CRM_PASSWORD": "p"}).username == "admin"
    with pytest.raises(importer.Refused, match="CRM_API_KEY"):
        importer.Credentials.from_env({"CRM_USER": "admin"})


def test_int_1_a_completed_job_prints_its_counts_first_failures_and_csv_and_exits_0(tmp_path):
    platform = FakePlatform([job("running", rows_read=1, created=1), job("completed", **COUNTS)])
    code, out, err = run(platform, tmp_path, {"CRM_USER": "admin", "CRM_PASSWORD": "right"})
    assert code == 0, err
    upload = next(r for r in platform.seen if r.method == "POST" and r.url.path == "/api/v1/imports")
    body = upload.content
    assert b'name="kind"\r\n\r\nerp-finance' in body and b'name="source"\r\n\r\ncli' in body
    assert b'filename="finance.csv"' in body and b"C-3,x" in body
    assert "3 rows read: created 1, updated 0, unchanged 0, skipped 0, failed 2" in out
    assert "row 2  customer_accounting_id: no such customer" in out
    assert "\x1b" not in out and "\\x1b[2J" in out  # a reason from the file cannot drive the terminal
    assert f"{URL}/api/v1/imports/job-1/failures.csv" in out
    assert "queued" in err and "completed" in err  # plain progress lines: stderr is no terminal here


def test_int_1_an_api_key_is_sent_as_x_api_key_without_a_login(tmp_path):
    platform = FakePlatform([job("completed", rows_read=1, created=1)])
    code, out, _ = run(platform, tmp_path, {"CRM_API_KEY": "key-1"})
    assert code == 0 and "failed rows" not in out
    assert [r.url.path for r in platform.seen] == ["/api/v1/imports", "/api/v1/imports/job-1"]


def test_a_refused_file_exits_1_with_its_reason(tmp_path):
    refused = {**job("failed"), "error": "the header lacks mtd_sales"}
    code, out, _ = run(FakePlatform([refused]), tmp_path, {"CRM_API_KEY": "key-1"})
    assert code == 1 and "the file was refused: the header lacks mtd_sales" in out


def test_a_wrong_password_says_login_refused_and_exits_1(tmp_path):
    code, out, err = run(FakePlatform([]), tmp_path, {"CRM_USER": "admin", "CRM_PASSWORD": "wrong"})
    assert (code, out) == (1, "") and "crm import: login refused: invalid username or password" in err


def test_an_unknown_kind_names_the_field_at_fault(tmp_path):
    unknown = problem(422, "the request has invalid fields", [{"field": "kind", "message": "unknown kind 'x'"}])
    code, _, err = run(FakePlatform([], upload=unknown), tmp_path, {"CRM_API_KEY": "key-1"})
    assert code == 1 and "refused: the request has invalid fields (kind: unknown kind 'x')" in err


def test_an_unreachable_platform_says_so(tmp_path):
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    out, err = io.StringIO(), io.StringIO()
    file = tmp_path / "f.csv"
    file.write_text("a\n1\n")
    code = importer.run("erp-finance", file, url=URL, env={"CRM_API_KEY": "k"}, out=out, err=err,
                        transport=httpx.MockTransport(down))
    assert code == 1 and "cannot reach http://crm.test" in err.getvalue() and "./crm up" in err.getvalue()


def test_a_missing_file_is_a_usage_error(tmp_path):
    err = io.StringIO()
    assert importer.run("erp-finance", tmp_path / "nope.csv", url=URL, env={}, out=io.StringIO(), err=err) == 2
    assert "no such file" in err.getvalue()


@pytest.mark.parametrize(("response", "login", "message"), [
    (problem(401, "invalid username or password"), True, "login refused: invalid username or password"),
    (problem(429, "too many failed logins; retry later"), True, "login refused: too many failed logins; retry later"),
    (problem(401, "unknown API key"), False, "not authenticated: unknown API key"),
    (problem(403, "the role 'ae' may not do this"), False, "not allowed: the role 'ae' may not do this"),
    (problem(422, "unknown import kind 'x'", [{"field": "kind", "message": "unknown import kind 'x'"}]), False,
     "refused: unknown import kind 'x' (kind)"),
    (httpx.Response(502, text="<html>bad gateway</html>"), False, "HTTP 502: <html>bad gateway</html>"),
])
def test_refusals_read_as_one_line(response, login, message):
    assert importer.problem_message(response, login=login) == message


def test_the_progress_line_has_a_bar_when_the_rows_can_be_estimated():
    running = job("running", rows_read=250, created=200, failed=50)
    line = import_report.progress_line(running, estimated_rows=1000)
    assert line == f"[{'#' * 6}{'-' * 18}]  25% running  250 rows read: created 200, updated 0, unchanged 0, " \
                   "skipped 0, failed 50"
    assert import_report.progress_line(job("running", rows_read=5000), 1000).startswith(f"[{'#' * 23}-]  99%")
    assert import_report.progress_line(job("completed", rows_read=900), 1000).startswith(f"[{'#' * 24}] 100%")
    assert import_report.progress_line(job("queued")) == ("queued  0 rows read: created 0, updated 0, unchanged 0, "
                                                          "skipped 0, failed 0")


def test_a_terminal_gets_one_line_redrawn_and_a_log_gets_a_line_every_few_seconds():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    with import_report.Progress(screen) as progress:
        for n in (1, 2, 3):
            progress.show(job("running", rows_read=n, created=n))
    assert screen.getvalue().count("\r") == 3 and screen.getvalue().count("\n") == 1

    now = [0.0]
    log = io.StringIO()
    with import_report.Progress(log, clock=lambda: now[0]) as progress:
        for second, state in ((0, job("queued")), (1, job("running", rows_read=1, created=1)),
                              (6, job("running", rows_read=9, created=9)), (7, job("completed", **COUNTS))):
            now[0] = second
            progress.show(state)
    assert [line.split()[0] for line in log.getvalue().splitlines()] == ["queued", "running", "completed"]


def test_rows_are_counted_in_a_small_file_and_estimated_in_a_big_one(tmp_path):
    small = tmp_path / "small.csv"
    small.write_text("a,b\n1,2\n\n3,4")
    assert import_report.estimate_rows(small) == 2
    big = tmp_path / "big.csv"
    big.write_text("h\n" + "".join(f"{n:09d}\n" for n in range(20_000)))  # 10 bytes a row
    assert abs(import_report.estimate_rows(big) - 20_000) < 50
    header_only = tmp_path / "header.csv"
    header_only.write_text("a,b\n")
    assert import_report.estimate_rows(header_only) is None


def test_sizes_read_naturally():
    assert [import_report.size(n) for n in (812, 1_500, 104_857_600)] == ["812 B", "1.5 KB", "104.9 MB"]


def test_the_summary_counts_failed_rows_not_their_problems():
    job = {"id": "j", "kind": "erp-sales-orders", "filename": "orders.csv", "status": "completed",
           "counts": {"rows_read": 34, "created": 26, "updated": 2, "unchanged": 3, "skipped": 0, "failed": 3}}
    problems = [{"row_number": 31, "field": "sales_order_number", "reason": "is required"},
                {"row_number": 32, "field": "order_date", "reason": "not a real date"},
                {"row_number": 32, "field": "total_amount", "reason": "not an amount"},
                {"row_number": 33, "field": "customer_accounting_id", "reason": "unknown"}]
    assert "failed rows (all 3):" in import_report.summary(job, problems, csv_url="u")
    assert "failed rows (the first 2 of 3):" in import_report.summary(job, problems[:3], csv_url="u")
