"""Alembic environment of the gateway's database."""
from crm_gateway.adapters.orm import metadata
from crmkit.migrations import run_env

run_env(metadata)
