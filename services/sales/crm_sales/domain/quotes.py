"""Quotes on an opportunity (issue 10 item 7, GEN-10): lines with locked unit prices, discounts,
totals, versions and the sent/accepted/rejected life cycle.

Rounding (documented rule): each line's net = quantity x locked unit price x (1 - line discount %),
rounded half-up to the currency's minor unit; subtotal = sum of line nets; the whole-quote discount
= subtotal x quote discount %, rounded half-up; net = subtotal - quote discount; tax = net x tax
rate %, rounded half-up once on the net; total = net + tax. Prices never change after a line is
created: totals read only the line's own unit price, never a price list.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from crmkit.errors import Conflict, InvalidInput

from crm_sales.domain.money import canonical_currency, round_money
from crm_sales.domain.pricing import PriceRule, ResolvedPrice

HUNDRED = Decimal(100)


class QuoteStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


# Allowed moves; anything else is refused. Accepted/rejected quotes are final: revise instead.
_MOVES: dict[QuoteStatus, frozenset[QuoteStatus]] = {
    QuoteStatus.DRAFT: frozenset({QuoteStatus.SENT}),
    QuoteStatus.SENT: frozenset({QuoteStatus.ACCEPTED, QuoteStatus.REJECTED}),
    QuoteStatus.ACCEPTED: frozenset(),
    QuoteStatus.REJECTED: frozenset(),
}


class QuoteLocked(Conflict):
    def __init__(self, status: QuoteStatus) -> None:
        super().__init__(f"a {status.value} quote cannot be edited; create a new version", field="status")


class QuoteTransitionRefused(InvalidInput):
    def __init__(self, current: QuoteStatus, wanted: QuoteStatus) -> None:
        super().__init__(f"a {current.value} quote cannot become {wanted.value}", field="status")


def _percent(value: Decimal, name: str) -> Decimal:
    if not Decimal(0) <= value <= HUNDRED:
        raise InvalidInput(f"{name} must be between 0 and 100", field=name)
    return value


@dataclass(frozen=True)
class QuoteLine:
    product_code: str
    description: str
    quantity: Decimal
    unit_price: Decimal  # locked when the line was created
    rule: PriceRule
    discount_percent: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        if self.quantity <= 0:
            raise InvalidInput("quantity must be greater than zero", field="quantity")
        _percent(self.discount_percent, "discount_percent")

    @classmethod
    def from_price(cls, price: ResolvedPrice, description: str,
                   discount_percent: Decimal = Decimal(0)) -> QuoteLine:
        return cls(price.product_code, description, price.quantity, price.unit_price, price.rule,
                   discount_percent)

    def net(self, currency: str) -> Decimal:
        gross = self.quantity * self.unit_price
        return round_money(gross * (HUNDRED - self.discount_percent) / HUNDRED, currency)


@dataclass(frozen=True)
class QuoteTotals:
    subtotal: Decimal
    discount: Decimal
    net: Decimal
    tax: Decimal
    total: Decimal


@dataclass(frozen=True)
class Quote:
    id: str
    number: str  # shared by every version of one quote
    opportunity_id: str
    currency: str
    version: int = 1
    status: QuoteStatus = QuoteStatus.DRAFT
    lines: tuple[QuoteLine, ...] = field(default_factory=tuple)
    discount_percent: Decimal = Decimal(0)
    tax_rate_percent: Decimal = Decimal(0)
    primary: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "currency", canonical_currency(self.currency))
        _percent(self.discount_percent, "discount_percent")
        _percent(self.tax_rate_percent, "tax_rate_percent")
        if self.version < 1:
            raise InvalidInput("version starts at 1", field="version")

    def _editable(self) -> None:
        if self.status is not QuoteStatus.DRAFT:
            raise QuoteLocked(self.status)

    def add_line(self, line: QuoteLine) -> Quote:
        self._editable()
        return replace(self, lines=self.lines + (line,))

    def remove_line(self, index: int) -> Quote:
        self._editable()
        if not 0 <= index < len(self.lines):
            raise InvalidInput(f"no line {index}", field="line")
        return replace(self, lines=self.lines[:index] + self.lines[index + 1:])

    def set_line_discount(self, index: int, percent: Decimal) -> Quote:
        self._editable()
        if not 0 <= index < len(self.lines):
            raise InvalidInput(f"no line {index}", field="line")
        changed = replace(self.lines[index], discount_percent=percent)
        return replace(self, lines=self.lines[:index] + (changed,) + self.lines[index + 1:])

    def set_terms(self, *, discount_percent: Decimal | None = None,
                  tax_rate_percent: Decimal | None = None) -> Quote:
        self._editable()
        return replace(self,
                       discount_percent=self.discount_percent if discount_percent is None else discount_percent,
                       tax_rate_percent=self.tax_rate_percent if tax_rate_percent is None else tax_rate_percent)

    def move_to(self, wanted: QuoteStatus) -> Quote:
        if wanted not in _MOVES[self.status]:
            raise QuoteTransitionRefused(self.status, wanted)
        if wanted is QuoteStatus.SENT and not self.lines:
            raise InvalidInput("a quote without lines cannot be sent", field="lines")
        return replace(self, status=wanted)

    def revise(self, new_id: str, latest_version: int) -> Quote:
        """The next version: same lines and locked prices, back in draft and not (yet) primary."""
        if self.status is QuoteStatus.DRAFT:
            raise Conflict("a draft is edited in place; revise a sent, accepted or rejected quote",
                           field="status")
        return replace(self, id=new_id, version=latest_version + 1, status=QuoteStatus.DRAFT, primary=False)

    def totals(self) -> QuoteTotals:
        subtotal = sum((line.net(self.currency) for line in self.lines), Decimal(0))
        subtotal = round_money(subtotal, self.currency)
        discount = round_money(subtotal * self.discount_percent / HUNDRED, self.currency)
        net = subtotal - discount
        tax = round_money(net * self.tax_rate_percent / HUNDRED, self.currency)
        return QuoteTotals(subtotal, discount, net, tax, net + tax)
