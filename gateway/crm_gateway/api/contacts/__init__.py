"""Contacts of accounts (the Accounts service)."""
