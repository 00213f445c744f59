"""Reads that fan out over several services (account 360, later dashboards): each part is fetched at
once beside the others, and an optional part that fails leaves a gap instead of failing the read."""
