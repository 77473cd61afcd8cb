"""Discord's refusals and lost connections, as the failures the discussion service keeps.

Shared by everything that posts for a discussion or a report (the poster, scheduled events, the
moderation channel's reports), so a refusal reads alike wherever ``/discussion list`` shows it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import aiohttp
import discord

from bot.discussions.failures import Gone, PostFailure, Unreachable
from bot.errors import connection_problem
from bot.text import and_list, missing_permissions_answer
from cogs._checks import DISCUSSION_PERMISSIONS, bot_lacks
from cogs._messages import why_discord_refused


def refusal(
    error: discord.HTTPException, doing: str, channel: discord.abc.GuildChannel | discord.Thread | None = None
) -> PostFailure:
    """What failed, as ``/discussion list`` keeps it. A refusal in a known ``channel`` names what Dogear
    lacks there and who gives it: "I am missing a permission there (Missing Permissions)" left the
    admin to find out which, and where."""
    # 5xx, or 429s, past discord.py's own tries: Discord only says "not now", so try later. Worded by
    # the helper the excerpt poster and the nominations poller share, so all three say it alike.
    if isinstance(error, discord.DiscordServerError) or error.status == 429:
        return Unreachable(f"{doing}: {why_discord_refused(error)}")
    if isinstance(error, discord.NotFound):
        return Gone(f"{doing}: the channel or thread no longer exists")
    if isinstance(error, discord.Forbidden):
        lacking = bot_lacks(channel, DISCUSSION_PERMISSIONS) if channel is not None else []
        if lacking and channel is not None:
            where = f"#{channel.name}"  # kept as text and shown escaped: a mention would show as "<#123>"
            fix = missing_permissions_answer(lacking, where, admin=None, then="")
            return PostFailure(f"{doing}: I am missing {and_list(lacking)} in {where}. {fix}")
        return PostFailure(f"{doing}: I am missing a permission there ({error.text or 'Missing Permissions'})")
    return PostFailure(f"{doing}: Discord refused it ({error.status} {error.text})")


@contextlib.contextmanager
def reaching(doing: str) -> Iterator[None]:
    """A connection that failed (refused, reset, timed out, a name not found), which discord.py
    does not retry, as :class:`Unreachable`: the service tries the item again later."""
    try:
        yield
    except (aiohttp.ClientError, OSError) as error:  # TimeoutError is an OSError
        raise Unreachable(f"{doing}: Discord could not be reached ({connection_problem(error)})") from error
