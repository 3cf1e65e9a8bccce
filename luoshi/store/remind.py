"""Reminders: per department, the tasks due within N days or overdue; printed or mailed."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage

from sqlalchemy.orm import Session

from luoshi.store.assignments import effective
from luoshi.store.commitments import list_commitments, tracking_for
from luoshi.store.models import Department
from luoshi.store.settings import Settings
from luoshi.store.status import STATUS_ZH


@dataclass
class DueItem:
    commitment_id: int
    text: str
    due: date
    days_left: int  # negative: overdue
    status: str


def due_items(session: Session, within_days: int = 14, today: date | None = None,
              report_id: int | None = None) -> dict[Department, list[DueItem]]:
    """Departments (effective owners) -> their unfinished tasks due by today + N days, soonest first."""
    today = today or date.today()
    commitments = list_commitments(session, report_id=report_id)
    track = tracking_for(session, commitments, today)
    out: dict[Department, list[DueItem]] = {}
    for c in commitments:
        t = track[c.id]
        if t.status == "done" or t.due is None or (t.due - today).days > within_days:
            continue
        item = DueItem(c.id, c.text, t.due, (t.due - today).days, t.status)
        for a in effective(c):
            out.setdefault(a.department, []).append(item)
    for items in out.values():
        items.sort(key=lambda i: (i.due, i.commitment_id))
    return dict(sorted(out.items(), key=lambda kv: kv[0].name))


def format_reminder(department: Department, items: list[DueItem]) -> str:
    lines = [f"{department.name}：{len(items)} 项任务临近时限或已逾期"]
    for i in items:
        when = f"逾期 {-i.days_left} 天" if i.days_left < 0 else f"剩余 {i.days_left} 天"
        lines.append(f"  [{i.commitment_id}] {i.due.isoformat()}（{when}，{STATUS_ZH[i.status]}）{i.text}")
    return "\n".join(lines)


def send_reminders(due: dict[Department, list[DueItem]], settings: Settings) -> list[str]:
    """Mail each department with an address; returns the names of departments mailed."""
    sent: list[str] = []
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password)
        for dept, items in due.items():
            if not dept.email:
                continue
            msg = EmailMessage()
            msg["From"], msg["To"] = settings.smtp_from, dept.email
            msg["Subject"] = f"【督查提醒】{dept.name} {len(items)} 项任务临近时限或已逾期"
            msg.set_content(format_reminder(dept, items))
            smtp.send_message(msg)
            sent.append(dept.name)
    return sent
