"""The ./crm command line."""
