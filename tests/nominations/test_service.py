"""Nominations and votes as use cases, on real SQLite with Discord's side faked (tests/nominations/conftest.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import ManualClock
from bot.db import Database
from bot.errors import UserError
from bot.guilds import update_settings
from bot.nominations import store
from bot.nominations.service import (
    GIVE_UP,
    GRACE,
    Announcement,
    DiscordRefused,
    NominationService,
    PostedPoll,
    called_off_text,
)
from bot.shards import ShardScope, shard_of
from bot.story.books import add_book
from bot.story.store import search_stories
from tests.nominations.conftest import CLUB, GUILD, OTHER_GUILD, FakeDiscord

ADA, MEL, OLLIE, MO = 1, 2, 3, 4


async def titles(service: NominationService, guild_id: int = GUILD) -> list[str]:
    return [n.title for n in await service.open_nominations(guild_id)]


async def nominate_many(service: NominationService, count: int) -> None:
    for index in range(count):
        await service.nominate(GUILD, 100 + index, f"Book number {index + 1}")


async def test_a_second_nomination_replaces_the_first_and_drops_it_when_nobody_else_backs_it(
    service: NominationService,
) -> None:
    first = await service.nominate(GUILD, MEL, "The Dispossessed")
    assert (first.kind, first.title, first.backers) == ("added", "The Dispossessed", 1)
    second = await service.nominate(GUILD, MEL, "Piranesi")
    assert (second.kind, second.previous) == ("replaced", "The Dispossessed")
    assert await titles(service) == ["Piranesi"]
    again = await service.nominate(GUILD, MEL, "  piranesi ")
    assert again.kind == "unchanged"
    assert await titles(service) == ["Piranesi"]


async def test_duplicates_merge_case_and_spacing_aside_and_keep_the_first_spelling(service: NominationService) -> None:
    await service.nominate(GUILD, MEL, "The Left Hand of Darkness")
    merged = await service.nominate(GUILD, OLLIE, "the  LEFT hand of   darkness")
    assert (merged.kind, merged.title, merged.backers) == ("merged", "The Left Hand of Darkness", 2)
    # Mel moves on; the nomination stays because Ollie still backs it.
    await service.nominate(GUILD, MEL, "Kindred")
    board = await service.board(GUILD)
    assert [(n.title, n.backers) for n in board.nominations] == [("The Left Hand of Darkness", 1), ("Kindred", 1)]


async def test_titles_are_checked_before_anything_is_written(service: NominationService, db: Database) -> None:
    with pytest.raises(UserError, match="keep it to 200"):
        await service.nominate(GUILD, MEL, "x" * 201)
    with pytest.raises(UserError, match="Give the title"):
        await service.nominate(GUILD, MEL, "   ")
    assert await service.nominate(GUILD, MEL, "y" * 200)
    assert await db.fetch_value("SELECT count(*) FROM nominations") == 1


async def test_nominations_are_per_server(service: NominationService) -> None:
    await service.nominate(GUILD, MEL, "Beloved")
    await service.nominate(OTHER_GUILD, MEL, "Middlemarch")
    assert await titles(service, GUILD) == ["Beloved"]
    assert await titles(service, OTHER_GUILD) == ["Middlemarch"]


async def test_a_library_story_is_linked_by_id_or_by_its_exact_title(service: NominationService, db: Database) -> None:
    book = await add_book(db, GUILD, title="Station Eleven", chapters=12, added_by=ADA, now=0)
    linked = await service.nominate(GUILD, MEL, None, story=book.story_id)
    assert (linked.title, linked.in_library) == ("Station Eleven", True)
    typed = await service.nominate(GUILD, OLLIE, "station eleven")
    assert (typed.kind, typed.in_library) == ("merged", True)
    with pytest.raises(UserError, match="not in this server's library"):
        await service.nominate(OTHER_GUILD, MEL, None, story=book.story_id)
    long_title = " ".join(["Word"] * 80)  # an imported file's title may be longer than a nomination holds
    await db.execute("UPDATE stories SET title = ? WHERE id = ?", (long_title, book.story_id))
    clipped = await service.nominate(GUILD, MO, None, story=book.story_id)
    assert len(clipped.title) <= 200 and clipped.title.endswith("…")


async def test_a_vote_needs_two_to_ten_nominations_and_the_club_channel(
    service: NominationService, discord_side: FakeDiscord
) -> None:
    with pytest.raises(UserError, match="no nominations yet; a vote needs at least 2"):
        await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    await service.nominate(GUILD, MEL, "Only one")
    with pytest.raises(UserError, match="only 1 nomination yet"):
        await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    await nominate_many(service, 10)
    with pytest.raises(UserError, match=r"11 nominations, but a Discord poll holds at most 10 answers.*1 nomination"):
        await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    with pytest.raises(UserError, match="Set the club channel first"):
        await service.start_vote(GUILD, channel_id=None, hours=24, user_id=ADA)
    with pytest.raises(UserError, match="1 to 768 hours"):
        await service.start_vote(GUILD, channel_id=CLUB, hours=769, user_id=ADA)
    assert discord_side.polls == {}
    only = (await service.open_nominations(GUILD))[0]
    await service.withdraw(GUILD, str(only.id))
    started = await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    assert len(started.titles) == 10
    assert len(discord_side.polls[started.message_id].answers) == 10


async def test_starting_a_vote_posts_the_poll_and_later_nominations_go_to_the_next_round(
    service: NominationService, discord_side: FakeDiscord, db: Database
) -> None:
    long_title = "A Very Long Title That Certainly Does Not Fit In A Poll Answer At All"
    await service.nominate(GUILD, MEL, "Kindred")
    await service.nominate(GUILD, OLLIE, long_title)
    started = await service.start_vote(GUILD, channel_id=CLUB, hours=48, user_id=ADA)
    poll = discord_side.polls[started.message_id]
    assert poll.answers[0] == "Kindred"
    assert len(poll.answers[1]) <= 55 and poll.answers[1].endswith("…")
    vote = await store.pending_vote(db, GUILD)
    assert vote is not None and (vote.state, vote.message_id, vote.channel_id) == ("voting", started.message_id, CLUB)
    assert [n.answer_id for n in await store.list_nominations(db, GUILD, vote.id)] == [1, 2]
    assert await titles(service) == []
    await service.nominate(GUILD, MEL, "Next time")
    board = await service.board(GUILD)
    assert [n.title for n in board.nominations] == ["Next time"]
    assert [n.title for n in board.vote_nominations] == ["Kindred", long_title]
    await service.nominate(GUILD, OLLIE, "And another")
    with pytest.raises(UserError, match="already running"):
        await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)


async def start(service: NominationService, *names: str) -> int:
    for user, name in enumerate(names, start=50):
        await service.nominate(GUILD, user, name)
    return (await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)).message_id


async def test_the_winner_is_announced_once_however_often_discord_reports_the_end(
    service: NominationService, discord_side: FakeDiscord, db: Database
) -> None:
    message_id = await start(service, "Kindred", "Beloved", "Piranesi")
    assert await service.poll_finished(GUILD, message_id, {1: 1, 2: 4, 3: 2}) is True
    assert await service.poll_finished(GUILD, message_id, {1: 1, 2: 4, 3: 2}) is False
    assert await service.poll_finished(GUILD, message_id) is False
    [(channel, announcement, _)] = discord_side.announcements
    assert channel == CLUB
    assert "next read is **Beloved**, with 4 votes of 7" in announcement.text
    assert [b.label for b in announcement.buttons] == ["Add “Beloved” as a book"]
    round_ = await store.round_for_message(db, GUILD, message_id)
    assert round_ is not None and round_.state == "announced" and round_.results == {1: 1, 2: 4, 3: 2}


async def test_a_tie_is_announced_as_a_tie_with_a_button_per_tied_title(
    service: NominationService, discord_side: FakeDiscord
) -> None:
    message_id = await start(service, "Kindred", "Beloved", "Piranesi")
    await service.poll_finished(GUILD, message_id, {1: 3, 2: 1, 3: 3})
    [(_, announcement, _)] = discord_side.announcements
    assert "it is a tie: **Kindred** and **Piranesi**, with 3 votes each (7 in all)" in announcement.text
    assert len(announcement.buttons) == 2


async def test_nobody_voting_is_said_plainly_and_a_library_winner_gets_no_button(
    service: NominationService, discord_side: FakeDiscord, db: Database
) -> None:
    message_id = await start(service, "Kindred", "Beloved")
    await service.poll_finished(GUILD, message_id, {})
    assert "nobody voted" in discord_side.announcements[-1][1].text
    assert discord_side.announcements[-1][1].buttons == []
    await add_book(db, GUILD, title="Piranesi", chapters=10, added_by=ADA, now=0)
    message_id = await start(service, "Piranesi", "Beloved")
    await service.poll_finished(GUILD, message_id, {1: 2})
    text = discord_side.announcements[-1][1].text
    assert "**Piranesi**" in text and "already in the library" in text
    assert discord_side.announcements[-1][1].buttons == []


async def test_the_watcher_reads_a_poll_after_its_end_and_a_restarted_bot_announces_it_once(
    db: Database, clock: ManualClock, discord_side: FakeDiscord
) -> None:
    first = NominationService(db, clock, discord_side)
    message_id = await start(first, "Kindred", "Beloved")
    due = await first.next_due()
    assert due == clock.now() + timedelta(hours=24) + GRACE
    discord_side.vote(message_id, 1, 3)
    assert await first.serve_due(clock.now()) == 0  # nothing is due yet
    # The bot is down when the poll ends; a new process on the same database starts later.
    await clock.advance(timedelta(hours=30))
    second = NominationService(db, clock, discord_side)
    assert await second.next_due() is not None and await second.next_due() <= clock.now()
    assert await second.serve_due(clock.now()) == 1
    assert await second.serve_due(clock.now()) == 0
    third = NominationService(db, clock, discord_side)
    assert await third.serve_due(clock.now()) == 0
    assert await third.next_due() is None
    assert len(discord_side.announcements) == 1
    assert "**Kindred**" in discord_side.announcements[0][1].text


async def test_a_result_recorded_but_not_announced_before_a_crash_is_announced_at_the_next_start(
    db: Database, clock: ManualClock, discord_side: FakeDiscord, service: NominationService
) -> None:
    message_id = await start(service, "Kindred", "Beloved")
    vote = await store.pending_vote(db, GUILD)
    assert vote is not None
    async with db.transaction() as tx:  # the process died right after recording the result
        assert await store.end_round(tx, GUILD, vote.id, {2: 5}, clock.now().timestamp())
    restarted = NominationService(db, clock, discord_side)
    assert await restarted.next_due() is not None
    assert await restarted.serve_due(clock.now()) == 1
    [(_, announcement, _)] = discord_side.announcements
    assert "next read is **Beloved**" in announcement.text
    assert await restarted.poll_finished(GUILD, message_id, {2: 5}) is False


class ProcessDied(BaseException):
    """The process is killed here: nothing after this line of the bot runs."""


class DiesAfterAnnouncing:
    """Discord takes the announcement, and the process is killed before it records it."""

    def __init__(self, side: FakeDiscord) -> None:
        self.side = side

    def __getattr__(self, name: str) -> object:
        return getattr(self.side, name)

    async def announce(self, channel_id: int, announcement: Announcement, *, nonce: str) -> int:
        await self.side.announce(channel_id, announcement, nonce=nonce)
        raise ProcessDied()


async def test_an_announcement_posted_but_not_recorded_before_a_kill_is_not_posted_again_later(
    db: Database, clock: ManualClock, discord_side: FakeDiscord
) -> None:
    """Discord's nonce holds for a few minutes: a bot down longer announced the result a second time."""
    first = NominationService(db, clock, DiesAfterAnnouncing(discord_side))  # type: ignore[arg-type]
    message_id = await start(first, "Kindred", "Beloved")
    discord_side.vote(message_id, 2, 4)
    await clock.advance(timedelta(hours=25))
    with pytest.raises(ProcessDied):
        await first.serve_due(clock.now())
    await clock.advance(timedelta(minutes=20))  # down for longer than the nonce holds
    restarted = NominationService(db, clock, discord_side)
    assert await restarted.serve_due(clock.now()) == 1
    [(_, announcement, _)] = discord_side.announcements
    assert "next read is **Beloved**" in announcement.text
    vote = await store.round_for_message(db, GUILD, message_id)
    assert vote is not None and vote.state == "announced" and vote.announcement_id == discord_side.posted[0][0]
    assert await restarted.next_due() is None


class DiesAfterPostingThePoll(DiesAfterAnnouncing):
    """Discord takes the poll, and the process is killed before the round records it."""

    async def post_poll(self, channel_id: int, question: str, answers: list[str], hours: int) -> PostedPoll:
        await self.side.post_poll(channel_id, question, answers, hours)
        raise ProcessDied()


async def test_a_poll_posted_but_not_recorded_before_a_kill_is_taken_on_by_the_next_vote_start(
    db: Database, clock: ManualClock, discord_side: FakeDiscord
) -> None:
    """The round stayed open with its poll in the channel: the admin's next /vote start posted a second poll."""
    first = NominationService(db, clock, DiesAfterPostingThePoll(discord_side))  # type: ignore[arg-type]
    await first.nominate(GUILD, ADA, "Kindred")
    await first.nominate(GUILD, MEL, "Beloved")
    with pytest.raises(ProcessDied):
        await first.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    [(message_id, poll)] = discord_side.polls.items()
    discord_side.vote(message_id, 2, 3)  # members vote in it while the bot is down
    await clock.advance(timedelta(hours=1))
    restarted = NominationService(db, clock, discord_side)
    started = await restarted.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    assert started.message_id == message_id and started.ends_at == poll.ends_at
    assert list(discord_side.polls) == [message_id]
    await clock.advance(timedelta(hours=24))
    assert await restarted.serve_due(clock.now()) == 1
    [(_, announcement, _)] = discord_side.announcements
    assert "next read is **Beloved**, with 3 votes" in announcement.text


async def test_a_poll_whose_message_was_deleted_closes_the_round_and_says_why(
    service: NominationService, discord_side: FakeDiscord, clock: ManualClock, db: Database
) -> None:
    message_id = await start(service, "Kindred", "Beloved")
    discord_side.gone.add(message_id)
    await clock.advance(timedelta(hours=25))
    await service.serve_due(clock.now())
    assert [told.text.startswith("The vote was called off") for _, told, _ in discord_side.announcements] == [True]
    assert await store.pending_vote(db, GUILD) is None
    assert await titles(service) == ["Kindred", "Beloved"]  # the club's nominations are not lost with the poll
    await service.nominate(GUILD, MEL, "A")
    await service.nominate(GUILD, OLLIE, "B")
    assert await service.start_vote(GUILD, channel_id=CLUB, hours=1, user_id=ADA)


async def test_a_poll_deleted_while_it_runs_calls_the_vote_off_and_gives_its_nominations_back(
    service: NominationService, discord_side: FakeDiscord, db: Database
) -> None:
    """Before, /vote start refused until the deleted poll's end (up to 32 days), then its nominations vanished."""
    for member, title in ((MEL, "Kindred"), (OLLIE, "Beloved"), (MO, "Piranesi")):
        await service.nominate(GUILD, member, title)
    message_id = (await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)).message_id
    await service.nominate(GUILD, OLLIE, "Emma")  # during the vote: Ollie's pick for the next round
    await service.nominate(GUILD, ADA, "Kindred")  # the same title as a nominee of the vote
    assert await service.poll_deleted(OTHER_GUILD, message_id) is False  # another server's deletion: nothing
    assert await service.poll_deleted(GUILD, message_id) is True
    assert await service.poll_deleted(GUILD, message_id) is False
    assert await store.pending_vote(db, GUILD) is None
    back = {n.title: n.backers for n in await service.open_nominations(GUILD)}
    assert back == {"Kindred": 2, "Piranesi": 1, "Emma": 1}  # Ollie's newer pick replaced Beloved
    assert all(n.answer_id is None for n in await service.open_nominations(GUILD))
    again = await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    assert sorted(discord_side.polls[again.message_id].answers) == ["Emma", "Kindred", "Piranesi"]
    # The club channel hears why the poll vanished, once, with no buttons.
    [(channel, told, _)] = discord_side.announcements
    assert channel == CLUB and told.buttons == []
    assert "called off: its poll was deleted" in told.text and "`/vote start`" in told.text


async def test_markdown_and_punctuation_around_a_title_make_no_second_nomination(
    service: NominationService, db: Database
) -> None:
    """ "*Piranesi*" and "Piranesi." were once three nominations of one book, splitting its votes."""
    book = await add_book(db, GUILD, title="Piranesi", chapters=10, added_by=ADA, now=1.0)
    first = await service.nominate(GUILD, MEL, "*Piranesi*")
    assert (first.title, first.in_library) == ("Piranesi", True)
    assert (await service.nominate(GUILD, OLLIE, "Piranesi.")).kind == "merged"
    assert (await service.nominate(GUILD, MO, "__PIRANESI!__")).backers == 3
    await service.nominate(GUILD, ADA, "*A* and *B*")  # markdown inside a title is kept as typed
    nominations = await service.open_nominations(GUILD)
    assert [(n.title, n.backers, n.story_id) for n in nominations] == [
        ("Piranesi", 3, book.story_id), ("*A* and *B*", 1, None)
    ]  # fmt: skip


async def test_titles_that_clip_alike_become_distinct_poll_answers(
    service: NominationService, discord_side: FakeDiscord
) -> None:
    series = "The Extraordinarily Long Title Of A Book That Goes On And On, Volume"
    message_id = await start(service, f"{series} One", f"{series} Two", "x" * 80, "x" * 81, "Emma")
    answers = discord_side.polls[message_id].answers
    assert len(set(answers)) == 5 and all(len(a) <= 55 for a in answers)
    assert answers[0].endswith("Volume One") and answers[1].endswith("Volume Two") and answers[4] == "Emma"


async def test_the_watcher_only_serves_servers_this_process_owns(
    db: Database, clock: ManualClock, discord_side: FakeDiscord
) -> None:
    everything = NominationService(db, clock, discord_side)
    await start(everything, "Kindred", "Beloved")
    mine = shard_of(GUILD, 2)
    other = NominationService(db, clock, discord_side, scope=ShardScope.of(2, [1 - mine]))
    owner = NominationService(db, clock, discord_side, scope=ShardScope.of(2, [mine]))
    await clock.advance(timedelta(hours=25))
    assert await other.next_due() is None
    assert await other.serve_due(clock.now()) == 0
    assert discord_side.announcements == []
    assert await owner.serve_due(clock.now()) == 1
    assert len(discord_side.announcements) == 1


async def test_the_winner_becomes_a_book_once(service: NominationService, db: Database) -> None:
    message_id = await start(service, "Kindred", "Beloved")
    await service.poll_finished(GUILD, message_id, {1: 2})
    vote = await store.round_for_message(db, GUILD, message_id)
    assert vote is not None
    winner = (await store.list_nominations(db, GUILD, vote.id))[0]
    book = await service.add_as_book(
        GUILD, winner.id, title=None, chapters=14, author="Octavia E. Butler", warnings="racism, violence",
        user_id=ADA,
    )  # fmt: skip
    assert (book.title, book.chapters, book.author) == ("Kindred", 14, "Octavia E. Butler")
    with pytest.raises(UserError, match="already in the library"):
        await service.add_as_book(GUILD, winner.id, title=None, chapters=14, author=None, warnings=None, user_id=ADA)
    with pytest.raises(UserError, match="gone"):
        await service.nominee(OTHER_GUILD, winner.id)


async def test_a_poll_discord_never_finalizes_is_retried_then_counted_as_it_stands(
    service: NominationService, discord_side: FakeDiscord, clock: ManualClock
) -> None:
    message_id = await start(service, "Kindred", "Beloved")
    discord_side.stuck.add(message_id)
    discord_side.vote(message_id, 2, 2)
    await clock.advance(timedelta(hours=25))
    assert await service.serve_due(clock.now()) == 0  # not final yet: the timer retries later
    assert discord_side.announcements == []
    await clock.advance(GIVE_UP)
    assert await service.serve_due(clock.now()) == 1
    assert "next read is **Beloved**" in discord_side.announcements[0][1].text


async def test_the_story_option_as_given_names_a_library_story_or_is_refused(
    service: NominationService, db: Database
) -> None:
    """/nominate hands the story option to the service as typed: an id from the menu or a title."""
    book = await add_book(db, GUILD, title="Station Eleven", chapters=12, added_by=ADA, now=0)
    by_id = await service.nominate(GUILD, MEL, None, story=str(book.story_id))
    by_title = await service.nominate(GUILD, OLLIE, None, story="station eleven")
    assert (by_id.title, by_id.in_library, by_title.kind) == ("Station Eleven", True, "merged")
    with pytest.raises(UserError, match="the story option was empty"):
        await service.nominate(GUILD, MO, None, story="   ")
    assert await titles(service) == ["Station Eleven"]


async def test_title_choices_offer_nominations_then_library_titles_once_each(
    service: NominationService, db: Database
) -> None:
    await add_book(db, GUILD, title="Station Eleven", chapters=12, added_by=ADA, now=0)
    await add_book(db, GUILD, title="The Left Hand of Darkness", chapters=20, added_by=ADA, now=0)
    await service.nominate(GUILD, MEL, "STATION ELEVEN")
    await service.nominate(GUILD, OLLIE, "Piranesi")
    left_hand = (await search_stories(db, GUILD, "left hand"))[0].id
    assert [value for _, value in await service.title_choices(GUILD, "")] == [
        "Station Eleven",  # nominated as typed, listed as the library spells it
        "Piranesi",
        f"The Left Hand of Darkness (story id {left_hand})",  # a library book: its value says which
    ]
    assert await service.title_choices(GUILD, "  left   hand ") == [
        ("The Left Hand of Darkness", f"The Left Hand of Darkness (story id {left_hand})")
    ]
    assert await service.title_choices(OTHER_GUILD, "") == []


async def test_a_club_vote_asks_about_the_club_channel_before_posting(
    service: NominationService, db: Database, discord_side: FakeDiscord
) -> None:
    """/vote start: the member's reach to the club channel is checked before the poll is posted there."""
    await nominate_many(service, 2)
    asked: list[int] = []
    with pytest.raises(UserError, match="Set the club channel first"):
        await service.start_club_vote(GUILD, hours=24, user_id=ADA, check_channel=asked.append)
    assert asked == []
    await update_settings(db, GUILD, 0, club_channel_id=CLUB)

    def refuse(channel_id: int) -> None:
        asked.append(channel_id)
        raise UserError("You cannot post polls there.")

    with pytest.raises(UserError, match="cannot post polls"):
        await service.start_club_vote(GUILD, hours=24, user_id=ADA, check_channel=refuse)
    assert (asked, discord_side.polls) == ([CLUB], {})
    started = await service.start_club_vote(GUILD, hours=24, user_id=ADA, check_channel=asked.append)
    assert (asked, started.channel_id, len(discord_side.polls)) == ([CLUB, CLUB], CLUB, 1)


async def test_ending_a_vote_early_announces_it_once_or_calls_it_off_when_its_poll_is_gone(
    service: NominationService, discord_side: FakeDiscord, db: Database
) -> None:
    with pytest.raises(UserError, match="No vote is running"):
        await service.end_vote(GUILD)
    message_id = await start(service, "Kindred", "Beloved")
    discord_side.vote(message_id, 2)
    ended = (await service.end_vote(GUILD)).vote
    assert ended.state == "announced" and ended.results == {2: 1} and ended.announcement_id is not None
    assert await service.poll_finished(GUILD, message_id) is False  # Discord's own end event comes after
    [(_, announcement, _)] = discord_side.announcements
    assert "next read is **Beloved**" in announcement.text

    gone = await start(service, "Emma", "Piranesi")
    discord_side.gone.add(gone)
    called_off = (await service.end_vote(GUILD)).vote
    assert called_off.state == "announced" and called_off.results is None
    assert await titles(service) == ["Emma", "Piranesi"]


async def test_a_stale_vote_is_looked_at_before_a_new_one_is_refused(
    service: NominationService, discord_side: FakeDiscord
) -> None:
    """A poll deleted, or ended, while the bot was down refused /vote start until its end time."""
    gone = await start(service, "Kindred", "Beloved")
    discord_side.gone.add(gone)
    started = await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    assert sorted(discord_side.polls[started.message_id].answers) == ["Beloved", "Kindred"]
    discord_side.polls[started.message_id].finalized = True  # ended unseen, with a vote for Kindred
    discord_side.vote(started.message_id, 1)
    await service.nominate(GUILD, MEL, "Emma")
    await service.nominate(GUILD, OLLIE, "Piranesi")
    await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    told = [a.text for _, a, _ in discord_side.announcements]
    assert told[0].startswith("The vote was called off") and "next read is **Kindred**" in told[1]


async def test_the_service_keeps_no_lock_for_servers_that_are_done(service: NominationService) -> None:
    """One process serves thousands of servers: a lock kept for every server that ever
    nominated grew with them for as long as the bot ran."""
    for guild_id in range(1, 51):
        await service.nominate(guild_id, ADA, f"Book of server {guild_id}")
    assert len(service._locks) == 0


class RefusingDiscord(FakeDiscord):
    """Discord failing on its side for the next ``refusals`` announcements."""

    refusals = 0

    async def announce(self, channel_id: int, announcement: Announcement, *, nonce: str) -> int:
        if self.refusals:
            self.refusals -= 1
            raise DiscordRefused("Discord answered 503")
        return await super().announce(channel_id, announcement, nonce=nonce)


async def test_a_called_off_notice_a_kill_kept_back_is_told_once_by_the_watcher(
    service: NominationService, discord_side: FakeDiscord, db: Database, clock: ManualClock
) -> None:
    """The round was marked called off, then the channel told: a kill in between and nobody was told why."""
    for member, title in ((MEL, "Kindred"), (OLLIE, "Beloved")):
        await service.nominate(GUILD, member, title)
    vote = await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    running = await store.pending_vote(db, GUILD)
    assert running is not None
    async with db.transaction() as tx:  # the call-off's own write, and then the process is killed
        await store.call_off(tx, GUILD, running.id, 1.0, called_off_text("its poll was deleted"))
    restarted = NominationService(db, clock, discord_side)
    due = await restarted.next_due()
    assert due is not None and due <= clock.now()
    assert await restarted.serve_due(clock.now()) == 1
    [(channel, told, _)] = discord_side.announcements
    assert channel == CLUB and told.text == called_off_text("its poll was deleted")
    assert await restarted.next_due() is None
    # Discord took it but the process died before recording it, and was down past the nonce's minutes
    await db.execute("UPDATE nomination_rounds SET notice = ? WHERE id = ?", (told.text, running.id))
    await clock.advance(timedelta(hours=1))
    assert await restarted.serve_due(clock.now()) == 1
    assert len(discord_side.announcements) == 1 and vote.message_id in discord_side.polls


async def test_a_called_off_notice_discord_refuses_is_tried_again(db: Database, clock: ManualClock) -> None:
    discord_side = RefusingDiscord(clock)
    service = NominationService(db, clock, discord_side)
    for member, title in ((MEL, "Kindred"), (OLLIE, "Beloved")):
        await service.nominate(GUILD, member, title)
    vote = await service.start_vote(GUILD, channel_id=CLUB, hours=24, user_id=ADA)
    discord_side.refusals = 2
    assert await service.poll_deleted(GUILD, vote.message_id) is True
    assert discord_side.announcements == []
    for _ in range(2):
        due = await service.next_due()
        assert due is not None
        await clock.set(due)
        await service.serve_due(clock.now())
    [(channel, told, _)] = discord_side.announcements
    assert channel == CLUB and "called off: its poll was deleted" in told.text
    assert await service.next_due() is None
