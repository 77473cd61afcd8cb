"""``python -m bench``: run every benchmark and write docs/benchmarks.md.

Each ``bench/bench_*.py`` module has ``main() -> str`` that measures its target and a
simple baseline in the same run and returns a Markdown section with the ratios.
"""

from __future__ import annotations

import importlib
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    only = set(argv)
    sections = []
    for path in sorted((ROOT / "bench").glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if only and name not in only:
            continue
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"bench.{path.stem}")
        section = module.main()
        print(section, flush=True)
        sections.append(section)
    if not only:
        header = (
            "# Benchmarks\n\n"
            f"Measured {time.strftime('%Y-%m-%d')} with `python -m bench` on "
            f"{platform.machine()}, Python {platform.python_version()}, 2 cores. "
            "Every ratio compares against a simple baseline measured in the same run.\n"
        )
        (ROOT / "docs" / "benchmarks.md").write_text(header + "\n" + "\n".join(sections), encoding="utf-8")
        print("wrote docs/benchmarks.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
