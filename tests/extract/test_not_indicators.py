import pytest

from luoshi.extract.indicators import extract_indicators
from tests.extract.hand_structure import hand_structure


def _value_texts(text: str) -> list[str]:
    mt, structure = hand_structure(text, "plan", 2022)
    return [i.value_text for i in extract_indicators(mt, structure)]


@pytest.mark.parametrize(
    "text",
    [
        "2021年12月15日在第十七届人民代表大会第一次会议上",  # years and dates, ordinals
        "开展第二轮中央生态环境保护督察",
        "坚持“抠0.1微克”治理PM2.5",
        "打造5G+8K超高清视频产业",
        "S1线建成通车",
        "国道109新线高速公路",
        "完成3751-C型设备改造",
        "创建全市首个“9041”标准基本无违建区",
        "建设110千伏输变电工程",
        "畅通12345市民服务热线",
        "建立“1+9+N”生态文明组织架构",
        "落实“6+1”工作机制",
        "对标“七有”要求、“五性”需求",
        "坚决打好三大保卫战",
        "推进一线四矿综合整治",
        "深入践行“两山”理论",
        "谋划实施一批重大项目",
        "坚决执行三个严禁",
        "实现两个一百年奋斗目标",
        "瞄准“五个之城”建设",
        "“十四五”时期",
        "实施职业技能提升三年行动计划",
        "今年要重点抓好八个方面工作",
    ],
)
def test_not_indicators_none_found(text):
    assert _value_texts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PM2.5年均浓度下降到38微克/立方米", ["38微克/立方米"]),
        ("建成110千伏变电站3座", ["3座"]),
        ("新建5G基站300个", ["300个"]),
        ("审批时限缩短至3个工作日", ["3个工作日"]),
        ("争取3到5年内打造1到2个精品景区", ["3到5年", "1到2个"]),
        ("2022年新增就业1.2万人", ["1.2万人"]),
    ],
)
def test_not_indicators_keep_real_figures_next_to_codes(text, expected):
    assert _value_texts(text) == expected
