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
NO_EVIDENCE_PRIOR = 0.75  # nothing credible found: how often no_evidence was right (dev)
REPEAT_CONFIDENCE = 0.55  # a one-off result promised again unchanged after its deadline

# Logistic coefficients: intercept, coverage, anchor (capped at 3), and a shift per aspect.
INTERCEPT = -1.2
COVERAGE = 2.5
ANCHOR = 0.6
ASPECT = {"done_strong": 0.8, "done": 0.5, "progress": 0.3, "mention": 0.0, "shortfall": 0.2}


def confidence(status: str, aspect: str, coverage: float, anchor: float, kind: str) -> float:
    z = INTERCEPT + COVERAGE * coverage + ANCHOR * min(anchor, 3.0) + ASPECT.get(aspect, 0.0)
    return round(1 / (1 + math.exp(-z)), 2)


def boilerplate(met: int, missed: int) -> float:
    """Boilerplate judged from targets: as sure as the targets are unanimous."""
    share = max(met, missed) / (met + missed)
    return round(0.5 + 0.3 * share, 2)
