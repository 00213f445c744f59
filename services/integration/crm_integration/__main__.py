"""`python -m crm_integration [serve|migrate|dead-letters]`."""
from crmkit import runtime

from crm_integration.bootstrap import MIGRATIONS_DIR, assemble, replay_dead_letters
from crm_integration.settings import IntegrationSettings


def main() -> None:
    runtime.main("integration", IntegrationSettings, assemble, MIGRATIONS_DIR,
                 extra_commands={"dead-letters": replay_dead_letters})


if __name__ == "__main__":
    main()
