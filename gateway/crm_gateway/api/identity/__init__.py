"""Login and tokens, the caller, users, API clients and signing keys, territories, the audit trail."""
