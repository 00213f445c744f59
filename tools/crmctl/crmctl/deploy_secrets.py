"""`./crm secrets DIR`: the secret files deploy/compose.yaml and the Kubernetes secretGenerator read.

One file per secret (0600, in a 0700 folder), generated once and kept: running it again fills in
what is missing and changes nothing else. The folders it is meant for are gitignored; nothing
here ever goes into an image or a commit.
"""
from __future__ import annotations

import json
import secrets
from pathlib import Path

from crmkit.principal import generate_keypair

from crmctl.platform import CALLS, DELEGATES, SERVICES, database_url
from crmctl.secret_files import password, private_folder, write_private

PROCESSES = ["gateway", *SERVICES]


def _keep(folder: Path, name: str, make) -> str:
    path = folder / name
    if not path.exists():
        write_private(path, make())
    return path.read_text()


def _pair(folder: Path, name: str) -> tuple[str, str]:
    if not (folder / f"{name}_private_key").exists():
        private, public = generate_keypair()
        write_private(folder / f"{name}_private_key", private)
        write_private(folder / f"{name}_public_key", public)
    return (folder / f"{name}_private_key").read_text(), (folder / f"{name}_public_key").read_text()


def write(folder: Path, *, postgres_url: str | None = None, nats_host: str = "nats",
          redis_host: str = "redis") -> list[str]:
    """Write what is missing; answer the file names. `postgres_url` is the server's admin URL
    (a managed server's); without it the compose file's own PostgreSQL, with a generated password."""
    folder = private_folder(folder)
    pg_password = password(folder, "postgres_password")
    server = postgres_url or f"postgresql://postgres:{pg_password}@postgres:5432/postgres"
    nats_password, redis_password = password(folder, "nats_password"), password(folder, "redis_password")
    _keep(folder, "jwt_secret", lambda: secrets.token_urlsafe(48))
    _pair(folder, "principal")
    delegates = {svc: _pair(folder, svc) for svc in DELEGATES}
    for process in PROCESSES:
        _keep(folder, f"{process}_database_url", lambda p=process: database_url(server, f"crm_{p}"))
    _keep(folder, "nats_url", lambda: f"nats://crm:{nats_password}@{nats_host}:4222")
    _keep(folder, "redis_url", lambda: f"redis://:{redis_password}@{redis_host}:6379/0")
    _keep(folder, "nats.conf", lambda: (
        'listen: "0.0.0.0:4222"\nhttp: "0.0.0.0:8222"\n'
        'jetstream { store_dir: "/data", sync_interval: always }\n'
        f'authorization {{ user: "crm", password: "{nats_password}" }}\n'))
    for service in SERVICES:
        trusted = [{"name": f"crm-{caller}", "public_key_pem": delegates[caller][1], "roles": list(roles)}
                   for caller, roles in DELEGATES.items() if service in CALLS.get(caller, [])]
        _keep(folder, f"{service}_trusted_issuers", lambda t=trusted: json.dumps(t))
    return sorted(p.name for p in folder.iterdir())
