"""Real services for tests that need one beside them: `python -m crm_<name> migrate`, then `serve`
as a subprocess on its own database, ready once gRPC health says SERVING, on a NATS the test
chooses (usually a private embedded one, so durable consumers see no other run's events)."""
from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from crmctl.infra import free_port, start_embedded_nats


@dataclass(frozen=True)
class RunningService:
    name: str  # leads, accounts, ...
    target: str  # host:port of its gRPC server
    nats_url: str  # where it consumes events (the gateway's identity events, in the gateway tests)
    database_url: str
    log_path: Path
    pid: int  # to kill it outright, as a crash would (the block then ends without complaint)


def migrations_dir(name: str) -> Path:
    """The migrations folder of `crm_<name>`, found without importing the service."""
    return Path(importlib.util.find_spec(f"crm_{name}").origin).parent / "migrations"


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _wait_serving(name: str, target: str, proc: subprocess.Popen, log_path: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    with grpc.insecure_channel(target) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"crm_{name} serve exited with {proc.returncode}:\n{tail(log_path)}")
            try:
                # The whole server's status: a service's gRPC API need not carry its name (integration: Imports).
                answer = health.Check(health_pb2.HealthCheckRequest(service=""), timeout=1.0)
                if answer.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"crm_{name} was not SERVING on {target} within {timeout}s:\n{tail(log_path)}")
            time.sleep(0.1)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def private_nats() -> Iterator[str]:
    """An embedded NATS JetStream of its own (durable consumers see no other run's events); its URL."""
    data_dir = Path(tempfile.mkdtemp(prefix="crm-test-nats-"))
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, data_dir, ignore_errors=True)
        yield start_embedded_nats(data_dir / "nats", stack).url


@contextlib.contextmanager
def running_service(name: str, *, database_url: str, principal_public_key: str, nats_url: str,
                    extra_env: dict[str, str] | None = None) -> Iterator[RunningService]:
    """Migrate `database_url`, serve `crm_<name>` on a free port until the block ends, then SIGTERM it.
    Its data (mail folder, ...) stays in a temporary folder; `extra_env` adds settings such as its peers'
    targets (CRM_<NAME>_<PEER>_TARGET)."""
    data_dir = Path(tempfile.mkdtemp(prefix=f"crm-test-{name}-"))
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, data_dir, ignore_errors=True)
        port = free_port()
        prefix = f"CRM_{name.upper()}_"
        env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
        env.update({
            prefix + "DATABASE_URL": database_url, prefix + "NATS_URL": nats_url, prefix + "GRPC_PORT": str(port),
            prefix + "PRINCIPAL_PUBLIC_KEY": principal_public_key, prefix + "LOG_FORMAT": "text",
            prefix + "DRAIN_SECONDS": "2", prefix + "DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1",
            **(extra_env or {}),
        })
        migrated = subprocess.run([sys.executable, "-m", f"crm_{name}", "migrate"], env=env, capture_output=True,
                                  text=True, timeout=120)
        if migrated.returncode != 0:
            raise RuntimeError(f"crm_{name} migrate failed:\n{migrated.stderr[-3000:]}")
        log_path = data_dir / f"{name}.log"
        with open(log_path, "ab") as log:
            proc = subprocess.Popen([sys.executable, "-m", f"crm_{name}", "serve"], env=env, stdout=log, stderr=log,
                                    start_new_session=True)
        stack.callback(_stop, proc)
        target = f"127.0.0.1:{port}"
        _wait_serving(name, target, proc, log_path)
        yield RunningService(name=name, target=target, nats_url=nats_url, database_url=database_url,
                             log_path=log_path, pid=proc.pid)
        if proc.poll() is not None and proc.returncode != -signal.SIGKILL:
            raise RuntimeError(f"crm_{name} exited early with {proc.returncode}:\n{tail(log_path)}")
