"""How the service's lists sort: leads (newest first by default), web forms (by slug). Paging is the kit's."""
from __future__ import annotations

from crmkit.listing import Sorting

SORTABLE = ("created_at", "updated_at", "last_name", "company", "rating", "status")
LEAD_SORTING = Sorting(sortable=SORTABLE, default="-created_at")
WEB_FORM_SORTING = Sorting(sortable=("slug",), default="slug", timestamp_fields=())
