"""Request and response bodies of the leads and web-form API (they mirror crm.leads.v1)."""
from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator, model_validator

from crm_gateway.api.common import EDITABLE_FIELDS, Strict

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class LeadRead(BaseModel):
    id: str
    first_name: str
    last_name: str
    company: str
    email: str
    phone: str
    state: str
    country: str
    title: str
    source: str
    landing_page: str
    status: str
    unqualified_reason: str
    number_of_locations: int | None
    using_kiosks: bool | None
    current_vendor: str
    current_vendor_account_id: str
    linkedin_url: str
    role: str
    rating: str
    owner_id: str
    message: str
    created_at: datetime | None
    updated_at: datetime | None
    assigned_at: datetime | None
    version: int
    submission_count: int
    converted_account_id: str
    converted_contact_id: str
    converted_at: datetime | None
    campaign: str = Field("", description="imported leads: the campaign they came from (a trade show's file)")
    matched_account_id: str = Field("", description="LEAD-5: the existing account the company was matched to")


class LeadDetail(LeadRead):
    """One lead as its page shows it: with what the caller may change."""

    editable_fields: list[str] = Field(description=EDITABLE_FIELDS)


class LeadConvert(Strict):
    """LEAD-5/LEAD-6: convert into a new prospect account (named after the company, or `account_name`)
    plus a contact, or add the person as a contact of `existing_account_id`."""

    existing_account_id: str | None = Field(None, max_length=64)
    account_name: str | None = Field(None, max_length=300)


class LeadConversionRead(BaseModel):
    lead: LeadRead
    account_id: str
    contact_id: str
    account_owner_id: str


class PersonFields(Strict):
    """What a person tells about themselves (LEAD-4). An email is matched in its NFKC form, so a
    full-width local part is the same person (LEAD-8)."""

    multiline = frozenset({"message"})

    first_name: str | None = Field(None, max_length=100)
    last_name: str | None = Field(None, max_length=100)
    company: str | None = Field(None, max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(None, max_length=50)
    state: str | None = Field(None, max_length=50)
    country: str | None = Field(None, max_length=50)
    title: str | None = Field(None, max_length=200)
    role: str | None = Field(None, max_length=100)
    number_of_locations: int | None = Field(None, ge=0, le=1_000_000)
    using_kiosks: bool | None = None
    current_vendor: str | None = Field(None, max_length=200)
    linkedin_url: str | None = Field(None, max_length=500)
    message: str | None = Field(None, max_length=20_000)

    @field_validator("email", mode="before")
    @classmethod
    def _nfkc_email(cls, value):
        return unicodedata.normalize("NFKC", value) if isinstance(value, str) else value


class LeadCreate(PersonFields):
    source: str = Field(min_length=1, max_length=50)
    landing_page: str | None = Field(None, max_length=100)


class LeadUpdate(PersonFields):
    """Only the fields present change; a null text field clears it."""

    status: str | None = Field(None, max_length=50)
    unqualified_reason: str | None = Field(None, max_length=50)
    owner_id: str | None = Field(None, max_length=64)
    current_vendor_account_id: str | None = Field(None, max_length=64)


class WebFormRead(BaseModel):
    id: str
    slug: str
    landing_page_name: str
    active: bool
    created_at: datetime | None
    version: int


class WebFormCreate(Strict):
    slug: str = Field(min_length=2, max_length=100, pattern=_SLUG)
    landing_page_name: str = Field(min_length=1, max_length=200)


class WebFormUpdate(Strict):
    landing_page_name: str | None = Field(None, min_length=1, max_length=200)
    active: bool | None = None


class WebFormSubmission(PersonFields):
    """A visitor's landing-page post (LEAD-1), JSON or form-encoded. Unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore")  # a landing page posts whatever its form holds

    landing_page: str | None = Field(None, max_length=200)  # ignored: the URL's slug decides
    submitted_at: datetime | None = None
    website: str | None = Field(None, max_length=2000)  # honeypot: people leave it empty

    @model_validator(mode="before")
    @classmethod
    def _blank_is_missing(cls, data):
        if isinstance(data, dict):
            return {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in data.items()}
        return data

    @field_validator("using_kiosks", mode="before")
    @classmethod
    def _form_bool(cls, value):
        if isinstance(value, str) and value.strip().lower() in ("y", "yes", "true", "1", "on"):
            return True
        if isinstance(value, str) and value.strip().lower() in ("n", "no", "false", "0", "off"):
            return False
        return value


class Accepted(BaseModel):
    status: Literal["accepted"] = "accepted"
