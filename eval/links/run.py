"""Score the linker against the hand-labelled link sets in this folder.

``python -m eval.links.run [--oracle] [--split dev|test|all] [-v]`` prints status and evidence accuracy per
set and overall (the sets in this folder; ``final/`` to ``final16/`` are never part of it);
``--set final`` scores only the final set in ``final/`` (pairs labelled before the linker ever ran on
them, scored once at the end: never tune on it); ``--set final2`` likewise scores only ``final2/``, a
second such set labelled after every earlier one had been used for tuning; ``--set final3`` scores only
``final3/``, a third such set, sealed for a later round; ``--set final4`` scores only ``final4/``, a fourth such
set, scored once by the lead at the end of the round it was labelled in; ``--set final5`` scores only
``final5/``, a fifth such set, sealed a round and scored once at the start of the next (a tuning set since, like final to final4);
``--set final6`` scores only ``final6/``, a sixth such set of new pairs, never tuned on and scored once, by the lead,
at the end of the round it was labelled in (a tuning set since); ``--set final7`` scores only ``final7/``, a
seventh such set of new pairs, never tuned on and scored once, by the lead, at the end of the round it was labelled in (a tuning set since);
``--set final8`` scores only ``final8/``, an eighth such set of new pairs, never tuned on and scored once, by the
lead, at the end of the round it was labelled in (a tuning set since); ``--set final9`` scores only ``final9/``, a
ninth such set of new pairs, never tuned on and scored once, by the lead, at the end of the round it was labelled in (a tuning set since);
``--set final10`` scores only ``final10/``, a tenth such set of new pairs, never tuned on and scored once, by the lead,
at the end of the round it was labelled in (a tuning set since); ``--set final11`` scores only ``final11/``, an
eleventh such set of new pairs, never tuned on and scored once, by the lead, at the end of the round it was labelled in (a tuning set since);
``--set final12`` scores only ``final12/``, a twelfth such set of new pairs, never tuned on and scored once, by the
lead, at the end of the round it was labelled in (a tuning set since); ``--set final13`` scores only ``final13/``, a
thirteenth such set of new pairs, never tuned on and scored once, by the lead, at the end of the round it was labelled in (a tuning set since);
``--set final14`` scores only ``final14/``, a fourteenth such set of new pairs, never tuned on and scored once, by the
lead, at the end of the round it was labelled in (a tuning set since); ``--set final15`` scores only ``final15/``, a
fifteenth such set of new pairs, never tuned on and scored once, by the lead, at the end of the round it was labelled in
(a tuning set since); ``--set final16`` scores only ``final16/``, a sixteenth such set of new pairs, never tuned
on and scored once, by the lead, at the end of the round it was labelled in (a tuning set since);
``--calibration`` prints the reliability table of task-verdict confidence (dev half and never-tuned half
apart). By default sources come from the engine (``extract_file``) and a gold item is matched to the
engine link of its kind whose source span overlaps it most and then, when that link is a row of several ；clauses
with verdicts of their own (``luoshi.link.clauses``), to the clause that overlaps it most: the clause's status,
top evidence and confidence are scored (a row's roll-up only when no clause overlaps); ``--oracle`` builds the sources from the gold
spans themselves, which measures the linker alone (and is what runs when the engine is not
installed); the newer report's parts still come from the engine when it runs.
A gold task with no row that the engine keeps as a theme sentence is scored on the theme's verdict rolled
up from its rows (``luoshi.link.themes``; ``link_reports(..., themes=True)``); one inside a plan sentence the
engine keeps as context, holding no row, on that sentence's own verdict (``luoshi.link.context``); a gold item whose sentence the
engine reads as the other kind (task ↔ target) is scored on the verdict of that kind.
Status accuracy: the engine's status is one of the item's ``accept`` statuses (every status a
careful annotator could defend; default: just ``status``). Evidence accuracy: when the engine
gives a status other than no_evidence, its top evidence must overlap a gold evidence span;
when it says no_evidence (or gives no evidence), no_evidence must be acceptable.
Each set is split before tuning: ``split: alternate`` sets put even positions in dev and odd
positions in test; older sets use the first half (dev) and the second half (test).
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from anchor import resolve  # noqa: E402

from luoshi.link import link_reports  # noqa: E402
from luoshi.model import Commitment, Extraction, Indicator, Link, ReportMeta  # noqa: E402


@dataclass
class Gold:
    kind: str
    start: int
    end: int
    text: str
    status: str
    evidence: list[tuple[int, int]]
    indicator: dict | None
    accept: tuple[str, ...] = ()


def load_pair(old_text: str, new_text: str, items: list[dict]) -> list[Gold]:
    golds = []
    for it in items:
        s, e = resolve(old_text, it["source"], it.get("after"))
        ev = [resolve(new_text, snippet) for snippet in it["evidence"]]
        kind = "indicator" if "indicator" in it else "commitment"
        accept = tuple(it.get("accept") or [it["status"]])
        golds.append(Gold(kind, s, e, it["source"], it["status"], ev, it.get("indicator"), accept))
    return golds


def oracle(golds: list[Gold], year: int | None) -> Extraction:
    commitments, indicators = [], []
    for n, g in enumerate(golds):
        if g.kind == "commitment":
            commitments.append(Commitment(f"c{n}", g.text, None, None, "process", None, None, [], [], [], g.start, g.end, None))
        else:
            i = g.indicator or {}
            indicators.append(Indicator(f"i{n}", i.get("metric"), float(i["value"]), i.get("value_high"), i.get("unit"),
                                        g.text, i.get("comparator", "about"), i.get("change", "level"), "target",
                                        str(year) if year else None, None, g.text, g.start, g.end, None))
    return Extraction(ReportMeta(year=year), [], indicators, commitments)


def engine(path: Path) -> Extraction | None:
    try:
        from luoshi.pipeline import extract_file

        return extract_file(path)
    except Exception as exc:  # the engine is optional for this scorer
        print(f"  (engine unavailable: {type(exc).__name__}: {exc}; using --oracle sources)", file=sys.stderr)
        return None


T = TypeVar("T")


def _most_overlapping(g: Gold, spans: list[tuple[int, int, T]]) -> T | None:
    """The item whose (start, end) overlaps ``g`` most (the first on a tie), or None when none overlaps it."""
    best, overlap = None, 0
    for start, end, item in spans:
        o = min(g.end, end) - max(g.start, start)
        if o > overlap:
            best, overlap = item, o
    return best


def best_link(g: Gold, links: list[Link]) -> Link | None:
    return _most_overlapping(g, [(l.source_start, l.source_end, l) for l in links if l.source_kind == g.kind])


def clause_of(g: Gold, link: Link) -> Link:
    """The verdict of the clause of ``link`` that overlaps ``g`` most, as a link of its own; ``link`` itself when
    it has no clause verdicts or none overlaps ``g``."""
    best = _most_overlapping(g, [(c.start, c.end, c) for c in link.clauses])
    if best is None:
        return link
    return replace(link, source_text=best.text, source_start=best.start, source_end=best.end, status=best.status,
                   confidence=best.confidence, reason=best.reason, evidence=best.evidence, clauses=[])


def score(golds: list[Gold], links: list[Link], verbose: bool, name: str,
          records: list[tuple[float, bool]] | None = None, themes: list[Link] | None = None,
          strict: bool = False) -> tuple[int, int, int]:
    """(status right, evidence right, items); ``records`` collects (confidence, status right) per commitment.

    A gold task with no row of its own that is a theme sentence the engine keeps without a row is scored
    on that theme's verdict rolled up from its rows (``themes``: ``luoshi.link.themes``). ``strict`` scores
    as rounds 1–7 did: a gold item with no engine link of its own kind is missing."""
    status_ok = evidence_ok = 0
    for g in golds:
        link = best_link(g, links)
        if link is None and g.kind == "commitment" and themes and not strict:
            link = best_link(Gold("theme", g.start, g.end, g.text, g.status, g.evidence, None, g.accept), themes)
        if link is None and g.kind == "commitment" and not strict:
            # a plan sentence with no row at all, judged on its own wording (``luoshi.link.context``)
            link = best_link(Gold("context", g.start, g.end, g.text, g.status, g.evidence, None, g.accept), links)
        if link is None and not strict:
            # the engine read the sentence as the other kind (a target sentence labelled as a task, a
            # task row holding what the annotator labelled a target): scored on that verdict
            other = "indicator" if g.kind == "commitment" else "commitment"
            link = best_link(Gold(other, g.start, g.end, g.text, g.status, g.evidence, None, g.accept), links)
        if link is not None:
            link = clause_of(g, link)
        got = link.status if link else "missing"
        s_ok = got in g.accept
        top = link.evidence[0] if link and link.evidence else None
        if link is None:
            e_ok = False
        elif top is None or link.status == "no_evidence":
            e_ok = "no_evidence" in g.accept
        else:
            e_ok = any(min(e, top.end) > max(s, top.start) for s, e in g.evidence)
        status_ok += s_ok
        evidence_ok += e_ok
        if records is not None and link is not None and g.kind == "commitment":
            records.append((link.confidence, s_ok))
        if verbose and not (s_ok and e_ok):
            print(f"  ✗ [{name}] {g.text[:40]} gold={g.status} got={got} "
                  f"ev={'ok' if e_ok else 'WRONG'} :: {link.reason[:90] if link else ''}")
    return status_ok, evidence_ok, len(golds)


def split_items(items: list[dict], split: str, how: str = "halves") -> list[dict]:
    """The dev half, the test half, or all; decided by position, before any tuning.

    ``halves``: dev is the first ceil(n/2) items, test the rest; ``alternate``: dev is the
    even positions, test the odd ones. Tune on dev only; test is for reporting.
    """
    if split == "all":
        return items
    if how == "alternate":
        return items[0::2] if split == "dev" else items[1::2]
    half = (len(items) + 1) // 2
    return items[:half] if split == "dev" else items[half:]


BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def reliability(records: list[tuple[float, bool]], bins: tuple[float, ...] = BINS) -> list[tuple[float, float, int, float, float]]:
    """Rows (low, high, n, mean confidence, share right) of a reliability table; empty bins left out."""
    rows = []
    for lo, hi in zip(bins, bins[1:]):
        inside = [(c, ok) for c, ok in records if lo <= c < hi]
        if inside:
            rows.append((lo, min(hi, 1.0), len(inside), sum(c for c, _ in inside) / len(inside),
                         sum(ok for _, ok in inside) / len(inside)))
    return rows


def expected_calibration_error(records: list[tuple[float, bool]]) -> float:
    rows = reliability(records)
    n = sum(r[2] for r in rows) or 1
    return sum(r[2] * abs(r[3] - r[4]) for r in rows) / n


def fit_platt(records: list[tuple[float, bool]], steps: int = 3000, lr: float = 0.05) -> tuple[float, float]:
    """(a, b) such that sigmoid(a·logit(confidence) + b) fits the records (gradient descent on log loss)."""
    xs = [math.log(max(1e-3, min(1 - 1e-3, c)) / (1 - max(1e-3, min(1 - 1e-3, c)))) for c, _ in records]
    ys = [1.0 if ok else 0.0 for _, ok in records]
    a, b = 1.0, 0.0
    for _ in range(steps):
        ga = gb = 0.0
        for x, y in zip(xs, ys):
            p = 1 / (1 + math.exp(-(a * x + b)))
            ga += (p - y) * x
            gb += p - y
        a -= lr * ga / len(xs)
        b -= lr * gb / len(xs)
    return a, b


FINAL_DIR = Path(__file__).parent / "final"
FINAL2_DIR = Path(__file__).parent / "final2"
FINAL3_DIR = Path(__file__).parent / "final3"
FINAL4_DIR = Path(__file__).parent / "final4"
FINAL5_DIR = Path(__file__).parent / "final5"
FINAL6_DIR = Path(__file__).parent / "final6"
FINAL7_DIR = Path(__file__).parent / "final7"
FINAL8_DIR = Path(__file__).parent / "final8"
FINAL9_DIR = Path(__file__).parent / "final9"
FINAL10_DIR = Path(__file__).parent / "final10"
FINAL11_DIR = Path(__file__).parent / "final11"
FINAL12_DIR = Path(__file__).parent / "final12"
FINAL13_DIR = Path(__file__).parent / "final13"
FINAL14_DIR = Path(__file__).parent / "final14"
FINAL15_DIR = Path(__file__).parent / "final15"
FINAL16_DIR = Path(__file__).parent / "final16"
# The sets scored whole and once, never tuned on: each lives in its own folder.
SEALED = {"final": FINAL_DIR, "final2": FINAL2_DIR, "final3": FINAL3_DIR, "final4": FINAL4_DIR,
          "final5": FINAL5_DIR, "final6": FINAL6_DIR, "final7": FINAL7_DIR, "final8": FINAL8_DIR,
          "final9": FINAL9_DIR, "final10": FINAL10_DIR, "final11": FINAL11_DIR,
          "final12": FINAL12_DIR, "final13": FINAL13_DIR, "final14": FINAL14_DIR,
          "final15": FINAL15_DIR, "final16": FINAL16_DIR}


def set_files(which: str = "dev") -> list[Path]:
    """The label files of a set: ``dev`` (this folder, what tuning runs on), or a sealed set (its folder only)."""
    folder = SEALED.get(which, Path(__file__).parent)
    return sorted(folder.glob("*.yaml"))


def run(split: str, oracle_mode: bool, verbose: bool, records: list | None = None, quiet: bool = False,
        which: str = "dev", strict: bool = False) -> tuple[int, int, int]:
    sets = []
    for path in set_files(which):
        cfg = yaml.safe_load(path.read_text(encoding="utf-8"))
        pairs = cfg.get("pairs") or [cfg]
        sets.append((path.stem, pairs))
    totals = [0, 0, 0]
    for name, pairs in sets:
        acc = [0, 0, 0]
        for pair in pairs:
            old_p, new_p = ROOT / pair["old"], ROOT / pair["new"]
            old_text, new_text = old_p.read_text(encoding="utf-8"), new_p.read_text(encoding="utf-8")
            golds = load_pair(old_text, new_text, split_items(pair["items"], split, pair.get("split", "halves")))
            old = None if oracle_mode else engine(old_p)
            new = engine(new_p)  # the newer report's parts and sentences, in both modes
            if old is None:
                old = oracle(golds, pair.get("old_year"))
            if new is None:
                new = Extraction(ReportMeta(year=pair.get("new_year")), [], [], [])
            links = link_reports(old, old_text, new, new_text, new_doc=pair["new"], themes=True)
            themes = [link for link in links if link.source_kind == "theme"]
            for k, v in enumerate(score(golds, links, verbose, name, records, themes, strict)):
                acc[k] += v
        if not quiet:
            print(f"{name:28s} items {acc[2]:3d}  status {acc[0] / acc[2]:.3f}  evidence {acc[1] / acc[2]:.3f}")
        totals = [t + a for t, a in zip(totals, acc)]
    if not quiet:
        print(f"{'overall':28s} items {totals[2]:3d}  status {totals[0] / totals[2]:.3f}  evidence {totals[1] / totals[2]:.3f}")
    return totals[0], totals[1], totals[2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oracle", action="store_true", help="sources from the gold spans, not the engine")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all",
                    help="dev or test half of each set (fixed by position before tuning), or all")
    ap.add_argument("--set", dest="which", choices=("dev", *SEALED), default="dev",
                    help="dev: the tuning sets of this folder (default); final / final2 / … / final16: only that "
                         "folder, "
                         "all items, scored once")
    ap.add_argument("--strict", action="store_true",
                    help="score as rounds 1–7 did (no theme roll-up, no task/target cross-kind): comparable figures")
    ap.add_argument("--calibration", action="store_true",
                    help="reliability table of task-verdict confidence, dev half and never-tuned half apart")
    ap.add_argument("--fit", action="store_true", help="with --calibration: Platt scaling (a, b) fitted on the dev half")
    args = ap.parse_args()
    if args.which in SEALED:
        if args.calibration or args.split != "all":
            ap.error(f"the {args.which} set is scored whole and once: no --split, no --calibration")
        if not set_files(args.which):
            ap.error(f"no label files in {SEALED[args.which].name}/")
        run("all", args.oracle, args.verbose, which=args.which, strict=args.strict)
        return
    if not args.calibration:
        run(args.split, args.oracle, args.verbose, strict=args.strict)
        return
    for split in ("dev", "test"):
        records: list[tuple[float, bool]] = []
        run(split, args.oracle, False, records, quiet=True)
        print(f"{split}: {len(records)} task verdicts, expected calibration error {expected_calibration_error(records):.3f}")
        print("  confidence    n   mean conf   share right")
        for lo, hi, n, mean, right in reliability(records):
            print(f"  {lo:.1f}–{hi:.1f}  {n:5d}   {mean:9.3f}   {right:11.3f}")
        if args.fit and split == "dev":
            a, b = fit_platt(records)
            print(f"  Platt fit on dev: a={a:.3f} b={b:.3f}")


if __name__ == "__main__":
    main()
