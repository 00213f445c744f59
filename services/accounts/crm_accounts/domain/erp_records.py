"""The ERP's master data as it arrives in batches (INT-2, INT-3, ACC-2, ACC-5): its customers, its
ship-to locations and the kiosks standing at them, each keyed as the ERP keys it (customer
accounting ID, ship-to ID, serial number).

Rows are cleaned one by one (a bad row fails alone, naming its first bad field: erp.clean_batch);
the account fields are cleaned as every account's are (validation.clean_account_text: trimmed,
bounded, state and country upper-cased). What an import makes of a row:

- A company row creates a top-level customer company (subtype "") with the HQ state as its state,
  so its territory and default owner (the territory's AE) follow as for any new account; or it
  changes the name, state (and so territory) and status of the account that has its customer
  accounting ID, never its owner, type or place in a tree.
- A location row creates a customer account of its subtype (office or kiosk location) under the
  account that has its customer accounting ID, its territory and default owner from its own state
  (blank: no territory, no default owner); or it changes what the ERP sends of the account that has
  its ship-to ID: name, subtype, address, phone, status and parent (a new customer moves it). The
  owner stays whoever it is. Its parent's number_of_locations (and every ancestor's) follows.
- A kiosk row creates or changes the kiosk with its serial number, at the location account with its
  ship-to ID (an office or kiosk location, never a company).

A row equal to what is stored changes nothing: no write, no event, no new version.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crmkit.errors import InvalidInput
from crmkit.fields import canonical

from crm_accounts.domain.commands import AccountData, KioskData
from crm_accounts.domain.erp import clean_date, clean_key, clean_text
from crm_accounts.domain.hierarchy import COMPANY, KIOSK_LOCATION, LOCATION_SUBTYPES, check_parent
from crm_accounts.domain.validation import SHORT_MAX, clean_account_text

CUSTOMER = "customer"
KIOSK_TEXT = ("model", "operating_system", "software_version")
KIOSK_DATES = ("install_date", "warranty_end_date")
LOCATION_TEXT = ("street", "city", "state", "postal_code", "country", "phone")


@dataclass(frozen=True)
class CompanyRow:
    customer_accounting_id: str
    name: str
    hq_state: str
    active: bool

    def new_account(self, owner_id: str) -> AccountData:
        """A new top-level customer company (cleaned data: Account.create takes it as it is)."""
        return AccountData(name=self.name, customer_accounting_id=self.customer_accounting_id, type=CUSTOMER,
                           subtype=COMPANY, state=self.hq_state, owner_id=owner_id)

    def changes(self) -> AccountData:
        """What the row changes on the existing account with its customer accounting ID (status aside)."""
        return AccountData(name=self.name, state=self.hq_state)


@dataclass(frozen=True)
class LocationRow:
    ship_to_id: str
    customer_accounting_id: str  # names the parent
    active: bool
    values: dict[str, Any]  # cleaned: name, subtype, street, city, state, postal_code, country, phone, ship-to

    @property
    def state(self) -> str:
        return self.values["state"]

    @property
    def subtype(self) -> str:
        return self.values["subtype"]

    def under(self, parent_id: str, owner_id: str | None = None) -> AccountData:
        """The location's data under its parent: what a new account takes (with its owner), and every
        change the row makes to an existing one (without: the owner stays)."""
        return AccountData(**self.values, type=CUSTOMER, parent_id=parent_id, owner_id=owner_id)


@dataclass(frozen=True)
class KioskRow:
    serial_number: str
    ship_to_id: str  # names the location
    values: dict[str, Any]  # cleaned: serial number, model, operating system, software version, dates (or "")

    def at(self, location_id: str) -> KioskData:
        return KioskData(**self.values, location_account_id=location_id)


def _text(raw: dict, name: str) -> str:
    return str(raw.get(name) or "")


def _field(raw: dict, name: str, *, as_field: str = "", required: bool = False) -> str:
    """An account's text field cleaned as any account's (validation.clean_account_text; a phone read
    in the row's country); `as_field` names the row's field when it differs (hq_state is a state)."""
    try:
        value = clean_account_text(name, _text(raw, as_field or name), country=_text(raw, "country"))
    except InvalidInput as exc:
        raise InvalidInput(exc.problems[0].message, field=as_field or name) from None
    if required and not value:
        raise InvalidInput("is required", field=as_field or name)
    return value


def clean_company(raw: dict) -> CompanyRow:
    """A customer from the ERP; InvalidInput names the first bad field."""
    return CompanyRow(customer_accounting_id=clean_key(_text(raw, "customer_accounting_id"), "customer_accounting_id"),
                      name=_field(raw, "name", required=True), hq_state=_field(raw, "state", as_field="hq_state"),
                      active=bool(raw.get("active")))


def clean_location(raw: dict) -> LocationRow:
    """A ship-to location from the ERP; InvalidInput names the first bad field."""
    ship_to = clean_key(_text(raw, "ship_to_id"), "ship_to_id")
    parent = clean_key(_text(raw, "customer_accounting_id"), "customer_accounting_id")
    values = {"name": _field(raw, "name", required=True),
              "subtype": canonical(_text(raw, "subtype"), LOCATION_SUBTYPES, "subtype")}
    for name in LOCATION_TEXT:
        values[name] = _field(raw, name)
    values["erp_ship_to_id"] = ship_to
    return LocationRow(ship_to_id=ship_to, customer_accounting_id=parent, active=bool(raw.get("active")),
                       values=values)


def clean_kiosk(raw: dict) -> KioskRow:
    """A kiosk from the ERP's export; dates are YYYY-MM-DD or blank. InvalidInput names the first bad field."""
    serial = clean_text(_text(raw, "serial_number"), "serial_number", required=True, limit=SHORT_MAX)
    ship_to = clean_key(_text(raw, "ship_to_id"), "ship_to_id")
    values: dict[str, object] = {"serial_number": serial}
    for name in KIOSK_TEXT:
        values[name] = clean_text(_text(raw, name), name, limit=SHORT_MAX)
    for name in KIOSK_DATES:
        values[name] = clean_date(_text(raw, name), name, required=False) or ""
    return KioskRow(serial_number=serial, ship_to_id=ship_to, values=values)


def check_location_place(location_id: str, *, parent_id: str, parent_subtype: str,
                         parent_ancestry: list[str]) -> None:
    """May the location sit under the customer its row names? InvalidInput names customer_accounting_id."""
    try:
        check_parent(location_id, parent_id=parent_id, parent_subtype=parent_subtype, parent_ancestry=parent_ancestry)
    except InvalidInput as exc:
        raise InvalidInput(exc.problems[0].message, field="customer_accounting_id") from None


def check_kiosk_place(location_subtype: str) -> None:
    """Kiosks stand at an office or kiosk location account, never at a company."""
    if location_subtype not in LOCATION_SUBTYPES:
        raise InvalidInput("kiosks stand at an office or kiosk location account, not a company", field="ship_to_id")


def becomes_kiosk_location(before: str, after: str) -> bool:
    """Whether a change of subtype needs the account to have no children (a kiosk location is a leaf)."""
    return after == KIOSK_LOCATION and before != KIOSK_LOCATION
