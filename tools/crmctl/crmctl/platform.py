"""Start the whole platform as real processes: migrations, every service, then the gateway.

Used by `./crm up` and by the end-to-end tests, so both run exactly the same way.
"""
from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from crmkit.config import DEFAULT_PORTS
from crmkit.principal import generate_keypair

from crmctl import web
from crmctl.infra import Infra, free_port
from crmctl.logs import LogFile
from crmctl.processes import Process
from crmctl.secret_files import private_folder, write_private

# Every service the platform runs, in start order (each has its default port in DEFAULT_PORTS). A new
# service adds one line here.
SERVICES = ["accounts", "leads", "integration", "sales"]
# Which services a service calls over gRPC: it is told their addresses (CRM_<SVC>_<PEER>_TARGET).
CALLS = {"leads": ["accounts"], "integration": ["accounts", "leads"]}
# Services that sign their own principals for work outliving a request (crmkit.principal), and
# the roles the services they call accept from them.
DELEGATES = {"integration": ("admin", "erp")}


@dataclass
class Secrets:
    jwt_secret: str
    principal_private_key: str
    principal_public_key: str
    delegate_keys: dict[str, tuple[str, str]]  # service -> (private PEM, public PEM) of its own signer

    @classmethod
    def load_or_create(cls, folder: Path) -> Secrets:
        """Secrets kept under the data dir so a second run keeps sessions valid; env vars win."""
        private_folder(folder)
        jwt_file, private_file, public_file = (folder / n for n in ("jwt_secret", "principal.key", "principal.pub"))
        if not jwt_file.exists():
            write_private(jwt_file, secrets.token_urlsafe(48))
        if not private_file.exists():
            private, public = generate_keypair()
            write_private(private_file, private)
            public_file.write_text(public)
        return cls(
            jwt_secret=os.environ.get("CRM_GATEWAY_JWT_SECRET") or jwt_file.read_text(),
            principal_private_key=os.environ.get("CRM_GATEWAY_PRINCIPAL_PRIVATE_KEY") or private_file.read_text(),
            principal_public_key=os.environ.get("CRM_PRINCIPAL_PUBLIC_KEY") or public_file.read_text(),
            delegate_keys={service: _keypair(folder, service) for service in DELEGATES},
        )


def _keypair(folder: Path, name: str) -> tuple[str, str]:
    """The (private, public) PEM pair kept as <name>.key / <name>.pub, made on first use."""
    private_file, public_file = folder / f"{name}.key", folder / f"{name}.pub"
    if not private_file.exists():
        private, public = generate_keypair()
        write_private(private_file, private)
        public_file.write_text(public)
    return private_file.read_text(), public_file.read_text()


def database_url(server_url: str, name: str) -> str:
    return server_url.rsplit("/", 1)[0] + f"/{name}"


@dataclass
class Platform:
    """The running platform. `db_prefix` lets tests run several platforms on one server."""

    infra: Infra
    data_dir: Path
    http_port: int = 8000
    replicas: dict[str, int] = field(default_factory=dict)
    db_prefix: str = "crm"
    extra_env: dict[str, str] = field(default_factory=dict)
    external: dict[str, str] = field(default_factory=dict)
    processes: list[Process] = field(default_factory=list)
    gateway_env: dict[str, str] = field(default_factory=dict)
    # `./crm up`: each service's first replica on its default port, where a tool (or a gateway) started
    # by hand with default settings finds it. Tests take free ports: several platforms run side by side.
    default_ports: bool = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def _base_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
        env.update({k: v for k, v in os.environ.items() if k.startswith("CRM_") and k.endswith("_OTLP_ENDPOINT")})
        env["PYTHONUNBUFFERED"] = "1"
        return env

    def _service_env(self, service: str, keys: Secrets, port: int, targets: dict[str, str]) -> dict[str, str]:
        prefix = f"CRM_{service.upper()}_"
        env = self._base_env()
        env.update({
            prefix + "DATABASE_URL": database_url(self.infra.postgres.url, f"{self.db_prefix}_{service}"),
            prefix + "NATS_URL": self.infra.nats.url,
            prefix + "GRPC_PORT": str(port),
            prefix + "PRINCIPAL_PUBLIC_KEY": keys.principal_public_key,
            prefix + "DATA_DIR": str(self.data_dir),
            prefix + "PUBLIC_URL": self.url,
        })
        env.update({f"{prefix}{peer.upper()}_TARGET": targets[peer] for peer in CALLS.get(service, [])})
        if service in DELEGATES:
            env[prefix + "PRINCIPAL_PRIVATE_KEY"] = keys.delegate_keys[service][0]
        trusted = [{"name": f"crm-{caller}", "public_key_pem": keys.delegate_keys[caller][1], "roles": list(roles)}
                   for caller, roles in DELEGATES.items() if service in CALLS.get(caller, [])]
        if trusted:
            env[prefix + "TRUSTED_ISSUERS"] = json.dumps(trusted)
        if os.environ.get("CRM_SMTP_URL"):
            env[prefix + "SMTP_URL"] = os.environ["CRM_SMTP_URL"]
        env.update({k: v for k, v in self.extra_env.items() if k.startswith(prefix)})
        return env

    def _gateway_env(self, keys: Secrets, targets: dict[str, str]) -> dict[str, str]:
        env = self._base_env()
        env.update({
            "CRM_GATEWAY_DATABASE_URL": database_url(self.infra.postgres.url, f"{self.db_prefix}_gateway"),
            "CRM_GATEWAY_NATS_URL": self.infra.nats.url,
            "CRM_GATEWAY_REDIS_URL": self.infra.redis.url,
            "CRM_GATEWAY_JWT_SECRET": keys.jwt_secret,
            "CRM_GATEWAY_PRINCIPAL_PRIVATE_KEY": keys.principal_private_key,
            "CRM_GATEWAY_HTTP_PORT": str(self.http_port),
        })
        env.update({f"CRM_GATEWAY_{svc.upper()}_TARGET": target for svc, target in targets.items()})
        if (web.DIST / "index.html").is_file():  # built by ./crm up (crmctl.web.ensure_built)
            env["CRM_GATEWAY_WEB_DIR"] = str(web.DIST)
        if os.environ.get("CRM_DEMO_PASSWORD"):
            env["CRM_GATEWAY_DEMO_PASSWORD"] = os.environ["CRM_DEMO_PASSWORD"]
        env.update({k: v for k, v in self.extra_env.items() if k.startswith("CRM_GATEWAY_")})
        return env

    def _ports(self, service: str) -> list[int]:
        """The gRPC port of each replica of `service`."""
        count = self.replicas.get(service, 1)
        if not self.default_ports:
            return [free_port() for _ in range(count)]
        return [DEFAULT_PORTS[service], *(free_port() for _ in range(count - 1))]

    def _run(self, argv: list[str], env: dict[str, str], what: str) -> None:
        result = subprocess.run(argv, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{what} failed:\n{result.stderr[-4000:]}")

    def start(self, *, on_step=lambda msg: None) -> None:
        self.prepare(on_step=on_step)
        self.launch(on_step=on_step)

    def prepare(self, *, on_step=lambda msg: None) -> None:
        """Secrets, ports and migrations; the processes are made, not started. A service listed in
        `external` (service -> its gRPC target) is neither migrated nor started: something else runs
        it there (the container tests), with the environment `service_env` answers."""
        self._keys = keys = Secrets.load_or_create(self.data_dir / "secrets")
        logs = self.data_dir / "log"
        masked = [keys.jwt_secret, keys.principal_private_key, *(pair[0] for pair in keys.delegate_keys.values()),
                  *self.infra.passwords()]
        ours = [service for service in SERVICES if service not in self.external]
        ports = {service: self._ports(service) for service in ours}
        targets = {service: "ipv4:" + ",".join(f"127.0.0.1:{p}" for p in found) for service, found in ports.items()}
        self._targets = targets = {**targets, **self.external}
        for service in ours:
            on_step(f"migrating {service}")
            env = self._service_env(service, keys, 0, targets)
            self._run([sys.executable, "-m", f"crm_{service}", "migrate"], env, f"{service} migrations")
            for replica, port in enumerate(ports[service]):
                name = service if replica == 0 else f"{service}-{replica + 1}"
                metrics_port = free_port()
                env = {**self._service_env(service, keys, port, targets),
                       f"CRM_{service.upper()}_METRICS_PORT": str(metrics_port)}
                self.processes.append(Process(name, [sys.executable, "-m", f"crm_{service}", "serve"], env,
                                              LogFile(logs / f"{name}.log", secrets=masked), port,
                                              metrics_port=metrics_port))
        on_step("migrating gateway")
        self.gateway_env = self._gateway_env(keys, targets)
        self._run([sys.executable, "-m", "crm_gateway", "migrate"], self.gateway_env, "gateway migrations")
        metrics_port = free_port()
        self.processes.append(Process("gateway", [sys.executable, "-m", "crm_gateway", "serve"],
                                      {**self.gateway_env, "CRM_GATEWAY_METRICS_PORT": str(metrics_port)},
                                      LogFile(logs / "gateway.log", secrets=masked), self.http_port, "gateway",
                                      metrics_port=metrics_port))

    def service_env(self, service: str, port: int) -> dict[str, str]:
        """The CRM_* settings a process of `service` gets (after prepare)."""
        env = self._service_env(service, self._keys, port, self._targets)
        return {k: v for k, v in env.items() if k.startswith("CRM_")}

    def launch(self, *, on_step=lambda msg: None) -> None:
        for process in self.processes:
            on_step(f"starting {process.name}")
            process.start()
        self.wait_ready()

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for p in self.processes:
                if not p.alive():
                    raise RuntimeError(f"{p.name} exited; see {p.log_path}:\n{_tail(p.log_path)}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"platform not ready within {timeout}s; logs in {self.data_dir / 'log'}")

    def load_demo(self) -> str:
        result = subprocess.run([sys.executable, "-m", "crm_gateway", "load-demo"], env=self.gateway_env,
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"demo load failed:\n{result.stderr[-4000:]}")
        return result.stdout

    def process(self, name: str) -> Process:
        return next(p for p in self.processes if p.name == name)

    def stop(self) -> None:
        """Gateway first (no new calls), then services, each draining on SIGTERM."""
        for process in reversed(self.processes):
            process.stop()


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""
