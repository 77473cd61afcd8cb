"""Round 9 (session 40) of the club's slips: the pieces the e2e tests in tests/e2e/test_club40.py rest on."""

from __future__ import annotations

from bot.db import Database
from bot.discussions.planning import parse_prompts
from bot.progress import prefs
from bot.progress.prefs_store import add_avoided, avoided_warnings
from bot.progress.store import ensure_member
from bot.text import escape_keeping_spoilers
from bot.warnings import service as warnings_service
from bot.warnings.avoided_words import avoided_categories, avoided_said
from bot.warnings.reviews import Carried
from bot.warnings.taxonomy import Category, default_taxonomy

GUILD, MEMBER = 7, 11
DROWNING = Category("drowning", "Drowning", "", "custom")


def test_words_a_category_was_created_for_avoid_that_category_and_the_reverse() -> None:
    before, after = default_taxonomy(), default_taxonomy().with_custom([DROWNING])
    assert avoided_categories(["words:drowning", "death"], before) == {"death"}
    assert avoided_categories(["words:drowning", "death"], after) == {"death", "drowning"}
    # A header's words: matched by the words avoided, or naming a category avoided.
    assert avoided_said(["drowning"], ["drowning", "CPR"], after) == ["drowning"]
    assert avoided_said(["drowning"], ["drowning", "CPR"], before) == []
    assert avoided_said(["words:cpr"], ["drowning", "CPR"], after) == ["CPR"]
    carried = Carried(shown={"drowning": 4}, unsettled={}, words={"drowning": 2}, taxonomy=after)
    assert carried.ahead("words:drowning", 3, strict=False)  # chapter 4 shows the category
    assert carried.ahead("drowning", 1, strict=False)  # chapter 2 names it in an author's words
    only_words = Carried(shown={}, unsettled={}, words={"drowning": 2}, taxonomy=after)
    assert only_words.ahead("drowning", 1, strict=False) and "drowning" in only_words.ids
    assert not Carried(shown={"drowning": 4}, unsettled={}, taxonomy=before).ahead("words:drowning", 0, strict=False)


async def test_allowing_a_category_takes_back_the_words_it_was_created_for(db: Database) -> None:
    """Avoiding "drowning" by its words and then the Drowning category, "/prefs allow Drowning"
    said chapters with it no longer ask, while the words still asked before the same chapters."""
    async with db.transaction() as tx:
        await ensure_member(tx, GUILD, MEMBER, 0.0, "Mira")
        await add_avoided(tx, GUILD, MEMBER, "words:drowning", now=0.0, strict=False)
    await warnings_service.add_rule(
        db, GUILD, category="drowning", pattern="water closed over", new_category=True, rescan=False, now=0.0
    )
    await prefs.avoid(db, GUILD, MEMBER, "Drowning", now=0.0)
    assert set(await avoided_warnings(db, GUILD, MEMBER)) == {"words:drowning", "drowning"}
    key, removed = await prefs.allow(db, GUILD, MEMBER, "Drowning")
    assert (key, removed) == ("drowning", True)
    assert list(await avoided_warnings(db, GUILD, MEMBER)) == []


def test_a_spoiler_in_a_prompt_is_kept_whole_and_the_bars_still_separate_prompts() -> None:
    """ "||Was it Rue?||" was split at its bars into "Was it Rue?" and the text after it."""
    typed = "Who lied? | ||Was it Rue?|| Why did she? | What next?\n- ||The lamp||"
    assert parse_prompts(typed) == ["Who lied?", "||Was it Rue?|| Why did she?", "What next?", "||The lamp||"]
    assert parse_prompts("One?|Two?") == ["One?", "Two?"]
    assert parse_prompts("One? || Two?") == ["One?", "Two?"]  # no spoiler: bars with spaces inside separate
    assert parse_prompts("|||") is None and parse_prompts("||||") is None


def test_a_prompt_is_posted_escaped_but_its_spoilers_stay_spoilers() -> None:
    assert escape_keeping_spoilers("||Rue lied|| *why*?") == "||Rue lied|| \\*why\\*?"
    assert escape_keeping_spoilers("a | b ||c") == "a \\| b \\|\\|c"  # no pair: escaped as before
    assert escape_keeping_spoilers("||*x*||") == "||\\*x\\*||"
