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


def draw(seed: int = SEED, size: int = SIZE) -> list[str]:
    root = cities_root()
    files = sorted(p.relative_to(root).as_posix() for p in root.glob("*/*/*.md"))
    return sorted(random.Random(seed).sample(files, size))


if __name__ == "__main__":
    print("\n".join(draw()))
