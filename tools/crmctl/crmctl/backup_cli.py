"""`./crm backup` / `./crm restore` against the local platform's servers: those of the running
`./crm up` (its state file), else the embedded or configured servers, started for the occasion."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from crmctl import backup, infra
from crmctl.deploy_secrets import PROCESSES
from crmctl.status import STATE_FILE, report

DATABASES = {process: f"crm_{process}" for process in PROCESSES}


def _running_servers(data_dir: Path) -> dict[str, str] | None:
    code, _ = report(data_dir)
    if code == 3:
        return None
    return json.loads((data_dir / STATE_FILE).read_text())["server_urls"]


def run(args, data_dir: Path, caller_dir: Path) -> int:
    try:
        if args.command == "backup":
            return _backup(data_dir, (caller_dir / args.to) if args.to else backup.default_folder(data_dir))
        return _restore(data_dir, caller_dir / args.backup)
    except RuntimeError as exc:
        print(f"crm: {exc}", file=sys.stderr)
        return 1


def _backup(data_dir: Path, out: Path) -> int:
    with contextlib.ExitStack() as stack:
        urls = _running_servers(data_dir)
        if urls is None:
            found = infra.for_platform(data_dir)
            stack.callback(found.close)
            urls = {"postgres": found.postgres.url, "nats": found.nats.url}
        manifest = backup.backup(out, postgres_url=urls["postgres"], nats_url=urls["nats"], databases=DATABASES,
                                 secrets_dir=data_dir / "secrets")
    events = sum(s["messages"] for s in manifest["streams"].values())
    print(f"crm: backed up {len(manifest['databases'])} databases and {events} events to {out}")
    return 0


def _restore(data_dir: Path, source: Path) -> int:
    if _running_servers(data_dir) is not None:
        raise RuntimeError("./crm up is running on this data dir: restore into a fresh CRM_DATA_DIR")
    backup.refuse_used(data_dir)
    found = infra.for_platform(data_dir)
    try:
        manifest = backup.restore(source, postgres_url=found.postgres.url, nats_url=found.nats.url,
                                  databases=DATABASES, secrets_dir=data_dir / "secrets")
    finally:
        found.close()
    print(f"crm: restored {len(manifest['databases'])} databases and {len(manifest['streams'])} streams into "
          f"{data_dir}; ./crm up starts it and the read models catch up from the streams")
    return 0
