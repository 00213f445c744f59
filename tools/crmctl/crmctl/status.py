"""`./crm status`: what the running `./crm up` supervises, each process's port, restarts and health,
read from the state file `up` keeps and probed live (gRPC health, the gateway's /readyz, a TCP
connect for the servers)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import grpc
import httpx
from grpc_health.v1 import health_pb2, health_pb2_grpc

from crmctl.infra import listening

STATE_FILE = Path("run") / "platform.json"


def grpc_health(port: int, timeout: float = 1.0) -> str:
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=timeout)
        except grpc.RpcError as exc:
            return exc.code().name.lower()
        return health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status).lower()


def http_ready(port: int, timeout: float = 1.0) -> str:
    try:
        r = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=timeout)
    except httpx.HTTPError:
        return "unreachable"
    return "ready" if r.status_code == 200 else f"not ready ({r.status_code})"


def health(entry: dict) -> str:
    if entry.get("state") == "restarting":
        return "restarting"
    kind, port = entry.get("kind"), entry.get("port")
    if not port:
        return "-"
    if kind == "gateway":
        return http_ready(port)
    if kind == "service":
        return grpc_health(port)
    return "listening" if listening(port, entry.get("host", "127.0.0.1")) else "unreachable"


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def report(data_dir: Path) -> tuple[int, str]:
    """(exit code, text): 0 when `up` runs and every process is healthy, 1 otherwise, 3 when not running."""
    path = data_dir / STATE_FILE
    try:
        state = json.loads(path.read_text())
    except (OSError, ValueError):
        return 3, f"crm: not running (no {path})"
    if not _pid_alive(state.get("supervisor_pid")):
        return 3, f"crm: not running (the last ./crm up, pid {state.get('supervisor_pid')}, has stopped)"
    rows = [("process", "pid", "port", "metrics", "restarts", "health")]
    healthy = True
    for entry in state["processes"]:
        found = health(entry)
        healthy &= found in ("serving", "ready", "listening", "-")
        rows.append((entry["name"], str(entry.get("pid") or "-"), str(entry.get("port") or "-"),
                     str(entry.get("metrics_port") or "-"), str(entry.get("restarts", "-")), found))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [f"crm: up at {state.get('url')} (supervisor pid {state['supervisor_pid']})"]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip() for row in rows]
    return (0 if healthy else 1), "\n".join(lines)
