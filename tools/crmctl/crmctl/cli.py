"""Dispatch of `./crm COMMAND`."""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from crmctl.protos import ROOT


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="./crm", description="Run, test and develop the CRM platform.")
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start the whole platform (Ctrl-C stops it)")
    up.add_argument("--demo", action="store_true", help="also load the reference organisation and landing pages")
    up.add_argument("--replicas", type=parse_replicas, default={}, metavar="SVC=N,...",
                    help="run N processes of a service behind client-side round-robin, e.g. leads=2,accounts=2")
    sub.add_parser("status", help="show what ./crm up runs: every process, its port, restarts and health")
    deploy_secrets = sub.add_parser(
        "secrets", help="generate the secret files deploy/compose.yaml and the Kubernetes overlays read",
        description="Write each missing secret of a deployment as a 0600 file in DIR (kept when present): "
                    "deploy/secrets for compose, deploy/k8s/overlays/<env>/secrets for Kubernetes.")
    deploy_secrets.add_argument("dir", help="where to write them (a gitignored folder)")
    deploy_secrets.add_argument("--postgres-url", help="admin URL of the PostgreSQL server the services use "
                                                       "(default: the compose file's own server)")
    backup = sub.add_parser("backup", help="dump every database and the event streams, with a manifest (GEN-9)",
                            description="Works whether ./crm up runs or not. Writes $CRM_DATA_DIR/backups/<time>/ "
                                        "unless --to names a new folder.")
    backup.add_argument("--to", help="the folder to create")
    restore = sub.add_parser("restore", help="bring a fresh CRM_DATA_DIR back to a backup (then ./crm up)")
    restore.add_argument("backup", help="a folder written by ./crm backup")
    sub.add_parser("test", help="run the whole test suite (extra arguments go to pytest)")
    sub.add_parser("protos", help="regenerate protos/python/gen from protos/")
    sub.add_parser("web-api", help="regenerate the web client's API types (web/src/api/generated) from the gateway")
    imports = sub.add_parser(
        "import", help="import a file into the running platform, showing progress and the final counts",
        description="Upload FILE as an import of KIND to the running platform, follow the job, then print its "
                    "counts and first failed rows. Authenticates with $CRM_API_KEY, else $CRM_USER and "
                    "$CRM_PASSWORD. Exit code 0 when the job completed (even with failed rows), 1 otherwise.")
    imports.add_argument("kind", help="what the file holds: erp-customers, erp-locations, erp-kiosks, "
                                      "erp-sales-orders, erp-finance, legacy-contacts, legacy-email-history, "
                                      "legacy-notes or trade-show-leads")
    imports.add_argument("file", help="the CSV file")
    imports.add_argument("--url", help="the platform's API (default: $CRM_URL, else http://127.0.0.1:$CRM_HTTP_PORT, "
                                       "where ./crm up serves)")
    return parser


def parse_replicas(text: str) -> dict[str, int]:
    from crmctl.platform import SERVICES

    replicas = {}
    for item in filter(None, text.split(",")):
        name, _, count = item.partition("=")
        if name not in SERVICES or not count.isdigit() or int(count) < 1:
            raise argparse.ArgumentTypeError(f"{item!r}: expected SERVICE=N with N >= 1 and SERVICE one of "
                                             f"{', '.join(SERVICES)}")
        replicas[name] = int(count)
    return replicas


def _data_dir() -> Path:
    return Path(os.environ.get("CRM_DATA_DIR", ROOT / "var")).resolve()


def main(argv: list[str] | None = None) -> None:
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if rest and args.command != "test":
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.command == "up":
        sys.exit(_up(demo=args.demo, replicas=args.replicas))
    if args.command == "status":
        from crmctl import status

        code, text = status.report(_data_dir())
        print(text)
        sys.exit(code)
    if args.command == "test":
        sys.exit(subprocess.call([sys.executable, "-m", "pytest", *rest], cwd=ROOT))
    if args.command == "import":
        from crmctl import importer

        sys.exit(importer.main(args.kind, args.file, args.url))
    if args.command == "web-api":
        from crmctl import web

        for path in web.generate_api():
            print(path.relative_to(ROOT))
        return
    if args.command == "secrets":
        from crmctl import deploy_secrets

        folder = Path(os.environ.get("CRM_CALLER_DIR", ".")) / args.dir
        for name in deploy_secrets.write(folder, postgres_url=args.postgres_url):
            print(folder / name)
        return
    if args.command in ("backup", "restore"):
        from crmctl import backup_cli

        sys.exit(backup_cli.run(args, _data_dir(), Path(os.environ.get("CRM_CALLER_DIR", "."))))
    if args.command == "protos":
        from crmctl import protos

        for path in protos.generate():
            print(path.relative_to(ROOT))


def _up(*, demo: bool, replicas: dict[str, int]) -> int:
    from crmctl import infra, web
    from crmctl.platform import Platform
    from crmctl.secret_files import private_folder
    from crmctl.status import STATE_FILE
    from crmctl.supervisor import Supervisor

    data_dir = _data_dir()
    port = int(os.environ.get("CRM_HTTP_PORT", "8000"))
    if demo and not os.environ.get("CRM_DEMO_PASSWORD"):
        print("crm: --demo needs CRM_DEMO_PASSWORD (the password every demo user gets)", file=sys.stderr)
        return 2
    stop = threading.Event()
    # Only Ctrl-C (or a SIGTERM sent to ./crm up itself) stops the platform; a dead process restarts.
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(f"crm: data in {data_dir}", flush=True)
    private_folder(data_dir)
    found = infra.for_platform(data_dir)
    platform = Platform(infra=found, data_dir=data_dir, http_port=port, replicas=replicas, default_ports=True)
    try:
        print(f"crm: {found.describe()}", flush=True)
        web.ensure_built(on_step=lambda msg: print(f"crm: {msg}", flush=True))
        platform.start(on_step=lambda msg: print(f"crm: {msg}", flush=True))
        if demo:
            print(platform.load_demo().strip() or "crm: demo organisation loaded", flush=True)
        print(f"crm: up at {platform.url}  (API docs: {platform.url}/docs; logs: {data_dir / 'log'})", flush=True)
        print("crm: press Ctrl-C to stop; ./crm status shows every process", flush=True)
        supervisor = Supervisor([*found.servers(), *platform.processes], data_dir / STATE_FILE,
                                extra={"url": platform.url, "server_urls": found.urls()},
                                on_event=lambda msg: print(f"crm: {msg}", file=sys.stderr, flush=True))
        supervisor.run(stop)
        return 0
    except RuntimeError as exc:
        print(f"crm: {exc}", file=sys.stderr)
        return 1
    finally:
        print("crm: stopping", flush=True)
        platform.stop()
        found.close()
        (data_dir / STATE_FILE).unlink(missing_ok=True)
        print("crm: stopped", flush=True)
