"""HMAC request signing (INT-4), without a server: what is signed, the window, tampering."""
from __future__ import annotations

import pytest

from crm_gateway.domain import signatures
from crm_gateway.domain.signatures import SignatureRefused

SECRET = "s3cret-s3cret-s3cret"
BODY = b'{"sales_order_number":"SO-1"}'


def test_a_signature_covers_timestamp_method_target_and_body():
    good = signatures.sign(SECRET, "1700000000", "POST", "/api/v1/erp/sales-orders", BODY)
    signatures.verify(SECRET, good, "1700000000", "post", "/api/v1/erp/sales-orders", BODY)
    for changed in (("1700000001", "POST", "/api/v1/erp/sales-orders", BODY),
                    ("1700000000", "PUT", "/api/v1/erp/sales-orders", BODY),
                    ("1700000000", "POST", "/api/v1/erp/finance", BODY),
                    ("1700000000", "POST", "/api/v1/erp/sales-orders", BODY + b" ")):
        with pytest.raises(SignatureRefused):
            signatures.verify(SECRET, good, *changed)
    with pytest.raises(SignatureRefused):
        signatures.verify("another secret", good, "1700000000", "POST", "/api/v1/erp/sales-orders", BODY)


@pytest.mark.parametrize(("offset", "accepted"), [(0, True), (299, True), (-299, True), (301, False), (-301, False)])
def test_the_timestamp_must_be_within_five_minutes(offset, accepted):
    now = 1_700_000_000
    if accepted:
        signatures.check_timestamp(str(now + offset), now)
    else:
        with pytest.raises(SignatureRefused):
            signatures.check_timestamp(str(now + offset), now)
    with pytest.raises(SignatureRefused):
        signatures.check_timestamp("yesterday", now)


def test_new_keys_are_distinct():
    assert len({signatures.new_key() for _ in range(50)}) == 50
