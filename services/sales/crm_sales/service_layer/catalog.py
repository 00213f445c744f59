"""Product catalogue and price-list administration (issue 10 item 6, GEN-10): sales roles read,
only an admin writes."""
from __future__ import annotations

from crmkit.errors import InvalidInput
from crmkit.principal import Principal

from crm_sales.domain.catalog_policy import CATALOG_WRITERS, SALES_ROLES, require
from crm_sales.domain.pricing import PriceList, Product
from crm_sales.service_layer.unit_of_work import SalesUnitOfWork


async def save_product(uow: SalesUnitOfWork, principal: Principal, product: Product) -> Product:
    require(principal, CATALOG_WRITERS, "change products")
    await uow.catalog.save_product(product)
    return product


async def save_price_list(uow: SalesUnitOfWork, principal: Principal, price_list: PriceList) -> PriceList:
    require(principal, CATALOG_WRITERS, "change price lists")
    known = {p.code for p in await uow.catalog.products()}
    unknown = sorted(set(price_list.tiers) - known)
    if unknown:
        raise InvalidInput(f"no product {unknown[0]!r}", field="tiers.product_code")
    await uow.catalog.save_price_list(price_list)
    return price_list


async def products(uow: SalesUnitOfWork, principal: Principal) -> list[Product]:
    require(principal, SALES_ROLES, "read products")
    return await uow.catalog.products()


async def price_lists(uow: SalesUnitOfWork, principal: Principal) -> list[PriceList]:
    require(principal, SALES_ROLES, "read price lists")
    return await uow.catalog.price_lists()
