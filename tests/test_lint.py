"""ruff and mypy over the whole repository, with the pinned configuration in pyproject.toml (issue 8
item 8): `./crm test` fails when either finds something, and prints what."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Every hand-written package; generated stubs are checked by test_contracts.py instead.
PACKAGES = ["crmkit", "crm_leads", "crm_accounts", "crm_integration", "crm_sales", "crm_gateway", "crmctl"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing():
    result = run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, f"ruff check (fix: .venv/bin/ruff check --fix .)\n{result.stdout}{result.stderr}"


def test_mypy_finds_nothing():
    packages = [arg for name in PACKAGES for arg in ("-p", name)]
    result = run("mypy", "--cache-dir", str(ROOT / ".venv" / "mypy-cache"), *packages)
    assert result.returncode == 0, f"mypy\n{result.stdout}{result.stderr}"
