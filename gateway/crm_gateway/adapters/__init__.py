"""Database tables and queries, the counter store, password hashing, access tokens, the Leads client."""
