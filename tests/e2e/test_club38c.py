"""Club answers of the session-38 probe, round 6, through the Discord double: whose warnings a book's are,
titles sorted as people count, and refusals that come before questions."""

from __future__ import annotations

from bot.devtools.driver import Club
from tests.e2e.test_books import add_book


async def test_the_warnings_an_admin_types_for_a_book_are_shown_as_the_admins(club: Club) -> None:
    story, _ = await add_book(club, title="Lathe of Heaven", chapters=12, author="Ursula K. Le Guin",
                              warnings="violence, suicide")  # fmt: skip
    [info] = await club.slash("story info", member=club.member, story=str(story))
    assert "**Violence** (given by an admin)" in info.text and "**Suicide** (given by an admin)" in info.text, info.text
    assert "(author)" not in info.text and "Author's own warnings" not in info.text, info.text
    assert "Warnings the admin gave: violence; suicide" in info.text, info.text
