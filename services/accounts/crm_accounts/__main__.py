"""`python -m crm_accounts [serve|migrate|dead-letters]`."""
from crmkit import runtime

from crm_accounts.bootstrap import MIGRATIONS_DIR, assemble, replay_dead_letters
from crm_accounts.settings import AccountsSettings


def main() -> None:
    runtime.main("accounts", AccountsSettings, assemble, MIGRATIONS_DIR,
                 extra_commands={"dead-letters": replay_dead_letters})


if __name__ == "__main__":
    main()
