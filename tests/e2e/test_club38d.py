"""Club answers of the session-38 probe, round 7, through the Discord double: a book's warnings that no
category matches are kept as the admin gave them, as an imported file keeps its author's."""

from __future__ import annotations

from bot.devtools.driver import Club
from tests.e2e.test_books import add_book


async def test_a_book_keeps_the_warnings_no_category_matches_as_the_admins_words(club: Club) -> None:
    story, text = await add_book(
        club, title="The Salt Road", chapters=6, warnings="violence, drowning, scenes of drowning"
    )
    assert "Added **The Salt Road**" in text and "nothing was added" not in text, text
    assert "⚠️ Warnings: **Violence**" in text, text
    assert "Dogear has no category for “drowning” and “scenes of drowning”" in text, text
    [info] = await club.slash("story info", member=club.member, story=str(story))
    assert "**Violence** (given by an admin)" in info.text, info.text
    assert "The admin also warns of\\: drowning; scenes of drowning" in info.text, info.text
    assert "author" not in info.text.casefold(), info.text  # no author declared anything: the admin typed it all
    assert "Warnings the admin gave: violence; drowning; scenes of drowning" in info.text, info.text
    [only_unknown] = await club.slash(
        "story add", member=club.admin, title="Tide Tables", chapters=2, warnings="drowning"
    )
    assert "Added **Tide Tables**" in only_unknown.text and "No warnings declared" not in only_unknown.text, (
        only_unknown.text
    )
    assert "Dogear has no category for “drowning”" in only_unknown.text, only_unknown.text
