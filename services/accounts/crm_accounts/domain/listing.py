"""How the service's lists sort: each list's whitelist and default. Paging is the kit's."""
from __future__ import annotations

from crmkit.listing import Sorting

SORTABLE = ("name", "created_at", "updated_at", "type", "status")
ACCOUNT_SORTING = Sorting(sortable=SORTABLE, default="name")
# The contacts of an account by (last name, first name); kiosks by serial number; shares by user id.
CONTACT_SORTING = Sorting(sortable=("name",), default="name", timestamp_fields=(), tuple_fields=("name",))
KIOSK_SORTING = Sorting(sortable=("serial_number",), default="serial_number", timestamp_fields=())
SHARE_SORTING = Sorting(sortable=("user_id",), default="user_id", timestamp_fields=(), uuid_ids=False)
