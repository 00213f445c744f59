"""`python -m crm_sales [serve|migrate|dead-letters]`."""
from crm_sales.bootstrap import SERVICE

main = SERVICE.main  # the crm-sales console script

if __name__ == "__main__":
    main()
