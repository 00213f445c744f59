"""Lead rating A/B/C (LEAD-4), computed from the lead's data points.

Each data point a lead carries earns points; the sum is cut by two thresholds:

    data point                                         points (default)
    number_of_locations >= 25 (a typical customer)     4   many_locations
    number_of_locations 5..24                          2   some_locations
    number_of_locations 1..4                           1   few_locations
    using kiosks already (a replacement sale)          2   using_kiosks
    role Executive Management (decides)                3   executive_role
    role IT (specifies)                                2   it_role
    role Marketing (influences)                        1   marketing_role
    country US or CA (the direct-sales area)           1   direct_sales_country
    company, phone, title, LinkedIn URL given          1 each   company / phone / title / linkedin

    rating A: points >= a_min_points (default 8); B: points >= b_min_points (default 4); C otherwise.

Every weight and both thresholds are fields of RatingRules; the service builds its rules from
settings (CRM_LEADS_RATING_A_MIN_POINTS, CRM_LEADS_RATING_B_MIN_POINTS, CRM_LEADS_RATING_POINTS).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Protocol

RATINGS = ("A", "B", "C")
MANY_LOCATIONS = 25
SOME_LOCATIONS = 5
DIRECT_SALES_COUNTRIES = ("US", "CA")


class RatedFacts(Protocol):
    company: str
    phone: str
    title: str
    linkedin_url: str
    country: str
    role: str
    number_of_locations: int | None
    using_kiosks: bool | None


@dataclass(frozen=True)
class RatingRules:
    many_locations: int = 4
    some_locations: int = 2
    few_locations: int = 1
    using_kiosks: int = 2
    executive_role: int = 3
    it_role: int = 2
    marketing_role: int = 1
    direct_sales_country: int = 1
    company: int = 1
    phone: int = 1
    title: int = 1
    linkedin: int = 1
    a_min_points: int = 8
    b_min_points: int = 4

    def __post_init__(self) -> None:
        if any(getattr(self, f.name) < 0 for f in fields(self)):
            raise ValueError("rating points and thresholds cannot be negative")
        if self.b_min_points > self.a_min_points:
            raise ValueError("the B threshold cannot be above the A threshold")

    @classmethod
    def configured(cls, points: Mapping[str, int], *, a_min_points: int, b_min_points: int) -> RatingRules:
        """The rules as configured (CRM_LEADS_RATING_*): refused when a data point is unknown or the
        rules cannot rate."""
        unknown = sorted(set(points) - set(cls.weight_names()))
        if unknown:
            raise ValueError(f"unknown rating data points {unknown}; known: {', '.join(cls.weight_names())}")
        return cls(**points, a_min_points=a_min_points, b_min_points=b_min_points)

    @classmethod
    def weight_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls) if not f.name.endswith("_min_points"))

    def points(self, lead: RatedFacts) -> int:
        total = 0
        locations = lead.number_of_locations or 0
        if locations >= MANY_LOCATIONS:
            total += self.many_locations
        elif locations >= SOME_LOCATIONS:
            total += self.some_locations
        elif locations >= 1:
            total += self.few_locations
        if lead.using_kiosks:
            total += self.using_kiosks
        total += {"Executive Management": self.executive_role, "IT": self.it_role,
                  "Marketing": self.marketing_role}.get(lead.role, 0)
        if lead.country in DIRECT_SALES_COUNTRIES:
            total += self.direct_sales_country
        for value, weight in ((lead.company, self.company), (lead.phone, self.phone), (lead.title, self.title),
                              (lead.linkedin_url, self.linkedin)):
            if value:
                total += weight
        return total

    def rate(self, lead: RatedFacts) -> str:
        points = self.points(lead)
        if points >= self.a_min_points:
            return "A"
        return "B" if points >= self.b_min_points else "C"
