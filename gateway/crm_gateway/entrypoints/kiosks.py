"""/api/v1/kiosks: translate to the Accounts gRPC service (ACC-5). Kiosk fields are read-only for
every sales role (SEC-6): only csr, cs_manager and admin write them, here and in the service."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response, status

from crm_gateway.domain.model import KIOSK_READERS, KIOSK_WRITERS, Caller
from crm_gateway.entrypoints import account_mappers as mappers
from crm_gateway.entrypoints.account_schemas import KioskCreate, KioskPage, KioskRead, KioskUpdate
from crm_gateway.entrypoints.idempotent import IdempotencyKey, create_once
from crm_gateway.entrypoints.mappers import etag, if_match_version
from crm_gateway.security import GatewayDep, principal_token, require_roles

router = APIRouter(prefix="/api/v1/kiosks", tags=["kiosks"])
Reader = Annotated[Caller, Depends(require_roles(*KIOSK_READERS))]
Writer = Annotated[Caller, Depends(require_roles(*KIOSK_WRITERS))]
KioskId = Annotated[str, Path(min_length=1, max_length=64)]


@router.get("", response_model=KioskPage)
async def list_kiosks(caller: Reader, gw: GatewayDep, request: Request,
                      location_account_id: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
                      serial_number: Annotated[str | None, Query(min_length=1, max_length=100)] = None) -> KioskPage:
    """The kiosks installed at one location account, or the kiosk with a serial number (SUP-5); give
    at least one."""
    found = await gw.accounts.list_kiosks(await principal_token(request, gw, caller), location_account_id or "",
                                          serial_number or "")
    return KioskPage(items=[mappers.kiosk_read(k) for k in found])


@router.post("", response_model=KioskRead, status_code=status.HTTP_201_CREATED)
async def create_kiosk(body: KioskCreate, caller: Writer, gw: GatewayDep, request: Request,
                       idempotency_key: IdempotencyKey = None):
    """Enter a kiosk by hand. With an Idempotency-Key, a retry with the same body answers the first result."""

    async def create() -> tuple[dict, dict[str, str]]:
        kiosk = await gw.accounts.create_kiosk(await principal_token(request, gw, caller),
                                               mappers.create_kiosk_data(body))
        headers = {"Location": f"/api/v1/kiosks/{kiosk.id}", "ETag": etag(kiosk.version)}
        return mappers.kiosk_read(kiosk).model_dump(mode="json"), headers

    return await create_once(gw, action="kiosks.create", caller=caller, key=idempotency_key, body=body,
                             create=create)


@router.get("/{kiosk_id}", response_model=KioskRead)
async def get_kiosk(kiosk_id: KioskId, caller: Reader, gw: GatewayDep, request: Request,
                    response: Response) -> KioskRead:
    kiosk = await gw.accounts.get_kiosk(await principal_token(request, gw, caller), kiosk_id)
    response.headers["ETag"] = etag(kiosk.version)
    return mappers.kiosk_read(kiosk)


@router.patch("/{kiosk_id}", response_model=KioskRead)
async def update_kiosk(kiosk_id: KioskId, body: KioskUpdate, caller: Writer, gw: GatewayDep, request: Request,
                       response: Response, if_match: Annotated[str | None, Header()] = None) -> KioskRead:
    """Change a kiosk; with If-Match: "<version>", a stale version answers 412."""
    update = mappers.update_kiosk_request(kiosk_id, body, if_match_version(if_match))
    kiosk = await gw.accounts.update_kiosk(await principal_token(request, gw, caller), update)
    response.headers["ETag"] = etag(kiosk.version)
    return mappers.kiosk_read(kiosk)
