"""Dispatch of `./crm COMMAND`."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="./crm", description="Run, test and develop the CRM platform.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("protos", help="regenerate protos/python/gen from protos/")
    args, rest = parser.parse_known_args(argv)
    if args.command == "protos":
        from crmctl import protos

        for path in protos.generate():
            print(path.relative_to(protos.ROOT))
    sys.exit(0)
