"""The real Leads service for the gateway tests: `python -m crm_leads migrate`, then `serve` as a
subprocess on its own database and its own embedded NATS, ready once gRPC health says SERVING."""
from __future__ import annotations

import contextlib
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

SERVICE = "crm.leads.v1.Leads"


@dataclass(frozen=True)
class LeadsService:
    target: str  # host:port of its gRPC server
    nats_url: str  # its private NATS: the gateway publishes identity events here so the SDR pool fills
    log_path: Path


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _wait_serving(target: str, proc: subprocess.Popen, log_path: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    with grpc.insecure_channel(target) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"crm_leads serve exited with {proc.returncode}:\n{_tail(log_path)}")
            try:
                answer = health.Check(health_pb2.HealthCheckRequest(service=SERVICE), timeout=1.0)
                if answer.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"crm_leads was not SERVING on {target} within {timeout}s:\n{_tail(log_path)}")
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
def running_leads(database_url: str, principal_public_key: str) -> Iterator[LeadsService]:
    """Migrate `database_url`, serve the Leads service on a free port until the block ends, then SIGTERM it."""
    data_dir = Path(tempfile.mkdtemp(prefix="crm-gw-leads-"))
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, data_dir, ignore_errors=True)
        nats = start_embedded_nats(data_dir / "nats", stack)
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
        env.update({
            "CRM_LEADS_DATABASE_URL": database_url, "CRM_LEADS_NATS_URL": nats.url,
            "CRM_LEADS_GRPC_PORT": str(port), "CRM_LEADS_PRINCIPAL_PUBLIC_KEY": principal_public_key,
            "CRM_LEADS_LOG_FORMAT": "text", "CRM_LEADS_DRAIN_SECONDS": "2", "PYTHONUNBUFFERED": "1",
        })
        migrated = subprocess.run([sys.executable, "-m", "crm_leads", "migrate"], env=env, capture_output=True,
                                  text=True, timeout=120)
        if migrated.returncode != 0:
            raise RuntimeError(f"crm_leads migrate failed:\n{migrated.stderr[-3000:]}")
        log_path = data_dir / "leads.log"
        with open(log_path, "ab") as log:
            proc = subprocess.Popen([sys.executable, "-m", "crm_leads", "serve"], env=env, stdout=log, stderr=log,
                                    start_new_session=True)
        stack.callback(_stop, proc)
        target = f"127.0.0.1:{port}"
        _wait_serving(target, proc, log_path)
        yield LeadsService(target=target, nats_url=nats.url, log_path=log_path)
        if proc.poll() is not None:
            raise RuntimeError(f"crm_leads exited early with {proc.returncode}:\n{_tail(log_path)}")
