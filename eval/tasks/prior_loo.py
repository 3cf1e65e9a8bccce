"""``python -m eval.tasks.prior_loo [--model NAME] [--per-report]``: would a learned owner prior help the rules?

A leave-one-government-out test of a prior learned from labelled task rows, over every tuning report
(``train_roles.TUNING_SETS``; never heldout, never final13). For each government (a city or district:
all its reports out together; the State Council's reports out one at a time), a model is trained on the
gold task rows of every other government and used on the engine's rows of the left-out one; its lead is
scored the real scorer's way (the first row's lead, canonicalized by the master list and read without the
report's own place name, among the gold's accepted leads, over task sentences that got a row) next to the
rules alone. Labels are function keys (``luoshi.extract.departments.function_key``: 市发展改革委, 区发改委
and 国家发展改革委 are one key), so that rows of the nation teach the cities and back; a key maps back to the
unit of the report's own list, and is dropped where that list has none. Roles are the rules' alone (``LUOSHI_ROLE_MODEL=off``).

Models: a linear classifier (logistic loss, SGD) over character n-grams of the row (1–3 or 2–4; plain or
class-balanced; with or without the row's paragraph heading as extra features), and the office's own
model (``luoshi.assign.learned.OwnerModel``: the nearest labelled row). Ways of using them: where the rules
are silent (the row took its paragraph's owner, 同段落主题); to reorder the rules' candidates (lead and
co-units) when the model is confident; to override the rules when it is very confident; and a blend of
the candidates' rank (the rules give an order, not scores) with the model's probability.

The decision rule, fixed before measuring (``passes``): the prior ships only if (a) the total lead
rises by at least +0.010 over the rules, (b) no report loses more than 2 rows net and (c) the gain holds
for the city reports alone (+0.010 over them too; the never-seen sets are cities).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from eval.tasks.run import report_canon, text_path
from eval.tasks.score import assign_rows, load_gold, locate, own_place_names, without_own_place
from eval.tasks.train_roles import tuning_reports

MIN_GAIN = 0.010  # (a) and (c): lead gain over the rules, in total and over the cities' reports
MAX_LOSS = 2  # (b): rows a single report may lose net
THEME = "同段落主题"
Probs = dict[str, float]  # function key -> the model's probability (or similarity)


@dataclass
class Row:
    """A gold task sentence of one report, with the engine's first row on it (if any)."""

    doc: str
    government: str
    level: str
    text: str  # the gold sentence (what the model trains on)
    key: str | None  # function key of the first accepted lead (the training label)
    accepted: set[str] = field(default_factory=set)  # canonical names of the accepted leads
    row_text: str | None = None  # the engine's row (what the model reads); None: no row, not scored
    heading: str = ""  # the titles of the sections holding the sentence, innermost last
    candidates: list[str] = field(default_factory=list)  # the engine's units, lead first (canonical)
    candidate_keys: list[str | None] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)  # function key -> this report's unit (canonical)
    silent: bool = False  # the engine's lead came from the paragraph (同段落主题), or there is none

    @property
    def city(self) -> bool:
        return self.level != "national"


def government(doc: str) -> str:
    """Who wrote the report: the city or district (wuhan-2023 -> wuhan); each State Council report alone."""
    return doc if doc.startswith("gwr-") else doc.split("-")[0]


def load_rows() -> list[Row]:
    """Every gold task sentence of the tuning reports, with the engine's first row (roles: the rules')."""
    from luoshi.extract.departments import function_key, report_level, rules
    from luoshi.pipeline import extract_file

    out: list[Row] = []
    for _, path in tuning_reports():  # never heldout or the sealed set (checked there)
        tpath = text_path(path.stem)
        ex = extract_file(tpath)
        level = report_level(ex.report.region, ex.report.level)
        r = rules(level, region=ex.report.region, year=ex.report.year)

        own = own_place_names(ex.report.region)

        def canon(name: str, unit=report_canon(ex.report.region, ex.report.level, ex.report.year),
                  own: tuple[str, ...] = own) -> str:
            return without_own_place(unit(name), own)  # as the scorer compares

        def key_of(name: str, r=r, level: str = level) -> str | None:
            try:
                return function_key(name, level, r)
            except ValueError:  # a region's own body, outside the level's list of functions
                return None

        units = {k: canon(n) for k, n in zip(r.keys or [], r.names)}
        d = ex.to_dict()
        engine = sorted(d["commitments"], key=lambda c: c["start"])
        located = locate(tpath.read_text(encoding="utf-8"), load_gold(path))
        owned = assign_rows(engine, [(x.start, x.end) if x.start is not None and x.end is not None else None
                                     for x in located])
        for loc, mine in zip(located, owned):
            g = loc.gold
            if g["role"] != "task" or loc.start is None:
                continue
            lead = g.get("lead") or []
            heads = sorted((s for s in d["sections"] if s["start"] <= loc.start < s["end"] and s["level"] >= 1),
                           key=lambda s: s["level"])
            row = Row(path.stem, government(path.stem), level, g["sentence"],
                      (key_of(lead[0]) or lead[0]) if lead else None, {canon(n) for n in lead},
                      heading=" ".join(s["title"] for s in heads[-2:]), units=units)
            if mine:
                deps = mine[0]["departments"]
                ordered = [x for x in deps if x["role"] == "lead"] + [x for x in deps if x["role"] != "lead"]
                row.row_text = mine[0]["text"]
                row.candidates = [canon(x["name"]) for x in ordered]
                row.candidate_keys = [key_of(x["name"]) for x in ordered]
                row.silent = not ordered or ordered[0]["matched"] == [THEME]
            out.append(row)
    return out


Model = Callable[[list[Row], list[Row]], list[Probs]]


def classifier(ngram: tuple[int, int] = (1, 3), balanced: bool = False, heading: bool = False,
               epochs: int = 5) -> Model:
    """A linear model (logistic loss, SGD) over character n-grams (digits folded) of the row."""

    def fit_predict(train: list[Row], test: list[Row]) -> list[Probs]:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier

        from luoshi.assign.learned import fold

        vec = TfidfVectorizer(analyzer="char", ngram_range=ngram, sublinear_tf=True, min_df=2)
        x_train = vec.fit_transform([fold(r.text) for r in train])
        x_test = vec.transform([fold(r.row_text or r.text) for r in test])
        if heading:  # the paragraph's heading, as features of their own at half weight
            hv = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True, min_df=2)
            x_train = hstack([x_train, 0.5 * hv.fit_transform([r.heading for r in train])]).tocsr()
            x_test = hstack([x_test, 0.5 * hv.transform([r.heading for r in test])]).tocsr()
        clf = SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=epochs, tol=None, random_state=0,
                            class_weight="balanced" if balanced else None)
        clf.fit(x_train, [r.key for r in train])
        return [_top(dict(zip(clf.classes_, p, strict=True))) for p in clf.predict_proba(x_test)]

    return fit_predict


def neighbours(train: list[Row], test: list[Row]) -> list[Probs]:
    """The office's model: the nearest labelled row's key, with its similarity as the confidence."""
    from luoshi.assign.learned import OwnerModel, Precedent

    model = OwnerModel([Precedent(r.text, [r.key or ""]) for r in train], min_similarity=0.0)
    return [{hit.lead[0]: hit.similarity} if hit else {} for hit in model.suggest([r.row_text or r.text for r in test])]


def _top(probs: Probs, k: int = 8) -> Probs:
    return dict(sorted(probs.items(), key=lambda kv: -kv[1])[:k])


def predict(rows: list[Row], model: Model) -> list[Probs]:
    """Each scored row's probabilities from a model trained on every other government's rows."""
    out: list[Probs] = [{} for _ in rows]
    for gov in sorted({r.government for r in rows}):
        train = [r for r in rows if r.government != gov and r.key]
        at = [i for i, r in enumerate(rows) if r.government == gov and r.row_text is not None]
        assert all(r.government != gov for r in train)  # nothing of the left-out government is learned
        for i, probs in zip(at, model(train, [rows[i] for i in at]), strict=True):
            out[i] = probs
    return out


@dataclass(frozen=True)
class Plan:
    """How the prior is used: ``way`` in silent | reorder | override | blend, at ``at`` (a probability;
    for blend, the prior's weight against the rules' rank score 1/(1+rank))."""

    way: str
    at: float

    def __str__(self) -> str:
        return f"{self.way} {self.at:.2f}"


def choose(row: Row, probs: Probs, plan: Plan) -> str | None:
    """The lead the engine would give ``row`` with the prior used by ``plan``."""
    base = row.candidates[0] if row.candidates else None
    if not probs:
        return base
    key = max(probs, key=probs.__getitem__)
    learned = row.units.get(key)
    if plan.way == "silent":
        return learned if learned and row.silent and probs[key] >= plan.at else base
    if plan.way == "override":
        return learned if learned and probs[key] >= plan.at else base
    if len(row.candidates) < 2:
        return base
    p = [probs.get(k, 0.0) if k else 0.0 for k in row.candidate_keys]
    if plan.way == "reorder":
        best = max(range(len(p)), key=p.__getitem__)
        return row.candidates[best] if p[best] >= plan.at and p[best] > p[0] else base
    if plan.way == "blend":
        blended = [(1 - plan.at) / (1 + i) + plan.at * q for i, q in enumerate(p)]
        return row.candidates[max(range(len(p)), key=blended.__getitem__)]
    raise ValueError(f"unknown way {plan.way!r}")


def evaluate(rows: list[Row], preds: list[Probs], plan: Plan) -> Counter[tuple[str, str]]:
    """Per report: rows scored, right with the rules, right with the prior."""
    score: Counter[tuple[str, str]] = Counter()
    for row, probs in zip(rows, preds, strict=True):
        if row.row_text is None:
            continue
        base = row.candidates[0] if row.candidates else None
        choice = choose(row, probs, plan)
        score[row.doc, "rows"] += 1
        score[row.doc, "rules"] += base in row.accepted
        score[row.doc, "with prior"] += choice in row.accepted
    return score


@dataclass
class Verdict:
    rows: int
    rules: float
    prior: float
    city_rules: float
    city_prior: float
    worst: tuple[int, str]  # (net rows, report) of the report losing most

    @property
    def gain(self) -> float:
        return self.prior - self.rules

    @property
    def city_gain(self) -> float:
        return self.city_prior - self.city_rules

    @property
    def passes(self) -> bool:
        return self.gain >= MIN_GAIN and self.worst[0] >= -MAX_LOSS and self.city_gain >= MIN_GAIN


def verdict(score: Counter[tuple[str, str]], cities: set[str]) -> Verdict:
    docs = sorted({d for d, _ in score})

    def ratio(which: str, among: list[str]) -> float:
        n = sum(score[d, "rows"] for d in among)
        return sum(score[d, which] for d in among) / n if n else 0.0

    town = [d for d in docs if d in cities]
    worst = min(((score[d, "with prior"] - score[d, "rules"], d) for d in docs), default=(0, "-"))
    return Verdict(sum(score[d, "rows"] for d in docs), ratio("rules", docs), ratio("with prior", docs),
                   ratio("rules", town), ratio("with prior", town), worst)


MODELS: dict[str, Model] = {
    "char 1-3": classifier((1, 3)),
    "char 2-4": classifier((2, 4)),
    "char 1-3 balanced": classifier((1, 3), balanced=True),
    "char 1-3 + heading": classifier((1, 3), heading=True),
    "neighbours": neighbours,
}
PLANS = (Plan("silent", 0.3), Plan("silent", 0.5), Plan("reorder", 0.3), Plan("reorder", 0.5), Plan("reorder", 0.7),
         Plan("override", 0.7), Plan("override", 0.9), Plan("blend", 0.3), Plan("blend", 0.5), Plan("blend", 0.7))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.tasks.prior_loo", description=__doc__.split("\n")[0])
    ap.add_argument("--model", action="append", choices=sorted(MODELS), help="only this model (repeatable)")
    ap.add_argument("--per-report", action="store_true", help="print each report's rows for the best plan")
    args = ap.parse_args(argv)
    os.environ["LUOSHI_ROLE_MODEL"] = "off"  # roles do not move
    rows = load_rows()
    cities = {r.doc for r in rows if r.city}
    scored = sum(r.row_text is not None for r in rows)
    print(f"{scored} task rows with a row, of {len({r.doc for r in rows})} reports from "
          f"{len({r.government for r in rows})} governments; each government scored by a prior trained on the others")
    print(f"{'model':20} {'plan':14} {'rules':>6} {'prior':>6} {'gain':>7} {'cities':>13} {'gain':>7}  worst report")
    best: tuple[float, str, Plan, Counter[tuple[str, str]]] | None = None
    names = args.model or tuple(MODELS)
    for name in names:
        preds = predict(rows, MODELS[name])
        for plan in PLANS:
            s = evaluate(rows, preds, plan)
            v = verdict(s, cities)
            print(f"{name:20} {plan!s:14} {v.rules:6.3f} {v.prior:6.3f} {v.gain:+7.4f} "
                  f"{v.city_rules:6.3f}→{v.city_prior:.3f} {v.city_gain:+7.4f}  "
                  f"{v.worst[1]} {v.worst[0]:+d}  {'SHIP' if v.passes else '-'}")
            if best is None or v.gain > best[0]:
                best = (v.gain, name, plan, s)
    if best is not None and args.per_report:
        _, name, plan, s = best
        print(f"\nbest: {name}, {plan}")
        for d in sorted({d for d, _ in s}):
            n = s[d, "rows"]
            print(f"  {d:28} {n:5} {s[d, 'rules'] / n:.3f} → {s[d, 'with prior'] / n:.3f} "
                  f"({s[d, 'with prior'] - s[d, 'rules']:+d})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
