"""In-year tracking status, derived (never stored) from deadline, progress and today.

序时进度: the expected percent is the elapsed share of the period from the start
(report date or 1 January of the report year) to the deadline.

The office's traffic light (``derive_status``), first rule that holds:

- done (已完成): the latest update says done, or 100 %.
- overdue (逾期): the due date has passed.
- at_risk (存在风险), amber, only on evidence of trouble:
  - the department reported the task blocked;
  - a percent was reported and it lags 序时进度 by more than ``margin`` points (default 20:
    40 % at mid-year of a 31 December task is on track, 25 % is not);
  - nothing was reported yet and the due date is at most ``due_soon_days`` away (default 30).
- not_started (未启动): nothing reported yet, deadline further away. A task due 31 December
  with no report at mid-year is not at risk: the office has not heard, and half the year is left.
- on_track (正常推进): otherwise (progress reported, at or near the pace).

Both thresholds are settings (``LUOSHI_AT_RISK_MARGIN``, ``LUOSHI_DUE_SOON_DAYS``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Literal

TrackingStatus = Literal["not_started", "on_track", "at_risk", "overdue", "done"]
STATUS_ZH = {"not_started": "未启动", "on_track": "正常推进", "at_risk": "进度滞后", "overdue": "逾期", "done": "已完成"}
STATUS_COLOUR = {"not_started": "grey", "on_track": "green", "at_risk": "amber", "overdue": "red", "done": "green"}

_DEADLINE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def deadline_date(deadline: str | None) -> date | None:
    """Last day of a normalized deadline: "2022" -> 2022-12-31, "2022-06" -> 2022-06-30."""
    m = _DEADLINE.match(deadline or "")
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 12), m[3]
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(int(day), last) if day else last)


def effective_due(due_date: date | None, deadline: str | None, report_year: int | None) -> date | None:
    """A task's tracked due date: the office's own date, else the end of the deadline read
    from the text, else 31 December of the report year (a plan's tasks are due within it)."""
    return due_date or deadline_date(deadline) or (date(report_year, 12, 31) if report_year else None)


def period_start(report_date: str | None, year: int | None) -> date | None:
    """When the clock starts: the delivery date if known, else 1 January of the plan year."""
    if report_date:
        try:
            return date.fromisoformat(report_date)
        except ValueError:
            pass
    return date(year, 1, 1) if year else None


def expected_percent(start: date | None, deadline: date | None, today: date) -> float | None:
    """序时进度 in percent (0–100); None without both ends of the period."""
    if start is None or deadline is None:
        return None
    if today >= deadline:
        return 100.0
    if today <= start or deadline <= start:
        return 0.0
    return 100.0 * (today - start).days / (deadline - start).days


def derive_status(
    today: date,
    deadline: date | None,
    start: date | None = None,
    percent: float | None = None,
    state: str | None = None,
    margin: float = 20.0,
    due_soon_days: int = 30,
) -> TrackingStatus:
    """The office's traffic light for one task (the rules are in the module's docstring).

    ``percent`` and ``state`` come from the latest progress update (None: none yet).
    """
    if state == "done" or (percent is not None and percent >= 100):
        return "done"
    if deadline is not None and today > deadline:
        return "overdue"
    if state == "blocked":
        return "at_risk"
    if percent is not None:  # behind the time-elapsed pace, by what the department reported
        expected = expected_percent(start, deadline, today)
        return "at_risk" if expected is not None and expected - percent > margin else "on_track"
    if state in (None, "not_started"):  # nothing reported: only a near deadline makes it a risk
        soon = deadline is not None and (deadline - today).days <= due_soon_days
        return "at_risk" if soon else "not_started"
    return "on_track"  # progress reported without a percent: nothing says it lags
