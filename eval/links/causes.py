"""Why the linker is wrong: every missed item of a link set, sorted into a cause, and a table of counts.

``python -m eval.links.causes --set final7 [-v]`` scores like ``eval.links.run`` (a gold clause on the engine
clause that overlaps it most) and names the cause of each
item whose status or evidence is wrong, from what the engine returned (the finer reading — a paraphrase,
an umbrella line, a line giving only a number — is a person's, with ``-v`` listing the items, and for wrong or
lower-ranked evidence, and for evidence not found or abstained on, the gold lines beside the engine's):

- ``no row``: the engine keeps no task, target, theme or context verdict over the gold sentence (a structure /
  extract matter);
- ``target``: a target verdict (metric not recognised, figure not found, wrong figure);
- ``theme``: a theme's verdict rolled up from its rows;
- ``outside review``: the gold evidence lies where the engine does not read the review (review boundaries);
- ``not found``: review evidence exists, the engine found nothing credible (``abstained`` when it found a
  candidate but its confidence was below the abstention point);
- ``false match``: nothing in the review is evidence, the engine matched a clause anyway (generic words);
- ``ranked below``: the gold evidence is among the engine's spans, not first;
- ``wrong evidence``: the engine's spans are all other lines;
- ``status``: the right evidence, a status outside ``accept`` (fulfilled vs partial).
"""

from __future__ import annotations

import argparse
from collections import Counter

import yaml

from eval.links.run import ROOT, SEALED, Gold, best_link, clause_of, engine, load_pair, set_files
from luoshi.link import link_reports
from luoshi.model import Link

CAUSES = ("no row", "target", "theme", "outside review", "not found", "abstained", "false match", "ranked below",
          "wrong evidence", "status")


def _overlaps(g: Gold, start: int, end: int) -> bool:
    return any(min(e, end) > max(s, start) for s, e in g.evidence)


def cause(g: Gold, link: Link | None, review: list[tuple[int, int]]) -> str | None:
    """The cause of a wrong item, or None when its status and evidence are right. ``review``: the (start, end)
    spans of the later report the engine reads as its review."""
    if link is None:
        return "no row"
    ok = link.status in g.accept
    top = link.evidence[0] if link.evidence else None
    if top is None or link.status == "no_evidence":
        ev_ok = "no_evidence" in g.accept
    else:
        ev_ok = _overlaps(g, top.start, top.end)
    if ok and ev_ok:
        return None
    if g.kind == "indicator" or link.source_kind == "indicator":
        return "target"
    if link.source_kind == "theme":
        return "theme"
    if g.evidence and not any(min(e, b) > max(s, a) for s, e in g.evidence for a, b in review):
        return "outside review"
    if link.status == "no_evidence" and g.evidence:
        return "abstained" if link.evidence else "not found"
    if not g.evidence:
        return "false match"
    if not ev_ok:
        return "ranked below" if any(_overlaps(g, e.start, e.end) for e in link.evidence[1:]) else "wrong evidence"
    return "status"


SHOWN = ("not found", "abstained", "ranked below", "wrong evidence")


def side_by_side(c: str, g: Gold, link: Link | None, new_text: str) -> list[str]:
    """The gold lines and the engine's lines of a wrong item whose evidence lost, to sort it into a kind (a gold
    line that is no candidate at all shows beside nothing: what words it shares with the task is then the
    question)."""
    if c not in SHOWN:
        return []
    got = link.evidence if link is not None else []
    return [f"      gold: {new_text[s:e][:80]}" for s, e in g.evidence] + [f"      got:  {e.text[:80]}" for e in got]


def run(which: str, verbose: bool) -> Counter:
    counts: Counter = Counter()
    for path in set_files(which):
        cfg = yaml.safe_load(path.read_text(encoding="utf-8"))
        for pair in cfg.get("pairs") or [cfg]:
            old_p, new_p = ROOT / pair["old"], ROOT / pair["new"]
            old_text, new_text = old_p.read_text(encoding="utf-8"), new_p.read_text(encoding="utf-8")
            old, new = engine(old_p), engine(new_p)
            if old is None or new is None:
                raise SystemExit("the causes need the engine")
            links = link_reports(old, old_text, new, new_text, new_doc=pair["new"], themes=True)
            themes = [link for link in links if link.source_kind == "theme"]
            review = [(s.start, s.end) for s in new.sentences if s.part == "review"]
            for g in load_pair(old_text, new_text, pair["items"]):
                link = best_link(g, links)
                if link is None and g.kind == "commitment":
                    link = best_link(Gold("theme", g.start, g.end, g.text, g.status, g.evidence, None, g.accept), themes)
                if link is None and g.kind == "commitment":
                    link = best_link(Gold("context", g.start, g.end, g.text, g.status, g.evidence, None, g.accept), links)
                if link is None:
                    other = "indicator" if g.kind == "commitment" else "commitment"
                    link = best_link(Gold(other, g.start, g.end, g.text, g.status, g.evidence, None, g.accept), links)
                if link is not None:
                    link = clause_of(g, link)
                c = cause(g, link, review)
                if c is None:
                    continue
                counts[c] += 1
                if verbose:
                    print(f"  [{path.stem}] {c}: {g.text[:40]} gold={g.status} got={link.status if link else 'missing'}")
                    for line in side_by_side(c, g, link, new_text):
                        print(line)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", dest="which", choices=("dev", *SEALED), action="append",
                    help="a link set (repeatable; default: dev)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong item with its cause")
    args = ap.parse_args()
    print(f"{'set':8s}" + "".join(f"{c:>15s}" for c in CAUSES) + f"{'all':>6s}")
    for which in args.which or ["dev"]:
        counts = run(which, args.verbose)
        print(f"{which:8s}" + "".join(f"{counts[c]:15d}" for c in CAUSES) + f"{sum(counts.values()):6d}")


if __name__ == "__main__":
    main()
