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


def main(argv: list[str] | None = None) -> None:
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if rest and args.command != "test":
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.command == "up":
        sys.exit(_up(demo=args.demo))
    if args.command == "test":
        sys.exit(subprocess.call([sys.executable, "-m", "pytest", *rest], cwd=ROOT))
    if args.command == "import":
        from crmctl import importer

        sys.exit(importer.main(args.kind, args.file, args.url))
    if args.command == "web-api":
        from crmctl import web

        for path in web.generate_api():
            print(path.relative_to(ROOT))
    if args.command == "protos":
        from crmctl import protos

        for path in protos.generate():
            print(path.relative_to(ROOT))


def _up(*, demo: bool) -> int:
    from crmctl import infra, web
    from crmctl.platform import Platform

    data_dir = Path(os.environ.get("CRM_DATA_DIR", ROOT / "var")).resolve()
    port = int(os.environ.get("CRM_HTTP_PORT", "8000"))
    if demo and not os.environ.get("CRM_DEMO_PASSWORD"):
        print("crm: --demo needs CRM_DEMO_PASSWORD (the password every demo user gets)", file=sys.stderr)
        return 2
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(f"crm: data in {data_dir}", flush=True)
    found = infra.for_platform(data_dir)
    platform = Platform(infra=found, data_dir=data_dir, http_port=port, default_ports=True)
    try:
        print(f"crm: {found.describe()}", flush=True)
        web.ensure_built(on_step=lambda msg: print(f"crm: {msg}", flush=True))
        platform.start(on_step=lambda msg: print(f"crm: {msg}", flush=True))
        if demo:
            print(platform.load_demo().strip() or "crm: demo organisation loaded", flush=True)
        print(f"crm: up at {platform.url}  (API docs: {platform.url}/docs; logs: {data_dir / 'log'})", flush=True)
        print("crm: press Ctrl-C to stop", flush=True)
        while not stop.wait(1):
            dead = [p for p in platform.processes if not p.alive()]
            if dead:
                print(f"crm: {dead[0].name} stopped unexpectedly; see {dead[0].log_path}", file=sys.stderr)
                return 1
        return 0
    except RuntimeError as exc:
        print(f"crm: {exc}", file=sys.stderr)
        return 1
    finally:
        print("crm: stopping", flush=True)
        platform.stop()
        found.close()
        print("crm: stopped", flush=True)
