"""The gateway-signed principal (DESIGN.md section 2): only the gateway's key makes a valid one."""
import time

import jwt
import pytest
from crmkit.principal import (
    InvalidPrincipal,
    Principal,
    PrincipalSigner,
    PrincipalVerifier,
    TrustedIssuer,
    generate_keypair,
)


@pytest.fixture(scope="module")
def keys():
    return generate_keypair()


def test_round_trip_keeps_every_field(keys):
    private, public = keys
    original = Principal(user_id="u1", role="rsm", username="rsm.east", territories=("NE", "MA"),
                         subordinates=("a", "b"), kind="user")
    token = PrincipalSigner(private).sign(original, service="accounts")
    back = PrincipalVerifier(public, service="accounts").verify(token)
    assert (back.user_id, back.role, back.username, back.territories, back.subordinates) == \
        ("u1", "rsm", "rsm.east", ("NE", "MA"), ("a", "b"))


def test_missing_forged_expired_and_unsigned_principals_are_refused(keys):
    private, public = keys
    verifier = PrincipalVerifier(public, service="accounts")
    other_private, _ = generate_keypair()
    with pytest.raises(InvalidPrincipal):
        verifier.verify(None)
    with pytest.raises(InvalidPrincipal):
        verifier.verify(PrincipalSigner(other_private).sign(Principal(user_id="u", role="admin"), service="accounts"))
    expired = Principal(user_id="u", role="admin", expires_at=int(time.time()) - 10)
    with pytest.raises(InvalidPrincipal):
        verifier.verify(PrincipalSigner(private).sign(expired, service="accounts"))
    unsigned = jwt.encode({"sub": "u", "role": "admin", "exp": time.time() + 60, "aud": "crm-services",
                           "iss": "crm-gateway"}, key=None, algorithm="none")
    with pytest.raises(InvalidPrincipal):
        verifier.verify(unsigned)


def test_principal_never_outlives_two_minutes(keys):
    private, public = keys
    far = Principal(user_id="u", role="sdr", expires_at=int(time.time()) + 86400)
    back = PrincipalVerifier(public, service="accounts").verify(PrincipalSigner(private).sign(far, service="accounts"))
    assert back.expires_at <= time.time() + 121


def test_a_delegate_issuer_is_trusted_for_its_roles_only(keys):
    """An import job outlives the gateway's token: the integration service signs its own principals,
    and a service trusts them for the delegated roles only, never under the gateway's name."""
    private, public = keys
    delegate_private, delegate_public = generate_keypair()
    verifier = PrincipalVerifier(public, (TrustedIssuer("crm-integration", delegate_public, frozenset({"erp"})),),
                                 service="accounts")
    integration = PrincipalSigner(delegate_private, issuer="crm-integration")
    assert verifier.verify(integration.sign(Principal(user_id="job-1", role="erp"), service="accounts")).role == "erp"
    gateway = PrincipalSigner(private)
    assert verifier.verify(gateway.sign(Principal(user_id="u", role="admin"), service="accounts")).role == "admin"
    erp = Principal(user_id="u", role="erp")
    for token in (integration.sign(Principal(user_id="job-1", role="admin"), service="accounts"),  # not delegated
                  PrincipalSigner(delegate_private).sign(erp, service="accounts"),  # posing as the gateway
                  PrincipalSigner(delegate_private, issuer="crm-sales").sign(erp, service="accounts")):
        with pytest.raises(InvalidPrincipal):
            verifier.verify(token)


def test_issue_13_a_principal_meant_for_one_service_is_refused_by_another(keys):
    private, public = keys
    signer = PrincipalSigner(private)
    admin = Principal(user_id="u", role="admin")
    for_leads = signer.sign(admin, service="leads")
    assert PrincipalVerifier(public, service="leads").verify(for_leads).role == "admin"
    assert PrincipalVerifier(public, service="accounts").verify(for_leads).role == "admin"  # leads forwards it
    for service in ("accounts", "integration"):
        with pytest.raises(InvalidPrincipal):
            PrincipalVerifier(public, service="leads").verify(signer.sign(admin, service=service))
    with pytest.raises(InvalidPrincipal):
        PrincipalVerifier(public, service="integration").verify(for_leads)
