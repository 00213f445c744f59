"""Kiosks at location accounts (the Accounts service)."""
