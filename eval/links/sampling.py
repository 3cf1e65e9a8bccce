"""Draw the task sentences of a sealed link set's pair mechanically; each set's ``sample.py`` holds its pairs.

Run as ``python eval/links/<set>/sample.py NAME``. The plan part of the old report (between two
anchors) is cut into sentences at 。！？；; a sentence is a task sentence when it names an action
(one of ``VERBS``) and is not a heading (the short first sentence of a paragraph, or a numbered
section title). Every k-th task sentence is printed, starting at position ``offset``; k was fixed
from the count of task sentences, before the newer report was read. The annotator then drops pure
theme sentences (nothing checkable). Pure text processing: it never runs the linker.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# (old text, plan part start anchor, plan part end anchor, k, offset)
Pair = tuple[str, str, str, int, int]

VERBS = ("推进", "推动", "加快", "加强", "加大", "实施", "实行", "建设", "建成", "建立", "健全", "完善", "深化",
         "提高", "提升", "扩大", "开展", "实现", "完成", "发展", "促进", "支持", "鼓励", "落实", "坚持", "取消",
         "淘汰", "开工", "改造", "启动", "制定", "出台", "举办", "打造", "创建", "争创", "新增", "新建", "培育",
         "优化", "保持", "确保", "引导", "探索", "规范", "办好", "做好", "抓好", "组建", "引进", "构建", "减少",
         "增加", "降低", "保护", "治理", "整治", "改革", "投运", "力争", "拟安排", "要")


def sentences(part: str) -> list[tuple[str, bool]]:
    """(sentence, is_heading) in order; a heading is a paragraph's short opening sentence or a title."""
    out = []
    for para in re.split(r"\n\s*\n", part):
        para = para.strip()
        if not para:
            continue
        sents = [s.strip() for s in re.split(r"(?<=[。！？；])", para) if s.strip()]
        for n, s in enumerate(sents):
            body = s.rstrip("。！？；").strip("* ")
            title = bool(re.match(r"^（[一二三四五六七八九十]）|^[一二三四五六七八九十]、", body))
            short_lead = n == 0 and len(body) <= 20 and "，" not in body and len(sents) > 1
            out.append((body, title or short_lead))
    return out


def task_sentences(pair: Pair) -> list[str]:
    """The task sentences of the pair's plan part, in order."""
    path, start, end, _, _ = pair
    text = (ROOT / path).read_text(encoding="utf-8")
    part = text[text.index(start) : text.index(end)]
    return [s for s, head in sentences(part) if not head and len(s) >= 6 and any(v in s for v in VERBS)]


def main(pairs: dict[str, Pair], name: str) -> None:
    """Print every k-th task sentence of pair ``name`` from its offset, numbered by position."""
    _, _, _, k, offset = pairs[name]
    tasks = task_sentences(pairs[name])
    print(f"# {name}: {len(tasks)} task sentences, k={k}, offset={offset}")
    for i in range(offset, len(tasks), k):
        print(f"{i}\t{tasks[i]}")

