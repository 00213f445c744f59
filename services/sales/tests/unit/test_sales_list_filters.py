"""A list filter that cannot name an account is the caller's mistake (issue 13 finding 1): the gRPC
mapper refuses it naming the field, instead of PostgreSQL failing on a uuid cast (a 500)."""
from __future__ import annotations

import uuid

import pytest
from crm.sales.v1 import opportunities_pb2 as pb
from crmkit.errors import InvalidInput

from crm_sales.entrypoints.mappers import list_query


def test_account_filters_must_be_uuids_and_are_canonicalised():
    account = uuid.uuid4()
    query = list_query(pb.ListOpportunitiesRequest(account_ids=[str(account).upper()]))
    assert query.account_ids == (str(account),)
    with pytest.raises(InvalidInput) as refused:
        list_query(pb.ListOpportunitiesRequest(account_ids=[str(account), "a\x00b"]))
    assert [p.field for p in refused.value.problems] == ["account_id"]
