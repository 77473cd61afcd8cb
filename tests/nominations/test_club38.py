"""Session 38: a nomination's author (migration 0033) goes where the nomination does, on real SQLite."""

from __future__ import annotations

from bot.db import Database
from bot.nominations import store
from bot.nominations.service import NominationService
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
