"""``/schedule``: the discussions coming up, for any member, with whether they have read each chapter.

Only what the member may see: story titles, chapter numbers and times. No chapter title or
text is shown, so nothing from beyond the member's progress leaks; the times are Discord
timestamps, which every member's client shows in their own time zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.db import Database
from bot.discussions import store
from bot.discussions.store import Upcoming
from bot.story.store import resolve_story
from bot.text import escape_markdown, page_lines, plural, when_line

AGENDA_LIMIT = 500  # discussions ahead read for one answer: bounded, and paged when shown


async def member_agenda(
    db: Database, guild_id: int, user_id: int, story: str | None, *, now: datetime
) -> tuple[str | None, list[Upcoming]]:
    """(the story's title when one was asked for, the discussions still ahead with the member's progress)."""
    story_id, title = None, None
    if story is not None and story.strip():
        record = await resolve_story(db, guild_id, story)
        story_id, title = record.id, record.title
    found = await store.upcoming_for_member(db, guild_id, user_id, now=now, story_id=story_id, limit=AGENDA_LIMIT)
    return title, found


def _reading(item: Upcoming) -> str:
    """Whether the member is ready; for a chapter an update took down, against the last chapter."""
    if item.chapter > item.story_chapters:
        return f"⚠️ no longer in the story, which has {plural(item.story_chapters, 'chapter')} now; {_ready(item, item.story_chapters)}"
    return _ready(item, item.chapter)


def _ready(item: Upcoming, chapter: int) -> str:
    if item.progress >= chapter:
        return "✅ you have read it" if chapter == item.chapter else "✅ you have read them all"
    if item.progress == 0:
        return "📖 you have not started this story"
    return f"📖 not yet: you are at chapter {item.progress}"


def render_agenda(title: str | None, items: Sequence[Upcoming], page: int = 1) -> str:
    """``/schedule``: the discussions ahead, paged so none of them is left out."""
    if not items:
        where = f" for **{escape_markdown(title)}**" if title else ""
        return f"No discussions are coming up{where}. Admins schedule them with `/discussion schedule`."
    head = f"**Upcoming discussions of {escape_markdown(title)}**" if title else "**Upcoming discussions**"
    if len(items) >= AGENDA_LIMIT:  # read so far and no further: the rest show as these pass
        head += f" (the soonest {AGENDA_LIMIT:,})"
    lines = [
        f"• **{escape_markdown(item.story_title)}**, chapter {item.chapter} · {when_line(item.due_at)} · {_reading(item)}"
        for item in items
    ]
    story = f"story:{items[0].story_id} " if title else ""  # every item is of the story asked for
    return page_lines(head, lines, page, f"/schedule {story}page:{{page}}")
