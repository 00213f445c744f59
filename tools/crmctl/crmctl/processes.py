"""A child process of `./crm up` (a service, the gateway, an embedded server): its output goes to an
owner-only, rotated, masked log, and the supervisor can start it again with the same command."""
from __future__ import annotations

import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from crmctl.logs import LogFile


@dataclass
class Process:
    name: str
    argv: list[str]
    env: dict[str, str] | None  # None: this process's environment
    log: LogFile
    port: int = 0
    kind: str = "service"  # "gateway" or "server" too: how `./crm status` probes its health
    metrics_port: int = 0  # where its Prometheus metrics answer (crmkit.metrics)
    user: str | None = None
    popen: subprocess.Popen | None = None

    @property
    def log_path(self) -> Path:
        return self.log.path

    def start(self) -> None:
        popen = subprocess.Popen(self.argv, env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, start_new_session=True, user=self.user)
        assert popen.stdout is not None  # stdout=PIPE
        self.popen = popen
        self.log.pump(popen.stdout)

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def exit_code(self) -> int | None:
        return None if self.popen is None else self.popen.poll()

    def pid(self) -> int | None:
        return None if self.popen is None else self.popen.pid

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20.0) -> None:
        popen = self.popen
        if popen is None or popen.poll() is not None:
            return
        popen.send_signal(sig)
        try:
            popen.wait(timeout)
        except subprocess.TimeoutExpired:
            popen.kill()
            popen.wait()
