"""`./crm import KIND FILE`: send a file to the running platform's import API, follow the job to its
end and say what became of every row. It talks HTTP like any client (the file streams from disk, so
a 100 MB export is fine), as the user in $CRM_USER/$CRM_PASSWORD or the API client of $CRM_API_KEY."""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import httpx

from crmctl import import_report

SHOWN_FAILURES = 20
_UPLOAD_TIMEOUT = httpx.Timeout(30.0, read=15 * 60.0)  # the answer comes once the whole file reached the service


class Refused(Exception):
    """Why the platform (or the network) said no, in words for the person at the terminal."""


def default_url(env: Mapping[str, str]) -> str:
    """$CRM_URL, else where `./crm up` serves ($CRM_HTTP_PORT, default 8000)."""
    return (env.get("CRM_URL") or f"http://127.0.0.1:{env.get('CRM_HTTP_PORT') or '8000'}").rstrip("/")


@dataclass(frozen=True)
class Credentials:
    api_key: str = ""
    username: str = ""
    password: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Credentials:
        """$CRM_API_KEY wins; else $CRM_USER and $CRM_PASSWORD, both needed."""
        if env.get("CRM_API_KEY"):
            return cls(api_key=env["CRM_API_KEY"])
        if env.get("CRM_USER") and env.get("CRM_PASSWORD"):
            return cls(username=env["CRM_USER"], password=env["CRM_PASSWORD"])
        raise Refused("no credentials: set CRM_API_KEY, or CRM_USER and CRM_PASSWORD")


def problem_message(response: httpx.Response, *, login: bool = False) -> str:
    """An error answer (RFC 9457 problem+json) as one line: its detail and the fields at fault."""
    try:
        body = response.json()
        detail = body.get("detail") or response.reason_phrase
        fields = "; ".join(e["field"] if e["message"] == detail else f"{e['field']}: {e['message']}"
                           for e in body.get("errors") or [])
    except (ValueError, AttributeError, KeyError, TypeError):
        detail, fields = response.text.strip()[:200] or response.reason_phrase, ""
    if login and response.status_code in (400, 401, 422, 429):
        return f"login refused: {detail}"
    prefix = {401: "not authenticated", 403: "not allowed", 404: "not found", 422: "refused"}.get(
        response.status_code, f"HTTP {response.status_code}")
    return f"{prefix}: {detail}" + (f" ({fields})" if fields else "")


class Importer:
    """The import API of one platform, as one caller."""

    def __init__(self, http: httpx.Client, credentials: Credentials) -> None:
        self._http = http
        self._credentials = credentials
        self._bearer: dict[str, str] | None = None

    def _send(self, method: str, path: str, headers: dict[str, str], **kwargs) -> httpx.Response:
        try:
            return self._http.request(method, path, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            raise Refused(f"cannot reach {self._http.base_url} ({exc}); is the platform up (./crm up)?") from exc

    def _login(self) -> dict[str, str]:
        response = self._send("POST", "/api/v1/auth/token", {}, data={
            "username": self._credentials.username, "password": self._credentials.password})
        if response.is_error:
            raise Refused(problem_message(response, login=True))
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    def _headers(self, *, fresh: bool = False) -> dict[str, str]:
        if self._credentials.api_key:
            return {"X-API-Key": self._credentials.api_key}
        if fresh or self._bearer is None:
            self._bearer = self._login()
        return self._bearer

    def _answer(self, response: httpx.Response) -> dict:
        if response.is_error:
            raise Refused(problem_message(response))
        return response.json()

    def _get(self, path: str, **params) -> dict:
        response = self._send("GET", path, self._headers(), params=params)
        if response.status_code == 401 and not self._credentials.api_key:  # the access token ran out: log in again
            response = self._send("GET", path, self._headers(fresh=True), params=params)
        return self._answer(response)

    def upload(self, kind: str, path: Path) -> dict:
        """The queued job; the file is read from disk as it is sent."""
        with path.open("rb") as file:
            return self._answer(self._send("POST", "/api/v1/imports", self._headers(), timeout=_UPLOAD_TIMEOUT,
                                           data={"kind": kind, "source": "cli"},
                                           files={"file": (path.name, file, "text/csv")}))

    def job(self, job_id: str) -> dict:
        return self._get(f"/api/v1/imports/{job_id}")

    def failures(self, job_id: str, limit: int) -> list[dict]:
        return self._get(f"/api/v1/imports/{job_id}/failures", limit=limit)["items"]

    def follow(self, job: dict, on_progress: Callable[[dict], None], *, interval: float = 0.5) -> dict:
        """Poll the job until it is completed or failed, reporting each state seen."""
        while True:
            on_progress(job)
            if job["status"] in import_report.FINISHED:
                return job
            time.sleep(interval)
            job = self.job(job["id"])


def run(kind: str, path: Path, *, url: str, env: Mapping[str, str], out: TextIO, err: TextIO,
        interval: float = 0.5, transport: httpx.BaseTransport | None = None) -> int:
    """The whole command: 0 when the job completed (even with failed rows), 1 otherwise."""
    if not path.is_file():
        print(f"crm import: no such file: {path}", file=err)
        return 2
    try:
        credentials = Credentials.from_env(env)
        with httpx.Client(base_url=url, transport=transport, timeout=30.0) as http:
            importer = Importer(http, credentials)
            print(f"crm import: uploading {path.name} ({import_report.size(path.stat().st_size)}) to {url}", file=err)
            with import_report.Progress(err, estimated_rows=import_report.estimate_rows(path)) as progress:
                job = importer.follow(importer.upload(kind, path), progress.show, interval=interval)
            failures = importer.failures(job["id"], SHOWN_FAILURES) if job["counts"]["failed"] else []
    except Refused as exc:
        print(f"crm import: {exc}", file=err)
        return 1
    out.write(import_report.summary(job, failures, csv_url=f"{url}/api/v1/imports/{job['id']}/failures.csv"))
    return 0 if job["status"] == "completed" else 1


def main(kind: str, file: str, url: str | None) -> int:
    """From the command line: a relative FILE is where the caller stood when running ./crm."""
    path = Path(os.environ.get("CRM_CALLER_DIR") or ".") / file
    return run(kind, path, url=(url or default_url(os.environ)).rstrip("/"), env=os.environ, out=sys.stdout,
               err=sys.stderr)
