"""The integration service as ops run it: `python -m crm_integration migrate`, then `serve` on its
own NATS with no SMTP relay; a conversion becomes an .eml file in the mail folder (LEAD-6); gRPC
health answers although the service has no API yet; SIGTERM drains it cleanly."""
from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import uuid
from email import message_from_bytes, policy
from pathlib import Path

import grpc
from crm.identity.v1 import events_pb2 as identity_events
from crm.leads.v1 import events_pb2 as leads_events
from crmkit import streams
from grpc_health.v1 import health_pb2, health_pb2_grpc

from crmctl.infra import free_port, start_embedded_nats
from tests.support.events import publish
from tests.support.waiting import eventually


def _tail(path: Path) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-40:]) if path.exists() else "(no log)"


async def _serving(target: str) -> bool:
    async with grpc.aio.insecure_channel(target) as channel:
        try:
            answer = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=1)
        except grpc.RpcError:
            return False
    return answer.status == health_pb2.HealthCheckResponse.SERVING


async def _eml_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.eml")) if folder.exists() else []


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()


async def test_lead_6_the_service_process_writes_eml_files_without_a_relay(make_database, principal_keys, tmp_path):
    mail_dir = tmp_path / "mail" / "outbox"
    port = free_port()
    with contextlib.ExitStack() as stack:
        nats = start_embedded_nats(tmp_path / "nats", stack)
        env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
        env.update({
            "CRM_INTEGRATION_DATABASE_URL": make_database("integration"), "CRM_INTEGRATION_NATS_URL": nats.url,
            "CRM_INTEGRATION_GRPC_PORT": str(port), "CRM_INTEGRATION_PRINCIPAL_PUBLIC_KEY": principal_keys[1],
            "CRM_INTEGRATION_MAIL_DIR": str(mail_dir), "CRM_INTEGRATION_MAIL_POLL_SECONDS": "0.2",
            "CRM_INTEGRATION_LOG_FORMAT": "text", "CRM_INTEGRATION_DRAIN_SECONDS": "2", "PYTHONUNBUFFERED": "1",
        })
        migrated = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "crm_integration", "migrate"],
                                           env=env, capture_output=True, text=True, timeout=120)
        assert migrated.returncode == 0, migrated.stderr[-3000:]
        log_path = tmp_path / "integration.log"
        with open(log_path, "ab") as log:
            proc = subprocess.Popen([sys.executable, "-m", "crm_integration", "serve"], env=env, stdout=log,
                                    stderr=log, start_new_session=True)
        stack.callback(_stop, proc)
        assert await eventually(lambda: _serving(f"127.0.0.1:{port}"), bool, timeout=30), _tail(log_path)

        nc = await streams.connect(nats.url, name="integration-process-test")
        try:
            js = nc.jetstream()
            for producer in ("identity", "leads"):
                await streams.ensure_stream(js, producer)
            ae, sdr = str(uuid.uuid4()), str(uuid.uuid4())
            for person, name, role in ((ae, "Ann Avery", "ae"), (sdr, "Sam Sato", "sdr")):
                await publish(js, "crm.identity.user.created", identity_events.UserCreated(user=identity_events.User(
                    id=person, username=role, full_name=name, email=f"{role}@acme.test", role=role, active=True,
                    version=1)))
            await publish(js, "crm.leads.lead.converted", leads_events.LeadConverted(
                lead_id=str(uuid.uuid4()), account_id="acc-1", account_owner_id=ae, account_name="Acme Kiosks",
                contact_name="Jane Doe", converted_by=sdr))
            files = await eventually(lambda: _eml_files(mail_dir), bool)
        finally:
            await nc.close()
        assert len(files) == 1, _tail(log_path)
        message = message_from_bytes(files[0].read_bytes(), policy=policy.default)
        assert (message["To"], message["Subject"]) == ("ae@acme.test", "Account handed to you: Acme Kiosks")
        assert "http://127.0.0.1:8000/accounts/acc-1" in message.get_body(("plain",)).get_content()

        proc.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(proc.wait, 20) == 0, _tail(log_path)
