"""Alembic environment of the leads database (run through crmkit.migrations.upgrade)."""
from crmkit.migrations import run_env

from crm_leads.adapters.orm import metadata

run_env(metadata)
