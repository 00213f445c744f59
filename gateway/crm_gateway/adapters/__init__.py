"""Database tables and queries, the counter store, password hashing, access tokens, sealed secrets."""
