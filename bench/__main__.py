"""``python -m bench``: run every benchmark and write docs/benchmarks.md.

Each ``bench/bench_*.py`` module has ``main() -> str`` that measures its target and a
simple baseline in the same run and returns a Markdown section with the ratios. Each runs in a
process of its own: a benchmark that builds 10,000 servers leaves a heap behind it that would
slow the next one's memory-bound work, and the bot never scans in a process like that either
(scans run in worker processes that hold little more than the compiled rules).
"""

from __future__ import annotations

import importlib
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.worker import worker_environment

ROOT = Path(__file__).resolve().parent.parent
# What the bot does in its worker processes (import, render, scan) is measured in a process set
# up like a worker (``bot.worker.worker_environment``); the rest, like the bot's main process.
AS_WORKER = {"bench_budgets", "bench_rule_cost", "bench_server_rules", "bench_story", "bench_warnings"}


def main(argv: list[str]) -> int:
    only = set(argv)
    sections = []
    for path in sorted((ROOT / "bench").glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if only and name not in only:
            continue
        print(f"== {name}", flush=True)
        section = run_isolated(path.stem)
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


def run_isolated(module_name: str) -> str:
    """One benchmark module's section, measured in a fresh interpreter (see the module docstring)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "section.md"
        env = worker_environment(os.environ) if module_name in AS_WORKER else None
        subprocess.run([sys.executable, "-m", "bench", "--one", module_name, str(out)], cwd=ROOT, check=True, env=env)
        return out.read_text(encoding="utf-8")


def run_one(module_name: str, out: str) -> int:
    """The child side of :func:`run_isolated`: progress goes to stdout, the section to ``out``."""
    module = importlib.import_module(f"bench.{module_name}")
    Path(out).write_text(module.main(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        sys.exit(run_one(sys.argv[2], sys.argv[3]))
    sys.exit(main(sys.argv[1:]))
