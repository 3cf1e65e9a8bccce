import pytest

from luoshi.extract.metrics import metric_after, metric_before, split_subjects, starts_with_action, wants_object


@pytest.mark.parametrize(
    ("phrase", "metric"),
    [
        ("地区生产总值增长", "地区生产总值"),
        ("预计完成地区生产总值", "地区生产总值"),
        ("城镇登记失业率控制在", "城镇登记失业率"),
        ("预计PM2.5累计浓度比2016年下降", "PM2.5累计浓度"),
        ("全区林地面积达", "林地面积"),
        ("建安投资占全社会固定资产投资比重由", "建安投资占全社会固定资产投资比重"),
        ("再压减钢铁产能", "钢铁产能"),
        ("土地安全利用率、污染地块安全利用率均", "污染地块安全利用率"),
        ("广义货币M 2 \n增长", "广义货币M2"),
        ("比2016年增长", None),
        ("年均增速", None),
    ],
)
def test_metrics_subject_before_the_number(phrase, metric):
    assert metric_before(phrase) == metric


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("工区全部开工", "工区"),
        ("学校,", "学校"),
        ("市级“乡村振兴示范村”。", "市级乡村振兴示范村"),
        ("具有发展标杆效应的5A级精品景区。", "5A级精品景区"),
        ("县开展新型农村社会养老保险试点", "县"),
        (",比上年增长", None),
    ],
)
def test_metrics_counted_noun_after_the_measure_word(text, metric):
    assert metric_after(text, 0) == metric


@pytest.mark.parametrize(
    ("phrase", "count", "metrics"),
    [
        ("化学需氧量、二氧化硫排放量分别下降", 2, ["化学需氧量", "二氧化硫排放量"]),
        ("非金融类对外直接投资和对外工程承包营业额分别达", 2, ["非金融类对外直接投资", "对外工程承包营业额"]),
        ("化学需氧量分别下降", 2, None),
    ],
)
def test_metrics_split_joint_subjects(phrase, count, metrics):
    assert split_subjects(phrase, count) == metrics


@pytest.mark.parametrize(("phrase", "expected"), [("安排", True), ("中央财政新增", True), ("地区生产总值", False)])
def test_metrics_object_verbs(phrase, expected):
    assert wants_object(phrase) is expected


@pytest.mark.parametrize(("phrase", "expected"), [("实施新一轮百万亩造林", True), ("全区林地面积达", False)])
def test_metrics_clause_opening_with_an_action(phrase, expected):
    assert starts_with_action(phrase) is expected
