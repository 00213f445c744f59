"""crmkit: the plumbing every CRM process shares, so that a service is mostly domain code.

See docs/architecture.md for how the pieces fit: settings, logs, traces, the signed principal,
gRPC builders, the database unit of work, the transactional outbox and the idempotent inbox.
"""
