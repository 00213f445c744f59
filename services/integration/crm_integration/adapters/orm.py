"""The integration database: tables on one MetaData, with the kit's outbox, inbox and dead letters."""
from __future__ import annotations

from crmkit.identity.replica import identity_tables
from crmkit.messaging_tables import NAMING_CONVENTION, messaging_tables
from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# The replica of the gateway's users (crm.identity.user.*): who notifications are addressed to.
identity = identity_tables(metadata, "email")
users = identity.users

# Mail to send. A row is written in the transaction of the fact it reports; the MailSender claims
# due rows (FOR UPDATE SKIP LOCKED), delivers them and marks them sent, retrying failures forever
# with capped exponential backoff. `dedup_key` is unique: one fact never yields two emails.
mail_outbox = Table(
    "mail_outbox", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("to_address", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("text_body", Text, nullable=False),
    Column("html_body", Text),
    Column("headers", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    Column("dedup_key", Text, nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("sent_at", DateTime(timezone=True)),
    Column("last_error", Text),
    CheckConstraint("attempts >= 0", name="attempts"),
    Index("ix_mail_outbox_due", "next_attempt_at", postgresql_where=text("sent_at IS NULL")),
)

COUNTERS = ("rows_read", "created", "updated", "unchanged", "skipped", "failed")

# Import jobs (INT-1..3, MIG-1, MIG-2, LEAD-2). The file lives in import_chunks, in this database, so
# any replica can run (or resume) any job. A runner holds a job by its lease; `checkpoint_row` is the
# last row whose fate is counted, committed with the counters and failures of its batch.
import_jobs = Table(
    "import_jobs", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("kind", String(50), nullable=False),
    Column("filename", Text, nullable=False, server_default=""),
    Column("source", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("error", Text, nullable=False, server_default=""),
    Column("created_by", String(64), nullable=False),
    Column("created_by_role", String(50), nullable=False),
    Column("size_bytes", BigInteger, nullable=False, server_default="0"),
    Column("columns", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    *(Column(name, BigInteger, nullable=False, server_default="0") for name in COUNTERS),
    Column("checkpoint_row", BigInteger, nullable=False, server_default="0"),
    Column("lease_owner", Text),
    Column("lease_until", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("finished_at", DateTime(timezone=True)),
    CheckConstraint("status in ('uploading', 'queued', 'running', 'completed', 'failed')", name="status"),
    CheckConstraint("rows_read = created + updated + unchanged + skipped + failed", name="every_row_counted"),
    Index("ix_import_jobs_created_by_created_at", "created_by", "created_at"),
    Index("ix_import_jobs_runnable", "created_at", postgresql_where=text("status in ('queued', 'running')")),
)

import_chunks = Table(
    "import_chunks", metadata,
    Column("job_id", UUID(as_uuid=False), ForeignKey("import_jobs.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

# One line per problem of a failed row (a row with two bad cells has two lines, and counts once).
import_failures = Table(
    "import_failures", metadata,
    Column("job_id", UUID(as_uuid=False), ForeignKey("import_jobs.id", ondelete="CASCADE"), primary_key=True),
    Column("row_number", BigInteger, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("field", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("cells", JSONB, nullable=False),
)

messaging = messaging_tables(metadata)
