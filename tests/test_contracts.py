"""Contracts held in two places stay one: the generated stubs in protos/python/gen are exactly what
protos/ generates (DESIGN.md section 1), and the import kinds the gateway's OpenAPI declares are the
integration service's feeds (issue 13 finding 9)."""
from crm_gateway.api.imports.schemas import IMPORT_KINDS
from crm_integration.domain.feeds import KINDS
from crmctl import protos


def test_generated_stubs_are_fresh():
    stale = protos.stale_files()
    assert stale == [], f"run ./crm protos and commit the result; stale: {stale}"


def test_the_gateway_declares_exactly_the_import_kinds_the_integration_service_reads():
    assert sorted(IMPORT_KINDS) == sorted(KINDS)
