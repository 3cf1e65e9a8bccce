"""The owner model: nearest precedent over character n-grams, used only when confident."""

from luoshi.assign.learned import OwnerModel, Precedent, fold

PAST = [
    Precedent("加快实施国道109新线高速公路建设", ["区交通局"], ["区发展改革委"], 2021, 1),
    Precedent("举办第十届永定河文化节", ["区文化和旅游局"], [], 2021, 2),
    Precedent("完成老旧小区综合整治10个", ["区住房城乡建设委"], ["区财政局"], 2021, 3),
    Precedent("推进永定河生态修复", ["区水务局"], [], 2021, 4),
]


def test_similar_row_takes_the_precedents_owners_with_a_reason():
    hit = OwnerModel(PAST).suggest(["有序推进国道109新线高速公路工程"])[0]
    assert hit is not None and (hit.lead, hit.support, hit.precedent.ref) == (["区交通局"], ["区发展改革委"], 1)
    assert hit.reason(2022).startswith("去年同类任务由区交通局牵头")
    assert hit.reason(2024).startswith("2021年同类任务由区交通局牵头")


def test_numbers_do_not_hide_a_precedent():
    assert fold("完成老旧小区综合整治15个") == fold("完成老旧小区综合整治10个")
    hit = OwnerModel(PAST).suggest(["完成老旧小区综合整治15个"])[0]
    assert hit is not None and hit.lead == ["区住房城乡建设委"] and hit.similarity > 0.99


def test_unrelated_rows_are_left_to_the_rules():
    model = OwnerModel(PAST)
    assert model.suggest(["做优做强区疾控中心", "深化预算执行审计"]) == [None, None]
    assert OwnerModel([]).suggest(["举办永定河文化节"]) == [None]


def test_a_place_name_alone_does_not_make_a_precedent():
    # 永定河 appears in a water task and a culture task; the festival follows the festival.
    hit = OwnerModel(PAST).suggest(["举办第十一届永定河文化节"])[0]
    assert hit is not None and hit.lead == ["区文化和旅游局"]
