"""/api/v1/erp: the ERP's web-service posts (INT-4), one sales order, finance row, ship-to location
or kiosk at a time.

Every request is signed (HMAC-SHA256, crm_gateway/domain/signatures.py) with a signing key of an
API client whose role is erp, and carries an Idempotency-Key: the same key and body answer the
first answer without writing again (concurrent repeats wait for it); the same key with another
body is 422. The record is upserted by its ERP key through the accounts service's batch RPCs;
the answer says whether it was created (201), updated or unchanged (200). A row the service
refuses is 422 naming the field at fault."""
from __future__ import annotations

from typing import Annotated

from crmkit.errors import Forbidden, InvalidInput
from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from crm_gateway.api.erp.schemas import ErpOutcome, FinancePost, KioskPost, LocationPost, SalesOrderPost
from crm_gateway.api.idempotent import CreateOnceKeyed, Idempotent
from crm_gateway.domain.model import Caller
from crm_gateway.security import Calls, signed_client
from crm_gateway.service_layer.context import ServiceCalls

router = APIRouter(prefix="/api/v1/erp", tags=["erp"])
ERP_ROLE = "erp"


async def _erp(caller: Annotated[Caller, Depends(signed_client)]) -> Caller:
    if caller.role != ERP_ROLE:
        raise Forbidden(f"only the ERP client posts here, not the role {caller.role!r}")
    return caller


Erp = Annotated[Caller, Depends(_erp)]


async def _upsert(calls: ServiceCalls, once: Idempotent, body: BaseModel, kind: str) -> JSONResponse:
    async def create() -> tuple[dict, dict[str, str]]:
        outcome = await calls.accounts.upsert_erp_record(kind, body.model_dump())
        if outcome.outcome in ("failed", "skipped"):
            raise InvalidInput(outcome.reason or "refused", field=outcome.field or None)
        return ErpOutcome(key=outcome.key, outcome=outcome.outcome).model_dump(), {}

    return await once.create(action=f"erp.{kind}", body=body, create=create,
                             status_of=lambda answer: 201 if answer["outcome"] == "created" else 200)


@router.post("/sales-orders", response_model=ErpOutcome, responses={201: {"model": ErpOutcome}})
async def post_sales_order(body: SalesOrderPost, caller: Erp, calls: Calls, once: CreateOnceKeyed) -> JSONResponse:
    """INT-1, ACC-3: one sales-order header, by its sales order number (a later post with a ship
    date updates it)."""
    return await _upsert(calls, once, body, "sales-orders")


@router.post("/finance", response_model=ErpOutcome, responses={201: {"model": ErpOutcome}})
async def post_finance(body: FinancePost, caller: Erp, calls: Calls, once: CreateOnceKeyed) -> JSONResponse:
    """ACC-4: one customer's finance figures as of a day, by customer accounting ID and date."""
    return await _upsert(calls, once, body, "finance")


@router.post("/locations", response_model=ErpOutcome, responses={201: {"model": ErpOutcome}})
async def post_location(body: LocationPost, caller: Erp, calls: Calls, once: CreateOnceKeyed) -> JSONResponse:
    """INT-2, INT-4: one ship-to location, by its ship-to id, under the customer it names."""
    return await _upsert(calls, once, body, "locations")


@router.post("/kiosks", response_model=ErpOutcome, responses={201: {"model": ErpOutcome}})
async def post_kiosk(body: KioskPost, caller: Erp, calls: Calls, once: CreateOnceKeyed) -> JSONResponse:
    """INT-3, INT-4: one kiosk, by its serial number, at the location of its ship-to id."""
    return await _upsert(calls, once, body, "kiosks")
