"""Databases of the test run (a pytest plugin the root conftest.py registers).

Each migrations folder is upgraded ONCE per run, into a template; every migrated database a test gets
is a `CREATE DATABASE ... TEMPLATE` copy of it. A test's copy is handed back when the test ends,
emptied with one TRUNCATE and kept for the next test: dropping a database costs a checkpoint-bound
second or more on a busy server, creating a copy a tenth of that, emptying one a few milliseconds.

`CREATE DATABASE ... TEMPLATE` refuses while any session is connected to the template, so the
template is migrated over Alembic's NullPool engine and then closed to connections for good."""
from __future__ import annotations

import asyncio
import contextlib
import threading
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from crmkit.db import SessionFactory, async_url, make_engine, make_session_factory
from crmkit.migrations import upgrade
from sqlalchemy import pool, text
from sqlalchemy.ext.asyncio import create_async_engine

_KEEP = "alembic_version"  # the one table whose rows a migrated database starts with


def run_in_thread(work: Callable[[], object]) -> object:
    """Run `work` (which may start its own event loop) whether or not the caller is inside a running one."""
    outcome: list = []

    def target() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # re-raised in the caller's thread
            outcome.append((False, exc))

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


class _Template:
    def __init__(self, name: str, tables: list[str]) -> None:
        self.name = name
        self.tables = tables  # emptied when a copy comes back
        self.idle: list[str] = []  # copies handed back, emptied, ready for the next test


class Databases:
    """Creates databases on the test server, lends migrated ones to tests, and drops them all at the end."""

    def __init__(self, pg_url: str) -> None:
        self._server = pg_url.rsplit("/", 1)[0]
        self._created: list[str] = []
        self._templates: dict[Path, _Template] = {}
        self._lock = threading.RLock()  # the first copy of a folder waits for its template

    def url(self, name: str) -> str:
        return f"{self._server}/{name}"

    def empty(self, prefix: str) -> str:
        """A new database with nothing in it."""
        return self.url(self._create(prefix))

    def copy(self, migrations_dir: Path, prefix: str) -> str:
        """A new database at the head of `migrations_dir`, kept until the end of the run."""
        return self.url(self._create(prefix, self._template(migrations_dir).name))

    @contextlib.contextmanager
    def lend(self, migrations_dir: Path, prefix: str) -> Iterator[str]:
        """A database at the head of `migrations_dir` with no rows, for the block alone."""
        template = self._template(migrations_dir)
        with self._lock:
            name = template.idle.pop() if template.idle else None
        name = name or self._create(prefix, template.name)
        yield self.url(name)
        # Whatever the test left connected is over; a copy that cannot be emptied is not lent again.
        if self._run(self._empty(name, template.tables)):
            with self._lock:
                template.idle.append(name)

    def drop_all(self) -> None:
        # Side by side: each drop waits on the server's checkpoint machinery, which concurrent drops share.
        copies = [name for name in self._created if all(name != t.name for t in self._templates.values())]
        for batch in (copies, [t.name for t in self._templates.values()]):
            self._run(self._drop(batch))

    def _template(self, migrations_dir: Path) -> _Template:
        with self._lock:
            if migrations_dir not in self._templates:
                name = self._create(f"tpl_{migrations_dir.parent.name}")
                run_in_thread(lambda: upgrade(self.url(name), migrations_dir))
                tables = self._run(self._tables(name))
                self._run(self._admin(
                    f'alter database "{name}" with allow_connections false',
                    f"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{name}'"))
                self._templates[migrations_dir] = _Template(name, tables)
            return self._templates[migrations_dir]

    def _create(self, prefix: str, template: str = "") -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        self._run(self._admin(f'create database "{name}"' + (f' template "{template}"' if template else "")))
        with self._lock:
            self._created.append(name)
        return name

    def _run(self, coro):
        return run_in_thread(lambda: asyncio.run(coro))

    async def _tables(self, name: str) -> list[str]:
        """The tables a copy of the fresh template `name` must have emptied: every table but those a
        migration seeds (configuration as data, such as the sales stages), which keep their rows; a test
        that changes seeded rows must put them back."""
        async with self._engine(name) as conn:
            tables = list((await conn.execute(text(
                "select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables "
                "where schemaname not in ('pg_catalog', 'information_schema') and tablename <> :keep"),
                {"keep": _KEEP})).scalars())
            seeded = {table for table in tables
                      if (await conn.execute(text(f"select exists (select from {table})"))).scalar()}
        return [table for table in tables if table not in seeded]

    async def _empty(self, name: str, tables: list[str]) -> bool:
        try:
            async with self._engine(name) as conn:
                await conn.execute(text("select pg_terminate_backend(pid) from pg_stat_activity "
                                        "where datname = current_database() and pid <> pg_backend_pid()"))
                if tables:
                    await conn.execute(text("set lock_timeout = '5s'"))
                    await conn.execute(text(f"truncate {', '.join(tables)} restart identity cascade"))
            return True
        except Exception:  # noqa: BLE001 - a copy in a state we cannot undo is dropped at the end instead
            return False

    async def _drop(self, names: list[str]) -> None:
        await asyncio.gather(*(self._admin(f'drop database if exists "{name}" with (force)') for name in names))

    async def _admin(self, *statements: str) -> None:
        async with self._engine("postgres") as conn:
            for statement in statements:
                await conn.execute(text(statement))

    @contextlib.asynccontextmanager
    async def _engine(self, name: str):
        engine = create_async_engine(async_url(self.url(name)), isolation_level="AUTOCOMMIT", poolclass=pool.NullPool)
        try:
            async with engine.connect() as conn:
                yield conn
        finally:
            await engine.dispose()


@pytest.fixture(scope="session")
def databases(pg_url) -> Iterator[Databases]:
    """This run's databases: `.empty(prefix)` and `.copy(MIGRATIONS_DIR, prefix)` answer URLs of databases
    kept until the end of the run (for session- and module-scoped fixtures)."""
    found = Databases(pg_url)
    yield found
    found.drop_all()


@pytest.fixture(scope="session")
def make_database(databases) -> Callable[[str], str]:
    """Factory: `make_database(prefix)` answers the URL of a new, empty database."""
    return databases.empty


@pytest.fixture
def migrated_database(databases) -> Iterator[Callable[..., str]]:
    """Factory for one test: `migrated_database(MIGRATIONS_DIR, prefix="t")` answers the URL of a database at
    head with no rows, the test's alone until it ends."""
    with contextlib.ExitStack() as lent:
        yield lambda migrations_dir, prefix="t": lent.enter_context(databases.lend(migrations_dir, prefix))


@contextlib.asynccontextmanager
async def session_factory(url: str, *, pool_size: int = 20) -> AsyncIterator[SessionFactory]:
    """Sessions on `url` for one test; the engine is disposed when the block ends."""
    engine = make_engine(url, pool_size=pool_size)
    try:
        yield make_session_factory(engine)
    finally:
        await engine.dispose()
