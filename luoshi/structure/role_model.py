"""A learned second opinion on sentence roles, applied after the rules (roles.py).

The rules decide every role; this small linear model (multinomial logistic regression,
trained offline by ``python -m eval.tasks.train_roles`` on the hand-labelled 任务分解表 gold)
sees the rules' role, which cues fired, where the sentence sits in its paragraph and part,
its length and shape, a few characters of its head and tail, and its neighbours' rule roles.
Where it gives another role among task / theme / context a probability at or above the
model's threshold for that kind of change, the role changes and the sentence says so
(``role_source = "model"``). The thresholds differ by direction: making a sentence a task
(a new row: cleanliness at stake), taking a task's row away (recall at stake), and moving
between theme and context (no row either way).
Targets stay the rules'. Inference is a dot product per sentence in pure Python: no
scikit-learn at run time, deterministic, linear in the number of sentences.

The weights live in ``rules/zh/role_model.json`` (a ``role_model.json`` under
``LUOSHI_RULES_DIR`` replaces it). ``LUOSHI_ROLE_MODEL=off`` turns the model off, ``on``
turns it on even where the file ships it disabled (``"enabled": false``).
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from luoshi.errors import LuoshiError
from luoshi.extract.actions import any_verb, find_head
from luoshi.model import Section, Sentence
from luoshi.rules import RULES_DIR
from luoshi.structure.roles import (FORWARD, THEME_LEVEL, Placement, cue_role, has_task_verb, role_rules,
                                    sentence_body, trimmed_clauses)
from luoshi.structure.terms import Term, section_terms
from luoshi.textmap import MappedText, fold

FORMAT = 1
CLASSES = ("task", "theme", "context", "target")
CHANGEABLE = frozenset({"task", "theme", "context"})  # targets stay the rules'
DIRECTIONS = ("to_task", "from_task", "between")
_ORDINALS = (
    ("shi", re.compile(r"^[一二三四五六七八九十]+(?:是|要)")),
    ("paren", re.compile(r"^\([一二三四五六七八九十]+\)")),
    ("arabic", re.compile(r"^\d{1,2}[.、]")),
    ("dun", re.compile(r"^[一二三四五六七八九十]+、")),
    ("di", re.compile(r"^(?:第[一二三四五六七八九十]+|首先|其次|再次|最后)[,,]")),
)
_WHEN = re.compile(r"年底前|年内|底前|月底|之前|前完成|到20\d\d年|力争|今年|明年|\d+年(?:内|时间)")
_QTY = re.compile(r"[万亿]|公里|千米|平方米|亩|个|家|所|项")
_LENGTHS = (8, 15, 25, 40, 70, 120)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _cue_features(body: str) -> list[str]:
    """Which cues of roles.yaml fire on the sentence (by name, so a renamed cue just drops out)."""
    r = role_rules()
    out = [f"ctx:{name}" for name, p in r.context if p.search(body)]
    out += [f"tgt:{name}" for name, p in r.target if p.search(body)]
    for name in ("copula", "contrast", "frame_theme", "opener_work", "national_context", "explanation",
                 "paragraph_context", "term_target", "term_state", "cross_strait_work"):
        p = getattr(r, name, None)
        if p is not None and p.search(body):
            out.append(f"cue:{name}")
    for name in ("connective", "measures_lead", "term_aim"):
        p = getattr(r, name, None)
        if p is not None and p.match(body):
            out.append(f"cue:{name}")
    p = getattr(r, "ordinal_theme", None)
    if p is not None and p.search(body):
        out.append("cue:ordinal_theme")
    out.append(f"cue_role:{cue_role(body) or 'none'}")
    return out


def _shape_features(body: str, raw: str) -> list[str]:
    out = [f"len:{_bucket(len(body), _LENGTHS)}"]
    end = raw.rstrip()[-1:] if raw.strip() else ""
    out.append(f"end:{fold(end) if end in '。；;：:，,！!？?' else 'other'}")
    clauses = trimmed_clauses(body)
    out.append(f"clauses:{_bucket(len(clauses), (1, 2, 4))}")
    for name, p in _ORDINALS:
        if p.match(body):
            out.append(f"ord:{name}")
    if has_task_verb(body):
        out.append("verb:head")
    head = find_head(clauses[0]) if clauses else None
    if head is not None and head.start <= 2:
        out.append("verb:opens")
    if any(any_verb(c) is not None for c in clauses):
        out.append("verb:any")
    if re.search(r"\d", body):
        out.append("num:digit")
    if "%" in body or "百分点" in body:
        out.append("num:pct")
    if _QTY.search(body):
        out.append("num:qty")
    if _WHEN.search(body):
        out.append("when")
    h, t = body[:8], body[-4:]
    for n in (1, 2, 3):
        out += {f"h{n}:{h[i:i + n]}" for i in range(len(h) - n + 1)}
        out += {f"t{n}:{t[i:i + n]}" for i in range(len(t) - n + 1)}
    out.append(f"start:{body[:2]}")
    return out


def sentence_features(
    mt: MappedText,
    sections: list[Section],
    sentences: list[Sentence],
    placements: list[Placement],
    year: int | None,
    terms: dict[str, Term | None] | None = None,
) -> list[list[str] | None]:
    """Per sentence, its binary features (None outside the goals and plan parts or without a role).
    ``sentences`` carry the rules' roles (``assign_roles`` ran); ``terms``: the sections' terms if the
    caller has them (``section_terms``)."""
    heading_level = {s.start: s.level for s in sections}
    if terms is None:
        terms = section_terms(mt, sections, year)
    bodies = [sentence_body(mt, s) if s.part in FORWARD and s.role else "" for s in sentences]
    out: list[list[str] | None] = []
    n = len(sentences)
    for k, s in enumerate(sentences):
        if s.part not in FORWARD or s.role is None:
            out.append(None)
            continue
        body, place = bodies[k], placements[k]
        raw = mt.text[mt.to_norm(s.start) : mt.to_norm(s.end)]
        rule = s.role
        term = terms.get(s.section or "")
        kind = "term" if term is not None and term.covers(s.start) else "year"
        f = [f"rule:{rule}", f"part:{s.part}", f"kind:{kind}", f"rule:{rule}|{kind}"]
        level = heading_level.get(s.start)
        if level is not None:
            f.append("heading" if level < THEME_LEVEL else "bullet")
        pos = ("only" if place.count == 1 else "first" if place.index == 0
               else "last" if place.index == place.count - 1 else "mid")
        f += [f"pos:{pos}", f"para:{_bucket(place.count, (1, 2, 4, 8))}", f"rule:{rule}|{pos}"]
        if place.intro:
            f.append("intro")
        prev = k - 1 if k > 0 and placements[k - 1].para == place.para else None
        nxt = k + 1 if k + 1 < n and placements[k + 1].para == place.para else None
        f.append(f"prev:{sentences[prev].role if prev is not None else 'none'}")
        f.append(f"next:{sentences[nxt].role if nxt is not None else 'none'}")
        if place.index > 0:
            first = k - place.index
            f.append(f"para_open:{sentences[first].role if 0 <= first < n else 'none'}")
        if nxt is not None and len(bodies[nxt]) > len(body):
            f.append("shorter_than_next")
        if prev is not None and len(bodies[prev]) > len(body):
            f.append("shorter_than_prev")
        shape = _shape_features(body, raw)
        f += _cue_features(body)
        f += [f"rule:{rule}|{x}" for x in shape if x.startswith(("len:", "ord:", "verb:"))]
        f += shape
        out.append(sorted(set(f)))
    return out


def direction_of(rule: str, new: str) -> str:
    """to_task | from_task | between (theme <-> context)."""
    return "to_task" if new == "task" else "from_task" if rule == "task" else "between"


@dataclass(frozen=True)
class RoleModel:
    """Weights per feature and class (``CLASSES`` order), intercepts, and a threshold per direction."""

    weights: dict[str, tuple[float, ...]]
    intercepts: tuple[float, ...]
    threshold: dict[str, float]
    enabled: bool
    meta: dict[str, Any]

    def probabilities(self, features: list[str]) -> tuple[float, ...]:
        z = list(self.intercepts)
        for name in features:
            w = self.weights.get(name)
            if w is not None:
                z = [a + b for a, b in zip(z, w)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return tuple(v / total for v in e)

    def decide(self, rule: str, features: list[str]) -> str | None:
        """The role the model gives instead of ``rule``, or None when it keeps the rules' role."""
        if rule not in CHANGEABLE:
            return None
        p = dict(zip(CLASSES, self.probabilities(features)))
        best = max(CHANGEABLE, key=lambda c: (p[c], c))
        if best == rule:
            return None
        direction = direction_of(rule, best)
        return best if p[best] >= self.threshold[direction] else None

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "role_model.json") -> RoleModel:
        try:
            if data["format"] != FORMAT or tuple(data["classes"]) != CLASSES:
                raise ValueError(f"format {data.get('format')} / classes {data.get('classes')} not supported")
            weights = {k: tuple(float(x) for x in v) for k, v in data["weights"].items()}
            intercepts = tuple(float(x) for x in data["intercepts"])
            if len(intercepts) != len(CLASSES) or any(len(w) != len(CLASSES) for w in weights.values()):
                raise ValueError("every weight row and the intercepts need one value per class")
            raw = data["threshold"]
            threshold = ({d: float(raw[d]) for d in DIRECTIONS} if isinstance(raw, dict)
                         else dict.fromkeys(DIRECTIONS, float(raw)))
            if not all(0.0 < t <= 1.0 for t in threshold.values()):
                raise ValueError(f"threshold {raw} outside (0, 1]")
            meta = {k: v for k, v in data.items() if k not in ("weights", "intercepts")}
            return cls(weights, intercepts, threshold, bool(data.get("enabled", True)), meta)
        except (KeyError, TypeError, ValueError) as exc:
            raise LuoshiError("E012", f"role model {source} is not valid: {exc}",
                              "retrain it with python -m eval.tasks.train_roles") from None


def model_path() -> Path:
    override = os.environ.get("LUOSHI_RULES_DIR")
    if override and (Path(override) / "role_model.json").is_file():
        return Path(override) / "role_model.json"
    return RULES_DIR / "role_model.json"


@lru_cache(maxsize=None)
def _load(path: str) -> RoleModel | None:
    p = Path(path)
    if not p.is_file():
        return None
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LuoshiError("E012", f"role model {path} is not valid JSON: {exc}",
                          "retrain it with python -m eval.tasks.train_roles") from None
    return RoleModel.from_dict(data, p.name)


_OFF = object()
_override: Any = None  # eval: a RoleModel, or _OFF; None follows the file and the switch
_sink: list[Any] | None = None  # eval: receives (sentences, features) of each analysed report


def active_model() -> RoleModel | None:
    """The model to apply, or None: LUOSHI_ROLE_MODEL=off|on, else the file's ``enabled``."""
    if _override is _OFF:
        return None
    if _override is not None:
        return _override
    switch = os.environ.get("LUOSHI_ROLE_MODEL", "").strip().lower()
    if switch in ("off", "0", "false", "no"):
        return None
    model = _load(str(model_path()))
    if model is None:
        return None
    return model if model.enabled or switch in ("on", "1", "true", "yes") else None


@contextmanager
def using(model: RoleModel | None, sink: list[Any] | None = None) -> Iterator[None]:
    """Evaluation only: apply ``model`` (None: no model) and collect features into ``sink``."""
    global _override, _sink
    saved = (_override, _sink)
    _override, _sink = (_OFF if model is None else model), sink
    try:
        yield
    finally:
        _override, _sink = saved


def refine_roles(
    mt: MappedText,
    sections: list[Section],
    sentences: list[Sentence],
    placements: list[Placement],
    year: int | None,
    terms: dict[str, Term | None] | None = None,
) -> None:
    """After the rules: let the model change a task / theme / context role where it is confident.
    Every sentence with a role says who decided it (``role_source``: rules | model)."""
    for s in sentences:
        if s.role is not None:
            s.role_source = "rules"
    model = active_model()
    if model is None and _sink is None:
        return
    features = sentence_features(mt, sections, sentences, placements, year, terms)
    if _sink is not None:
        _sink.append((sentences, features))
    if model is None:
        return
    changed = [(s, model.decide(s.role, f)) for s, f in zip(sentences, features) if f is not None and s.role]
    for s, role in changed:  # decided on the rules' roles of the neighbours, then applied
        if role is not None:
            s.role = role
            s.role_source = "model"
