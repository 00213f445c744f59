"""ACC-1: tree rules (no cycles, kiosk locations are leaves)."""
from __future__ import annotations

import pytest
from crmkit.errors import InvalidInput

from crm_accounts.domain.errors import TreeRefused
from crm_accounts.domain.hierarchy import check_parent, check_subtype


def test_acc_1_an_account_cannot_sit_under_itself_or_a_descendant():
    with pytest.raises(TreeRefused) as refused:
        check_parent("a", parent_id="a", parent_subtype="", parent_ancestry=["a"])
    assert refused.value.problems[0].field == "parent_id"
    # a <- b <- c: putting a under c closes a cycle
    with pytest.raises(TreeRefused):
        check_parent("a", parent_id="c", parent_subtype="office", parent_ancestry=["c", "b", "a"])
    check_parent("d", parent_id="c", parent_subtype="office", parent_ancestry=["c", "b", "a"])


def test_acc_1_a_kiosk_location_is_never_a_parent():
    with pytest.raises(TreeRefused, match="kiosk location"):
        check_parent("x", parent_id="k", parent_subtype="kiosk_location", parent_ancestry=["k", "root"])
    with pytest.raises(InvalidInput) as refused:
        check_subtype("kiosk_location", has_children=True)
    assert refused.value.problems[0].field == "subtype"
    check_subtype("kiosk_location", has_children=False)
    check_subtype("office", has_children=True)
