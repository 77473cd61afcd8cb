"""Fitting a list of lines into one Discord message."""

from __future__ import annotations

MESSAGE_LIMIT = 2000


def clip_lines(lines: list[str], limit: int = MESSAGE_LIMIT) -> str:
    """Join lines, dropping whole lines from the tail (with a note) rather than cutting one mid-way."""
    out: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        if used + len(line) + 1 > limit - 40:
            out.append(f"… and {len(lines) - index} more line(s)")
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)
