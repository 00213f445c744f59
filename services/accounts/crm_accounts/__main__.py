"""`python -m crm_accounts [serve|migrate|dead-letters]`."""
from crm_accounts.bootstrap import SERVICE

main = SERVICE.main  # the crm-accounts console script

if __name__ == "__main__":
    main()
