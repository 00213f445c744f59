"""Roles, the authenticated caller, and the rules on user fields (DESIGN.md section 2)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from crmkit.errors import FieldProblem, InvalidInput

USER_ROLES = ("admin", "vp_sales", "rsm", "ae", "se", "key_account_rep", "sdr", "marketing", "vp_marketing",
              "cs_manager", "csr")
CLIENT_ROLES = ("erp", "kiosk_fleet", "web_form", "webinar_platform")
ANONYMOUS = "anonymous"

LEAD_ROLES = ("sdr", "marketing", "vp_marketing", "vp_sales", "admin")
LEAD_CONVERTERS = ("sdr", "vp_sales", "admin")  # LEAD-6: SDRs hand qualified leads to the territory AE
WEB_FORM_EDITORS = ("marketing", "vp_marketing", "admin")
WEB_FORM_READERS = (*WEB_FORM_EDITORS, "sdr")
# Accounts, contacts, kiosks (SEC-1, SEC-3..6): coarse route checks; the accounts service's policy decides
# which records and fields each caller sees and changes.
ACCOUNT_READERS = (*USER_ROLES, "erp")
ACCOUNT_WRITERS = ("admin", "vp_sales", "rsm", "ae", "se", "key_account_rep", "sdr", "erp")
ACCOUNT_SHARERS = ("admin", "vp_sales", "rsm", "ae", "se", "key_account_rep")
ACCOUNT_REASSIGNERS = ("admin",)
# Fields only some writers change (the services' field policies enforce them; the reads name them, issue 9).
ACCOUNTING_ID_WRITERS = ("admin", "erp")  # SEC-1
ACCOUNT_OWNER_CHANGERS = ("admin", "vp_sales", "rsm")
LEAD_OWNER_CHANGERS = ("admin", "vp_sales")
KIOSK_READERS = (*ACCOUNT_READERS, "kiosk_fleet")
KIOSK_WRITERS = ("csr", "cs_manager", "admin")
# Opportunities (OPP-1, SEC-2, LEAD-7): read by every user role (the sales service shows those on accounts
# the caller sees); changed by the sales roles only, never SDRs.
OPPORTUNITY_READERS = USER_ROLES
OPPORTUNITY_WRITERS = ("admin", "vp_sales", "rsm", "ae", "se", "key_account_rep")
# The sales pages (pipeline board, opportunity list) are offered to the sales roles: the writers, and SDRs
# who read the deals their leads became (the API lets every user role read; the others reach a deal from
# its account).
PIPELINE_VIEWERS = (*OPPORTUNITY_WRITERS, "sdr")
# Stage-timeout alerts (GEN-4, S2): received by whoever may own opportunities (and their RSMs); the stage
# thresholds are the admin's.
ALERT_RECIPIENTS = OPPORTUNITY_WRITERS
THRESHOLD_EDITORS = ("admin",)
# Forecasts and quotas (OPP-3, S5): the sales line reads the forecast (the sales service decides whose rows);
# SDRs, marketing, support and machine clients do not. Quotas are set by admins, the VP and RSMs (an RSM for
# the users below them only, as the sales service checks).
FORECAST_READERS = ("admin", "vp_sales", "rsm", "ae", "se", "key_account_rep")
QUOTA_SETTERS = ("admin", "vp_sales", "rsm")
# Activities (GEN-1, MOB-1): read with the account (the service refuses directory-only views); logged by
# the sales roles and admins on accounts they may edit.
ACTIVITY_READERS = ACCOUNT_READERS
ACTIVITY_WRITERS = ("admin", "vp_sales", "rsm", "ae", "se", "key_account_rep", "sdr")
# Imports (INT-1..3, MIG-1, MIG-2): admins and the ERP client; the integration service shows a job only to
# its creator and admins.
IMPORTERS = ("admin", "erp")

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


@dataclass(frozen=True)
class Caller:
    """Who is calling: a user (password login) or an API client (X-API-Key)."""

    id: str
    kind: str  # user | client
    role: str
    username: str
    territories: tuple[str, ...] = ()
    expires_at: int = 0  # when the credential presented expires (0: API keys do not)
    subordinates: tuple[str, ...] | None = None  # users below them, when loaded with the caller


def normalise_username(username: str) -> str:
    return username.strip().lower()


def check_username(username: str) -> str:
    name = normalise_username(username)
    if not _USERNAME.match(name):
        raise InvalidInput("2 to 64 characters: lowercase letters, digits, '.', '_' or '-'", field="username")
    return name


def check_user_role(role: str) -> str:
    if role not in USER_ROLES:
        raise InvalidInput(f"unknown role {role!r}; one of {', '.join(USER_ROLES)}", field="role")
    return role


def check_client_role(role: str) -> str:
    if role not in CLIENT_ROLES:
        raise InvalidInput(f"unknown client role {role!r}; one of {', '.join(CLIENT_ROLES)}", field="role")
    return role


def check_territories(codes: list[str], known: set[str]) -> list[str]:
    """Answer the codes de-duplicated in order, refusing any the territories table does not hold."""
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise InvalidInput("unknown territory", problems=[
            FieldProblem(f"territories.{codes.index(code)}", f"unknown territory {code!r}") for code in unknown
        ])
    return list(dict.fromkeys(codes))
