"""Search of contacts and accounts (the Accounts service)."""
