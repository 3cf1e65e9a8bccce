"""Confidence of a task verdict as a probability, and the point below which the linker abstains.

A raw score from what the evidence is (how much of the task's weight it holds, how heavy
the shared run of characters is, what its verb says) goes through a logistic curve whose
coefficients were fitted on the dev half of the labelled pairs (``eval/links``); the
reliability table (``python -m eval.links.run --calibration``) shows whether the
probabilities mean what they say, on the dev half and on the half never tuned on.
"""

from __future__ import annotations

import math

ABSTAIN = 0.5  # below this a verdict is wrong more often than right: say no_evidence instead
# nothing credible found: how often no_evidence was right (all tunable pairs of eval/links, dev and test
# halves and final/: 166 such verdicts, 0.825; it was 0.81 on the dev half alone before recall improved)
NO_EVIDENCE_PRIOR = 0.83
REPEAT_CONFIDENCE = 0.55  # a one-off result promised again unchanged after its deadline

# Logistic coefficients: intercept, coverage, anchor (capped at 3), and a shift per aspect.
# Hand-set first (-1.2, 2.5, 0.6; aspects 0.8/0.5/0.3/0/0.2), then Platt-scaled on the dev
# half's 60 verdicts with evidence (a = 1.825, b = -1.159), folded in here.
INTERCEPT = -3.35
COVERAGE = 4.56
ANCHOR = 1.10
ASPECT = {"done_strong": 1.46, "done": 0.91, "progress": 0.55, "mention": 0.0, "shortfall": 0.37}


def confidence(status: str, aspect: str, coverage: float, anchor: float, kind: str) -> float:
    z = INTERCEPT + COVERAGE * coverage + ANCHOR * min(anchor, 3.0) + ASPECT.get(aspect, 0.0)
    return round(1 / (1 + math.exp(-z)), 2)


def boilerplate(met: int, missed: int) -> float:
    """Boilerplate judged from targets: as sure as the targets are unanimous."""
    share = max(met, missed) / (met + missed)
    return round(0.5 + 0.3 * share, 2)
