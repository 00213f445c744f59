"""Forecast and quota bodies (OPP-3, S5): amounts are decimal strings, `converted` in the corporate currency."""
from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from crm_gateway.api.common import Page, Strict

PeriodKind = Literal["month", "quarter"]
Category = Literal["pipeline", "best_case", "commit", "closed_won", "omitted"]
PERIOD_KEY = r"^FY\d{4}-(Q[1-4]|M(0[1-9]|1[0-2]))$"
Decimal = Annotated[str, Field(examples=["12500.00"], description="an exact decimal")]


class MoneyRead(BaseModel):
    currency: str = Field(examples=["EUR"])
    amount: Decimal


class ForecastPeriodRead(BaseModel):
    key: str = Field(examples=["FY2027-Q1"], description="FY<year>-Q<1..4> or FY<year>-M<01..12>")
    kind: PeriodKind
    fiscal_year: int = Field(examples=[2027], description="named after the calendar year it ends in")
    number: int = Field(examples=[1])
    start: date = Field(examples=["2027-01-01"])
    end: date = Field(examples=["2027-03-31"], description="inclusive")


class ForecastCellRead(BaseModel):
    period_key: str = Field(examples=["FY2027-Q1"])
    owner_id: str = Field(description="the owner; the manager in a team's roll-up; empty in the grid's totals")
    category: Category
    amounts: list[MoneyRead] = Field(description="the sums per currency as entered")
    converted: Decimal = Field(description="the sum in the corporate currency, at the rate stored on each "
                                           "opportunity, rounded half-up per opportunity")
    count: int = Field(examples=[3], description="opportunities")


class ForecastOwnerRead(BaseModel):
    id: str
    name: str
    role: str
    manager_id: str


class TeamRollupRead(BaseModel):
    manager_id: str
    name: str
    owner_ids: list[str] = Field(description="the owners of the grid in the team (below the manager, and the "
                                             "manager themselves)")
    cells: list[ForecastCellRead] = Field(description="the sums of the team's cells, by period and category")


class QuotaRead(BaseModel):
    owner_id: str
    period_key: str = Field(examples=["FY2027-Q1"])
    amount: Decimal
    currency: str = Field(examples=["USD"])
    set_by: str
    set_at: datetime
    version: int
    closed_won: str | None = Field(examples=["3125.00"], description="closed won in the period, converted: the "
                                                                    "owner's, or a manager's whole team's")
    attainment: str | None = Field(examples=["25.00"], description="closed won / quota in percent (2 places); "
                                                                 "null when the quota is 0")


class ForecastRead(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "period": "quarter", "fiscal_year": 2027, "as_of": None, "currency": "USD",
        "periods": [{"key": "FY2027-Q1", "kind": "quarter", "fiscal_year": 2027, "number": 1,
                     "start": "2027-01-01", "end": "2027-03-31"}],
        "owners": [{"id": "u-ae", "name": "Avery Ellis", "role": "ae", "manager_id": "u-rsm"}],
        "cells": [{"period_key": "FY2027-Q1", "owner_id": "u-ae", "category": "closed_won",
                   "amounts": [{"currency": "USD", "amount": "12500.00"}], "converted": "12500.00", "count": 1}],
        "teams": [{"manager_id": "u-rsm", "name": "Riley Stone", "owner_ids": ["u-ae"],
                   "cells": [{"period_key": "FY2027-Q1", "owner_id": "u-rsm", "category": "closed_won",
                              "amounts": [{"currency": "USD", "amount": "12500.00"}], "converted": "12500.00",
                              "count": 1}]}],
        "totals": [{"period_key": "FY2027-Q1", "owner_id": "", "category": "closed_won",
                    "amounts": [{"currency": "USD", "amount": "12500.00"}], "converted": "12500.00", "count": 1}],
        "quotas": [{"owner_id": "u-ae", "period_key": "FY2027-Q1", "amount": "50000.00", "currency": "USD",
                    "set_by": "u-rsm", "set_at": "2026-12-01T09:00:00Z", "version": 1, "closed_won": "12500.00",
                    "attainment": "25.00"}],
        "categories": ["pipeline", "best_case", "commit", "closed_won", "omitted"]}]})

    period: PeriodKind
    fiscal_year: int
    as_of: str | None = Field(examples=["2027-02-01"], description="the day (its end, UTC) or instant the grid was "
                                                                   "rebuilt as of; null: live")
    currency: str = Field(description="the corporate currency of every `converted`")
    periods: list[ForecastPeriodRead]
    owners: list[ForecastOwnerRead] = Field(description="the owners with a cell")
    cells: list[ForecastCellRead] = Field(description="only the cells with opportunities")
    teams: list[TeamRollupRead] = Field(description="the roll-up of each of the caller's teams")
    totals: list[ForecastCellRead] = Field(description="the whole grid by period and category")
    quotas: list[QuotaRead]
    categories: list[Category] = Field(description="in display order")


class CellOpportunityRead(BaseModel):
    id: str
    name: str
    account_id: str
    account_name: str
    owner_id: str
    stage: str
    committed: bool
    amount: Decimal
    currency: str
    converted: Decimal
    close_date: date


class CellOpportunities(Page[CellOpportunityRead]):
    """The opportunities behind the cell, by close date, in one page (a cell holds one rep's period)."""

    converted: Decimal = Field(description="their total in the corporate currency: the cell's `converted`")
    currency: str


class QuotaUpdate(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [{"amount": "50000.00", "currency": "USD"}]})

    amount: Annotated[str, Field(pattern=r"^\d{1,16}(\.\d{1,6})?$", examples=["50000.00"])]
    currency: Annotated[str, Field(pattern=r"^[A-Za-z]{3}$", examples=["USD"],
                                   description="the corporate currency, the only one taken; omitted: it")] | None \
        = None
