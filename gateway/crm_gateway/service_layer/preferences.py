"""The caller's own preferences (GET and PATCH /api/v1/me)."""
from __future__ import annotations

from crm_gateway.adapters.preferences import Preferences
from crm_gateway.service_layer.context import Gateway


async def language(*, gw: Gateway, user_id: str) -> str | None:
    async with gw.uow() as uow:
        return await Preferences(uow.session).language(user_id)


async def set_language(*, gw: Gateway, user_id: str, language: str) -> None:
    async with gw.uow() as uow:
        await Preferences(uow.session).set_language(user_id, language)
        await uow.commit()
