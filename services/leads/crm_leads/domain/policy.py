"""Who may do what with leads and web forms: the one access policy of the leads service.

Record scoping of lead queries happens in one place, the repository's readable(principal), which asks this
policy first; handlers ask it before any write. Every refusal names the role or the field. Submitting a
landing-page form is open to any principal the gateway vouches for (anonymous visitors included):
the kit's interceptor has already refused every call without a valid one.
"""
from __future__ import annotations

from crmkit.principal import Principal

from crm_leads.domain.errors import AccessDenied

LEAD_ROLES = frozenset({"sdr", "marketing", "vp_marketing", "vp_sales", "admin"})
OWNER_CHANGERS = frozenset({"admin", "vp_sales"})
FORM_EDITORS = frozenset({"marketing", "vp_marketing", "admin"})
CONVERTERS = frozenset({"sdr", "vp_sales", "admin"})  # LEAD-6
IMPORTERS = frozenset({"admin", "erp"})  # LEAD-2: an admin's import, or the ERP's (through the integration service)


def ensure_can_work_leads(principal: Principal) -> None:
    """Read or write leads and read web forms."""
    if principal.role not in LEAD_ROLES:
        raise AccessDenied(f"the role {principal.role!r} cannot work with leads")


def ensure_can_change_owner(principal: Principal) -> None:
    ensure_can_work_leads(principal)
    if principal.role not in OWNER_CHANGERS:
        raise AccessDenied("only admin and vp_sales can choose a lead's owner", field="owner_id")


def ensure_can_edit_forms(principal: Principal) -> None:
    if principal.role not in FORM_EDITORS:
        raise AccessDenied(f"the role {principal.role!r} cannot create or change web forms")


def ensure_can_convert(principal: Principal) -> None:
    """LEAD-6: SDRs convert qualified leads (and their managers above them, vp_sales and admin)."""
    if principal.role not in CONVERTERS:
        raise AccessDenied(f"the role {principal.role!r} cannot convert leads")


def ensure_can_import_leads(principal: Principal) -> None:
    """LEAD-2: bulk imports are run by admins and by the ERP's client."""
    if principal.role not in IMPORTERS:
        raise AccessDenied(f"the role {principal.role!r} cannot import leads")
