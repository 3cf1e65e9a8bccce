"""Web read latency: p50/p95 of the ledger's pages at 10,000 commitments.

Loads one synthetic report of ``--n`` commitments (varied strength, deadline,
section and department; some mention 水厂; about a third have progress and a few
human assignments), plus a small next-year report on which every task and target
has a synthetic verdict (so the 落实评价清单 has 10,000 rows), into a temporary SQLite file and, when ``--pg URL`` is given or
LUOSHI_TEST_PG_URL is set, into a scratch PostgreSQL database (created and
dropped by the run). Then, in-process with FastAPI's TestClient logged in as a
supervisor, it times each read ``--reps`` times (after two warm-up requests) and
prints a table per backend; rows whose p95 is above the 50 ms target are marked.
The baseline is the p95 of ``GET /login`` (a template with no database work) in
the same run, so the ratio column is comparable across machines.

    python -m bench.web_latency [--pg URL] [--n 10000] [--reps 40]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import tempfile
import time
import unicodedata
from datetime import date, datetime, timezone

from sqlalchemy import text
from sqlalchemy.engine import make_url

from luoshi import model as m
from luoshi.store import migrate
from luoshi.store.db import drop_database, make_engine, make_sessionmaker
from luoshi.store.models import Assignment, Department, ProgressUpdate
from luoshi.store.reports import ingest_extraction
from luoshi.store.settings import Settings
from luoshi.store.users import create_user
from luoshi.store.verdicts import store_links

TARGET_MS = 50.0
PASSWORD = "bench-password-9"
DEPTS = [f"区第{n}局" for n in range(40)]
STRENGTHS = ("binding", "firm", "process", "exploratory")
DEADLINES = (None, "2022", "2022-03", "2022-06", "2022-09", "2022-12", "2023", "2022-06-30")
TOPICS = ("道路", "学校", "水厂", "公园", "医院", "社区服务中心", "污水管网", "养老驿站", "停车场", "农贸市场")
TODAY = "2022-06-30"


def synthetic(n: int, seed: int = 7) -> tuple[m.Extraction, str]:
    """One report: 10 chapters x 5 sections, n commitments with varied attributes."""
    rnd = random.Random(seed)
    parts: list[str] = []
    sections: list[m.Section] = []
    coms: list[m.Commitment] = []
    pos = 0
    per_section = max(1, n // 50)
    for i in range(n):
        if i % per_section == 0 and len(sections) < 60:
            ch, sub = divmod(i // per_section, 5)
            if sub == 0:
                title = f"第{ch + 1}章 重点任务"
                parts.append(title + "\n")
                sections.append(m.Section(f"s{ch + 1}", None, 1, title, "plan", pos, pos + len(title)))
                pos += len(title) + 1
            title = f"（{sub + 1}）专项{ch + 1}.{sub + 1}"
            parts.append(title + "\n")
            sections.append(m.Section(f"s{ch + 1}.{sub + 1}", f"s{ch + 1}", 2, title, "plan", pos, pos + len(title)))
            pos += len(title) + 1
        section = sections[-1].id
        strength = STRENGTHS[i % 4]
        deadline = DEADLINES[rnd.randrange(len(DEADLINES))]
        clause = f"{'确保' if strength == 'binding' else '推进'}第{i}项{TOPICS[rnd.randrange(len(TOPICS))]}建设，完成年度计划"
        depts = [m.Department(DEPTS[rnd.randrange(len(DEPTS))], "lead", [])]
        if i % 3 == 0:
            depts.append(m.Department(DEPTS[rnd.randrange(len(DEPTS))], "support", []))
        coms.append(m.Commitment(f"c{i}", clause, "推进", clause[2:], strength, deadline, "年内" if deadline else None,
                                 [], [], depts, pos, pos + len(clause), section))
        parts.append(clause + "。")
        pos += len(clause) + 1
    body = "".join(parts)
    for s in sections:  # chapters span their sections
        s.end = len(body)
    meta = m.ReportMeta(title="压力测试报告", region="测试区", year=2022, date="2022-01-10",
                        sha256=hashlib.sha256(body.encode()).hexdigest(), chars=len(body))
    return m.Extraction(meta, sections, [], coms), body


def verdict_links(ex: m.Extraction, body: str, new_id: int, new_body: str) -> list[m.Link]:
    """A verdict for every task: statuses in rotation, one evidence span in the next year's report."""
    statuses = ("fulfilled", "partial", "not_fulfilled", "no_evidence")
    span = new_body[:30]
    out = []
    for k, c in enumerate(ex.commitments):
        status = statuses[k % 4]
        ev = [] if status == "no_evidence" else [m.Evidence(str(new_id), span, 0, len(span), None, 0.8, "review", "2022")]
        out.append(m.Link(c.id, "commitment", c.text, c.start, c.end, status, 0.8, f"合成评价{k % 4}", ev))
    return out


def load(engine, n: int) -> dict:
    """Migrate and fill: the report, progress for ~1/3 of tasks, human assignments for ~1/20, users, verdicts."""
    migrate.upgrade(engine)
    ex, body = synthetic(n)
    nex, nbody = synthetic(max(50, n // 20), seed=8)
    nex.meta = m.ReportMeta(title="压力测试报告（次年）", region="测试区", year=2023, date="2023-01-10",
                            sha256=hashlib.sha256(("next" + nbody).encode()).hexdigest(), chars=len(nbody))
    t0 = time.perf_counter()
    with make_sessionmaker(engine)() as s, s.begin():
        report = ingest_extraction(s, ex, body, filename="bench.txt").report
        newer = ingest_extraction(s, nex, nbody, filename="bench-next.txt").report
        s.flush()
        store_links(s, report.id, verdict_links(ex, body, newer.id, nbody), evidence_report_id=newer.id)
        ids = [c.id for c in report.commitments]
        create_user(s, "sup", PASSWORD, "supervisor")
        rnd = random.Random(11)
        now = datetime.now(timezone.utc)
        depts = {d.name: d.id for d in s.query(Department)}
        for k, cid in enumerate(ids):
            if k % 3 == 0:
                for seq in range(1, rnd.randrange(1, 4) + 1):
                    s.add(ProgressUpdate(commitment_id=cid, seq=seq, reported_on=date(2022, seq + 1, 15),
                                         state="done" if seq == 3 and k % 2 else "in_progress",
                                         percent=float(min(100, 30 * seq)), note="", evidence=[], created_at=now))
            if k % 20 == 0:
                s.add(Assignment(commitment_id=cid, department_id=depts[DEPTS[(k // 20) % len(DEPTS)]], role="lead",
                                 source="human", matched=[]))
        s.flush()
    if engine.dialect.name == "postgresql":  # planner statistics, as autovacuum gathers them soon after a load
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    return {"ids": ids, "report": report.id, "load_s": time.perf_counter() - t0}


def cases(ids: list[int], report: int, rnd: random.Random) -> list[tuple[str, object]]:
    dept = DEPTS[3]
    return [
        ("verdict list", f"/reports/{report}/verdicts"),
        ("verdict list status=partial", f"/reports/{report}/verdicts?status=partial"),
        ("verdict list department", f"/reports/{report}/verdicts?department={dept}"),
        ("verdicts.json", f"/reports/{report}/verdicts.json"),
        ("overview /", "/"),
        ("ledger page 1", "/ledger"),
        ("ledger page 20", "/ledger?page=20"),
        ("ledger status=at_risk", "/ledger?status=at_risk"),
        ("ledger status=overdue sort=deadline", "/ledger?status=overdue&sort=deadline"),
        ("ledger department", f"/ledger?department={dept}"),
        ("ledger department sort=deadline", f"/ledger?department={dept}&sort=deadline"),
        ("ledger strength=binding", "/ledger?strength=binding"),
        ("ledger status+department+strength", f"/ledger?status=on_track&department={dept}&strength=firm"),
        ("ledger search 水厂", "/ledger?q=水厂"),
        ("ledger search 水厂 + department", f"/ledger?q=水厂&department={dept}"),
        ("ledger sort=deadline", "/ledger?sort=deadline"),
        ("ledger sort=-deadline page 5", "/ledger?sort=-deadline&page=5"),
        ("ledger.json page 1", "/ledger.json"),
        ("commitment detail (random id)", lambda: f"/commitments/{rnd.choice(ids)}"),
    ]


def measure(client, path, reps: int, report: int | None = None) -> list[float]:
    times = []
    for k in range(reps + 2):
        url = path() if callable(path) else path
        if not url.startswith(("/login", "/static")):  # the 10,000-task report, not the newer small one
            url += ("&" if "?" in url else "?") + f"date={TODAY}" + (f"&report={report}" if report and not url.startswith("/reports/") else "")
        t0 = time.perf_counter()
        r = client.get(url)
        dt = (time.perf_counter() - t0) * 1000
        if r.status_code != 200:
            raise SystemExit(f"{url}: HTTP {r.status_code}\n{r.text[:500]}")
        if k >= 2:  # warm-up: first compile of templates and statements
            times.append(dt)
    return times


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def bench(name: str, url: str, n: int, reps: int) -> bool:
    from fastapi.testclient import TestClient

    from luoshi.web.app import create_app

    engine = make_engine(url)
    info = load(engine, n)
    engine.dispose()
    settings = Settings(database_url=url, upload_dir=tempfile.mkdtemp(prefix="luoshi-bench-up-"), secret_key="bench",
                        public_mode=False)
    rnd = random.Random(5)
    ok = True
    with TestClient(create_app(settings)) as client:
        token = client.get("/login.json").json()["csrf_token"]
        r = client.post("/login.json", data={"username": "sup", "password": PASSWORD, "csrf_token": token})
        assert r.status_code == 200, r.text
        base = measure(client, "/login", reps)
        static = measure(client, "/static/style.css", reps)
        b95 = pct(base, 95)
        print(f"\n## {name}: {n} commitments loaded in {info['load_s']:.1f}s; {reps} requests per row (+2 warm-up)")
        print(f"baseline GET /login p50 {statistics.median(base):.1f} ms, p95 {b95:.1f} ms; "
              f"GET /static/style.css p95 {pct(static, 95):.1f} ms")
        print(f"| {'request':38s} | {'p50 ms':>7s} | {'p95 ms':>7s} | {'max ms':>7s} | {'p95/base':>8s} | target |")
        print(f"| {'-' * 38} | {'-' * 6}: | {'-' * 6}: | {'-' * 6}: | {'-' * 7}: | ------ |")
        for label, path in cases(info["ids"], info["report"], rnd):
            label += " " * (38 - len(label) - sum(unicodedata.east_asian_width(ch) == "W" for ch in label))
            t = measure(client, path, reps, info["report"])
            p95 = pct(t, 95)
            over = p95 > TARGET_MS
            ok &= not over
            print(f"| {label:38s} | {statistics.median(t):7.1f} | {p95:7.1f} | {max(t):7.1f} | {p95 / b95:7.1f}x | "
                  f"{'OVER' if over else 'ok':6s} |")
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="commitments (default 10000)")
    ap.add_argument("--reps", type=int, default=40, help="timed requests per row (default 40, at least 30)")
    ap.add_argument("--pg", default=os.environ.get("LUOSHI_TEST_PG_URL"), help="PostgreSQL URL (default $LUOSHI_TEST_PG_URL)")
    ap.add_argument("--no-sqlite", action="store_true")
    args = ap.parse_args()
    reps = max(30, args.reps)
    print(f"web latency bench, {datetime.now().astimezone().isoformat(timespec='seconds')}, {os.cpu_count()} cores, "
          f"target p95 < {TARGET_MS:.0f} ms, TestClient in-process")
    ok = True
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            ok &= bench("sqlite", f"sqlite:///{tmp}/bench.db", args.n, reps)
    if not args.pg:
        print("\npostgresql skipped: pass --pg URL or set LUOSHI_TEST_PG_URL (bash .ci/pg-start.sh prints it)")
    else:
        # A scratch database beside the given one (extensions such as pg_trgm are per database).
        admin = make_engine(args.pg, isolation_level="AUTOCOMMIT")
        scratch = f"{make_url(args.pg).database}_webbench"
        with admin.connect() as conn:
            drop_database(conn, scratch)
            conn.execute(text(f"CREATE DATABASE {scratch}"))
        try:
            ok &= bench("postgresql", make_url(args.pg).set(database=scratch).render_as_string(hide_password=False), args.n, reps)
        finally:
            with admin.connect() as conn:
                drop_database(conn, scratch)
            admin.dispose()
    print("\nall rows within target" if ok else "\nsome rows above the p95 target (OVER)")


if __name__ == "__main__":
    main()
