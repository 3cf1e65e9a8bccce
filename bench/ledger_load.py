"""Ledger load: ingest 10,000 commitments, then 50 concurrent progress writers.

Checks that no update is lost or duplicated: every write is stored exactly once
(resent tokens too), and each task's updates are numbered 1..n without gaps or
twins. Runs on SQLite (a temporary file) and, when LUOSHI_TEST_PG_URL is set, on
PostgreSQL (in a scratch schema).

    python -m bench.ledger_load [--writers 50] [--writes 20] [--commitments 10000]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import tempfile
import threading
import time
from collections import Counter

from sqlalchemy import select, text

from luoshi.model import Commitment, Department, Extraction, ReportMeta, Section
from luoshi.store import migrate
from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.models import ProgressUpdate
from luoshi.store.progress import add_progress
from luoshi.store.reports import ingest_extraction

DEPTS = [f"区第{n}局" for n in range(40)]


def synthetic(n: int) -> tuple[Extraction, str]:
    parts, coms, pos = [], [], 0
    for i in range(n):
        clause = f"推进第{i}项重点任务建设"
        coms.append(Commitment(f"c{i}", clause, "推进", clause[2:], "process", "2022", "年内", [], [],
                               [Department(DEPTS[i % len(DEPTS)], "lead", [])], pos, pos + len(clause), "s1"))
        parts.append(clause + "。")
        pos += len(clause) + 1
    body = "".join(parts)
    meta = ReportMeta(title="压力测试", region="测试区", year=2022, sha256=hashlib.sha256(body.encode()).hexdigest(), chars=len(body))
    return Extraction(meta, [Section("s1", None, 1, "任务", "plan", 0, len(body))], [], coms), body


def run(name: str, engine, commitments: int, writers: int, writes: int) -> None:
    maker = make_sessionmaker(engine)
    ex, body = synthetic(commitments)
    t0 = time.perf_counter()
    with maker() as s:
        ids = [c.id for c in ingest_extraction(s, ex, body).report.commitments]
        s.commit()
    load = time.perf_counter() - t0
    hot = ids[:25]  # few tasks, many writers: the contended case
    errors: list[BaseException] = []
    sent = Counter()

    def writer(w: int) -> None:
        rnd = random.Random(w)
        try:
            for k in range(writes):
                token = f"w{w}-{k}"
                for _attempt in range(2 if k % 5 == 0 else 1):  # every 5th form is resent
                    with maker() as s:
                        add_progress(s, rnd.choice(hot), "in_progress", float(k), token=token)
                        s.commit()
                sent[token] += 1
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    busy = time.perf_counter() - t0
    with maker() as s:
        rows = s.execute(select(ProgressUpdate.commitment_id, ProgressUpdate.seq, ProgressUpdate.token)).all()
    tokens = Counter(r.token for r in rows)
    seqs: dict[int, list[int]] = {}
    for r in rows:
        seqs.setdefault(r.commitment_id, []).append(r.seq)
    lost = len(sent) - len(tokens)
    duplicated = sum(c - 1 for c in tokens.values())
    gaps = sum(sorted(v) != list(range(1, len(v) + 1)) for v in seqs.values())
    ok = not errors and lost == 0 and duplicated == 0 and gaps == 0 and len(rows) == writers * writes
    print(f"{name:10s} load {commitments} commitments {load:6.2f}s ({commitments / load:,.0f}/s) | "
          f"{writers} writers x {writes}: {len(rows)} rows in {busy:.2f}s ({len(rows) / busy:,.0f}/s) | "
          f"lost {lost} duplicated {duplicated} seq-gaps {gaps} errors {len(errors)} -> {'OK' if ok else 'FAIL'}")
    if errors:
        print(f"  first error: {errors[0]!r}")
    if not ok:
        raise SystemExit(1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commitments", type=int, default=10_000)
    ap.add_argument("--writers", type=int, default=50)
    ap.add_argument("--writes", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.db")
        migrate.upgrade(engine)
        run("sqlite", engine, args.commitments, args.writers, args.writes)
        engine.dispose()
    url = os.environ.get("LUOSHI_TEST_PG_URL")
    if not url:
        print("postgresql skipped: set LUOSHI_TEST_PG_URL (bash .ci/pg-start.sh prints it)")
        return
    schema = "luoshi_bench"
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"}, pool_size=args.writers, max_overflow=10)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    migrate.upgrade(engine)
    try:
        run("postgresql", engine, args.commitments, args.writers, args.writes)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


if __name__ == "__main__":
    main()
