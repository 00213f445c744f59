"""LEAD-3: round-robin assignment is fair over a fixed pool and never picks an inactive SDR."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_leads.domain.assignment import is_eligible, next_sdr

SDR_KEYS = [f"sdr-{n:02d}" for n in range(8)]
operation = st.one_of(
    st.tuples(st.just("join"), st.sampled_from(SDR_KEYS)),
    st.tuples(st.just("leave"), st.sampled_from(SDR_KEYS)),
    st.tuples(st.just("assign"), st.just("")),
)


def test_lead_3_rotation_visits_everyone_in_key_order_and_wraps():
    pool = ["c", "a", "b"]
    picks, cursor = [], None
    for _ in range(7):
        cursor = next_sdr(pool, cursor)
        picks.append(cursor)
    assert picks == ["a", "b", "c", "a", "b", "c", "a"]


def test_lead_3_no_candidate_means_unassigned():
    assert next_sdr([], None) is None and next_sdr([], "a") is None


def test_lead_3_a_departed_cursor_continues_with_the_next_key():
    assert next_sdr(["a", "c"], "b") == "c"
    assert next_sdr(["a", "c"], "d") == "a"


def test_lead_3_only_active_sdrs_are_eligible():
    assert is_eligible("sdr", True)
    assert not is_eligible("sdr", False) and not is_eligible("ae", True)


@settings(max_examples=300, deadline=None)
@given(history=st.lists(operation, max_size=60), final_pool=st.sets(st.sampled_from(SDR_KEYS), min_size=1),
       run=st.integers(min_value=1, max_value=50))
def test_lead_3_any_history_then_a_fixed_pool_is_fair_and_never_picks_inactive(history, final_pool, run):
    active: set[str] = set()
    cursor = None
    for op, key in history:
        if op == "join":
            active.add(key)
        elif op == "leave":
            active.discard(key)
        else:
            pick = next_sdr(active, cursor)
            assert pick is None if not active else pick in active
            cursor = pick or cursor
    counts: Counter[str] = Counter()
    for _ in range(run):
        cursor = next_sdr(final_pool, cursor)
        assert cursor in final_pool
        counts[cursor] += 1
    per_sdr = [counts[key] for key in final_pool]
    assert max(per_sdr) - min(per_sdr) <= 1
