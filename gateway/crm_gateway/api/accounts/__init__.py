"""Accounts, their hierarchy, shares, sales orders, finance and the overview (the Accounts service)."""
