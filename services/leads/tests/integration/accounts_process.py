"""The real accounts service for the conversion tests, on its own database and a private embedded
NATS (tests/support/services.py starts it). The tests teach it a territory and its AE by publishing
identity events to that NATS, as the gateway would, so it defaults new accounts' owners (LEAD-6)."""
from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from crm.identity.v1 import events_pb2 as identity_events
from crmkit import streams
from sqlalchemy import text

from tests.support.databases import session_factory
from tests.support.events import publish
from tests.support.services import RunningService, private_nats, running_service, tail
from tests.support.waiting import eventually


@dataclass(frozen=True)
class AccountsProcess:
    service: RunningService

    @property
    def target(self) -> str:
        return self.service.target

    async def add_territory_ae(self, *, territory: str, states: list[str]) -> str:
        """Publish TerritoryUpdated and UserCreated (an AE of `territory`) and wait until accounts
        applied both; answers the AE's id."""
        ae_id = str(uuid.uuid4())
        nc = await streams.connect(self.service.nats_url, name="leads-conversion-tests")
        try:
            js = nc.jetstream()
            await streams.ensure_stream(js, "identity")
            await publish(js, "crm.identity.territory.updated", identity_events.TerritoryUpdated(
                territory=identity_events.Territory(code=territory, name=territory, states=states,
                                                    sales_region="east", version=1)))
            await publish(js, "crm.identity.user.created", identity_events.UserCreated(user=identity_events.User(
                id=ae_id, username=f"ae-{territory.lower()}", full_name="Ann Example", email="ann@example.com",
                role="ae", territories=[territory], active=True, version=1)))
        finally:
            await nc.drain()
        await self._wait_for(ae_id, states[0], territory)
        return ae_id

    async def _wait_for(self, user_id: str, state: str, territory: str) -> None:
        async def learnt() -> bool:
            async with sessions() as session:
                user = (await session.execute(text("select 1 from users where id = :id"), {"id": user_id})).first()
                mapped = (await session.execute(text("select territory from territory_states where state = :s"),
                                                {"s": state})).scalar()
            return user is not None and mapped == territory

        async with session_factory(self.service.database_url, pool_size=1) as sessions:
            assert await eventually(learnt, timeout=20.0), \
                f"accounts did not learn {territory} and its AE:\n{tail(self.service.log_path)}"


@contextlib.contextmanager
def running_accounts(*, database_url: str, principal_public_key: str) -> Iterator[AccountsProcess]:
    """Migrate and serve crm_accounts until the block ends, then SIGTERM it and stop its NATS."""
    with private_nats() as nats_url, running_service("accounts", database_url=database_url,
                                                     principal_public_key=principal_public_key,
                                                     nats_url=nats_url) as service:
        yield AccountsProcess(service)
