"""How lead lists sort: the whitelist and the default (newest first). Paging is the kit's."""
from __future__ import annotations

from crmkit.listing import Sorting

SORTABLE = ("created_at", "updated_at", "last_name", "company", "rating", "status")
LEAD_SORTING = Sorting(sortable=SORTABLE, default="-created_at")
