"""Sentence roles of the goals and plan parts: task | theme | target | context.

Only task sentences become rows of the 任务分解表. A heading or a theme sentence
(the structure stage found them as sections) is a theme; the cues of
``rules/zh/roles.yaml`` mark context (ideology, background, predicted effects,
exhortations, relationship statements) and targets; a sentence with an action verb
in one of its clauses is a task; what is left states a figure (target) or is
context. Inside a five-year part, a sentence that only describes the state to be
reached (…更加牢固, 覆盖率达到50.3%) is a target of the term, not a task.
Sentences of the closing (after the plan, outside any part) are context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi.extract.actions import any_verb, find_head
from luoshi.model import Section, Sentence, SentenceRole
from luoshi.rules import load
from luoshi.structure.rules import _compile
from luoshi.structure.terms import Term, section_terms
from luoshi.textmap import MappedText, fold

FORWARD = frozenset({"goals", "plan"})
_HEADING_MAX = 60  # a longer "heading" sentence (一是…，…) is a task written under a marker
_TRIM = re.compile(r"^[\s,;:、.。!?“”]+|[\s,;:、.。!?]+$")
_CLAUSE = re.compile(r"[^,;:]+")
_DIGIT = re.compile(r"\d")
THEME_LEVEL = 4  # theme sentences and bullets; numbered headings are above it
_QUOTED = re.compile(r"“[^”]*”")
_OPENING = 2  # a head verb this close to a clause's start opens it (加快推进, 新建)


@dataclass(frozen=True)
class RoleRules:
    context: tuple[tuple[str, re.Pattern[str]], ...]
    target: tuple[tuple[str, re.Pattern[str]], ...]
    context_any: re.Pattern[str]  # every context cue in one alternation (speed)
    target_any: re.Pattern[str]
    paragraph_context: re.Pattern[str]
    points_lead: re.Pattern[str]
    explanation: re.Pattern[str]
    explanation_keep: re.Pattern[str]
    term_target: re.Pattern[str]
    term_state: re.Pattern[str]
    term_aim: re.Pattern[str]
    vision_title: re.Pattern[str]
    requirements_title: re.Pattern[str]
    positioning_title: re.Pattern[str]
    theme_max: int
    copula: re.Pattern[str]
    connective: re.Pattern[str]
    contrast: re.Pattern[str]
    national_context: re.Pattern[str]
    national_macro_theme: re.Pattern[str]
    measures_lead: re.Pattern[str]
    cross_strait_work: re.Pattern[str]
    pledged_work: re.Pattern[str]
    pledged_overrides: frozenset[str]
    frame_theme: re.Pattern[str]
    opener_work: re.Pattern[str]
    opener_programme: re.Pattern[str]
    battle_aim: re.Pattern[str]
    ordinal_theme: re.Pattern[str]
    ordinal_max: int
    listed_quota: re.Pattern[str]
    sub_theme_max: int
    sub_theme_recur: int
    sub_theme_recur_numbered: int
    sub_theme_first: int
    programme: re.Pattern[str]
    doctrine_work: re.Pattern[str]
    deliverable: re.Pattern[str]
    vote: re.Pattern[str]
    voted_pledge: re.Pattern[str]
    address: re.Pattern[str]
    address_keep: re.Pattern[str]
    address_pledge: re.Pattern[str]


@dataclass
class Placement:
    """Where a sentence sits: its paragraph, its index there, the paragraph's sentence count,
    and whether the paragraph introduces a part (under a 一、/（一） heading)."""

    para: int
    index: int
    count: int
    intro: bool = False


@lru_cache(maxsize=None)
def role_rules() -> RoleRules:
    data = load("roles")
    return RoleRules(
        context=tuple((e["name"], _compile(e["pattern"], "roles")) for e in data["context"]),
        target=tuple((e["name"], _compile(e["pattern"], "roles")) for e in data["target"]),
        context_any=_compile("|".join(f"(?:{e['pattern']})" for e in data["context"]), "roles"),
        target_any=_compile("|".join(f"(?:{e['pattern']})" for e in data["target"]), "roles"),
        paragraph_context=_compile(data["paragraph_context"]["pattern"], "roles"),
        points_lead=_compile(data["points_lead"]["pattern"], "roles"),
        explanation=_compile(data["explanation"]["pattern"], "roles"),
        explanation_keep=_compile(data["explanation"]["keep"], "roles"),
        term_target=_compile(data["term_target"]["pattern"], "roles"),
        term_state=_compile(data["term_state"]["pattern"], "roles"),
        term_aim=_compile(data["term_aim"]["pattern"], "roles"),
        vision_title=_compile(data["vision_title"]["pattern"], "roles"),
        requirements_title=_compile(data["requirements_title"]["pattern"], "roles"),
        positioning_title=_compile(data["positioning_title"]["pattern"], "roles"),
        theme_max=int(data["theme_opener"]["max_chars"]),
        copula=_compile(data["copula"]["pattern"], "roles"),
        connective=_compile(data["connective"]["pattern"], "roles"),
        contrast=_compile(data["contrast"]["pattern"], "roles"),
        national_context=_compile(data["national_context"]["pattern"], "roles"),
        national_macro_theme=_compile(data["national_macro_theme"]["pattern"], "roles"),
        measures_lead=_compile(data["measures_lead"]["pattern"], "roles"),
        cross_strait_work=_compile(data["cross_strait_work"]["pattern"], "roles"),
        pledged_work=_compile(data["pledged_work"]["pattern"], "roles"),
        pledged_overrides=frozenset(data["pledged_work"]["overrides"]),
        frame_theme=_compile(data["frame_theme"]["pattern"], "roles"),
        opener_work=_compile(data["opener_work"]["pattern"], "roles"),
        opener_programme=_compile(data["opener_programme"]["pattern"], "roles"),
        battle_aim=_compile(data["battle_aim"]["pattern"], "roles"),
        ordinal_theme=_compile(data["ordinal_theme"]["pattern"], "roles"),
        ordinal_max=int(data["ordinal_theme"]["max_chars"]),
        listed_quota=_compile(data["listed_quota"]["pattern"], "roles"),
        sub_theme_max=int(data["sub_theme"]["max_chars"]),
        sub_theme_recur=int(data["sub_theme"]["recur"]),
        sub_theme_recur_numbered=int(data["sub_theme"]["recur_numbered"]),
        sub_theme_first=int(data["sub_theme"]["first_within"]),
        programme=_compile(data["sub_theme"]["programme"], "roles"),
        doctrine_work=_compile(data["doctrine_work"]["pattern"], "roles"),
        deliverable=_compile(data["deliverable"]["pattern"], "roles"),
        vote=_compile(data["voted_pledge"]["vote"], "roles"),
        voted_pledge=_compile(data["voted_pledge"]["pledge"], "roles"),
        address=_compile(data["address_coda"]["pattern"], "roles"),
        address_keep=_compile(data["address_coda"]["keep"], "roles"),
        address_pledge=_compile(data["address_coda"]["pledge"], "roles"),
    )


def is_theme_opener(length: int) -> bool:
    """A paragraph's first sentence this short (terminator included) states its theme."""
    return length - 1 <= role_rules().theme_max


_STANCE_CUES = frozenset({"relationship", "judgement"})  # cues that concrete cross-strait work overrides


def _context_cue(text: str) -> bool:
    r = role_rules()
    text = r.connective.sub("", text, count=1)
    if r.context_any.search(text) is None:
        return False
    if (_work_then_relationship(text) or _review_then_directive(text) or _doctrine_then_work(text)
            or _opens_with_programme(text)):
        return False
    if r.pledged_work.search(text) is not None:  # 民生实事 delivered, 八项规定: stated as a pledge, still work
        return any(p.search(text) for name, p in r.context if name not in r.pledged_overrides)
    if r.cross_strait_work.search(text) is None:
        return True
    return any(p.search(text) for name, p in r.context if name not in _STANCE_CUES)


def _opens_with_programme(text: str) -> bool:
    """开展党建固本强基行动,…,当好…的执行者、行动派、实干家 / 实施“北斗+”系列融合示范工程,…,抢抓…机遇期: a first
    clause launching a named programme is a row an office tracks; stance or background words later in the
    sentence do not make it context."""
    clauses = trimmed_clauses(text)
    return bool(clauses) and role_rules().programme.search(clauses[0]) is not None


# The political conduct stance of 政府自身建设 (领悟“两个确立”, 做到“两个维护”, 勇于自我革命); a first clause
# holding a stance word (贯彻…思想, 拥护…) is the stance itself, not a piece of work that opens the sentence.
_CONDUCT = re.compile(r"两个确立|两个维护|自我革命|四个意识|四个自信|领悟|刀刃向内")
_STANCE_WORDS = re.compile(r"贯彻|践行|领悟|拥护|思想|精神|第一议题")  # 落实“第一议题”制度: study of the leader's words first


def _work_then_relationship(text: str) -> bool:
    """全面推进严格规范公正文明执法,…,依法接受人大…监督,…: work an office reports on opens the sentence and
    the relationship to other institutions only follows it; the relationship cue alone does not make it context.
    The same holds for the conduct stance after the government's own work (巩固拓展主题教育成果,坚持“两个确立”,…;
    深入推进政府系统廉政建设,勇于自我革命,…): unless the first clause is itself a stance (全面贯彻…思想,…)."""
    r = role_rules()
    names = [name for name, p in r.context if p.search(text)]
    if names not in (["relationship"], ["ideology"]):
        return False
    first = next((c for c in (_TRIM.sub("", c) for c in _CLAUSE.findall(text)) if c), "")
    if names == ["ideology"]:
        m = dict(r.context)["ideology"].search(text)
        if (m is None or not _CONDUCT.search(m.group()) or m.start() < text.find(first) + len(first)
                or _STANCE_WORDS.search(first)):
            return False
    return _opens_with_task([first]) and dict(r.context)[names[0]].search(first) is None


def _doctrine_then_work(text: str) -> bool:
    """深入践行习近平法治思想,…,严格落实重大行政决策程序制度,…: the doctrine opens a sentence of the government's
    own rule-of-law or discipline work; the ideology cue, its only one, does not make it context."""
    r = role_rules()
    return r.doctrine_work.search(text) is not None and all(
        name == "ideology" for name, p in r.context if p.search(text))


_REVIEW_CUES = frozenset({"reasoning", "situation"})  # cues of what was or why; a closing directive outweighs them
# the last clause opens with a directive: (今年)(还/也/再)要/将/必须 + the work (…今年要扩大到511户)
_TAIL_DIRECTIVE = re.compile(r"^(?:今年|明年|今后)?(?:还|也|再|都)?(?:要|将|必须)(?![是为会])")


def _review_then_directive(text: str) -> bool:
    """不少地方开辟多种渠道,扩大就业,走出了新路子,要推广这些经验。 / 国家已经组织了57户企业集团试点,今年要
    扩大到120户。: what was done or why (a perfective 了, 这是…的) leads into a directive in the sentence's last
    clause, which is the work. Not after a colon (主要基于两方面考虑:一方面,要…: the reasons are listed)."""
    r = role_rules()
    if ":" in text:
        return False
    names = {name for name, p in r.context if p.search(text)}
    if not names or not names <= _REVIEW_CUES:
        return False
    clauses = trimmed_clauses(text)
    if len(clauses) < 2:
        return False
    m = _TAIL_DIRECTIVE.match(clauses[-1])
    if m is None:
        return False
    rest = clauses[-1][m.end():]
    head = find_head(rest)
    return (head is not None and head.start <= _OPENING) or any_verb(rest) is not None


def cue_role(sentence: str) -> SentenceRole | None:
    """The role a cue of roles.yaml gives ``sentence`` (folded or not), or None; a leading
    connective (同时, 但是…) is set aside first."""
    text = role_rules().connective.sub("", fold(sentence), count=1)
    if _context_cue(text):
        return "context"
    if role_rules().target_any.search(text):
        return "target"
    if _copula(text) and not _judged_then_work(text) and not _measures_follow(text):
        return "context"
    return None


def _copula(text: str) -> bool:
    """A judgement (…是…) the sentence itself makes: a 是 inside a quoted name (牢固树立“成就企业就是成就我们自己”
    意识) is the name's, and a long quoted name before 是 (…“七个持续发力”要求,就是…) counts as one word."""
    return role_rules().copula.search(_QUOTED.sub("“”", text)) is not None


def judged_context(sentence: str) -> bool:
    """A context cue or a judgement (…是…) opens ``sentence``: it weighs, it does not announce work."""
    body = _TRIM.sub("", fold(sentence))
    return _context_cue(role_rules().connective.sub("", body, count=1)) or _copula(body)


def _measures_follow(text: str) -> bool:
    """主要措施是：逐年加大… / 财政体制改革的重点，是健全…: a copula that introduces the measures,
    with an action verb opening what follows, is the work."""
    m = role_rules().measures_lead.match(text)
    if m is None:
        return False
    rest = _CLAUSE.match(text, m.end())
    head = find_head(_TRIM.sub("", rest.group())) if rest else None
    return head is not None and head.start <= _OPENING


_THEN_WORK = re.compile(r",[^,。;]{0,12}?(?:要|将)(?![是为会])([^,。;]+)")


def _judged_then_work(text: str) -> bool:
    """食品药品安全是人们关注的突出问题,要改革和健全食品药品安全监管体制…; 枢纽是郑州的核心优势,我们将持续
    深化…; 发展职业教育是一项重要而紧迫的任务,今后五年中央财政将投入100亿元…: a judgement that leads
    into work stated as (its subject) 要 / 将 + an action verb is the work."""
    m = _THEN_WORK.search(text)
    if m is None:
        return False
    head = find_head(_TRIM.sub("", m.group(1)))
    return head is not None and head.start <= _OPENING


def opens_with_deliverable(body: str) -> bool:
    """编制实施文化强市规划,弘扬…: the first clause names a plan or programme to draw up or launch, a row of its own
    even where the sentence stands as a section's aim."""
    clauses = trimmed_clauses(body)
    return bool(clauses) and role_rules().deliverable.search(clauses[0]) is not None


def names_deliverable(body: str) -> bool:
    """深入践行人民城市理念,编制实施全域空间发展战略规划,…: a clause names a plan or programme to draw up or launch;
    a part's introduction states its aims, but such a plan is a row wherever it stands in the sentence."""
    return any(role_rules().deliverable.search(c) for c in trimmed_clauses(body))


def _has_verb(body: str) -> bool:
    """An action head in a clause, or a verb later in a clause that is not a frame (聚焦…)."""
    return has_task_verb(body) or any(any_verb(c) is not None for c in _CLAUSE.findall(body))


def has_task_verb(sentence: str) -> bool:
    """True when a clause of ``sentence`` (normalized) has an action head."""
    return any(find_head(_TRIM.sub("", c)) is not None for c in _CLAUSE.findall(sentence) if _TRIM.sub("", c))


def _opens_with_task(clauses: list[str]) -> bool:
    if clauses and role_rules().term_aim.match(clauses[0]):
        return False  # 力争到2025年, … states where the term ends, not work
    head = find_head(clauses[0]) if clauses else None
    return head is not None and head.start <= _OPENING


def _term_target(body: str) -> bool:
    """A five-year goal stating the state to reach (水质稳中向好, 覆盖率达到50.3%), not work."""
    clauses = trimmed_clauses(body)
    if not clauses or _opens_with_task(clauses):  # nothing but punctuation states no goal
        return False
    if role_rules().term_aim.match(clauses[0]):
        return True
    if role_rules().term_target.search(",".join(clauses[:2])) is not None:
        return True
    # a state reached (…能力明显增强, …基本形成), unless a later clause opens with work
    return role_rules().term_state.search(clauses[0]) is not None and not any(
        _opens_with_task([c]) for c in clauses[1:])


def _goes_on_target(body: str) -> bool:
    """A sentence after the expected targets that states a measure (a term target, or a figure
    under a subject: 在安全保障方面,粮食播种面积稳定在560万亩左右), not work."""
    if _term_target(body):
        return True
    clauses = trimmed_clauses(body)
    return bool(_DIGIT.search(body)) and not _opens_with_task(clauses)


def sentence_role(
    sentence: str,
    *,
    heading: bool = False,
    opener: bool = False,
    intro: bool = False,
    term: bool = False,
    plan: bool = False,
) -> SentenceRole:
    """Role of one goals/plan sentence (normalized text). ``heading``: it is a section title;
    ``opener``: a short first sentence of a longer paragraph; ``intro``: it lies in a part's
    introduction paragraph; ``term``: it lies in a five-year part; ``plan``: in the plan part
    (a figure without a verb there is an allocation: 中央财政扶贫资金增长43.4%)."""
    body = _TRIM.sub("", sentence)
    r = role_rules()
    # a numbered point found as a heading (一是⏎遵循市场经济规律，…: the marker on a line of its own) is read as
    # the same point written inline: a theme when short, else the measure it carries
    if heading and len(body) <= _HEADING_MAX and not (r.ordinal_theme.search(body) and len(body) > r.ordinal_max):
        return "context" if _context_cue(body) else "theme"
    if opener:  # a slogan without a verb in clauses (为政之道，民生为本) or a judgement is context;
        # a one-clause opener announces its paragraph even with a verb the lexicon lacks (扎实有效去产能)
        if _context_cue(body) or _copula(body) or (not _has_verb(body) and _INNER_PUNCT.search(body)):
            return "context"
        if r.opener_work.search(body) or r.opener_programme.search(body) or _states_quota(body):
            return "task"  # 抓紧研究制定促进中部地区崛起的规划和措施: a deliverable, not an area; so are a named
            # campaign of the place (开展交通水利设施提升行动) and a quota
        return "theme"
    if len(body) <= r.ordinal_max and r.ordinal_theme.search(body):
        return "theme"
    cue = cue_role(body)
    if cue is not None:
        return cue
    if (intro and r.pledged_work.search(body) is None and not names_deliverable(body)) or r.frame_theme.search(body):
        return "theme"  # a part's introduction states its aims, but the year's 民生实事 counted there are work
    if term and _term_target(body):
        return "target"
    if r.contrast.search(body) and not has_task_verb(body):
        return "context"  # 基本面没有改变,但…问题仍然突出: a weighing of the situation
    if r.term_state.search(body) and not _opens_with_task(trimmed_clauses(body)) and not _DATED.search(body):
        return "context"  # 中国与发展中国家的团结合作明显加强: a state reached (or to reach), not a piece of work
    if _has_verb(body):
        return "task"
    if term:
        return "target"
    if _directive(body):
        return "task"  # 地方财政要收支平衡,留有余地: a directive whose verb the lexicon lacks is still work
    if r.pledged_work.search(body):
        return "task"  # 持续为基层减负,让基层…: work an office tracks, whose verb the lexicon lacks
    if _DIGIT.search(body):
        if plan and _PAST_FIGURE.search(body) and not _FORWARD_WORD.search(body):
            return "context"  # 从2003年到2006年年均超收2040亿元,其中去年超收2573亿元: what was, not work
        return "task" if plan else "target"
    return "context"


def _states_quota(body: str) -> bool:
    """三大旗帜型产业立足基础优势、提级增效,新增产值600亿元以上: a quantity of work with its measure word (not a
    rate: 增长6%左右 is a target's shape), which no theme of an area states. A dash bullet (——新增泊位3000个。)
    keeps the bullet's reading."""
    return not body.startswith("——") and any(
        not m.group().endswith("%") for m in role_rules().listed_quota.finditer(body))


# a clause that opens with its subject (at most 12 characters) and a modal: 地方财政要…, 成人教育要与…结合起来
_MODAL_CLAUSE = re.compile(
    r"^(?![^,;:]*(?:指出|说过|强调))[^,;:]{0,12}?(?<![重主需只纲摘紧首不必概扼简想])(?:要|必须)(?![求素点是害])[^,;:]{2,}")


def _directive(body: str) -> bool:
    """A clause opens with (a subject and) 要 / 必须 followed by what to do."""
    return any(_MODAL_CLAUSE.match(c) for c in trimmed_clauses(body))


def _vision_sections(sections: list[Section]) -> set[str]:
    """Sections under a long-range vision (2035年远景目标): like a five-year part, their sentences
    that only state the state to reach are targets."""
    by_id = {s.id: s for s in sections}
    vision = role_rules().vision_title
    out = set()
    for sec in sections:
        cur: Section | None = sec
        while cur is not None:
            if vision.search(fold(cur.title)):
                out.add(sec.id)
                break
            cur = by_id.get(cur.parent) if cur.parent else None
    return out


def _in_term(s: Sentence, terms: dict[str, Term | None], vision: set[str]) -> bool:
    """The sentence lies in a five-year part (before a mixed part's turn to the year) or a vision."""
    term = terms.get(s.section or "")
    return (term is not None and term.covers(s.start)) or s.section in vision


def assign_roles(
    mt: MappedText,
    sections: list[Section],
    sentences: list[Sentence],
    placements: list[Placement] | None = None,
    year: int | None = None,
    national: bool = False,
    terms: dict[str, Term | None] | None = None,
) -> None:
    """Set ``role`` on every goals/plan sentence and on the closing's sentences.
    ``placements`` (aligned with ``sentences``) say where each sits in its paragraph;
    ``national``: the State Council's report, where defence education and mobilisation are
    the armed forces' side, not a ministry's work (a city's 国防动员 stays a task)."""
    heading_level = {s.start: s.level for s in sections}
    if terms is None:
        terms = section_terms(mt, sections, year)
    vision = _vision_sections(sections)
    r = role_rules()
    # a part on the year's requirements and targets only holds no work of its own
    requirements = {sec.id for sec in sections if r.requirements_title.search(_TRIM.sub("", fold(sec.title)))}
    # a section on the term's strategic positioning states what the city is to be (一是建设全国先进制造业基地。)
    positioning = {sec.id for sec in sections if r.positioning_title.search(_TRIM.sub("", fold(sec.title)))}
    forward_seen = False
    context_para: int | None = None  # a paragraph whose opening makes all of it context
    explain_para: int | None = None  # a paragraph explaining a target or a choice (关于物价总水平。…)
    target_para: int | None = None  # the paragraph of the expected-targets sentence
    pointed_para: int | None = None  # a paragraph where a numbered point (一是…) has begun
    points: list[int] = []  # sentences made themes by their ordinal (一是…, 二要…)
    numbered: list[int] = []  # every numbered point (一是…, 二要…), short or long
    whole: set[int] = set()  # paragraphs made context as a whole (review, explanation)
    whole_titled: set[int] = set()  # paragraphs under a title line of their own
    # a lead-in paragraph announcing the principles to grasp (要把握好以下三点。): its section and the level
    # of the numbered points under it; the paragraph of the current point
    lead_in: tuple[str, int | None] | None = None
    point_para: int | None = None
    targets_run = False  # right after the expected-targets sentence, through the items listing them
    goal_list = False  # a five-year part's goals listed in dash bullets after its goals sentence
    titled = False  # the sentence before was a title line over this paragraph
    voted: tuple[int, int] | None = None  # (paragraph, index) of the sentence putting 民生实事 to the vote
    for k, s in enumerate(sentences):
        place = placements[k] if placements else None
        if s.part in FORWARD:
            forward_seen = True
            text = mt.text[mt.to_norm(s.start) : mt.to_norm(s.end)]
            body = _TRIM.sub("", fold(text))
            if place is not None and place.index == 0 and place.para != target_para and not body.startswith("——"):
                goal_list = False
            if place is not None and place.index == 0:
                # a look back that turns (一年来…取得了较好的效果,但当前治安形势依然不容乐观。) leads into the
                # paragraph's work: only its own sentence is context
                context_para = place.para if (r.paragraph_context.search(fold(text))
                                              and not r.contrast.search(body)) else None
                explain_para = place.para if r.explanation.search(body) else None
            level = heading_level.get(s.start)
            if lead_in is not None and not _within(s.section, lead_in[0]):
                lead_in, point_para = None, None
            if place is not None and place.index == 0:
                if place.count == 1 and r.points_lead.search(body) and not _in_term(s, terms, vision):
                    lead_in = (s.section or "", None)
                elif (lead_in is not None and level is not None and level < THEME_LEVEL and s.section != lead_in[0]
                      and lead_in[1] in (None, level)):
                    lead_in, point_para = (lead_in[0], level), place.para
                elif (lead_in is not None and lead_in[1] is None and (level is None or level >= THEME_LEVEL)
                      and place.count > 1 and is_theme_opener(len(text))):
                    point_para = place.para  # a point written as its paragraph's opener (必须坚持党的领导。…)
                elif lead_in is not None and (lead_in[1] is None or level is None or level <= lead_in[1]):
                    lead_in, point_para = None, None  # the points end at a paragraph that is no point nor under one
            if place is not None and place.para == point_para and place.index > 0:
                s.role = "context"  # a principle stated under its point (第二，保持稳增长与调结构的平衡。…)
                whole.add(place.para)
                continue
            if place is not None and place.para == context_para:
                s.role = "context"
                whole.add(place.para)
                continue
            if place is not None and place.para == explain_para and not r.explanation_keep.search(body):
                s.role = "context"
                whole.add(place.para)
                continue
            if place is not None and r.ordinal_theme.search(body):
                if not (level is not None and level < THEME_LEVEL and place.index == 0 and place.count == 2):
                    pointed_para = place.para
                numbered.append(k)
                if len(body) <= r.ordinal_max:
                    points.append(k)
            listed = level is not None and _listed_work(text)
            if targets_run and level is not None and _numbered_figure(text):
                s.role = "target"  # 主要预期目标是: 1.地区生产总值增长6%左右。2.城镇新增就业10万人以上。
                continue
            targets_run = False
            title = placements is not None and _title_line(mt, sentences, placements, k, level)
            # under a title line, the paragraph's short first sentence is its first piece of work
            opener = not listed and (title or not titled and ((level is not None and level >= THEME_LEVEL) or (
                place is not None and place.index == 0 and place.count > 1 and is_theme_opener(len(text))
                and not r.connective.match(body)  # 同时,加强…: the paragraph goes on with the work before it
            )))
            titled = title
            if title:
                whole_titled.add(place.para + 1)  # a titled paragraph has its theme above it, no sub-headings
            s.role = sentence_role(
                text,
                heading=level is not None and level < THEME_LEVEL and not listed,
                opener=opener,
                intro=place is not None and place.intro and place.para != pointed_para,
                term=_in_term(s, terms, vision),
                plan=s.part == "plan",
            )
            if (s.role == "task" and place is not None and place.index < place.count - 1
                    and r.battle_aim.search(body) and len(trimmed_clauses(body)) <= 2):
                s.role = "theme"  # …,深入打好蓝天、碧水、净土保卫战。 heads the measures after it in its paragraph
            if national and s.role == "task" and r.national_context.search(body):
                s.role = "context"
            if national and s.role in ("task", "context") and r.national_macro_theme.search(body):
                s.role = "theme"  # the year's fiscal and monetary stance heads the measures that follow
            if place is not None and s.role == "target" and _expected_targets(body):
                target_para = place.para
                targets_run = True  # numbered items right after it are the targets listed
                # its goals listed in the dash bullets after it (not a list of tasks announced after it)
                goal_list = _in_term(s, terms, vision) and place.index == place.count - 1
            elif place is not None and place.para == target_para and s.role == "task" and _goes_on_target(body):
                s.role = "target"  # the expected targets go on: 单位国内生产总值能耗下降3.4%以上…
            elif goal_list and s.role == "task" and not _opens_with_task(trimmed_clauses(body)):
                s.role = "target"  # ——创新水平大幅跃升。区域协同创新体系加快构建，…: a goal of the term, not work
            if s.role == "task" and s.section in requirements:
                s.role = "context"  # the stance that carries the targets (必须下好…“先手棋”), not a task
            if (s.role in ("task", "theme") and any(_within(s.section, sec) for sec in positioning)
                    and not (s.section in positioning and level is not None)):
                s.role = "context"  # a point of the positioning (inline or as a sub-heading), not a piece of work
            if place is not None and r.vote.search(body):
                voted = (place.para, place.index)
            elif (place is not None and voted == (place.para, place.index - 1) and s.role == "context"
                  and r.voted_pledge.search(body)):
                s.role = "task"  # 我们将…把每一项实事都办到群众心坎上: delivering the 民生实事 just put to the vote
        elif forward_seen and s.part == "other":
            s.role = "context"
    if placements:
        _lone_points(mt, sentences, placements, points)
        _series_points(mt, sentences, numbered)
        _sub_themes(mt, sentences, placements, heading_level, whole | whole_titled)
        _heading_aims(mt, sentences, placements, heading_level, whole)
        _address_codas(mt, sentences, placements, heading_level)


def _forward_paragraphs(
    sentences: list[Sentence], placements: list[Placement], skip: set[int] | frozenset[int] = frozenset()
) -> list[list[int]]:
    """The sentence indexes of each paragraph of the goals and plan parts, in text order; paragraphs in ``skip``
    (made context as a whole) left out."""
    paras: dict[int, list[int]] = {}
    for k, s in enumerate(sentences):
        if s.part in FORWARD and placements[k].para not in skip:
            paras.setdefault(placements[k].para, []).append(k)
    return list(paras.values())


_TIGHT = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*")


def _title_line(
    mt: MappedText, sentences: list[Sentence], placements: list[Placement], k: int, level: int | None
) -> bool:
    """进一步发挥货币政策的作用。⏎金融系统要正确处理…。中国人民银行要…: a short one-sentence line without a
    marker, set on a line of its own right above its paragraph (no blank line between them, as the bold
    sub-titles of the State Council's reports of 1988-2004 are), titles that paragraph: a theme, and the
    paragraph's own first sentence is its first piece of work. A city report set in Markdown separates its
    paragraphs by blank lines, so a one-line paragraph there is a task of its own."""
    place, s = placements[k], sentences[k]
    if level is not None or place.count != 1 or k + 1 >= len(sentences):
        return False
    nxt, nplace = sentences[k + 1], placements[k + 1]
    if nplace.para != place.para + 1 or nplace.count < 2 or nxt.part != s.part:
        return False
    text = mt.original[s.start:s.end]
    return is_theme_opener(len(text.strip())) and _TIGHT.fullmatch(mt.original[s.end:nxt.start]) is not None


def _within(section: str | None, root: str) -> bool:
    """``section`` is ``root`` or one of its subsections (s2.1 under s2)."""
    return section is not None and (section == root or section.startswith(root + "."))


def _listed_work(text: str) -> bool:
    """A numbered line that is a whole sentence stating quantities of work (1.全市完成老旧小区改造项目151个，
    其中中心城区46个。 in a list of 民生实事) is an item of a list, not a heading over what follows (a dash
    bullet or a theme sentence is not numbered: ——城镇新增就业10万人以上。 stays as the structure reads it)."""
    body = fold(text).strip()
    return body.endswith("。") and _MARKER.match(body) is not None and role_rules().listed_quota.search(
        body) is not None and _has_verb(
        _TRIM.sub("", _MARKER.sub("", body)))


def _numbered_figure(text: str) -> bool:
    """A numbered line that is a whole sentence with a figure (2.城镇新增就业10万人以上。)."""
    body = fold(text).strip()
    marker = _MARKER.match(body)
    return body.endswith("。") and marker is not None and _DIGIT.search(body, marker.end()) is not None


_MARKER = re.compile(r"^(?:\d{1,2}[.、]|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))\s*")


def _expected_targets(body: str) -> bool:
    """The year's expected-targets sentence (主要预期目标是…), whose paragraph goes on with targets;
    a year's money-supply or emission figure stands alone among the measures of its paragraph."""
    return dict(role_rules().target)["expected_targets"].search(body) is not None


def trimmed_clauses(body: str) -> list[str]:
    """The sentence's clauses (cut at , ; :), each trimmed, empty ones dropped."""
    return [c for c in (_TRIM.sub("", c) for c in _CLAUSE.findall(body)) if c]


def sentence_body(mt: MappedText, s: Sentence) -> str:
    """The sentence as the cues read it: folded, blanks and punctuation trimmed at both ends."""
    return _TRIM.sub("", fold(mt.text[mt.to_norm(s.start) : mt.to_norm(s.end)]))


def _lone_points(mt: MappedText, sentences: list[Sentence], placements: list[Placement], points: list[int]) -> None:
    """A numbered point followed in its paragraph by nothing but the next point is the work itself."""
    r = role_rules()
    for k in points:
        if sentences[k].role != "theme":
            continue
        place, nxt = placements[k], k + 1
        if nxt < len(sentences) and (placements[nxt].para == place.para or place.count == 1):
            # a point standing as its own paragraph (第一，深化政府机构改革。) heads the paragraph after it
            # unless that paragraph is the next point
            following = sentence_body(mt, sentences[nxt])
            if not r.ordinal_theme.search(following):
                continue
        body = sentence_body(mt, sentences[k])
        if _has_verb(body):
            sentences[k].role = "task"


_ORDINAL = re.compile(r"^(?:[^,。:;]{2,12}:)?(?:([一二三四五六七八九十])(?:是|要)|第([一二三四五六七八九十]),)")


def _series(mt: MappedText, sentences: list[Sentence], numbered: list[int]) -> list[list[int]]:
    """Numbered points grouped into lists: a list restarts at 一 or in another part."""
    out: list[list[int]] = []
    for k in numbered:
        s = sentences[k]
        m = _ORDINAL.search(sentence_body(mt, s))
        first = m is not None and (m.group(1) or m.group(2)) == "一"
        if out and not first and sentences[out[-1][-1]].part == s.part:
            out[-1].append(k)
        else:
            out.append([k])
    return out


def _series_points(mt: MappedText, sentences: list[Sentence], numbered: list[int]) -> None:
    """The points of one list are of one kind: where most points of a list carry their measure
    (tasks: 一要大力发展生产，…；三要加快健全储备体系…), its short points are measures too
    (二要严格控制工业用粮和粮食出口。 followed by one sentence of detail)."""
    for series in _series(mt, sentences, numbered):
        roles = [sentences[k].role for k in series]
        if len(series) < 3 or roles.count("task") * 2 <= len(series):
            continue
        for k in series:
            s = sentences[k]
            if s.role == "theme" and _has_verb(sentence_body(mt, s)):
                s.role = "task"


_INNER_PUNCT = re.compile(r"[,、;:]")
_CLAUSE_PUNCT = re.compile(r"[,;:]")
_SLOGAN = re.compile(r"^(?:坚持)?[^、]{4}(?:、[^、]{4})+$")  # 坚持对标对表、铸牢忠诚: four-character phrases


_DATED = re.compile(r"今年|明年|年内|年底|年前|今明两年|[将拟]")
# A verb-less figure of the plan part is an allocation (中央财政今年安排…), unless it reports the past.
_PAST_FIGURE = re.compile(r"去年|上年|前年|过去|\d{4}年(?:到|至|-)\d{4}年")
_FORWARD_WORD = re.compile(r"今年|明年|将|要|拟|安排|预计|力争|确保")


def _one_clause(body: str) -> bool:
    """No clause break; a 、 only inside a quoted name (放大“小切口、大撬动”改革效应) or between the
    four-character phrases of a slogan (坚持党群同心、双向奔赴), the shape of a sub-heading over the conduct
    it names; 加快重点领域、新兴领域创制性立法 lists the objects of one piece of work."""
    if _CLAUSE_PUNCT.search(body):
        return False
    bare = _QUOTED.sub("“”", body)
    return "、" not in bare or _SLOGAN.search(bare) is not None


def _short_line(body: str) -> bool:
    """A sub-heading's shape: short, one clause, no figure, no time of its own, no cue (大力提振消费市场,
    积极扩大有效投资); 明年将在全国全部免征农业税 dates a measure, a heading does not."""
    r = role_rules()
    return (
        0 < len(body) <= r.sub_theme_max
        and _one_clause(body)
        and not _DIGIT.search(body)
        and not _DATED.search(body)
        and not r.ordinal_theme.search(body)
        and cue_role(body) is None
    )


def _sub_themes(
    mt: MappedText,
    sentences: list[Sentence],
    placements: list[Placement],
    heading_level: dict[int, int],
    whole: set[int],
) -> None:
    """Sub-headings inside a running paragraph (Jiangsu style: （一）千方百计扩大有效需求。更好统筹…。
    大力提振消费市场。把恢复和扩大消费摆在优先位置…。积极扩大有效投资。统筹推动490个…): a short
    one-clause sentence followed by a longer one is a theme when the pattern recurs in the paragraph
    and starts right after its opening (the paragraph's heading and at most one aim sentence); in
    a paragraph opened by a numbered heading, the aim sentences before the first sub-heading are
    themes too. A run of short tasks (办好第十五届全运会。…) has no longer sentence after each, and a
    sub-heading dips between its neighbours: a short line no shorter than the sentence before it is one
    of a run of parallel work sentences (着力提高高等教育质量。大力发展各类职业教育。认真贯彻…).
    Paragraphs in ``whole`` (made context as a whole: review, explanation) are left alone."""
    r = role_rules()
    for ks in _forward_paragraphs(sentences, placements, whole):
        if len(ks) < 4:
            continue
        bodies = [sentence_body(mt, sentences[k]) for k in ks]
        short = [_short_line(b) for b in bodies]
        subs = [
            i for i in range(1, len(ks) - 1)
            if short[i] and not short[i + 1] and len(bodies[i + 1]) > len(bodies[i])
            and (i == 1 or len(bodies[i - 1]) > len(bodies[i]))
        ]
        if not subs or subs[0] > r.sub_theme_first:
            continue
        first = sentences[ks[0]]
        numbered = (heading_level.get(first.start, THEME_LEVEL) < THEME_LEVEL
                    or r.ordinal_theme.search(bodies[0]) is not None)
        if len(subs) < (r.sub_theme_recur_numbered if numbered else r.sub_theme_recur):
            continue
        for i in subs:
            if sentences[ks[i]].role in ("task", "context") and not r.programme.search(bodies[i]):
                sentences[ks[i]].role = "theme"
        if numbered:  # the section's aim, stated between its heading and its first sub-heading
            for i in range(1, subs[0]):
                if sentences[ks[i]].role == "task" and not opens_with_deliverable(bodies[i]):
                    sentences[ks[i]].role = "theme"


_AIM_SHARE = 0.35  # an aim is this short next to the measures that follow it


def _heading_aims(
    mt: MappedText,
    sentences: list[Sentence],
    placements: list[Placement],
    heading_level: dict[int, int],
    whole: set[int],
) -> None:
    """（四）推动生态文明建设水平显著提升。坚持共抓大保护、不搞大开发，加快建设山清水秀美丽之地。推动发展方式
    绿色转型，加快…(80 characters and more each): a short sentence right after a numbered heading in its
    paragraph, without a figure, far shorter than the measures after it on average, states the section's
    aim: a theme, like the aims before a first sub-heading. So is the one sentence a numbered heading's paragraph
    holds ((六)办好民生大事实事,…。更加注重在发展中保障和改善民生,加大力度、体现实效,…。 then paragraphs of
    work), unless it names a figure, a deliverable or the year's 民生实事, which are rows."""
    r = role_rules()
    for ks in _forward_paragraphs(sentences, placements, whole):
        if len(ks) in (1, 3) or heading_level.get(sentences[ks[0]].start, THEME_LEVEL) >= THEME_LEVEL:
            continue
        aim = sentences[ks[1]]
        body = sentence_body(mt, aim)
        # either way the aim is a task by the rules with no figure and no deliverable verb opening it
        plain = aim.role == "task" and not _DIGIT.search(body) and not r.opener_work.search(body)
        if len(ks) == 2:
            if (plain and not r.ordinal_theme.search(sentence_body(mt, sentences[ks[0]])) and not names_deliverable(body)
                    and r.pledged_work.search(body) is None):
                aim.role = "theme"
            continue
        rest = [len(sentence_body(mt, sentences[k])) for k in ks[2:]]
        if (plain and not opens_with_deliverable(body)
                and len(body) <= _AIM_SHARE * sum(rest) / len(rest)):  # 研究制定碳达峰行动方案 is a deliverable
            aim.role = "theme"


_CODA_MAX = 4  # the address, a maxim or two and the stance; a longer paragraph holds a section's own work


def _address_codas(
    mt: MappedText, sentences: list[Sentence], placements: list[Placement], heading_level: dict[int, int]
) -> None:
    """各位代表！产业兴则城市兴…。我们坚定不移实施产业强市战略，…。 then the next numbered heading: a paragraph opened
    by the address to the deputies after a section's work, closing that section, sums it up in the speaker's
    voice; its sentences are the stance, not rows. A paragraph that counts the year's 民生实事 keeps its rules'
    roles (their delivery is work), and so does an address that opens a section (三、…建设 各位代表！新的一年…)
    or leads into more paragraphs of it. Work pledged in the coda (我们将持续打造…, 要持续深化…, 继续鼓励…) stays
    a row: the stance is told in the present (我们坚持…, 市政府坚持当好…)."""
    r = role_rules()
    for ks in _forward_paragraphs(sentences, placements):
        first, last = ks[0], ks[-1]
        if first == 0 or len(ks) > _CODA_MAX or not r.address.search(sentence_body(mt, sentences[first])):
            continue
        before = sentences[first - 1]
        if (before.part not in FORWARD or not _within(before.section, sentences[first].section or "")
                or before.start in heading_level):
            continue  # the address opens its section: what follows it is the section's own text
        after = sentences[last + 1] if last + 1 < len(sentences) else None
        if after is not None and after.part in FORWARD and heading_level.get(after.start, THEME_LEVEL) >= THEME_LEVEL:
            continue  # more of the section follows: the address leads into it
        if any(r.address_keep.search(sentence_body(mt, sentences[k])) for k in ks):
            continue
        for k in ks:
            if sentences[k].role == "task" and not r.address_pledge.search(sentence_body(mt, sentences[k])):
                sentences[k].role = "context"
