"""The ledger's tables (SQLAlchemy 2 declarative).

Engine output (reports, sections, indicators, commitments, engine assignment
suggestions, engine verdicts) is replaced on re-extraction; human data
(source='human' assignments, progress updates, manual observations, confirmed
verdicts, fields listed in ``Commitment.locked_fields``) never is. Progress
updates are append-only (repository + database trigger). Commitments and
assignments carry a ``version`` counter so a stale edit raises ``ConflictError``.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLES = ("admin", "supervisor", "department", "viewer")
SOURCES = ("engine", "human")
PROGRESS_STATES = ("not_started", "in_progress", "blocked", "done")
OBSERVATION_SOURCES = ("report", "csv", "manual")
VERDICTS = ("fulfilled", "partial", "not_fulfilled", "no_evidence")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Region(Base):
    __tablename__ = "regions"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)  # 北京市门头沟区, 全国
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    reports: Mapped[list[Report]] = relationship(back_populates="region")


class Report(Base):
    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)  # of the source bytes: the identity
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    title: Mapped[str | None] = mapped_column(String(300))
    level: Mapped[str | None] = mapped_column(String(8))  # 国家 | 省 | 市 | 区县: the meta stage's, chooses the units list without a region
    date: Mapped[str | None] = mapped_column(String(10))  # ISO delivery date
    speaker: Mapped[str | None] = mapped_column(String(100))
    session: Mapped[str | None] = mapped_column(String(200))
    chars: Mapped[int] = mapped_column(Integer, default=0)
    filename: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str | None] = mapped_column(Text)  # what every offset indexes
    engine_version: Mapped[str] = mapped_column(String(40))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    extracted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    region: Mapped[Region | None] = relationship(back_populates="reports")
    sections: Mapped[list[Section]] = relationship(back_populates="report", order_by="Section.start", passive_deletes=True)
    indicators: Mapped[list[Indicator]] = relationship(back_populates="report", order_by="Indicator.start", passive_deletes=True)
    commitments: Mapped[list[Commitment]] = relationship(back_populates="report", order_by="Commitment.start", passive_deletes=True)


class Section(Base):
    __tablename__ = "sections"
    __table_args__ = (UniqueConstraint("report_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))  # engine id: "s1.2"
    parent_key: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    part: Mapped[str] = mapped_column(String(10))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    report: Mapped[Report] = relationship(back_populates="sections")


class Theme(Base):
    """A theme sentence of a report's goals or plan (一是持续推动消费升级, a numbered heading).

    No row of the 任务分解表, but a unit a reader judges the report by: its verdict
    (``Verdict`` with source_kind "theme") is rolled up from the rows it heads
    (luoshi.link.themes). Engine data like sections, yet matched on re-extraction
    (``store.themes``) so a person's confirmed verdict keeps its theme.
    """

    __tablename__ = "themes"
    __table_args__ = (Index("ix_themes_report_start", "report_id", "start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))  # engine id of the latest extraction: "t3" ("~id" when retired)
    ordinal: Mapped[int] = mapped_column(Integer)  # 0, 1, 2 in report order
    text: Mapped[str] = mapped_column(Text)  # == report.text[start:end]
    part: Mapped[str] = mapped_column(String(10))  # goals | plan
    section_key: Mapped[str | None] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)  # gone from the latest extraction, kept for a confirmed verdict


class Indicator(Base):
    __tablename__ = "indicators"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))  # engine id of the latest extraction: "i3" ("~id" when kept aside)
    metric: Mapped[str | None] = mapped_column(String(200))
    value: Mapped[float] = mapped_column(Float)
    value_high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))
    value_text: Mapped[str] = mapped_column(String(200))
    comparator: Mapped[str] = mapped_column(String(10))
    change: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(10))
    period: Mapped[str | None] = mapped_column(String(20))
    base_period: Mapped[str | None] = mapped_column(String(20))
    sentence: Mapped[str] = mapped_column(Text)
    section_key: Mapped[str | None] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    report: Mapped[Report] = relationship(back_populates="indicators")


class Department(Base):
    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)  # 区发展改革委
    email: Mapped[str | None] = mapped_column(String(200))  # where `luoshi remind` writes
    # Copied from the units master list when the row is made (luoshi.store.units): the
    # ledger never makes a unit from free text, only from the list or the engine's suggestion.
    level: Mapped[str | None] = mapped_column(String(10))  # district | national
    aliases: Mapped[list[Any]] = mapped_column(default=list)  # 发改委 for 发展改革委


class Commitment(Base):
    __tablename__ = "commitments"
    __table_args__ = (
        Index("ix_commitments_report_start", "report_id", "start"),  # a ledger page in report order
        # Chinese substring search (LIKE '%水厂%') on PostgreSQL: trigram GIN (migration 0004 creates pg_trgm).
        Index("ix_commitments_text_trgm", "text", postgresql_using="gin", postgresql_ops={"text": "gin_trgm_ops"}).ddl_if(dialect="postgresql"),
        Index("ix_commitments_note_trgm", "note", postgresql_using="gin", postgresql_ops={"note": "gin_trgm_ops"}).ddl_if(dialect="postgresql"),
    )
    # key is not unique: re-extraction renumbers matched rows in place.
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))  # engine id of the latest extraction: "c7" ("~id" when retired)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(16))  # matches re-extracted items
    action: Mapped[str | None] = mapped_column(String(40))
    object: Mapped[str | None] = mapped_column(Text)
    strength: Mapped[str] = mapped_column(String(12))
    deadline: Mapped[str | None] = mapped_column(String(20))  # normalized: "2022", "2022-06", "2025-12-31"
    deadline_text: Mapped[str | None] = mapped_column(String(60))
    projects: Mapped[list[Any]] = mapped_column(default=list)
    indicator_keys: Mapped[list[Any]] = mapped_column(default=list)
    section_key: Mapped[str | None] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    deadline_source: Mapped[str | None] = mapped_column(String(10))  # written | default (see luoshi.model.Commitment)
    # Clauses with an owner of their own: [{"start", "end", "text", "departments": [{"name", "role", "matched"}]}]
    parts: Mapped[list[Any]] = mapped_column(default=list)
    # The engine's own suggestion for the row (rules), kept so suggestions learned from the
    # office's history can be recomputed without re-extracting: [{"name", "role", "matched"}]
    engine_owners: Mapped[list[Any]] = mapped_column(default=list)
    # Human overrides: a supervisor may set a tracking window and note; fields named
    # in locked_fields were edited by a person and re-extraction leaves them alone.
    due_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    locked_fields: Mapped[list[Any]] = mapped_column(default=list)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)  # gone from the latest extraction but kept for its human data
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    report: Mapped[Report] = relationship(back_populates="commitments")
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="commitment", order_by="Assignment.id", cascade="all, delete-orphan", passive_deletes=True)
    progress: Mapped[list[ProgressUpdate]] = relationship(back_populates="commitment", order_by="ProgressUpdate.seq", viewonly=True)
    __mapper_args__ = {"version_id_col": version}


class Assignment(Base):
    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("commitment_id", "department_id", "source"),
        Index("ix_assignments_department_commitment", "department_id", "commitment_id"),  # the ledger's department filter
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    role: Mapped[str] = mapped_column(String(10))  # lead | support (牵头 | 配合)
    source: Mapped[str] = mapped_column(String(10))  # engine (a suggestion) | human
    matched: Mapped[list[Any]] = mapped_column(default=list)  # the words that suggested it
    # Why: engine rows come from the keyword rules ("rules") or the office's own past
    # assignments ("history", with learned_from = the precedent commitment's id); human rows
    # from the task form ("form") or an imported 任务分解表 ("import"). None: before 0005.
    origin: Mapped[str | None] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(Text)  # 去年同类任务由区水务局牵头 / matched words
    learned_from: Mapped[int | None] = mapped_column(Integer)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    commitment: Mapped[Commitment] = relationship(back_populates="assignments")
    department: Mapped[Department] = relationship()
    __mapper_args__ = {"version_id_col": version}


class ProgressUpdate(Base):
    """Append-only: the database rejects UPDATE and DELETE (see the migration)."""

    __tablename__ = "progress_updates"
    __table_args__ = (UniqueConstraint("commitment_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 per commitment: gaps or twins would show a lost write
    token: Mapped[str | None] = mapped_column(String(64), unique=True)  # client idempotency key scoped to (task, user), see progress.scoped_token
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reported_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12))  # PROGRESS_STATES
    percent: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[Any]] = mapped_column(default=list)  # [{"kind": "url"|"file"|"text", "value": ...}]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    commitment: Mapped[Commitment] = relationship(back_populates="progress", viewonly=True)


class Observation(Base):
    """A dated value of a metric: from a report, a CSV import or typed in."""

    __tablename__ = "indicator_observations"
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    metric: Mapped[str] = mapped_column(String(200), index=True)  # 接诉即办响应率
    observed_on: Mapped[date | None] = mapped_column(Date)  # end of the period observed
    period: Mapped[str | None] = mapped_column(String(20))  # as given: "2021", "2022-03"
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(10))  # OBSERVATION_SOURCES
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Verdict(Base):
    """Fulfilment of a commitment or target of one report, judged on later evidence."""

    __tablename__ = "verdicts"
    __table_args__ = (Index("ix_verdicts_source", "source_kind", "source_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_kind: Mapped[str] = mapped_column(String(12))  # commitment | indicator | theme
    source_id: Mapped[int] = mapped_column(Integer)  # commitments.id, indicators.id or themes.id
    evidence_report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(14))  # VERDICTS
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    reason: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[Any]] = mapped_column(default=list)  # luoshi.model.Evidence as dicts
    # a task row of several ；clauses: each clause's engine verdict (luoshi.model.ClauseVerdict as dicts)
    clauses: Mapped[list[Any]] = mapped_column(default=list)
    origin: Mapped[str] = mapped_column(String(10), default="engine")  # engine | human
    # What the engine said, kept when a person confirms or overrides status/reason
    # (status/reason above are the verdict in force; confirmed_by/_at say who decided when).
    machine_status: Mapped[str | None] = mapped_column(String(14))
    machine_reason: Mapped[str | None] = mapped_column(Text)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id
    role: Mapped[str] = mapped_column(String(12))  # ROLES
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    display_name: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    department: Mapped[Department | None] = relationship()


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(80))  # kept as written: survives a renamed user; "system" for the CLI
    action: Mapped[str] = mapped_column(String(20))  # create | update | delete | ingest | reextract | confirm ...
    entity: Mapped[str] = mapped_column(String(40), index=True)  # table name
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
