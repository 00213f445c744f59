"""Keep the platform's processes running: restart a process that died, with backoff, and record
what runs where in a state file that `./crm status` reads (issue 11).

A crashed service must not take the platform down: the gateway answers 503 for the calls that need
it (crmkit maps gRPC UNAVAILABLE to that) until the restarted process serves again.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from crmctl.logs import LogFile


class Supervised(Protocol):
    name: str
    kind: str
    port: int
    metrics_port: int
    log: LogFile

    def alive(self) -> bool: ...
    def start(self) -> None: ...
    def exit_code(self) -> int | None: ...
    def pid(self) -> int | None: ...


@dataclass
class Backoff:
    """Delay before restart number n of a streak: first, first*factor, ... up to cap. A process that
    stayed up `stable_after` seconds starts a new streak, so a rare crash is retried at once."""

    first: float = 0.5
    factor: float = 2.0
    cap: float = 30.0
    stable_after: float = 60.0

    def delay(self, streak: int) -> float:
        return min(self.cap, self.first * self.factor ** streak)


@dataclass
class _Watch:
    process: Supervised
    restarts: int = 0
    streak: int = 0
    started: float = field(default_factory=time.monotonic)
    restart_at: float | None = None
    last_exit: int | None = None


class Supervisor:
    def __init__(self, processes: list[Supervised], state_file: Path, *, backoff: Backoff | None = None,
                 extra: dict | None = None, on_event: Callable[[str], None] = lambda msg: None) -> None:
        self.backoff = backoff or Backoff()
        self.state_file = state_file
        self.extra = extra or {}
        self.on_event = on_event
        self._watches = [_Watch(p) for p in processes]

    def restarts(self, name: str) -> int:
        return next(w.restarts for w in self._watches if w.process.name == name)

    def check(self, now: float | None = None) -> None:
        """One round: schedule a restart for each process found dead, start those whose time came."""
        now = time.monotonic() if now is None else now
        changed = False
        for w in self._watches:
            p = w.process
            if p.alive():
                if w.streak and now - w.started >= self.backoff.stable_after:
                    w.streak = 0
                continue
            if w.restart_at is None:
                w.last_exit = p.exit_code()
                delay = self.backoff.delay(w.streak)
                w.restart_at = now + delay
                self._say(p, f"{p.name} exited with code {w.last_exit}; restarting in {delay:.1f}s")
                changed = True
            elif now >= w.restart_at:
                p.start()
                w.restarts += 1
                w.streak += 1
                w.started, w.restart_at = now, None
                self._say(p, f"{p.name} restarted (restart {w.restarts}, pid {p.pid()})")
                changed = True
        if changed:
            self.write_state()

    def run(self, stop, interval: float = 0.2) -> None:
        """Supervise until `stop` (a threading.Event) is set."""
        self.write_state()
        while not stop.wait(interval):
            self.check()

    def write_state(self) -> None:
        state = {
            **self.extra,
            "supervisor_pid": os.getpid(),
            "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "processes": [{"name": w.process.name, "kind": w.process.kind, "pid": w.process.pid(),
                           "port": w.process.port,
                           "metrics_port": w.process.metrics_port,
                           "restarts": w.restarts, "last_exit": w.last_exit,
                           "state": "running" if w.restart_at is None else "restarting",
                           "log": str(w.process.log.path)} for w in self._watches],
        }
        self.state_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = self.state_file.with_suffix(".tmp")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump(state, f, indent=2)
        partial.replace(self.state_file)  # `./crm status` never reads half a file

    def _say(self, process: Supervised, message: str) -> None:
        self.on_event(message)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        process.log.note(f"{stamp} crm supervisor: {message}")
