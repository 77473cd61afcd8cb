"""Club round 39's unit checks: the helpers two places had a copy of, now one."""

from __future__ import annotations

import asyncio
import re

from bot.nominations.service import told_apart
from bot.story.store import StoryRecord
from bot.text import read_alike
from bot.warnings.avoided_words import matched, matches, words_key
from bot.warnings.reviews import Carried
from cogs._options import story_choice_names
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


def _story(story_id: int, title: str, author: str | None, chapters: int = 3) -> StoryRecord:
    return StoryRecord(
        id=story_id, title=title, author=author, summary=None, rating=None, declared_warnings=[], meta={},
        source_format="txt", chapter_count=chapters, words=0, content_hash=None, added_by=None, added_at=0.0,
    )  # fmt: skip


def test_story_menus_and_book_menus_read_alike_by_one_key() -> None:
    """Titles apart only by punctuation or an apostrophe ("Emma" / "Emma.", "Don't Look" / "Dont Look")
    read the same in a menu: the story menu now tells them apart by their author, as the nominations'
    menus and poll always numbered them. The rest (case, spacing, lookalike letters) is as before."""
    assert read_alike("Еmma") == read_alike("*EMMA.*") == read_alike("  emma ") == "emma"
    assert read_alike("Don’t Look") == read_alike("Dont Look")
    assert read_alike("Emma") != read_alike("Emmy")
    assert story_choice_names([_story(1, "Emma", "Jane Austen"), _story(2, "Emma.", "Anne Other")]) == [
        "Emma by Jane Austen · 3 ch.",
        "Emma. by Anne Other · 3 ch.",
    ]
    assert story_choice_names([_story(1, "Don't Look", "Ana"), _story(2, "Dont Look", "Bo")]) == [
        "Don't Look by Ana · 3 ch.",
        "Dont Look by Bo · 3 ch.",
    ]
    # Unchanged: case and a Cyrillic letter were alike already; other chapter counts are not alike.
    assert story_choice_names([_story(1, "Emma", "A"), _story(2, "EMMA", "B")]) == [
        "Emma by A · 3 ch.",
        "EMMA by B · 3 ch.",
    ]
    assert story_choice_names([_story(1, "Emma", "A"), _story(2, "Emma.", "B", 4)]) == ["Emma · 3 ch.", "Emma. · 4 ch."]
    # The nominations' menus keep numbering what they numbered: one author, punctuation apart.
    assert told_apart(["Emma", "Emma."], ["Jane Austen", "Jane Austen"]) == [
        "Emma by Jane Austen (1)",
        "Emma. by Jane Austen (2)",
    ]
    assert told_apart(["Emma", "Emmy"], ["Jane Austen", "Jane Austen"]) == [
        "Emma by Jane Austen",
        "Emmy by Jane Austen",
    ]


def test_words_a_member_avoids_match_a_warning_s_words_whole_and_in_order() -> None:
    assert words_key("  Drowning! ") == "words:drowning"
    assert words_key("...") is None and words_key("x" * 61) is None
    assert matches("drowning", "scenes of drowning") and matches("drowning", "DROWNING")
    assert not matches("drowning", "drownings") and not matches("drown", "drowning")
    assert matches("self harm", "Self-harm (brief)") and not matches("harm self", "self harm")
    assert matched(["death", "words:needles"], ["drowning", "Needles; blood", "CPR"]) == ["Needles; blood"]
    assert matched(["death"], ["drowning"]) == []
    carried = Carried(shown={"death": 2}, unsettled={}, words={"drowning": 3, "CPR": 1})
    assert carried.ahead("words:drowning", 2, strict=False) and not carried.ahead("words:drowning", 3, strict=False)
    assert not carried.ahead("words:needles", 0, strict=False) and carried.ahead("death", 1, strict=False)
