"""Price resolution and quotes as use cases (issue 10 items 6 and 7, GEN-10): each checks the role,
then the opportunity's account through crm_sales.adapters.access, then lets the domain decide."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from crmkit.errors import NotFound
from crmkit.principal import Principal

from crm_sales.adapters import access
from crm_sales.adapters.quote_pdf import QuoteHeading, render_quote_pdf
from crm_sales.domain.catalog_policy import QUOTE_WRITERS, SALES_ROLES, require
from crm_sales.domain.errors import AccountNotFound, OpportunityNotFound
from crm_sales.domain.pricing import PriceRequest, ResolvedPrice, resolve_price
from crm_sales.domain.quotes import Quote, QuoteLine, QuoteStatus
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork


class QuoteNotFound(NotFound):
    def __init__(self, quote_id: str) -> None:
        super().__init__(f"no quote {quote_id!r}", field="id")


async def resolve(uow: SalesUnitOfWork, principal: Principal, request: PriceRequest) -> ResolvedPrice:
    """The price for an account (or the standard price without one), with the rule that produced it."""
    require(principal, SALES_ROLES, "read prices")
    product = await uow.catalog.product(request.product_code)
    if product is None:
        raise NotFound(f"no product {request.product_code!r}", field="product_code")
    parent = None
    if request.account_id:
        # parent_id comes from the account-access read model, and only for an account the caller reads.
        seen, parent = await uow.quotes.parent_of(request.account_id, access.readable_in_full(principal))
        if not seen:
            raise AccountNotFound(request.account_id)
    ask = PriceRequest(request.product_code, request.quantity, request.on, request.currency,
                       request.account_id, parent)
    lists = await uow.catalog.price_lists(owners=[request.account_id, parent, None],
                                          currency=ask.currency.upper(), on=ask.on)
    return resolve_price(ask, product, lists)


async def _account_of(uow: SalesUnitOfWork, principal: Principal, opportunity_id: str, *, edit: bool) -> str:
    allowed = access.editable(principal) if edit else access.readable_in_full(principal)
    account_id = await uow.quotes.opportunity_account(opportunity_id, allowed)
    if account_id is None:
        raise OpportunityNotFound(opportunity_id)
    return account_id


async def get_quote(uow: SalesUnitOfWork, principal: Principal, quote_id: str, *, edit: bool = False) -> Quote:
    require(principal, QUOTE_WRITERS if edit else SALES_ROLES, "change quotes" if edit else "read quotes")
    quote = await uow.quotes.get(quote_id)
    if quote is None:
        raise QuoteNotFound(quote_id)
    try:
        await _account_of(uow, principal, quote.opportunity_id, edit=edit)
    except OpportunityNotFound:
        raise QuoteNotFound(quote_id) from None
    return quote


async def create_quote(uow: SalesUnitOfWork, principal: Principal, opportunity_id: str, currency: str,
                       now: datetime) -> Quote:
    require(principal, QUOTE_WRITERS, "create quotes")
    await _account_of(uow, principal, opportunity_id, edit=True)
    quote_id = str(uuid.uuid4())
    quote = Quote(quote_id, "Q-" + quote_id[:8].upper(), opportunity_id, currency)
    await uow.quotes.save(quote, by=principal.user_id, now=now)
    return quote


async def add_line(uow: SalesUnitOfWork, principal: Principal, quote_id: str, product_code: str,
                   quantity: Decimal, discount_percent: Decimal, on: date, now: datetime) -> Quote:
    """Resolve the price now and lock it into the line: later list changes leave the quote alone."""
    quote = await get_quote(uow, principal, quote_id, edit=True)
    account_id = await _account_of(uow, principal, quote.opportunity_id, edit=True)
    price = await resolve(uow, principal, PriceRequest(product_code, quantity, on, quote.currency, account_id))
    product = await uow.catalog.product(product_code)
    quote = quote.add_line(QuoteLine.from_price(price, product.name if product else product_code, discount_percent))
    await uow.quotes.save(quote, by=principal.user_id, now=now)
    return quote


async def move(uow: SalesUnitOfWork, principal: Principal, quote_id: str, status: QuoteStatus,
               now: datetime) -> Quote:
    quote = (await get_quote(uow, principal, quote_id, edit=True)).move_to(status)
    await uow.quotes.save(quote, by=principal.user_id, now=now)
    return quote


async def revise(uow: SalesUnitOfWork, principal: Principal, quote_id: str, now: datetime) -> Quote:
    """A new version v(n+1) in draft with the same locked lines; the old version is kept as it was."""
    quote = await get_quote(uow, principal, quote_id, edit=True)
    latest = await uow.quotes.latest_version(quote.number)
    revised = quote.revise(str(uuid.uuid4()), latest)
    await uow.quotes.save(revised, by=principal.user_id, now=now)
    return revised


async def set_terms(uow: SalesUnitOfWork, principal: Principal, quote_id: str, *, now: datetime,
                    discount_percent: Decimal | None = None, tax_rate_percent: Decimal | None = None,
                    line_discounts: dict[int, Decimal] | None = None) -> Quote:
    """Whole-quote discount, tax rate and per-line discounts of a draft."""
    quote = await get_quote(uow, principal, quote_id, edit=True)
    for index, percent in (line_discounts or {}).items():
        quote = quote.set_line_discount(index, percent)
    quote = quote.set_terms(discount_percent=discount_percent, tax_rate_percent=tax_rate_percent)
    await uow.quotes.save(quote, by=principal.user_id, now=now)
    return quote


async def quote_pdf(uow: SalesUnitOfWork, principal: Principal, quote_id: str, language: str, today: date) -> bytes:
    """The quote as a PDF in the caller's language, headed with its account and opportunity names."""
    quote = await get_quote(uow, principal, quote_id)
    account_id = await _account_of(uow, principal, quote.opportunity_id, edit=False)
    facts = await uow.accounts.get(account_id)
    heading = QuoteHeading(facts.name if facts else "", await uow.quotes.opportunity_name(quote.opportunity_id), today)
    return render_quote_pdf(quote, heading, language)
