"""Session 38: a nomination's author (migration 0033) goes where the nomination does, on real SQLite."""

from __future__ import annotations

from bot.db import Database
from bot.nominations import store
from bot.nominations.service import POLL_ANSWER_CHARS, NominationService, answer_texts
from bot.story.books import add_book
from bot.story.service import remove_story
from tests.nominations.conftest import CLUB, GUILD

ADA = 1


async def removed_winner(service: NominationService, db: Database, author: str) -> int:
    """A library book nominated and voted for, removed from the library before the result: its nomination's id."""
    book = await add_book(db, GUILD, title="The Dispossessed", chapters=3, author=author, added_by=ADA, now=0)
    await service.nominate(GUILD, 50, None, book.story_id)
    await service.nominate(GUILD, 51, "Kindred")
    started = await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    await remove_story(db, GUILD, book.story_id)
    await service.poll_finished(GUILD, started.message_id, {1: 2})
    vote = await store.round_for_message(db, GUILD, started.message_id)
    assert vote is not None
    winner = (await store.list_nominations(db, GUILD, vote.id))[0]
    assert winner.story_id is None and winner.author == author
    return winner.id


async def test_a_winner_added_without_an_author_given_takes_its_nominations(
    service: NominationService, db: Database
) -> None:
    winner = await removed_winner(service, db, "Ursula K. Le Guin")
    book = await service.add_as_book(GUILD, winner, title=None, chapters=9, author=None, warnings=None, user_id=ADA)
    assert (book.title, book.author) == ("The Dispossessed", "Ursula K. Le Guin")


async def test_an_author_given_or_cleared_is_the_admins_choice(service: NominationService, db: Database) -> None:
    winner = await removed_winner(service, db, "Someone Mistaken")
    book = await service.add_as_book(GUILD, winner, title=None, chapters=9, author="  ", warnings=None, user_id=ADA)
    assert book.author is None


def test_answers_that_read_the_same_are_each_numbered_in_their_group() -> None:
    # Typed apart (a free title spelling out its author, a Cyrillic "Е"), shown alike: each one is numbered.
    answers = answer_texts(
        ["Emma", "Emma by Jane Austen", "Beloved", "\u0415mma by Jane Austen"], ["Jane Austen", None, None, None]
    )
    assert answers == [
        "Emma by Jane Austen (1)",
        "Emma by Jane Austen (2)",
        "Beloved",
        "\u0415mma by Jane Austen (3)",
    ]


def test_titles_clipped_alike_are_each_numbered_not_only_the_first() -> None:
    answers = answer_texts(["x" * 80, "x" * 81, "y" * 90])
    assert answers[0].endswith(" (1)") and answers[1].endswith(" (2)"), answers
    assert not answers[2].endswith(")") and all(len(answer) <= POLL_ANSWER_CHARS for answer in answers)


def test_one_title_by_two_long_authors_is_told_apart_by_the_authors_clipped() -> None:
    # Each author alone is left out for room; two books of one title are then told apart by them.
    authors = ["A Very Long Collective Name of Several Translators", "Another Long Name of a Whole Workshop"]
    first, second, _ = answer_texts(["Emma", "Emma", "Beloved"], [*authors, authors[0]])
    assert first.startswith("Emma by A Very Long") and second.startswith("Emma by Another Long"), (first, second)
    assert answer_texts(["Beloved"], authors[:1]) == ["Beloved"]  # alone, the title needs no author
    assert all(len(answer) <= POLL_ANSWER_CHARS for answer in (first, second))
