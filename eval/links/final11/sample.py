"""Draw the task sentences of a final11-set pair mechanically: ``python eval/links/final11/sample.py NAME``.

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
    "fuzhou-2024-2025": ("eval/texts/fuzhou-2024.txt", "（一）致力科技创新引领，加快推进新型工业化",
                         "各位代表，蓝图已经绘就，关键在于落实", 3, 2),
    "dongguan-2025-2026": ("eval/texts/dongguan-2025.txt", "一、把握重大机遇、找准东莞定位",
                           "各位代表！东江潮涌，自当乘风破浪", 3, 0),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
