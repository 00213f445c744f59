"""Request and response bodies of the kiosks API (they mirror crm.accounts.v1.Kiosk)."""
from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from crm_gateway.api.common import Strict


class KioskRead(BaseModel):
    id: str
    serial_number: str
    model: str
    operating_system: str
    software_version: str
    install_date: date | None
    warranty_end_date: date | None
    location_account_id: str
    warranty_state: str = Field(description="in_warranty | expiring | expired | unknown")
    created_at: datetime | None
    updated_at: datetime | None
    version: int


class KioskFields(Strict):
    model: str | None = Field(None, max_length=100)
    operating_system: str | None = Field(None, max_length=100)
    software_version: str | None = Field(None, max_length=100)
    install_date: date | None = None
    warranty_end_date: date | None = None


class KioskCreate(KioskFields):
    serial_number: str = Field(min_length=1, max_length=100)
    location_account_id: str = Field(min_length=1, max_length=64)


class KioskUpdate(KioskFields):
    """Only the fields present change; a null field clears it (serial number and location cannot be cleared)."""

    serial_number: str | None = Field(None, min_length=1, max_length=100)
    location_account_id: str | None = Field(None, min_length=1, max_length=64)
