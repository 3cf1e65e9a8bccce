"""Agreement between two independent task-table labellings of one report: ``python -m eval.agreement.compare [-v] [--json]``.

Labelling A is the sealed set's gold (``eval/tasks/gold/<set>/<name>.jsonl``), labelling B the second
annotator's ``eval/agreement/<name>.b.jsonl`` (built from ``<name>.b.txt`` by ``eval.agreement.build_b``).
Both cover the same sentence list (the splitter of eval/tasks), which is checked first. Figures, each in [0, 1]:

- ``role_exact`` and ``role_kappa``: the four roles equal, and Cohen's kappa over them; ``task_kappa`` the same
  for task / not task (the decision that makes a row); ``confusion``: A's role → B's role → sentences;
- ``b_on_a`` / ``a_on_b``: eval/tasks/score.py's figures with one labelling turned into an "engine" (one row per
  task sentence, first lead = the row's first lead, deadline = the row's) and scored against the other:
  task recall, cleanliness, lead, deadline and role accuracy. Unit names are compared as written (no
  canonicalization: that needs luoshi's master list, and this script is pure text processing);
- ``lead_b_in_a`` / ``lead_a_in_b`` over sentences both call a task: one side's first lead is among the other's
  accepted leads; ``lead_overlap``: the two lead lists share a unit; ``deadline_equal``: same deadline.

It never runs luoshi.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from eval.tasks.score import load_gold, locate, score

ROOT = Path(__file__).resolve().parents[2]
ROLES = ("task", "theme", "target", "context")

# name: (report text, labelling A, labelling B)
PAIRS: dict[str, tuple[str, str, str]] = {
    "chongqing-2023": ("eval/tasks/texts/chongqing-2023.txt", "eval/tasks/gold/final4/chongqing-2023.jsonl",
                       "eval/agreement/chongqing-2023.b.jsonl"),
}


def load(name: str) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    text, a, b = PAIRS[name]
    return (ROOT / text).read_text(encoding="utf-8"), load_gold(ROOT / a), load_gold(ROOT / b)


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters' labels over the same items (1.0 when both use one label throughout)."""
    n = len(pairs)
    if not n:
        return 0.0
    observed = sum(x == y for x, y in pairs) / n
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def as_engine(text: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A labelling as the engine's ``Extraction.to_dict()`` shape: its sentences with roles, a row per task."""
    sentences, commitments = [], []
    for loc in locate(text, rows):
        if loc.start is None or loc.end is None:
            raise ValueError(f"sentence not in the text: {loc.gold['sentence'][:30]!r}")
        g = loc.gold
        sentences.append({"start": loc.start, "end": loc.end, "role": g["role"]})
        if g["role"] == "task":
            commitments.append({"start": loc.start, "end": loc.end, "deadline": g["deadline"],
                                "departments": [{"name": u, "role": "lead"} for u in g["lead"]]})
    return {"sentences": sentences, "commitments": commitments}


def _score(text: str, gold: list[dict[str, Any]], engine_rows: list[dict[str, Any]]) -> dict[str, float]:
    s = score(text, gold, as_engine(text, engine_rows))
    return {"task_recall": round(s.recall, 4), "cleanliness": round(s.cleanliness, 4), "lead": round(s.lead, 4),
            "deadline": round(s.deadline, 4), "role": round(s.role, 4), "tasks": s.tasks}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def compare(name: str) -> dict[str, Any]:
    text, a, b = load(name)
    if [r["sentence"] for r in a] != [r["sentence"] for r in b]:
        raise ValueError(f"{name}: the two labellings do not hold the same sentence list")
    pairs = [(x["role"], y["role"]) for x, y in zip(a, b)]
    both = [(x, y) for x, y in zip(a, b) if x["role"] == y["role"] == "task"]
    confusion = {ra: {rb: sum(1 for p in pairs if p == (ra, rb)) for rb in ROLES} for ra in ROLES}
    return {
        "report": name, "sentences": len(a),
        "roles_a": dict(Counter(x for x, _ in pairs)), "roles_b": dict(Counter(y for _, y in pairs)),
        "role_exact": _ratio(sum(x == y for x, y in pairs), len(pairs)),
        "role_kappa": round(kappa(pairs), 4),
        "task_kappa": round(kappa([(x == "task", y == "task") for x, y in pairs]), 4),  # type: ignore[misc]
        "confusion": confusion,
        "b_on_a": _score(text, a, b), "a_on_b": _score(text, b, a),
        "both_task": len(both),
        "lead_b_in_a": _ratio(sum(y["lead"][0] in x["lead"] for x, y in both), len(both)),
        "lead_a_in_b": _ratio(sum(x["lead"][0] in y["lead"] for x, y in both), len(both)),
        "lead_overlap": _ratio(sum(bool(set(x["lead"]) & set(y["lead"])) for x, y in both), len(both)),
        "deadline_equal": _ratio(sum(x["deadline"] == y["deadline"] for x, y in both), len(both)),
    }


def disagreements(name: str) -> list[str]:
    """One line per sentence where the roles differ, or both say task with a lead the other does not accept."""
    _, a, b = load(name)
    out = []
    for i, (x, y) in enumerate(zip(a, b), start=1):
        short = x["sentence"][:36]
        if x["role"] != y["role"]:
            out.append(f"{i:03d} role  A {x['role']:<7} B {y['role']:<7} {short}")
        elif x["role"] == "task" and (y["lead"][0] not in x["lead"] or x["lead"][0] not in y["lead"]):
            out.append(f"{i:03d} lead  A {'/'.join(x['lead'])}  B {'/'.join(y['lead'])}  {short}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", action="store_true", help="list the sentences the two labellings disagree on")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    for name in PAIRS:
        res = compare(name)
        if args.json:
            print(json.dumps(res, ensure_ascii=False))
        else:
            print(f"{name}: {res['sentences']} sentences; roles A {res['roles_a']}, B {res['roles_b']}")
            print(f"  roles equal {res['role_exact']:.3f} · kappa {res['role_kappa']:.3f} · "
                  f"task/not-task kappa {res['task_kappa']:.3f}")
            print("  confusion (rows A, columns B): " + "  ".join(
                f"{ra}→" + ",".join(f"{rb[:3]} {n}" for rb, n in row.items() if n)
                for ra, row in res["confusion"].items()))
            for side in ("b_on_a", "a_on_b"):
                s = res[side]
                print(f"  {side.replace('_', ' ')}: recall {s['task_recall']:.3f} · cleanliness "
                      f"{s['cleanliness']:.3f} · lead {s['lead']:.3f} · deadline {s['deadline']:.3f} · "
                      f"role {s['role']:.3f} ({s['tasks']} tasks)")
            print(f"  both task ({res['both_task']}): B's first lead in A's {res['lead_b_in_a']:.3f} · "
                  f"A's in B's {res['lead_a_in_b']:.3f} · lists share a unit {res['lead_overlap']:.3f} · "
                  f"deadline equal {res['deadline_equal']:.3f}")
        if args.v:
            print("\n".join("  " + line for line in disagreements(name)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
