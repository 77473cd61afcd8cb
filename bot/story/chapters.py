"""The one chapter-range check, with the one sentence a member reads when a chapter is not there.

``/progress``, ``/excerpt``, ``/discussion`` and ``/warnings report`` all take a chapter number;
each asks here, so the rule (1 to the story's last chapter, or 0 for "not started" where that
makes sense) and its wording are the same everywhere.
"""

from __future__ import annotations

from bot.errors import UserError
from bot.text import and_list, escape_markdown, plural


def chapter_range_text(chapter: int, chapter_count: int, title: str | None, *, allow_zero: bool = False) -> str:
    """What a member reads for a chapter the story does not have; the story's title bold, as every
    other answer naming a story has it (``None``: "the story", plain)."""
    named = "the story" if title is None else f"**{escape_markdown(title)}**"
    low = "0 (not started)" if allow_zero else "1"
    if chapter_count == 1:  # "pick a chapter from 1 to 1" is no choice
        pick = "pick 0 (not started) or 1" if allow_zero else "pick chapter 1"
    else:
        pick = f"pick a chapter from {low} to {chapter_count}"
    return f"Chapter {chapter} is out of range: {named} has {plural(chapter_count, 'chapter')}; {pick}."


def check_chapter(chapter: int, chapter_count: int, title: str | None = None, *, allow_zero: bool = False) -> None:
    """Raise the member-facing :class:`UserError` unless the story has ``chapter``."""
    if not (0 if allow_zero else 1) <= chapter <= chapter_count:
        raise UserError(chapter_range_text(chapter, chapter_count, title, allow_zero=allow_zero))


def chapter_list(numbers: list[int], limit: int = 10) -> str:
    """``chapter 3``, ``chapters 1, 2 and 5``, ``chapters 1, 2, ... and 40 more``: a list a member reads."""
    if len(numbers) == 1:
        return f"chapter {numbers[0]}"
    shown = [str(number) for number in numbers[:limit]]
    rest = len(numbers) - len(shown)
    if rest:
        return f"chapters {', '.join(shown)} and {rest} more"
    return f"chapters {and_list(shown)}"


def chapter_ranges(numbers: list[int], limit: int = 8, *, all_in: str = "") -> str:
    """``1-12, 14``: chapter numbers with runs joined, short even for a story's hundreds of
    chapters (``1-3, 5, 7 and 4 more`` past ``limit`` runs; ``all_in``, a command that shows
    every one, is named after the count: ``and 4 more (`/story info` marks each)``)."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    shown = [f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs[:limit]]
    rest = len(runs) - len(shown)
    return ", ".join(shown) + (f" and {rest} more" + (f" ({all_in})" if all_in else "") if rest else "")


def unread_chapters(numbers: list[int], story_id: int) -> str:
    """``chapters 1-40`` not read for warnings, as an admin is told after an import or an update:
    runs joined, and past a few the count and where each is marked (``/story info``)."""
    word = "chapter" if len(numbers) == 1 else "chapters"
    return f"{word} {chapter_ranges(numbers, all_in=f'`/story info story:{story_id}` marks each')}"
