"""Draw the labelled sample: city-years at random from the shared city corpus (fixed seed).

    python -m eval.panel.draw > eval/panel/sample.txt

The draw was made once, before metadata or panel code was tuned, and is committed;
``gold.csv`` labels exactly these files by reading them and the next year's report.
"""

from __future__ import annotations

import random

from eval.panel.paths import cities_root

SEED = 20261130
SIZE = 110
# A second draw, made after the panel and metadata were tuned on the first and never
# tuned on: ``python -m eval.panel.draw --heldout > eval/panel/heldout-sample.txt``.
HELDOUT_SEED = 9
HELDOUT_SIZE = 40


def draw(seed: int = SEED, size: int = SIZE, exclude: frozenset[str] = frozenset()) -> list[str]:
    root = cities_root()
    files = sorted(p.relative_to(root).as_posix() for p in root.glob("*/*/*.md"))
    return sorted(random.Random(seed).sample([f for f in files if f not in exclude], size))


if __name__ == "__main__":
    import sys

    if "--heldout" in sys.argv:
        print("\n".join(draw(HELDOUT_SEED, HELDOUT_SIZE, frozenset(draw()))))
    else:
        print("\n".join(draw()))
