"""`python -m crm_integration [serve|migrate|dead-letters]`."""
from crm_integration.bootstrap import SERVICE

main = SERVICE.main  # the crm-integration console script

if __name__ == "__main__":
    main()
