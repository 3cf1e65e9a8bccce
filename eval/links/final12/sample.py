"""Draw the task sentences of a final12-set pair mechanically: ``python eval/links/final12/sample.py NAME``.

The sampler itself (what counts as a task sentence, how every k-th is drawn) is
``eval/links/sampling.py``, shared by every sealed set; this file holds only the set's pairs.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":  # run as a script: the repository root is not on the path yet
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from eval.links import sampling  # noqa: E402
from eval.links.sampling import Pair  # noqa: E402

# name: (old text, plan part start anchor, plan part end anchor, k, offset)
PAIRS: dict[str, Pair] = {
    "guiyang-2024-2025": ("eval/texts/guiyang-2024.txt", "（一）全力抓工业、调结构，推动重点产业集聚发",
                          "各位代表！实现“强省会”、谱写“新篇章”", 3, 0),
    "yantai-2025-2026": ("eval/texts/yantai-2025.txt", "（一）全方位扩内需稳外需，促进经济发展进中提",
                         "各位代表！今天，我们大踏步走在新的征程上", 3, 1),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
