"""Agreement between two independent link labellings of one pair: ``python -m eval.agreement.compare_links [--json]``.

Labelling A is the sealed set's file, labelling B the second annotator's ``eval/agreement/<pair>.b.yaml``
(same task items, same order; targets matched by their ``source``). Figures, each in [0, 1]:

- ``status_exact``: both first choices (``status``) equal; ``kappa``: Cohen's kappa over those first choices;
- ``b_in_a`` / ``a_in_b``: one side's first status is among the other's ``accept`` (B scored as if it were
  an engine against A, and the reverse);
- ``evidence_b_on_a`` / ``evidence_a_on_b``: as the link scorer reads evidence — the scored side's first span
  overlaps a span of the other, or it has none and the other accepts no_evidence;
- ``evidence_any``: both sides give no evidence, or some span of one overlaps some span of the other;
- ``evidence_jaccard``: characters of the review covered by both sides' spans over those covered by either,
  averaged over the items where at least one side quotes evidence.

Pure text processing: it never runs the linker.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

# pair: (labelling A, labelling B)
PAIRS: dict[str, tuple[str, str]] = {
    "suzhou-2019-2020": ("eval/links/final4/suzhou-2019-2020.yaml", "eval/agreement/suzhou-2019-2020.b.yaml"),
}


def load(path: str) -> dict:
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def spans(item: dict, text: str, base: int) -> list[tuple[int, int]]:
    """Offsets of the item's evidence snippets, each looked up from the start of the review."""
    out = []
    for snippet in item.get("evidence") or []:
        start = text.find(snippet, base)
        if start < 0:
            raise ValueError(f"evidence not in the review: {snippet!r}")
        out.append((start, start + len(snippet)))
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def accept(item: dict) -> list[str]:
    return item.get("accept") or [item["status"]]


def evidence_right(scored: list, other_spans: list, other_item: dict) -> bool:
    """The link scorer's reading: the first span overlaps the other side's, or none where none is acceptable."""
    if not scored:
        return "no_evidence" in accept(other_item) or not other_spans
    return any(overlaps(scored[0], s) for s in other_spans)


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def covered(sp: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in sp for i in range(s, e)}


def compare(name: str) -> dict:
    a, b = (load(p) for p in PAIRS[name])
    text = (ROOT / a["new"]).read_text(encoding="utf-8")
    base = text.index(a["review"]["start"]) if "review" in a else 0
    tasks_a = [it for it in a["items"] if "indicator" not in it]
    tasks_b = [it for it in b["items"] if "indicator" not in it]
    if [it["source"] for it in tasks_a] != [it["source"] for it in tasks_b]:
        raise ValueError("the two labellings do not hold the same task items in the same order")
    rows = []
    for ia, ib in zip(tasks_a, tasks_b):
        sa, sb = spans(ia, text, base), spans(ib, text, base)
        ca, cb = covered(sa), covered(sb)
        rows.append({
            "source": ia["source"], "a": ia["status"], "b": ib["status"],
            "b_in_a": ib["status"] in accept(ia), "a_in_b": ia["status"] in accept(ib),
            "ev_b_on_a": evidence_right(sb, sa, ia), "ev_a_on_b": evidence_right(sa, sb, ib),
            "ev_any": (not sa and not sb) or any(overlaps(x, y) for x in sa for y in sb),
            "jaccard": len(ca & cb) / len(ca | cb) if ca | cb else None,
        })
    n = len(rows)
    jac = [r["jaccard"] for r in rows if r["jaccard"] is not None]
    targets_a = {it["source"]: it for it in a["items"] if "indicator" in it}
    targets_b = {it["source"]: it for it in b["items"] if "indicator" in it}
    shared = [s for s in targets_a if s in targets_b]
    return {
        "pair": name, "tasks": n,
        "status_exact": sum(r["a"] == r["b"] for r in rows) / n,
        "kappa": kappa([(r["a"], r["b"]) for r in rows]),
        "b_in_a": sum(r["b_in_a"] for r in rows) / n,
        "a_in_b": sum(r["a_in_b"] for r in rows) / n,
        "evidence_b_on_a": sum(r["ev_b_on_a"] for r in rows) / n,
        "evidence_a_on_b": sum(r["ev_a_on_b"] for r in rows) / n,
        "evidence_any": sum(r["ev_any"] for r in rows) / n,
        "evidence_jaccard": sum(jac) / len(jac) if jac else 1.0,
        "status_counts": {"a": dict(Counter(r["a"] for r in rows)), "b": dict(Counter(r["b"] for r in rows))},
        "confusion": {f"{x}|{y}": c for (x, y), c in sorted(Counter((r["a"], r["b"]) for r in rows).items())},
        "targets": {"a": len(targets_a), "b": len(targets_b), "shared": len(shared),
                    "status_exact": sum(targets_a[s]["status"] == targets_b[s]["status"] for s in shared),
                    "b_in_a": sum(targets_b[s]["status"] in accept(targets_a[s]) for s in shared)},
        "disagreements": [r for r in rows if not (r["b_in_a"] and r["a_in_b"]) or r["a"] != r["b"]],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="one JSON object per pair")
    ap.add_argument("-v", action="store_true", help="list the items whose first statuses differ")
    args = ap.parse_args()
    for name in PAIRS:
        res = compare(name)
        if args.json:
            print(json.dumps(res, ensure_ascii=False))
            continue
        print(f"{name}: {res['tasks']} tasks")
        for key in ("status_exact", "kappa", "b_in_a", "a_in_b", "evidence_b_on_a", "evidence_a_on_b",
                    "evidence_any", "evidence_jaccard"):
            print(f"  {key:16} {res[key]:.3f}")
        print(f"  statuses         A {res['status_counts']['a']}  B {res['status_counts']['b']}")
        print(f"  confusion (A|B)  {res['confusion']}")
        t = res["targets"]
        print(f"  targets          A {t['a']}, B {t['b']}, shared {t['shared']}: same status {t['status_exact']}, "
              f"B in A's accept {t['b_in_a']}")
        if args.v:
            for r in res["disagreements"]:
                print(f"  - A {r['a']:12} B {r['b']:12} {r['source'][:40]}")


if __name__ == "__main__":
    main()
