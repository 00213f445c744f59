"""Generated secrets kept under $CRM_DATA_DIR/secrets: the folder 0700, each file 0600."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def private_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)  # a folder left by an older ./crm up may be open to other users
    return folder


def write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)


def password(folder: Path, name: str) -> str:
    """The password stored as `name` in `folder`, generated on first use (URL-safe: no escaping)."""
    path = private_folder(folder) / name
    if not path.exists():
        write_private(path, secrets.token_urlsafe(24))
    path.chmod(0o600)
    return path.read_text().strip()
