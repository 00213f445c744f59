"""The owning services' batch RPCs (the accounts service's ErpRecords, the leads service's
ImportLeads), as the import runner applies records through them.

Each call acts for the job's creator (an admin, or the ERP client) under a principal this service
signs itself: the job outlives the gateway's five-minute token, and the called services trust this
service's key for those two roles only (crmkit.principal.TrustedIssuer)."""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import PurePath
from typing import Any

from crm.accounts.v1 import contacts_pb2, erp_records_pb2, erp_records_pb2_grpc
from crm.leads.v1 import leads_pb2, leads_pb2_grpc
from crmkit.grpc.client import call
from crmkit.principal import Principal, PrincipalSigner
from google.protobuf.message import Message

from crm_integration.domain.feeds import ActivityRecord, LegacyContactRecord, TradeShowLeadRecord
from crm_integration.domain.imports import ImportJob, Outcome

ISSUER = "crm-integration"
RPC_BATCH = 1000  # the owners' largest batch
TRADE_SHOW = "trade show"


@dataclass(frozen=True)
class _Upsert:
    """How one kind's records become one batch RPC of the accounts service."""

    rpc: str  # the ErpRecords method
    request: Callable[[list[Message]], Message]
    row: Callable[[Any], Message]  # one record as the RPC's row


def _same_names(row: type[Message], *names: str) -> Callable[[object], Message]:
    """A row whose fields are the record's attributes of the same names."""
    return lambda record: row(**{name: _value(getattr(record, name)) for name in names})


def _legacy_contact(record: LegacyContactRecord) -> Message:
    return erp_records_pb2.LegacyContactRow(
        **{name: _value(getattr(record, name)) for name in (
            "legacy_id", "first_name", "last_name", "title", "role", "company", "company_key", "street", "city",
            "state", "postal_code", "country", "status", "annual_revenue", "last_result")},
        emails=list(record.emails),
        phones=[contacts_pb2.Phone(number=p.number, extension=p.extension, type=p.type) for p in record.phones])


def _legacy_activity(record: ActivityRecord) -> Message:
    return erp_records_pb2.LegacyActivityRow(
        legacy_key=record.fingerprint, **{name: _value(getattr(record, name)) for name in (
            "kind", "contact_legacy_id", "occurred_at", "subject", "body", "direction", "from_address",
            "to_address", "author")})


_UPSERTS = {
    "erp-customers": _Upsert("UpsertCompanies", lambda rows: erp_records_pb2.UpsertCompaniesRequest(rows=rows),
                             _same_names(erp_records_pb2.CompanyRow, "customer_accounting_id", "name", "hq_state",
                                         "active")),
    "erp-locations": _Upsert("UpsertLocations", lambda rows: erp_records_pb2.UpsertLocationsRequest(rows=rows),
                             _same_names(erp_records_pb2.LocationRow, "ship_to_id", "customer_accounting_id", "name",
                                         "subtype", "street", "city", "state", "postal_code", "country", "phone",
                                         "active")),
    "erp-kiosks": _Upsert("UpsertKiosks", lambda rows: erp_records_pb2.UpsertKiosksRequest(rows=rows),
                          _same_names(erp_records_pb2.KioskRow, "serial_number", "ship_to_id", "model",
                                      "operating_system", "software_version", "install_date", "warranty_end_date")),
    "erp-sales-orders": _Upsert("UpsertSalesOrders", lambda rows: erp_records_pb2.UpsertSalesOrdersRequest(orders=rows),
                                _same_names(erp_records_pb2.SalesOrder, "sales_order_number", "po_number",
                                            "customer_accounting_id", "salesperson", "territory", "order_date",
                                            "ship_date", "total_amount", "currency")),
    "erp-finance": _Upsert("UpsertFinance", lambda rows: erp_records_pb2.UpsertFinanceRequest(rows=rows),
                           _same_names(erp_records_pb2.Finance, "customer_accounting_id", "as_of_date", "mtd_sales",
                                       "ytd_sales", "prior_ytd_sales", "credit_limit", "past_due_amount",
                                       "currency")),
    "legacy-contacts": _Upsert("UpsertLegacyContacts",
                               lambda rows: erp_records_pb2.UpsertLegacyContactsRequest(rows=rows), _legacy_contact),
    **{kind: _Upsert("UpsertLegacyActivities", lambda rows: erp_records_pb2.UpsertLegacyActivitiesRequest(rows=rows),
                     _legacy_activity) for kind in ("legacy-email-history", "legacy-notes")},
}


def _value(value):
    """A record's value as the row's field takes it: dates and times ISO, amounts as decimal text,
    None as ""."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value if isinstance(value, (str, bool)) else str(value)


def campaign_of(job: ImportJob) -> str:
    """A trade-show file's campaign: its name without the extension ("nrf_2026_badge_scans")."""
    return PurePath(job.filename).stem or job.id


class Owners:
    """Appliers by import kind, over the channels to the owning services."""

    def __init__(self, erp_records: erp_records_pb2_grpc.ErpRecordsStub, leads: leads_pb2_grpc.LeadsStub,
                 signer: PrincipalSigner, *, timeout: float) -> None:
        self._erp_records = erp_records
        self._leads = leads
        self._signer = signer
        self._timeout = timeout

    def appliers(self) -> dict[str, Callable[[ImportJob, Sequence[Any]], Awaitable[list[Outcome]]]]:
        appliers: dict[str, Callable[[ImportJob, Sequence[Any]], Awaitable[list[Outcome]]]] = {
            kind: partial(self._upsert, spec) for kind, spec in _UPSERTS.items()}
        appliers["trade-show-leads"] = self.trade_show_leads
        return appliers

    def _token(self, job: ImportJob, service: str) -> str:
        """The job creator's principal, signed by this service, meant for `service` only."""
        return self._signer.sign(Principal(user_id=job.created_by, role=job.created_by_role, kind="service",
                                           username=f"import {job.id}"), service=service)

    async def _upsert(self, spec: _Upsert, job: ImportJob, records: Sequence[object]) -> list[Outcome]:
        """INT-1..3: records through the accounts service's batch RPC; one outcome per record, in order."""
        outcomes: list[Outcome] = []
        method = getattr(self._erp_records, spec.rpc)
        for start in range(0, len(records), RPC_BATCH):
            rows = [spec.row(r) for r in records[start:start + RPC_BATCH]]
            answer = await call(method, spec.request(rows), principal_token=self._token(job, "accounts"),
                                timeout=self._timeout)
            outcomes += [Outcome(o.outcome, o.field, o.reason) for o in answer.outcomes]
        return outcomes

    async def trade_show_leads(self, job: ImportJob, records: Sequence[TradeShowLeadRecord]) -> list[Outcome]:
        """LEAD-2, LEAD-5, LEAD-8: badge scans become leads of the show's campaign; a person who is already
        a contact is not a lead, and one whose company is a single existing account is attached to it."""
        outcomes: list[Outcome] = []
        for start in range(0, len(records), RPC_BATCH):
            batch = records[start:start + RPC_BATCH]
            contacts, companies = await self._directory(batch, self._token(job, "accounts"))
            request = leads_pb2.ImportLeadsRequest(leads=[leads_pb2.ImportedLead(
                data=leads_pb2.LeadData(**{name: value for name, value in _lead_data(r).items() if value}),
                source=TRADE_SHOW, campaign=campaign_of(job), existing_contact_id=contacts.get(r.email.lower(), ""),
                matched_account_id=companies.get(r.company_key, ""), key=str(start + n))
                for n, r in enumerate(batch)])
            answer = await call(self._leads.ImportLeads, request, principal_token=self._token(job, "leads"),
                                timeout=self._timeout)
            outcomes += [Outcome(o.outcome, o.field, o.reason) for o in answer.outcomes]
        return outcomes

    async def _directory(self, records: Sequence[TradeShowLeadRecord], token: str) -> tuple[dict, dict]:
        """(contact id by lower-cased email, account id by company key) of the batch's people; a key
        naming several accounts is ambiguous and attaches to none."""
        emails = sorted({r.email.lower() for r in records if r.email})
        keys = sorted({r.company_key for r in records if r.company_key})
        found = await call(self._erp_records.MatchDirectory, erp_records_pb2.MatchDirectoryRequest(
            emails=emails, company_keys=keys), principal_token=token, timeout=self._timeout)
        contacts = {m.email.lower(): m.contact_id for m in found.contacts}
        by_key: dict[str, set[str]] = {}
        for match in found.companies:
            by_key.setdefault(match.company_key, set()).add(match.account_id)
        return contacts, {key: ids.pop() for key, ids in by_key.items() if len(ids) == 1}


def _lead_data(record: TradeShowLeadRecord) -> dict[str, Any]:
    return {"first_name": record.first_name, "last_name": record.last_name, "company": record.company,
            "email": record.email, "phone": record.phone, "title": record.title, "state": record.state,
            "country": record.country, "message": record.notes}
