"""Use cases of the activity timeline (GEN-1, MOB-1): an account's or a contact's activities, newest
first in cursor pages, for those who see the account in full; and logging an activity on an account
the caller may edit. What an activity is and how its fields are cleaned: domain.activities."""
from __future__ import annotations

from dataclasses import dataclass

from crmkit.errors import InvalidInput
from crmkit.fields import canonical
from crmkit.listing import Page, Sorting
from crmkit.principal import Principal

from crm_accounts.domain import policy
from crm_accounts.domain.activities import KINDS, LATEST, Activity, clean_new_activity
from crm_accounts.domain.errors import RecordNotFound
from crm_accounts.service_layer.handlers import now
from crm_accounts.service_layer.unit_of_work import AccountsUnitOfWork

ACTIVITY_SORTING = Sorting(sortable=("occurred_at",), default="-occurred_at", timestamp_fields=("occurred_at",))


@dataclass(frozen=True)
class ListActivities:
    account_id: str = ""
    contact_id: str = ""
    kinds: tuple[str, ...] = ()
    page_size: int = 0
    cursor: str = ""


@dataclass(frozen=True)
class NewActivity:
    account_id: str
    fields: dict[str, str]  # kind, subject, body, occurred_at, direction: as sent
    contact_id: str = ""


async def list_activities(*, uow: AccountsUnitOfWork, principal: Principal,
                          query: ListActivities) -> Page[Activity]:
    """A page of the activities of an account or of a contact (exactly one), newest first. NotFound
    when the caller does not see the account (the contact's account), Forbidden when they see only
    its directory view."""
    account_id, contact_id = query.account_id.strip(), query.contact_id.strip()
    if bool(account_id) == bool(contact_id):
        raise InvalidInput("give either an account_id or a contact_id",
                           field="contact_id" if contact_id else "account_id")
    kinds = tuple(dict.fromkeys(canonical(kind, KINDS, "kinds") for kind in query.kinds))
    request = ACTIVITY_SORTING.request(cursor=query.cursor, requested_size=query.page_size)
    async with uow:
        if contact_id:
            owner = await uow.activities.account_of_contact(contact_id)
            try:
                if owner is None:
                    raise RecordNotFound("contact", contact_id, field="contact_id")
                view = await uow.accounts.get(principal, owner, field="contact_id")
            except RecordNotFound:
                raise RecordNotFound("contact", contact_id, field="contact_id") from None
            policy.ensure_sees_activities(view.full, "contact_id")
        else:
            view = await uow.accounts.get(principal, account_id, field="account_id")
            policy.ensure_sees_activities(view.full, "account_id")
            account_id = view.account.id
        rows = await uow.activities.page(account_id=account_id, contact_id=contact_id, kinds=kinds,
                                         sort=request.sort, after=request.after, limit=request.limit)
    return Page.of(rows, request, key=lambda activity: (activity.occurred_at, activity.id))


async def latest_activities(uow: AccountsUnitOfWork, account_id: str) -> list[Activity]:
    """Inside an open unit of work: the latest activities of an account already checked seen in full."""
    return await uow.activities.page(account_id=account_id, sort=ACTIVITY_SORTING.parse(""), limit=LATEST)


async def create_activity(*, uow: AccountsUnitOfWork, principal: Principal, command: NewActivity) -> Activity:
    """GEN-1: log an activity on an account the caller may edit (NotFound when they do not see it,
    Forbidden when they see it but may not change it), on one of its contacts when given; the caller
    is its author."""
    stamp = now()
    content = clean_new_activity(command.fields, author=principal.user_id, now=stamp)
    async with uow:
        account = await uow.accounts.for_update(principal, command.account_id, field="account_id")
        contact_id = command.contact_id.strip()
        if contact_id:
            try:
                contact = await uow.contacts.get(principal, contact_id)
            except RecordNotFound:
                raise RecordNotFound("contact", contact_id, field="contact_id") from None
            if contact.account_id != account.id:
                raise InvalidInput("is not a contact of this account", field="contact_id")
            contact_id = contact.id
        activity = Activity.create(content=content, account_id=account.id, contact_id=contact_id, now=stamp)
        await uow.activities.add(activity)
        await uow.commit()
    return activity
