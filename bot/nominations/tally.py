"""Reading a finished poll: who won, or who tied. Pure functions, no storage, no Discord."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.nominations.store import Nomination

WINNER, TIE, NO_VOTES = "winner", "tie", "no_votes"


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: str  # WINNER, TIE or NO_VOTES
    leaders: list[Nomination]  # the winner, or everyone tied for first; empty without votes
    votes: int  # the leaders' vote count
    total: int  # votes cast in the poll

    @property
    def winner(self) -> Nomination | None:
        return self.leaders[0] if self.kind == WINNER else None


def tally(nominations: Sequence[Nomination], counts: Mapping[int, int]) -> Outcome:
    """The nominations in the poll (those with an answer id) against Discord's counts per answer id.

    A tie is every nomination sharing the highest count when more than one does; a poll nobody
    voted in has no winner. Leaders keep the poll's answer order.
    """
    in_poll = sorted((n for n in nominations if n.answer_id is not None), key=lambda n: n.answer_id or 0)
    votes = {n.id: max(0, int(counts.get(n.answer_id or 0, 0))) for n in in_poll}
    total = sum(votes.values())
    if total == 0:
        return Outcome(NO_VOTES, [], 0, 0)
    best = max(votes.values())
    leaders = [n for n in in_poll if votes[n.id] == best]
    return Outcome(WINNER if len(leaders) == 1 else TIE, leaders, best, total)
