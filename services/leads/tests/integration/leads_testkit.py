"""Helpers of the leads integration tests: principals, SDRs in the users replica, the outbox, and
the Leads gRPC service on a real crmkit server."""
from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator

import grpc
from crm.leads.v1 import events_pb2, leads_pb2_grpc
from crmkit.grpc.client import make_channel
from crmkit.grpc.server import GrpcServer
from crmkit.principal import METADATA_KEY, Principal, PrincipalSigner, PrincipalVerifier
from google.protobuf.message import Message
from sqlalchemy import select

from crm_leads.adapters.accounts_client import AccountsClient
from crm_leads.adapters.orm import messaging
from crm_leads.domain.commands import CreateWebForm, LeadData, SubmitWebForm, UpdateWebForm
from crm_leads.domain.model import User
from crm_leads.domain.rating import RatingRules
from crm_leads.entrypoints.grpc_api import SERVICE_NAME, LeadsServicer
from crm_leads.service_layer import handlers

RULES = RatingRules()


def as_role(role: str) -> Principal:
    return Principal(user_id=str(uuid.uuid4()), role=role, username=role)


async def add_sdrs(uows, count: int, *, role: str = "sdr") -> list[str]:
    """Record `count` active users with `role` in the replica; answers their ids in key order."""
    ids = sorted(str(uuid.uuid4()) for _ in range(count))
    async with uows() as uow:
        for n, user_id in enumerate(ids):
            await uow.users.record(User(id=user_id, username=f"{role}{n}", full_name=f"{role.upper()} {n}",
                                        email=f"{role}{n}@example.com", role=role, active=True, version=1))
        await uow.commit()
    return ids


async def outbox(sessions) -> list[tuple[str, Message]]:
    """The events written to the outbox so far, decoded, in commit order."""
    table = messaging.outbox
    async with sessions() as session:
        rows = (await session.execute(
            select(table.c.subject, table.c.event_type, table.c.payload).order_by(table.c.seq))).all()
    return [(row.subject, getattr(events_pb2, row.event_type.rsplit(".", 1)[1]).FromString(row.payload))
            for row in rows]


async def create_form(uows, slug: str = "how-to-spec-out-a-kiosk", *, active: bool = True) -> None:
    await handlers.create_web_form(uow=uows(), principal=as_role("marketing"),
                                   command=CreateWebForm(slug=slug, landing_page_name=slug.replace("-", " ").title()))
    if not active:
        await handlers.update_web_form(uow=uows(), principal=as_role("admin"),
                                       command=UpdateWebForm(slug=slug, active=False))


async def submit(uows, data: LeadData, slug: str = "how-to-spec-out-a-kiosk"):
    """A landing-page submission; answers (lead, created)."""
    return await handlers.submit_web_form(uow=uows(), rules=RULES, command=SubmitWebForm(slug=slug, data=data))


def signed(private_key: str, role: str, *, user_id: str = "", kind: str = "user") -> tuple[tuple[str, str], ...]:
    """gRPC metadata carrying a principal the gateway would sign."""
    token = PrincipalSigner(private_key).sign(Principal(user_id=user_id or f"{role}-1", role=role, kind=kind),
                                              service="leads")
    return ((METADATA_KEY, token),)


@contextlib.asynccontextmanager
async def leads_stub(uows, public_key: str, accounts_target: str,
                     accounts_timeout: float = 5.0) -> AsyncIterator[leads_pb2_grpc.LeadsStub]:
    """The Leads servicer on a real crmkit GrpcServer, calling accounts at `accounts_target`; a stub to it."""
    accounts_channel = make_channel(accounts_target)
    servicer = LeadsServicer(uows, RULES, AccountsClient(accounts_channel, timeout=accounts_timeout))
    server = GrpcServer(verifier=PrincipalVerifier(public_key, service="leads"), address="127.0.0.1:0",
                        services=[(leads_pb2_grpc.add_LeadsServicer_to_server, servicer, SERVICE_NAME)])
    await server.start()
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{server.port}")
    try:
        yield leads_pb2_grpc.LeadsStub(channel)
    finally:
        await channel.close()
        await server.drain(0)
        await accounts_channel.close()
