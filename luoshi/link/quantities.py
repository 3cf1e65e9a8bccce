"""Targets whose metric is no known statistic (造林1万亩, 创建示范村15个): link them like a pledge.

The metric as written is the query; a review clause that covers it well and gives a
number in the same unit is the evidence, compared by the comparator (more done counts
as better). Review figures are often multi-year totals, so confidence stays low; with
no such number the target stays no_evidence rather than guessed from wording.

A name of planning words (拟安排) loses them; a name that says nothing counted (人均每年,
比例, 解决: ``synonyms.yaml`` target_names) is replaced by what its sentence says around the
figure (今明两年继续提高企业退休人员基本养老金，人均每年增长10%左右 → 企业退休人员基本养老金),
and its rate is looked for in the whole sentence of the clause that names it.

A programme's quoted short name (“示范村”达到300个) is a name however short: a clause quoting it again gives its
count. A count the review names in other words (新增规上企业 → 新增“升规纳统”企业) is looked for under each other
form of its group (``synonyms.yaml`` target_names.metric_forms) when its own words find nothing. A round milestone
written as a word (突破百亿元大关) is a number (``figures.WORD_FIGURE``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from luoshi import rules
from luoshi.link.aspect import counts_added
from luoshi.link.compare import judge
from luoshi.link.figures import WORD_FIGURE, number_value
from luoshi.link.index import bigrams
from luoshi.link.match import names_in
from luoshi.link.metrics import mentions
from luoshi.link.periods import multi_year
from luoshi.link.pledges import EvidenceIndex, canonical, unit_evidence
from luoshi.link.targets import split_unit
from luoshi.model import Indicator, Link
from luoshi.textmap import fold

MIN_NAME = 4  # shorter metric names (投资, 品牌) match too much
MIN_COVERAGE = 0.4
QUOTED_COVERAGE = 0.6  # a clause repeating a quoted programme name names it as surely as a well-covered clause
QUOTED_GAP = 4  # characters from a quoted name's closing quote to its count (“示范村”308个, “示范村”达到308个)
RATE_NAME = 8  # characters of a name whose rate (%) is looked for by wording
RATE_COVERAGE = 0.7
RATE_GAP = 12  # characters from the name's last word to its rate
SEARCH = 12  # candidate clauses read (plan clauses among them are skipped)
_MANY_YEARS = re.compile(r"累计|连续[两二三四五六七八九十\d]+年|[两二三四五六七八九十\d]+年来")
_MODAL_END = re.compile(r"[要再将还也都]+$")  # 人数要再 (增长10%): how the pledge is said, not the name
# a count said roughly (1900余个, 300多家) is a count of the same thing: 余/多 sits between number and counter
_NUMBER = re.compile(r"(\d+(?:\.\d+)?|" + WORD_FIGURE + r")\s*(万亿|亿|千万|万|千)?(?:余|多)?([^\d\s,，。；;、余多]{1,4})")
_CJK = re.compile(r"[\u3400-\u9fffA-Za-z]")
_QUOTES = re.compile(r"[“”\"「」『』]")
_CLAUSES = re.compile(r"[，。；：,;:]")
_PIECE_END = re.compile(r"[、，。；：,;:]")
_OBJECT_END = re.compile(r"(?:的)?问题$")  # 解决…安全饮水问题: the problem's name is the object


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern, re.Pattern, tuple[str, ...]]:
    cfg = rules.load("synonyms")["target_names"]
    alt = lambda ws: re.compile("|".join(map(re.escape, sorted((fold(w) for w in ws), key=len, reverse=True))))  # noqa: E731
    return alt(cfg["plan_words"]), alt(cfg["vague"]), tuple(fold(w) for w in cfg["people"])


def without_plan_words(name: str) -> str:
    """中央财政拟安排“三农”投入 → 中央财政“三农”投入: how the plan says it, not what is counted."""
    return _names()[0].sub("", fold(name))


def vague(name: str | None) -> bool:
    """A name that says nothing counted (人均每年, 比例, 再解决)."""
    plan, words, _ = _names()
    return len(_CJK.findall(words.sub("", plan.sub("", fold(name or ""))))) < 2


def _figure_at(ind: Indicator) -> tuple[str, int] | None:
    """The target's sentence (folded) and where its figure starts in it, or None when not found."""
    sentence = fold(ind.sentence)
    at = sentence.find(fold(ind.value_text))
    return (sentence, at) if at >= 0 else None


def _topic(ind: Indicator) -> str | None:
    """What the sentence says is counted, for a vague name: the clause before the figure (with
    the one before it when it is short) without vague and planning words, and for a count the
    object after the figure (再解决6000万人|安全饮水问题)."""
    plan, words, _ = _names()
    found = _figure_at(ind)
    if found is None:
        return None
    sentence, at = found
    clean = lambda t: words.sub("|", plan.sub("|", t))  # noqa: E731
    clauses = _CLAUSES.split(sentence[:at])
    before = clean(clauses[-1])
    if len(_CJK.findall(before)) < MIN_NAME and len(clauses) > 1:
        before = clean(clauses[-2]) + "|" + before
    after = ""
    if ind.unit != "%":
        after = _OBJECT_END.sub("", _CLAUSES.split(sentence[at + len(fold(ind.value_text)) :])[0])
    topic = (before + "|" + after).strip("|")
    return topic if len(_CJK.findall(topic)) >= MIN_NAME else None


def _query(ind: Indicator) -> str | None:
    """The metric as written; a short one (新开工) with the clause before it in its sentence,
    which names what is counted (加大保障性安居工程建设力度，今年新开工700万套以上)."""
    if vague(ind.metric):
        return _topic(ind)
    name = without_plan_words(ind.metric or "")
    if len(name) >= MIN_NAME:
        return name
    found = _figure_at(ind)
    if len(name) < 2 or found is None:
        return None
    sentence, at = found
    if f"“{name}”" in sentence[:at]:
        return name  # a programme's quoted short name (“示范村”达到300个) is a name of its own, however short
    # a count written before what it counts (启动…、21个|城中村改造): the name with the words after it in its piece
    after = _PIECE_END.split(sentence[at + len(fold(ind.value_text)) :], 1)[0]
    if after.startswith(name) and len(_CJK.findall(after)) >= MIN_NAME:
        return after
    clauses = _CLAUSES.split(sentence[:at])
    # the name's own clause when it says what is counted (落地品牌首店、旗舰店|30家); the clause before it too
    # when it is short (加大保障性安居工程建设力度，今年新开工|700万套): a long row's earlier works are other counts
    own = clauses[-1]
    if name in own and len(_CJK.findall(own)) >= 2 * MIN_NAME:
        return own
    query = "".join(clauses[-2:])
    return query if name in query and len(query) >= 2 * MIN_NAME else None


@lru_cache(maxsize=1)
def _metric_forms() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(f) for f in g["forms"]) for g in rules.load("synonyms")["target_names"]["metric_forms"])


def other_forms(query: str) -> list[tuple[str, str]]:
    """(query, form): ``query`` with its count named in each other way of its group (新增规上企业 → 升规纳统企业 …):
    ``synonyms.yaml`` target_names.metric_forms; the longest form the query holds is replaced."""
    for forms in _metric_forms():
        held = max((f for f in forms if f in query), key=len, default=None)
        if held is not None:
            return [(query.replace(held, f), f) for f in forms if f != held and f not in held]
    return []


def _unit_of(found: str, base: str) -> bool:
    """The counted noun after a number is the target's unit (万人 ~ 万农民受益; 家 ~ 户 for firms)."""
    return found.startswith(base) or (base == "人" and found.startswith(_names()[2])) \
        or found.startswith(_counters().get(base, ()))


@lru_cache(maxsize=1)
def _counters() -> dict[str, tuple[str, ...]]:
    """Counters that count the same things (企业16家 ~ 企业13户): each maps to the others of its group."""
    out: dict[str, tuple[str, ...]] = {}
    for group in rules.load("synonyms")["target_names"]["counters"]:
        for w in group:
            out[w] = tuple(x for x in group if x != w)
    return out


def _sentence(ev: EvidenceIndex, i: int) -> list[int]:
    return [k for k in ev.sentence_units(i) if k >= i]  # the figure follows the clause naming what is counted


def _rate_in_sentence(ind: Indicator, query: str, ev: EvidenceIndex, i: int):
    """(clause index, match) of the rate after the words naming it, in the clause ``i`` or the rest of its sentence."""
    _, words, _ = _names()
    # the last word naming what is counted (…基本养老金) or a word of the vague name itself (人均提高10%)
    anchors = [w[-2:] for w in re.split(r"\|+", query) if len(w) >= 2][-1:]
    anchors += [g for m in words.finditer(fold(ind.metric or "")) for g in bigrams(m.group())]
    last = None  # the last anchor seen, as (unit order, position)
    for k in _sentence(ev, i):
        folded = fold(ev.units[k].text)
        spots = sorted(p for a in anchors for p in [m.end() for m in re.finditer(re.escape(a), folded)])
        for m in _NUMBER.finditer(folded):
            if not m.group(3).startswith("%"):
                continue
            near = [p for p in spots if 0 <= m.start() - p <= RATE_GAP]
            if near or (last is not None and last[0] == k - 1 and m.start() + last[1] <= RATE_GAP):
                return k, m
        if spots:
            last = (k, len(folded) - spots[-1])
        elif last is not None:
            last = (k, last[1] + len(folded) + 1)
    return None


def link_quantity(ind: Indicator, ev: EvidenceIndex, link: Link) -> Link:
    """Fill ``link`` (a no_evidence indicator link) from lexical evidence, if any: the target's own words
    first, then each other name of its count (``synonyms.yaml`` target_names.metric_forms)."""
    _, base = split_unit(ind.unit)
    query = _query(ind)
    if not query or not base or base == "年":
        return link
    for q, form in ((query, None), *other_forms(query)):
        if _link_by_wording(ind, ev, link, q, form).status != "no_evidence":
            break
    return link


def _link_by_wording(ind: Indicator, ev: EvidenceIndex, link: Link, query: str, alias: str | None = None) -> Link:
    """``link`` filled from the first review clause covering ``query`` with a number in the target's unit;
    ``alias``: the other name of the target's count that ``query`` holds, which the clause must write in full
    (quotes aside: 新增“升规纳统”企业) and whose last words anchor the number."""
    scale, base = split_unit(ind.unit)
    is_vague = vague(ind.metric)
    least = MIN_COVERAGE
    if base == "%":
        # a rate of an unnamed statistic (贫困地区农村学生上重点高校人数增长10%): only when the
        # clause says the long name again nearly as written; a rate of something else is no evidence
        if len(query) < RATE_NAME and not is_vague:
            return link
        least = RATE_COVERAGE
    quoted = len(query) < MIN_NAME  # only a quoted programme's short name is so short a query (_query)
    if quoted:
        # “示范村”达到300个: a clause writing the name in quotes again (“示范村”308个) names the same programme
        quoted_name = canonical(f"“{query}”")
        found = [(i, QUOTED_COVERAGE) for i, t in enumerate(ev.texts) if quoted_name in t]
        names: list[str] = []
    else:
        names = names_in(ind.metric or "", [])  # a quoted programme (“三农”) is what is counted: the clause must name it
        found = ev.find(query, names, limit=SEARCH)
    review = [(i, ev.units[i], cov) for i, cov in found if ev.units[i].part not in ("plan", "goals") and cov >= least
              and all(canonical(n) in ev.texts[i] for n in names)
              and (alias is None or canonical(alias) in _QUOTES.sub("", ev.texts[i]))]
    own_name = alias or (query if is_vague else ind.metric or "")
    for i, unit, cov in review:
        if base == "%" and is_vague:
            hit = _rate_in_sentence(ind, query, ev, i)
            if hit is None:
                continue
            i, numbers = hit[0], [hit[1]]
            unit = ev.units[i]
        else:
            folded = fold(unit.text)
            tail = _MODAL_END.sub("", fold(own_name))[-2:]
            anchor = folded.rfind(tail)
            numbers = [m for m in _NUMBER.finditer(folded) if _unit_of(m.group(3), base)]
            if base == "%":
                # the rate right after the name's own last word (…人数连续两年增长10%), never a share of another one;
                # from a starting value, the rate reached (收集率由之前37.3%提升到77%)
                near = [k for k, m in enumerate(numbers) if anchor >= 0 and 0 <= m.start() - anchor <= RATE_GAP][:1]
                numbers = [numbers[k + 1 if _starting_value(folded, numbers[k]) and k + 1 < len(numbers) else k]
                           for k in near]
            elif quoted:
                # the count right after the quoted name (“示范村”308个), never the next programme's (“精品村”73个)
                end = folded.find("”", anchor) + 1 if anchor >= 0 else -1
                numbers = [m for m in numbers if end > 0 and 0 <= m.start() - end <= QUOTED_GAP][:1]
            else:
                numbers = [m for m in numbers if not _starting_value(folded, m)]
            if base != "%" and not quoted and anchor >= 0:
                # the number right after the metric's own words (驿站160家, not 照料中心20家)
                numbers.sort(key=lambda m: abs(m.start() - (anchor + len(tail))))
        if base != "%" and ev.periods is not None and ev.periods(i)[1] == ev.periods(i)[2]:
            # an annual review's running total (连续三年累计投入90亿元) is no amount for one year's target (a rate
            # 连续两年增长10% is one for each year)
            numbers = [m for m in numbers if not _MANY_YEARS.search(fold(unit.text), 0, m.start())]
        for m in numbers:
            value = number_value(m.group(1)) * split_unit((m.group(2) or "") + base)[0] / scale
            verdict = judge(ind.comparator, ind.value, ind.value_high, value, ind.unit, "higher")
            shown = base if m.group(3).startswith(base) else m.group(3)[: len(_people_word(m.group(3)))]
            actual = unit.text[m.start() : m.start(3) + len(shown)]
            link.status, link.confidence = verdict.status, round(0.3 + 0.3 * cov, 2)
            name = ind.metric if not is_vague else query.replace("|", "")
            phrase = verdict.phrase
            if verdict.status == "fulfilled" and _term_total(ind, ev, i):
                # 新增高标准农田41万亩 over five years for 新增高标准农田4万亩 this year: the year's figure is not given
                link.status, phrase = "partial", f"{phrase}（五年累计数，未见当年数）"
            said = f"（新报告称“{alias}”）" if alias else ""
            link.reason = f"目标 {name}{ind.value_text}{said}，新报告：{unit.text}（{actual}，可能为多年累计），{phrase}"
            link.evidence = [unit_evidence(ev, i, round(cov, 3), actual)]
            return link
    return link


_FROM = re.compile(r"(?:由|从)[^\d，。；,;]{0,6}$")
_TO = re.compile(r"[^\d，。；,;]{0,6}?(?:到|至)\d")


def _starting_value(folded: str, m: re.Match) -> bool:
    """``m`` is the value a change started from (由之前37.3%提升到77%, 从3家增加到12家): the figure reached follows it."""
    return bool(_FROM.search(folded, max(0, m.start() - 8), m.start()) and _TO.match(folded, m.start(3)))


def _term_total(ind: Indicator, ev: EvidenceIndex, i: int) -> bool:
    """Clause ``i`` is a line on a term reaching before the target's year, and the target counts work added in
    its year (新增…, 新建…): the clause's figure is the term's total, not the year's."""
    year = int(ind.period) if ind.period and ind.period.isdigit() else None
    return ev.periods is not None and multi_year(ev.periods(i), year) and counts_added(ind.metric)


def _people_word(found: str) -> str:
    return next((w for w in _names()[2] if found.startswith(w)), found[:1])


NAMED_CONFIDENCE = 0.6  # the figure of the sentence naming the row's work, not a figure named as the target's metric
_PIECE = re.compile(r"[^、，,；;：:。]+")


def in_named_sentence(ind: Indicator, ev: EvidenceIndex, row: Link, names: list[str], link: Link) -> Link:
    """``link`` (a row's own target the review gives no figure for by its name: 惠及群众不少于300万人次) filled
    from the sentence of the row's evidence, when that clause names the row's named work (“莞一夏”) and a piece
    of the sentence (between 、 and ，) gives a number in the target's counter beside words of the target's name
    (开展“莞一夏”公益活动，惠及…重点人群261万人次); of several such pieces (…100个…服务中心、200个智慧社区健身
    中心) the one holding most of the name. A piece naming a known statistic (固定资产投资6920亿元) is that one's."""
    scale, base = split_unit(ind.unit)
    if link.status != "no_evidence" or not base or base == "%" or not row.evidence or row.status == "no_evidence":
        return link
    top = row.evidence[0]
    i = next((k for k, u in enumerate(ev.units) if u.start == top.start and u.end == top.end), None)
    if i is None or ev.units[i].part not in ev.review_parts or not any(canonical(n) in ev.texts[i] for n in names):
        return link
    name = set(bigrams(fold(ind.metric or "")))
    best = None  # (share of the name, clause index, number)
    for k in _sentence(ev, i):
        folded = fold(ev.units[k].text)
        for piece in _PIECE.finditer(folded):
            shared = len(name & set(bigrams(piece.group()))) / len(name) if name else 0.0
            if shared == 0.0 or mentions(piece.group()) or (best is not None and shared <= best[0]):
                continue
            for m in _NUMBER.finditer(folded, piece.start(), piece.end()):
                if _unit_of(m.group(3), base) and not _MANY_YEARS.search(folded, 0, m.start()):
                    best = (shared, k, m)
                    break
    if best is None:
        return link
    _, k, m = best
    unit = ev.units[k]
    value = number_value(m.group(1)) * split_unit((m.group(2) or "") + base)[0] / scale
    verdict = judge(ind.comparator, ind.value, ind.value_high, value, ind.unit, "higher")
    actual = unit.text[m.start() : m.start(3) + len(base)]
    link.status, link.confidence = verdict.status, NAMED_CONFIDENCE
    link.reason = f"目标 {ind.metric or ''}{ind.value_text}，新报告在提及该项工作的句中：{unit.text}（{actual}），{verdict.phrase}"
    link.evidence = [unit_evidence(ev, k, NAMED_CONFIDENCE, actual)]
    return link
