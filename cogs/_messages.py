"""Plain message payloads from the core, turned into discord.py ``send`` arguments.

Renderers under ``bot/`` return data (``{"content": ..., "embeds": [...]}``) and never import
discord; this is the one place that makes discord.py objects of them. Mentions are always
off unless the payload names a kind that may ping (the core's payloads name none). (The leading
underscore keeps extension discovery away.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import discord


def allowed_mentions(data: dict[str, Any]) -> discord.AllowedMentions:
    """The payload's own ``allowed_mentions`` (Discord's JSON), read as what may ping; absent means nobody.

    Only the kinds named in ``parse`` are allowed, and never a reply ping, so a payload can say
    less than "nobody" but never more than it names.
    """
    parse = set((data.get("allowed_mentions") or {}).get("parse", []))
    return discord.AllowedMentions(
        everyone="everyone" in parse, users="users" in parse, roles="roles" in parse, replied_user=False
    )


def why_discord_refused(error: discord.HTTPException) -> str:
    """Discord's refusal past discord.py's own tries, as an admin reads it: "Discord answered 429" said
    nothing to someone who does not know the status codes. Shared by the excerpt poster and the
    nominations poller so both say it alike."""
    if error.status == 429:
        return "Discord kept asking me to slow down (rate limited)"
    if error.status >= 500:
        return f"Discord failed on its side ({error.status})"
    return f"Discord answered {error.status}"


def send_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    """A payload as keyword arguments for ``send``/``followup.send``."""
    return {
        "content": data.get("content") or None,
        "embeds": [discord.Embed.from_dict(embed) for embed in data.get("embeds", [])],
        "allowed_mentions": allowed_mentions(data),
    }


async def own_messages(
    client: discord.Client,
    channel: discord.abc.Messageable,
    *,
    limit: int,
    after: int | None = None,
    oldest_first: bool | None = None,
) -> AsyncIterator[discord.Message]:
    """The bot's own messages among a channel's latest ``limit`` (after message ``after``, if given):
    where every "was it posted before the kill?" look starts. Nothing before the bot has logged in.
    Discord's refusals (``discord.HTTPException``) reach the caller, which says what it was doing."""
    me = client.user
    if me is None:
        return
    marker = discord.Object(after) if after is not None else None
    async for message in channel.history(limit=limit, after=marker, oldest_first=oldest_first):
        if message.author.id == me.id:
            yield message
