"""Products, price lists and quotes on one session (issue 10 items 6 and 7): rows to the pure
domain objects of crm_sales.domain.pricing and crm_sales.domain.quotes and back."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Select, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from crm_sales.adapters.orm import account_access, catalog, opportunities
from crm_sales.domain.pricing import FallbackStep, PriceList, PriceRule, PriceTier, Product
from crm_sales.domain.quotes import Quote, QuoteLine, QuoteStatus

_P, _L, _T = catalog.products, catalog.price_lists, catalog.price_list_tiers
_Q, _QL = catalog.quotes, catalog.quote_lines


class CatalogRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def save_product(self, product: Product) -> None:
        values = {"name": product.name, "description": product.description, "unit": product.unit,
                  "active": product.active}
        changed = await self._session.execute(
            update(_P).where(_P.c.code == product.code).values(**values, version=_P.c.version + 1))
        if not changed.rowcount:  # type: ignore[attr-defined]
            await self._session.execute(insert(_P).values(code=product.code, version=1, **values))

    async def product(self, code: str) -> Product | None:
        row = (await self._session.execute(select(_P).where(_P.c.code == code))).one_or_none()
        return Product(row.code, row.name, row.unit, row.description, row.active) if row else None

    async def products(self) -> list[Product]:
        rows = await self._session.execute(select(_P).order_by(_P.c.code))
        return [Product(r.code, r.name, r.unit, r.description, r.active) for r in rows]

    async def save_price_list(self, price_list: PriceList) -> None:
        """Insert or replace a list with all its tiers (a list is edited as a whole)."""
        values = {"name": price_list.name, "currency": price_list.currency, "account_id": price_list.account_id,
                  "valid_from": price_list.valid_from, "valid_to": price_list.valid_to}
        changed = await self._session.execute(
            update(_L).where(_L.c.id == price_list.id).values(**values, version=_L.c.version + 1))
        if not changed.rowcount:  # type: ignore[attr-defined]
            await self._session.execute(insert(_L).values(id=price_list.id, version=1, **values))
        await self._session.execute(delete(_T).where(_T.c.price_list_id == price_list.id))
        tiers = [{"price_list_id": price_list.id, "product_code": code, "min_quantity": t.min_quantity,
                  "unit_price": t.unit_price} for code, ts in price_list.tiers.items() for t in ts]
        if tiers:
            await self._session.execute(insert(_T), tiers)

    async def price_lists(self, *, owners: list[str | None] | None = None, currency: str | None = None,
                          on: date | None = None) -> list[PriceList]:
        """Lists of these owners (None: the standard lists), optionally only those valid on `on`."""
        query = select(_L).order_by(_L.c.id)
        if owners is not None:
            accounts = [o for o in owners if o]
            query = query.where(or_(_L.c.account_id.in_(accounts),
                                    *([_L.c.account_id.is_(None)] if None in owners else [])))
        if currency:
            query = query.where(_L.c.currency == currency)
        if on:
            query = query.where(or_(_L.c.valid_from.is_(None), _L.c.valid_from <= on),
                                or_(_L.c.valid_to.is_(None), _L.c.valid_to >= on))
        rows = (await self._session.execute(query)).all()
        tiers: dict[str, dict[str, list[PriceTier]]] = defaultdict(lambda: defaultdict(list))
        if rows:
            tier_rows = await self._session.execute(
                select(_T).where(_T.c.price_list_id.in_([r.id for r in rows])).order_by(_T.c.min_quantity))
            for t in tier_rows:
                tiers[t.price_list_id][t.product_code].append(PriceTier(t.min_quantity, t.unit_price))
        return [PriceList(r.id, r.name, r.currency, r.account_id, r.valid_from, r.valid_to,
                          {code: tuple(ts) for code, ts in tiers[r.id].items()}) for r in rows]


def _line_row(quote_id: str, position: int, line: QuoteLine) -> dict[str, object]:
    rule = line.rule
    return {"quote_id": quote_id, "position": position, "product_code": line.product_code,
            "description": line.description, "quantity": line.quantity, "unit_price": line.unit_price,
            "discount_percent": line.discount_percent, "rule_step": rule.step.value,
            "rule_price_list_id": rule.price_list_id, "rule_price_list_name": rule.price_list_name,
            "rule_tier_min_quantity": rule.tier_min_quantity, "rule_valid_from": rule.valid_from,
            "rule_valid_to": rule.valid_to}


class QuoteRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def save(self, quote: Quote, *, by: str, now: datetime) -> None:
        """Insert or update a quote and replace its lines (only drafts change, the domain enforces it)."""
        values = {"number": quote.number, "quote_version": quote.version, "opportunity_id": quote.opportunity_id,
                  "currency": quote.currency, "status": quote.status.value,
                  "discount_percent": quote.discount_percent, "tax_rate_percent": quote.tax_rate_percent,
                  "is_primary": quote.primary, "updated_at": now}
        changed = await self._session.execute(
            update(_Q).where(_Q.c.id == quote.id).values(**values, version=_Q.c.version + 1))
        if not changed.rowcount:  # type: ignore[attr-defined]
            await self._session.execute(insert(_Q).values(id=quote.id, created_by=by, created_at=now,
                                                          version=1, **values))
        await self._session.execute(delete(_QL).where(_QL.c.quote_id == quote.id))
        if quote.lines:
            await self._session.execute(insert(_QL), [_line_row(quote.id, i, ln) for i, ln in enumerate(quote.lines)])

    async def get(self, quote_id: str) -> Quote | None:
        row = (await self._session.execute(select(_Q).where(_Q.c.id == quote_id))).one_or_none()
        if row is None:
            return None
        lines = await self._session.execute(select(_QL).where(_QL.c.quote_id == quote_id).order_by(_QL.c.position))
        return Quote(row.id, row.number, row.opportunity_id, row.currency, row.quote_version,
                     QuoteStatus(row.status), tuple(_to_line(r) for r in lines), row.discount_percent,
                     row.tax_rate_percent, row.is_primary)

    async def latest_version(self, number: str) -> int:
        found = await self._session.scalar(select(func.max(_Q.c.quote_version)).where(_Q.c.number == number))
        return int(found or 0)

    async def for_opportunity(self, opportunity_id: str) -> list[tuple[str, str, int, str]]:
        """(id, number, version, status) of every version on the opportunity, newest version first."""
        rows = await self._session.execute(
            select(_Q.c.id, _Q.c.number, _Q.c.quote_version, _Q.c.status)
            .where(_Q.c.opportunity_id == opportunity_id).order_by(_Q.c.number, _Q.c.quote_version.desc()))
        return [(r.id, r.number, r.quote_version, r.status) for r in rows]


    async def parent_of(self, account_id: str, allowed: Select) -> tuple[bool, str | None]:
        """(the account is among `allowed`, its parent_id in the account-access read model)."""
        accounts = account_access.accounts
        row = (await self._session.execute(select(accounts.c.parent_id).where(
            accounts.c.id == account_id, accounts.c.id.in_(allowed)))).first()
        return (row is not None, str(row.parent_id) if row is not None and row.parent_id else None)

    async def opportunity_account(self, opportunity_id: str, allowed: Select) -> str | None:
        """The opportunity's account id if that account is among `allowed`."""
        found = await self._session.scalar(select(opportunities.c.account_id).where(
            opportunities.c.id == opportunity_id, opportunities.c.account_id.in_(allowed)))
        return str(found) if found else None

    async def opportunity_name(self, opportunity_id: str) -> str:
        return str(await self._session.scalar(select(opportunities.c.name).where(opportunities.c.id == opportunity_id)))


def _to_line(row) -> QuoteLine:
    rule = PriceRule(FallbackStep(row.rule_step), row.rule_price_list_id, row.rule_price_list_name,
                     Decimal(row.rule_tier_min_quantity), row.rule_valid_from, row.rule_valid_to)
    return QuoteLine(row.product_code, row.description, row.quantity, row.unit_price, rule, row.discount_percent)
