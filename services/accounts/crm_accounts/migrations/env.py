"""Alembic environment of the accounts database (run through crmkit.migrations.upgrade)."""
from crmkit.migrations import run_env

from crm_accounts.adapters.orm import metadata

run_env(metadata)
