"""The web client's checks that run in ./crm test (issue 9): its generated API client matches the gateway,
its type check and Vitest suite pass."""
from __future__ import annotations

import subprocess

from crmctl import web


def test_generated_api_client_matches_the_gateway():
    """Stale when a route or schema changed without `./crm web-api`."""
    text, types = web.render_client(web.openapi_document())
    assert web.SCHEMA_JSON.read_text() == text, "web/src/api/generated is stale: run ./crm web-api"
    assert web.SCHEMA_TS.read_text() == types, "web/src/api/generated is stale: run ./crm web-api"


def test_type_check_and_vitest_pass():
    web.ensure_installed()
    for script in ("typecheck", "test"):
        result = subprocess.run(web.npm_command("run", script), cwd=web.WEB, env=web.node_env(),
                                capture_output=True, text=True)
        assert result.returncode == 0, f"npm run {script}:\n{result.stdout[-6000:]}{result.stderr[-3000:]}"
