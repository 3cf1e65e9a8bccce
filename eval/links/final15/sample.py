"""Draw the task sentences of a final15-set pair mechanically: ``python eval/links/final15/sample.py NAME``.

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
    "luoyang-2022-2023": ("eval/texts/luoyang-2022.txt", "（一）科学精准施策，全力稳定经济运行",
                          "四、加强政府自身建设", 4, 3),
    "kizilsu-2025-2026": ("eval/texts/kizilsu-2025.txt", "（一）做精做优农业产业，扎实推进乡村全面振兴",
                          "三、加强政府自身建设", 2, 0),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
