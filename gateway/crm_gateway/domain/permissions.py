"""What a role may do, named for the web client (issue 9, item 8): the same role tuples the routes check,
so the client offers exactly what the API accepts and never copies the rules."""
from __future__ import annotations

from crm_gateway.domain import model

# capability -> the roles whose requests the route admits
CAPABILITIES: dict[str, tuple[str, ...]] = {
    "leads.read": model.LEAD_ROLES,
    "leads.edit": model.LEAD_ROLES,
    "leads.convert": model.LEAD_CONVERTERS,
    "web_forms.read": model.WEB_FORM_READERS,
    "web_forms.edit": model.WEB_FORM_EDITORS,
    "accounts.read": model.ACCOUNT_READERS,
    "accounts.edit": model.ACCOUNT_WRITERS,
    "accounts.share": model.ACCOUNT_SHARERS,
    "accounts.reassign": model.ACCOUNT_REASSIGNERS,
    "kiosks.read": model.KIOSK_READERS,
    "kiosks.edit": model.KIOSK_WRITERS,
    "activities.read": model.ACTIVITY_READERS,
    "activities.log": model.ACTIVITY_WRITERS,
    "search": model.ACCOUNT_READERS,
    "imports.run": model.IMPORTERS,
    "users.manage": ("admin",),
    "api_clients.manage": ("admin",),
    "audit.read": ("admin",),
}


def allowed(role: str) -> list[str]:
    """The capabilities of `role`, sorted."""
    return sorted(name for name, roles in CAPABILITIES.items() if role in roles)
