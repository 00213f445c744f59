"""`python -m crm_leads [serve|migrate|dead-letters]`."""
from crmkit import runtime

from crm_leads.bootstrap import MIGRATIONS_DIR, assemble, replay_dead_letters
from crm_leads.settings import LeadsSettings


def main() -> None:
    runtime.main("leads", LeadsSettings, assemble, MIGRATIONS_DIR, extra_commands={"dead-letters": replay_dead_letters})


if __name__ == "__main__":
    main()
