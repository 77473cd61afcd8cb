"""Club answers of the session-38 probe, round 6, through the Discord double: whose warnings a book's are,
titles sorted as people count, and refusals that come before questions."""

from __future__ import annotations

from bot.devtools.driver import Club
from tests.e2e.test_books import add_book
from tests.e2e.test_club37c import library_book
from tests.e2e.test_club38b import long_chapter_story
from tests.e2e.test_discussions import a_story
from tests.e2e.test_mistakes34 import private_and_short


async def test_the_warnings_an_admin_types_for_a_book_are_shown_as_the_admins(club: Club) -> None:
    story, _ = await add_book(club, title="Lathe of Heaven", chapters=12, author="Ursula K. Le Guin",
                              warnings="violence, suicide")  # fmt: skip
    [info] = await club.slash("story info", member=club.member, story=str(story))
    assert "**Violence** (given by an admin)" in info.text and "**Suicide** (given by an admin)" in info.text, info.text
    assert "(author)" not in info.text and "Author's own warnings" not in info.text, info.text
    assert "Warnings the admin gave: violence; suicide" in info.text, info.text


async def test_the_story_list_and_story_menus_count_numbers_in_titles_as_numbers(club: Club) -> None:
    for title in ("Book 10", "book 2", "Book 1", "Book 11", "Böok 3", "Book 2a"):
        await library_book(club, title, None)
    [shelf] = await club.slash("story list", member=club.member)
    listed = [line.split("**")[1] for line in shelf.text.splitlines() if line.startswith("• ")]
    assert listed == ["Book 1", "book 2", "Book 2a", "Böok 3", "Book 10", "Book 11"], shelf.text
    choices = await club.autocomplete("story info", "story", "", member=club.member)
    named = [c["name"].split(" · ")[0] for c in choices]
    assert named == listed, named
    typed = await club.autocomplete("story info", "story", "book 1", member=club.member)
    assert [c["name"].split(" · ")[0] for c in typed] == ["Book 1", "Book 10", "Book 11"], typed


async def test_a_page_past_the_end_is_refused_before_the_avoided_warning_question(club: Club) -> None:
    story = await long_chapter_story(club, 25)  # three pages
    await club.slash("warnings story", member=club.admin, story=str(story), add="death")
    await club.slash("prefs avoid", member=club.member, warning="death")
    [refused] = await club.slash("excerpt read", member=club.member, story=str(story), chapter=1, page=4)
    assert "There are only 3 pages of chapter 1; pick a page from 1 to 3." in refused.text, refused.text
    assert "Show it anyway" not in refused.text and not refused.labels, refused.text
    [asked] = await club.slash("excerpt read", member=club.member, story=str(story), chapter=1, page=3)
    assert "Show it anyway?" in asked.text and asked.labels == ["Show it anyway"], asked.text


async def test_a_chapter_out_of_range_names_the_story_in_bold_as_other_answers_do(club: Club) -> None:
    story = await a_story(club, "The Short *Lamp*", chapters=2)
    for command, options in (
        ("excerpt read", {"story": str(story), "chapter": 9}),
        ("progress set", {"story": str(story), "chapter": 9}),
    ):
        refused = private_and_short(await club.slash(command, member=club.member, options=options))
        assert refused.text.startswith("Chapter 9 is out of range: **The Short \\*Lamp\\*** has 2 chapters;"), (
            refused.text
        )
