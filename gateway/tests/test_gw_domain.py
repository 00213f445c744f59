"""Pure rules without I/O: manager chain, throttles, refresh-token verdicts, API key format, password
policy, the in-process counter store, settings validation, problem field names (SEC-4, GEN-8)."""
from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from crmkit.errors import InvalidInput
from pydantic import ValidationError

from crm_gateway.adapters.counters import MemoryStore
from crm_gateway.adapters.hashing import Passwords
from crm_gateway.api.common import if_match_version, instant
from crm_gateway.domain import hierarchy, throttle, tokens
from crm_gateway.domain.errors import PasswordsBusy
from crm_gateway.domain.model import check_territories
from crm_gateway.domain.passwords import check_password
from crm_gateway.problems import field_name
from crm_gateway.settings import GatewaySettings

CHAIN = {"vp": None, "rsm": "vp", "ae1": "rsm", "ae2": "rsm", "se": "rsm", "csr": "csm", "csm": None}


def test_subordinates_follow_the_whole_chain():
    """SEC-4: an RSM sees what their AEs see, a VP everything below."""
    assert hierarchy.subordinates("vp", CHAIN) == {"rsm", "ae1", "ae2", "se"}
    assert hierarchy.subordinates("rsm", CHAIN) == {"ae1", "ae2", "se"}
    assert hierarchy.subordinates("ae1", CHAIN) == set()


def test_manager_changes_that_loop_are_refused():
    hierarchy.check_new_manager("ae1", "vp", CHAIN)
    hierarchy.check_new_manager("ae1", None, CHAIN)
    for user, manager in (("vp", "ae1"), ("rsm", "rsm"), ("vp", "rsm"), ("ae1", "ghost")):
        with pytest.raises(InvalidInput) as exc:
            hierarchy.check_new_manager(user, manager, CHAIN)
        assert exc.value.problems[0].field == "manager_id"


def test_throttle_decisions():
    assert [throttle.account_delay(n, 5, 30) for n in range(1, 13)] == [0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30]
    assert throttle.after_hit(throttle.Window(30, 10), 30).allowed
    assert throttle.after_hit(throttle.Window(31, 0), 30) == throttle.Decision(False, 1)


def test_refresh_verdicts():
    now = datetime.now(UTC)
    later = now + timedelta(days=1)
    assert tokens.judge_refresh(tokens.StoredRefresh(later, None, None), now) is tokens.RefreshVerdict.ROTATE
    assert tokens.judge_refresh(tokens.StoredRefresh(later, now, None), now) is tokens.RefreshVerdict.REUSED
    assert tokens.judge_refresh(tokens.StoredRefresh(later, now, now), now) is tokens.RefreshVerdict.REFUSED
    assert tokens.judge_refresh(tokens.StoredRefresh(now, None, None), now) is tokens.RefreshVerdict.REFUSED


def test_secrets_and_keys():
    key = tokens.new_api_key()
    assert key.startswith("crm_") and tokens.looks_like_api_key(key) and not tokens.looks_like_api_key("crm_short")
    assert len(tokens.new_secret()) >= 43 and tokens.new_secret() != tokens.new_secret()
    assert len(tokens.digest(key)) == 64


def test_password_policy():
    check_password("a-long-password-1", username="ada")
    for bad in ("short", "a" * 300, "aaaaaaaaaaaa", "my-ada-password"):
        with pytest.raises(InvalidInput):
            check_password(bad, username="ada")


def test_territories_checked_and_deduplicated():
    assert check_territories(["PAC", "MTN", "PAC"], {"PAC", "MTN"}) == ["PAC", "MTN"]
    with pytest.raises(InvalidInput) as exc:
        check_territories(["PAC", "XX"], {"PAC"})
    assert exc.value.problems[0].field == "territories.1"


async def test_passwords_rehash_when_parameters_change():
    """Argon2id; a hash made with older parameters is replaced at the next good login."""
    old = Passwords(time_cost=1, memory_kib=8192, parallelism=1)
    new = Passwords(time_cost=2, memory_kib=8192, parallelism=1)
    stored = await old.hash("correct horse")
    assert stored.startswith("$argon2id$")
    assert await old.verify(stored, "correct horse") == (True, None)
    ok, rehashed = await new.verify(stored, "correct horse")
    assert ok and rehashed and "t=2" in rehashed
    assert await new.verify(stored, "wrong") == (False, None)
    assert await new.verify(None, "anything") == (False, None)


def test_password_defaults_meet_owasp_argon2id_minimum():
    """Issue 14: OWASP's Password Storage Cheat Sheet asks Argon2id for at least m=19 MiB, t=2, p=1."""
    fields = GatewaySettings.model_fields
    assert fields["argon2_memory_kib"].default >= 19 * 1024
    assert fields["argon2_time_cost"].default >= 2
    assert fields["argon2_parallelism"].default >= 1


async def test_a_login_beyond_hashing_capacity_is_told_to_retry():
    """Issue 14: hashing runs at bounded concurrency; a login finding every slot taken for its whole wait
    gets PasswordsBusy (503 with Retry-After), and the next one is served once a slot is free."""
    passwords = Passwords(time_cost=2, memory_kib=8192, parallelism=1, concurrency=1, queue_seconds=0.01)
    stored = await passwords.hash("correct horse")
    await passwords._slots.acquire()  # another login holds the one slot
    with pytest.raises(PasswordsBusy) as busy:
        await passwords.verify(stored, "correct horse")
    assert busy.value.retry_after >= 1
    passwords._slots.release()
    assert await passwords.verify(stored, "correct horse") == (True, None)


async def test_a_login_abandoned_mid_hash_keeps_its_slot_until_the_hash_ends():
    """Issue 14: a client that disconnects cancels its request, not the Argon2 thread; the next login
    must still see the slot taken (and be told to retry), never queue unbounded behind the orphan."""
    passwords = Passwords(time_cost=1, memory_kib=8192, parallelism=1, concurrency=1, queue_seconds=0.05)
    started, finish = threading.Event(), threading.Event()

    def slow_hash(password: str) -> str:
        started.set()
        finish.wait(5)
        return "hashed"

    passwords._hasher = SimpleNamespace(hash=slow_hash)  # type: ignore[assignment]
    abandoned = asyncio.create_task(passwords.hash("correct horse"))
    await asyncio.to_thread(started.wait, 5)
    abandoned.cancel()
    with pytest.raises(asyncio.CancelledError):
        await abandoned
    with pytest.raises(PasswordsBusy):
        await passwords.hash("next login")
    finish.set()
    await asyncio.sleep(0.05)
    assert await passwords.hash("next login") == "hashed"


async def test_memory_store_windows_expire():
    now = [1000.0]
    store = MemoryStore(clock=lambda: now[0])
    assert (await store.hit("k", 60)).count == 1
    window = await store.hit("k", 60)
    assert window == throttle.Window(2, 60)
    await store.unhit("k")
    assert (await store.hit("k", 60)).count == 2
    now[0] += 61
    assert (await store.hit("k", 60)).count == 1
    assert await store.claim("c", "v", 10) and not await store.claim("c", "w", 10)
    assert await store.get("c") == "v"
    now[0] += 11
    assert await store.get("c") is None


def test_settings_refuse_weak_secrets(principal_keys):
    base = dict(database_url="postgresql://x/y", principal_private_key=principal_keys[0])
    for secret in ("short", "changeme" * 5, "a" * 40):
        with pytest.raises(ValidationError):
            GatewaySettings(jwt_secret=secret, **base)
    with pytest.raises(ValidationError):
        GatewaySettings(jwt_secret="k3y-Rand0m-Enough-For-Tests-0123456789", database_url="mysql://x/y",
                        principal_private_key=principal_keys[0])
    GatewaySettings(jwt_secret="k3y-Rand0m-Enough-For-Tests-0123456789", **base)


def test_problem_field_names_and_http_helpers():
    assert field_name(("body", "territories", 0)) == "territories.0"
    assert field_name(("query", "limit")) == "limit"
    assert field_name(("body",)) == "body"
    assert if_match_version('"7"') == 7 and if_match_version('W/"8"') == 8 and if_match_version(None) == 0
    assert instant("2024-03-01", field="f").ToDatetime().isoformat() == "2024-03-01T00:00:00"
    with pytest.raises(InvalidInput):
        instant("soon", field="created_from")
