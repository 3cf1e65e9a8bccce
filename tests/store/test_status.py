"""Tracking status: a pure function of deadline, start, latest progress and today."""

from datetime import date

import pytest

from luoshi.store.status import deadline_date, derive_status, effective_due, expected_percent, period_start

D = date


@pytest.mark.parametrize(("deadline", "expected"), [
    ("2022", D(2022, 12, 31)),
    ("2022-06", D(2022, 6, 30)),
    ("2024-02", D(2024, 2, 29)),
    ("2025-12-31", D(2025, 12, 31)),
    ("2022-13", None),
    ("十四五", None),
    (None, None),
])
def test_deadline_date_is_last_day_of_period(deadline, expected):
    assert deadline_date(deadline) == expected


@pytest.mark.parametrize(("report_date", "year", "expected"), [
    ("2022-01-06", 2022, D(2022, 1, 6)),
    (None, 2022, D(2022, 1, 1)),
    ("not a date", 2021, D(2021, 1, 1)),
    (None, None, None),
])
def test_period_start_prefers_delivery_date(report_date, year, expected):
    assert period_start(report_date, year) == expected


@pytest.mark.parametrize(("start", "deadline", "today", "expected"), [
    (D(2022, 1, 1), D(2022, 12, 31), D(2022, 7, 2), pytest.approx(50.0)),
    (D(2022, 1, 1), D(2022, 12, 31), D(2021, 12, 1), 0.0),
    (D(2022, 1, 1), D(2022, 12, 31), D(2023, 1, 1), 100.0),
    (None, D(2022, 12, 31), D(2022, 7, 1), None),
])
def test_expected_percent_is_elapsed_share(start, deadline, today, expected):
    assert expected_percent(start, deadline, today) == expected


START, END = D(2022, 1, 1), D(2022, 12, 31)


@pytest.mark.parametrize(("today", "deadline", "percent", "state", "expected"), [
    (D(2022, 2, 1), END, None, None, "not_started"),          # early, nothing reported
    (D(2022, 2, 1), END, 10, "in_progress", "on_track"),
    (D(2022, 7, 1), END, 40, "in_progress", "on_track"),      # expected ~50, lag 10 <= 20
    (D(2022, 7, 1), END, 20, "in_progress", "at_risk"),       # lag ~30 > 20
    (D(2022, 7, 1), END, None, None, "not_started"),          # mid-year, nothing reported, half the year left: no risk
    (D(2022, 7, 1), END, 0, "not_started", "at_risk"),        # reported 0 % at mid-year: lag 50 > 20
    (D(2022, 12, 15), END, 95, "in_progress", "on_track"),    # due soon but at the pace (expected ~96)
    (D(2022, 12, 15), END, 60, "in_progress", "at_risk"),     # due soon and far behind
    (D(2022, 12, 15), END, None, None, "at_risk"),            # due within 30 days, nothing reported
    (D(2022, 12, 1), END, None, "not_started", "at_risk"),    # 30 days left is "soon"
    (D(2022, 11, 30), END, None, None, "not_started"),        # 31 days left is not
    (D(2022, 7, 1), END, None, "in_progress", "on_track"),    # progress without a percent: nothing says it lags
    (D(2023, 1, 2), END, 80, "in_progress", "overdue"),
    (D(2023, 1, 2), END, 100, "in_progress", "done"),
    (D(2022, 3, 1), END, 30, "done", "done"),
    (D(2022, 3, 1), END, 30, "blocked", "at_risk"),
    (D(2022, 3, 1), None, None, None, "not_started"),         # no deadline: never overdue
    (D(2030, 3, 1), None, 50, "in_progress", "on_track"),
])
def test_derive_status_table(today, deadline, percent, state, expected):
    assert derive_status(today, deadline, START, percent, state, margin=20, due_soon_days=30) == expected


@pytest.mark.parametrize(("margin", "expected"), [(10, "at_risk"), (40, "on_track")])
def test_derive_status_margin_is_configurable(margin, expected):
    assert derive_status(D(2022, 7, 1), END, START, 25, "in_progress", margin=margin, due_soon_days=30) == expected


@pytest.mark.parametrize(("due_date", "deadline", "year", "expected"), [
    (D(2022, 5, 1), "2022-06", 2022, D(2022, 5, 1)),  # the office's date wins
    (None, "2022-06", 2022, D(2022, 6, 30)),  # else the end of the deadline read from the text
    (None, None, 2022, D(2022, 12, 31)),  # else the end of the report year
    (None, "年内", None, None),
])
def test_effective_due(due_date, deadline, year, expected):
    assert effective_due(due_date, deadline, year) == expected
