"""`./crm backup` / `./crm restore` (GEN-9, issue 11): a loaded platform backed up, restored into fresh
databases and a fresh JetStream, and started again has the same rows and the same account overview."""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import stat
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import httpx
import pytest

from crmctl import backup
from crmctl.deploy_secrets import PROCESSES
from crmctl.infra import free_port, start_embedded_nats
from crmctl.platform import Platform, database_url
from tests.e2e.support import DEMO_PASSWORD, Api, submission

pytestmark = pytest.mark.e2e
FORM = "/api/v1/web-forms/how-to-spec-out-a-kiosk/submissions"


def _platform(infra, data_dir: Path, nats, prefix: str) -> Platform:
    return Platform(infra=dataclasses.replace(infra, nats=nats), data_dir=data_dir, http_port=free_port(),
                    db_prefix=prefix, extra_env={"CRM_GATEWAY_DEMO_PASSWORD": DEMO_PASSWORD,
                                                 "CRM_GATEWAY_WEB_FORM_RATE_LIMIT": "1000"})


async def _counts(pg_url: str, prefix: str) -> dict[str, int]:
    """Rows per table in every process's database, but the inbox (rows there are the consumers' memory,
    which replays may order differently) and the outbox's publication marks."""
    counts = {}
    for process in PROCESSES:
        conn = await asyncpg.connect(database_url(pg_url, f"{prefix}_{process}"))
        try:
            tables = await conn.fetch("select tablename from pg_tables where schemaname = 'public' "
                                      "and tablename not in ('alembic_version')")
            for row in tables:
                table = row["tablename"]
                counts[f"{process}.{table}"] = await conn.fetchval(f'select count(*) from "{table}"')
        finally:
            await conn.close()
    return counts


def _settled(pg_url: str, prefix: str, timeout: float = 60.0) -> dict[str, int]:
    """The counts once they stop moving (every event relayed and consumed)."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        now = asyncio.run(_counts(pg_url, prefix))
        if now == last:
            return now
        last = now
        time.sleep(2)
    raise AssertionError("the platform never settled")


def _load(api_url: str) -> tuple[str, Api]:
    """Leads from the form, an account with a contact and a child; answers the account's id and the
    admin who made it."""
    for _ in range(15):
        assert httpx.post(f"{api_url}{FORM}", json=submission()).status_code == 202
    admin = Api(api_url, "admin")
    tag = uuid.uuid4().hex[:8]
    parent = admin.post("/api/v1/accounts", json={"name": f"Backup {tag}", "type": "customer", "state": "MA"})
    assert parent.status_code == 201, parent.text
    child = admin.post("/api/v1/accounts", json={"name": f"Backup {tag} office", "type": "customer", "state": "MA",
                                                 "subtype": "office", "parent_id": parent.json()["id"]})
    assert child.status_code == 201, child.text
    contact = admin.post("/api/v1/contacts", json={"account_id": parent.json()["id"], "first_name": "Ann",
                                                   "last_name": f"Lee {tag}"})
    assert contact.status_code == 201, contact.text
    return parent.json()["id"], admin


def test_a_backup_restored_into_fresh_servers_gives_the_same_data(infra, tmp_path):
    before_dir = Path(tempfile.mkdtemp(prefix="crm-backup-a-"))
    after_dir = Path(tempfile.mkdtemp(prefix="crm-backup-b-"))
    old, new = f"bka_{uuid.uuid4().hex[:8]}", f"bkb_{uuid.uuid4().hex[:8]}"
    pg_url = infra.postgres.url
    with contextlib.ExitStack() as stack:
        nats_before = start_embedded_nats(before_dir / "nats", stack)
        before = _platform(infra, before_dir, nats_before, old)
        stack.callback(before.stop)
        before.start()
        before.load_demo()
        account, admin = _load(before.url)
        overview = admin.get(f"/api/v1/accounts/{account}/overview")
        assert overview.status_code == 200, overview.text
        counts = _settled(pg_url, old)  # logins count too: none after this

        out = tmp_path / "backup"
        manifest = backup.backup(out, postgres_url=pg_url, nats_url=nats_before.url,
                                 databases={p: f"{old}_{p}" for p in PROCESSES}, secrets_dir=before_dir / "secrets")
        before.stop()
        assert stat.S_IMODE(out.stat().st_mode) == 0o700
        assert set(manifest["databases"]) == set(PROCESSES) and manifest["streams"]
        assert json.loads((out / backup.MANIFEST).read_text())["finished_at"]

        nats_after = start_embedded_nats(after_dir / "nats", stack)
        backup.restore(out, postgres_url=pg_url, nats_url=nats_after.url,
                       databases={p: f"{new}_{p}" for p in PROCESSES}, secrets_dir=after_dir / "secrets")
        after = _platform(infra, after_dir, nats_after, new)
        stack.callback(after.stop)
        after.start()
        assert _settled(pg_url, new) == counts
        again = Api(after.url, "admin").get(f"/api/v1/accounts/{account}/overview")  # the same password: same users
        assert again.status_code == 200 and again.json() == overview.json()
