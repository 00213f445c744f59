"""What the sales integration tests share: callers, two related accounts, a seat priced by a
standard list and by the parent account's list, and an opportunity on the child account."""
from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from crmkit.account_access.replica import AccountFacts
from sqlalchemy import insert

from crm_sales.adapters.orm import opportunities
from crm_sales.domain.pricing import PriceList, PriceTier, Product
from tests.support.principals import as_role

NOW = datetime(2026, 5, 1, 9, tzinfo=UTC)
DAY = date(2026, 5, 1)
AE = as_role("ae")
ADMIN = as_role("admin")
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
