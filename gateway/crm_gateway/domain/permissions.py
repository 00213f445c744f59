"""What a role may do, named for the web client (issue 9, item 8): the same role tuples the routes check,
so the client offers exactly what the API accepts and never copies the rules."""
from __future__ import annotations

from collections.abc import Iterable

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
    "opportunities.read": model.OPPORTUNITY_READERS,
    "opportunities.edit": model.OPPORTUNITY_WRITERS,
    "opportunities.pipeline": model.PIPELINE_VIEWERS,
    "alerts.read": model.ALERT_RECIPIENTS,
    "stage_thresholds.edit": model.THRESHOLD_EDITORS,
}


def allowed(role: str) -> list[str]:
    """The capabilities of `role`, sorted."""
    return sorted(name for name, roles in CAPABILITIES.items() if role in roles)


# record kind -> the roles that change such records, and the fields only some of those roles change
RECORD_WRITERS: dict[str, tuple[str, ...]] = {
    "accounts": model.ACCOUNT_WRITERS, "contacts": model.ACCOUNT_WRITERS, "leads": model.LEAD_ROLES,
}
RESTRICTED_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "accounts": {"customer_accounting_id": model.ACCOUNTING_ID_WRITERS, "owner_id": model.ACCOUNT_OWNER_CHANGERS},
    "contacts": {},
    "leads": {"owner_id": model.LEAD_OWNER_CHANGERS},
}


def editable_fields(kind: str, role: str, fields: Iterable[str], *, record_editable: bool = True) -> list[str]:
    """Which of a record's changeable `fields` `role` may change (SEC-1, SEC-6 and the owner rules), in the
    order given: none when the role changes no such record or this record is not theirs to change."""
    if not record_editable or role not in RECORD_WRITERS[kind]:
        return []
    restricted = RESTRICTED_FIELDS[kind]
    return [field for field in fields if role in restricted.get(field, (role,))]
