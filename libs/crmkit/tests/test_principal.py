"""The gateway-signed principal (DESIGN.md section 2): only the gateway's key makes a valid one."""
import time

import jwt
import pytest

from crmkit.principal import (InvalidPrincipal, Principal, PrincipalSigner, PrincipalVerifier, TrustedIssuer,
                             generate_keypair)


@pytest.fixture(scope="module")
def keys():
    return generate_keypair()


def test_round_trip_keeps_every_field(keys):
    private, public = keys
    original = Principal(user_id="u1", role="rsm", username="rsm.east", territories=("NE", "MA"),
                         subordinates=("a", "b"), kind="user")
    back = PrincipalVerifier(public).verify(PrincipalSigner(private).sign(original))
    assert (back.user_id, back.role, back.username, back.territories, back.subordinates) == \
        ("u1", "rsm", "rsm.east", ("NE", "MA"), ("a", "b"))


def test_missing_forged_expired_and_unsigned_principals_are_refused(keys):
    private, public = keys
    verifier = PrincipalVerifier(public)
    other_private, _ = generate_keypair()
    with pytest.raises(InvalidPrincipal):
        verifier.verify(None)
    with pytest.raises(InvalidPrincipal):
        verifier.verify(PrincipalSigner(other_private).sign(Principal(user_id="u", role="admin")))
    with pytest.raises(InvalidPrincipal):
        verifier.verify(PrincipalSigner(private).sign(Principal(user_id="u", role="admin",
                                                                  expires_at=int(time.time()) - 10)))
    unsigned = jwt.encode({"sub": "u", "role": "admin", "exp": time.time() + 60, "aud": "crm-services",
                           "iss": "crm-gateway"}, key=None, algorithm="none")
    with pytest.raises(InvalidPrincipal):
        verifier.verify(unsigned)


def test_principal_never_outlives_five_minutes(keys):
    private, public = keys
    far = Principal(user_id="u", role="sdr", expires_at=int(time.time()) + 86400)
    back = PrincipalVerifier(public).verify(PrincipalSigner(private).sign(far))
    assert back.expires_at <= time.time() + 301


def test_a_delegate_issuer_is_trusted_for_its_roles_only(keys):
    """An import job outlives the gateway's token: the integration service signs its own principals,
    and a service trusts them for the delegated roles only, never under the gateway's name."""
    private, public = keys
    delegate_private, delegate_public = generate_keypair()
    verifier = PrincipalVerifier(public, (TrustedIssuer("crm-integration", delegate_public, frozenset({"erp"})),))
    integration = PrincipalSigner(delegate_private, issuer="crm-integration")
    assert verifier.verify(integration.sign(Principal(user_id="job-1", role="erp"))).role == "erp"
    assert verifier.verify(PrincipalSigner(private).sign(Principal(user_id="u", role="admin"))).role == "admin"
    for token in (integration.sign(Principal(user_id="job-1", role="admin")),  # a role not delegated
                  PrincipalSigner(delegate_private).sign(Principal(user_id="u", role="erp")),  # posing as the gateway
                  PrincipalSigner(delegate_private, issuer="crm-sales").sign(Principal(user_id="u", role="erp"))):
        with pytest.raises(InvalidPrincipal):
            verifier.verify(token)
