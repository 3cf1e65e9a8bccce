"""Store fixtures: databases (db_fixtures) and hand-built extractions."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from luoshi.model import Commitment, Department, Extraction, Indicator, ReportMeta, Section
from luoshi.store.reports import ingest_file
from tests.store.db_fixtures import *  # noqa: F401,F403 (fixtures)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REGION = "北京市门头沟区"


def ingest_both(session):
    """The two shipped Mentougou reports, 2020 then 2021, stored (and so linked) and committed."""
    old = ingest_file(session, EXAMPLES / "mentougou-2020.txt", region=REGION).report
    new = ingest_file(session, EXAMPLES / "mentougou-2021.txt", region=REGION).report
    session.commit()
    return old, new


def write_report(tmp_path: Path, year: int, review: str, plan: str) -> Path:
    """A small district report of ``year``: a review of the year before, then the year's plan."""
    path = tmp_path / f"{year}.txt"
    path.write_text(f"门头沟区{year}年政府工作报告\n一、{year - 1}年工作回顾\n一年来，各项工作取得新进展。{review}\n"
                    f"二、{year}年工作安排\n今年重点做好以下工作。{plan}\n", encoding="utf-8")
    return path


CLAUSES = [
    ("完成老旧小区综合整治10个", "区住房城乡建设委", "binding", "2022"),
    ("推进永定河生态修复", "区水务局", "process", None),
    ("力争新增就业岗位5000个", "区人力社保局", "firm", "2022-06"),
    ("探索建立文旅融合发展机制", "区文化和旅游局", "exploratory", None),
]


def build_extraction(clauses=CLAUSES, sha: str | None = None, title: str = "2022年政府工作报告", year: int = 2022) -> tuple[Extraction, str]:
    """An Extraction with exact offsets over a small synthetic report text."""
    head = "一、2022年工作安排\n"
    text = head
    commitments = []
    for n, (clause, dept, strength, deadline) in enumerate(clauses, 1):
        start = len(text)
        text += clause + "。"
        commitments.append(Commitment(
            id=f"c{n}", text=clause, action=clause[:2], object=clause[2:], strength=strength, deadline=deadline,
            deadline_text="年内" if deadline else None, projects=[], indicators=["i1"] if n == 1 else [],
            departments=[Department(dept, "lead", [dept[1:3]])], start=start, end=start + len(clause), section="s1"))
    ind_start = text.index("10个")
    indicators = [Indicator(id="i1", metric="老旧小区综合整治", value=10, value_high=None, unit="个", value_text="10个",
                            comparator="eq", change="increase", kind="target", period="2022", base_period=None,
                            sentence=clauses[0][0], start=ind_start, end=ind_start + 3, section="s1")]
    meta = ReportMeta(title=title, region="北京市门头沟区", year=year, date=f"{year}-01-06",
                      sha256=sha or hashlib.sha256(text.encode()).hexdigest(), chars=len(text))
    sections = [Section("s1", None, 1, head.strip(), "plan", 0, len(text))]
    return Extraction(meta, sections, indicators, commitments), text


@pytest.fixture
def extraction() -> tuple[Extraction, str]:
    return build_extraction()
