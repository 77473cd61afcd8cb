"""What discussion posts, reminders and notices say, as plain data (no Discord objects).

A :class:`Notice` carries the content, one embed as a dict (``discord.Embed.from_dict``
shape) whose footer holds the item's marker, and exactly who may be pinged: the club role
for a discussion when one is configured, the named members behind for a reminder, nobody
otherwise. The poster turns that into explicit ``AllowedMentions``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.progress.render import name_list
from bot.story.model import HeaderWarning

_MARKDOWN = re.compile(r"([\\*_~`|>#\[\]()-])")
EMBED_COLOUR = 0x8E6C3A
THREAD_NAME_LIMIT = 100
DESCRIPTION_LIMIT = 4000


def escape(text: str) -> str:
    """Story titles are members' text: shown literally, never as markdown or a mention."""
    return _MARKDOWN.sub(r"\\\1", text).replace("@", "@\u200b")


def stamp(moment: datetime, style: str) -> str:
    return f"<t:{int(moment.timestamp())}:{style}>"


@dataclass(frozen=True, slots=True)
class Notice:
    content: str | None
    embed: dict[str, Any] | None
    marker: str | None = None
    thread_name: str | None = None  # a forum post needs one
    role_id: int | None = None  # the only role allowed to be pinged
    user_ids: tuple[int, ...] = field(default_factory=tuple)  # the only members allowed to be pinged


def thread_name(title: str, chapter: int, discussion_id: int) -> str:
    """Carries the id so a restart can find a thread it opened before crashing."""
    suffix = f" · ch. {chapter} · #{discussion_id}"
    return title[: THREAD_NAME_LIMIT - len(suffix)].rstrip() + suffix


def _warning_line(warnings: Sequence[HeaderWarning]) -> str:
    if not warnings:
        return "No content warnings for this chapter."
    return ", ".join(warning.label for warning in warnings)


def discussion_notice(
    *,
    discussion_id: int,
    marker: str,
    title: str,
    chapter: int,
    warnings: Sequence[HeaderWarning],
    caught_up: int,
    prompts: Sequence[str],
    role_id: int | None,
    late_since: datetime | None,
    private_thread_hint: bool = True,
) -> Notice:
    """The post that opens a discussion; a late post says so and when it was due."""
    readers = f"{caught_up} member{'s have' if caught_up != 1 else ' has'} read this chapter so far."
    lines = [f"Discussion of **{escape(title)}**, chapter {chapter}.", ""]
    if late_since is not None:
        lines += [f"*Posted late: Dogear was offline when this was due ({stamp(late_since, 'F')}).*", ""]
    lines += [f"**Content warnings:** {_warning_line(warnings)}", "", readers]
    if private_thread_hint:
        lines.append("Members who mark the chapter as read are added to the thread.")
    if prompts:
        lines += ["", "**To get you started:**", *(f"• {escape(prompt)}" for prompt in prompts)]
    description = "\n".join(lines)[:DESCRIPTION_LIMIT]
    embed = {
        "title": f"{title[:200]} — chapter {chapter}",
        "description": description,
        "color": EMBED_COLOUR,
        "footer": {"text": marker},
    }
    content = f"<@&{role_id}> a discussion is open." if role_id else None
    return Notice(
        content=content,
        embed=embed,
        marker=marker,
        thread_name=thread_name(title, chapter, discussion_id),
        role_id=role_id,
    )


def reminder_notice(
    *,
    marker: str,
    title: str,
    chapter: int,
    due_at: datetime,
    behind: Sequence[int],
    hidden_behind: int,
) -> Notice:
    """Names the members not caught up (pinging only them), counting the hidden ones."""
    head = f"Reminder: the discussion of **{escape(title)}**, chapter {chapter}, opens {stamp(due_at, 'R')} ({stamp(due_at, 'F')})."
    if behind or hidden_behind:
        names = name_list(list(behind), hidden_behind, limit=1500)
        body = f"Not caught up yet: {names}."
    else:
        body = "Everyone is caught up."
    shown = tuple(user_id for user_id in behind if f"<@{user_id}>" in body)
    return Notice(
        content=f"{head}\n{body}",
        embed={"description": f"Chapter {chapter} of {escape(title)[:200]}", "footer": {"text": marker}},
        marker=marker,
        user_ids=shown,
    )


def missed_notice(*, title: str, chapter: int, due_at: datetime, grace: timedelta, discussion_id: int) -> Notice:
    hours = grace.total_seconds() / 3600
    return Notice(
        content=(
            f"The discussion of **{escape(title)}**, chapter {chapter}, was due {stamp(due_at, 'F')} while Dogear was "
            f"offline for more than {hours:g} hours, so it was not posted. "
            f"An admin can reschedule it with `/discussion move id:{discussion_id}`."
        ),
        embed=None,
    )
