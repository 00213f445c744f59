"""Alembic environment of the integration database (run through crmkit.migrations.upgrade)."""
from crmkit.migrations import run_env

from crm_integration.adapters.orm import metadata

run_env(metadata)
