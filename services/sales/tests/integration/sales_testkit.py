"""An organisation in the sales read model, as the identity and accounts events would leave it."""
from __future__ import annotations

import uuid

from crmkit.account_access.replica import AccountAccess, AccountFacts
from crmkit.identity.model import Territory
from crmkit.identity.replica import Territories
from crmkit.principal import Principal

from crm_sales.adapters.orm import account_access, identity, users

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
