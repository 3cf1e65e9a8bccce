"""Draw the task sentences of a final10-set pair mechanically: ``python eval/links/final10/sample.py NAME``.

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
    "changchun-2024-2025": ("eval/texts/changchun-2024.txt", "（一）实施创新驱动发展战略，塑造发展新动能新优势",
                            "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围", 2, 1),
    "nanning-2025-2026": ("eval/texts/nanning-2025.txt", "（一）坚持提消费扩投资“双轮驱动”", "各位代表！梦虽遥，追则能达", 3, 2),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
