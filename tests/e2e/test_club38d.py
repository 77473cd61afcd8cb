"""Club answers of the session-38 probe, round 7, through the Discord double: a book's warnings that no
category matches are kept as the admin gave them, as an imported file keeps its author's."""

from __future__ import annotations

from bot.devtools.driver import Club
from bot.nominations import store as nominations_store
from tests.e2e.test_books import add_book
from tests.e2e.test_club38 import two_books_of_one_title
from tests.e2e.test_mistakes34 import private_and_short
from tests.e2e.test_nominations import nominate


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


async def test_picking_one_of_two_library_books_of_a_title_from_the_nominate_menu_nominates_that_book(
    club: Club,
) -> None:
    _, other = await two_books_of_one_title(club, "Emma", ("Jane Austen", "Someone Else"))
    choices = await club.autocomplete("nominate", "title", "emm", member=club.member)
    picked = {choice["name"]: choice["value"] for choice in choices}
    assert list(picked) == ["Emma by Jane Austen", "Emma by Someone Else"], choices
    [done] = await club.slash("nominate", member=club.member, title=picked["Emma by Someone Else"])
    assert "You nominated **Emma** by Someone Else (it is in the library)" in done.text, done.text
    round_id = await club.run(nominations_store.open_round_id(club.bot.db, club.guild.id))
    [nominated] = await club.run(nominations_store.list_nominations(club.bot.db, club.guild.id, round_id))
    assert nominated.story_id == other, nominated
    # The other book of that title, picked too: a round takes one book of a title, as with `story:`.
    refused = private_and_short(
        await club.slash("nominate", member=club.other_member, title=picked["Emma by Jane Austen"])
    )
    assert "**Emma** by Someone Else is already nominated" in refused.text, refused.text
    # Typed, the title still asks nothing more once one is nominated: the nominated one is backed.
    backed = await nominate(club, club.moderator, "Emma")
    assert "**Emma** by Someone Else was already nominated; you now back it too (2 members)" in backed.text, backed.text
