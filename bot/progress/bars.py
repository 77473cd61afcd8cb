"""Text progress bars that read the same in a message, a code block and a screen reader."""

from __future__ import annotations

FULL = "█"
EMPTY = "░"


def progress_bar(chapter: int, total: int, *, width: int = 10) -> str:
    """``███░░░░░░░`` for 3 of 10; never empty or full unless it really is."""
    if width < 1:
        raise ValueError("width must be at least 1")
    if total <= 0:
        return EMPTY * width
    chapter = max(0, min(chapter, total))
    filled = chapter * width // total
    if 0 < chapter < total:
        filled = min(max(filled, 1), width - 1)
    return FULL * filled + EMPTY * (width - filled)


def progress_line(chapter: int, total: int, *, width: int = 10) -> str:
    """Bar with the figures beside it: ``███░░░░░░░ 3/10``."""
    return f"{progress_bar(chapter, total, width=width)} {max(0, min(chapter, total))}/{total}"
