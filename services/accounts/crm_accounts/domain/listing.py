"""How account lists sort: the whitelist and the default (by name). Paging is the kit's."""
from __future__ import annotations

from crmkit.listing import Sorting

SORTABLE = ("name", "created_at", "updated_at", "type", "status")
ACCOUNT_SORTING = Sorting(sortable=SORTABLE, default="name")
