"""A vote when Discord fails on its routes (session 39): the poll's post and its early end.

``/vote start`` posts a native poll and ``/vote end`` ends it early; Discord answers once with a
503 (not retried by discord.py), or does the work and loses the answer (a 502 discord.py tries
again, a connection closed unanswered). The admin reads a short line when the command could not
finish, and running it again (or the poller's own retry) leaves one poll and one announcement.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.devtools.driver import Club
from tests.e2e.test_nominations import announcements, nominate, set_club_channel

MODES = {"503": (503, False), "made-502": (502, True), "made-no-answer": (None, True)}


async def ready_to_vote(club: Club) -> None:
    await set_club_channel(club)
    await nominate(club, club.member, "The Dispossessed")
    await nominate(club, club.other_member, "Kindred")


def short_private(reply) -> bool:
    return reply.ephemeral and "\n" not in reply.text.strip() and "reference" not in reply.text


@pytest.mark.parametrize("mode", list(MODES))
async def test_a_vote_start_whose_poll_post_fails_once_leaves_one_poll(club: Club, mode: str) -> None:
    await ready_to_vote(club)
    status, after = MODES[mode]
    club.fail_route("POST /channels/{channel}/messages", status, after=after)
    [answer] = await club.slash("vote start", member=club.admin, hours=24)
    if "The vote is open" not in answer.text:
        assert short_private(answer), answer.text
        [answer] = await club.slash("vote start", member=club.admin, hours=24)
    assert "The vote is open" in answer.text, answer.text
    await club.clock.advance(timedelta(minutes=20))
    await club.settle()
    assert len(club.polls(club.text_channel)) == 1, [m.text for m in club.polls(club.text_channel)]


@pytest.mark.parametrize("mode", list(MODES))
async def test_a_vote_end_whose_poll_end_fails_once_announces_once(club: Club, mode: str) -> None:
    await ready_to_vote(club)
    [answer] = await club.slash("vote start", member=club.admin, hours=48)
    assert "The vote is open" in answer.text
    status, after = MODES[mode]
    club.fail_route("POST /channels/{channel}/polls/{message}/expire", status, after=after)
    if mode == "made-502":  # discord.py's second try of the end meets the poll ended by its first
        with club.expect_errors(400, 520001):
            [ended] = await club.slash("vote end", member=club.admin)
        assert len(announcements(club)) == 1, ended.text  # at once, not after a minute's retry
    else:
        [ended] = await club.slash("vote end", member=club.admin)
    if not announcements(club):
        assert short_private(ended), ended.text
    for step in (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15)):
        await club.clock.advance(step)
        await club.settle()
    if not announcements(club):  # the poller did not finish it: the admin's second /vote end does
        await club.slash("vote end", member=club.admin)
        await club.settle()
    assert len(announcements(club)) == 1, [m.text for m in announcements(club)]
    assert len(club.polls(club.text_channel)) == 1
