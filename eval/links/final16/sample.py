"""Draw the task sentences of a final16-set pair mechanically: ``python eval/links/final16/sample.py NAME``.

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
    "changde-2022-2023": ("eval/texts/changde-2022.txt", "1.以建设“五好”园区为抓手，大力发展实体经济",
                          "四、努力建设人民满意的服务型政府", 3, 2),
    "tianjin-2025-2026": ("eval/texts/tianjin-2025.txt", "（一）坚持区域一体化、京津同城化",
                          "三、努力建设人民满意政府", 2, 1),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
