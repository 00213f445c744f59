"""The sales database: tables on one MetaData, with the kit's outbox, inbox and dead letters, the
identity replica and the account-access read model (crmkit.account_access)."""
from __future__ import annotations

from crmkit.account_access.replica import account_access_tables
from crmkit.identity.replica import identity_tables
from crmkit.messaging_tables import NAMING_CONVENTION, messaging_tables
from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import UUID

from crm_sales.adapters.catalog_orm import catalog_tables

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# Money is NUMERIC(18, 2) with an ISO 4217 currency beside it (exact decimals, never floats).
MONEY = Numeric(18, 2)


def _text(name: str) -> Column:
    return Column(name, Text, nullable=False, server_default="")


# The sales process as data (S1): five open stages, then Closed Won and Closed Lost. `kind` says
# which are closed; the default probability and forecast category apply to an opportunity entering it.
stages = Table(
    "stages", metadata,
    Column("code", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("position", Integer, nullable=False, unique=True),
    Column("kind", String(10), nullable=False),
    Column("probability", Integer, nullable=False),
    Column("forecast_category", String(20), nullable=False),
    # GEN-4, S2: the stage-timeout threshold in days (NULL: no alert; closed stages never have one),
    # whether the owner's RSM is alerted too, and the version an edit of the two names (If-Match).
    Column("alert_after_days", Integer),
    Column("alert_rsm", Boolean, nullable=False, server_default="false"),
    Column("alert_version", BigInteger, nullable=False, server_default="1"),
    CheckConstraint("kind in ('open', 'won', 'lost')", name="kind"),
    CheckConstraint("probability between 0 and 100", name="probability"),
    CheckConstraint("forecast_category in ('pipeline', 'best_case', 'commit', 'closed_won', 'omitted')",
                    name="forecast_category"),
    CheckConstraint("alert_after_days is null or (kind = 'open' and alert_after_days between 1 and 3650)",
                    name="alert_after_days"),
)

# The five loss reasons (OPP-2), configurable data; `position` orders them in pickers.
loss_reasons = Table(
    "loss_reasons", metadata,
    Column("code", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("position", Integer, nullable=False, unique=True),
)

opportunities = Table(
    "opportunities", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("account_id", UUID(as_uuid=False), nullable=False),  # the accounts service's account
    Column("name", Text, nullable=False),
    Column("type", String(10), nullable=False),
    Column("stage", String(40), ForeignKey("stages.code"), nullable=False),
    Column("stage_entered_at", DateTime(timezone=True), nullable=False),  # S1: time in stage counts from here
    Column("probability", Integer, nullable=False),
    Column("amount", MONEY, nullable=False),
    Column("currency", String(3), nullable=False),
    # The rate converting `amount` into the corporate currency, stored on the opportunity (S5).
    Column("exchange_rate", Numeric(18, 8), nullable=False, server_default="1"),
    Column("close_date", Date, nullable=False),
    Column("committed", Boolean, nullable=False, server_default="false"),
    Column("owner_id", String(64), nullable=False),
    # SDR credit (OPP-2, S4): from crm.leads.lead.converted; only an admin's audited correction changes it.
    Column("sdr_id", String(64), nullable=False, server_default=""),
    _text("lead_source"),
    _text("lead_id"),
    Column("loss_reason", String(40), ForeignKey("loss_reasons.code")),  # required on Closed Lost
    _text("lost_at_stage"),  # S3: the open stage it was lost from
    Column("closed_at", DateTime(timezone=True)),
    _text("description"),
    Column("created_by", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", BigInteger, nullable=False),
    CheckConstraint("type in ('add_on', 'net_new')", name="type"),
    CheckConstraint("probability between 0 and 100", name="probability"),
    CheckConstraint("amount >= 0", name="amount"),
    CheckConstraint("exchange_rate > 0", name="exchange_rate"),
    Index("ix_opportunities_account_id", "account_id"),
    Index("ix_opportunities_owner_id_close_date", "owner_id", "close_date", "id"),
    Index("ix_opportunities_stage_stage_entered_at", "stage", "stage_entered_at"),  # GEN-4: the alert scan
    *(Index(f"ix_opportunities_{name}_id", name, "id")
      for name in ("close_date", "created_at", "updated_at", "amount", "name", "stage")),
)

# Competitors (GEN-3): links to accounts of type competitor, checked against the read model.
opportunity_competitors = Table(
    "opportunity_competitors", metadata,
    Column("opportunity_id", UUID(as_uuid=False), ForeignKey("opportunities.id", ondelete="CASCADE"),
           primary_key=True),
    Column("competitor_id", UUID(as_uuid=False), primary_key=True),
)

# S1: one row per change of a tracked field (stage, amount, currency, exchange_rate, close_date,
# committed, owner_id, sdr_id, lead_source), from -> to, when and by whom; creation writes each field's first
# value (from ""). Values are text: decimals as written, dates ISO, booleans "true"/"false".
# `reason` says why when the change is an explicit action (reopen, sdr_correction, reassignment).
opportunity_history = Table(
    "opportunity_history", metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("opportunity_id", UUID(as_uuid=False), ForeignKey("opportunities.id", ondelete="CASCADE"),
           nullable=False),
    Column("field", String(40), nullable=False),
    Column("from_value", Text, nullable=False),
    Column("to_value", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("by", String(64), nullable=False),
    _text("reason"),
    Index("ix_opportunity_history_opportunity_id_at", "opportunity_id", "at", "id"),
    Index("ix_opportunity_history_field_at", "field", "at"),
)

# Converted leads (crm.leads.lead.converted, LEAD-6): the SDR and lead source an account came with,
# credited on its opportunities (OPP-2, S4). The latest conversion of an account wins.
lead_conversions = Table(
    "lead_conversions", metadata,
    Column("account_id", UUID(as_uuid=False), primary_key=True),
    Column("lead_id", Text, nullable=False),
    Column("sdr_id", String(64), nullable=False),
    _text("lead_source"),
    Column("converted_at", DateTime(timezone=True), nullable=False),
)

# GEN-4, S2: one row per crossing, an opportunity's stay in one stage outlasting the stage's threshold.
# (opportunity_id, stage_entered_at) is the crossing: unique, so however many scanners find it, one
# row is written (INSERT ... ON CONFLICT DO NOTHING) and one crm.sales.opportunity.stage_overdue event
# goes out with it; re-entering the stage later is a new stay, a new crossing.
stage_alerts = Table(
    "stage_alerts", metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("opportunity_id", UUID(as_uuid=False), ForeignKey("opportunities.id", ondelete="CASCADE"),
           nullable=False),
    Column("stage", String(40), nullable=False),
    Column("stage_entered_at", DateTime(timezone=True), nullable=False),
    Column("threshold_days", Integer, nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("opportunity_id", "stage_entered_at"),
)

# The in-app side of an alert: one row per recipient (the owner, and the RSM where the stage says so),
# read or unread; listed newest first per recipient.
alert_recipients = Table(
    "alert_recipients", metadata,
    Column("alert_id", UUID(as_uuid=False), ForeignKey("stage_alerts.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("reason", String(10), nullable=False),  # owner | rsm
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("read_at", DateTime(timezone=True)),
    CheckConstraint("reason in ('owner', 'rsm')", name="reason"),
    Index("ix_alert_recipients_user_id_created_at", "user_id", "created_at", "alert_id"),
)

# OPP-3, S5: one quota per owner per fiscal period (FY2027-Q1, FY2027-M03), in the corporate currency;
# `version` steps with each change (If-Match). Who sets whose is crm_sales.domain.quotas.
quotas = Table(
    "quotas", metadata,
    Column("owner_id", String(64), primary_key=True),
    Column("period_key", String(12), primary_key=True),
    Column("amount", MONEY, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("set_by", String(64), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
    Column("version", BigInteger, nullable=False),
    CheckConstraint("amount >= 0", name="amount"),
    Index("ix_quotas_period_key", "period_key", "owner_id"),
)

# Replicas: the gateway's users and territories (crm.identity.*) and the accounts service's
# accounts and shares (crm.accounts.*): who may see which account, decided by the kit's one rule.
identity = identity_tables(metadata, "territories", "manager_id", territory_map=True)
users = identity.users
account_access = account_access_tables(metadata, identity)

# Products, price lists and quotes (issue 10 items 6 and 7), defined beside the resolver's model.
catalog = catalog_tables(metadata)

messaging = messaging_tables(metadata)
