"""The image from deploy/Dockerfile runs a service (issue 11): built for leads, started against the test
servers, its HEALTHCHECK and gRPC health SERVING, and a landing-page post through a gateway running on
the host reaches it. Needs a Docker engine; without one the run says so loudly at its end."""
from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import pytest

from crmctl import infra as infra_finder
from crmctl import status
from crmctl.infra import free_port, start_embedded_nats
from crmctl.platform import Platform
from crmctl.protos import ROOT
from tests.e2e.support import DEMO_PASSWORD, Api, submission

pytestmark = pytest.mark.e2e
PULLED_BASE = "python:3.11-slim-bookworm"
LOCAL_BASE = "crm-base:bookworm"


def _skip(reason: str):
    pytest.skip(f"container tests skipped: {reason}")  # conftest.py repeats it loudly at the end


@pytest.fixture(scope="module")
def docker_client():
    if not infra_finder.docker_answers():
        _skip("no Docker engine answers (CI installs and starts docker.io when it runs as root)")
    import docker

    return docker.from_env(timeout=600)


def _base_image(client) -> str:
    """CRM_TEST_BASE_IMAGE, else the official Python image, else a local debootstrap build."""
    import docker

    wanted = os.environ.get("CRM_TEST_BASE_IMAGE")
    for image in filter(None, (wanted, PULLED_BASE, LOCAL_BASE)):
        with contextlib.suppress(docker.errors.ImageNotFound):
            client.images.get(image)
            return image
    with contextlib.suppress(docker.errors.APIError):
        client.images.pull(PULLED_BASE)
        return PULLED_BASE
    if os.geteuid() != 0 or not shutil.which("debootstrap"):
        _skip(f"no base image: {PULLED_BASE} cannot be pulled and building {LOCAL_BASE} needs root and debootstrap")
    built = subprocess.run([str(ROOT / "deploy" / "base-image.sh"), LOCAL_BASE], capture_output=True, text=True)
    if built.returncode != 0:
        _skip(f"deploy/base-image.sh failed: {built.stderr[-500:]}")
    return LOCAL_BASE


@pytest.fixture(scope="module")
def leads_image(docker_client) -> str:
    tag = "crm-leads:test"
    docker_client.images.build(path=str(ROOT), dockerfile="deploy/Dockerfile", tag=tag, rm=True,
                               buildargs={"SERVICE": "leads", "BASE_IMAGE": _base_image(docker_client)})
    return tag


def _run(client, image: str, env: dict[str, str], command: list[str], **kwargs):
    # The host's network: the test servers and the host's processes are on 127.0.0.1.
    return client.containers.run(image, command, environment=env, network_mode="host", detach=True, **kwargs)


def _wait_healthy(container, timeout: float = 90.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        container.reload()
        health = container.attrs["State"].get("Health", {}).get("Status")
        if health == "healthy" or container.status == "exited":
            return health or container.status
        time.sleep(1)
    return "timed out"


def test_the_leads_image_serves_behind_a_gateway_on_the_host(infra, docker_client, leads_image):
    data_dir = Path(tempfile.mkdtemp(prefix="crm-container-"))
    port = free_port()
    with contextlib.ExitStack() as stack:
        nats = start_embedded_nats(data_dir / "nats", stack)
        platform = Platform(infra=dataclasses.replace(infra, nats=nats), data_dir=data_dir, http_port=free_port(),
                            db_prefix=f"ctr_{uuid.uuid4().hex[:8]}", external={"leads": f"127.0.0.1:{port}"},
                            extra_env={"CRM_GATEWAY_DEMO_PASSWORD": DEMO_PASSWORD})
        stack.callback(platform.stop)
        platform.prepare()
        env = {**platform.service_env("leads", port), "CRM_LEADS_DATA_DIR": "/var/lib/crm/data"}
        migrate = _run(docker_client, leads_image, env, ["migrate"])
        assert migrate.wait(timeout=120)["StatusCode"] == 0, migrate.logs().decode()[-2000:]
        migrate.remove()
        serving = _run(docker_client, leads_image, env, ["serve"], user="10001")
        stack.callback(serving.remove, force=True)
        assert _wait_healthy(serving) == "healthy", serving.logs().decode()[-2000:]
        assert status.grpc_health(port) == "serving"
        assert serving.attrs["Config"]["User"] == "10001"

        platform.launch()
        platform.load_demo()  # registers the landing pages: calls into the container
        body = submission()
        posted = httpx.post(f"{platform.url}/api/v1/web-forms/how-to-spec-out-a-kiosk/submissions", json=body)
        assert posted.status_code == 202, posted.text
        sdr = Api(platform.url, "sdr1")
        for _ in range(50):
            found = sdr.get("/api/v1/leads", params={"q": body["email"]}).json()["items"]
            if found:
                break
            time.sleep(0.2)
        assert [lead["email"] for lead in found] == [body["email"]]
