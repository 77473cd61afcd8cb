"""What ``/vote end`` answers, apart from the cog so it stays a thin list of commands."""

from __future__ import annotations

from bot.nominations.service import EndedVote


def vote_end_text(ended: EndedVote, *, called_off: bool) -> str:
    """What ``/vote end`` did, as the admin reads it."""
    vote = ended.vote
    where = f"<#{vote.channel_id}>"
    if ended.unposted is not None:
        return (
            f"Discord still refused the result in {where}: {vote.problem}. I set that vote aside so the club "
            f"can vote again; here is its result to share:\n\n{ended.unposted}"
        )
    if vote.state == "voting":
        return f"I ended the poll; Discord is still counting it, and I will announce the result in {where}."
    if vote.state == "ended":
        return (
            f"I ended the poll, but Discord refused its result in {where}: {vote.problem}. I will try again; "
            "`/vote end` again gives you the result to share."
        )
    if vote.results is None:
        why = "" if called_off else "Its poll was gone, so "
        return (
            f"{why}{'t' if why else 'T'}he vote is called off without a result; every nomination is back on the list."
        )
    if vote.announcement_id is None:
        return f"I ended the poll, but could not post its result in {where}; check my permissions there."
    return f"I ended the poll and announced the result in {where}."
