"""Log files of the platform's processes: owner-only, rotated by size, with secrets masked.

Each process's output goes through a pipe into its LogFile, so nothing a child prints reaches the
disk before the password of a server URL or a generated secret is masked (issue 11).
"""
from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import IO

# user:password@ in any URL a process prints (a database or broker address in an error message).
_URL_PASSWORD = re.compile(rb"(://[^:/@\s]*:)[^@\s]+@")
MASK = b"***"


class LogFile:
    def __init__(self, path: Path, *, secrets: Iterable[str] = (), max_bytes: int = 10 * 1024 * 1024,
                 backups: int = 3) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.backups = backups
        self._secrets = sorted({s.encode() for s in secrets if len(s) >= 6}, key=len, reverse=True)
        self._lock = threading.Lock()
        self._file: IO[bytes] | None = None

    def write(self, data: bytes) -> None:
        data = _URL_PASSWORD.sub(rb"\1" + MASK + b"@", data)
        for secret in self._secrets:
            data = data.replace(secret, MASK)
        with self._lock:
            if self._file is None:
                self._file = _open_private(self.path)
            self._file.write(data)
            self._file.flush()
            if self._file.tell() >= self.max_bytes:
                self._rotate()

    def note(self, line: str) -> None:
        self.write(line.rstrip("\n").encode() + b"\n")

    def pump(self, stream: IO[bytes]) -> threading.Thread:
        """Copy `stream` (a child's stdout) into the file until it closes."""
        def copy() -> None:
            with stream:
                for line in iter(stream.readline, b""):
                    self.write(line)

        thread = threading.Thread(target=copy, name=f"log {self.path.name}", daemon=True)
        thread.start()
        return thread

    def _rotate(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file = None
        for n in range(self.backups - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{n}")
            if older.exists():
                older.replace(self.path.with_name(f"{self.path.name}.{n + 1}"))
        self.path.replace(self.path.with_name(f"{self.path.name}.1"))


def _open_private(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.fchmod(fd, 0o600)  # a log left by an older ./crm up may be world-readable
    return os.fdopen(fd, "ab")
