"""What Linux's /proc says about a process's memory: the one reader the benchmarks share."""

from __future__ import annotations

from pathlib import Path


def proc_kb(pid: int | str, name: str, fields: tuple[str, ...]) -> int | None:
    """The sum of ``fields`` (in kB) in /proc/PID/NAME (``status``, ``smaps_rollup``), or None when
    the process is gone or the file shows none of them (another system, or a kernel without them)."""
    try:
        lines = Path(f"/proc/{pid}/{name}").read_text().splitlines()
    except OSError:
        return None
    values = [int(line.split()[1]) for line in lines if line.split(":", 1)[0] in fields]
    return sum(values) if values else None
