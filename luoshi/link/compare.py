"""Judge a target against an actual figure by its comparator.

Both numbers are in the target's own terms: for "能耗强度下降3.1%以上" the target is
3.1 and an actual "下降5.6%" is 5.6 (a rise would be negative). ``better`` says which
way beats the target (a ceiling on inflation: lower; growth: higher), so "about" is
met within the tolerance or on the better side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from luoshi.model import LinkStatus

Better = Literal["higher", "lower", "none"]
RATE_UNITS = ("%", "个百分点", "百分点")


@dataclass(frozen=True)
class Judgement:
    status: LinkStatus
    phrase: str  # 低于下限, 高于上限, 在±0.5个百分点内 ...


def tolerance(value: float, unit: str | None) -> float:
    """±0.5 percentage point for rates, 5% of the target otherwise."""
    if unit and unit.endswith(RATE_UNITS):
        return 0.5
    return abs(value) * 0.05


def better_side(direction: str, change: str) -> Better:
    """Which way is better in the target's terms, from the metric's direction."""
    if direction == "up":
        return "lower" if change == "decrease" else "higher"
    if direction == "down":
        return "higher" if change == "decrease" else "lower"
    return "none"


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def judge(comparator: str, value: float, value_high: float | None, actual: float,
          unit: str | None, better: Better = "none") -> Judgement:
    tol = tolerance(value, unit)
    pp = "个百分点" if unit and unit.endswith(RATE_UNITS) else ""
    if comparator == "at_least":
        if actual >= value:
            return Judgement("fulfilled", "达到下限" if actual == value else "高于下限")
        if actual >= value - tol:
            return Judgement("partial", f"略低于下限（差{_fmt(value - actual)}{pp}）")
        return Judgement("not_fulfilled", "低于下限")
    if comparator == "at_most":
        if actual <= value:
            return Judgement("fulfilled", "未超过上限")
        if actual <= value + tol:
            return Judgement("partial", f"略高于上限（超{_fmt(actual - value)}{pp}）")
        return Judgement("not_fulfilled", "高于上限")
    if comparator == "range" and value_high is not None:
        low, high = min(value, value_high), max(value, value_high)
        if low <= actual <= high:
            return Judgement("fulfilled", "在目标区间内")
        if (actual > high and better == "higher") or (actual < low and better == "lower"):
            return Judgement("fulfilled", "好于目标区间")
        if low - tol <= actual <= high + tol:
            return Judgement("partial", "略偏离目标区间")
        return Judgement("not_fulfilled", "低于下限" if actual < low else "高于上限")
    if comparator == "eq":
        if abs(actual - value) <= max(abs(value) * 0.01, 1e-9):
            return Judgement("fulfilled", "与目标一致")
        if (actual > value and better == "higher") or (actual < value and better == "lower"):
            return Judgement("fulfilled", "好于目标")  # 10.4万个 for 10万个: more done, never only "close"
        if abs(actual - value) <= tol:
            return Judgement("partial", "接近目标")
        return Judgement("not_fulfilled", "低于目标" if actual < value else "高于目标")
    # about (and a range without a high end)
    if abs(actual - value) <= tol + 1e-9:
        band = f"±{_fmt(tol)}{pp or ''}" if pp else "±5%"
        return Judgement("fulfilled", f"在目标{band}以内")
    if actual > value:
        return Judgement("fulfilled", "好于目标") if better == "higher" else Judgement("not_fulfilled", "高于上限")
    return Judgement("fulfilled", "好于目标") if better == "lower" else Judgement("not_fulfilled", "低于下限")
