"""The real accounts service for the conversion tests: `python -m crm_accounts migrate`, then `serve`
as a subprocess on its own database and a private embedded NATS, ready once gRPC health says
SERVING. The tests teach it a territory and its AE by publishing identity events to that NATS, as
the gateway would, so it defaults new accounts' owners (LEAD-6)."""
from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import grpc
from crm.identity.v1 import events_pb2 as identity_events
from crmctl.infra import free_port, start_embedded_nats
from crmkit import streams
from crmkit.db import make_engine
from crmkit.outbox import EVENT_TYPE_HEADER
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy import text

SERVICE = "crm.accounts.v1.Accounts"


@dataclass(frozen=True)
class AccountsProcess:
    target: str
    nats_url: str
    database_url: str
    log_path: Path

    async def add_territory_ae(self, *, territory: str, states: list[str]) -> str:
        """Publish TerritoryUpdated and UserCreated (an AE of `territory`) and wait until accounts
        applied both; answers the AE's id."""
        ae_id = str(uuid.uuid4())
        nc = await streams.connect(self.nats_url, name="leads-conversion-tests")
        try:
            js = nc.jetstream()
            await streams.ensure_stream(js, "identity")
            await _publish(js, "crm.identity.territory.updated", identity_events.TerritoryUpdated(
                territory=identity_events.Territory(code=territory, name=territory, states=states,
                                                    sales_region="east", version=1)))
            await _publish(js, "crm.identity.user.created", identity_events.UserCreated(user=identity_events.User(
                id=ae_id, username=f"ae-{territory.lower()}", full_name="Ann Example", email="ann@example.com",
                role="ae", territories=[territory], active=True, version=1)))
        finally:
            await nc.drain()
        await self._wait_for(ae_id, states[0], territory)
        return ae_id

    async def _wait_for(self, user_id: str, state: str, territory: str, timeout: float = 20.0) -> None:
        engine = make_engine(self.database_url, pool_size=1)
        deadline = asyncio.get_running_loop().time() + timeout
        try:
            while True:
                async with engine.connect() as conn:
                    user = (await conn.execute(text("select 1 from users where id = :id"), {"id": user_id})).first()
                    mapped = (await conn.execute(text("select territory from territory_states where state = :s"),
                                                 {"s": state})).scalar()
                if user is not None and mapped == territory:
                    return
                if asyncio.get_running_loop().time() > deadline:
                    raise TimeoutError(f"accounts did not learn {territory} and its AE:\n{_tail(self.log_path)}")
                await asyncio.sleep(0.1)
        finally:
            await engine.dispose()


async def _publish(js, subject: str, message) -> None:
    await js.publish(subject, message.SerializeToString(), headers={
        "Nats-Msg-Id": str(uuid.uuid4()), EVENT_TYPE_HEADER: message.DESCRIPTOR.full_name})


@contextlib.contextmanager
def running_accounts(*, database_url: str, principal_public_key: str) -> Iterator[AccountsProcess]:
    """Migrate and serve crm_accounts until the block ends, then SIGTERM it and stop its NATS."""
    data_dir = Path(tempfile.mkdtemp(prefix="crm-leads-accounts-"))
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, data_dir, ignore_errors=True)
        nats_url = start_embedded_nats(data_dir / "nats", stack).url
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
        env.update({"CRM_ACCOUNTS_DATABASE_URL": database_url, "CRM_ACCOUNTS_NATS_URL": nats_url,
                    "CRM_ACCOUNTS_GRPC_PORT": str(port), "CRM_ACCOUNTS_PRINCIPAL_PUBLIC_KEY": principal_public_key,
                    "CRM_ACCOUNTS_LOG_FORMAT": "text", "CRM_ACCOUNTS_DRAIN_SECONDS": "2", "PYTHONUNBUFFERED": "1"})
        migrated = subprocess.run([sys.executable, "-m", "crm_accounts", "migrate"], env=env, capture_output=True,
                                  text=True, timeout=120)
        if migrated.returncode != 0:
            raise RuntimeError(f"crm_accounts migrate failed:\n{migrated.stderr[-3000:]}")
        log_path = data_dir / "accounts.log"
        with open(log_path, "ab") as log:
            proc = subprocess.Popen([sys.executable, "-m", "crm_accounts", "serve"], env=env, stdout=log,
                                    stderr=log, start_new_session=True)
        stack.callback(_stop, proc)
        target = f"127.0.0.1:{port}"
        _wait_serving(target, proc, log_path)
        yield AccountsProcess(target=target, nats_url=nats_url, database_url=database_url, log_path=log_path)


def _wait_serving(target: str, proc: subprocess.Popen, log_path: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    with grpc.insecure_channel(target) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"crm_accounts serve exited with {proc.returncode}:\n{_tail(log_path)}")
            try:
                answer = health.Check(health_pb2.HealthCheckRequest(service=SERVICE), timeout=1.0)
                if answer.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"crm_accounts was not SERVING on {target}:\n{_tail(log_path)}")
            time.sleep(0.1)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
