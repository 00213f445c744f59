"""The sales process as data (S1): stages with their default probability and forecast category, and
the loss reasons (OPP-2). Migration 0001 seeds the defaults below; the tables are the truth."""
from __future__ import annotations

from dataclasses import dataclass

from crmkit.errors import InvalidInput

OPEN, WON, LOST = "open", "won", "lost"
FORECAST_CATEGORIES = ("pipeline", "best_case", "commit", "closed_won", "omitted")


@dataclass(frozen=True)
class Stage:
    code: str
    name: str
    position: int
    kind: str  # open | won | lost
    probability: int  # the default probability of an opportunity entering the stage, 0..100
    forecast_category: str
    # GEN-4, S2: days an opportunity may stay in the stage before its owner is alerted (None: never;
    # always None for closed stages), and whether the owner's RSM is alerted too. Migration 0004 seeds them.
    alert_after_days: int | None = None
    alert_rsm: bool = False
    alert_version: int = 1  # steps with each change of the two above (If-Match)

    @property
    def is_closed(self) -> bool:
        return self.kind != OPEN


@dataclass(frozen=True)
class LossReason:
    code: str
    name: str
    position: int


# The defaults (probabilities as EspoCRM's and Salesforce's standard process).
DEFAULT_STAGES = (
    Stage("prospecting", "Prospecting", 1, OPEN, 10, "pipeline"),
    Stage("qualification", "Qualification", 2, OPEN, 20, "pipeline"),
    Stage("proposal", "Proposal", 3, OPEN, 50, "pipeline"),
    Stage("negotiation", "Negotiation", 4, OPEN, 80, "best_case"),
    Stage("verbal_commit", "Verbal commit", 5, OPEN, 90, "commit"),
    Stage("closed_won", "Closed Won", 6, WON, 100, "closed_won"),
    Stage("closed_lost", "Closed Lost", 7, LOST, 0, "omitted"),
)
DEFAULT_LOSS_REASONS = (
    LossReason("price", "Price", 1),
    LossReason("competitor", "Lost to a competitor", 2),
    LossReason("no_budget", "No budget", 3),
    LossReason("no_decision", "No decision", 4),
    LossReason("product_fit", "Product fit", 5),
)


@dataclass(frozen=True)
class SalesProcess:
    """The configured stages (by position) and loss reasons."""

    stages: tuple[Stage, ...]
    loss_reasons: tuple[LossReason, ...]

    def stage(self, code: str, field: str = "stage") -> Stage:
        for stage in self.stages:
            if stage.code == code:
                return stage
        raise InvalidInput(f"unknown stage {code!r}; one of {', '.join(s.code for s in self.stages)}", field=field)

    def loss_reason(self, code: str) -> LossReason:
        for reason in self.loss_reasons:
            if reason.code == code:
                return reason
        raise InvalidInput(f"unknown loss reason {code!r}; one of {', '.join(r.code for r in self.loss_reasons)}",
                           field="loss_reason")

    @property
    def first_open(self) -> Stage:
        return next(stage for stage in self.stages if stage.kind == OPEN)


def forecast_category(stage: Stage, committed: bool) -> str:
    """S5: the stage's category, except that the rep's commit flag lifts an open opportunity to commit."""
    if committed and stage.kind == OPEN:
        return "commit"
    return stage.forecast_category
