"""The audit log in words: "字段：旧 → 新" per changed field, never raw JSON."""

from __future__ import annotations

from typing import Any

# Bookkeeping columns a reader does not need in the change list.
HIDDEN = {"id", "version", "commitment_id", "token", "user_id", "department_id", "created_at", "updated_at", "locked_fields",
          "password_hash", "text", "sha256", "engine_version", "extracted_at", "evidence", "source_id", "confirmed_by"}
FIELDS_ZH = {
    "due_date": "跟踪时限", "note": "说明", "human": "责任单位", "role": "角色", "state": "进展状态", "percent": "完成比例",
    "reported_on": "进展日期", "status": "落实评价", "reason": "评价理由", "confirmed": "已认定", "confirmed_at": "认定时间",
    "title": "标题", "year": "年度", "region_id": "地区", "filename": "文件", "counts": "条目数", "username": "用户名",
    "active": "启用", "email": "邮箱", "display_name": "显示名", "deadline": "时限", "deadline_text": "时限原文",
    "strength": "力度", "retired": "已撤下", "source": "来源", "machine_status": "系统评价", "machine_reason": "系统理由",
    "value": "数值", "metric": "指标", "period": "期间", "unit": "单位", "date": "日期", "speaker": "报告人", "chars": "字数",
}
FIELDS_EN = {k: k.replace("_", " ") for k in FIELDS_ZH} | {"human": "departments", "due_date": "tracking deadline"}
WORDS_ZH = {"lead": "牵头", "support": "配合", "human": "人工", "engine": "系统", "in_progress": "推进中", "done": "已完成",
            "blocked": "受阻", "not_started": "未启动", "fulfilled": "已落实", "partial": "部分落实", "not_fulfilled": "未落实",
            "no_evidence": "无证据", "binding": "约束性", "firm": "力争", "process": "推进", "exploratory": "探索",
            True: "是", False: "否"}


def _value(v: Any, lang: str) -> str:
    words = WORDS_ZH if lang == "zh" else {}
    if v is None or v == "" or v == []:
        return "（空）" if lang == "zh" else "(empty)"
    if isinstance(v, bool):
        return words.get(v, str(v).lower())
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, list):  # assignments: [[name, role], ...]
        parts = []
        for item in v:
            if isinstance(item, (list, tuple)) and len(item) == 2:
                parts.append(f"{item[0]}（{words.get(item[1], item[1])}）")
            else:
                parts.append(_value(item, lang))
        return "、".join(parts)
    if isinstance(v, dict):
        return "，".join(f"{k} {_value(x, lang)}" for k, x in v.items())
    text = str(v)
    text = words.get(text, text) if isinstance(v, str) else text
    return text if len(text) <= 80 else text[:79] + "…"


def changes(before: dict | None, after: dict | None, lang: str = "zh") -> list[str]:
    """``["跟踪时限：（空） → 2022-06-30", ...]``: changed fields only; a creation lists what was set."""
    labels = FIELDS_ZH if lang == "zh" else FIELDS_EN
    sep = "：" if lang == "zh" else ": "
    b, a = before or {}, after or {}
    out = []
    for key in dict.fromkeys([*b, *a]):
        if key in HIDDEN or b.get(key) == a.get(key):
            continue
        label = labels.get(key, key)
        if before is None:
            if a.get(key) not in (None, "", []):
                out.append(f"{label}{sep}{_value(a.get(key), lang)}")
        elif after is None:
            out.append(f"{label}{sep}{_value(b.get(key), lang)} → —")
        else:
            out.append(f"{label}{sep}{_value(b.get(key), lang)} → {_value(a.get(key), lang)}")
    return out
