"""/api/v1/kiosks: translate to the Accounts gRPC service (ACC-5). Kiosk fields are read-only for
every sales role (SEC-6): only csr, cs_manager and admin write them, here and in the service."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from crm_gateway.api.common import IfMatch, Page, PageCursor, PageLimit, etag_header, if_match_version, tagged
from crm_gateway.api.idempotent import CreateOnce
from crm_gateway.api.kiosks import mappers
from crm_gateway.api.kiosks.schemas import KioskCreate, KioskRead, KioskUpdate
from crm_gateway.domain.model import KIOSK_READERS, KIOSK_WRITERS, Caller
from crm_gateway.security import Calls, require_roles

router = APIRouter(prefix="/api/v1/kiosks", tags=["kiosks"])
Reader = Annotated[Caller, Depends(require_roles(*KIOSK_READERS))]
Writer = Annotated[Caller, Depends(require_roles(*KIOSK_WRITERS))]
KioskId = Annotated[str, Path(min_length=1, max_length=64)]


@router.get("", response_model=Page[KioskRead])
async def list_kiosks(caller: Reader, calls: Calls,
                      location_account_id: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
                      serial_number: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
                      limit: PageLimit = 50, cursor: PageCursor = None) -> Page[KioskRead]:
    """The kiosks installed at one location account, or the kiosk with a serial number (SUP-5); give
    at least one. One cursor page at a time."""
    found = await calls.accounts.list_kiosks(location_account_id or "", serial_number or "", limit=limit,
                                             cursor=cursor or "")
    return Page(items=[mappers.kiosk_read(k) for k in found.kiosks], next_cursor=found.next_cursor or None)


@router.post("", response_model=KioskRead, status_code=status.HTTP_201_CREATED)
async def create_kiosk(body: KioskCreate, caller: Writer, calls: Calls, once: CreateOnce):
    """Enter a kiosk by hand. With an Idempotency-Key, a retry with the same body answers the first result."""

    async def create() -> tuple[dict, dict[str, str]]:
        kiosk = await calls.accounts.create_kiosk(mappers.create_kiosk_data(body))
        headers = {"Location": f"/api/v1/kiosks/{kiosk.id}", **etag_header(kiosk.version)}
        return mappers.kiosk_read(kiosk).model_dump(mode="json"), headers

    return await once.create(action="kiosks.create", body=body, create=create)


@router.get("/{kiosk_id}", response_model=KioskRead)
async def get_kiosk(kiosk_id: KioskId, caller: Reader, calls: Calls, response: Response) -> KioskRead:
    kiosk = await calls.accounts.get_kiosk(kiosk_id)
    return tagged(response, kiosk.version, mappers.kiosk_read(kiosk))


@router.patch("/{kiosk_id}", response_model=KioskRead)
async def update_kiosk(kiosk_id: KioskId, body: KioskUpdate, caller: Writer, calls: Calls, response: Response,
                       if_match: IfMatch = None) -> KioskRead:
    """Change a kiosk; with If-Match: "<version>", a stale version answers 412."""
    kiosk = await calls.accounts.update_kiosk(mappers.update_kiosk_request(kiosk_id, body, if_match_version(if_match)))
    return tagged(response, kiosk.version, mappers.kiosk_read(kiosk))
