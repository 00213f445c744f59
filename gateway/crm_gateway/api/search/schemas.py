"""Response bodies of the search API (MOB-1)."""
from __future__ import annotations

from pydantic import Field

from crm_gateway.api.contacts.schemas import ContactRead


class ContactMatch(ContactRead):
    account_name: str = Field(description="the name of the contact's account")

