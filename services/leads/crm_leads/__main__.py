"""`python -m crm_leads [serve|migrate|dead-letters]`."""
from crm_leads.bootstrap import SERVICE

main = SERVICE.main  # the crm-leads console script

if __name__ == "__main__":
    main()
