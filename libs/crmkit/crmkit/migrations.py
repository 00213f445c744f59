"""Alembic per service: create the database if needed, then upgrade under an advisory lock.

A service keeps only its revisions (`migrations/versions/`); the environment that runs them and
the template of a new revision are the kit's (`migration_env/`), the same for every service."""
from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from crmkit.db import async_url
from sqlalchemy import MetaData, make_url, pool, text
from sqlalchemy.ext.asyncio import create_async_engine

_LOCK_ID = 7_347_001  # any constant: serialises migrations of replicas starting together
_ENVIRONMENT = Path(__file__).parent / "migration_env"


async def ensure_database(url: str) -> None:
    """Create the service's database when the server does not have it yet (fresh embedded server)."""
    target = make_url(async_url(url))
    admin = create_async_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=pool.NullPool)
    try:
        async with admin.connect() as conn:
            exists = await conn.scalar(text("select 1 from pg_database where datname = :n"), {"n": target.database})
            if not exists:
                await conn.execute(text(f'create database "{target.database}"'))
    finally:
        await admin.dispose()


def _config(url: str, migrations_dir: Path, metadata: MetaData | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_ENVIRONMENT))
    cfg.set_main_option("path_separator", "os")  # version_locations is one path, whatever it holds
    cfg.set_main_option("version_locations", str(migrations_dir / "versions"))
    cfg.set_main_option("sqlalchemy.url", async_url(url).replace("%", "%%"))
    cfg.attributes["metadata"] = metadata
    return cfg


def upgrade(url: str, migrations_dir: Path, revision: str = "head") -> None:
    """Bring the database at `url` to `revision` using the service's migrations folder."""
    asyncio.run(ensure_database(url))
    command.upgrade(_config(url, migrations_dir), revision)


def new_revision(url: str, migrations_dir: Path, metadata: MetaData, message: str) -> None:
    """Write the next revision of the service's migrations: what `metadata` has that the database at
    `url`, brought to head first, lacks (Alembic's autogenerate; read it before committing)."""
    upgrade(url, migrations_dir)
    command.revision(_config(url, migrations_dir, metadata), message=message, autogenerate=True)


def run_env(metadata: MetaData | None) -> None:
    """The body of migration_env/env.py (online mode only: we always have a server)."""
    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("alembic was started without sqlalchemy.url (use crmkit.migrations.upgrade)")

    def migrate(connection) -> None:
        context.configure(connection=connection, target_metadata=metadata, compare_type=True)
        with context.begin_transaction():
            connection.execute(text("select pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
            context.run_migrations()

    async def main() -> None:
        engine = create_async_engine(url, poolclass=pool.NullPool)
        try:
            async with engine.connect() as conn:
                await conn.run_sync(migrate)
        finally:
            await engine.dispose()

    asyncio.run(main())
