"""Training the learned role model (eval/tasks/train_roles.py) on a tiny gold."""

from __future__ import annotations

import json

from eval.tasks import train_roles as tr
from luoshi.pipeline import extract_file
from luoshi.structure import role_model as rm

# The rules make a paragraph's short first sentence its theme; this one (a matter of its own) is a task.
TOY = "扩大城镇就业规模。"
TEXT = ("一、2021年工作回顾\n\n推进改革取得成效。\n\n二、2022年工作计划\n\n"
        "（一）扎实推进生态文明建设\n\n持续完善生态建设制度体系。加快推进永定河生态修复，完成造林1万亩。"
        "新建改造污水管网50公里。\n\n"
        f"（二）着力保障和改善民生\n\n{TOY}完成老旧小区综合整治30个。办好民生实事。\n")


def _roles(path, model=None) -> dict[str, tuple[str, str]]:
    with rm.using(model):
        ex = extract_file(path)
    return {TEXT[s.start:s.end].strip(): (s.role, s.role_source) for s in ex.sentences if s.role}


def test_training_flips_a_sentence_the_rules_mislabel(tmp_path):
    path = tmp_path / "toy.txt"
    path.write_text(TEXT, encoding="utf-8")
    rules = _roles(path)
    assert rules[TOY] == ("theme", "rules")
    gold = [{"sentence": k, "role": "task" if k == TOY else role} for k, (role, _) in rules.items()]
    examples = [e for i in range(8) for e in tr.examples_of(f"toy/r{i}", path, gold)]
    assert [(e.rule, e.gold) for e in examples if e.rule != e.gold] == [("theme", "task")] * 8
    model, data = tr.train(examples, enabled=True)
    assert data["trained_on"] == [f"toy/r{i}" for i in range(8)] and data["enabled"] is True
    assert json.loads(tr.dumps(data)) == data  # the file it writes reads back the same
    learned = _roles(path, model)
    assert learned[TOY] == ("task", "model")
    assert {k: v[0] for k, v in learned.items() if k != TOY} == {k: v[0] for k, v in rules.items() if k != TOY}


def test_training_command_writes_a_model_that_flips_it(tmp_path, monkeypatch):
    """python -m eval.tasks.train_roles --write --enable on a tiny gold (8 copies of one toy report)."""
    text = tmp_path / "toy.txt"
    text.write_text(TEXT, encoding="utf-8")
    rules = _roles(text)
    gold = tmp_path / "toy.jsonl"
    gold.write_text("".join(json.dumps({"sentence": k, "role": "task" if k == TOY else role}, ensure_ascii=False) + "\n"
                            for k, (role, _) in rules.items()), encoding="utf-8")
    monkeypatch.setattr(tr, "tuning_reports", lambda: [(f"toy/r{i}", gold) for i in range(8)])
    monkeypatch.setattr(tr, "text_path", lambda stem: text)
    monkeypatch.setattr(tr, "MODEL_FILE", tmp_path / "role_model.json")
    assert tr.main(["--write", "--enable"]) == 0
    model = rm.RoleModel.from_dict(json.loads((tmp_path / "role_model.json").read_text(encoding="utf-8")))
    assert model.enabled and _roles(text, model)[TOY] == ("task", "model")
    assert tr.main(["--check"]) == 0  # trained on today's rules
    monkeypatch.setattr(tr, "rules_digest", lambda: {"roles": "0" * 12, "actions": "0" * 12})
    assert tr.main(["--check"]) == 1


def test_tuning_reports_never_include_sealed_sets():
    names = [n for n, _ in tr.tuning_reports()]
    assert names and all(n.split("/")[0] in tr.TUNING_SETS for n in names)
    assert not any(n.split("/")[0] in ("heldout", "final16") for n in names)
    assert {"final6/gwr-2015", "final6/qingdao-2024"} <= set(names)  # a tuning set since its untouched score
    assert {"final7/gwr-2000", "final7/zhengzhou-2024"} <= set(names)  # trained on from round 9
    assert {"final8/gwr-1997", "final8/linyi-2025"} <= set(names)  # trained on from round 10
    assert {"final9/gwr-1987", "final9/dalian-2025"} <= set(names)  # trained on from round 11
    assert {"final10/harbin-2025", "final10/wuhu-2025"} <= set(names)  # trained on from round 12
    assert {"final11/kunming-2025", "final11/changzhou-2023"} <= set(names)  # trained on from round 13
    assert {"final12/lanzhou-2025", "final12/jiaxing-2024"} <= set(names)  # trained on from round 14
    assert {"final13/xining-2025", "final13/huizhou-2024"} <= set(names)  # trained on from round 15
    assert {"final14/lhasa-2025", "final14/baotou-2025"} <= set(names)  # trained on from round 16
    assert {"final15/xian-2026", "final15/zunyi-2023"} <= set(names)  # trained on from round 17
    assert set(tr.SEALED) == {"heldout", "final16"} and not set(tr.SEALED) & set(tr.TUNING_SETS)


def test_sealed_gold_is_never_read_even_when_it_lands(tmp_path, monkeypatch):
    """final16's gold lands on main while the engine is tuned: the trainer lists and reads only tuning sets."""
    from eval.tasks import run

    for folder, name in (("", "dev-a"), ("final6", "f6-a"), ("final7", "f7-a"), ("final8", "f8-a"), ("final9", "f9-a"),
                         ("final10", "f10-a"), ("final11", "f11-a"), ("final12", "f12-a"), ("final13", "f13-a"), ("final14", "f14-a"), ("final15", "f15-a"), ("final16", "f16-a"), ("heldout", "h-a")):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / f"{name}.jsonl").write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(run, "GOLD_DIR", tmp_path)
    reports = tr.tuning_reports()
    assert sorted(n for n, _ in reports) == ["dev/dev-a", "final10/f10-a", "final11/f11-a", "final12/f12-a", "final13/f13-a",
                                             "final14/f14-a", "final15/f15-a",
                                             "final6/f6-a", "final7/f7-a", "final8/f8-a", "final9/f9-a"]
    assert not any({"final16", "heldout"} & set(p.parts) for _, p in reports)


def test_shipped_model_records_the_tuning_reports():
    """Training data of the shipped model = the tuning reports the code trains on today."""
    data = json.loads(tr.MODEL_FILE.read_text(encoding="utf-8"))
    assert data["trained_on"] == sorted(n for n, _ in tr.tuning_reports())
    assert data["min_count"] == tr.MIN_COUNT and data["C"] in tr.C_GRID
    assert all(t in tr.THRESHOLDS + (1.0,) for t in data["threshold"].values())


def _score(tasks: int, with_row: int, clean_total: int, clean_ok: int) -> "tr.TaskScore":
    return tr.TaskScore(tasks=tasks, tasks_with_row=with_row, clean_total=clean_total, clean_ok=clean_ok)


def test_net_loss_counts_rows_lost_on_tasks_and_gained_on_themes_minus_the_reverse():
    rules = _score(100, 95, 50, 40)
    assert tr.net_loss(rules, _score(100, 92, 50, 40)) == 3  # three task rows lost
    assert tr.net_loss(rules, _score(100, 92, 50, 45)) == -2  # three lost, five stray rows removed
    assert tr.net_loss(rules, _score(100, 96, 50, 38)) == 1  # one recovered, two stray rows added


def test_decide_needs_a_higher_sum_and_no_report_losing_more_than_two_sentences():
    rules = _score(100, 95, 50, 40)
    better = ("a", rules, _score(100, 95, 50, 45))
    ok, verdict = tr.decide([better, ("b", rules, _score(100, 93, 50, 40))])  # b loses 2: allowed
    assert ok and "accept" in verdict
    ok, verdict = tr.decide([better, ("b", rules, _score(100, 92, 50, 40))])  # b loses 3
    assert not ok and "worst report b loses +3" in verdict
    ok, _ = tr.decide([("a", rules, rules), ("b", rules, _score(100, 94, 50, 40))])  # the sum goes down
    assert not ok


def test_decide_from_round_15_also_needs_the_cities_up_and_cleanliness_not_down():
    """(c) the national reports' gain cannot carry the cities; (d) recall bought with cleanliness is refused."""
    rules = _score(100, 95, 50, 40)
    assert tr.is_city("final13/huizhou-2024") and not tr.is_city("final9/gwr-1987")
    assert not tr.is_city("dev/mentougou-2021-fiveyear")
    national_gain = ("final9/gwr-1987", rules, _score(100, 95, 50, 45))
    city_loss = ("final13/huizhou-2024", rules, _score(100, 95, 50, 39))
    ok, verdict = tr.decide([national_gain, city_loss])  # the sum is up, no report loses more than 1
    assert not ok and "failed: c" in verdict
    recall_for_clean = ("final13/xining-2025", rules, _score(100, 99, 50, 39))  # +4 rows on tasks, 1 stray row
    ok, verdict = tr.decide([recall_for_clean])
    assert not ok and "failed: d" in verdict
    ok, verdict = tr.decide([("final13/xining-2025", rules, _score(100, 96, 50, 41)), national_gain])
    assert ok and "failed: none" in verdict
