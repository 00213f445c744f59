"""Issue 10 item 9: an opportunity's reads name people, not ids: its owner and SDR, who made each
history row, and the owners an owner change went between (the web client shows names)."""
from __future__ import annotations

from datetime import UTC, datetime

from crm.sales.v1 import opportunities_pb2 as pb
from google.protobuf.timestamp_pb2 import Timestamp

from crm_gateway.api.opportunities import mappers
from crm_gateway.domain.identity import UserRecord
from crm_gateway.service_layer.callers import Directory

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def _at() -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(NOW)
    return stamp


def _user(user_id: str, full_name: str) -> UserRecord:
    return UserRecord(id=user_id, username=user_id, full_name=full_name, email="", role="ae", manager_id=None,
                      active=True, version=1, territories=(), created_at=NOW, updated_at=NOW)


def _opportunity() -> pb.Opportunity:
    return pb.Opportunity(id="o1", account_id="a1", account_name="Acme", name="Fleet", type="net_new",
                          stage="proposal", stage_entered_at=_at(), probability=50, forecast_category="pipeline",
                          amount="12500.00", currency="USD", exchange_rate="1", close_date="2027-03-31",
                          owner_id="u-ae", sdr_id="u-sdr", created_at=_at(), updated_at=_at(), version=3)


def _detail() -> pb.OpportunityDetail:
    return pb.OpportunityDetail(opportunity=_opportunity(), seconds_in_stage=60, history=[
        pb.HistoryEntry(field="stage", from_value="qualification", to_value="proposal", at=_at(), by="u-ae"),
        pb.HistoryEntry(field="owner_id", from_value="u-old", to_value="u-ae", at=_at(), by="u-rsm"),
        pb.HistoryEntry(field="sdr_id", from_value="", to_value="u-sdr", at=_at(), by="system"),
    ])


def test_the_people_of_a_detail_are_its_owner_sdr_authors_and_the_owners_changed_between():
    detail = _detail()
    assert mappers.people([detail.opportunity], detail.history) == {"u-ae", "u-sdr", "u-rsm", "u-old", "system"}


async def test_the_detail_names_its_owner_sdr_and_who_changed_what():
    users = [_user("u-ae", "Alex Ames"), _user("u-sdr", "Sam Dorr"), _user("u-rsm", "Rita Sims"),
             _user("u-old", "Olga Old")]

    async def load() -> list[UserRecord]:
        return users

    directory = Directory(load, ttl_seconds=60)
    detail = _detail()
    names = await directory.names(mappers.people([detail.opportunity], detail.history))
    assert names == {"u-ae": "Alex Ames", "u-sdr": "Sam Dorr", "u-rsm": "Rita Sims", "u-old": "Olga Old"}
    read = mappers.detail_read(detail, names)
    assert (read.owner_name, read.sdr_name) == ("Alex Ames", "Sam Dorr")
    stage, owner, sdr = read.history
    assert (stage.by_name, stage.from_name, stage.to_name) == ("Alex Ames", "", "")  # stage codes stay codes
    assert (owner.by_name, owner.from_name, owner.to_name) == ("Rita Sims", "Olga Old", "Alex Ames")
    assert (sdr.by_name, sdr.from_name, sdr.to_name) == ("", "", "Sam Dorr")  # not a user: no name, the id stays
    assert sdr.by == "system"


def test_an_unknown_owner_reads_with_an_empty_name():
    read = mappers.opportunity_read(_opportunity(), {})
    assert (read.owner_id, read.owner_name, read.sdr_name) == ("u-ae", "", "")


def test_the_sales_pages_are_offered_to_the_sales_roles_and_only_writers_edit():
    from crm_gateway.domain.permissions import allowed

    for role in ("ae", "rsm", "vp_sales", "se", "key_account_rep", "admin"):
        assert {"opportunities.read", "opportunities.edit", "opportunities.pipeline"} <= set(allowed(role)), role
    sdr = set(allowed("sdr"))
    assert {"opportunities.read", "opportunities.pipeline"} <= sdr and "opportunities.edit" not in sdr
    for role in ("marketing", "csr", "cs_manager"):
        assert "opportunities.pipeline" not in allowed(role) and "opportunities.edit" not in allowed(role), role
