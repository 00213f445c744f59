"""Default owners from the territory (DESIGN.md section 2) and kiosk warranty states (ACC-5)."""
from __future__ import annotations

from datetime import date, timedelta

from crmkit.identity.model import User

from crm_accounts.domain.territory import default_owner, may_own
from crm_accounts.domain.warranty import EXPIRED, EXPIRING, IN_WARRANTY, UNKNOWN, warranty_state

AE_NE = User(id="b-ae-ne", role="ae", territories=("NE",))
AE_NE_2 = User(id="c-ae-ne", role="ae", territories=("NE",))
AE_PAC = User(id="a-ae-pac", role="ae", territories=("PAC",))
GONE = User(id="0-gone", role="ae", territories=("NE",), active=False)
KAM = User(id="z-kam", role="key_account_rep")
CANDIDATES = [AE_NE_2, AE_PAC, GONE, AE_NE, KAM]


def test_the_territory_ae_owns_by_default_first_by_id_and_active_only():
    assert default_owner(territory="NE", key_account=False, candidates=CANDIDATES) == AE_NE.id
    assert default_owner(territory="PAC", key_account=False, candidates=CANDIDATES) == AE_PAC.id


def test_unknown_territory_gives_no_owner_rather_than_an_error():
    assert default_owner(territory="", key_account=False, candidates=CANDIDATES) == ""
    assert default_owner(territory="MTN", key_account=False, candidates=CANDIDATES) == ""


def test_a_key_account_belongs_to_the_key_account_rep_else_the_territory_ae():
    assert default_owner(territory="NE", key_account=True, candidates=CANDIDATES) == KAM.id
    assert default_owner(territory="", key_account=True, candidates=CANDIDATES) == KAM.id
    assert default_owner(territory="NE", key_account=True, candidates=[AE_NE]) == AE_NE.id


def test_acc_5_warranty_state():
    today = date(2026, 11, 21)
    assert warranty_state(None, today) == UNKNOWN
    assert warranty_state(today - timedelta(days=1), today) == EXPIRED
    assert warranty_state(today, today) == EXPIRING
    assert warranty_state(today + timedelta(days=60), today) == EXPIRING
    assert warranty_state(today + timedelta(days=61), today) == IN_WARRANTY


def test_issue_13_who_may_own_an_account_in_a_territory():
    ae_ne, ae_pac = User(id="a1", role="ae", territories=("NE",)), User(id="a2", role="ae", territories=("PAC",))
    assert may_own(ae_ne, "NE", manages_an_owner=False) and not may_own(ae_pac, "NE", manages_an_owner=False)
    assert may_own(ae_pac, "", manages_an_owner=False)  # no territory yet
    assert may_own(User(id="k", role="key_account_rep"), "NE", manages_an_owner=False)
    assert may_own(User(id="x", role="admin"), "NE", manages_an_owner=False)
    assert may_own(User(id="r", role="rsm"), "NE", manages_an_owner=True)
    assert not may_own(User(id="r", role="rsm"), "NE", manages_an_owner=False)
    assert not may_own(User(id="c", role="csr"), "NE", manages_an_owner=False)
    assert not may_own(User(id="a3", role="ae", territories=("NE",), active=False), "NE", manages_an_owner=False)
