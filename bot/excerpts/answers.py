"""What the admin reads about a post, and a member about a post whose story is gone: one wording each, plurals included."""

from __future__ import annotations

from bot.excerpts.model import AlreadyPosted, PostOutcome
from bot.excerpts.store import PostJob
from bot.text import escape_markdown, no_such_page, plural

READ_PAGE_MESSAGES = 10  # the most messages one `/excerpt read` answer sends; the rest wait for `page:`

POSTED_STORY_GONE = (
    "This chapter's story is no longer in this server's library; it may have been removed. If the club "
    "added it again, it is a new entry and this post's buttons still point at the old one: find the story "
    "with `/story list`, then read the chapter with `/excerpt read` or record it with `/progress set`."
)

# A button made before /story update moved the chapters down, on a part of the story that is a note now.
NOW_A_NOTE = (
    "Since this was posted, the story was updated: what it showed is now one of the story's notes (shown in "
    "`/story info`), not a chapter, so nothing was recorded. Its first chapter is chapter 1: `/excerpt read` "
    "shows any chapter privately."
)
# The same, for "Read privately": the member asked to read, not to record.
NOW_A_NOTE_READ = (
    "Since this was posted, the story was updated: what it showed is now one of the story's notes, not a "
    "chapter, and `/story info` shows it. Its first chapter is chapter 1: `/excerpt read` shows any chapter privately."
)

# A "Post it again" whose post is gone: its chapter became a note in an update, or it was forged.
REPOST_GONE = (
    "The post this button answers is no longer on record (the story may have been updated since, and that "
    "part of it is a note now); run `/excerpt post` again to post a chapter."
)


def check_page(contents: list[str], page: int, chapter: int) -> int:
    """How many pages the chapter's ``contents`` make; a ``page`` past them is refused here, before
    anything about the chapter is said or asked (an avoided warning's question too)."""
    pages = max(1, -(-len(contents) // READ_PAGE_MESSAGES))
    if page < 1 or page > pages:
        raise no_such_page(pages, f"of chapter {chapter}")
    return pages


def read_page(contents: list[str], page: int, story_id: int, chapter: int) -> tuple[list[str], bool]:
    """Page ``page`` of a chapter read privately, and whether it is the last.

    A long chapter is a hundred messages and more; sent at once, they buried the member's screen and
    ran on for minutes at Discord's pace. A page is at most :data:`READ_PAGE_MESSAGES` messages (the
    header with the warnings is on the first), and every page of a chapter of several ends by saying
    which it is and the command for the next, as listings do.
    """
    pages = check_page(contents, page, chapter)
    shown = contents[(page - 1) * READ_PAGE_MESSAGES : page * READ_PAGE_MESSAGES]
    if pages > 1:
        later = (
            f" · next: `/excerpt read story:{story_id} chapter:{chapter} page:{page + 1}`"
            if page < pages
            else ", the last"
        )
        shown = [*shown, f"-# Page {page:,} of {pages:,} of chapter {chapter}{later}"]
    return shown, page == pages


def taken_down_text(title: str, chapters: int, *, reading: bool = False) -> str:
    """A button under a chapter an update of the story took down: "I've read this" recorded nothing,
    "Read privately" (``reading``) has nothing to show, which "nothing was recorded" did not say."""
    then = "it can no longer be read here: `/story info` lists its chapters" if reading else "nothing was recorded"
    return (
        f"This chapter was taken down when **{escape_markdown(title)}** was updated; it has "
        f"{plural(chapters, 'chapter')} now, so {then}."
    )


def chapter_label(number: int, title: str, *, first: bool = False) -> str:
    """The words `chapter 3 of **Title**` (``first``: `Chapter ...`, to start a sentence)."""
    return f"{'C' if first else 'c'}hapter {number} of **{escape_markdown(title)}**"


def channel_gone_text(channel_id: int, *, club_channel: bool) -> str:
    """The channel a post was to go to no longer exists: the one named, or the club channel setting
    (which the admin did not name, so "that channel" left them to guess which, and how to change it)."""
    if club_channel:
        return (
            f"The club channel <#{channel_id}> no longer exists (or I can't see it): name a channel with"
            " `channel:`, or set a new club channel with `/config set club_channel:`."
        )
    return f"<#{channel_id}> no longer exists (or I can't see it); name another channel with `channel:`."


def changed_while_prepared(title: str, chapter: int, *, gone: bool) -> str:
    """Another admin removed or updated the story while its chapter was being prepared for a post."""
    name = f"**{escape_markdown(title)}**"
    if gone:
        return f"{name} was removed from this server's library while chapter {chapter} was being prepared, so nothing was posted."
    return (
        f"{name} was updated while chapter {chapter} was being prepared, so nothing was posted (its chapters may be"
        " numbered anew: `/story info` lists them). Run `/excerpt post` again to post the chapter as it reads now."
    )


def posted_text(outcome: PostOutcome) -> str:
    job = outcome.job
    text = f"Posted {chapter_label(job.chapter, outcome.title)} in <#{job.channel_id}>: {plural(job.chunk_count, 'message')}."
    if outcome.already_there:
        there = outcome.already_there
        was, them = ("was", "it") if there == 1 else ("were", "them")
        text += f" {plural(there, 'message')} of it {was} already there, so I continued after {them}."
    return text


def already_posted_text(already: AlreadyPosted) -> str:
    job = already.previous
    return (
        f"{chapter_label(job.chapter, already.title, first=True)} is already in <#{job.channel_id}> "
        f"(posted <t:{int(job.updated_at)}:R>). Post it there again?"
    )


def busy_text(job: PostJob, title: str) -> str:
    return (
        f"{chapter_label(job.chapter, title, first=True)} is being posted in <#{job.channel_id}> right now "
        f"({job.sent} of {plural(job.chunk_count, 'message')} so far); it will be complete shortly."
    )


def too_long_text(number: int, title: str, story_id: int, count: int, limit: int) -> str:
    """Names the story by its id: a title can match several stories (a new version of one keeps it)."""
    return (
        f"{chapter_label(number, title, first=True)} would take {plural(count, 'message')}, more than the "
        f"{limit:,} I post into a channel, so I did not post it. Members can read it privately instead: "
        f"`/excerpt read story:{story_id} chapter:{number}`."
    )
