"""S3 as a property: 1,000 random edits to lost opportunities change no stage, probability or
forecast category (compare odoo#67618); only the explicit reopen leaves Closed Lost."""
from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from crmkit.errors import CrmError

from crm_sales.domain.model import Opportunity
from crm_sales.domain.stages import DEFAULT_LOSS_REASONS, DEFAULT_STAGES, SalesProcess

PROCESS = SalesProcess(DEFAULT_STAGES, DEFAULT_LOSS_REASONS)
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def lost_opportunity(n: int, rng: random.Random) -> Opportunity:
    opportunity = Opportunity.open(process=PROCESS, by="ae-1", now=START, id=f"opp-{n}", account_id="acct",
                                   name=f"deal {n}", type="add_on", amount=Decimal("100.00"), currency="USD",
                                   close_date=date(2026, 6, 30), owner_id="ae-1",
                                   stage=rng.choice([s.code for s in DEFAULT_STAGES if s.kind == "open"]))
    opportunity.edit({"stage": "closed_lost", "loss_reason": rng.choice(DEFAULT_LOSS_REASONS).code},
                     process=PROCESS, by="ae-1", now=START)
    return opportunity


def random_edit(rng: random.Random) -> dict[str, object]:
    choices = {
        "name": lambda: f"renamed {rng.randint(0, 99)}",
        "description": lambda: "notes " * rng.randint(0, 3),
        "stage": lambda: rng.choice(DEFAULT_STAGES).code,
        "probability": lambda: rng.randint(0, 100),
        "committed": lambda: rng.random() < 0.5,
        "amount": lambda: Decimal(rng.randint(0, 10_000)) / 100,
        "close_date": lambda: date(2026, 1, 1) + timedelta(days=rng.randint(0, 700)),
        "loss_reason": lambda: rng.choice(DEFAULT_LOSS_REASONS).code,
        "type": lambda: rng.choice(["add_on", "net_new"]),
    }
    names = rng.sample(sorted(choices), rng.randint(1, 4))
    return {name: choices[name]() for name in names}


def test_s3_a_thousand_random_edits_to_lost_opportunities_change_no_stage_probability_or_category():
    rng = random.Random(20261205)
    opportunities = [lost_opportunity(n, rng) for n in range(50)]
    stage_changes = 0
    for step in range(1000):
        opportunity = rng.choice(opportunities)
        before = (opportunity.stage, opportunity.probability, opportunity.category(PROCESS),
                  opportunity.stage_entered_at)
        try:
            opportunity.edit(random_edit(rng), process=PROCESS, by="ae-1", now=START + timedelta(minutes=step))
        except CrmError:
            pass  # refused as a whole (S3 names the frozen fields); nothing changed
        after = (opportunity.stage, opportunity.probability, opportunity.category(PROCESS),
                 opportunity.stage_entered_at)
        stage_changes += before != after
    assert stage_changes == 0
    assert all(o.stage == "closed_lost" for o in opportunities)


def test_s3_reopen_is_the_way_out_and_records_it():
    opportunity = lost_opportunity(0, random.Random(1))
    opportunity.reopen("qualification", process=PROCESS, by="ae-1", now=START + timedelta(days=1))
    assert (opportunity.stage, opportunity.probability, opportunity.loss_reason) == ("qualification", 20, "")
    assert opportunity.stage_entered_at == START + timedelta(days=1)
