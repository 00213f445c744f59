"""Load the demo organisation idempotently: territories, users (with managers), landing-page forms.

Users go through the same handlers as the admin API, so every creation or change is published on
crm.identity.user.* through the outbox and the leads service builds its SDR pool from it.
"""
from __future__ import annotations

import csv
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

from crmkit.errors import CrmError, InvalidInput

from crm_gateway.domain.identity import TerritoryRecord
from crm_gateway.domain.model import Caller
from crm_gateway.service_layer import auth, users
from crm_gateway.service_layer.context import Gateway
from crm_gateway.service_layer.territories import converge_territories

log = logging.getLogger(__name__)

DEMO_DIR = Path(__file__).parent
ADDRESS = "demo-loader"
FORMS = (
    ("how-to-spec-out-a-kiosk", "How to Spec Out a Kiosk"),
    ("kiosk-roi-calculator", "Kiosk ROI Calculator"),
    ("self-service-buyers-guide", "Self-Service Buyer's Guide"),
    ("outdoor-kiosk-checklist", "Outdoor Kiosk Checklist"),
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    email: str
    role: str
    territories: list[str]
    manager: str | None


def _rows(name: str) -> list[dict[str, str]]:
    with open(DEMO_DIR / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_territories() -> list[TerritoryRecord]:
    return [TerritoryRecord(code=r["code"], name=r["name"], states=tuple(s for s in r["states"].split(";") if s),
                            sales_region=r["sales_region"]) for r in _rows("territories.csv")]


def read_users() -> list[DemoUser]:
    """The users, managers before their reports."""
    pending = [DemoUser(username=r["username"], full_name=r["full_name"], email=r["email"], role=r["role"],
                        territories=[c.strip() for c in r["territories"].split(",") if c.strip()],
                        manager=r["manager"] or None) for r in _rows("users.csv")]
    ordered: list[DemoUser] = []
    placed: set[str] = set()
    while pending:
        ready = [u for u in pending if u.manager is None or u.manager in placed]
        if not ready:
            raise ValueError(f"users.csv: unknown managers or a reporting loop among {[u.username for u in pending]}")
        ordered.extend(ready)
        placed.update(u.username for u in ready)
        pending = [u for u in pending if u.username not in placed]
    return ordered


async def load_org(*, gw: Gateway, password: str) -> dict[str, int]:
    """Create or converge the 10 territories and 26 users. Running it again changes nothing."""
    territories = read_territories()
    changed = await converge_territories(gw=gw, records=territories)
    counts = {"territories": len(territories), "territories_changed": changed, "users_created": 0,
              "users_updated": 0, "users_unchanged": 0}
    for person in read_users():
        async with gw.uow() as uow:
            ids = await uow.repo.user_ids_by_username()
        manager_id = ids[person.manager] if person.manager else None
        if person.username not in ids:
            await users.create_user(gw=gw, actor=None, address=ADDRESS, username=person.username,
                                    full_name=person.full_name, email=person.email, role=person.role,
                                    territories=person.territories, manager_id=manager_id, password=password)
            counts["users_created"] += 1
            continue
        before = await users.get_user(gw=gw, user_id=ids[person.username])
        after = await users.update_user(gw=gw, actor=None, address=ADDRESS, user_id=before.id, changes={
            "full_name": person.full_name, "email": person.email, "role": person.role, "manager_id": manager_id,
            "territories": person.territories,
        })
        counts["users_updated" if after.version != before.version else "users_unchanged"] += 1
    return counts


async def register_forms(*, gw: Gateway, admin_username: str = "admin") -> list[str]:
    """Create the four landing-page forms in the leads service as the admin; answers the slugs created."""
    async with gw.uow() as uow:
        found = await uow.repo.credentials(admin_username)
    if found is None:
        raise InvalidInput(f"no user {admin_username!r}: load the organisation first")
    admin = found[0]
    caller = Caller(id=admin.id, kind="user", role=admin.role, username=admin.username, territories=admin.territories)
    leads = gw.acting_as(auth.CallerPrincipal(gw, lambda: caller, uuid.uuid4().hex)).leads
    existing: set[str] = set()
    cursor = ""
    while True:  # every form there is, page by page
        page = await leads.list_web_forms(cursor=cursor)
        existing.update(form.slug for form in page.forms)
        if not (cursor := page.next_cursor):
            break
    created = []
    for slug, name in FORMS:
        if slug in existing:
            continue
        try:
            await leads.create_web_form(slug, name)
        except CrmError as exc:
            if exc.kind != "conflict":  # created by a concurrent loader: fine
                raise
        created.append(slug)
    return created


async def ensure_admin(*, gw: Gateway, username: str, password: str, email: str, full_name: str) -> str:
    """Create the admin, or make an existing user an active admin with this password. Answers its id."""
    async with gw.uow() as uow:
        found = await uow.repo.credentials(username.strip().lower())
    if found is None:
        user = await users.create_user(gw=gw, actor=None, address=ADDRESS, username=username, full_name=full_name,
                                       email=email, role="admin", territories=[], manager_id=None, password=password)
        return user.id
    user = found[0]
    await users.update_user(gw=gw, actor=None, address=ADDRESS, user_id=user.id, changes={"role": "admin"})
    await users.set_active(gw=gw, actor=None, address=ADDRESS, user_id=user.id, active=True)
    await users.set_password(gw=gw, user_id=user.id, password=password)
    return user.id
