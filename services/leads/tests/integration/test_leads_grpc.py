"""The Leads gRPC API on a real crmkit GrpcServer: the principal is required and verified, domain
errors map to gRPC codes with the field at fault in crmkit's error metadata (LEAD-1, LEAD-4)."""
from __future__ import annotations

import grpc
import pytest
from crm.leads.v1 import leads_pb2
from crmkit.principal import generate_keypair
from leads_testkit import add_sdrs, leads_stub

from crmctl.infra import free_port
from tests.support.grpc_servers import error_fields
from tests.support.principals import signed


@pytest.fixture
async def stub(uows, principal_keys):
    async with leads_stub(uows, principal_keys[1], accounts_target=f"127.0.0.1:{free_port()}") as leads:
        yield leads


async def test_a_call_without_a_principal_is_unauthenticated(stub):
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.ListLeads(leads_pb2.ListLeadsRequest(), timeout=5)
    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED


async def test_a_principal_signed_by_another_key_is_unauthenticated(stub):
    forged = signed(generate_keypair()[0], "admin", service="leads")
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.ListLeads(leads_pb2.ListLeadsRequest(), metadata=forged, timeout=5)
    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED


async def test_lead_4_a_domain_error_is_invalid_argument_naming_the_field(stub, principal_keys):
    request = leads_pb2.CreateLeadRequest(data=leads_pb2.LeadData(email="not-an-email"), source="referral")
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.CreateLead(request, metadata=signed(principal_keys[0], "sdr", service="leads"), timeout=5)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_fields(refused.value) == ["email"]


async def test_lead_1_anonymous_visitor_submits_and_staff_work_the_lead(stub, uows, principal_keys):
    [sdr] = await add_sdrs(uows, 1)
    private = principal_keys[0]
    await stub.CreateWebForm(leads_pb2.CreateWebFormRequest(slug="how-to-spec-out-a-kiosk",
                                                            landing_page_name="How to spec out a kiosk"),
                             metadata=signed(private, "marketing", service="leads"), timeout=5)
    visitor = signed(private, "anonymous", kind="anonymous", service="leads")
    data = leads_pb2.LeadData(first_name="Jane", last_name="Doe", company="Acme", email="jane@example.com",
                              phone="617-555-0100", number_of_locations=30, using_kiosks=True, role="it")
    await stub.SubmitWebForm(leads_pb2.SubmitWebFormRequest(form_slug="how-to-spec-out-a-kiosk", data=data),
                             metadata=visitor, timeout=5)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.ListLeads(leads_pb2.ListLeadsRequest(), metadata=visitor, timeout=5)
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED

    staff = signed(private, "sdr", service="leads")
    [lead] = (await stub.ListLeads(leads_pb2.ListLeadsRequest(landing_pages=["how-to-spec-out-a-kiosk"]),
                                   metadata=staff, timeout=5)).leads
    assert (lead.source, lead.status, lead.owner_id, lead.role, lead.rating) == ("website", "New", sdr, "IT", "A")
    assert lead.number_of_locations == 30 and lead.using_kiosks and lead.HasField("assigned_at")
    changes = leads_pb2.LeadChanges(status="Unqualified")
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.UpdateLead(leads_pb2.UpdateLeadRequest(id=lead.id, changes=changes, expected_version=1),
                              metadata=staff, timeout=5)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_fields(refused.value) == ["unqualified_reason"]
    changes = leads_pb2.LeadChanges(status="Unqualified", unqualified_reason="too small")
    updated = await stub.UpdateLead(leads_pb2.UpdateLeadRequest(id=lead.id, changes=changes, expected_version=1),
                                    metadata=staff, timeout=5)
    assert (updated.status, updated.unqualified_reason, updated.version) == ("Unqualified", "too small", 2)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.UpdateLead(leads_pb2.UpdateLeadRequest(id=lead.id, changes=changes, expected_version=1),
                              metadata=staff, timeout=5)
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert (await stub.GetLead(leads_pb2.GetLeadRequest(id=lead.id), metadata=staff, timeout=5)).version == 2
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.GetLead(leads_pb2.GetLeadRequest(id="missing"), metadata=staff, timeout=5)
    assert refused.value.code() == grpc.StatusCode.NOT_FOUND
    forms = await stub.ListWebForms(leads_pb2.ListWebFormsRequest(), metadata=staff, timeout=5)
    assert ([f.slug for f in forms.forms], forms.next_cursor) == (["how-to-spec-out-a-kiosk"], "")
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.ListWebForms(leads_pb2.ListWebFormsRequest(page_size=1, cursor="garbage!!"), metadata=staff,
                                timeout=5)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
