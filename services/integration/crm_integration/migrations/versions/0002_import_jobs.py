"""Import jobs: the job with its counters and lease, the uploaded file in chunks, and the problems
of its failed rows (INT-1..3, MIG-1, MIG-2, LEAD-2).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:00:00.000000
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

COUNTERS = ('rows_read', 'created', 'updated', 'unchanged', 'skipped', 'failed')


def upgrade() -> None:
    op.create_table(
        'import_jobs',
        sa.Column('id', postgresql.UUID(as_uuid=False), nullable=False),
        sa.Column('kind', sa.String(50), nullable=False),
        sa.Column('filename', sa.Text(), server_default='', nullable=False),
        sa.Column('source', sa.String(20), nullable=False),
        sa.Column('status', sa.String(20), nullable=False),
        sa.Column('error', sa.Text(), server_default='', nullable=False),
        sa.Column('created_by', sa.String(64), nullable=False),
        sa.Column('created_by_role', sa.String(50), nullable=False),
        sa.Column('size_bytes', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('columns', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"),
                  nullable=False),
        *(sa.Column(name, sa.BigInteger(), server_default='0', nullable=False) for name in COUNTERS),
        sa.Column('checkpoint_row', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('lease_owner', sa.Text(), nullable=True),
        sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status in ('uploading', 'queued', 'running', 'completed', 'failed')",
                           name=op.f('ck_import_jobs_status')),
        sa.CheckConstraint('rows_read = created + updated + unchanged + skipped + failed',
                           name=op.f('ck_import_jobs_every_row_counted')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_jobs')),
    )
    op.create_index('ix_import_jobs_created_by_created_at', 'import_jobs', ['created_by', 'created_at'])
    op.create_index('ix_import_jobs_runnable', 'import_jobs', ['created_at'],
                    postgresql_where=sa.text("status in ('queued', 'running')"))
    op.create_table(
        'import_chunks',
        sa.Column('job_id', postgresql.UUID(as_uuid=False), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['job_id'], ['import_jobs.id'], ondelete='CASCADE',
                                name=op.f('fk_import_chunks_job_id_import_jobs')),
        sa.PrimaryKeyConstraint('job_id', 'seq', name=op.f('pk_import_chunks')),
    )
    op.create_table(
        'import_failures',
        sa.Column('job_id', postgresql.UUID(as_uuid=False), nullable=False),
        sa.Column('row_number', sa.BigInteger(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('field', sa.Text(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('cells', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.ForeignKeyConstraint(['job_id'], ['import_jobs.id'], ondelete='CASCADE',
                                name=op.f('fk_import_failures_job_id_import_jobs')),
        sa.PrimaryKeyConstraint('job_id', 'row_number', 'seq', name=op.f('pk_import_failures')),
    )


def downgrade() -> None:
    op.drop_table('import_failures')
    op.drop_table('import_chunks')
    op.drop_index('ix_import_jobs_runnable', table_name='import_jobs')
    op.drop_index('ix_import_jobs_created_by_created_at', table_name='import_jobs')
    op.drop_table('import_jobs')
