"""The ERP's signed web-service posts (the Accounts service's batch upserts)."""
