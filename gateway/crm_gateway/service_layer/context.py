"""The ports a handler may use, built once by the composition root (crm_gateway.bootstrap)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crmkit.db import SessionFactory, UnitOfWork
from crmkit.principal import PrincipalSigner
from sqlalchemy.ext.asyncio import AsyncSession

from crm_gateway.adapters.access_tokens import AccessTokens
from crm_gateway.adapters.counters import CounterStore
from crm_gateway.adapters.hashing import Passwords
from crm_gateway.adapters.orm import messaging
from crm_gateway.adapters.repository import Repository
from crm_gateway.adapters.secret_box import SecretBox
from crm_gateway.adapters.signing_keys import SigningKeys
from crm_gateway.clients.accounts import AccountsClient
from crm_gateway.clients.base import PrincipalSource
from crm_gateway.clients.integration import ImportsClient
from crm_gateway.clients.leads import LeadsClient
from crm_gateway.clients.sales import SalesClient
from crm_gateway.service_layer.identity_events import IDENTITY_EVENTS
from crm_gateway.settings import GatewaySettings


class GatewayUnitOfWork(UnitOfWork):
    integration_events = IDENTITY_EVENTS
    repo: Repository
    signing_keys: SigningKeys

    def _bind(self, session: AsyncSession) -> None:
        self.repo = Repository(session)
        self.signing_keys = SigningKeys(session)


@dataclass(frozen=True)
class ServiceCalls:
    """The services, every call carrying one principal (the request's caller, most often)."""

    leads: LeadsClient
    accounts: AccountsClient
    imports: ImportsClient
    sales: SalesClient


@dataclass(frozen=True)
class Gateway:
    settings: GatewaySettings
    sessions: SessionFactory
    store: CounterStore
    passwords: Passwords
    access: AccessTokens
    signer: PrincipalSigner
    box: SecretBox
    leads: LeadsClient
    accounts: AccountsClient
    imports: ImportsClient
    sales: SalesClient
    on_commit: Callable[[], None] | None = None

    def uow(self) -> GatewayUnitOfWork:
        return GatewayUnitOfWork(self.sessions, messaging, on_commit=self.on_commit)

    def acting_as(self, principal: PrincipalSource | str) -> ServiceCalls:
        """The service clients bound to `principal`; the clients held here carry none."""
        return ServiceCalls(leads=self.leads.acting_as(principal), accounts=self.accounts.acting_as(principal),
                            imports=self.imports.acting_as(principal), sales=self.sales.acting_as(principal))
