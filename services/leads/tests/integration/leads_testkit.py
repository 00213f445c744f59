"""Helpers of the leads integration tests: SDRs in the users replica, web forms and submissions, and
the Leads gRPC service on a real crmkit server."""
from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator

import grpc
from crm.leads.v1 import leads_pb2_grpc
from crmkit.grpc.client import make_channel
from crmkit.identity.model import User

from crm_leads.adapters.accounts_client import AccountsClient
from crm_leads.domain.commands import CreateWebForm, LeadData, SubmitWebForm, UpdateWebForm
from crm_leads.domain.rating import RatingRules
from crm_leads.entrypoints.grpc_api import SERVICE_NAME, LeadsServicer
from crm_leads.service_layer import handlers
from tests.support.grpc_servers import serve_grpc
from tests.support.principals import as_role

RULES = RatingRules()


async def add_sdrs(uows, count: int, *, role: str = "sdr") -> list[str]:
    """Record `count` active users with `role` in the replica; answers their ids in key order."""
    ids = sorted(str(uuid.uuid4()) for _ in range(count))
    async with uows() as uow:
        for n, user_id in enumerate(ids):
            await uow.users.record(User(id=user_id, username=f"{role}{n}", full_name=f"{role.upper()} {n}",
                                        email=f"{role}{n}@example.com", role=role, active=True, version=1))
        await uow.commit()
    return ids


async def create_form(uows, slug: str = "how-to-spec-out-a-kiosk", *, active: bool = True) -> None:
    await handlers.create_web_form(uow=uows(), principal=as_role("marketing"),
                                   command=CreateWebForm(slug=slug, landing_page_name=slug.replace("-", " ").title()))
    if not active:
        await handlers.update_web_form(uow=uows(), principal=as_role("admin"),
                                       command=UpdateWebForm(slug=slug, active=False))


async def submit(uows, data: LeadData, slug: str = "how-to-spec-out-a-kiosk"):
    """A landing-page submission; answers (lead, created)."""
    return await handlers.submit_web_form(uow=uows(), rules=RULES, command=SubmitWebForm(slug=slug, data=data))


@contextlib.asynccontextmanager
async def leads_stub(uows, public_key: str, accounts_target: str,
                     accounts_timeout: float = 5.0) -> AsyncIterator[leads_pb2_grpc.LeadsStub]:
    """The Leads servicer on a real crmkit GrpcServer, calling accounts at `accounts_target`; a stub to it."""
    async with make_channel(accounts_target) as accounts_channel:
        servicer = LeadsServicer(uows, RULES, AccountsClient(accounts_channel, timeout=accounts_timeout))
        async with (serve_grpc((leads_pb2_grpc.add_LeadsServicer_to_server, servicer, SERVICE_NAME),
                               public_key=public_key, service="leads") as target,
                    grpc.aio.insecure_channel(target) as channel):
            yield leads_pb2_grpc.LeadsStub(channel)
