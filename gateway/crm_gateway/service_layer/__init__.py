"""Use cases of the gateway: one transaction each, keyword-only arguments."""
