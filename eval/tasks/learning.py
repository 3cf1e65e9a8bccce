"""Owners learned from the office, measured: train on one report's confirmed owners,
suggest for the same government's next report, print lead accuracy with and without
the learned part.

    python -m eval.tasks.learning                       # every pair found (dev, then held-out)
    python -m eval.tasks.learning OLD.jsonl NEW.jsonl   # one pair

Gold files (JSONL): an optional header line with ``doc`` (the report file, relative to
the repo or to ../shared) and ``report_year``; then one row per task with ``text``
(and ``start``/``end`` when the doc is known) and ``lead`` (the accepted lead units,
a string or a list). Rows with a ``role`` other than ``task`` are skipped.

Without learning, a row's lead is the engine's: the lead of the engine row that
overlaps the gold span most (the keyword rules, as ingest stores them); when the doc
is not available, the rules on the gold text. With learning, the model trained on the
older report's gold owners answers first where it is confident (luoshi.assign.learned),
the engine otherwise. A lead is right when it is one of the accepted units (names
compared without a district prefix, aliases resolved through the master list).
Held-out pairs are read only here, to be scored; nothing is tuned on them.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent / "gold"
OWNERS = Path(__file__).resolve().parent / "owners"  # our dev pair: owners of sampled rows, hand-labelled
SHARED = Path(os.environ.get("LUOSHI_SHARED", ROOT.parent / "shared"))
PAIRS = [
    ("dev", OWNERS / "mentougou-2020.jsonl", OWNERS / "mentougou-2021.jsonl"),
    ("held-out (never tuned on)", GOLD / "heldout" / "beijing-2023.jsonl", GOLD / "heldout" / "beijing-2024.jsonl"),
]


@dataclass
class GoldRow:
    text: str
    lead: list[str]
    start: int | None = None
    end: int | None = None


@dataclass
class Gold:
    path: Path
    doc: Path | None
    year: int | None
    rows: list[GoldRow]


def load_gold(path: Path) -> Gold:
    """Either format: ours (header line with ``doc``; ``text``, ``start``/``end``, ``lead``) or the
    task gold's (one line per sentence: ``sentence``, ``role``, ``lead``, ``co``; its text in
    ``texts/<name>.txt``, sentences verbatim and in order, so offsets are found by searching)."""
    header: dict = {}
    rows: list[GoldRow] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        obj = json.loads(line)
        if n == 0 and "text" not in obj and "sentence" not in obj:
            header = obj
            continue
        if obj.get("role", "task") != "task":
            continue
        lead = obj.get("lead") or obj.get("leads") or []
        lead = [lead] if isinstance(lead, str) else [x if isinstance(x, str) else x.get("name", "") for x in lead]
        text = obj.get("text") or obj.get("sentence")
        if text and lead:
            rows.append(GoldRow(text, [x for x in lead if x], obj.get("start"), obj.get("end")))
    doc = _doc(header.get("doc") or header.get("source") or header.get("file"))
    texts = GOLD.parent / "texts"  # the task gold's report texts (gold/<name>.jsonl, gold/heldout/<name>.jsonl)
    if doc is None and (texts / f"{path.stem}.txt").is_file():
        doc = texts / f"{path.stem}.txt"
    if doc is not None and any(r.start is None for r in rows):
        full, cursor = doc.read_text(encoding="utf-8"), 0
        for r in rows:
            at = full.find(r.text, cursor)
            if at >= 0:
                r.start, r.end, cursor = at, at + len(r.text), at + len(r.text)
    year = header.get("report_year") or header.get("year")
    if year is None and path.stem[-4:].isdigit():
        year = int(path.stem[-4:])
    return Gold(path, doc, year, rows)


def _doc(name: str | None) -> Path | None:
    if not name:
        return None
    for base in (ROOT, SHARED, SHARED.parent, Path.cwd()):
        p = (base / name).resolve()
        if p.is_file():
            return p
    return None


def engine_leads(gold: Gold) -> list[str | None]:
    """The engine's lead for each gold row (rules only, as stored before any learning)."""
    from luoshi.extract.departments import suggest_departments

    commitments = []
    if gold.doc is not None:
        from luoshi.pipeline import extract_file

        commitments = extract_file(gold.doc).commitments
    out: list[str | None] = []
    for row in gold.rows:
        best, overlap = None, 0
        if row.start is not None and row.end is not None:
            for c in commitments:
                o = min(c.end, row.end) - max(c.start, row.start)
                if o > overlap:
                    best, overlap = c, o
        departments = best.departments if best is not None else suggest_departments(row.text)
        leads = [d.name for d in departments if d.role == "lead"]
        out.append(leads[0] if leads else None)
    return out


def _keys(name: str) -> set[str]:
    """Spellings of one unit across levels and prefixes: 市发展改革委 ~ 区发展改革委 ~ 发展改革委."""
    from luoshi.store.units import _variants, canonical

    keys = set(_variants(name)) | {canonical(name) or name}
    for prefix in ("国家", "市", "区"):
        keys |= {k[len(prefix):] for k in list(keys) if k.startswith(prefix) and len(k) > len(prefix) + 2}
    return keys


def same_unit(a: str | None, accepted: list[str]) -> bool:
    return bool(a) and any(_keys(a) & _keys(b) for b in accepted)


def run_pair(label: str, old_path: Path, new_path: Path) -> dict:
    from luoshi.assign.learned import OwnerModel, Precedent

    import sklearn.feature_extraction.text  # noqa: F401 - imported once per process; not part of training time

    old, new = load_gold(old_path), load_gold(new_path)
    t0 = time.perf_counter()
    model = OwnerModel([Precedent(r.text, r.lead[:1], [], old.year) for r in old.rows])
    learned = model.suggest([r.text for r in new.rows])
    train_ms = (time.perf_counter() - t0) * 1000
    rules = engine_leads(new)
    without = sum(same_unit(p, r.lead) for p, r in zip(rules, new.rows, strict=True))
    combined = [h.lead[0] if h is not None else p for h, p in zip(learned, rules, strict=True)]
    with_ = sum(same_unit(p, r.lead) for p, r in zip(combined, new.rows, strict=True))
    used = [(h, r) for h, r in zip(learned, new.rows, strict=True) if h is not None]
    used_right = sum(same_unit(h.lead[0], r.lead) for h, r in used)
    n = len(new.rows)
    return {"set": label, "train": f"{old_path.name} ({len(old.rows)} rows)", "test": f"{new_path.name} ({n} rows)",
            "engine_rows_from": "report text" if new.doc else "gold text (doc not found)",
            "lead_without_learning": round(without / n, 3) if n else None,
            "lead_with_learning": round(with_ / n, 3) if n else None,
            "learned_used": len(used), "learned_right": used_right, "train_and_suggest_ms": round(train_ms, 1)}


def training_speed(rows: int = 5000) -> float:
    """Milliseconds to fit and query the model on ``rows`` precedents (dev task sentences, repeated with
    numbers varied, so the vocabulary is that of real reports)."""
    from luoshi.assign.learned import OwnerModel, Precedent

    texts = [r.text for p in sorted(GOLD.glob("*.jsonl")) for r in load_gold(p).rows] or ["推进永定河生态修复"]
    precedents = [Precedent(f"{texts[i % len(texts)]}{i}", ["区水务局"], [], 2022) for i in range(rows)]
    t0 = time.process_time()  # CPU time: the machine may be shared
    OwnerModel(precedents).suggest(texts[:300])
    return (time.process_time() - t0) * 1000


def main(argv: list[str]) -> int:
    pairs = [("given", Path(argv[0]), Path(argv[1]))] if len(argv) == 2 else PAIRS
    ran = 0
    for label, old, new in pairs:
        if not (old.is_file() and new.is_file()):
            print(f"{label}: {old.name} -> {new.name}: gold not found, skipped")
            continue
        r = run_pair(label, old, new)
        ran += 1
        print(f"{r['set']}: train {r['train']} -> test {r['test']}; engine rows from {r['engine_rows_from']}")
        print(f"  lead accuracy without learning {r['lead_without_learning']:.3f} · with learning {r['lead_with_learning']:.3f}"
              f"  (learned suggestion used on {r['learned_used']} rows, right on {r['learned_right']}; "
              f"train+suggest {r['train_and_suggest_ms']} ms)")
    print(f"speed: fit on 5000 precedents and suggest for 300 rows in {training_speed():.0f} ms of CPU (one core, in process)")
    return 0 if ran else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
