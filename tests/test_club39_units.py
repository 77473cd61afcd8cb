"""Club round 39's unit checks: the helpers two places had a copy of, now one."""

from __future__ import annotations

import asyncio
import re

from cogs.excerpts.buttons import MarkRead, ShowAnyway, _Button


def _parsed(kind: type[_Button], custom_id: str) -> _Button:
    match = re.fullmatch(kind.__discord_ui_compiled_template__, custom_id)  # type: ignore[attr-defined]
    assert match is not None
    return asyncio.run(kind.from_custom_id(None, None, match))  # type: ignore[arg-type]


def test_show_anyway_reads_its_id_with_the_buttons_one_parser() -> None:
    """The story, chapter and move are read by _Button.from_custom_id alone; ShowAnyway only adds its page."""
    assert "from_custom_id" not in ShowAnyway.__dict__
    shown = _parsed(ShowAnyway, "dogear:confirm:3:4:5:p2")
    assert (shown.story_id, shown.chapter, shown.moved, shown.page) == (3, 4, 5, 2)  # type: ignore[attr-defined]
    old = _parsed(ShowAnyway, "dogear:confirm:3:4")
    assert (old.story_id, old.chapter, old.moved, old.page) == (3, 4, None, 1)  # type: ignore[attr-defined]
    assert _parsed(ShowAnyway, "dogear:confirm:3:4:p0").page == 1  # type: ignore[attr-defined]
    assert _parsed(ShowAnyway, "dogear:confirm:3:4:p20000").page == 10_000  # type: ignore[attr-defined]
    read = _parsed(MarkRead, "dogear:read:7:8:9")
    assert (read.story_id, read.chapter, read.moved) == (7, 8, 9)
