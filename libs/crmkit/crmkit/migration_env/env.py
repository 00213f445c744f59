"""The Alembic environment of every service's database: the kit runs each service's versions/
folder through it (crmkit.migrations), so a service keeps only its revisions."""
from alembic import context
from crmkit.migrations import run_env

run_env(context.config.attributes.get("metadata"))
