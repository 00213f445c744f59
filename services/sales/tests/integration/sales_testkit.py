"""What the sales integration tests share: an organisation in the sales read model, as the identity and
accounts events would leave it; a seat priced by a standard list and by the parent account's list, and an
opportunity on the child account."""
from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from crmkit.account_access.replica import AccountAccess, AccountFacts
from crmkit.identity.model import Territory
from crmkit.identity.replica import Territories
from crmkit.principal import Principal
from sqlalchemy import insert

from crm_sales.adapters.orm import account_access, identity, opportunities, users
from crm_sales.domain.pricing import PriceList, PriceTier, Product

NOW = datetime(2026, 5, 1, 9, tzinfo=UTC)
DAY = date(2026, 5, 1)
AE = Principal(user_id="ae-1", role="ae", username="ae1", territories=("NE",))
OTHER_AE = Principal(user_id="ae-2", role="ae", username="ae2", territories=("PAC",))
SDR = Principal(user_id="sdr-1", role="sdr", username="sdr1")
ADMIN = Principal(user_id="admin-1", role="admin", username="admin")
RSM = Principal(user_id="rsm-1", role="rsm", username="rsm1", subordinates=("ae-1",))


async def add_org(sessions) -> dict[str, str]:
    """Territories, users and three accounts: a customer and a prospect in NE, a competitor."""
    ids = {"customer": str(uuid.uuid4()), "prospect": str(uuid.uuid4()), "competitor": str(uuid.uuid4())}
    async with sessions() as session, session.begin():
        await Territories(session, identity).record(Territory(code="NE", name="NE", states=("MA",),
                                                              sales_region="east", version=1))
        await session.execute(users.insert(), [
            {"id": p.user_id, "role": p.role, "territories": list(p.territories), "active": True, "version": 1}
            for p in (AE, OTHER_AE, SDR, ADMIN, RSM)])
        model = AccountAccess(session, account_access)
        for kind, account_id in ids.items():
            await model.record(AccountFacts(id=account_id, name=f"{kind} co", type=kind, status="active",
                                            state="MA", owner_id="ae-1", parent_id="", version=1))
    return ids


PARENT, CHILD, OTHER = (str(uuid.uuid4()) for _ in range(3))


def price_list(list_id: str, account: str | None, price: str) -> PriceList:
    return PriceList(list_id, f"List {price}", "USD", account, date(2026, 1, 1), None,
                     {"SEAT": (PriceTier(Decimal(0), Decimal(price)), PriceTier(Decimal(10), Decimal("1.00")))})


async def seed_opportunity(uows) -> str:
    opportunity_id = str(uuid.uuid4())
    async with uows() as uow:
        for account, parent, owner in ((PARENT, "", "someone"), (CHILD, PARENT, AE.user_id), (OTHER, "", "someone")):
            await uow.accounts.record(AccountFacts(account, "Acme", "customer", "active", "NY", owner, parent, 1))
        await uow.catalog.save_product(Product("SEAT", "CRM seat", "seat"))
        for pl in (price_list(str(uuid.uuid4()), None, "100.00"), price_list(str(uuid.uuid4()), PARENT, "80.00")):
            await uow.catalog.save_price_list(pl)
        await uow.session.execute(insert(opportunities).values(
            id=opportunity_id, account_id=CHILD, name="Renewal", type="add_on", stage="prospecting",
            stage_entered_at=NOW, probability=10, amount=Decimal(0), currency="USD", close_date=DAY,
            owner_id=AE.user_id, created_by=AE.user_id, created_at=NOW, updated_at=NOW, version=1))
        await uow.commit()
    return opportunity_id
