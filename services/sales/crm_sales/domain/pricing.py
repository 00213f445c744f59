"""Products, price lists and the pure price resolver (GEN-10, issue 10 item 6).

Resolution order for (product, quantity, day, currency, account):
1. price lists assigned to the account itself;
2. price lists assigned to the account's parent (parent_id from the account-access read model);
3. the standard price lists.
At each step only lists in the requested currency whose validity window contains the day (both ends
inclusive, an open end unbounded) and that price the product are candidates; the one with the latest
valid_from wins (newest terms), ties broken by the lowest list id so the answer is deterministic.
Within the winning list the tier with the largest min_quantity not above the quantity applies. The
first step with a candidate answers; later steps are never consulted. Every answer names its rule.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from crmkit.errors import InvalidInput, NotFound

from crm_sales.domain.money import canonical_currency


class FallbackStep(StrEnum):
    ACCOUNT = "account"
    PARENT_ACCOUNT = "parent_account"
    STANDARD = "standard"


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    unit: str
    description: str = ""
    active: bool = True

    def __post_init__(self) -> None:
        if not self.code.strip():
            raise InvalidInput("a product needs a code", field="code")
        if not self.name.strip():
            raise InvalidInput("a product needs a name", field="name")
        if not self.unit.strip():
            raise InvalidInput("a product needs a unit (e.g. each, seat, hour)", field="unit")


@dataclass(frozen=True)
class PriceTier:
    min_quantity: Decimal
    unit_price: Decimal


@dataclass(frozen=True)
class PriceList:
    id: str
    name: str
    currency: str
    # None: the standard list; otherwise the account the list is negotiated for.
    account_id: str | None
    valid_from: date | None
    valid_to: date | None
    # product code -> tiers; a product absent here is not priced by this list.
    tiers: dict[str, tuple[PriceTier, ...]]

    def __post_init__(self) -> None:
        object.__setattr__(self, "currency", canonical_currency(self.currency))
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise InvalidInput("valid_to is before valid_from", field="valid_to")
        for code, tiers in self.tiers.items():
            check_tiers(code, tiers)

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to)

    def tier_for(self, product_code: str, quantity: Decimal) -> PriceTier | None:
        eligible = [t for t in self.tiers.get(product_code, ()) if t.min_quantity <= quantity]
        return max(eligible, key=lambda t: t.min_quantity) if eligible else None


def check_tiers(product_code: str, tiers: Sequence[PriceTier]) -> None:
    """A product's tiers: at least one, distinct thresholds from zero up, no negative price."""
    if not tiers:
        raise InvalidInput(f"product {product_code!r} needs at least one tier", field="tiers")
    thresholds = [t.min_quantity for t in tiers]
    if len(set(thresholds)) != len(thresholds):
        raise InvalidInput(f"product {product_code!r} has two tiers with one min_quantity", field="tiers")
    for tier in tiers:
        if tier.min_quantity < 0:
            raise InvalidInput("min_quantity must not be negative", field="tiers.min_quantity")
        if tier.unit_price < 0:
            raise InvalidInput("unit_price must not be negative", field="tiers.unit_price")


@dataclass(frozen=True)
class PriceRule:
    """Why a price is what it is: the list, tier, window and fallback step that produced it."""
    step: FallbackStep
    price_list_id: str
    price_list_name: str
    tier_min_quantity: Decimal
    valid_from: date | None
    valid_to: date | None

    def describe(self) -> str:
        window = f"{self.valid_from or '…'}..{self.valid_to or '…'}"
        return (f"{self.step.value}: list {self.price_list_name} ({self.price_list_id}), "
                f"tier from {self.tier_min_quantity}, valid {window}")


@dataclass(frozen=True)
class ResolvedPrice:
    product_code: str
    quantity: Decimal
    currency: str
    unit_price: Decimal
    rule: PriceRule


@dataclass(frozen=True)
class PriceRequest:
    product_code: str
    quantity: Decimal
    on: date
    currency: str
    account_id: str | None = None
    parent_account_id: str | None = None


class NoPrice(NotFound):
    def __init__(self, request: PriceRequest) -> None:
        super().__init__(
            f"no price list prices {request.product_code!r} in {request.currency} on {request.on}"
            f" for quantity {request.quantity}", field="product_code")


class ProductInactive(InvalidInput):
    def __init__(self, code: str) -> None:
        super().__init__(f"product {code!r} is inactive and cannot be priced", field="product_code")


def _steps(request: PriceRequest) -> list[tuple[FallbackStep, str | None]]:
    steps: list[tuple[FallbackStep, str | None]] = []
    if request.account_id:
        steps.append((FallbackStep.ACCOUNT, request.account_id))
    if request.parent_account_id and request.parent_account_id != request.account_id:
        steps.append((FallbackStep.PARENT_ACCOUNT, request.parent_account_id))
    steps.append((FallbackStep.STANDARD, None))
    return steps


def resolve_price(request: PriceRequest, product: Product, lists: Iterable[PriceList]) -> ResolvedPrice:
    """The price of one line, with its rule; raises NoPrice when no step answers."""
    if request.quantity <= 0:
        raise InvalidInput("quantity must be greater than zero", field="quantity")
    if not product.active:
        raise ProductInactive(product.code)
    currency = canonical_currency(request.currency)
    candidates = [pl for pl in lists if pl.currency == currency and pl.valid_on(request.on)]
    for step, account_id in _steps(request):
        priced = [(pl, tier) for pl in candidates if pl.account_id == account_id
                  for tier in [pl.tier_for(product.code, request.quantity)] if tier is not None]
        if not priced:
            continue
        # Newest valid_from first (an open start counts as oldest), then lowest id.
        priced.sort(key=lambda pair: pair[0].id)
        pl, tier = max(priced, key=lambda pair: pair[0].valid_from or date.min)
        rule = PriceRule(step, pl.id, pl.name, tier.min_quantity, pl.valid_from, pl.valid_to)
        return ResolvedPrice(product.code, request.quantity, currency, tier.unit_price, rule)
    raise NoPrice(request)
