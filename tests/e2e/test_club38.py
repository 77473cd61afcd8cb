"""Club admins' and members' slips of the session-38 probe, answered through the Discord double.

Each test is an answer that left out what the member needed: a winner announced without the author
the poll showed, a running vote listed by titles alone, a winner added as a book without its author,
poll answers alike but for one of them numbered.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from bot.devtools.driver import Club
from bot.discussions.phrases import show_date
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.service import remove_story
from bot.story.store import add_story
from tests.e2e.test_club37c import library_book
from tests.e2e.test_discussions import a_story
from tests.e2e.test_mistakes34 import private_and_short
from tests.e2e.test_nominations import announcements, nominate, set_club_channel, start_vote


async def test_the_winner_and_the_running_vote_name_the_author_escaped_like_other_member_text(club: Club) -> None:
    await set_club_channel(club)
    story = await library_book(club, "The Dispossessed", "Ursula_K_Le *Guin*")
    await club.slash("nominate", member=club.member, story=str(story))
    await nominate(club, club.other_member, "Kindred")  # not in the library: no author known
    poll = await start_vote(club)
    [listing] = await club.slash("nominations", member=club.other_member)
    assert "between **The Dispossessed** by Ursula\\_K\\_Le \\*Guin\\* and **Kindred**." in listing.text, listing.text

    await club.vote(poll, "The Dispossessed by Ursula_K_Le *Guin*", member=club.member)
    await club.end_poll(poll)
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    [announcement] = announcements(club)
    assert "the club's next read is **The Dispossessed** by Ursula\\_K\\_Le \\*Guin\\*, with 1 vote of 1" in (
        announcement.text
    ), announcement.text
    assert "It is already in the library." in announcement.text


async def test_a_tie_names_each_leaders_author(club: Club) -> None:
    await set_club_channel(club)
    emma = await library_book(club, "Emma", "Jane Austen")
    await club.slash("nominate", member=club.member, story=str(emma))
    await nominate(club, club.other_member, "Kindred")
    poll = await start_vote(club)
    await club.vote(poll, "Emma by Jane Austen", member=club.member)
    await club.vote(poll, "Kindred", member=club.other_member)
    await club.end_poll(poll)
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    [announcement] = announcements(club)
    assert "it is a tie: **Emma** by Jane Austen and **Kindred**, with 1 vote each" in announcement.text, (
        announcement.text
    )


async def test_a_winner_added_as_a_book_keeps_the_author_its_nomination_named(club: Club) -> None:
    """A library book nominated, then removed from the library before the vote ended: its button adds it back."""
    await set_club_channel(club)
    story = await library_book(club, "The Dispossessed", "Ursula K. Le Guin")
    await club.slash("nominate", member=club.member, story=str(story))
    await nominate(club, club.other_member, "Kindred")
    poll = await start_vote(club)
    assert (await club.run(remove_story(club.bot.db, club.guild.id, story)))[0]
    await club.vote(poll, "The Dispossessed by Ursula K. Le Guin", member=club.member)
    await club.end_poll(poll)
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    [announcement] = announcements(club)
    assert announcement.labels == ["Add “The Dispossessed” as a book"], announcement.labels
    [form] = await club.click(announcement, "Add “The Dispossessed” as a book", member=club.admin)
    assert form.modal is not None
    [added] = await club.submit_modal(form, {"chapters": "12"}, member=club.admin)
    assert "Added **The Dispossessed** by Ursula K. Le Guin" in added.text, added.text
    [info] = await club.slash("story info", member=club.member, story="The Dispossessed")
    assert "Ursula K. Le Guin" in info.text, info.text


async def test_an_admin_who_clears_the_author_in_the_form_adds_the_book_without_one(club: Club) -> None:
    await set_club_channel(club)
    story = await library_book(club, "Emma", "Someone Mistaken")
    await club.slash("nominate", member=club.member, story=str(story))
    await nominate(club, club.other_member, "Kindred")
    poll = await start_vote(club)
    await club.run(remove_story(club.bot.db, club.guild.id, story))
    await club.vote(poll, "Emma by Someone Mistaken", member=club.member)
    await club.end_poll(poll)
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    [announcement] = announcements(club)
    [form] = await club.click(announcement, "Add “Emma” as a book", member=club.admin)
    [added] = await club.submit_modal(form, {"chapters": "9", "author": ""}, member=club.admin)
    assert "Added **Emma**" in added.text and "Someone Mistaken" not in added.text, added.text


async def test_poll_answers_that_read_the_same_are_each_numbered(club: Club) -> None:
    await set_club_channel(club)
    emma = await library_book(club, "Emma", "Jane Austen")
    await club.slash("nominate", member=club.member, story=str(emma))
    await nominate(club, club.other_member, "Emma by Jane Austen")  # a free title spelling out its author
    await nominate(club, club.moderator, "\u0415mma by Jane Austen")  # with a Cyrillic "Е"
    await nominate(club, club.owner, "Beloved")
    poll = await start_vote(club)
    assert list(club.poll_results(poll)) == [
        "Emma by Jane Austen (1)",
        "Emma by Jane Austen (2)",
        "\u0415mma by Jane Austen (3)",
        "Beloved",
    ]


async def two_books_of_one_title(club: Club, title: str, authors: tuple[str, str]) -> tuple[int, int]:
    ids = []
    for author in authors:
        story = Story(
            meta=StoryMeta(title=title, author=author),
            chapters=[Chapter(1, None, [Scene(["The first page."])])],
            source_format="txt",
        )
        digest = hashlib.sha256(f"{club.guild.id}:{title}:{author}".encode()).hexdigest()
        ids.append(
            await club.run(add_story(club.bot.db, club.guild.id, story, content_hash=digest, added_by=None, now=0.0))
        )
    return ids[0], ids[1]


async def test_a_second_book_of_a_nominated_title_is_refused_not_backed_in_its_place(club: Club) -> None:
    austen, other = await two_books_of_one_title(club, "Emma", ("Jane Austen", "Someone Else"))
    await club.slash("nominate", member=club.member, story=str(austen))
    refused = private_and_short(await club.slash("nominate", member=club.other_member, story=str(other)))
    assert "**Emma** by Jane Austen is already nominated" in refused.text, refused.text
    assert "next round" in refused.text and "nothing changed" in refused.text.casefold(), refused.text
    [listing] = await club.slash("nominations", member=club.member)
    assert "**Emma** by Jane Austen — nominated by" in listing.text and "more member" not in listing.text
    backed = await nominate(club, club.other_member, "emma")  # the nominated book, typed: backed
    assert "**Emma** by Jane Austen was already nominated; you now back it too (2 members)" in backed.text, backed.text


async def test_a_typed_title_two_library_books_share_asks_which_book(club: Club) -> None:
    await two_books_of_one_title(club, "Emma", ("Jane Austen", "Someone Else"))
    asked = private_and_short(await club.slash("nominate", member=club.member, title="Emma"))
    assert "2 books titled **Emma**" in asked.text and "Jane Austen" in asked.text, asked.text
    assert "Someone Else" in asked.text and "`story:`" in asked.text, asked.text
    [listing] = await club.slash("nominations", member=club.member)
    assert "No nominations yet" in listing.text


async def test_a_member_who_sets_not_started_on_a_story_is_told_they_joined_it(club: Club) -> None:
    await a_story(club, "The Lamp at Gull Point", chapters=3)
    [first] = await club.slash("progress set", member=club.member, story="The Lamp at Gull Point", chapter=0)
    assert first.ephemeral and "No change" not in first.text, first.text
    assert "Saved: you are in **The Lamp at Gull Point** as not started" in first.text, first.text
    [chart] = await club.slash("progress club", member=club.other_member, story="The Lamp at Gull Point")
    assert "1 member" in chart.text, chart.text  # what the answer says: the club now lists them
    [again] = await club.slash("progress set", member=club.member, story="The Lamp at Gull Point", chapter=0)
    assert "No change: that is already where you are." in again.text, again.text


async def test_two_stories_titled_alike_but_for_case_are_named_and_the_exact_case_picks_one(club: Club) -> None:
    lower = await a_story(club, "The Lamp", chapters=3)
    upper = await a_story(club, "THE LAMP", chapters=5)
    refused = private_and_short(await club.slash("progress set", member=club.member, story="the lamp", chapter=1))
    assert "2 stories are titled “the lamp”" in refused.text, refused.text
    assert f"**The Lamp** (id {lower}, 3 chapters) and **THE LAMP** (id {upper}, 5 chapters)" in refused.text
    assert f"`story:{lower}`" in refused.text, refused.text
    [saved] = await club.slash("progress set", member=club.member, story="THE LAMP", chapter=5)
    assert "Saved: you have read up to chapter 5." in saved.text and "**THE LAMP**" in saved.text, saved.text


async def test_withdrawing_from_a_round_with_no_nominations_says_there_are_none(club: Club) -> None:
    refused = private_and_short(await club.slash("vote withdraw", member=club.admin, nomination="Emma"))
    assert "This round has no nominations to take out" in refused.text, refused.text
    assert "`/nominate`" in refused.text, refused.text
    await nominate(club, club.member, "Beloved")
    other = private_and_short(await club.slash("vote withdraw", member=club.admin, nomination="Emma"))
    assert "That is not one of this round's nominations" in other.text, other.text


async def test_a_story_option_on_a_server_with_no_stories_says_the_library_is_empty(club: Club) -> None:
    for command, options, member in (
        ("progress set", {"story": "Piranesi", "chapter": 1}, club.member),
        ("excerpt read", {"story": "Piranesi", "chapter": 1}, club.member),
        ("discussion schedule", {"story": "Piranesi", "chapter": 1, "when": "tomorrow 7pm"}, club.admin),
    ):
        refused = private_and_short(await club.slash(command, member=member, **options))
        assert "the library is empty. An admin adds stories with `/story add`." in refused.text, refused.text
        assert "pick one from the list" not in refused.text, refused.text
    await a_story(club, "The Lamp", chapters=2)
    other = private_and_short(await club.slash("progress set", member=club.member, story="Piranesi", chapter=1))
    assert "No story in this server's library matches “Piranesi”" in other.text, other.text


async def test_withdrawing_with_an_option_of_spaces_says_the_option_was_empty(club: Club) -> None:
    await nominate(club, club.member, "Beloved")
    refused = private_and_short(await club.slash("vote withdraw", member=club.admin, nomination="   "))
    assert "the nomination option was empty" in refused.text, refused.text
    [listing] = await club.slash("nominations", member=club.member)
    assert "**Beloved**" in listing.text


async def test_a_tie_between_titles_that_read_the_same_names_each_as_the_poll_did(club: Club) -> None:
    await set_club_channel(club)
    await nominate(club, club.member, "Emma")
    await nominate(club, club.other_member, "\u0415mma")  # with a Cyrillic "Е": another nomination, read alike
    poll = await start_vote(club)
    assert list(club.poll_results(poll)) == ["Emma (1)", "\u0415mma (2)"]
    await club.vote(poll, "Emma (1)", member=club.member)
    await club.vote(poll, "\u0415mma (2)", member=club.other_member)
    await club.end_poll(poll)
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    [announcement] = announcements(club)
    assert "a tie: **Emma** (“Emma (1)” in the poll) and **\u0415mma** (“\u0415mma (2)” in the poll)" in (
        announcement.text
    ), announcement.text
    assert announcement.labels == ["Add “Emma (1)” as a book", "Add “\u0415mma (2)” as a book"], announcement.labels


async def test_the_withdraw_menu_tells_apart_nominations_that_read_the_same(club: Club) -> None:
    emma = await library_book(club, "Emma", "Jane Austen")
    await club.slash("nominate", member=club.member, story=str(emma))
    await nominate(club, club.other_member, "\u0415mma")  # with a Cyrillic "Е"
    await nominate(club, club.moderator, "\u0415mma by Jane Austen")
    choices = await club.autocomplete("vote withdraw", "nomination", "", member=club.admin)
    names = [choice["name"] for choice in choices]
    assert names == ["Emma by Jane Austen (1)", "\u0415mma", "\u0415mma by Jane Austen (2)"], names
    [taken] = await club.slash("vote withdraw", member=club.admin, nomination=choices[0]["value"])
    assert taken.text.startswith("Took **Emma** by Jane Austen out of this round; 2 nominations left"), taken.text


async def test_a_plan_starting_on_the_wrong_weekday_names_the_day_once(club: Club) -> None:
    await a_story(club, "The Weekly Lamp", chapters=3)
    start = club.clock.now().date() + timedelta(days=5)
    while start.weekday() == 4:  # any day but a Friday
        start += timedelta(days=1)
    refused = private_and_short(
        await club.slash(
            "discussion plan",
            member=club.admin,
            story="The Weekly Lamp",
            start=f"{start:%Y-%m-%d} 19:00",
            every="every friday",
        )
    )
    assert f"The plan would start on {show_date(start)}, not a Friday: start it on a Friday" in refused.text, (
        refused.text
    )
    assert refused.text.count(f"{start:%A}") == 1, refused.text


async def test_a_date_refused_is_quoted_as_the_admin_typed_it(club: Club) -> None:
    await a_story(club, "The February Lamp", chapters=2)
    refused = private_and_short(
        await club.slash(
            "discussion schedule", member=club.admin, story="The February Lamp", chapter=1, when="31 Feb 7pm"
        )
    )
    assert "“31 Feb” is not a date: that month has no day 31." in refused.text, refused.text
