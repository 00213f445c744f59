"""Request and response bodies of the identity API (users, tokens, API clients, territories, audit events)."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import Form
from pydantic import BaseModel, EmailStr, Field, StringConstraints, field_validator

from crm_gateway.api.common import Strict

TerritoryCode = Annotated[str, StringConstraints(max_length=40)]


class PasswordLogin:
    """The OAuth2 password grant's form (RFC 6749 section 4.3.2) with the bounds the API enforces, so the
    OpenAPI document declares them (FastAPI's OAuth2PasswordRequestForm leaves every field unbounded)."""

    def __init__(self, username: Annotated[str, Form(min_length=1, max_length=64)],
                 password: Annotated[str, Form(min_length=1, max_length=1024,
                                               json_schema_extra={"format": "password"})],
                 grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
                 scope: Annotated[str, Form(max_length=200, description="unused: roles decide")] = "") -> None:
        self.username = username
        self.password = password


class TokenRead(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    refresh_token: str


class RefreshRequest(Strict):
    refresh_token: str = Field(min_length=1, max_length=200)


class UserRead(BaseModel):
    id: str
    username: str
    full_name: str
    email: str
    role: str
    territories: list[str]
    manager_id: str | None
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime


Language = Literal["en", "zh-CN"]  # the web client's catalogs


class MeRead(BaseModel):
    """The caller: a user, or an API client (`kind` "client": no email, manager or territories)."""

    id: str
    kind: Literal["user", "client"]
    username: str
    full_name: str
    email: str | None
    role: str
    territories: list[str]
    manager_id: str | None
    active: bool


class MeWithPermissions(MeRead):
    """The caller, their preferences and what they may do."""

    language: Language | None = Field(None, description="the UI language the user chose; null until they choose")
    allowed: list[str] = Field(description="capabilities of the caller's role, e.g. `accounts.edit`, "
                                           "`leads.convert`: what the API will accept from them")


class MeUpdate(Strict):
    language: Language


class UserCreate(Strict):
    username: str = Field(min_length=2, max_length=64)
    full_name: str = Field(min_length=1, max_length=200)
    email: EmailStr
    role: str = Field(max_length=40)
    territories: list[TerritoryCode] = Field(default_factory=list, max_length=20)
    manager_id: uuid.UUID | None = None
    password: str = Field(min_length=1, max_length=1024)


class UserUpdate(Strict):
    """Only the fields present change; `manager_id: null` removes the manager."""

    full_name: str | None = Field(None, min_length=1, max_length=200)
    email: EmailStr | None = None
    role: str | None = Field(None, max_length=40)
    manager_id: uuid.UUID | None = None
    territories: list[TerritoryCode] | None = Field(None, max_length=20)

    @field_validator("full_name", "email", "role", "territories", mode="before")
    @classmethod
    def _not_null(cls, value):
        if value is None:
            raise ValueError("cannot be null")
        return value

    def changes(self) -> dict:
        values = self.model_dump(exclude_unset=True)
        if "manager_id" in values:
            values["manager_id"] = str(values["manager_id"]) if values["manager_id"] else None
        return values


class ApiClientCreate(Strict):
    name: str = Field(min_length=1, max_length=200)
    role: str = Field(max_length=40)


class ApiClientRead(BaseModel):
    id: str
    name: str
    role: str
    key_prefix: str
    active: bool
    created_at: datetime
    revoked_at: datetime | None


class ApiClientCreated(ApiClientRead):
    key: str = Field(description="Shown once: only its hash is stored")


class TerritoryRead(BaseModel):
    code: str
    name: str
    states: list[str] = Field(description="State and province codes the territory covers")
    sales_region: str


class AuditEventRead(BaseModel):
    id: int
    occurred_at: datetime
    action: str
    actor_id: str | None = Field(description="The user or API client; null when unknown (a failed login "
                                             "naming no user)")
    actor_username: str | None = Field(description="The username or API client name as recorded (for a failed "
                                                   "login: the name that was tried); null when none was")
    address: str = Field(description="Client address, or the tool that acted (e.g. demo-loader)")
    detail: dict = Field(description="What happened, by action (reason, user_id, fields, path, ...); "
                                     "never a password, key or token")


class SigningKeyRead(BaseModel):
    key_id: str
    active: bool
    created_at: datetime
    revoked_at: datetime | None


class SigningKeyCreated(SigningKeyRead):
    secret: str = Field(description="Shown once. Sign each request as crm_gateway/domain/signatures.py says")
