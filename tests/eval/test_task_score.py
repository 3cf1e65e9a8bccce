"""The task-table scorer on a tiny hand-made gold (no pipeline needed)."""

from __future__ import annotations

import pytest

from eval.tasks.score import locate, score

TEXT = "二、2022年工作计划\n\n2022年是关键之年。\n\n持续完善制度体系。深化考核机制，建立补偿机制。落实河长制。\n"
GOLD = [
    {"sentence": "二、2022年工作计划", "role": "theme"},
    {"sentence": "2022年是关键之年。", "role": "context"},
    {"sentence": "持续完善制度体系。", "role": "theme"},
    {"sentence": "深化考核机制，建立补偿 机制。", "role": "task", "lead": ["区生态环境局"], "deadline": "2022-12-31"},
    {"sentence": "落实河长制。", "role": "task", "lead": ["区水务局", "区园林绿化局"], "deadline": "2022-12-31"},
]


def _at(text: str, piece: str) -> tuple[int, int]:
    s = TEXT.index(piece)
    return s, s + len(piece)


def _row(piece: str, lead: str | None, deadline: str) -> dict:
    s, e = _at(TEXT, piece)
    deps = [{"name": lead, "role": "lead", "matched": []}] if lead else []
    return {"start": s, "end": e, "text": piece, "departments": deps, "deadline": deadline}


def _sent(piece: str, role: str | None) -> dict:
    s, e = _at(TEXT, piece)
    return {"start": s, "end": e, "role": role}


def test_locate_ignores_whitespace_and_keeps_order():
    spans = locate(TEXT, GOLD)
    assert [TEXT[x.start : x.end] for x in spans][3] == "深化考核机制，建立补偿机制。"
    assert all(x.start is not None for x in spans)


def test_score_perfect_engine():
    engine = {
        "sentences": [_sent("二、2022年工作计划", "theme"), _sent("2022年是关键之年。", "context"),
                      _sent("持续完善制度体系。", "theme"), _sent("深化考核机制，建立补偿机制。", "task"),
                      _sent("落实河长制。", "task")],
        "commitments": [_row("深化考核机制，建立补偿机制", "区生态环境局", "2022-12-31"),
                        _row("落实河长制", "区园林绿化局", "2022-12-31")],
    }
    s = score(TEXT, GOLD, engine)
    assert (s.tasks, s.recall, s.cleanliness, s.rows_per_task, s.lead, s.deadline, s.role) == (2, 1, 1, 1, 1, 1, 1)


def test_score_clause_rows_missing_rows_and_wrong_fields():
    engine = {
        # a split sentence (engine sentences need not match the gold's splitting)
        "sentences": [_sent("持续完善制度体系。", "task"), _sent("深化考核机制，", "task"), _sent("建立补偿机制。", "task")],
        "commitments": [_row("持续完善制度体系", "区发展改革委", "2022-12-31"),
                        _row("深化考核机制", "区财政局", "2022-06-30"), _row("建立补偿机制", None, "2022-12-31")],
    }
    s = score(TEXT, GOLD, engine)
    assert s.recall == 0.5  # 落实河长制 got no row
    assert s.cleanliness == pytest.approx(2 / 3)  # the theme got a row
    assert s.rows_per_task == 2
    assert (s.lead, s.deadline) == (0, 0)
    assert s.role == pytest.approx(2 / 5)  # unlabelled sentences count as context
    kinds = {k for k, *_ in s.errors}
    assert {"no row", "not clean", "lead", "deadline", "role"} <= kinds


def test_score_leads_are_compared_canonicalized():
    engine = {"sentences": [], "commitments": [_row("落实河长制", "水务局", "2022-12-31")]}
    canon = {"水务局": "区水务局"}.get
    s = score(TEXT, GOLD[4:], engine, lambda n: canon(n) or n)
    assert s.lead == 1


def test_score_sentence_not_in_text_is_reported():
    s = score(TEXT, [{"sentence": "不存在的句子。", "role": "task", "lead": [], "deadline": None}], {"commitments": []})
    assert s.missing == 1 and s.tasks == 1 and s.recall == 0


def test_a_row_over_line_broken_gold_pieces_belongs_to_the_piece_it_overlaps_most():
    # the source breaks lines around a title, so the gold splitter cuts one sentence into three pieces;
    # the engine reads one sentence and gives it one row, which no piece holds the most of
    text = "认真实施《\n信访条例\n》，加强和改进信访工作。\n"
    gold = [{"sentence": "认真实施《", "role": "context"}, {"sentence": "信访条例", "role": "context"},
            {"sentence": "》，加强和改进信访工作。", "role": "task", "lead": ["国家信访局"], "deadline": "2005-12-31"}]
    end = text.index("。")
    row = {"start": 0, "end": end, "text": text[:end], "deadline": "2005-12-31",
           "departments": [{"name": "国家信访局", "role": "lead", "matched": []}]}
    s = score(text, gold, {"sentences": [{"start": 0, "end": end + 1, "role": "task"}], "commitments": [row]})
    assert (s.recall, s.cleanliness, s.rows_per_task, s.lead) == (1, 1, 1, 1)


def test_a_row_is_counted_for_one_gold_sentence_only_and_not_outside_the_gold():
    from eval.tasks.score import assign_rows

    rows = [{"start": 0, "end": 10}, {"start": 8, "end": 30}, {"start": 40, "end": 50}]
    owned = assign_rows(rows, [(0, 12), (12, 30), None])
    assert [[r["start"] for r in rs] for rs in owned] == [[0], [8], []]  # the row 40-50 lies outside the gold


ZONE_TEXT = "推动高新区产业发展。建设三山经开区。"
ZONE_GOLD = [
    {"sentence": "推动高新区产业发展。", "role": "task", "lead": ["高新区管委会"], "deadline": "2024-12-31"},
    {"sentence": "建设三山经开区。", "role": "task", "lead": ["三山经开区管委会"], "deadline": "2024-12-31"},
]


def _zone_row(piece: str, lead: str) -> dict:
    s = ZONE_TEXT.index(piece)
    return {"start": s, "end": s + len(piece), "departments": [{"name": lead, "role": "lead"}],
            "deadline": "2024-12-31"}


def test_a_unit_is_the_same_with_or_without_the_reports_own_city_name_in_front():
    # the table prints the bare 高新区管委会, the engine the city's 郑州高新区管委会: one unit in 郑州's report
    engine = {"commitments": [_zone_row("推动高新区产业发展", "郑州高新区管委会")]}
    assert score(ZONE_TEXT, ZONE_GOLD[:1], engine, region="郑州市").lead == 1
    # the other way round: the table names the city (郑州市高新区管委会), the engine the bare zone
    gold = [dict(ZONE_GOLD[0], lead=["郑州市高新区管委会"])]
    bare = {"commitments": [_zone_row("推动高新区产业发展", "高新区管委会")]}
    assert score(ZONE_TEXT, gold, bare, region="郑州市").lead == 1
    # without the report's place, or in another city's report, the names stay two units
    assert score(ZONE_TEXT, ZONE_GOLD[:1], engine).lead == 0
    assert score(ZONE_TEXT, ZONE_GOLD[:1], engine, region="兰州市").lead == 0


def test_another_places_name_in_front_is_kept():
    # 三山经开区 is a zone of 芜湖, not the city's 经开区: only the report's own name is dropped
    engine = {"commitments": [_zone_row("建设三山经开区", "经开区管委会")]}
    assert score(ZONE_TEXT, ZONE_GOLD[1:], engine, region="芜湖市").lead == 0
    own = {"commitments": [_zone_row("建设三山经开区", "芜湖三山经开区管委会")]}
    assert score(ZONE_TEXT, ZONE_GOLD[1:], own, region="芜湖市").lead == 1


def test_units_are_canonicalized_with_the_reports_own_master_list():
    from eval.tasks.run import report_canon

    # 遵义 calls its city-management bureau 综合行政执法局: in its report the table's name and the
    # engine's are one unit, as they are for a person reading that report
    zunyi = report_canon("遵义市", "市", 2023)
    assert zunyi("综合行政执法局") == zunyi("市综合行政执法局") == zunyi("城市管理局")
    # another region's list gives the name to its own unit, and a name off every list stays as written
    assert report_canon("北京市", "市", 2024)("市交通委") == "市交通委"
    assert report_canon("遵义市", "市", 2023)("市交通委") == "市交通运输局"
    assert zunyi("某某工作专班") == "某某工作专班"
