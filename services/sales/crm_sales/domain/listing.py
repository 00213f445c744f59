"""What an opportunity list asks for (filters) and how it sorts (crmkit.listing)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crmkit.listing import Sorting

OPPORTUNITY_SORTING = Sorting(sortable=("close_date", "created_at", "updated_at", "name"), default="close_date",
                              timestamp_fields=("created_at", "updated_at", "close_date"))


@dataclass(frozen=True)
class ListOpportunities:
    owner_ids: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    account_ids: tuple[str, ...] = ()
    close_date_from: date | None = None
    close_date_to: date | None = None
    open_only: bool = False
    sort: str = ""
    cursor: str = ""
    page_size: int = 0
