"""Threads Discord made twice for one discussion, found and deleted (or marked) after a lost answer.

discord.py sends a thread's create again after a 500, 502 or 504, and a thread has no nonce, so the
first one Discord made before losing its answer is a second thread of one discussion.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from bot.discussions.failures import PostFailure
from cogs.discussions.refusals import reaching

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)


async def drop_thread_copies(
    bot: DogearBot, channel: discord.TextChannel | discord.ForumChannel, kept: int, name: str
) -> None:
    """Delete this bot's other threads of ``name`` in ``channel``: discord.py sends a create again
    after a 500, 502 or 504, and a thread or forum post has no nonce, so a first one Discord made
    before losing its answer was a second thread of one discussion.

    Looked for in the cache and in Discord's list of the server's active threads: the first
    thread's create event may come after the retry's answer (it is not in the cache yet). A copy
    that cannot be deleted (no Manage Threads, or Discord refused) is never left silently: a line
    in the log says why, and a note in the copy says it is one and where the discussion is (a
    private copy is seen only by those who may delete it, the admins; a forum's by every reader).
    """
    me = bot.user
    if me is None:
        return
    found = {t.id: t for t in channel.threads}
    try:
        with reaching("listing the server's threads"):
            found.update((t.id, t) for t in await channel.guild.active_threads())
    except (discord.HTTPException, PostFailure) as error:
        log.warning("could not list the threads of server %s to find a copy of one: %s", channel.guild.id, error)
    copies = [
        t
        for t in found.values()
        if t.parent_id == channel.id and t.id != kept and t.name == name and t.owner_id == me.id
    ]
    allowed = channel.guild.me is not None and channel.permissions_for(channel.guild.me).manage_threads
    for copy in copies:
        if allowed:
            try:
                with reaching("deleting a thread made twice"):
                    await copy.delete()
                log.info("deleted thread %s in #%s: made twice for one request", copy.id, channel.name)
                continue
            except (discord.HTTPException, PostFailure) as error:
                why = str(error)
        else:
            why = "Dogear lacks Manage Threads there"
        await _mark_copy(channel, copy, kept, why)


async def _mark_copy(
    channel: discord.TextChannel | discord.ForumChannel, copy: discord.Thread, kept: int, why: str
) -> None:
    """Say in a thread made twice that the discussion is in ``kept``, and log why it was left."""
    log.warning(
        "thread %s in #%s (server %s) made twice for one request, not deleted (%s): the discussion is in "
        "thread %s; a note in the copy says so",
        copy.id, channel.name, channel.guild.id, why, kept,
    )  # fmt: skip
    note = (
        f"This thread was made twice (Discord lost my first answer): the discussion is in <#{kept}>. "
        "I could not delete this copy: give me Manage Threads here, or delete it yourself."
    )
    try:
        with reaching("noting a thread made twice"):
            await copy.send(note, allowed_mentions=discord.AllowedMentions.none())
    except (discord.HTTPException, PostFailure) as error:
        log.warning("thread %s in #%s made twice: the note in it could not be posted: %s", copy.id, channel.name, error)
