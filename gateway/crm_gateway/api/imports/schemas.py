"""Response bodies of the imports API (they mirror crm.integration.v1.Imports)."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from crm_gateway.api.common import Page


class ImportCounts(BaseModel):
    """created + updated + unchanged + skipped + failed == rows_read."""

    rows_read: int
    created: int
    updated: int
    unchanged: int
    skipped: int
    failed: int


# The kinds the integration service reads (tests/test_contracts.py holds the two lists together): the
# upload's schema declares them and an unknown one is refused before the file streams.
IMPORT_KINDS = ("erp-customers", "erp-locations", "erp-kiosks", "erp-sales-orders", "erp-finance",
                "legacy-contacts", "legacy-email-history", "legacy-notes", "trade-show-leads")


class ImportJobRead(BaseModel):
    id: str
    kind: str = Field(description=" | ".join(IMPORT_KINDS))
    filename: str
    source: str = Field(description="upload | cli | inbox")
    status: str = Field(description="queued | running | completed | failed (the file itself was refused)")
    counts: ImportCounts
    error: str = Field(description='why the whole file was refused; "" unless status is failed')
    created_by: str
    size_bytes: int
    created_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None


class ImportFailureRead(BaseModel):
    row_number: int = Field(description="1 = the first row after the header")
    field: str
    reason: str
    cells: list[str] = Field(description="the row as read, in the order of `columns`")


class ImportFailurePage(Page[ImportFailureRead]):
    """A job's failed rows, in row order."""

    columns: list[str] = Field(description="the file's header as read")
