"""Theme sentences of a stored report: written at ingest, matched on re-extraction, rebuilt for old ledgers.

A theme (一是持续推动消费升级, a numbered heading) is the unit a supervision office and the public
read a report by, and the linker gives each one a verdict rolled up from the rows it heads
(luoshi.link.themes). The ledger keeps them as rows of their own (``Theme``), beside the sections
they sit in, so their verdicts are ``Verdict`` rows like any task's (source_kind "theme").

Only goals and plan themes are stored: they are the ones the linker judges. Their offsets index
the stored original text. Re-extraction matches the stored themes by offsets and text, so a theme
whose verdict a person confirmed keeps its id (retired, key "~id", when it is gone from the text).
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from luoshi import model as m
from luoshi.store.models import Report, Theme, Verdict

PLAN_PARTS = ("goals", "plan")  # as luoshi.link.themes.PLAN_PARTS


def theme_sentences(sentences: list[m.Sentence]) -> list[m.Sentence]:
    """The sentences the linker judges as themes, in report order (their index is the engine key t0, t1 …)."""
    return [s for s in sentences if s.role == "theme" and s.part in PLAN_PARTS]


def sentences_of_text(text: str, sha256: str | None = None, filename: str | None = None) -> list[m.Sentence]:
    """The structure stage run again on a stored text (the sentences are not stored); the file's
    name, when stored, tells the year as it did at ingest (2020.txt)."""
    from luoshi.structure import analyze
    from luoshi.textmap import MappedText

    return analyze(MappedText(text), m.Document(text=text, format="txt", sha256=sha256 or "", path=filename)).sentences


def replace_themes(session: Session, report: Report, sentences: list[m.Sentence]) -> int:
    """Write ``report``'s themes from its sentences; stored themes matched by (start, end, text) keep their id."""
    text = report.text or ""
    if not text:
        return 0  # offsets index the stored text: without it there is nothing to quote
    new = theme_sentences(sentences)
    old = {(t.start, t.end, t.text): t for t in session.scalars(select(Theme).where(Theme.report_id == report.id))}
    keep: set[int] = set()
    for n, s in enumerate(new):
        span = text[s.start : s.end]
        row = old.get((s.start, s.end, span))
        if row is None:
            row = Theme(report_id=report.id, start=s.start, end=s.end, text=span)
            session.add(row)
        row.key, row.ordinal, row.part, row.section_key, row.retired = f"t{n}", n, s.part, s.section, False
        if row.id is not None:
            keep.add(row.id)
    gone = [t for t in old.values() if t.id not in keep]
    confirmed = set(session.scalars(select(Verdict.source_id).where(
        Verdict.source_kind == "theme", Verdict.source_id.in_([t.id for t in gone]), Verdict.confirmed.is_(True))))
    for t in gone:
        if t.id in confirmed:  # a person's decision stays with its theme
            t.key, t.retired = f"~{t.id}", True
        else:
            session.execute(delete(Verdict).where(Verdict.source_kind == "theme", Verdict.source_id == t.id))
            session.delete(t)
    session.flush()
    return len(new)


def stored_themes(session: Session, report_id: int, *, retired: bool = False) -> list[Theme]:
    q = select(Theme).where(Theme.report_id == report_id)
    if not retired:
        q = q.where(Theme.retired.is_(False))
    return list(session.scalars(q.order_by(Theme.start)))


def as_sentences(themes: list[Theme]) -> list[m.Sentence]:
    """Stored themes as the engine's theme sentences (what luoshi.link.themes reads of the older report)."""
    return [m.Sentence(t.start, t.end, t.section_key, t.part, role="theme") for t in themes if not t.retired]  # type: ignore[arg-type]
