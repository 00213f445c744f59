"""Leads and landing-page forms, with the public submission endpoint (the Leads service)."""
