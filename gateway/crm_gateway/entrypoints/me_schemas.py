"""Bodies of GET and PATCH /api/v1/me beyond the identity: preferences and what the caller may do."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from crm_gateway.entrypoints.schemas import MeRead

Language = Literal["en", "zh-CN"]  # the web client's catalogs


class MeWithPermissions(MeRead):
    language: Language | None = Field(None, description="the UI language the user chose; null until they choose")
    allowed: list[str] = Field(description="capabilities of the caller's role, e.g. `accounts.edit`, "
                                           "`leads.convert`: what the API will accept from them")


class MeUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: Language
