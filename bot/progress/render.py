"""Progress as message text: the member view and the club view's text fallback.

Members are written as mentions: Discord shows them as names, and the client's
``AllowedMentions.none()`` keeps them from pinging anyone. Hidden members are only counted.
Every text fits the message budget: long lists are paged, and so are the names of who is caught
up when they are too many for every page (a cut list hid the rest with no way to see them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.limits import MESSAGE_CHARS
from bot.progress.bars import progress_line
from bot.progress.store import ClubProgress, StoryProgress
from bot.text import escape_markdown, no_such_page, page_lines, plural

PER_MEMBER_LINES = 20  # beyond this many named members the text shows the distribution
NAMES_PER_LINE = 10  # caught-up members named in a paged list: ten mentions (at most 240 characters) a line


def mention(user_id: int) -> str:
    return f"<@{user_id}>"


def _names_that_fit(user_ids: Sequence[int], limit: int, more_in: str = "") -> list[str]:
    """The mentions :func:`name_list` shows within ``limit`` (room kept for "and N more")."""
    shown: list[str] = []
    used = 0
    for index, user_id in enumerate(user_ids):
        item = mention(user_id)
        rest = len(user_ids) - index - 1
        reserve = len(f" and {rest} more{_pointer(more_in)}") if rest else 0
        if used + len(item) + 2 + reserve > limit:
            break
        shown.append(item)
        used += len(item) + 2
    return shown


def _pointer(more_in: str) -> str:
    return f" ({more_in})" if more_in else ""


def name_list(user_ids: Sequence[int], hidden: int, *, limit: int, more_in: str = "") -> str:
    """``<@1>, <@2> and 3 more, plus 1 hidden member`` within ``limit`` characters; ``more_in`` names
    where the members left unnamed can be seen (``and 3 more (`/progress club story:4` ...)``)."""
    shown = _names_that_fit(user_ids, limit, more_in)
    text = ", ".join(shown)
    if len(shown) < len(user_ids):
        left = len(user_ids) - len(shown)
        text += (f" and {left} more" if shown else plural(left, "member")) + _pointer(more_in)
    if hidden:
        text += f"{', plus ' if text else ''}{plural(hidden, 'hidden member')}"
    return text or "nobody yet"


def club_text(
    club: ClubProgress,
    *,
    target: int,
    target_label: str,
    budget: int = MESSAGE_CHARS,
    note: str | None = None,
    page: int = 1,
    next_page: str = "/progress club page:{page}",
) -> str:
    """The club view as text, a page at a time: who is caught up with ``target``, then where everyone is
    (``note``, when given, says why ``target`` is not the next discussion's chapter).

    The header and the caught-up line are on every page; the list under them (a line per named member,
    or per chapter reached in a big club) is paged by :func:`page_lines`, each line on exactly one page
    and every page but the last naming ``next_page``: a story of hundreds of chapters read at as many
    places outgrows one message, and a cut list hid where the rest of the club was with no way to see it.
    """
    total = club.story.chapter_count
    header = (
        f"**{escape_markdown(club.story.title)}**: {plural(total, 'chapter')} · {plural(club.member_count, 'member')}"
        + (f" ({club.hidden_count} hidden)" if club.hidden_count else "")
    )
    if club.member_count == 0:
        if page > 1:
            raise no_such_page(1)
        return header + "\nNo one has shared their progress in this story yet. Use `/progress set` to be the first."
    caught_named, caught_hidden = club.caught_up(target)
    list_budget = max(200, (budget - len(header) - 200) // 2)
    caught_count = len(caught_named) + caught_hidden
    # "…: nobody yet", never "…: 0 — nobody yet"
    caught = f"Caught up with {target_label} (chapter {target}): " + (f"{caught_count:,} — " if caught_count else "")
    head = [header, *([note] if note else [])]
    if club.named_count <= PER_MEMBER_LINES:
        # Every named member is on a line below with their bar: a cut name list hides nobody.
        head.append(caught + name_list(caught_named, caught_hidden, limit=list_budget))
        lines = [f"`{progress_line(m.chapter, total)}` {mention(m.user_id)}" for m in club.ranked()]
    elif len(_names_that_fit(caught_named, list_budget)) == len(caught_named):
        head += [caught + name_list(caught_named, caught_hidden, limit=list_budget), "Members per chapter reached:"]
        lines = _distribution_lines(club)
    else:
        # Too many to name on every page: named once, at the end of the paged list.
        hidden = f", plus {plural(caught_hidden, 'hidden member')}" if caught_hidden else ""
        head += [caught + f"named at the end of the list{hidden}", "Members per chapter reached:"]
        lines = [*_distribution_lines(club), f"Caught up with chapter {target}:", *_name_lines(caught_named)]
    return page_lines("\n".join(head), lines, page, next_page, budget)


def _name_lines(user_ids: Sequence[int], per_line: int = NAMES_PER_LINE) -> list[str]:
    """Mentions a few to a line, for a paged list (each line on exactly one page)."""
    return [", ".join(map(mention, user_ids[i : i + per_line])) for i in range(0, len(user_ids), per_line)]


def _distribution_lines(club: ClubProgress) -> list[str]:
    """Members per chapter reached, named members only, most advanced first."""
    counts = Counter(chapter for _, chapter in club.positions)
    lines = []
    for chapter in sorted(counts, reverse=True):
        label = "not started" if chapter == 0 else f"chapter {chapter}"
        lines.append(f"`{progress_line(chapter, club.story.chapter_count)}` {label}: {counts[chapter]}")
    return lines


def member_text(
    stories: Sequence[StoryProgress],
    *,
    whose: str,
    budget: int = MESSAGE_CHARS,
    mine: bool = True,
    page: int = 1,
    next_page: str = "/progress show page:{page}",
) -> str:
    """Each story the member is in (one set to "not started" says so), with chapter/total and a bar, a page at a time.

    Paged (``next_page`` names the command for the next page), so a member of a busy club sees
    every story they have started, however many and however long their titles; a cut list
    would hide the rest with no way to reach it. Only the member's own empty list ends with how
    to record progress: about another member, "record where you are" would tell the viewer to do
    something for someone else.
    """
    if not stories:
        hint = " Use `/progress set` to record where you are." if mine else ""
        return f"{whose} not started any story yet.{hint}"
    lines = [
        f"`{progress_line(s.chapter, s.chapter_count)}` **{escape_markdown(s.title)}**"
        + (" · not started" if s.chapter == 0 else "")
        for s in stories
    ]
    return page_lines(f"{whose} reading:", lines, page, next_page, budget)
