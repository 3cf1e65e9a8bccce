"""``python -m eval.tasks.prior_loo``: would a learned prior over owners help the keyword rules?

A leave-one-report-out test of a prior learned from labelled task rows: for each report of the
tuning gold (dev, fresh, final, final2 and final3 sets), a model is trained on the task rows of all
the other reports and used on this one; the lead it yields is scored against the rules alone. Labels
are function keys (``luoshi.extract.departments.function_key``: 市发展改革委, 区发改委 and 国家发展改革委 are one
key), so that rows of the nation teach the cities and back. Two models:

- ``classifier``: a linear model (logistic loss, SGD) over character 1–3-grams of the row text;
- ``neighbours``: the office's own model (``luoshi.assign.learned.OwnerModel``: the nearest
  labelled row when it is similar enough and its neighbours agree).

and three ways to use them: where the rules are silent (the row took its paragraph's owner);
to reorder the rules' own candidates (lead and co-units) when the model is confident; and
to override the rules when it is very confident. The gold's texts and rows come from
eval/tasks; the never-tuned-on sets are not read.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass

from eval.tasks.run import set_files, text_path
from eval.tasks.score import assign_rows, load_gold, locate

SETS = ("dev", "fresh", "final", "final2", "final3")


@dataclass
class Row:
    doc: str
    level: str
    text: str
    accepted: set[str]  # canonical names of the accepted leads
    key: str | None  # function key of the first accepted lead (the training label)
    candidates: list[str]  # the engine's units, lead first (canonical names)
    silent: bool  # the engine's lead came from the paragraph, not from the row


def load_rows() -> list[Row]:
    from luoshi.extract.departments import canonical_unit, function_key, report_level
    from luoshi.pipeline import extract_file

    rows: list[Row] = []
    for which in SETS:
        for path in set_files(which):
            tpath = text_path(path.stem)
            ex = extract_file(tpath)
            level = report_level(ex.report.region)
            engine = sorted(ex.to_dict()["commitments"], key=lambda r: r["start"])
            located = locate(tpath.read_text(encoding="utf-8"), load_gold(path))
            owned = assign_rows(engine, [(x.start, x.end) if x.start is not None and x.end is not None else None
                                         for x in located])
            for loc, mine in zip(located, owned):
                g = loc.gold
                if g["role"] != "task" or loc.start is None or not g.get("lead"):
                    continue
                if not mine:
                    continue
                deps = mine[0]["departments"]
                rows.append(Row(
                    path.stem, level, g["sentence"], {canonical_unit(n, level) or n for n in g["lead"]},
                    function_key(g["lead"][0], level) or g["lead"][0], [d["name"] for d in deps],
                    bool(deps) and deps[0].get("matched") == ["同段落主题"]))
    return rows


def _unit(key: str, level: str) -> str | None:
    from luoshi.extract.departments import rules, unit_of_key

    r = rules(level)
    i = unit_of_key(key, r)
    return r.names[i] if i is not None else None


def _classifier(train: list[Row], test: list[Row]) -> list[tuple[str, float, dict[str, float]]]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier

    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    clf = SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=50, tol=None, random_state=0)
    clf.fit(vec.fit_transform([r.text for r in train]), [r.key for r in train])
    probs = clf.predict_proba(vec.transform([r.text for r in test]))
    out = []
    for p in probs:
        by_key = dict(zip(clf.classes_, p, strict=True))
        top = max(by_key, key=by_key.get)
        out.append((top, by_key[top], by_key))
    return out


def _neighbours(train: list[Row], test: list[Row]) -> list[tuple[str, float, dict[str, float]]]:
    from luoshi.assign.learned import OwnerModel, Precedent

    model = OwnerModel([Precedent(r.text, [r.key or ""]) for r in train])
    out = []
    for hit in model.suggest([r.text for r in test]):
        out.append((hit.lead[0], hit.similarity, {hit.lead[0]: hit.similarity}) if hit else ("", 0.0, {}))
    return out


def evaluate(rows: list[Row], model, silent_at: float, reorder_at: float, override_at: float) -> Counter[str]:
    from luoshi.extract.departments import function_key

    score: Counter[str] = Counter()
    for doc in sorted({r.doc for r in rows}):
        test = [r for r in rows if r.doc == doc]
        for r, (key, conf, by_key) in zip(test, model([t for t in rows if t.doc != doc and t.key], test), strict=True):
            base = r.candidates[0] if r.candidates else None
            choice = base
            learned = _unit(key, r.level) if key else None
            if learned and (conf >= override_at or (r.silent and conf >= silent_at)):
                choice = learned
            elif len(r.candidates) > 1:
                best = max(r.candidates, key=lambda n: by_key.get(function_key(n, r.level) or n, 0.0))
                if by_key.get(function_key(best, r.level) or best, 0.0) >= reorder_at:
                    choice = best
            score[doc, "rules"] += base in r.accepted
            score[doc, "with prior"] += choice in r.accepted
            score[doc, "prior alone"] += learned in r.accepted
            score[doc, "rows"] += 1
    return score


def main() -> int:
    rows = load_rows()
    docs = sorted({r.doc for r in rows})
    never = 9.0
    plans = [("silent ≥0.3", 0.3, never, never), ("reorder ≥0.3", never, 0.3, never),
             ("reorder ≥0.5", never, 0.5, never), ("override ≥0.6", never, never, 0.6)]
    print(f"{len(rows)} task rows of {len(docs)} reports; each report scored by a prior trained on the others")
    for name, model in (("classifier", _classifier), ("neighbours", _neighbours)):
        for plan, silent_at, reorder_at, override_at in plans:
            s = evaluate(rows, model, silent_at, reorder_at, override_at)
            n = sum(s[d, "rows"] for d in docs)
            per = "  ".join(f"{d}: {s[d, 'rules'] / s[d, 'rows']:.3f}→{s[d, 'with prior'] / s[d, 'rows']:.3f}" for d in docs)
            print(f"{name:10} {plan:14} lead: rules {sum(s[d, 'rules'] for d in docs) / n:.3f}  "
                  f"with prior {sum(s[d, 'with prior'] for d in docs) / n:.3f}  "
                  f"prior alone {sum(s[d, 'prior alone'] for d in docs) / n:.3f}  | {per}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
