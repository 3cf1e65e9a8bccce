import pytest

from luoshi.link import link_reports
from tests.link.helpers import commitment, extraction, link_one

# Unrelated review lines that pad a review so a candidate's words are rare in it.
FILLERS = "新建公园12个。地铁新线开通运营。城中村改造启动。垃圾分类覆盖全市。新增就业岗位12万个。粮食产量保持稳定。"

NEW = (
    "一、过去一年工作回顾\n"
    "城子水厂升级改造完成，门城水厂主体完工。双大路二期、108国道二期通车。"
    "鲁家山垃圾焚烧厂余热供热工程稳步推进。档案馆新馆开工建设。重点项目进展缓慢，西山隧道工程尚未开工。"
    "为完善农村集体土地征收补偿制度做了大量准备工作。\n"
    "三、2022年政府工作计划\n"
    "确保金隅琉璃文化创意产业园改造工程年内完工。实现梁桥220千伏变电站年内开工。\n"
)


@pytest.mark.parametrize(
    ("pledge", "status", "evidence"),
    [
        ("完成门城水厂建设", "partial", "门城水厂主体完工"),  # result pledge, progress only
        ("力争实现双大路二期主体完工", "fulfilled", "双大路二期、108国道二期通车"),
        ("推进鲁家山垃圾焚烧厂余热供热工程", "fulfilled", "鲁家山垃圾焚烧厂余热供热工程稳步推进"),  # process pledge
        ("加快推进档案馆新馆建设", "fulfilled", "档案馆新馆开工建设"),
        ("建成档案馆新馆", "partial", "档案馆新馆开工建设"),
        ("开工建设西山隧道工程", "not_fulfilled", "西山隧道工程尚未开工"),
        # the new plan alone is no evidence: carried over, status from the review only
        ("推动琉璃文化创意产业园落地建设", "no_evidence", None),
        # a one-off end state promised again unchanged after its deadline
        ("实现梁桥220千伏变电站开工", "not_fulfilled", "实现梁桥220千伏变电站年内开工"),
        ("启动冀热察挺进军司令部旧址陈列馆提升", "no_evidence", None),
        # a regulation to issue is a result: preparations for it are a step, not the regulation
        ("制定出台农村集体土地征收补偿条例", "partial", "为完善农村集体土地征收补偿制度做了大量准备工作"),
    ],
)
def test_pledges_process_and_result_verdicts(pledge, status, evidence):
    old = f"2020年。{pledge}。"
    [link] = link_reports(extraction(2020, [commitment(pledge, old)]), old, extraction(2022), NEW)
    assert link.status == status
    top = link.evidence[0] if link.evidence else None
    assert (top.text if top else None) == evidence
    if top:
        assert NEW[top.start : top.end] == top.text
        assert link.reason


def test_pledges_carried_over_is_a_signal_beside_the_status():
    pledge = "推动琉璃文化创意产业园落地建设"
    old = f"2020年。{pledge}。"
    [link] = link_reports(extraction(2020, [commitment(pledge, old)]), old, extraction(2022), NEW)
    assert link.status == "no_evidence" and not link.evidence
    carried = link.carried_over
    assert carried is not None and carried.text == "确保金隅琉璃文化创意产业园改造工程年内完工"
    assert carried.part == "plan" and NEW[carried.start : carried.end] == carried.text
    assert "不作为落实证据" in link.reason
    # with review evidence as well, the status rests on the review and carried_over stays beside it
    new = NEW.replace("档案馆新馆开工建设。", "档案馆新馆开工建设。金隅琉璃文化创意产业园开工建设。")
    link = link_one(pledge, new, 2020, 2022, old=old)
    assert link.status == "fulfilled" and link.evidence[0].text == "金隅琉璃文化创意产业园开工建设"
    assert link.evidence[0].part == "review" and link.evidence[0].period == "2021"
    assert link.carried_over is not None and link.carried_over.part == "plan"


def test_pledges_each_clause_of_a_long_commitment_finds_its_evidence():
    pledge = "配合做好永定河生态补水,严格落实河长制"
    new = "一、过去一年工作回顾\n率先实施河长制，断面水质稳定达标。"
    old = pledge + "。"
    link = link_one(pledge, new, 2020, 2021, old=old)
    assert link.status == "fulfilled" and link.evidence[0].text == "率先实施河长制"


def test_pledges_reason_says_what_was_promised_and_found():
    old = "完成门城水厂建设。"
    [link] = link_reports(extraction(2020, [commitment("完成门城水厂建设", old)]), old, extraction(2022), NEW)
    assert link.reason.startswith("证据（回顾，2021）：门城水厂主体完工 — 主体完工而非完成；匹配：门城水厂")


def test_pledges_policy_paraphrases_read_the_same():
    new = "一、过去一年工作回顾\n严厉打击黑恶势力违法犯罪。基本实现农村地区公厕户厕达标改造。"
    for pledge, evidence in [("持续开展扫黑除恶", "严厉打击黑恶势力违法犯罪"),
                             ("持续开展农村“厕所革命”", "基本实现农村地区公厕户厕达标改造")]:
        old = pledge + "。"
        link = link_one(pledge, new, 2020, 2021, old=old)
        assert link.status == "fulfilled" and link.evidence[0].text == evidence


def test_pledges_dispute_settlement_listings_and_lenient_enforcement_in_other_words():
    new = ("一、过去一年工作回顾\n“化解矛盾风险维护社会稳定”专项治理扎实推进。新增境内外上市公司4家。"
           "包容审慎监管方式稳妥推行。\n")
    for pledge, evidence in [("加强矛盾纠纷排查化解", "“化解矛盾风险维护社会稳定”专项治理扎实推进"),
                             ("加强企业上市培育", "新增境内外上市公司4家"),
                             ("对轻微违法行为推行柔性执法", "包容审慎监管方式稳妥推行")]:
        link = link_one(pledge, new, 2020, 2021, old=pledge + "。")
        assert link.status != "no_evidence" and link.evidence[0].text == evidence
    # a different risk to defuse is not the disputes
    assert link_one("防范化解重大风险", new, 2020, 2021, old="防范化解重大风险。").status == "no_evidence"


def test_pledges_dispute_settlement_is_reported_as_petitions_work():
    new = ("一、过去一年工作回顾\n深化信访问题源头治理三年攻坚行动。全市治安案件下降10%。新建公园12个。"
           "轨道交通3号线开通运营。\n")
    link = link_one("坚持和发展新时代“枫桥经验”，推动矛盾纠纷源头化解", new, 2020, 2021)
    assert link.status != "no_evidence" and link.evidence[0].text == "深化信访问题源头治理三年攻坚行动"
    # the petitions line is no evidence of other public-order work
    assert link_one("加强社会治安防控", new, 2020, 2021).status == "no_evidence"


def test_pledges_a_duty_is_met_by_the_work_it_lays_on():
    new = ("一、过去一年工作回顾\n安全生产事故数、亡人数分别下降18.6%和14.2%。新建公园12个。"
           "轨道交通3号线开通运营。\n")
    link = link_one("落实安全生产责任", new, 2020, 2021)
    assert link.status != "no_evidence" and link.evidence[0].text.startswith("安全生产事故数")
    # a duty of another work is not met by the safety line
    assert link_one("落实生态环境保护责任", new, 2020, 2021).status == "no_evidence"


def test_pledges_each_named_work_finds_its_evidence():
    pledge = "打响“门头沟小院”“灵山绿产”“京西古道”三个品牌"
    new = "一、过去一年工作回顾\n成功打响“门头沟小院”精品民宿品牌。"
    old = pledge + "。"
    c = commitment(pledge, old)
    c.projects = ["门头沟小院", "灵山绿产", "京西古道"]
    [link] = link_reports(extraction(2020, [c]), old, extraction(2021), new)
    assert link.status == "fulfilled" and link.evidence[0].text == "成功打响“门头沟小院”精品民宿品牌"


_FILLER = ["空气质量持续改善", "城乡居民收入稳步增长", "新增就业岗位", "完成年度造林任务", "接诉即办",
           "防汛工作有力有序", "营商环境持续优化", "文化事业繁荣发展"]


def _index(*clauses: str):
    """An index over ``clauses`` and some unrelated ones, so that bigram weights are realistic."""
    from luoshi.link.pledges import EvidenceIndex
    from luoshi.link.segments import Unit

    units, pos = [], 0
    for c in [*clauses, *_FILLER]:
        units.append(Unit(pos, pos + len(c), c, pos, pos + len(c), "review"))
        pos += len(c) + 1
    return EvidenceIndex(units, "new")


def test_pledges_plan_periods_and_manner_words_are_no_object():
    from luoshi.link.aspect import strip_query

    assert "十四五" not in strip_query("高质量编制“十四五”规划") and "高质量" not in strip_query("高质量编制“十四五”规划")
    pledge = "高质量编制“十四五”规划"
    new = "一、过去一年工作回顾\n市郊铁路纳入市、区“十四五”规划。推动地区实现高质量发展。"
    old = pledge + "。"
    link = link_one(pledge, new, 2020, 2021, old=old)
    assert link.status == "no_evidence" and not link.evidence


def test_pledges_a_query_of_two_bigrams_finds_nothing():
    ev = _index("率先完成分区规划编制", "规划引领")
    assert ev.find("编制“规划”", []) == []
    assert ev.find("分区规划编制", [])  # three distinct bigrams and more: searched


def test_pledges_counts_are_kept_apart_from_dates():
    from luoshi.link.aspect import counts

    assert counts("2020年底前完成138个村美丽乡村规划备案") == {"138个"}
    assert counts("造林1万亩") == {"1万亩"}


def test_pledges_a_one_digit_count_marks_no_batch_of_work():
    from luoshi.link.aspect import counts

    assert counts("新增省级服务业创新发展区2家") == set()
    assert counts("新增省级服务业创新发展区12家，培育1.5万亩") == {"12家", "1.5万亩"}


def test_pledges_a_repeated_count_ranks_its_clause_first():
    ev = _index("出台美丽乡村规划数据库标准", "138个美丽乡村村庄规划获批", "38个美丽乡村村庄规划获批")
    found = ev.find("完成138个美丽乡村规划备案", [])
    assert [ev.units[i].text for i, _ in found][0] == "138个美丽乡村村庄规划获批"
    ev = _index("出台美丽乡村规划数据库标准", "138个美丽乡村村庄规划获批")
    assert ev.units[ev.find("完成38个美丽乡村规划备案", [])[0][0]].text == "出台美丽乡村规划数据库标准"  # 38 ≠ 138


def test_pledges_equal_coverage_goes_to_the_shorter_clause():
    ev = _index("滨河地区街区控规成为全市首个获批控规，控规要求下", "27个街区控规形成阶段性成果")
    found = ev.find("推进街区控规编制工作", [])
    assert found[0][1] == found[1][1]
    assert ev.units[found[0][0]].text == "27个街区控规形成阶段性成果"


def test_pledges_generic_words_do_not_make_a_match():
    """深入推进“健康门头沟”建设 is not fulfilled by 推进平安门头沟建设: the shared words are the frame."""
    new = ("一、过去一年工作回顾\n推进平安门头沟建设。门头沟区生态环境持续改善。门头沟小院品牌叫响。"
           "门头沟区新增就业岗位。\n三、2022年政府工作计划\n打造“健康门头沟”。\n")
    pledge = "深入推进“健康门头沟”建设"
    old = pledge + "。"
    link = link_one(pledge, new, 2020, 2022, old=old)
    assert link.status == "no_evidence" and not link.evidence
    assert link.carried_over is not None and link.carried_over.text == "打造“健康门头沟”"
    # the specific word present: evidence, and the reason names it
    new2 = new.replace("推进平安门头沟建设。", "“健康门头沟”建设全面推进。")
    link = link_one(pledge, new2, 2020, 2022, old=old)
    assert link.status == "fulfilled" and "健康门头沟" in link.reason


def test_pledges_boilerplate_is_judged_from_the_targets():
    from tests.link.helpers import target

    new = ("一、过去一年工作回顾\n地区生产总值增长6.5%。全面完成市政府下达的各项任务。\n"
           "三、2022年政府工作计划\n全面完成市政府下达的各项任务。\n")
    old = "主要预期目标：地区生产总值增长6%左右。全面完成市政府下达的各项任务。"
    c = commitment("全面完成市政府下达的各项任务", old)
    ind = target(old, "增长6%左右", "地区生产总值", 6, "about", "increase", period="2021")
    links = link_reports(extraction(2021, [c], [ind]), old, extraction(2022), new)
    task = next(l for l in links if l.source_kind == "commitment")
    assert task.status == "fulfilled" and "依本报告指标判断" in task.reason and not task.evidence
    # without targets to judge from: no verdict; the stock phrase repeated in the new plan is
    # neither a shortfall nor the same work carried over
    [task] = link_reports(extraction(2021, [c]), old, extraction(2022), new)
    assert task.status == "no_evidence" and task.carried_over is None and not task.evidence


def test_pledges_evidence_is_best_first_at_most_three_with_part_and_period():
    new = ("一、“十三五”时期工作回顾\n门城水厂开工建设。门城水厂主体完工。门城水厂建成通水。"
           "2016年门城水厂完成选址。门城水厂完成规划。\n三、2021年政府工作计划\n门城水厂投入运营。\n")
    pledge = "完成门城水厂建设"
    old = pledge + "。"
    link = link_one(pledge, new, 2020, 2021, old=old)
    assert 1 <= len(link.evidence) <= 3
    assert all(e.part == "review" for e in link.evidence)
    assert link.evidence[0].period == "2016—2020"  # a five-year review, and it says so
    assert all("2016年" not in e.text for e in link.evidence)  # before the task's own year: no evidence of it
    assert link.status == "fulfilled" and "门城水厂" in link.reason


def test_pledges_a_row_of_several_tasks_is_judged_by_the_clause_that_found_the_evidence():
    """完成A，推进B: evidence of progress on B fulfils the process clause; it is not a shortfall of 完成."""
    new = "一、过去一年工作回顾\n鲁家山垃圾焚烧厂余热供热工程稳步推进。\n"
    row = "完成龙泉医院迁建,推进鲁家山垃圾焚烧厂余热供热工程"
    old = row + "。"
    link = link_one(row, new, 2020, 2021, old=old)
    assert link.status == "fulfilled" and link.evidence[0].text == "鲁家山垃圾焚烧厂余热供热工程稳步推进"


def test_pledges_a_clause_of_common_words_counts_only_when_said_again_in_full():
    """落实学校、医院的主体责任 is the frame of a traffic task, not its object: 全面从严治党主体责任 is no evidence."""
    new = ("一、过去一年工作回顾\n制定市政府党组落实全面从严治党主体责任的若干意见。扎实推进审计监督全覆盖。"
           "门城水厂主体完工。双大路二期通车。\n")
    row = "深化整治北京南站交通转换环境，落实学校、医院的主体责任"
    old = row + "。"
    link = link_one(row, new, 2020, 2021, old=old)
    assert link.status == "no_evidence" and not link.evidence
    # a clause of common words said again in full is the same work
    row = "完善交通转换环境，加强审计监督"
    old = row + "。"
    link = link_one(row, new, 2020, 2021, old=old)
    assert link.status == "fulfilled" and link.evidence[0].text == "扎实推进审计监督全覆盖"


def test_pledges_a_quoted_programme_said_again_whole_names_a_light_clause():
    """加快“四好农村路”扩面提质: the clause's other words weigh nothing, the programme said again whole is the work."""
    new = ("一、过去一年工作回顾\n新改建农村公路102.5公里，余姚获评“四好农村路”全国示范县。门城水厂主体完工。"
           "双大路二期通车。新增城镇就业14万人。天一阁博物院南馆设计方案获批。城乡居民收入稳步增长。"
           "完成老旧小区改造120个。\n二、今年工作安排\n推进天一阁博物院南馆建设。\n")
    row = "加快“四好农村路”扩面提质，推进城乡公交一体化高质量发展"
    link = link_one(row, new, 2023, 2024)
    assert link.status == "fulfilled" and "四好农村路" in link.evidence[0].text
    # a clause sharing only a part of the quoted name is still no evidence
    link = link_one("加快“四好农村路”扩面提质，推进城乡公交一体化高质量发展", "一、过去一年工作回顾\n农村道路养护加强。\n", 2023, 2024)
    assert link.status == "no_evidence"


def test_pledges_evidence_holding_more_of_the_task_ranks_first():
    """Of two clauses that each hold all of a short query, the one sharing the task's heavier words leads."""
    new = ("一、过去一年工作回顾\n改革管理体制、运行机制。未来科学城东区央企创新要素聚集效应逐步显现。"
           "门城水厂主体完工。双大路二期通车。\n")
    row = "未来科学城要着力增强创新要素的活力，改革管理体制"
    old = row + "。"
    link = link_one(row, new, 2020, 2021, old=old)
    assert link.evidence[0].text == "未来科学城东区央企创新要素聚集效应逐步显现"


def test_pledges_each_work_of_a_list_joined_by_ji_finds_its_evidence():
    """加速推进A及档案馆新馆建设: the review reports each work in its own clause."""
    new = ("一、过去五年工作回顾\n档案馆新馆开工建设，政务服务中心主体结构封顶。门城水厂主体完工。"
           "双大路二期通车。\n三、2022年政府工作计划\n确保体育文化中心完工。\n")
    row = "加速推进冀热察挺进军司令部旧址陈列馆提升改造及档案馆新馆建设,进一步提升区域文化服务供给能力"
    old = row + "。"
    link = link_one(row, new, 2020, 2022, old=old)
    assert link.status == "fulfilled"
    assert link.evidence[0].text == "档案馆新馆开工建设"
    assert all(e.part == "review" for e in link.evidence)


def test_pledges_ji_inside_a_word_splits_nothing():
    from luoshi.link.pledges import queries
    from tests.link.helpers import commitment as make

    row = "推动科学普及工作，及时处置风险"
    qs = queries(make(row, row + "。"))
    assert not any(q.startswith("时") or q.endswith("普") for q in qs)


def test_pledges_a_result_on_part_of_the_object_is_partial():
    """基本完成首钢南区规划优化: 首钢滑雪大跳台完工 is a result on another part of 首钢, not the promised one."""
    new = ("一、过去一年工作回顾\n首钢滑雪大跳台完工。门城水厂主体完工。双大路二期通车。档案馆新馆开工建设。"
           "城子水厂升级改造完成。\n")
    pledge = "基本完成首钢南区规划优化"
    old = pledge + "。"
    link = link_one(pledge, new, 2020, 2021, old=old)
    assert link.status in ("partial", "no_evidence")
    # the same object reported done: fulfilled
    [link] = link_reports(extraction(2020, [commitment("完成城子水厂升级改造", "完成城子水厂升级改造。")]),
                          "完成城子水厂升级改造。", extraction(2021), new)
    assert link.status == "fulfilled"


def test_pledges_a_clause_of_common_words_said_again_nearly_in_full_counts():
    """巩固全民基本医保 → 全民医保覆盖面超过95%: nearly all of a clause of common words is the same work."""
    new = ("一、过去一年工作回顾\n全民医保覆盖面超过95%。门城水厂主体完工。双大路二期通车。档案馆新馆开工建设。\n")
    row = "巩固全民基本医保，通过改革整合城乡居民基本医疗保险制度"
    old = row + "。"
    link = link_one(row, new, 2014, 2015, old=old)
    assert link.status == "fulfilled" and link.evidence[0].text == "全民医保覆盖面超过95%"


def test_pledges_how_exact_a_quantity_is_names_no_object():
    from luoshi.link.aspect import counts, strip_query

    stripped = strip_query("年内完成1000个左右村的规划编制")
    assert "左右" not in stripped and "规划编制" in stripped
    assert "以上" not in strip_query("新开工700万套以上") and "左右" in strip_query("左右岸绿化")
    assert counts("年内完成1000个左右村的规划编制") == {"1000个"}  # the count itself is still a count


def test_pledges_a_bound_or_last_year_beside_a_quantity_names_no_object():
    """超过1400亿元, 比上年减少300亿元: the frame of a figure matches any clause giving a figure."""
    from luoshi.link.aspect import strip_query

    assert "超过" not in strip_query("年内完成投资超过1400亿元", keep_nouns=True)
    stripped = strip_query("今年拟发行建设国债1100亿元，比上年减少300亿元", keep_nouns=True)
    assert "减少" not in stripped and "建设国债" in stripped
    assert "万亿" not in strip_query("总投资超过1.1万亿元的228项市级重点项目", keep_nouns=True)
    assert "国道109" in strip_query("改造国道109", keep_nouns=True)  # a number in a name stays
    assert "超过" in strip_query("超过预期", keep_nouns=True)  # no figure: not a figure's frame
    # 纵深推进 says how, like 深入推进: the campaign is the object
    assert strip_query("纵深推进扫黑除恶专项斗争", keep_nouns=True).strip("|") == "扫黑除恶"
    # 多渠道 says how money or jobs come (多渠道增加农民收入), not which
    assert strip_query("多渠道增加扶贫资金投入", keep_nouns=True).strip("|") == "增加扶贫资金投入"


@pytest.mark.parametrize(
    ("task", "review", "status", "evidence"),
    [
        # only a figure's frame is shared: no evidence
        ("年内完成投资超过1400亿元", "城乡社区“三社联动”覆盖面超过70%。", "no_evidence", None),
        ("今年拟发行建设国债1100亿元，比上年减少300亿元", "农村贫困人口比上年减少290万。", "no_evidence", None),
    ],
)
def test_pledges_frames_are_not_the_object(task, review, status, evidence):
    new = "一、2019年工作回顾\n" + review + "\n二、2020年主要任务\n加强城市管理。\n"
    link = link_one(task, new, 2019, 2020)
    assert link.status == status
    assert (link.evidence[0].text if link.evidence else None) == evidence


def test_pledges_a_clause_is_read_with_its_sentence():
    """扩大人民币在跨境贸易和投资中的使用: the review names trade in one clause and investment in the next."""
    from luoshi.link.pledges import EvidenceIndex
    from luoshi.link.segments import Unit

    def index(*sentences: tuple[str, ...]) -> EvidenceIndex:
        units, pos = [], 0
        for clauses in [*sentences, *((f,) for f in _FILLER)]:
            start = pos
            for c in clauses:
                units.append(Unit(pos, pos + len(c), c, start, start + len("，".join(clauses)), "review"))
                pos += len(c) + 1
        return EvidenceIndex(units, "new")

    query = "扩大人民币在跨境贸易和投资中的使用"
    together = index(("把跨境贸易人民币结算范围扩大到全国", "启动境外直接投资人民币结算试点"))
    apart = index(("把跨境贸易人民币结算范围扩大到全国",), ("启动境外直接投资人民币结算试点",))
    best = lambda ev: max(ev.match(query, []), key=lambda m: m.coverage)  # noqa: E731
    assert best(together).coverage > best(apart).coverage
    assert together.units[best(together).unit].text == "把跨境贸易人民币结算范围扩大到全国"
    # a clause that names nothing of the work gains nothing from its sentence
    with_other = index(("把跨境贸易人民币结算范围扩大到全国", "气象服务水平提升"))
    assert all(with_other.units[m.unit].text != "气象服务水平提升" for m in with_other.match(query, []))


def test_pledges_two_works_and_deng_are_a_list():
    from luoshi.link.pledges import list_items

    assert list_items("加快国际金融城、琶洲互联网创新集聚区等项目建设") == ["加快国际金融城", "琶洲互联网创新集聚区"]
    assert list_items("加强教育、医疗合作") == []  # no 等, short words: no list
    new = ("一、过去一年工作回顾\n国际金融城、万博商务区、南站商务区等功能区加快建设。门城水厂主体完工。双大路二期通车。"
           "档案馆新馆开工建设。城子水厂升级改造完成。\n")
    row = "加快国际金融城、琶洲互联网创新集聚区等项目建设"
    old = row + "。"
    link = link_one(row, new, 2019, 2020, old=old)
    assert link.status == "fulfilled" and "国际金融城" in link.evidence[0].text


def test_pledges_the_work_before_he_is_a_query_of_its_own():
    """加强知识产权保护和创造运用: the review reports 知识产权保护; the part after 和 may be a fragment."""
    from luoshi.link.pledges import queries
    from tests.link.helpers import commitment as make

    row = "加强知识产权保护和创造运用"
    qs = queries(make(row, row + "。"))
    assert "加强知识产权保护" in qs and "创造运用" in qs
    assert not any(q.endswith("谐") for q in queries(make("推进社会和谐稳定发展", "推进社会和谐稳定发展。")))
    # the part after 和 counts only with a heavy run of its own: 服务体系建设 is a fragment
    new = ("一、过去一年工作回顾\n基层医疗卫生服务体系基本建成。门城水厂主体完工。双大路二期通车。档案馆新馆开工建设。"
           "城子水厂升级改造完成。\n")
    row = "继续推进残疾人社会保障体系和服务体系建设"
    old = row + "。"
    [link] = link_reports(extraction(2011, [make(row, old)]), old, extraction(2012), new)
    assert link.status == "no_evidence"
    # …while a work with a name of its own after 和 finds its evidence
    from luoshi.link.pledges import after_and

    assert after_and("巩固完善基本药物制度和基层医疗卫生机构运行新机制") == ["基层医疗卫生机构运行新机制"]
    new = new.replace("基层医疗卫生服务体系基本建成", "“蓉贝”软件人才引育计划成效明显")
    row = "加强高层次人才引进和“蓉贝”软件人才引育计划"
    old = row + "。"
    [link] = link_reports(extraction(2021, [make(row, old)]), old, extraction(2022), new)
    assert link.status == "fulfilled" and "蓉贝" in link.evidence[0].text


def test_pledges_evidence_of_the_whole_task_ranks_before_evidence_of_one_part():
    """完成污水治理和再生水利用第二个三年行动方案: 第二个污水治理三年行动 before 300个村污水治理."""
    new = ("一、过去一年工作回顾\n完成300个村污水治理、839座农村公厕改造任务。完成第二个污水治理三年行动任务。"
           "门城水厂主体完工。双大路二期通车。档案馆新馆开工建设。城子水厂升级改造完成。\n")
    row = "完成污水治理和再生水利用第二个三年行动方案"
    old = row + "。"
    link = link_one(row, new, 2019, 2020, old=old)
    assert link.evidence[0].text == "完成第二个污水治理三年行动任务"


def test_pledges_a_named_work_is_read_without_the_pledge_verb_before_it():
    """The extractor may take 巩固 into a project name; the review names the work without it."""
    from luoshi.link.aspect import name_core

    assert name_core("巩固食品安全示范区") == "食品安全示范区" and name_core("开工建设西山隧道") == "西山隧道"
    assert name_core("建成区") == "建成区" and name_core("门城水厂") == "门城水厂"
    new = ("一、“十三五”时期工作回顾\n成功创建“北京市食品安全示范区”。门城水厂主体完工。双大路二期通车。"
           "档案馆新馆开工建设。城子水厂升级改造完成。\n")
    row = "巩固食品安全示范区创建成果,谋划启动国家食品安全示范区创建工作"
    old = row + "。"
    c = commitment(row, old)
    c.projects = ["巩固食品安全示范区", "国家食品安全示范区"]
    [link] = link_reports(extraction(2020, [c]), old, extraction(2021), new)
    assert link.status == "fulfilled" and link.evidence[0].text == "成功创建“北京市食品安全示范区”"


def test_pledges_a_clause_that_only_gives_a_figure_is_no_evidence():
    # 比上年增长2倍 shares only the comparison, 灾后恢复重建占14% is a share of investment: neither says work was done
    new = ("一、过去一年工作回顾\n中央政府公共投资9243亿元，其中，灾后恢复重建占14%。"
           "中央财政安排保障性安居工程补助资金551亿元，比上年增长2倍。我们加快推进汶川地震灾后恢复重建，重灾区已完成投资6545亿元。\n")
    pledge = "灾后重建要加大力度，加快进度"
    old = f"2009年。{pledge}。"
    link = link_one(pledge, new, 2009, 2010, old=old)
    assert link.evidence and link.evidence[0].text == "我们加快推进汶川地震灾后恢复重建"
    assert all("占14%" not in e.text for e in link.evidence)
    pledge = "拟安排中央财政赤字7500亿元，比上年增加5700亿元"
    old = f"2009年。{pledge}。"
    link = link_one(pledge, new, 2009, 2010, old=old)
    assert link.status == "no_evidence" and not link.evidence


@pytest.mark.parametrize(
    "pledge",
    [
        "切实加强社会保障基金监管，保证基金安全",  # the fund's size is reported, not its supervision
        "要发挥政府投资和重大项目建设带动农民工就业的作用",  # 发挥…作用 is a frame: the object is 带动农民工就业
    ],
)
def test_pledges_a_shared_frame_or_thing_without_the_work_is_no_evidence(pledge):
    new = ("一、过去一年工作回顾\n全国社会保障基金积累6927亿元。我们发挥政府投资“四两拨千斤”的作用。"
           "城子水厂升级改造完成。\n")
    old = f"2009年。{pledge}。"
    link = link_one(pledge, new, 2009, 2010, old=old)
    assert link.status == "no_evidence" and not link.evidence
    # the same work said with its action noun is evidence
    new = new.replace("城子水厂升级改造完成", "社会保障基金监管切实加强")
    link = link_one(pledge, new, 2009, 2010, old=old)
    if "监管" in pledge:
        assert link.status == "fulfilled" and link.evidence[0].text == "社会保障基金监管切实加强"


def test_pledges_common_words_said_again_all_together_name_the_work():
    # 农民工, 养老保险, 办法 are each in nearly every report; all three again in one clause is the same work
    new = ("一、过去一年工作回顾\n出台包括农民工在内的城镇企业职工养老保险关系转移接续办法。"
           "在320个县开展新型农村社会养老保险试点。完善监管办法。\n")
    pledge = "制定实施农民工养老保险办法"
    old = f"2009年。{pledge}。"
    link = link_one(pledge, new, 2009, 2010, old=old)
    assert link.status == "fulfilled"
    assert link.evidence[0].text == "出台包括农民工在内的城镇企业职工养老保险关系转移接续办法"


def test_pledges_an_enumerator_is_no_part_of_the_work():
    from luoshi.link.aspect import strip_query

    assert "五是" not in strip_query("五是继续强化重点流域、区域污染防治", keep_nouns=True)


def test_pledges_a_version_number_marks_the_same_policy():
    """规划4.0版政策 → 制定营商环境政策4.0版: a version is as specific as a count (and 3.0版 is not 4.0版)."""
    from luoshi.link.aspect import counts

    assert counts("深入实施营商环境3.0版政策、规划4.0版政策") == {"3.0版", "4.0版"}
    pledge = "深入实施国际化营商环境3.0版政策、规划4.0版政策，争创国家营商环境创新试点城市"
    old = pledge + "。"
    filler = "。".join(f for f in _FILLER if "营商" not in f)
    new = "一、过去一年工作回顾\n制定营商环境政策4.0版。深入实施人才新政2.0版。" + filler + "。\n"
    link = link_one(pledge, new, 2021, 2022, old=old)
    assert link.status == "fulfilled" and link.evidence[0].text == "制定营商环境政策4.0版"
    # another version of the policy is no evidence
    [link] = link_reports(extraction(2021, [commitment(pledge, old)]), old, extraction(2022), new.replace("4.0版", "5.0版"))
    assert link.status == "no_evidence"


def test_pledges_frame_verbs_are_no_object():
    """全面实行生活垃圾分类: 实行 is a how-word like 实施; the object said again in full is evidence."""
    from luoshi.link.aspect import strip_query

    assert "实行" not in strip_query("全面实行生活垃圾分类", keep_nouns=True)
    pledge = "全面实行生活垃圾分类，探索建设“无废城市”"
    old = pledge + "。"
    new = "一、过去一年工作回顾\n扎实推进生活垃圾分类。城市韧性持续增强。营商环境优化提升。\n"
    link = link_one(pledge, new, 2021, 2022, old=old)
    assert link.status == "fulfilled" and link.evidence[0].text == "扎实推进生活垃圾分类"


def test_pledges_a_listed_work_is_read_in_its_clause():
    """城市主干道 of 深化历史文化街区、城市主干道等重点街区规划 asks for planning: 城市主干道提质改造完成 is other work."""
    pledge = "深化历史文化街区、城市主干道等重点街区规划"
    old = pledge + "。"
    filler = "。".join(_FILLER)
    new = "一、过去一年工作回顾\n65条城市主干道提质改造完成。" + filler + "。\n"
    link = link_one(pledge, new, 2021, 2022, old=old)
    assert link.status == "no_evidence" and not link.evidence
    new = "一、过去一年工作回顾\n城市主干道街区规划编制完成。" + filler + "。\n"
    link = link_one(pledge, new, 2021, 2022, old=old)
    assert link.status == "fulfilled" and link.evidence[0].text == "城市主干道街区规划编制完成"


def test_pledges_a_listed_clause_needs_one_of_its_works_said_whole():
    """申报天府国际机场口岸、天府国际空港综合保税区 is not met by 天府国际机场建成投运 (a piece of each)."""
    pledge = "加快申报天府国际机场口岸、天府国际空港综合保税区，创建天府国际空港航空经济示范区"
    old = pledge + "。"
    filler = "。".join(_FILLER)
    new = "一、过去一年工作回顾\n天府国际机场建成投运、成为全国第三个拥有双国际机场的城市。" + filler + "。\n"
    link = link_one(pledge, new, 2021, 2022, old=old)
    assert link.status == "no_evidence"
    new = "一、过去一年工作回顾\n天府国际空港综合保税区获批设立。" + filler + "。\n"
    link = link_one(pledge, new, 2021, 2022, old=old)
    assert link.status == "fulfilled" and link.evidence[0].text == "天府国际空港综合保税区获批设立"
    # short items and the kind after 等 count as items (农村道路、饮水、通信等|基础设施建设)
    from luoshi.link.match import Match
    from luoshi.link.pledges import _holds_an_item

    ev = _index("农村道路、水利、电力、通信等基础设施建设得到加强", "新增农村沼气用户")
    clause = "加强农村道路、饮水、沼气、电网、通信等基础设施和人居环境建设"
    assert _holds_an_item(clause, Match(0, 0.5, 0.3), ev) and _holds_an_item(clause, Match(1, 0.5, 0.3), ev)
    assert not _holds_an_item("加快申报天府国际机场口岸、天府国际空港综合保税区", Match(0, 0.5, 0.3), ev)


def test_pledges_thanks_and_lessons_are_no_evidence():
    """A review's thanks (向…表示衷心感谢) and lessons (必须坚持…) name works but report none."""
    pledge = "加快海峡西岸经济区建设"
    filler = "。".join(_FILLER)
    new = ("一、过去一年工作回顾\n向参与海峡西岸经济区建设的广大建设者，表示衷心感谢。"
           "必须坚持加快海峡西岸经济区建设。" + filler + "。\n")
    link = link_one(pledge, new)
    assert link.status == "no_evidence" and not link.evidence
    link = link_one(pledge, new.replace(filler, "海峡西岸经济区建设取得新进展。" + filler))
    assert link.status == "fulfilled" and link.evidence[0].text == "海峡西岸经济区建设取得新进展"


def test_pledges_a_listed_work_needs_its_kind():
    """宁马高速 is not 宁马跨界一体化示范区: the word saying what kind of work an item is must be said again."""
    pledge = "扩建宁合高速、宁马高速等重点项目"
    filler = "。".join(_FILLER)
    new = "一、过去一年工作回顾\n启动共建宁淮特别合作区和宁滁、宁马跨界一体化示范区。" + filler + "。\n"
    assert link_one(pledge, new).status == "no_evidence"
    link = link_one(pledge, new.replace(filler, "宁马高速扩建工程开工。" + filler))
    assert link.status != "no_evidence" and link.evidence[0].text == "宁马高速扩建工程开工"


def test_pledges_the_thing_reformed_or_improved_is_not_its_reform():
    """深化公立医院改革 asks for a reform: a clause on the hospitals' condition (公立医院条件显著改善) is no
    evidence of it; 提升上市公司质量 is not met by more listed companies."""
    new = "一、过去一年工作回顾\n市级公立医院条件显著改善。新增A股上市公司33家。\n"
    for pledge in ("深化公立医院改革", "持续提升上市公司质量"):
        link = link_one(pledge, new)
        assert link.status == "no_evidence" and not link.evidence, pledge
    link = link_one("深化公立医院改革", new.replace("条件显著改善", "综合改革全面推开"))
    assert link.status == "fulfilled" and "公立医院综合改革" in link.evidence[0].text


def test_pledges_a_clause_naming_the_head_of_the_object_is_evidence():
    """办好国际国内重大体育赛事 is met by 举办…24项大型体育赛事: the modifiers before the thing change between
    reports, the thing (the word the object ends in) stays. A shared word that is not the head is not enough."""
    task = "加快推进体育名城建设，广泛开展全民健身活动，办好国际国内重大体育赛事"
    others = "新建公园12个。地铁新线开通运营。城中村改造启动。垃圾分类覆盖全市。新增就业岗位30万个。粮食产量保持稳定。"
    new = f"一、过去一年工作回顾\n举办篮球世界杯、世界羽毛球巡回赛总决赛等24项国内外大型体育赛事。{others * 5}\n"
    link = link_one(task, new)
    assert link.status == "fulfilled" and "体育赛事" in link.evidence[0].text
    link = link_one("办好国际国内重大体育赛事转播", new)
    assert link.status == "no_evidence"


def test_pledges_a_word_as_rare_as_a_name_names_the_work_of_its_clause():
    """开展…行政区划调整前期研究 is met by 行政区划调整正式启动: a shared word as heavy as a named work is the
    same work, whatever else each clause says of it. A common shared word (城市管理) is not enough."""
    new = f"一、过去一年工作回顾\n行政区划调整正式启动，城市管理持续加强。{FILLERS * 4}\n"
    task = "开展新城地区行政区划调整前期研究，为理顺城市管理体制打好基础"
    link = link_one(task, new)
    assert link.status != "no_evidence" and "行政区划调整" in link.evidence[0].text
    link = link_one("开展新城地区城市管理前期研究，为理顺体制打好基础", new)
    assert link.status == "no_evidence"


def test_pledges_a_work_is_reported_as_the_programme_it_belongs_to():
    """实物廉租房建设 is reported as 保障性安居工程补助资金 (synonyms.yaml umbrellas); not the other way round."""
    new = f"一、过去一年工作回顾\n中央财政安排保障性安居工程补助资金551亿元。{FILLERS * 4}\n"
    link = link_one("推进廉租住房建设，今年新增廉租住房50万套", new)
    assert link.status != "no_evidence" and "保障性安居工程" in link.evidence[0].text
    new = f"一、过去一年工作回顾\n廉租房补助资金551亿元。{FILLERS * 4}\n"
    assert link_one("加快保障性安居工程建设", new).status == "no_evidence"


def test_pledges_a_connective_clause_names_no_work():
    """与此同时 opening a task is no query of its own: the review's 与此同时 is no evidence of the task's work."""
    fillers = "粮食产量保持稳定。新增就业岗位120万个。外贸出口增长22%。"
    new = (f"一、过去五年工作回顾\n与此同时，铁路建设加快。{fillers * 4}消费基金增长过快，社会总需求超过总供给。{fillers * 2}\n")
    link = link_one("与此同时，国家要进一步完善对消费基金加强宏观管理的制度和办法，使消费基金的增长同生产的发展相适应", new)
    assert all(e.text != "与此同时" for e in link.evidence)
    assert link_one("与此同时，要在固定资产投资的管理中简政放权", new).status == "no_evidence"


@pytest.mark.parametrize("pledge", ["继续有步骤地做好企业破产兼并工作", "加大对特困地区的支持，并真正落到实处",
                                    "找出存在的问题，认真加以解决"])
def test_pledges_manner_phrases_are_no_object(pledge):
    """有步骤地, 落到实处, 加以解决 say how, not what: a clause sharing only them is no evidence."""
    fillers = "粮食产量保持稳定。新增就业岗位120万个。外贸出口增长22%。"
    new = (f"一、过去五年工作回顾\n在生态脆弱地区有步骤地开展了大规模退耕还林还草。使计划生育的基本国策落到实处。"
           f"对群众反映的问题认真加以解决。{fillers * 4}\n")
    link = link_one(pledge, new)
    assert link.status == "no_evidence" and not link.evidence


def test_pledges_a_reviews_lessons_are_no_evidence():
    """主要体会是：… the paragraphs under it restate principles (要以经济建设为中心); the problems after it count again."""
    new = ("一、过去一年工作回顾\n国防和军队现代化建设取得新进展。\n"
           "我们的主要体会是：\n——必须坚持加强和改善宏观调控。\n宏观调控要以经济建设为中心，统筹兼顾。\n"
           "我们也清醒地看到，农村双拥共建活动开展不够。\n"
           "二、2005年工作总体部署\n加强城市管理。\n")
    link = link_one("坚持国防建设与经济建设协调发展", new, 2004, 2005)
    assert all("经济建设为中心" not in e.text for e in link.evidence)
    link = link_one("深入开展双拥共建活动", new, 2004, 2005)
    assert link.evidence and link.evidence[0].text.startswith("农村双拥共建活动")


@pytest.mark.parametrize("pledge", ["进入新世纪，我们将全力支持特别行政区政府依法施政", "近期要继续整顿和规范文化市场"])
def test_pledges_time_words_are_no_object(pledge):
    """近期, 新世纪 say when, not what: a clause sharing only them is no evidence."""
    fillers = "粮食产量保持稳定。新增就业岗位120万个。外贸出口增长22%。"
    new = (f"一、过去一年工作回顾\n新世纪第一年，经济较快增长。但在近期某些竞争力不强的行业会受到较大冲击。"
           f"{fillers * 4}\n")
    link = link_one(pledge, new, 2001, 2002)
    assert link.status == "no_evidence" and all("新世纪" not in e.text and "近期" not in e.text for e in link.evidence)


def test_pledges_a_long_run_of_common_words_said_again_names_the_work():
    """食品安全示范城市: each bigram is in most reports, the eight characters together name one work;
    a run that is a common word and a frame (服务|体系建设) names nothing, however long."""
    fillers = "粮食产量保持稳定。新增就业岗位120万个。外贸出口增长22%。"
    new = (f"一、过去一年工作回顾\n创建国家食品安全示范城市通过省级初评。加强职业技能培训和公共就业服务体系建设。"
           f"{fillers * 4}\n")
    link = link_one("开展食品安全放心工程三年攻坚行动，建成全国食品安全示范城市", new, 2023, 2024)
    assert link.status != "no_evidence" and link.evidence[0].text.startswith("创建国家食品安全示范城市")
    link = link_one("继续推进残疾人社会保障体系和服务体系建设", new, 2011, 2012)
    assert link.status == "no_evidence" and not link.evidence


def test_pledges_a_field_named_only_in_the_catch_all_line_is_reported_by_it():
    """民族、宗教和侨务工作进一步加强 reports a task on 民族政策 when nothing else does; 民族精神 and 中华民族
    are no field of that list, and a task the review reports elsewhere keeps that evidence."""
    fillers = "粮食产量保持稳定。新增就业岗位120万个。外贸出口增长22%。"
    new = f"一、过去一年工作回顾\n{fillers * 3}民族、宗教和侨务工作进一步加强。侨务政策宣传深入开展。\n"
    link = link_one("进一步落实党的民族政策，坚持和完善民族区域自治制度", new, 2001, 2002)
    assert link.status == "fulfilled" and link.evidence[0].text == "民族、宗教和侨务工作进一步加强"
    assert link.confidence < 0.6 and "民族" in link.reason
    for task in ("大力弘扬民族精神", "实现中华民族伟大复兴"):
        link = link_one(task, new, 2001, 2002)
        assert link.status == "no_evidence" and not link.evidence, task
    link = link_one("做好侨务政策宣传", new, 2001, 2002)
    assert link.evidence[0].text.startswith("侨务政策宣传")


def test_pledges_a_listed_item_said_again_whole_in_few_clauses_names_its_work():
    """农村电网 of 农村电网、通信、广播电视… is said again whole in one clause: the same work, though its words
    are common; an item the report says in many clauses (政务服务) names nothing in particular."""
    fillers = "粮食产量保持稳定。新增就业岗位120万个。外贸出口增长22%。"
    new = f"一、过去一年工作回顾\n{fillers * 3}通过加快农村电网改造和整顿电价，降低农村用电价格。\n"
    link = link_one("继续加强农村电网、通信、广播电视、道路、供水等设施建设", new, 2001, 2002)
    assert link.status != "no_evidence" and link.evidence[0].text.startswith("通过加快农村电网改造")
    many = "".join(f"第{k}区政务服务中心启用。" for k in range(1, 6))
    new = f"一、过去一年工作回顾\n{fillers * 3}{many}\n"
    link = link_one("优化政务服务、营商环境、市场监管、信用体系等工作", new)
    assert link.status == "no_evidence"


def test_pledges_a_listed_item_needs_its_weightless_words_too():
    """科技带头人 is not 学术技术带头人: 科技 weighs nothing, yet it is a word of the item."""
    fillers = "粮食产量保持稳定。新增就业岗位120万个。外贸出口增长22%。"
    new = f"一、过去一年工作回顾\n{fillers * 3}选拔首批学术技术带头人50名、技术能手113名。\n"
    link = link_one("深入实施人才强企“梧桐计划”，支持企业建立首席专家、科技带头人等制度", new, 2023, 2024)
    assert link.status == "no_evidence" and not link.evidence


def test_pledges_a_partner_before_he_is_no_work_of_its_own():
    """同周边地区和优势产区协作建设“菜篮子”产品基地: 周边地区 is who the work is done with; a review line on
    relations with neighbouring countries (加强与周边邻国的互利合作关系) is no evidence for vegetable bases."""
    new = ("一、过去五年工作回顾\n加强与周边邻国的互利合作关系。粮食连年增产。门城水厂主体完工。双大路二期通车。"
           "新增城镇就业14万人。完成老旧小区改造120个。\n")
    row = "大中城市要有合理的菜地保有量，同周边地区和优势产区协作建设“菜篮子”产品基地"
    link = link_one(row, new, 2012, 2013)
    assert link.status == "no_evidence" and not link.evidence


def test_pledges_two_task_clauses_meeting_in_one_review_sentence_name_the_work():
    """从严控制一般性支出 … 以政府的紧日子… each said only in part, but both in one review sentence
    (坚持政府“过紧日子”，一般性支出压减9.3%): together they are evidence; either sentence alone is not."""
    task = "坚持节用裕民，从严控制一般性支出，腾出更多财力用于惠企利民，切实以政府的紧日子助力人民群众的好日子"
    new = f"一、过去一年工作回顾\n坚持政府“过紧日子”，一般性支出压减9.3%。{FILLERS * 4}\n"
    link = link_one(task, new)
    assert link.status != "no_evidence" and link.evidence[0].text in ("坚持政府“过紧日子”", "一般性支出压减9.3%")
    new = f"一、过去一年工作回顾\n坚持政府“过紧日子”。{FILLERS * 2}一般性支出压减9.3%。{FILLERS * 2}\n"
    assert link_one(task, new).status == "no_evidence"


def test_pledges_a_named_work_is_found_without_the_level_that_owns_it():
    """市奥体中心 (the city's sports centre) is reported as 奥体中心: the rare bigram 市奥 must not outweigh the name."""
    new = "一、过去一年工作回顾\n市文化艺术中心、奥体中心、美术馆开工建设。全年新增绿地306公顷。\n"
    row = "开工建设市奥体中心"
    old = row + "。"
    c = commitment(row, old)
    c.projects = ["市奥体中心"]
    [link] = link_reports(extraction(2023, [c]), old, extraction(2024), new)
    assert link.status == "fulfilled" and link.evidence[0].text.startswith("市文化艺术中心、奥体中心")


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # a verb after 等 says what the works do: the last work ends at 等
        ("推动各类合作产业园、离岸孵化器、科创飞地等发挥更大作用", ["推动各类合作产业园", "离岸孵化器", "科创飞地"]),
        # a noun after 等 names their kind, which stays with the last item
        ("做大做强航空维修制造、电力电器、新能源汽车等产业", ["做大做强航空维修制造", "电力电器", "新能源汽车等产业"]),
        ("加快国际金融城、琶洲互联网创新集聚区等项目建设", ["加快国际金融城", "琶洲互联网创新集聚区"]),
        ("发展职业教育、普通高中、高等教育", ["发展职业教育", "普通高中", "高等教育"]),
    ],
)
def test_pledges_list_items_end_at_etc_before_a_verb(text, items):
    from luoshi.link.pledges import list_items

    assert list_items(text) == items


def test_pledges_the_last_listed_work_is_found_when_a_verb_follows_etc():
    new = "一、过去一年工作回顾\n建成投用功能完备科创载体350万平方米、科创飞地48家。全年新增绿地306公顷。\n"
    link = link_one("推动各类合作产业园、离岸孵化器、科创飞地等发挥更大作用", new, 2023, 2024)
    assert link.status == "fulfilled" and "科创飞地48家" in link.evidence[0].text


def test_pledges_a_quoted_short_name_is_read_in_its_long_form():
    """“两山” is 绿水青山就是金山银山 (synonyms.yaml): the task's quoted name is found in the review's long form,
    and the review's own “两山” still meets it; “两山一湾” is another name."""
    fillers = "粮食产量保持稳定。新增就业岗位12万个。地铁新线开通运营。城中村改造启动。"
    new = f"一、过去一年工作回顾\n宜兴获评“绿水青山就是金山银山”实践创新基地。{fillers * 4}\n"
    link = link_one("积极创建“两山”实践创新基地", new)
    assert link.status == "fulfilled" and "实践创新基地" in link.evidence[0].text
    new = f"一、过去一年工作回顾\n创新开展“两山”理论实践基地选树工作。{fillers * 4}\n"
    assert link_one("巩固“两山”理论实践创新基地创建成果", new).status == "fulfilled"
    new = f"一、过去一年工作回顾\n“两山一湾”文旅项目开工。{fillers * 4}\n"
    assert link_one("积极创建“两山”实践创新基地", new).status == "no_evidence"


def test_pledges_a_short_clause_holding_a_quoted_programme_is_a_query():
    """深化“三线”整治 holds two bigrams only, but its quoted programme names the work: said again, it is evidence."""
    fillers = "粮食产量保持稳定。新增就业岗位12万个。地铁新线开通运营。城中村改造启动。"
    new = f"一、过去一年工作回顾\n新增森林步道92公里，“三线”整治、城乡绿化等工作高效推进。{fillers * 4}\n"
    link = link_one("深化“三线”整治，实施新建线缆分色管理", new)
    assert link.status == "fulfilled" and "“三线”整治" in link.evidence[0].text
    assert link_one("深化“三线”整治，实施新建线缆分色管理", f"一、过去一年工作回顾\n{fillers * 4}\n").status == "no_evidence"


def test_pledges_a_review_clause_stating_a_need_is_no_evidence():
    """The review's list of problems (新质生产力亟需加快培育) names the work as undone: no evidence that it was done."""
    fillers = "粮食产量保持稳定。新增就业岗位12万个。地铁新线开通运营。城中村改造启动。"
    problems = "在肯定成绩的同时，我们也清醒看到存在的问题，主要是：创新策源能力不够强，新质生产力亟需加快培育。"
    new = f"一、过去一年工作回顾\n{fillers * 4}{problems}\n"
    assert link_one("前瞻布局未来产业，促进形成新质生产力", new).status == "no_evidence"
    done = new.replace(problems, "新质生产力加快培育，未来产业布局成形。")
    assert link_one("前瞻布局未来产业，促进形成新质生产力", done).status == "fulfilled"


def test_pledges_a_figure_on_a_listed_work_said_whole_is_evidence():
    """A clause giving only a figure is no evidence (灾后恢复重建占14%), unless it gives it on a listed work said
    again whole (海峡青年节 → 第十二届海峡青年节…占比超50%); an item said only in part is still not found."""
    task = "办好海丝博览会、海峡青年节、海峡两岸民俗文化节等品牌活动"
    filler = "。".join(_FILLER)
    new = "一、过去一年工作回顾\n第十二届海峡青年节参会台青“首来族”占比超50%。" + filler + "。\n"
    link = link_one(task, new)
    assert link.status != "no_evidence" and link.evidence[0].text.startswith("第十二届海峡青年节")
    link = link_one(task, new.replace("海峡青年节", "海峡论坛"))
    assert link.status == "no_evidence"


def test_pledges_a_listed_work_named_without_its_phase_is_found():
    """东莞记忆首开区二期 is named in the review without its phase (东莞记忆首开区…建成开放); a clause naming
    another phase (东莞记忆首开区三期) is another work."""
    task = "加快推进东莞记忆首开区二期、石龙中山路改造、华侨大酒店活化提升等项目"
    filler = "。".join(_FILLER)
    new = "一、过去一年工作回顾\n东莞记忆首开区、举重博物馆建成开放。" + filler + "。\n"
    link = link_one(task, new)
    assert link.status != "no_evidence" and link.evidence[0].text.startswith("东莞记忆首开区")
    assert link_one(task, new.replace("首开区、", "首开区三期、")).status == "no_evidence"


def test_pledges_a_clause_naming_only_what_the_work_serves_is_not_looked_for():
    """围绕重点产业 is the scene of the task, not its object: a review line on the industries (六大重点产业增加值
    增长18%) is no evidence of the 专业机构 the task brings in; the clause of the work itself is still looked for."""
    from luoshi.link.pledges import queries
    from tests.link.helpers import commitment

    text = "围绕重点产业，加快引育一批科技服务、研发设计等专业机构"
    qs = queries(commitment(text, text))
    assert "围绕重点产业" not in qs and qs[0] == text
    text = "围绕前沿领域开展并购重组，做强供应链业务"
    assert "围绕前沿领域开展并购重组" in queries(commitment(text, text))


def test_pledges_fighting_crime_is_reported_as_crime_brought_down():
    """严厉打击各类违法犯罪 is reported as the crime it brings down (刑事警情…下降; synonyms.yaml umbrellas)."""
    new = f"一、2024年工作回顾\n全市刑事警情、治安警情均呈下降趋势。{FILLERS * 4}\n"
    link = link_one("严厉打击各类违法犯罪行为", new)
    assert link.status != "no_evidence" and "刑事警情" in link.evidence[0].text
    new = f"一、2024年工作回顾\n刑事案件立案数下降15.3%。{FILLERS * 4}\n"
    assert "刑事案件" in link_one("依法严厉打击违法犯罪", new).evidence[0].text
    # another work of public security is no crime fighting
    assert link_one("加强社区矫正工作", new).status == "no_evidence"


def test_pledges_a_catch_all_line_of_the_peoples_bodies_reports_a_task_on_one_of_them():
    """工会…残疾人、慈善、红十字等事业全面进步 is a catch-all line as …等工作取得新成效 is: a task on 残疾人 that the
    review names nowhere else is reported by it; a line on social causes as a whole (社会事业全面发展) is none."""
    fillers = "粮食产量保持稳定。新增就业岗位120万个。外贸出口增长22%。"
    task = "加强残疾人、困境儿童等特殊群体保障服务"
    new = f"一、2025年工作回顾\n{fillers * 3}工会、共青团、妇女儿童、科协、老龄、残疾人、慈善、红十字等事业全面进步。\n"
    link = link_one(task, new, 2025, 2026)
    assert link.status == "fulfilled" and link.evidence[0].text.startswith("工会、共青团") and link.confidence < 0.6
    new = f"一、2025年工作回顾\n{fillers * 3}国防动员、双拥优抚、退役军人等工作都有新成绩。\n"
    assert link_one("做好退役军人服务保障工作", new, 2025, 2026).evidence[0].text.startswith("国防动员")
    new = f"一、2025年工作回顾\n{fillers * 3}教育、卫生、文化等社会事业全面发展。\n"
    assert link_one("加强文化市场管理", new, 2025, 2026).status == "no_evidence"


_WOMEN = "做优巾帼建功系列行动，建设提升妇女援助中心，推进宫颈癌疫苗免费接种，加强儿童孤独症筛查干预服务"


@pytest.mark.parametrize(
    ("task", "review", "status"),
    [
        # one later work of four shown: part of the pledge
        (_WOMEN, "先行先试开展孤独症全生命周期关爱服务", "partial"),
        # the first work, which the others spell out, reported for the whole
        ("深入开展安全生产治本攻坚三年行动，常态化开展打非治违，强化道路交通安全整治，加强建筑施工安全监管",
         "深入推进安全生产治本攻坚三年行动", "fulfilled"),
        # the task's own count said again is its result
        ("推进医养结合，健全养老服务体系，实施养老机构运营补贴政策，新建150家养老服务驿站",
         "新建社区养老服务驿站160家", "fulfilled"),
        # three works, one shown: too few to say the rest were left undone
        ("建设提升妇女援助中心，推进宫颈癌疫苗免费接种，加强儿童孤独症筛查干预服务",
         "先行先试开展孤独症全生命周期关爱服务", "fulfilled"),
    ],
)
def test_pledges_one_work_of_many_shown_is_partial(task, review, status):
    new = "一、过去一年工作回顾\n" + review + "。" + "。".join(_FILLER) + "。\n"
    link = link_one(task, new, 2023, 2024)
    assert link.status == status and link.evidence[0].text == review
    assert ("仅见其一" in link.reason) == (status == "partial" and task == _WOMEN)


def test_pledges_work_pieces_leave_out_figures_and_frames():
    from luoshi.link.pledges import work_pieces

    assert work_pieces("围绕重点产业，加快建设产业园，比上年增加12亿元，推进招商引资") == ["加快建设产业园", "推进招商引资"]


@pytest.mark.parametrize(
    ("task", "review", "status"),
    [
        ("完成国际中医中心项目建设", "市国际中医中心、市第四人民医院新院二期即将完工", "partial"),
        ("建成高浪路快速化改造一期", "高浪路快速化改造一期即将建成", "partial"),
        ("建成高浪路快速化改造一期", "高浪路快速化改造一期建成通车", "fulfilled"),
    ],
)
def test_pledges_an_end_state_still_ahead_is_partial(task, review, status):
    new = "一、过去一年工作回顾\n" + review + "。" + "。".join(_FILLER) + "。\n"
    link = link_one(task, new, 2023, 2024)
    assert link.status == status and link.evidence[0].text == review


@pytest.mark.parametrize(
    ("review", "top"),
    [
        # an enumerated heading sums up; the sentence after it in its paragraph shows the work
        ("一、过去五年工作回顾\n我们坚持改革开放。一是重点领域改革深入推进。国资国企改革卓有成效。二是营商环境持续优化。"
         "建立项目“并联审批”机制，全面推行“高效办成一件事”等便民措施。", "建立项目“并联审批”机制"),
        # a heading closing its paragraph stays the evidence
        ("一、过去五年工作回顾\n我们坚持改革开放，二是营商环境持续优化。\n国资国企改革卓有成效。", "二是营商环境持续优化"),
    ],
)
def test_pledges_an_enumerated_heading_gives_way_to_the_sentence_after_it(review, top):
    link = link_one("优化营商环境，深入实施营商环境优化提升三年行动", review, old_year=2025, new_year=2026)
    assert link.status != "no_evidence"
    assert link.evidence[0].text == top
    assert "营商环境持续优化" in link.reason
