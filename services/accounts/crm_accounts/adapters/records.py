"""Contact, kiosk and share queries. Contacts and kiosks are scoped through their account's
visibility (repository.readable_in_full / editable), never by a rule of their own."""
from __future__ import annotations

from typing import TypeVar

from crmkit.listing import Cursor, Sort
from crmkit.listing_sql import keyset
from crmkit.principal import Principal
from crmkit.repository import TrackedRepository, is_uuid
from sqlalchemy import Select, any_, func, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from crm_accounts.adapters.orm import SEARCH_KEYS, accounts, contacts, kiosks, shares
from crm_accounts.adapters.repository import (
    accounts_with_territory,
    contains,
    editable,
    full_view,
    readable_in_full,
    subtree,
)
from crm_accounts.domain.commands import EmailInput, LegacyReference, PhoneInput
from crm_accounts.domain.errors import AccessDenied, RecordNotFound, Taken
from crm_accounts.domain.model import Contact, Kiosk, Share
from crm_accounts.domain.policy import reads_every_kiosk
from crm_accounts.domain.search import SearchTerms, email_key, name_key, phone_key

CONTACT_COLUMNS = tuple(c.name for c in contacts.c if c.name not in ("creation_digest", *SEARCH_KEYS))
KIOSK_COLUMNS = tuple(c.name for c in kiosks.c)
SHARE_COLUMNS = tuple(c.name for c in shares.c)
R = TypeVar("R", Contact, Kiosk)


class _Records(TrackedRepository[R]):
    """Contacts or kiosks, with those a unit of work loaded for change or added in `seen`."""

    def _refused(self, exc: IntegrityError, record: R) -> Exception:
        message = str(exc.orig)
        for unique in ("legacy_id", "serial_number"):
            if f"uq_{self.kind}s_{unique}" in message:
                return Taken(unique, getattr(record, unique))
        if "fk_" in message:
            field = "account_id" if self.kind == "contact" else "location_account_id"
            return RecordNotFound("account", getattr(record, field), field=field)
        return exc


class ContactRepository(_Records[Contact]):
    table, kind = contacts, "contact"

    def _readable(self, principal: Principal) -> Select:
        """Contacts of the accounts the caller sees in full, with their account's status and type (CON-2)."""
        return (select(contacts, accounts.c.status.label("account_status"), accounts.c.type.label("account_type"))
                .join(accounts, accounts.c.id == contacts.c.account_id)
                .where(contacts.c.account_id.in_(readable_in_full(principal))))

    async def get(self, principal: Principal, contact_id: str) -> Contact:
        row = (await self._session.execute(self._readable(principal).where(contacts.c.id == contact_id))).first() \
            if is_uuid(contact_id) else None
        if row is None:
            raise RecordNotFound("contact", contact_id)
        return to_contact(row)

    async def for_update(self, principal: Principal, contact_id: str) -> Contact:
        """A contact of an account the caller may change, locked (NotFound / Forbidden like accounts)."""
        if not is_uuid(contact_id):
            raise RecordNotFound("contact", contact_id)
        writable = select(editable(principal).subquery().c.id)
        row = (await self._session.execute(
            self._readable(principal).where(contacts.c.id == contact_id, contacts.c.account_id.in_(writable))
            .with_for_update(of=contacts))).first()
        if row is None:
            await self.get(principal, contact_id)
            raise AccessDenied("you may see this contact but not change it", "id")
        return self._track(to_contact(row))

    async def of_account(self, principal: Principal, account_id: str, *, sort: Sort, after: Cursor | None,
                         limit: int) -> list[Contact]:
        """Up to `limit` contacts of an account the caller may read, by (last, first) name, after `after`."""
        stmt = keyset(self._readable(principal).where(contacts.c.account_id == account_id),
                      (contacts.c.last_name, contacts.c.first_name), contacts.c.id, sort, after)
        return [to_contact(row) for row in (await self._session.execute(stmt.limit(limit))).all()]

    async def first_of_account(self, principal: Principal, account_id: str, *,
                               limit: int) -> tuple[list[Contact], int]:
        """The first `limit` contacts of an account by name, and how many the caller may read in all."""
        rows = (await self._session.execute(
            self._readable(principal).add_columns(func.count().over().label("total"))
            .where(contacts.c.account_id == account_id)
            .order_by(contacts.c.last_name, contacts.c.first_name, contacts.c.id).limit(limit))).all()
        return [to_contact(row) for row in rows], rows[0].total if rows else 0

    async def search(self, principal: Principal, terms: SearchTerms, *, limit: int) -> list[tuple[Contact, str]]:
        """Up to `limit` contacts the caller may read matching `terms` (domain.search), by name,
        with their account's name."""
        matches = [contains(contacts.c.name_key, terms.text), contains(contacts.c.email_key, terms.text)]
        if terms.phone_digits is not None:
            matches.append(contains(contacts.c.phone_key, terms.phone_digits))
        rows = (await self._session.execute(
            self._readable(principal).add_columns(accounts.c.name.label("account_name")).where(or_(*matches))
            .order_by(contacts.c.last_name, contacts.c.first_name, contacts.c.id).limit(limit))).all()
        return [(to_contact(row), row.account_name) for row in rows]

    async def add(self, contact: Contact, *, digest: str) -> bool:
        """Insert a new contact created from data of `digest`; False (nothing written) when its id
        exists already. A concurrent insert of the same id waits for the other to commit."""
        stmt = (insert(contacts).values({**contact_row(contact), "creation_digest": digest})
                .on_conflict_do_nothing(index_elements=[contacts.c.id]).returning(contacts.c.id))
        inserted = (await self._execute(stmt, None, contact)).first()
        if inserted is not None:
            self._track(contact)
        return inserted is not None

    async def as_created(self, contact_id: str) -> tuple[Contact, str | None]:
        """A contact by id whoever may see it, with its creation digest: to recognise a retried create."""
        row = (await self._session.execute(
            select(contacts, accounts.c.status.label("account_status"), accounts.c.type.label("account_type"))
            .join(accounts, accounts.c.id == contacts.c.account_id).where(contacts.c.id == contact_id))).one()
        return to_contact(row), row.creation_digest

    async def save(self, contact: Contact) -> None:
        await self._update(contact, contact_row(contact))


def contact_row(contact: Contact) -> dict[str, object]:
    """The table row of a contact, with its search keys."""
    row = {name: getattr(contact, name) for name in CONTACT_COLUMNS}
    row["emails"] = [{"address": e.address, "primary": e.primary} for e in contact.emails]
    row["phones"] = [{"number": p.number, "type": p.type, "extension": p.extension} for p in contact.phones]
    row["legacy_id"] = contact.legacy_id or None
    row["legacy"] = vars(contact.legacy).copy() if contact.legacy is not None else None
    row["name_key"] = name_key(contact.first_name, contact.last_name)
    row["email_key"] = email_key(e.address for e in contact.emails)
    row["phone_key"] = phone_key(p.number for p in contact.phones)
    return row


def to_contact(row) -> Contact:
    """A contact from its row (joined with its account's status and type)."""
    values = {name: row._mapping[name] for name in CONTACT_COLUMNS}
    values["emails"] = tuple(EmailInput(**e) for e in values["emails"])
    values["phones"] = tuple(PhoneInput(**p) for p in values["phones"])
    values["legacy_id"] = values["legacy_id"] or ""
    values["legacy"] = LegacyReference(**values["legacy"]) if values["legacy"] is not None else None
    return Contact(**values, account_status=row.account_status, account_type=row.account_type)


class KioskRepository(_Records[Kiosk]):
    table, kind = kiosks, "kiosk"

    def _readable(self, principal: Principal) -> Select:
        """Kiosks of the locations the caller sees in full; support and the fleet read them all."""
        stmt = select(kiosks)
        return stmt if reads_every_kiosk(principal) else stmt.where(
            kiosks.c.location_account_id.in_(readable_in_full(principal)))

    async def get(self, principal: Principal, kiosk_id: str, *, for_update: bool = False) -> Kiosk:
        row = None
        if is_uuid(kiosk_id):
            query = self._readable(principal).where(kiosks.c.id == kiosk_id)
            row = (await self._session.execute(query.with_for_update() if for_update else query)).first()
        if row is None:
            raise RecordNotFound("kiosk", kiosk_id)
        kiosk = Kiosk(**row._mapping)
        return self._track(kiosk) if for_update else kiosk

    async def matching(self, principal: Principal, *, location: str = "", serial_number: str = "", sort: Sort,
                       after: Cursor | None, limit: int) -> list[Kiosk]:
        """Up to `limit` kiosks the caller may read at `location` and/or with `serial_number`, by
        serial, after `after`."""
        stmt = self._readable(principal)
        if location:
            stmt = stmt.where(kiosks.c.location_account_id == location)
        if serial_number:
            stmt = stmt.where(kiosks.c.serial_number == serial_number)
        stmt = keyset(stmt, kiosks.c.serial_number, kiosks.c.id, sort, after)
        return [Kiosk(**row._mapping) for row in (await self._session.execute(stmt.limit(limit))).all()]

    async def end_dates_below(self, principal: Principal, account_id: str) -> dict:
        """How many kiosks the caller may read stand at the account or anywhere below it, per warranty
        end date (None: not known)."""
        # The subtree as an array, and the caller's scope applied to each kiosk's own account: joining
        # the recursive CTE (or `IN readable_in_full`) makes the planner hash every kiosk or account.
        below = func.array(select(subtree(account_id).c.id).scalar_subquery())
        stmt = select(kiosks.c.warranty_end_date, func.count()).where(kiosks.c.location_account_id == any_(below))
        if not reads_every_kiosk(principal):
            own_account = kiosks.join(accounts_with_territory, accounts.c.id == kiosks.c.location_account_id)
            stmt = stmt.select_from(own_account).where(full_view(principal))
        rows = await self._session.execute(stmt.group_by(kiosks.c.warranty_end_date))
        return dict(rows.tuples().all())

    async def add(self, kiosk: Kiosk) -> None:
        await self._insert(kiosk, {name: getattr(kiosk, name) for name in KIOSK_COLUMNS})

    async def save(self, kiosk: Kiosk) -> None:
        await self._update(kiosk, {name: getattr(kiosk, name) for name in KIOSK_COLUMNS})


class ShareRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def grant(self, share: Share) -> None:
        """Share, or change the access of an existing share."""
        stmt = insert(shares).values({name: getattr(share, name) for name in SHARE_COLUMNS})
        await self._session.execute(stmt.on_conflict_do_update(
            index_elements=[shares.c.account_id, shares.c.user_id],
            set_={"access": stmt.excluded.access, "granted_by": stmt.excluded.granted_by,
                  "granted_at": stmt.excluded.granted_at}))

    async def revoke(self, account_id: str, user_id: str) -> bool:
        deleted = await self._session.execute(shares.delete().where(
            shares.c.account_id == account_id, shares.c.user_id == user_id).returning(shares.c.user_id))
        return deleted.first() is not None

    async def of_account(self, account_id: str, *, sort: Sort, after: Cursor | None, limit: int) -> list[Share]:
        """Up to `limit` shares of an account, by user id, after `after` (a share's id is its user id)."""
        stmt = keyset(select(shares).where(shares.c.account_id == account_id), shares.c.user_id, shares.c.user_id,
                      sort, after)
        return [Share(**row._mapping) for row in (await self._session.execute(stmt.limit(limit))).all()]
