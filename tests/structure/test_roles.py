"""Sentence roles: the cues of roles.yaml and the structural rules (headings, theme
openers, a part's introduction, five-year targets)."""

from __future__ import annotations

import pytest

from luoshi.rules import load
from luoshi.structure import analyze
from luoshi.structure.roles import cue_role, role_rules, sentence_role
from luoshi.textmap import MappedText, fold

ROLES = load("roles")


@pytest.fixture(autouse=True)
def _rules_alone(monkeypatch):
    """These tests pin the rules; the learned model applied after them has test_role_model.py."""
    monkeypatch.setenv("LUOSHI_ROLE_MODEL", "off")

CUE_CASES = [(kind, e["name"], positive, t) for kind in ("context", "target") for e in ROLES[kind]
             for positive, key in ((True, "examples"), (False, "not")) for t in e.get(key, [])]


@pytest.mark.parametrize(("kind", "name", "positive", "text"), CUE_CASES)
def test_roles_rule_examples(kind, name, positive, text):
    assert (cue_role(text) == kind) is positive, (name, text)


@pytest.mark.parametrize(
    ("key", "positive", "text"),
    [(key, positive, t) for key in ("paragraph_context", "points_lead", "explanation", "term_target", "term_state", "term_aim", "vision_title", "requirements_title", "ordinal_theme", "copula", "connective", "contrast", "national_context", "national_macro_theme", "measures_lead", "cross_strait_work", "pledged_work", "frame_theme", "opener_work", "opener_programme", "battle_aim", "listed_quota", "doctrine_work", "positioning_title", "deliverable")
     for positive, k in ((True, "examples"), (False, "not")) for t in ROLES[key].get(k, [])],
)
def test_roles_paragraph_and_term_examples(key, positive, text):
    pattern = getattr(role_rules(), key)
    assert (pattern.search(fold(text)) is not None) is positive


@pytest.mark.parametrize(
    ("text", "kwargs", "role"),
    [
        ("持续推进城乡建设用地减量。", {}, "task"),
        ("与石景山区协同推进基础设施建设、生态环境保护。", {}, "task"),  # the verb comes late
        ("全面落实减量发展。", {"heading": True}, "theme"),
        ("实施乡村振兴战略,促进城乡融合发展。", {"opener": True}, "theme"),
        ("科技创新是北京实现高质量发展的第一动力。", {"opener": True}, "context"),
        # a one-clause opener announces its paragraph even where its verb is not in the lexicon
        # (去产能, 降成本, 严守); a verb-less slogan in clauses stays context
        ("扎实有效去产能。", {"opener": True}, "theme"),
        ("严守“三条底线”。", {"opener": True}, "theme"),
        ("为政之道,民生为本。", {"opener": True}, "context"),
        # an opener naming a deliverable (a plan, measures to draw up) is the work, not an area's theme
        ("抓紧研究制定促进中部地区崛起的规划和措施。", {"opener": True}, "task"),
        ("加快科技改革和发展。", {"opener": True}, "theme"),
        # an opener stating a quantity of work is that work; a rate or a year is no quota
        ("三大优势产业立足基础、提级增效,新增产值500亿元以上。", {"opener": True}, "task"),
        ("扎实推进2019年北京世园会筹办工作。", {"opener": True}, "theme"),
        # a named upgrading or special campaign opening its paragraph is a row; a national campaign names an area
        ("开展交通水利设施提升行动。", {"opener": True}, "task"),
        ("实施乡村建设行动。", {"opener": True}, "theme"),
        # a part's introduction states its aims, but a plan to draw up is work wherever it stands in the sentence
        ("深入践行人民城市理念,编制实施全域空间发展战略规划,加力提升城市功能品质。", {"intro": True}, "task"),
        ("深入践行人民城市理念,以绣花功夫把城市规划好、建设好、治理好。", {"intro": True}, "theme"),
        ("紧紧抓住疏解非首都功能这个“牛鼻子”,坚持疏解整治与优化提升同步推进。", {"intro": True}, "theme"),
        ("地表水、地下水水质稳中向好,饮用水水源水质稳定达标。", {"term": True}, "target"),
        ("到“十四五”末,全区森林覆盖率达到50.3%。", {"term": True}, "target"),
        ("灵山、百花山生物多样性更加丰富。", {"term": True}, "target"),
        ("永定河综合治理和生态修复工程完工,废弃矿山“销账归零”。", {"term": True}, "task"),
        ("打造长安街西延线专精特新产业集群,专精特新企业达50家以上。", {"term": True}, "task"),
        ("发展如逆水行舟,不进则退。", {}, "context"),
        ("区域一体化发展进程明显加快,但城市间围绕创新资源、高端要素的竞争更加激烈。", {}, "context"),
        ("适度扩大有效投资,但不搞大水漫灌。", {}, "task"),
        ("食品药品安全是人们关注的突出问题,要改革和健全食品药品安全监管体制,加强综合协调联动。", {}, "task"),
        ("枢纽是郑州的核心优势,我们将持续深化郑州—卢森堡“双枢纽”战略,继续办好“空中丝绸之路”国际合作论坛。", {}, "task"),
        # a verb-less figure of the plan is an allocation, unless it reports the past
        ("中央财政今年安排再就业补助资金251亿元,比上年增加42亿元。", {"plan": True}, "task"),
        ("从2003年到2006年年均超收2040亿元,其中去年超收2573亿元。", {"plan": True}, "context"),
        ("扶贫脱贫是硬任务,各级政府已经立下军令状,必须按时保质保量完成。", {}, "context"),
        # a copula that introduces the measures is the work; one that lists problems is not
        ("主要措施是:逐年加大国家财政投资和信贷资金对农业、农村的投入;整合各种渠道的支农资金。", {}, "task"),
        ("财政体制改革的重点,是健全公共财政体系,完善转移支付制度。", {}, "task"),
        ("主要是:经济结构不合理,自主创新能力不强。", {}, "context"),
        # a 是 inside a quoted name is the name's; a long quoted name before 是 counts as one word
        ("牢固树立“成就企业就是成就我们自己”意识,做实领导干部联系企业机制。", {}, "task"),
        ("牢固树立“人人都是营商环境”理念,全力推进新一轮营商环境综合改革。", {}, "task"),
        ("省委部署的“八个重大行动”和市委提出的“六个持续用力”要求,就是今年政府工作的重中之重,我们必须全力推动落实。",
         {}, "context"),
        # a first clause launching a named programme is work, whatever stance or background follows it
        ("实施“北斗+”融合示范工程,加快推进航天产业园建设,抢抓商业航天、低空经济产业密集创新和高速发展的战略机遇期。",
         {}, "task"),
        # a measure that starts this year is work; a phase that begins is background
        ("从今年开始,每年都要公布各地区和主要行业的单位产值能源消耗情况。", {}, "task"),
        ("从今年起,京津冀协同发展将向中期目标迈进。", {}, "context"),
        # cross-strait exchanges are work even stated as a stance; the stance alone is context
        ("我们将继续和台湾同胞一道,促进两岸人员往来和经济、科技、文化交流与合作。", {}, "task"),
        ("我们将秉持“两岸一家亲”理念,同台湾同胞共担民族大义,携手构建两岸命运共同体。", {}, "context"),
        # a directive (a subject, 要 / 必须, the work) is work even where its verb is not in the lexicon
        ("地方财政要收支平衡,留有余地。", {"plan": True}, "task"),
        ("成人教育要与职业教育结合起来,以满足就业和在职提高的需要。", {"plan": True}, "task"),
        ("主要是:经济结构不合理,自主创新能力不强。", {"plan": True}, "context"),
        # what was done or why, closed by a directive in the last clause, is the work
        ("不少地方开辟多种渠道,扩大就业,走出了新路子,要推广这些经验。", {}, "task"),
        ("国家已经组织了57户企业集团试点,今年要扩大到120户。", {}, "task"),
        ("党的十八大科学总结了过去五年的工作,确定了全面建成小康社会的目标。", {}, "context"),
        ("今年经济增长预期目标定为7.5%左右,主要基于两方面考虑:一方面,要继续抓住机遇、促进发展。", {}, "context"),
    ],
)
def test_roles_sentence_role(text, kwargs, role):
    assert sentence_role(fold(text), **kwargs) == role


def test_roles_assigned_on_goals_and_plan_sentences_only():
    text = (
        "一、2021年工作回顾\n\n推进改革取得成效。\n\n二、2022年工作计划\n\n"
        "2022年是党的二十大召开之年。\n\n持续完善生态建设制度体系。深化生态环境保护目标考核机制。"
        "落实河长制。\n\n各位代表,让我们齐心协力,奋力拼搏!\n"
    )
    mt = MappedText(text)
    s = analyze(mt)
    roles = {text[x.start : x.end]: x.role for x in s.sentences}
    assert roles["推进改革取得成效。"] is None
    assert roles["二、2022年工作计划"] == "theme"
    assert roles["2022年是党的二十大召开之年。"] == "context"
    assert roles["持续完善生态建设制度体系。"] == "theme"
    assert roles["深化生态环境保护目标考核机制。"] == "task"
    assert roles["落实河长制。"] == "task"
    assert roles["各位代表,让我们齐心协力,奋力拼搏!"] == "context"


def _roles_of(text: str) -> dict[str, str | None]:
    s = analyze(MappedText(text))
    return {text[x.start : x.end]: x.role for x in s.sentences}


def test_roles_paragraph_opened_by_a_connective_goes_on_with_the_work():
    """同时，加强… opens a paragraph that continues the work before it: not a theme opener."""
    roles = _roles_of("一、2021年工作回顾\n\n推进改革取得成效。\n\n二、2022年工作计划\n\n"
                      "完善社会保障制度。扩大养老保险覆盖面。\n\n"
                      "同时，加强失业保险制度建设。继续完善城市低保制度。研究农民工社会保障办法。\n")
    assert roles["同时，加强失业保险制度建设。"] == "task"
    assert roles["完善社会保障制度。"] == "theme"


def test_roles_long_part_introduction_opens_with_its_theme_then_works():
    """A part's introduction of a sentence or two is all theme; a long one (the older
    national style, all of a part's work in one paragraph) has only its opening as theme."""
    text = (
        "一、2021年工作回顾\n\n推进改革取得成效。\n\n二、2008年主要任务\n\n"
        "（一）加强农业基础建设，促进农业发展和农民增收\n\n"
        "今年，要千方百计争取农业有个好收成，努力增加农民收入，推进社会主义新农村建设。加快完成大中型病险水库除险加固任务。"
        "搞好灌区改造和小型农田水利建设。加大扶贫开发力度，继续减少贫困人口。\n\n"
        "主要措施是：一要大力增加投入。增加农机具购置补贴种类。扩大良种补贴规模和范围。\n"
    )
    roles = _roles_of(text)
    assert roles["今年，要千方百计争取农业有个好收成，努力增加农民收入，推进社会主义新农村建设。"] == "theme"
    assert roles["加快完成大中型病险水库除险加固任务。"] == "task"
    assert roles["加大扶贫开发力度，继续减少贫困人口。"] == "task"


def test_roles_numbered_point_alone_is_the_work_itself():
    """一是… introduces the sentences after it; a point followed only by the next point is a task,
    and the first point ends a part's introduction."""
    text = (
        "一、2021年工作回顾\n\n推进改革取得成效。\n\n二、2008年主要任务\n\n"
        "（一）搞好宏观调控\n\n"
        "防止价格总水平过快上涨，是今年宏观调控的重大任务。一要大力发展生产。认真落实支持发展生产的政策措施。"
        "二要严格控制工业用粮和粮食出口。三要加快健全储备体系。\n\n"
        "六要加强市场和价格监管。依法打击串通涨价行为。\n"
    )
    roles = _roles_of(text)
    assert roles["一要大力发展生产。"] == "theme"
    assert roles["认真落实支持发展生产的政策措施。"] == "task"
    assert roles["二要严格控制工业用粮和粮食出口。"] == "task"
    assert roles["三要加快健全储备体系。"] == "task"
    assert roles["六要加强市场和价格监管。"] == "theme"


def test_roles_points_of_a_list_of_measures_are_measures():
    """Where most points of a numbered list carry their measure, a short point followed by a
    sentence of detail is a measure too; in a list of short field names the points stay themes."""
    text = (
        "一、2021年工作回顾\n\n推进改革取得成效。\n\n二、2008年主要任务\n\n"
        "（一）搞好宏观调控\n\n"
        "必须采取有力措施。一要大力发展生产，加强粮食、食用植物油、肉类等基本生活必需品生产。"
        "二要严格控制工业用粮和粮食出口。坚决制止玉米深加工能力盲目扩张。"
        "三要加快健全储备体系，改进和完善储备调节和进出口调节方式。"
        "四要加强市场和价格监管，抓好教育收费的监督检查。\n\n"
        "（二）推进结构调整\n\n"
        "一是提升消费品品质。加快消费品标准和质量提升。二是促进制造业升级。实施高端装备创新工程。"
        "三是加快现代服务业发展。启动新一轮国家服务业综合改革试点。\n"
    )
    roles = _roles_of(text)
    assert roles["二要严格控制工业用粮和粮食出口。"] == "task"
    assert roles["坚决制止玉米深加工能力盲目扩张。"] == "task"
    assert roles["一是提升消费品品质。"] == "theme"
    assert roles["二是促进制造业升级。"] == "theme"
    assert roles["实施高端装备创新工程。"] == "task"


def test_roles_explanation_paragraph_is_context_but_its_directive():
    """A paragraph opened by a bare topic line (关于物价总水平。) explains a target: context, except
    a sentence opening with 要 that names work."""
    text = (
        "一、2012年工作回顾\n\n推进改革取得成效。\n\n二、2013年主要预期目标\n\n"
        "关于物价总水平。今年通货膨胀压力仍然较大，输入性通货膨胀压力不容忽视，理顺能源资源价格需要留出一定空间。"
        "把居民消费价格涨幅控制在3.5%左右，是充分考虑各方面因素后作出的选择。"
        "要切实保障重要商品供给，搞活流通，降低物流成本。\n\n"
        "加强市场价格监管。\n"
    )
    roles = _roles_of(text)
    assert roles["关于物价总水平。"] == "context"
    assert roles["今年通货膨胀压力仍然较大，输入性通货膨胀压力不容忽视，理顺能源资源价格需要留出一定空间。"] == "context"
    assert roles["要切实保障重要商品供给，搞活流通，降低物流成本。"] == "task"
    assert roles["加强市场价格监管。"] == "task"


def test_roles_expected_targets_go_on_in_their_paragraph():
    """A sentence after the expected-targets sentence, in its paragraph, that only states a measure
    to reach is a target too; a sentence of work there stays a task."""
    text = (
        "一、2015年工作回顾\n\n推进改革取得成效。\n\n二、2016年工作总体部署\n\n"
        "今年经济社会发展的主要预期目标是：国内生产总值增长6.5%—7%，居民消费价格涨幅3%左右。"
        "单位国内生产总值能耗下降3.4%以上，主要污染物排放继续减少。"
        "加快推进产业结构优化升级。\n"
    )
    roles = _roles_of(text)
    assert roles["单位国内生产总值能耗下降3.4%以上，主要污染物排放继续减少。"] == "target"
    assert roles["加快推进产业结构优化升级。"] == "task"


def test_roles_long_range_vision_and_term_aims_are_targets():
    """力争到2025年,… in a five-year part, and the 2035 vision, state where the term ends."""
    text = (
        "一、2020年工作回顾\n\n推进改革取得成效。\n\n二、“十四五”时期主要目标任务\n\n"
        "（一）“十四五”时期发展目标\n\n"
        "推动高质量发展。坚持稳中求进工作总基调，全面推动高质量发展。\n\n"
        "提升城市能级。力争到2025年，全国重要的经济中心功能迈上新台阶，人均地区生产总值达到中等发达国家水平。"
        "加快建设国际门户枢纽城市。\n\n"
        "（二）2035年远景目标\n\n"
        "到2035年，高水平实现社会主义现代化，创新型城市建设进入世界先进行列，城市综合实力显著提升。"
        "基本公共服务、基础设施、人民生活达到东部地区水平。\n\n"
        "三、2021年工作安排\n\n"
        "今年发展的主要预期目标是：地区生产总值增长6%以上，一般公共预算收入增长5%，城镇调查失业率控制在5.5%以内。"
        "在安全保障方面，粮食播种面积稳定在560万亩左右。"
        "加快建设国际消费中心城市。\n"
    )
    roles = _roles_of(text)
    assert roles["力争到2025年，全国重要的经济中心功能迈上新台阶，人均地区生产总值达到中等发达国家水平。"] == "target"
    assert roles["到2035年，高水平实现社会主义现代化，创新型城市建设进入世界先进行列，城市综合实力显著提升。"] == "target"
    assert roles["基本公共服务、基础设施、人民生活达到东部地区水平。"] == "target"
    assert roles["在安全保障方面，粮食播种面积稳定在560万亩左右。"] == "target"
    assert roles["加快建设国际消费中心城市。"] == "task"


def _national_and_city(body: str, dateline: str) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """The roles of ``body`` as the State Council's report (``dateline`` under its title) and as a city's."""
    national = _roles_of(f"政府工作报告\n\n{dateline}\n\n"
                         "各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请予审议。\n\n" + body)
    city = _roles_of("各位代表：\n\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n\n" + body)
    return national, city


def test_roles_defence_education_is_context_in_the_state_councils_report_only():
    body = ("一、2015年工作回顾\n\n推进改革取得成效。\n\n二、2016年重点工作\n\n"
            "支持国防和军队改革。加强全民国防教育和国防动员建设。发展国防科技工业。"
            "深入开展“双拥”活动，巩固和发展军政军民团结。\n")
    national, city = _national_and_city(body, "——2016年3月5日在第十二届全国人民代表大会第四次会议上")
    assert national["加强全民国防教育和国防动员建设。"] == "context"
    assert national["发展国防科技工业。"] == "task"
    assert national["深入开展“双拥”活动，巩固和发展军政军民团结。"] == "task"
    assert city["加强全民国防教育和国防动员建设。"] == "task"


def test_roles_macro_policy_stance_heads_its_measures_in_the_state_councils_report_only():
    body = ("一、2016年工作回顾\n\n推进改革取得成效。\n\n二、2017年重点工作\n\n"
            "加强财政金融调控。今年要继续实施积极的财政政策和稳健的货币政策，在区间调控基础上加强定向调控。"
            "今年赤字率拟按3%安排，财政赤字2.38万亿元。各级政府要切实履行职责，狠抓贯彻落实。\n")
    national, city = _national_and_city(body, "——2017年3月5日在第十二届全国人民代表大会第五次会议上")
    stance = "今年要继续实施积极的财政政策和稳健的货币政策，在区间调控基础上加强定向调控。"
    assert national[stance] == "theme"
    assert national["今年赤字率拟按3%安排，财政赤字2.38万亿元。"] == "task"
    assert city[stance] == "task"
    # the whole government told to do its duty is context at every level
    assert national["各级政府要切实履行职责，狠抓贯彻落实。"] == "context"
    assert city["各级政府要切实履行职责，狠抓贯彻落实。"] == "context"


_PLAN = "一、2022年工作回顾\n\n推进改革取得成效。\n\n二、2023年重点工作\n\n"
_SUB = ROLES["sub_theme"]


def _sentences_of(paragraph: str) -> list[str]:
    return [s + "。" for s in paragraph.split("。") if s]


@pytest.mark.parametrize("case", _SUB["examples"], ids=lambda c: c["paragraph"][:12])
def test_roles_sub_theme_examples(case):
    """Short sub-headings inside a running paragraph (and, under a numbered heading, the aim
    sentence before them) are themes; the sentences they announce stay tasks."""
    roles = _roles_of(_PLAN + case["paragraph"] + "\n")
    sentences = _sentences_of(case["paragraph"])
    for t in case["themes"]:
        assert roles[t] == "theme", t
    for t in sentences[1:]:
        if t not in case["themes"]:
            assert roles[t] == "task", t


@pytest.mark.parametrize("paragraph", _SUB["not"], ids=lambda p: p[:12])
def test_roles_sub_theme_counter_examples(paragraph):
    """A run of short tasks, or short tasks scattered in a themed paragraph, stay tasks."""
    roles = _roles_of(_PLAN + paragraph + "\n")
    for t in _sentences_of(paragraph)[1:]:
        assert roles[t] == "task", t


def test_roles_sub_theme_needs_the_pattern_to_start_at_the_paragraph_opening():
    """Three short sentences each followed by a longer one, but only from the fourth sentence
    on: items of a list of work, not the paragraph's sub-headings."""
    paragraph = ("加强生态环境保护。深入打好蓝天保卫战，推进PM2.5和臭氧协同治理。实施河湖水系连通工程，建设幸福河湖。"
                 "加快建设海绵城市，推进雨污分流改造。推进垃圾分类。创建省级垃圾分类达标小区200个，新建分拣中心。"
                 "加强噪声治理。开展建筑施工和交通噪声专项整治。强化土壤污染防治。推进受污染耕地安全利用和建设用地风险管控。")
    roles = _roles_of(_PLAN + paragraph + "\n")
    for t in ("推进垃圾分类。", "加强噪声治理。", "强化土壤污染防治。"):
        assert roles[t] == "task", t


def test_roles_sub_theme_left_alone_in_a_review_paragraph():
    """A paragraph made context as a whole (五年来…, review inside the plan) keeps its short lines context."""
    paragraph = ("五年来，政府自身建设取得重要进展。坚持依法行政。制定修订地方性法规草案和政府规章42件，推进严格规范公正文明执法。"
                 "坚持厉行节约。一般性支出压减一成以上，三公经费持续下降。坚持廉洁从政。严格落实中央八项规定精神，持续纠治四风。")
    roles = _roles_of(_PLAN + paragraph + "\n")
    for t in ("坚持依法行政。", "坚持厉行节约。", "坚持廉洁从政。"):
        assert roles[t] == "context", t


def test_roles_a_term_sentence_of_punctuation_alone_is_no_goal():
    """Found by the fuzz test: a five-year part's 一、。， has no clause left once trimmed; it states nothing."""
    text = "2022年政府工作报告\n**区水务局要推进地区生产总值，\n一、推进“十四五”规划。\n一、。，"
    roles = _roles_of(text)
    assert roles["一、推进“十四五”规划。"] == "theme"
    assert roles["，"] != "task"  # punctuation alone never becomes a row


def test_roles_numbered_point_as_its_own_paragraph_heads_the_next_one():
    """第一，深化政府机构改革。 standing alone above its paragraph is a heading over it, not the work;
    points that follow one another paragraph by paragraph stay the work."""
    text = (
        "一、2004年工作回顾\n\n推进改革取得成效。\n\n二、2005年主要任务\n\n"
        "（八）加强政府自身建设\n\n"
        "第一，深化政府机构改革。\n\n"
        "按照精简、统一、效能的原则，完善机构设置，理顺职能分工。加快推进乡镇机构改革。\n\n"
        "第二，加快转变政府职能。\n\n第三，改进经济管理方式方法。\n\n"
        "各级政府要为市场主体服务。深化投资体制改革。\n"
    )
    roles = _roles_of(text)
    assert roles["第一，深化政府机构改革。"] == "theme"
    assert roles["加快推进乡镇机构改革。"] == "task"
    assert roles["第二，加快转变政府职能。"] == "task"  # followed by the next point: the work itself
    assert roles["第三，改进经济管理方式方法。"] == "theme"


def test_roles_numbered_items_of_quantified_work_are_tasks_not_headings():
    """A list of 民生实事 numbered 1. 2. …: each item is a task, even when short or followed by more
    sentences of its own; a numbered title without figures stays a heading."""
    text = (
        "一、2022年工作回顾\n\n推进改革取得成效。\n\n二、2023年工作安排\n\n"
        "1.加快构建现代产业体系\n\n实施产业链条韧性提升行动，推动园区提档升级。\n\n"
        "三、扎实办好民生十件实事\n\n"
        "1.全市完成老旧小区改造项目151个，其中中心城区46个。\n\n"
        "6.中心城区新增公共停车泊位3000个。\n\n"
        "10.新建改扩建农村供水工程418处，覆盖人口94万人。新建改建提档升级农村公路1000公里。\n"
    )
    roles = _roles_of(text)
    assert roles["1.加快构建现代产业体系"] == "theme"
    assert roles["1.全市完成老旧小区改造项目151个，其中中心城区46个。"] == "task"
    assert roles["6.中心城区新增公共停车泊位3000个。"] == "task"
    assert roles["10.新建改扩建农村供水工程418处，覆盖人口94万人。"] == "task"
    assert roles["新建改建提档升级农村公路1000公里。"] == "task"


def test_roles_introduction_opened_by_a_weighing_sentence_is_still_the_introduction():
    """Under （二）…, a paragraph whose short opener weighs the situation (…仍然是全部工作的重中之重。)
    and whose next paragraph opens with a numbered point is the part's introduction: its aims are themes."""
    text = (
        "一、2004年工作回顾\n\n推进改革取得成效。\n\n二、2005年主要任务\n\n"
        "（二）进一步加强“三农”工作。\n\n"
        "解决好农业、农村、农民问题，仍然是全部工作的重中之重。"
        "要围绕提高农业综合生产能力，实现粮食稳定增产、农民持续增收，从多方面加大支持力度。\n\n"
        "一是稳定、完善和强化对农业的扶持政策。加快减免农业税步伐。全部免征牧业税。\n"
    )
    roles = _roles_of(text)
    assert roles["解决好农业、农村、农民问题，仍然是全部工作的重中之重。"] == "context"
    assert roles["要围绕提高农业综合生产能力，实现粮食稳定增产、农民持续增收，从多方面加大支持力度。"] == "theme"
    assert roles["加快减免农业税步伐。"] == "task"


def test_roles_aims_written_after_an_inline_numbered_heading_introduce_the_part():
    """（一）奋力抓好扩内需稳增长，….把恢复和扩大消费摆在优先位置，…。 followed by paragraphs that open
    with their own theme sentences: the aim after the heading is a theme, the themed paragraphs' work tasks."""
    text = (
        "一、2022年工作回顾\n\n推进改革取得成效。\n\n二、2023年工作安排\n\n"
        "（一）奋力抓好扩内需稳增长，推动经济平稳运行。把恢复和扩大消费摆在优先位置，激发市场主体活力，保持经济运行在合理区间。\n\n"
        "促进投资放量。深入开展抓项目促投资专项行动，编制实施市级政府投资项目三年滚动计划。扩大基础设施投资，加快交通强市建设。\n"
    )
    roles = _roles_of(text)
    assert roles["把恢复和扩大消费摆在优先位置，激发市场主体活力，保持经济运行在合理区间。"] == "theme"
    assert roles["促进投资放量。"] == "theme"
    assert roles["扩大基础设施投资，加快交通强市建设。"] == "task"


def test_roles_a_dated_measure_is_not_a_sub_heading():
    from luoshi.structure.roles import _short_line

    assert _short_line("大力提振消费市场")
    assert not _short_line("明年将在全国全部免征农业税")  # a heading names an area, not the year of a measure
    assert sentence_role("明年将在全国全部免征农业税。", plan=True) == "task"  # 免征 is an action


def test_roles_short_aim_after_an_inline_numbered_heading_is_a_theme():
    """（四）… heading, then a short aim, then long measures in the same paragraph: the aim is a theme;
    a short deliverable (研究制定…方案) in that place stays a task."""
    measures = ("推动发展方式绿色转型，加快产业结构、能源结构、交通运输结构等优化调整，强化长江经济带负面清单管控，完善支持绿色发展的政策。"
                "深入打好污染防治攻坚战，强化区域大气污染协同防治，统筹推进“五水共治”，深化生活垃圾和建筑垃圾分类，加强土壤污染源头防控。"
                "积极稳妥推进碳达峰碳中和，深度融入全国碳市场，优化地方碳排放权交易市场，完善能源消耗总量和强度调控。")
    text = ("一、2022年工作回顾\n\n推进改革取得成效。\n\n二、2023年工作安排\n\n"
            "（四）推动生态文明建设水平显著提升。持续增进生态福祉，努力创造美丽家园。" + measures + "\n\n"
            "（五）推动绿色低碳转型。研究制定碳达峰行动方案。" + measures + "\n")
    roles = _roles_of(text)
    assert roles["持续增进生态福祉，努力创造美丽家园。"] == "theme"
    assert roles["研究制定碳达峰行动方案。"] == "task"


def test_roles_numbered_items_listing_the_expected_targets_are_targets():
    """主要预期目标是： followed by numbered items: targets, not tasks (nor headings); the same shape in a
    list of 民生实事 is a task, and a dash bullet keeps the role the structure gives it."""
    text = (
        "一、2022年工作回顾\n\n推进改革取得成效。\n\n二、2023年工作安排\n\n今年经济社会发展的主要预期目标是：\n\n"
        "1.地区生产总值增长6%左右。\n\n2.城镇新增就业10万人以上。\n\n（一）扩大有效投资\n\n实施重点项目300个。\n\n"
        "三、民生实事\n\n1.新增城镇就业10万人以上。\n\n——新增公共停车泊位3000个。\n"
    )
    roles = _roles_of(text)
    assert roles["1.地区生产总值增长6%左右。"] == "target"
    assert roles["2.城镇新增就业10万人以上。"] == "target"
    assert roles["1.新增城镇就业10万人以上。"] == "task"
    assert roles["——新增公共停车泊位3000个。"] == "theme"  # a bullet, not a numbered item


def test_roles_points_announced_by_a_lead_in_paragraph_state_principles():
    """做好今年政府工作，要把握好以下三点。 standing alone: each numbered point's own paragraph states a principle
    (context after its heading); the sub-paragraphs under a point and the parts after the points keep their work."""
    text = (
        "一、2014年工作回顾\n\n推进改革取得成效。\n\n二、2015年工作总体部署\n\n"
        "做好今年政府工作，要把握好以下三点。\n\n"
        "第一，稳定和完善宏观经济政策。继续实施积极的财政政策和稳健的货币政策，更加注重定向调控。\n\n"
        "积极的财政政策要加力增效。优化财政支出结构，大力盘活存量资金。继续实行结构性减税和普遍性降费。\n\n"
        "第二，保持稳增长与调结构的平衡。既要稳住速度，确保经济平稳运行；又要调整结构，夯实稳增长的基础。\n\n"
        "今年要编制“十三五”规划纲要。\n\n"
        "三、把改革开放扎实推向纵深\n\n"
        "第一，深化行政审批制度改革。再取消和下放一批行政审批事项，加快推进商事制度改革。\n"
    )
    roles = _roles_of(text)
    assert roles["继续实施积极的财政政策和稳健的货币政策，更加注重定向调控。"] == "context"
    assert roles["既要稳住速度，确保经济平稳运行；又要调整结构，夯实稳增长的基础。"] == "context"
    assert roles["优化财政支出结构，大力盘活存量资金。"] == "task"  # under a point, in its own sub-paragraph
    assert roles["今年要编制“十三五”规划纲要。"] == "task"  # the points have ended
    assert roles["再取消和下放一批行政审批事项，加快推进商事制度改革。"] == "task"  # another part, no lead-in


def test_roles_title_line_set_right_above_its_paragraph_is_its_theme():
    """进一步发挥货币政策的作用。 on its own line right above its paragraph (no blank line between them, the
    bold sub-titles of the State Council's reports of 1988-2004): a theme, and the paragraph's own short first
    sentence is its first piece of work; the same short line with a blank line after it is a task of its own."""
    text = (
        "一、1999年工作回顾\n\n推进改革取得成效。\n\n二、2000年主要任务\n\n"
        "\u3000\u3000\n严肃财经纪律，严格财经管理。\n"
        "增强预算的透明度和约束力。加强预算执行的监督和审计。依法治税，严禁越权减免税收行为。\n\n"
        "\u3000\u3000\n进一步整顿市场秩序。\n\n"
        "依法严厉惩处制售假冒伪劣商品行为。继续严厉打击走私贩私活动。\n"
    )
    roles = _roles_of(text)
    assert roles["严肃财经纪律，严格财经管理。"] == "theme"
    assert roles["增强预算的透明度和约束力。"] == "task"  # not an opener: the title is the line above
    assert roles["进一步整顿市场秩序。"] == "task"  # a paragraph of its own, apart from the next


def test_roles_conduct_stance_after_the_governments_own_work_keeps_the_work():
    """政府自身建设: work an office reports on that opens the sentence (主题教育成果, 廉政建设, 审计监督) is a task
    even with the conduct stance (两个确立, 自我革命) or the supervision it accepts after it; the stance alone is
    context."""
    text = _PLAN + (
        "加强政府自身建设。巩固拓展主题教育成果，坚持“两个确立”，做到“两个维护”。"
        "深入推进政府系统廉政建设，勇于自我革命，持之以恒纠治“四风”。"
        "依法接受人大监督，自觉接受政协民主监督，加强统计监督，强化审计监督。"
        "依法接受市人大及其常委会监督，自觉接受政协民主监督。"
        "深刻领悟“两个确立”的决定性意义，增强“四个意识”。"
        "全面贯彻习近平新时代中国特色社会主义思想，深刻领悟“两个确立”的决定性意义。"
        "严格落实“第一议题”制度，坚决捍卫“两个确立”，做到“两个维护”。\n"
    )
    roles = _roles_of(text)
    assert roles["巩固拓展主题教育成果，坚持“两个确立”，做到“两个维护”。"] == "task"
    assert roles["深入推进政府系统廉政建设，勇于自我革命，持之以恒纠治“四风”。"] == "task"
    assert roles["依法接受人大监督，自觉接受政协民主监督，加强统计监督，强化审计监督。"] == "task"
    assert roles["依法接受市人大及其常委会监督，自觉接受政协民主监督。"] == "context"
    assert roles["深刻领悟“两个确立”的决定性意义，增强“四个意识”。"] == "context"
    assert roles["全面贯彻习近平新时代中国特色社会主义思想，深刻领悟“两个确立”的决定性意义。"] == "context"
    # the 第一议题 system (the leader's words studied first at every meeting) is the stance, not work opening it
    assert roles["严格落实“第一议题”制度，坚决捍卫“两个确立”，做到“两个维护”。"] == "context"


def test_roles_numbered_point_with_its_marker_on_a_line_of_its_own_reads_as_written_inline():
    """一是⏎遵循市场经济规律，…: the marker on its own line makes the point a heading of the structure; it is read as
    the same point written inline, a measure when it carries one (longer than ordinal_theme.max_chars), else a theme."""
    text = (
        "一、1999年工作回顾\n\n推进改革取得成效。\n\n二、2000年主要任务\n\n"
        "加大工业结构调整力度。要围绕优化结构、提高质量和效益，着重抓好四个环节。\n\n"
        "一是\n遵循市场经济规律，综合运用多种手段，限制没有市场销路的产品生产。进一步关闭技术落后的小厂小矿。\n\n"
        "二是\n加快企业技术改造。坚持质量第一，采用先进标准，更新和优化产品结构。\n"
    )
    roles = _roles_of(text)
    long_point = next(k for k in roles if "遵循市场经济规律" in k)
    short_point = next(k for k in roles if "加快企业技术改造" in k)
    assert roles[long_point] == "task"
    assert roles[short_point] == "theme"


def test_roles_a_look_back_that_turns_leads_into_its_paragraphs_work():
    """一年来… opens a review paragraph (context as a whole) unless it turns (…,但当前…依然…): then only the
    opening sentence weighs the situation and the paragraph's sentences after it are the work."""
    roles = _roles_of("一、1996年工作回顾\n\n推进改革取得成效。\n\n二、1997年工作计划\n\n"
                      "加强社会治安。维护社会稳定,保障改革和发展顺利推进。加强基层治安防范工作。\n\n"
                      "一年来开展的“严打”斗争,取得了较好的效果,但当前治安形势依然不容乐观。"
                      "要继续采取有力措施,集中打击严重暴力犯罪。依法惩处走私贩私、金融诈骗等违法犯罪行为。\n\n"
                      "一年来,政府自身建设取得重要进展。依法行政水平不断提高。\n")
    assert roles["依法惩处走私贩私、金融诈骗等违法犯罪行为。"] == "task"
    assert roles["要继续采取有力措施,集中打击严重暴力犯罪。"] == "task"
    assert roles["依法行政水平不断提高。"] == "context"


def test_roles_counted_livelihood_projects_in_a_part_introduction_are_work():
    """（十）…民生福祉 opened by its aims: the sentence that delivers the year's counted 民生实事 (安排了15件…, 我们将
    …把好事办好) is a row of its own, not an aim of the introduction; the aim before it stays a theme."""
    text = (
        "一、2023年工作回顾\n\n推进改革取得成效。\n\n二、2024年重点工作\n\n"
        "（十）不断增进民生福祉，在提高群众生活品质上奋力争先。"
        "持续扩大优质公共服务供给，兜住、兜准、兜牢民生底线。"
        "今年，我们聚焦群众关切，安排了15件市办民生实事，我们将一件一件推进落实，努力把好事办好、实事办实。\n\n"
        "大力促进就业创业。加强高校毕业生、退役军人、农民工等重点群体就业服务保障，城镇新增就业35万人以上。"
        "实施“社区微业”行动，新设城乡公益性岗位1.65万个。\n"
    )
    roles = _roles_of(text)
    assert roles["持续扩大优质公共服务供给，兜住、兜准、兜牢民生底线。"] == "theme"
    assert roles["今年，我们聚焦群众关切，安排了15件市办民生实事，我们将一件一件推进落实，努力把好事办好、实事办实。"] == "task"


def test_roles_plan_drafting_notes_and_the_2035_vision_of_a_term_chapter():
    """A 2026 term chapter: how the plan draft was written (在《纲要草案》编制过程中，注意把握以下几点：一是…。二是…。)
    is context through its points; the vision after the term (在此基础上再奋斗五年，到2035年…) is a target."""
    text = (
        "一、2025年工作回顾\n\n推进改革取得成效。\n\n二、“十四五”时期发展成就和“十五五”时期主要目标任务\n\n"
        "在《纲要草案》编制过程中，注意把握以下几点：一是注重对标对表，科学安排发展目标。"
        "二是牢记职责使命，树牢首都意识，坚持首善标准，更好服务党和国家工作大局。\n\n"
        "《纲要草案》明确了今后五年的发展目标：一是首都功能持续提升，二是高质量发展迈上新台阶。"
        "在此基础上再奋斗五年，到2035年实现综合经济实力大幅提升，率先基本实现社会主义现代化。\n\n"
        "三、2026年重点工作\n\n加快建设国际科技创新中心。推动中关村先行先试改革。\n"
    )
    roles = _roles_of(text)
    assert roles["二是牢记职责使命，树牢首都意识，坚持首善标准，更好服务党和国家工作大局。"] == "context"
    assert roles["在此基础上再奋斗五年，到2035年实现综合经济实力大幅提升，率先基本实现社会主义现代化。"] == "target"
    assert roles["推动中关村先行先试改革。"] == "task"


def test_roles_the_centres_policy_restated_in_a_city_report_is_background():
    """党中央坚持… / 实施适度宽松的货币政策 in a city report state what the centre does: context. In the State
    Council's report the monetary stance stays the theme of its measures."""
    body = ("一、2024年工作回顾\n\n推进改革取得成效。\n\n二、2025年重点任务\n\n"
            "当前，我国经济基础稳、优势多、韧性强、潜能大。"
            "党中央实施更加积极的财政政策，加大财政支出强度，增加发行超长期特别国债。"
            "实施适度宽松的货币政策，为经济发展提供良好金融环境。\n\n"
            "抓好重大投资项目。聚焦“两重”重点领域，深度谋划重大项目。\n")
    national, city = _national_and_city(body, "——2025年3月5日在第十四届全国人民代表大会第三次会议上")
    assert city["党中央实施更加积极的财政政策，加大财政支出强度，增加发行超长期特别国债。"] == "context"
    assert city["实施适度宽松的货币政策，为经济发展提供良好金融环境。"] == "context"
    assert national["实施适度宽松的货币政策，为经济发展提供良好金融环境。"] == "theme"
    assert city["聚焦“两重”重点领域，深度谋划重大项目。"] == "task"


def test_roles_goals_listed_in_dash_bullets_of_a_term_are_targets():
    """今后五年发展的主要目标是： then ——bullets: the states each bullet lists are goals of the term (targets), a
    sentence there that opens with work stays a task; a goals sentence followed by a list of tasks
    (…主要目标是：…。重点聚焦五个方面攻坚突破。——…) leaves the tasks alone."""
    text = (
        "一、2025年工作回顾\n\n推进改革取得成效。\n\n二、“十五五”发展主要目标任务\n\n"
        "今后五年发展的主要目标是：\n\n"
        "——创新水平大幅跃升。区域协同创新体系加快构建，高能级创新平台集群持续壮大，区域性科创高地建设取得突破性进展。"
        "高新技术企业提质增效，高技术产业占规模以上工业比重达到40%左右。\n\n"
        "——文化软实力充分彰显。推动文化繁荣兴盛，建设华夏文明传承示范中心。\n\n"
        "三、2026年工作安排\n\n加快建设国际消费中心城市。推动中原科技城融合发展。\n"
    )
    roles = _roles_of(text)
    assert roles["区域协同创新体系加快构建，高能级创新平台集群持续壮大，区域性科创高地建设取得突破性进展。"] == "target"
    assert roles["推动文化繁荣兴盛，建设华夏文明传承示范中心。"] == "task"
    assert roles["推动中原科技城融合发展。"] == "task"
    tasks = (
        "一、2022年工作回顾\n\n推进改革取得成效。\n\n二、今后五年的发展目标和重点任务\n\n"
        "未来五年经济社会发展主要目标是：经济高质量发展取得新突破，省会城市功能稳步提升。重点聚焦五个方面攻坚突破。\n\n"
        "——在区域协调、城乡融合上攻坚突破。以国土空间总体规划为引领，加快转变特大城市发展方式，实施城市更新行动。"
        "提升国际化门户枢纽功能，推动禄口国际机场三期建设。\n\n三、2023年工作安排\n\n加快建设国际消费中心城市。\n"
    )
    assert _roles_of(tasks)["以国土空间总体规划为引领，加快转变特大城市发展方式，实施城市更新行动。"] == "task"


@pytest.mark.parametrize(("positive", "text"), [(p, t) for p, k in ((True, "examples"), (False, "not"))
                                                for t in ROLES["voted_pledge"].get(k, [])])
def test_roles_voted_pledge_vote_examples(positive, text):
    assert (role_rules().vote.search(fold(text)) is not None) is positive


def test_roles_pledge_after_the_vote_on_livelihood_projects_is_their_delivery():
    """遴选了12件民生实事候选项目，提交本次人代会票决。我们将…: the pledge right after the vote delivers the year's
    counted projects (a row); the same pledge with no vote before it stays a stance."""
    text = _PLAN + (
        "扩大优质公共服务供给。新建养老床位500张。\n\n民有所呼、我有所应。在广泛征集意见建议的基础上，市政府遴选了12件民生实事候选项目，提交本次人代会票决。"
        "我们将把群众的愿望清单变成政府的责任清单，确保事事有着落、件件有回音。\n\n"
        "加强政府自身建设。依法全面履行政府职能，深化政务公开。"
        "我们将把群众的愿望清单变成政府的责任清单，确保事事有着落、件件有回音。\n"
    )
    s = analyze(MappedText(text))
    pledges = [x.role for x in s.sentences if text[x.start:x.end].startswith("我们将把群众的愿望清单")]
    assert pledges == ["task", "context"]


@pytest.mark.parametrize(("positive", "text"), [(p, t) for p, k in ((True, "examples"), (False, "not"))
                                                for t in ROLES["doctrine_work"].get(k, [])])
def test_roles_doctrine_opening_the_governments_own_work_is_that_work(positive, text):
    """深入贯彻习近平法治思想，…重大行政决策…: a task; the doctrine with lawful administration alone: the stance."""
    assert (cue_role(text) != "context") is positive


def test_roles_points_of_a_strategic_positioning_section_are_not_rows():
    """（二）“十五五”时期牢牢把握的6大战略定位。一是建设全国先进制造业基地。…: what the city is to be, context; the
    term's tasks in the next section keep their roles."""
    text = (
        "一、2025年工作回顾\n\n推进改革取得成效。\n\n二、“十五五”时期目标任务和2026年工作安排\n\n"
        "（二）“十五五”时期牢牢把握的6大战略定位。\n\n一是建设全国先进制造业基地。\n\n二是建设区域科技创新引领区。\n\n"
        "（三）2026年重点工作\n\n加快建设先进制造业基地。新建改造高标准农田2.96万亩，建成5G基站3000个。\n"
    )
    roles = _roles_of(text)
    assert roles["一是建设全国先进制造业基地。"] == "context"
    assert roles["二是建设区域科技创新引领区。"] == "context"
    assert roles["（二）“十五五”时期牢牢把握的6大战略定位。"] == "theme"
    assert roles["新建改造高标准农田2.96万亩，建成5G基站3000个。"] == "task"


def test_roles_pledged_work_without_a_verb_of_the_lexicon_is_a_task():
    """持续为基层减负，让基层…: the discipline work of 政府自身建设 an office tracks, whatever the verb."""
    assert sentence_role(fold("持续为基层减负,让基层把更多精力用在干实事上。")) == "task"


def test_roles_rectifying_inspection_findings_after_the_loyalty_stance_is_work():
    """全面落实党中央决策部署，扎实做好中央巡视…反馈问题整改: the rectification an office tracks; the stance alone stays."""
    assert cue_role("全面落实党中央决策部署,扎实做好中央巡视、生态环保督察等反馈问题整改。") is None
    assert cue_role("不折不扣落实党中央决策部署,严格执行市委工作要求。") == "context"


def test_roles_a_plan_drawn_up_as_a_sections_aim_is_still_work():
    """（十）…文化强市建设。编制实施文化强市规划，弘扬…: the aim's first clause is a deliverable, a row of its own; an
    aim without one stays a theme (short_aim test above)."""
    assert sentence_role(fold("编制实施文化强市规划,弘扬社会主义核心价值观,繁荣文化事业。"), intro=True) == "task"
    assert sentence_role(fold("弘扬社会主义核心价值观,繁荣文化事业,发展文化产业。"), intro=True) == "theme"


def test_roles_a_hope_addressed_to_the_deputies_is_no_work():
    """拟定了13件为民办实事项目，提交本次人代会票决。希望各位人大代表投下宝贵一票，选出…: the speaker's wish to the
    deputies, context (no unit reports on it); the same paragraph's projects, listed as work, stay tasks."""
    text = _PLAN + (
        "扩大优质公共服务供给。新建养老床位500张。\n\n办好民生实事。市政府拟定了交通、便民养老等8个领域13件为民办实事项目，"
        "提交本次人代会票决。希望各位人大代表投下宝贵一票，选出今年10件顺民心、合民意的为民办实事项目。\n"
    )
    roles = _roles_of(text)
    assert roles["希望各位人大代表投下宝贵一票，选出今年10件顺民心、合民意的为民办实事项目。"] == "context"
    assert roles["新建养老床位500张。"] == "task"


def test_roles_the_stance_asked_before_the_years_work_is_exhortation():
    """…必须保持战略清醒、增强信心底气 / 我们站在新的历史起点上，务必…: the stance the whole government is asked to
    hold, no unit's work; the work that follows in the paragraph stays a task."""
    text = _PLAN + (
        "当前，外部环境复杂性、严峻性、不确定性上升，必须保持战略清醒、增强信心底气、主动有效应对，在越战越勇中实现不断跃升。"
        "新建养老床位500张。\n\n"
        "时代呼唤高质量发展，我们站在新的历史起点上，务必全面贯彻落实党的二十大精神，加快打造高质量发展新增长极。\n"
    )
    roles = _roles_of(text)
    assert roles["当前，外部环境复杂性、严峻性、不确定性上升，必须保持战略清醒、增强信心底气、主动有效应对，"
                 "在越战越勇中实现不断跃升。"] == "context"
    assert roles["时代呼唤高质量发展，我们站在新的历史起点上，务必全面贯彻落实党的二十大精神，加快打造高质量发展新增长极。"] \
        == "context"
    assert roles["新建养老床位500张。"] == "task"


def test_roles_an_overall_weighing_of_the_outlook_is_background():
    """综合起来看，…有利条件强于不利因素，…其时已至、其势已成、其兴可待: the outlook weighed, not work; a directive after
    the same opening (综合来看，今年要…) is the work."""
    assert cue_role(fold("综合起来看,我市面临的有利条件强于不利因素,发展的信心更强、底气更足,其时已至、其势已成、其兴可待。")) \
        == "context"
    assert cue_role(fold("综合来看,我市发展的有利条件强于不利因素。")) == "context"
    assert sentence_role(fold("综合来看,今年要重点抓好稳增长各项政策落实。")) == "task"


def test_roles_the_closing_pledge_under_the_partys_leadership_is_exhortation():
    """市政府将坚持在市委的统一领导下，…与全市人民一道，…: the closing pledge, context; a mechanism under a council's
    leadership (理事会领导下的…工作机制) is work."""
    assert cue_role(fold("市政府将坚持在市委的统一领导下,积极识变应变求变,与全市人民一道,奋力把宏伟蓝图变成美好现实!")) \
        == "context"
    assert sentence_role(fold("运用好理事会领导下的“管委会+公司”工作机制,全面提升科学城效能。")) == "task"


def test_roles_the_aim_work_starts_from_and_the_mark_the_staff_bear_are_attitude():
    """始终把为民造福作为政府工作的出发点和落脚点 / 让实干争先成为政府系统的鲜明标识: the government's own stance in
    政府自身建设, no unit's work; a field's work named as its mark (让依法行政成为鲜明标识) and a named service stay."""
    assert cue_role(fold("始终把为民造福作为政府工作的出发点和落脚点,自觉站在群众立场想问题、作决策。")) == "context"
    assert cue_role(fold("要对标先进、拉高标杆,让实干争先成为政府系统的鲜明标识。")) == "context"
    assert cue_role(fold("始终牢记政府面前“人民”二字,用情用力解决群众急难愁盼。")) == "context"
    assert cue_role(fold("深化法治建设,让科学决策、依法行政成为鲜明标识。")) is None


def test_roles_the_persistence_asked_of_the_staff_is_attitude():
    """大力发扬“钉钉子”精神，强化…意识: the stock call of 政府自身建设 opening the sentence; a mechanism to build that
    works in that spirit is work."""
    assert cue_role(fold("大力发扬“钉钉子”精神,强化“交账”、“收账”意识,提高闭环抓落实的效能。")) == "context"
    assert sentence_role(fold("建立争先创优机制,以钉钉子精神推动重点任务落地见效。")) == "task"


def test_roles_maxim_ranking_one_concern_first_heads_the_work():
    """坚持民生为大, / 坚持项目为王, opens a sentence as the maxim the work after it follows (a theme, never a task
    in the tuning gold); 坚持以项目为王的导向 as the object of a mechanism stays that work."""
    assert sentence_role(fold("坚持民生为大,加强普惠性、基础性、兜底性民生建设。")) == "theme"
    assert sentence_role(fold("坚持项目为王,推动政府投资、企业投资、民间投资“三资”齐升。")) == "theme"
    assert sentence_role(fold("坚持以项目为王的导向,健全重大项目全生命周期服务机制。")) == "task"


def test_roles_what_the_government_takes_as_its_works_starting_point_is_its_stance():
    """把…作为政府工作的起点/生命线 is the government's attitude (context); a field of work ranked first in it
    (作为政府工作的重中之重) with its quota is that work."""
    assert sentence_role(fold("把发展中的问题作为政府工作的起点,紧扣关键环节,一个一个解决,在狠抓落实中推动事业前进。")) == "context"
    assert sentence_role(fold("把招商引资作为政府工作的重中之重,全年引进亿元以上项目100个。")) == "task"


def test_roles_the_staffs_working_style_is_its_attitude():
    """拉高标杆, 按规律办事, 竭尽全力, 专业学习, 用数据说话: how the staff is to work (context, 11 of 11 in the tuning
    gold); training a field's professionals or a relief effort named with its means stays work."""
    for text in ("为此,要拉高标杆走前列,勇于向高处攀、和强者比、与快者赛。",
                 "坚持用进度说话、用数据说话、用项目说话、用结果说话,确保说一件、干一件、成一件。",
                 "加强专业学习,熟练掌握科技产业趋势、经济政策、规划土地政策、城市治理路径,提升政府工作专业水平。"):
        assert sentence_role(fold(text)) == "context", text
    assert sentence_role(fold("加强专业人才队伍建设,引进紧缺专业人才200名。")) == "task"
    assert sentence_role(fold("竭尽全力做好受灾群众转移安置,加快灾后恢复重建。")) == "task"


def test_roles_the_mindset_the_staff_is_to_hold_is_its_attitude():
    """树立法治思维, 增强市场意识 opening a sentence: the mindset asked of the staff (context); raising the ability
    to use legal thinking, followed by the rule-of-law work, is not this cue's."""
    assert sentence_role(fold("树立法治思维,善于运用法律和政策手段解决问题、化解矛盾,在法治轨道上深化改革促进发展。")) == "context"
    assert sentence_role(fold("增强市场意识、开放意识,遵守市场规则,拓宽国际视野,激发市场活力。")) == "context"
    assert cue_role(fold("提高运用法治思维和法治方式的能力,常态化开展府院联动、府检联动,加强审计监督、财会监督、统计监督。")) is None


def test_roles_paragraph_turning_to_the_difficulties_is_context():
    """A paragraph opened by 我们也要看到…困难和问题 lists them and the resolve to face them: context as a whole,
    though its sentences carry verbs (产品量增价未增, 面临困难, 竭尽全力把…转化为…)."""
    paragraph = ("在看到有利条件的同时，我们也要看到发展中的困难和问题。一些行业企业产品量增价未增，主导产业面向下游、终端的"
                 "技术与产品不足，民生社会事业发展距离群众期待还有差距。只要信心不滑坡，办法总比困难多。"
                 "我们要千方百计化不利为有利，竭尽全力把积极因素转化为发展实绩。")
    roles = _roles_of(_PLAN + paragraph + "\n")
    assert {r for t, r in roles.items() if t.strip() and t in paragraph} == {"context"}


def test_roles_one_aim_sentence_after_a_numbered_heading_is_a_theme():
    """（六）办好民生大事实事。更加注重…。 alone in its paragraph, the work in the paragraphs after it: the sentence
    states the section's aim; one naming a figure, a deliverable or the year's 民生实事 is a row."""
    text = _PLAN + (
        "（六）办好民生大事实事，在解决群众急难愁盼问题上聚力攻坚。更加注重在发展中保障和改善民生，加大力度、体现实效，"
        "增强群众获得感幸福感安全感。\n\n深入实施就业促进行动，落实好重点群体就业支持计划，城镇新增就业2万人。\n\n"
        "（七）繁荣发展文化事业。编制实施文化强市规划，弘扬社会主义核心价值观，繁荣文化事业。\n\n"
        "推进公共文化服务体系建设，新建城市书房20个。\n"
    )
    roles = _roles_of(text)
    assert roles["更加注重在发展中保障和改善民生，加大力度、体现实效，增强群众获得感幸福感安全感。"] == "theme"
    assert roles["编制实施文化强市规划，弘扬社会主义核心价值观，繁荣文化事业。"] == "task"
    assert roles["深入实施就业促进行动，落实好重点群体就业支持计划，城镇新增就业2万人。"] == "task"


def test_roles_battle_slogan_heads_the_measures_after_it():
    """…,深入打好蓝天、碧水、净土保卫战。 with the measures after it in its paragraph is their theme; ending its
    paragraph, or carrying its own work after the slogan, it stays a task."""
    text = _PLAN + (
        "推进生态文明建设。坚持精准治污、科学治污、依法治污，深入打好蓝天、碧水、净土保卫战。"
        "加强细颗粒物和臭氧协同控制，完成200家企业深度治理。推进入河排污口整治，确保国省考断面全部达标。\n\n"
        "加强生态保护。持续开展国土绿化行动，完成造林1万亩。巩固生态环境治理成效，深入打好蓝天、碧水、净土保卫战。\n"
    )
    roles = _roles_of(text)
    assert roles["坚持精准治污、科学治污、依法治污，深入打好蓝天、碧水、净土保卫战。"] == "theme"
    assert roles["巩固生态环境治理成效，深入打好蓝天、碧水、净土保卫战。"] == "task"


def test_roles_aim_under_a_numbered_point_heading_introduces_its_section():
    """一是坚持稳中求进，…。 as a heading, one aim sentence after it in its paragraph, then paragraphs opened by their
    own theme sentences: the aim introduces the section (a theme) as it would under （一）; a numbered point
    whose paragraph carries its measures keeps them as work."""
    text = _PLAN + (
        "一是坚持稳中求进、以进促稳，巩固增强经济回升向好态势。统筹发挥存量政策和增量政策作用，全方位扩大有效需求。\n\n"
        "推动消费扩容升级。加力扩围“两新”政策，更大规模撬动汽车、家电家居等消费品更新换代。实施提振消费专项行动，多渠道增加居民收入。\n\n"
        "积极扩大有效投资。优化重大项目服务保障机制，全年完成重大项目投资1600亿元以上。建立民间投资重点项目库，实施省重点民资项目18个。\n\n"
        "二是加强廉洁自律。严格落实党风廉政建设责任制，驰而不息纠治“四风”。始终树牢过紧日子思想，严格控制机关运行成本。\n"
    )
    roles = _roles_of(text)
    assert roles["统筹发挥存量政策和增量政策作用，全方位扩大有效需求。"] == "theme"
    assert roles["推动消费扩容升级。"] == "theme"
    assert roles["实施提振消费专项行动，多渠道增加居民收入。"] == "task"
    assert roles["始终树牢过紧日子思想，严格控制机关运行成本。"] == "task"  # three sentences: the point's own work


def test_roles_principles_written_as_paragraph_openers_after_a_lead_in():
    """要牢牢把握以下几个方面： then paragraphs each opened by a short principle (必须坚持党的领导。…): the sentences
    under each principle state it (context); the work announced after them keeps its roles."""
    text = _PLAN + (
        "做好今年经济社会发展工作，实现上述目标，要牢牢把握以下几个方面：\n\n"
        "必须坚持党的领导。深学笃用习近平新时代中国特色社会主义思想，把党的全面领导贯穿政府工作全过程。"
        "扎实开展“党的二十大精神大学习大落实”活动，提高政治能力、战略眼光和专业水平。\n\n"
        "必须牢记为民宗旨。牢固树立以人民为中心的发展思想，站稳人民立场，在促进共同富裕上积极探索。\n\n"
        "今年，要集中力量抓好以下八个方面工作：\n\n"
        "（一）聚力稳住宏观基本盘\n\n全力保障产业链供应链循环畅通。围绕产销对接畅链，分产业、分领域制定帮扶工作方案。"
        "围绕渠道畅通保链，加快推进2个综合货运枢纽建设。\n"
    )
    roles = _roles_of(text)
    assert roles["扎实开展“党的二十大精神大学习大落实”活动，提高政治能力、战略眼光和专业水平。"] == "context"
    assert roles["牢固树立以人民为中心的发展思想，站稳人民立场，在促进共同富裕上积极探索。"] == "context"
    assert roles["围绕渠道畅通保链，加快推进2个综合货运枢纽建设。"] == "task"


_CODA = ROLES["address_coda"]


@pytest.mark.parametrize(("positive", "text"), [(True, t) for t in _CODA["examples"]] + [(False, t) for t in _CODA["not"]])
def test_roles_address_coda_examples(positive, text):
    assert (role_rules().address.search(fold(text)) is not None) is positive


@pytest.mark.parametrize(("positive", "text"), [(True, t) for t in _CODA["pledges"]] + [(False, t) for t in _CODA["stances"]])
def test_roles_address_coda_pledges_and_stances(positive, text):
    assert (role_rules().address_pledge.search(fold(text)) is not None) is positive


def test_roles_address_closing_a_section_states_the_stance():
    """各位代表！产业兴则城市兴。我们坚定不移实施产业强市战略，… right before the next numbered heading sums the
    section up: no row. Work pledged there (我们将…), a paragraph counting the 民生实事 and an address opening
    its section keep their rows."""
    work = "加快商用车、输配电等传统产业智能绿色转型，推动重点项目投产达效。扩大智能网联汽车、新能源等新兴支柱产业规模。"
    text = _PLAN + (
        "（一）发展壮大实体经济\n\n推动先进制造业集群化发展。" + work + "\n\n"
        "各位代表！产业兴则城市兴，产业强则经济强。我们坚定不移实施产业强市战略，真抓产业，以链群建设扩大规模效应，"
        "加快构建现代化产业体系。\n\n"
        "（二）强化人才支撑\n\n完善人才评价制度。" + work + "\n\n"
        "各位代表！人才是城市发展之基、创新之要，我们将持续打造青年发展型街区、人才友好型城市，广聚天下英才。\n\n"
        "（三）着力保障和改善民生\n\n积极促进就业增收。" + work + "\n\n"
        "各位代表！中国式现代化，民生为大。今年我们谋划实施十方面30项民生实事。我们按照当年实施、当年完成的要求，"
        "强化责任落实，加快工作进度。\n\n"
        "三、加强政府自身建设\n\n各位代表！新的一年，我们将加快建设人民满意的服务型政府。严格落实中央八项规定精神，"
        "坚决纠治形式主义、官僚主义。\n\n坚持过紧日子，严控一般性支出。\n\n"
        "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力谱写新篇章！\n"
    )
    roles = _roles_of(text)
    assert roles["我们坚定不移实施产业强市战略，真抓产业，以链群建设扩大规模效应，加快构建现代化产业体系。"] == "context"
    assert roles["人才是城市发展之基、创新之要，我们将持续打造青年发展型街区、人才友好型城市，广聚天下英才。"] == "task"
    assert roles["我们按照当年实施、当年完成的要求，强化责任落实，加快工作进度。"] == "task"
    assert roles["严格落实中央八项规定精神，坚决纠治形式主义、官僚主义。"] == "task"
