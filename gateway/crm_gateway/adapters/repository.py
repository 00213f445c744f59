"""Every query the gateway runs against its own database."""
from __future__ import annotations

from datetime import UTC, datetime

from crmkit.errors import Conflict
from sqlalchemy import func, literal, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from crm_gateway.adapters.orm import api_clients, audit_log, refresh_tokens, territories, user_territories, users
from crm_gateway.domain.identity import ApiClientRecord, AuditRecord, RefreshRecord, TerritoryRecord, UserRecord
from crm_gateway.domain.tokens import StoredRefresh


def _now() -> datetime:
    return datetime.now(UTC)


class Repository:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    # territories
    async def territory_codes(self) -> set[str]:
        return set((await self._s.scalars(select(territories.c.code))).all())

    async def list_territories(self) -> list[TerritoryRecord]:
        rows = (await self._s.execute(select(territories).order_by(territories.c.code))).all()
        return [TerritoryRecord(r.code, r.name, tuple(r.states), r.sales_region) for r in rows]

    async def get_territory(self, code: str) -> TerritoryRecord | None:
        row = (await self._s.execute(select(territories).where(territories.c.code == code))).first()
        return None if row is None else TerritoryRecord(row.code, row.name, tuple(row.states), row.sales_region)

    async def upsert_territory(self, territory: TerritoryRecord) -> int | None:
        """Create or change a territory; answers its new version, or None when nothing changed."""
        values = {"code": territory.code, "name": territory.name, "states": list(territory.states),
                  "sales_region": territory.sales_region}
        stmt = insert(territories).values(values)
        excluded = stmt.excluded
        return (await self._s.execute(stmt.on_conflict_do_update(
            index_elements=[territories.c.code], set_={**values, "version": territories.c.version + 1},
            where=(territories.c.name != excluded.name) | (territories.c.states != excluded.states)
            | (territories.c.sales_region != excluded.sales_region),
        ).returning(territories.c.version))).scalar_one_or_none()

    # users
    async def _user_territories(self, user_ids: list[str]) -> dict[str, tuple[str, ...]]:
        if not user_ids:
            return {}
        rows = (await self._s.execute(
            select(user_territories.c.user_id, user_territories.c.territory_code)
            .where(user_territories.c.user_id.in_(user_ids))
            .order_by(user_territories.c.user_id, user_territories.c.position)
        )).all()
        found: dict[str, list[str]] = {}
        for row in rows:
            found.setdefault(row.user_id, []).append(row.territory_code)
        return {user_id: tuple(codes) for user_id, codes in found.items()}

    async def _records(self, rows) -> list[UserRecord]:
        codes = await self._user_territories([r.id for r in rows])
        return [UserRecord(id=r.id, username=r.username, full_name=r.full_name, email=r.email, role=r.role,
                           manager_id=r.manager_id, active=r.active, version=r.version,
                           territories=codes.get(r.id, ()), created_at=r.created_at, updated_at=r.updated_at)
                for r in rows]

    async def get_user(self, user_id: str, *, for_update: bool = False) -> UserRecord | None:
        query = select(users).where(users.c.id == user_id)
        if for_update:
            query = query.with_for_update()
        rows = (await self._s.execute(query)).all()
        records = await self._records(rows)
        return records[0] if records else None

    async def credentials(self, username: str) -> tuple[UserRecord, str] | None:
        """The user with this username and their password hash."""
        row = (await self._s.execute(select(users).where(users.c.username == username))).first()
        if row is None:
            return None
        return (await self._records([row]))[0], row.password_hash

    async def user_ids_by_username(self) -> dict[str, str]:
        return {r.username: r.id for r in (await self._s.execute(select(users.c.username, users.c.id))).all()}

    async def list_users(self, *, after: str | None, limit: int) -> list[UserRecord]:
        query = select(users).order_by(users.c.username).limit(limit)
        if after is not None:
            query = query.where(users.c.username > after)
        return await self._records((await self._s.execute(query)).all())

    async def insert_user(self, *, user_id: str, username: str, full_name: str, email: str, role: str,
                          manager_id: str | None, password_hash: str, territory_codes: list[str]) -> None:
        try:
            await self._s.execute(users.insert().values(
                id=user_id, username=username, full_name=full_name, email=email, role=role, manager_id=manager_id,
                password_hash=password_hash, version=1,
            ))
        except IntegrityError as exc:  # a concurrent create took the name between the check and the insert
            raise Conflict("username already taken", field="username") from exc
        await self.set_territories(user_id, territory_codes)

    async def update_user(self, user_id: str, values: dict) -> None:
        """Apply column changes and bump the version."""
        await self._s.execute(update(users).where(users.c.id == user_id)
                              .values(**values, version=users.c.version + 1, updated_at=func.now()))

    async def set_territories(self, user_id: str, codes: list[str]) -> None:
        await self._s.execute(user_territories.delete().where(user_territories.c.user_id == user_id))
        if codes:
            await self._s.execute(user_territories.insert(), [
                {"user_id": user_id, "territory_code": code, "position": i} for i, code in enumerate(codes)
            ])

    async def record_login(self, user_id: str, *, new_password_hash: str | None) -> None:
        values: dict = {"last_login_at": _now()}
        if new_password_hash:
            values["password_hash"] = new_password_hash
        await self._s.execute(update(users).where(users.c.id == user_id).values(**values))

    async def set_password_hash(self, user_id: str, password_hash: str) -> None:
        await self._s.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))

    async def every_user(self) -> list[UserRecord]:
        """The whole directory, for the gateway's per-process snapshot (service_layer/callers.py)."""
        return await self._records((await self._s.execute(select(users))).all())

    async def manager_map(self) -> dict[str, str | None]:
        return {r.id: r.manager_id for r in (await self._s.execute(select(users.c.id, users.c.manager_id))).all()}

    # refresh tokens
    async def insert_refresh(self, *, token_id: str, family_id: str, user_id: str, token_hash: str,
                             expires_at: datetime) -> None:
        await self._s.execute(refresh_tokens.insert().values(
            id=token_id, family_id=family_id, user_id=user_id, token_hash=token_hash, expires_at=expires_at,
        ))

    async def refresh_for_update(self, token_hash: str) -> RefreshRecord | None:
        row = (await self._s.execute(
            select(refresh_tokens).where(refresh_tokens.c.token_hash == token_hash).with_for_update()
        )).first()
        if row is None:
            return None
        return RefreshRecord(row.id, row.family_id, row.user_id,
                             StoredRefresh(expires_at=row.expires_at, used_at=row.used_at, revoked_at=row.revoked_at))

    async def mark_refresh_used(self, token_id: str) -> None:
        await self._s.execute(update(refresh_tokens).where(refresh_tokens.c.id == token_id).values(used_at=_now()))

    async def revoke_family(self, family_id: str) -> None:
        await self._s.execute(update(refresh_tokens)
                              .where(refresh_tokens.c.family_id == family_id, refresh_tokens.c.revoked_at.is_(None))
                              .values(revoked_at=_now()))

    async def revoke_user_tokens(self, user_id: str) -> None:
        await self._s.execute(update(refresh_tokens)
                              .where(refresh_tokens.c.user_id == user_id, refresh_tokens.c.revoked_at.is_(None))
                              .values(revoked_at=_now()))

    # API clients
    async def insert_client(self, *, client_id: str, name: str, role: str, key_hash: str, key_prefix: str,
                            created_by: str) -> ApiClientRecord:
        row = (await self._s.execute(api_clients.insert().values(
            id=client_id, name=name, role=role, key_hash=key_hash, key_prefix=key_prefix, created_by=created_by,
        ).returning(api_clients))).one()
        return ApiClientRecord(row.id, row.name, row.role, row.key_prefix, row.created_at, row.revoked_at)

    async def list_clients(self) -> list[ApiClientRecord]:
        rows = (await self._s.execute(select(api_clients).order_by(api_clients.c.created_at, api_clients.c.id))).all()
        return [ApiClientRecord(r.id, r.name, r.role, r.key_prefix, r.created_at, r.revoked_at) for r in rows]

    async def active_client_by_hash(self, key_hash: str) -> ApiClientRecord | None:
        row = (await self._s.execute(select(api_clients).where(
            api_clients.c.key_hash == key_hash, api_clients.c.revoked_at.is_(None)))).first()
        return None if row is None else ApiClientRecord(row.id, row.name, row.role, row.key_prefix, row.created_at,
                                                        row.revoked_at)

    async def revoke_client(self, client_id: str) -> bool:
        """Answers False when no such client exists."""
        row = (await self._s.execute(select(api_clients.c.id).where(api_clients.c.id == client_id))).first()
        if row is None:
            return False
        await self._s.execute(update(api_clients)
                              .where(api_clients.c.id == client_id, api_clients.c.revoked_at.is_(None))
                              .values(revoked_at=_now()))
        return True

    # audit
    async def add_audit(self, *, action: str, actor_id: str | None, actor_name: str, address: str,
                        detail: dict) -> None:
        await self._s.execute(audit_log.insert().values(
            action=action, actor_id=actor_id, actor_name=actor_name[:200], address=address[:64], detail=detail,
        ))

    async def list_audit(self, *, actions: list[str], actor_id: str | None, since: datetime | None,
                         until: datetime | None, before: tuple[datetime, int] | None,
                         limit: int) -> list[AuditRecord]:
        """Audit rows newest first (by time, then id); `before` is the (time, id) of the last row already seen."""
        query = select(audit_log).order_by(audit_log.c.at.desc(), audit_log.c.id.desc()).limit(limit)
        if actions:
            query = query.where(audit_log.c.action.in_(actions))
        if actor_id is not None:
            query = query.where(audit_log.c.actor_id == actor_id)
        if since is not None:
            query = query.where(audit_log.c.at >= since)
        if until is not None:
            query = query.where(audit_log.c.at < until)
        if before is not None:
            last = tuple_(literal(before[0], audit_log.c.at.type), literal(before[1], audit_log.c.id.type))
            query = query.where(tuple_(audit_log.c.at, audit_log.c.id) < last)
        return [AuditRecord(r.id, r.at, r.action, r.actor_id, r.actor_name, r.address, dict(r.detail))
                for r in (await self._s.execute(query)).all()]
