"""The activity timeline of accounts and contacts (the Accounts service)."""
