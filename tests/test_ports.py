"""Every process's default gRPC port and peer targets come from the one table in crmkit.config, so
a process started with defaults finds its peers (the gateway once looked for leads on a port leads
never listened on)."""
from crmkit.config import DEFAULT_PORTS, target

from crm_accounts.settings import AccountsSettings
from crm_gateway.settings import GatewaySettings
from crm_integration.settings import IntegrationSettings
from crm_leads.settings import LeadsSettings
from crm_sales.settings import SalesSettings
from crmctl.platform import CALLS, SERVICES

SETTINGS = {"accounts": AccountsSettings, "leads": LeadsSettings, "integration": IntegrationSettings,
            "sales": SalesSettings}


def _default(settings: type, name: str):
    return settings.model_fields[name].default


def test_each_service_listens_on_its_own_port_and_no_two_share_one():
    assert len(set(DEFAULT_PORTS.values())) == len(DEFAULT_PORTS)
    assert {"support", "marketing"} <= DEFAULT_PORTS.keys()  # reserved before they exist
    assert set(SERVICES) == SETTINGS.keys()
    for name, settings in SETTINGS.items():
        assert _default(settings, "grpc_port") == DEFAULT_PORTS[name]


def test_every_default_target_is_where_that_peer_listens():
    for service in SERVICES:
        assert _default(GatewaySettings, f"{service}_target") == target(service)
    for caller, peers in CALLS.items():
        for peer in peers:
            assert _default(SETTINGS[caller], f"{peer}_target") == target(peer)
