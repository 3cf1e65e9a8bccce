"""完成时限 as shown: the tracked date and where it comes from; parts with their owners."""

from datetime import date

import pytest

from luoshi.export.rows import deadline_label, parts_text


@pytest.mark.parametrize(("deadline", "source", "written", "due", "label"), [
    ("2022-12-31", "default", None, None, "2022年12月31日（年度计划默认）"),
    ("2026-12-31", "default", None, None, "2026年12月31日（规划期末默认）"),
    ("2022-06", "written", "6月底前", None, "2022年6月30日（6月底前）"),
    ("2025", "written", "到“十四五”末", None, "2025年12月31日（到“十四五”末）"),
    ("2022-06", "written", "6月底前", date(2022, 9, 30), "2022年9月30日（本办确定）"),
    (None, None, None, None, "2022年12月31日（年度计划默认）"),  # rows stored before deadlines were always set
    ("2022", None, "年内", None, "2022年12月31日（年内）"),
])
def test_deadline_label_says_the_tracked_date_and_its_source(deadline, source, written, due, label):
    assert deadline_label(deadline, source, written, 2022, due) == label


def test_parts_text_numbers_clauses_with_lead_first():
    parts = [{"text": "造林1万亩", "departments": [{"name": "园林绿化局", "role": "lead"}]},
             {"text": "治理水土流失", "departments": [{"name": "财政局", "role": "support"}, {"name": "水务局", "role": "lead"}]},
             {"text": "其他", "departments": []}]
    assert parts_text(parts) == "①造林1万亩（园林绿化局）；②治理水土流失（水务局、财政局）；③其他"
