"""Command line: `python -m crm_gateway serve|migrate|load-demo|create-admin USERNAME`."""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path

from crmkit import migrations
from crmkit.errors import CrmError
from crmkit.logging import configure_logging
from crmkit.telemetry import configure_tracing

from crm_gateway.settings import GatewaySettings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
log = logging.getLogger("crm_gateway")


def _without_query(record: logging.LogRecord) -> bool:
    """Access log lines keep the path, never the query: it carries search terms (issue 11)."""
    if isinstance(record.args, tuple) and len(record.args) == 5:
        client, method, path, version, status = record.args
        record.args = (client, method, str(path).split("?", 1)[0], version, status)
    return True


def _serve(settings: GatewaySettings) -> None:
    import uvicorn

    from crm_gateway.app import create_app
    from crm_gateway.middleware import RequestIdLogFilter

    for handler in logging.getLogger().handlers:
        handler.addFilter(RequestIdLogFilter())
    logging.getLogger("uvicorn.access").addFilter(_without_query)
    uvicorn.Server(server_config(create_app(settings), settings)).run()


def server_config(app, settings: GatewaySettings):
    """Uvicorn's settings for the app. Its own proxy-header handling is off (it would believe
    X-Forwarded-For from any local peer): the gateway reads it itself, from `trusted_proxies` only."""
    import uvicorn

    return uvicorn.Config(app, host=settings.http_host, port=settings.http_port, log_config=None, lifespan="on",
                          timeout_graceful_shutdown=10, proxy_headers=False, loop="uvloop", http="httptools",
                          timeout_keep_alive=settings.http_keep_alive_seconds)


async def _load_demo(settings: GatewaySettings) -> None:
    from crm_gateway.bootstrap import running
    from crm_gateway.demo import loader

    if settings.demo_password is None:
        sys.exit("load-demo: set CRM_GATEWAY_DEMO_PASSWORD (the password every demo user gets)")
    async with running(settings) as runtime:
        counts = await loader.load_org(gw=runtime.gateway, password=settings.demo_password.get_secret_value())
        print(f"organisation: {counts}")
        created = await loader.register_forms(gw=runtime.gateway)
        print(f"web forms created: {created or 'none (all exist)'}")


async def _create_admin(settings: GatewaySettings, username: str, email: str | None, full_name: str | None) -> None:
    from crm_gateway.bootstrap import running
    from crm_gateway.demo import loader

    password = os.environ.get("CRM_GATEWAY_ADMIN_PASSWORD")
    if not password:
        sys.exit("create-admin: set CRM_GATEWAY_ADMIN_PASSWORD")
    async with running(settings) as runtime:
        user_id = await loader.ensure_admin(gw=runtime.gateway, username=username, password=password,
                                            email=email or f"{username}@localhost", full_name=full_name or username)
    print(f"admin {username} ready (id {user_id})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="crm_gateway", description="The CRM's API gateway.")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="serve the REST API (default)")
    sub.add_parser("migrate", help="bring the gateway database to the latest schema")
    sub.add_parser("load-demo", help="load the demo organisation and landing-page forms (idempotent)")
    admin = sub.add_parser("create-admin", help="create or reset an admin; password from CRM_GATEWAY_ADMIN_PASSWORD")
    admin.add_argument("username")
    admin.add_argument("--email")
    admin.add_argument("--full-name")
    args = parser.parse_args(argv)
    settings = GatewaySettings()
    configure_logging("gateway", level=settings.log_level, fmt=settings.log_format)
    command = args.command or "serve"
    if command == "migrate":
        migrations.upgrade(settings.database_url, MIGRATIONS_DIR)
        return
    configure_tracing("gateway", settings.otlp_endpoint)
    if command == "serve":
        _serve(settings)
    elif command == "load-demo":
        asyncio.run(_load_demo(settings))
    else:
        try:
            asyncio.run(_create_admin(settings, args.username, args.email, args.full_name))
        except CrmError as exc:
            sys.exit(f"create-admin: {exc.detail} {[p.field for p in exc.problems]}")


if __name__ == "__main__":
    main()
