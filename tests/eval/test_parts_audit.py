"""The corpus layout audit (eval/parts/audit.py) on a tiny corpus built from the layout excerpts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from eval.parts import audit

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "structure" / "layouts"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "corpus"
    files = {
        "national/gwr-1995.txt": "national-1995.txt",
        "national/gwr-1997.txt": None,  # sealed: never read
        "cities/major/深圳市/2019.md": "shenzhen-2019.md",
        "cities/major/济南市/2019.md": None,  # sealed folder
        "cities/other/莆田市/2025.md": "putian-2025.md",
    }
    for rel, src in files.items():
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src is None:
            dest.write_bytes(b"\xff\xfe not a report")  # reading it would fail the run
        else:
            shutil.copy(LAYOUTS / src, dest)
    monkeypatch.setenv("LUOSHI_SHARED", str(tmp_path))
    return root


def test_audit_skips_sealed_texts_and_reads_parts(corpus: Path) -> None:
    audits = {a.path: a for a in audit.run()}
    assert set(audits) == {"national/gwr-1995.txt", "cities/major/深圳市/2019.md", "cities/other/莆田市/2025.md"}
    national = audits["national/gwr-1995.txt"]
    assert national.era == "1991–2000" and national.plan_year == 1995
    assert [part for part, _ in national.layout if part != "other"][:2] == ["review", "plan"]
    assert "noplan" not in national.flags and "fwd<15" not in national.flags
    assert abs(sum(national.shares.values()) - 1) < 1e-9


def test_audit_flags_and_era_table(corpus: Path) -> None:
    audits = audit.run()
    assert all(f in audit.FLAGS for a in audits for f in a.flags)
    table = audit.era_table(audits).splitlines()
    assert table[0].split()[:2] == ["era", "n"] and table[-1].split()[:2] == ["total", "3"]
    assert {line.split()[0] for line in table[1:-1]} == {"1991–2000", "2011–2026"}


def test_audit_compare_lists_changed_reports(corpus: Path, tmp_path: Path) -> None:
    audits = audit.run()
    saved = {a.path: {"parts": a.parts, "shares": a.shares, "flags": a.flags, "plan_year": a.plan_year} for a in audits}
    assert audit.compare(audits, saved) == []
    changed = audits[0]
    saved[changed.path] = {"parts": "r" * len(changed.parts), "shares": {"review": 1.0}, "flags": [], "plan_year": 1990}
    (line,) = audit.compare(audits, saved)
    assert line.startswith(changed.path) and "review-" in line and f"year 1990->{changed.plan_year}" in line
    out = tmp_path / "saved.json"
    assert audit.main(["--quiet", "--save", str(out)]) == 0
    assert set(json.loads(out.read_text(encoding="utf-8"))) == {a.path for a in audits}


@pytest.mark.parametrize(("title", "named"), [
    ("三、2026年工作安排", "year"), ("三、全力以赴做好“十五五”开局工作", "year"), ("决胜“十四五”收官之年的重点任务", "year"),
    ("二、“十五五”时期主要目标任务", "term"), ("二、今后五年的奋斗目标", "term"), ("（二）到2030年的主要目标", "term"),
    ("（一）加快建设现代化产业体系", None),
])
def test_named_horizon_reads_a_headings_own_words(title: str, named: str | None) -> None:
    assert audit.named_horizon(title, 2026) == named


def test_horizon_mismatch_lists_headings_whose_default_contradicts_their_words() -> None:
    """A heading naming the plan year whose rows default to the term's end is listed (term<-year), and one naming the
    term alone whose rows default to the plan year (year<-term); a heading naming neither, or a mixed title, is not.
    On the structure stage's own terms the plan-year sub-heading of a term chapter turns to the year: nothing listed."""
    from luoshi.structure import analyze
    from luoshi.structure.terms import Term, section_terms
    from luoshi.textmap import MappedText

    text = ("2026年政府工作报告\n\n一、2025年工作回顾\n\n推进改革取得成效。\n\n二、“十五五”时期目标任务\n\n"
            "（一）主要目标\n\n地区生产总值年均增长5%左右。\n\n（二）2026年重点工作\n\n新建改造高标准农田3万亩。\n")
    mt = MappedText(text)
    st = analyze(mt)
    assert audit.horizon_mismatches(mt, st.sections, section_terms(mt, st.sections, 2026), 2026) == []
    by_title = {sec.title.strip(): sec for sec in st.sections}
    chapter, year_sub = by_title["二、“十五五”时期目标任务"], by_title["（二）2026年重点工作"]
    everywhere = Term(2030, 0, len(text))
    wrong = {sec.id: everywhere for sec in st.sections}
    wrong[chapter.id] = None
    assert audit.horizon_mismatches(mt, st.sections, wrong, 2026) == [
        "year<-term: 二、“十五五”时期目标任务", "term<-year: （二）2026年重点工作"]
    assert year_sub.part in ("goals", "plan")
