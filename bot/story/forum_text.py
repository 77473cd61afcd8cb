"""A forum thread copied as text (XenForo's: SpaceBattles, Sufficient Velocity, Questionable Questing):
the forum's lines out of the story, the thread starter as its author.

Selected and copied from the page, a thread brings the lines the forum sets around each post: who
wrote it ("Tessaly Marr said:"), the button under a long post or quote ("Click to expand..."), who
reacted ("Reactions: Vael and Korrigan"), the poster's name over the post's date and number
("Mar 3, 2021", "#12"), "Last edited: Mar 4, 2021", who started the thread ("Thread starter Tessaly
Marr"). Left in, they were paragraphs of every chapter. The thread's threadmarks
("Threadmarks: Chapter 3 - Edge") are its chapters' headings: :func:`bot.story.structure.match_heading`
reads them, as ``webpage._threadmark_headings`` reads a saved page's.

Those lines are the forum's only in a thread: a text is read as one when a line of it is a
threadmark, the forum's "Click to expand..." or its thread starter's line (no story has one);
elsewhere a line "Then she said:" or a date alone is the story's. The thread's author is its
starter as that line names them, else the poster under the first threadmark (threadmarks are the
author's own posts), else the first post's.

A whole thread copied holds its readers' replies between the chapters, and their words quoted in
the author's posts: the posts of others go (and the author's between them, "Thanks all! Next one on
Monday."), as do quotes a "Click to expand..." closes; the author's post straight after a chapter's
goes on with it (a chapter too long for one post).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from bot.story.model import Story
from bot.story.structure import MONTHS, THREADMARK, match_heading, title_alone
from bot.story.text_declarations import extract_declarations, notice_list, this_or_next

# A line only a thread copy holds: a threadmark over a post, the button under a long one, the line
# naming who started the thread ("Thread starter Tessaly Marr Start date Mar 3, 2021", XenForo 1's
# "Discussion in 'Creative Writing' started by Tessaly Marr, Mar 3, 2021.").
_THREAD_LINE = re.compile(
    r"^[ \t]*(?:threadmarks?[ \t]*:[ \t]*\S|click[ \t]+to[ \t]+(?:expand|shrink)[ \t]*(?:\.\.\.|…)?[ \t]*$"
    r"|thread[ \t]+starter\b|discussion[ \t]+in[ \t]+['‘\"][^\n]{1,80}?['’\"][ \t]+started[ \t]+by\b)",
    re.IGNORECASE | re.MULTILINE,
)
# A look before the pattern: most texts hold none of these, and are no thread.
_THREAD_HINTS = ("hreadmark", "HREADMARK", "to expand", "to shrink", "TO EXPAND", "hread starter", "started by")

_POST_DATE = (
    rf"(?:{MONTHS}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    r"|(?:yesterday|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day))"
    r"(?:[ \t]+at[ \t]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?)?"
)
_POST_NUMBER = r"#\d{1,3}(?:,?\d{3})*"
_POST_META = rf"(?:{_POST_DATE}(?:[ \t]*{_POST_NUMBER})?|{_POST_NUMBER})"  # "Mar 3, 2021 #12", either alone
_POST_BUTTON = r"(?:reply|like|report|\+?[ \t]*quote|bookmark|share)"  # XenForo's buttons under each post
_FORUM_NAME = r"[^\s:\"“”‘’.,!?]{1,40}(?:[ \t][^\s:\"“”‘’.,!?]{1,40}){0,2}"  # a name of up to three words
# The forum's lines, each alone on its line: the poster's "said:", or the poster's name over the
# post's date and number (either or both, themselves the forum's lines), the buttons (the post's own,
# "Reply" / "Like" / "Report", too), the
# reactions (XenForo's "Reactions: ..." or SpaceBattles' "Like x 45 Heart x 3"), "Last edited: ...", the thread's starter, and the thread's bar over the posts.
_CHROME = re.compile(
    rf"^[ \t]*(?:(?P<name>{_FORUM_NAME})[ \t]+said:"
    rf"|(?P<poster>{_FORUM_NAME})(?=[ \t]*\n[ \t]*{_POST_META}[ \t]*(?:\n|$))"
    r"|(?P<expand>click[ \t]+to[ \t]+(?:expand|shrink))[ \t]*(?:\.\.\.|…)?"
    r"|reactions?:[ \t]+[^\n]{1,400}"
    r"|(?:[^\W\d][\w'’]{0,20}+(?:[ \t][\w'’]{1,20}+)?[ \t]++x[ \t]*+\d[\d,]*+[ \t]*+[|,·]?[ \t]*+){1,8}"  # "Like x 45 Heart x 3"
    rf"|last[ \t]+edited(?:[ \t]+by[ \t]+[^\n:]{{1,40}})?:[ \t]*{_POST_DATE}|{_POST_META}"
    r"|discussion[ \t]+in[ \t]+['‘\"][^\n]{1,80}?['’\"][ \t]+started[ \t]+by[ \t]+(?P<started>[^,\n]{1,40}),[^\n]{0,60}"
    rf"|thread[ \t]+starter[ \t]*:?[ \t]+(?P<starter>\S[^\n]{{0,39}}?)(?:[ \t]+start[ \t]+date[ \t]*:?[ \t]+{_POST_DATE})?"
    r"|threadmarks|view[ \t]+all[ \t]+\d[\d,]*[ \t]+threadmarks|reader[ \t]+mode"
    rf"|{_POST_BUTTON}(?:[ \t]++{_POST_BUTTON}){{0,5}})[ \t]*(?:\n|$)",  # "Reply", "Report Like Reply" under a post
    re.IGNORECASE | re.MULTILINE,
)
# Words a sentence has before "said:" and a forum name does not: "Then she said:" is the story's.
_NOT_NAMES = frozenset(
    (
        *("i", "he", "she", "it", "we", "you", "they", "who", "one", "someone", "everyone", "nobody"),
        *("him", "her", "them", "me", "us", "his", "their", "this", "that", "there", "what", "which"),
        *("and", "then", "but", "so", "finally", "quietly", "softly"),
    )
)
# The tags a thread's title carries after its name: "Salt and Iron [Original, Fantasy]", "(Worm/Naruto)".
_TITLE_TAGS = re.compile(r"[ \t]*(?:\[(?P<square>[^\[\]]{1,80})\]|\((?P<round>[^()]{1,80})\))[ \t]*$")
# A thread's status in its title's brackets ("[Complete]", "(on hiatus)"): no fandom, nothing of the story's.
THREAD_STATUS = re.compile(r"(?:complete|completed|finished|ongoing|on[ \t]+hiatus|hiatus|abandoned|dead|wip)\.?", re.I)


@dataclass(frozen=True, slots=True)
class ForumThread:
    text: str  # the thread without the forum's lines
    author: str | None  # who posted its threadmarks, or started it


# The thread's bar copied as two lines opening a block, "Threadmarks" over the threadmark's title ("Chapter 1:
# The Ferry", a heading or a title): the threadmark "Threadmarks: Chapter 1: The Ferry" is. (A poster's name over
# it is post_head's.)
_THREADMARK_BAR = re.compile(
    r"(?<![^\n]\n)^[ \t]*threadmarks?[ \t]*\n(?P<mark>[ \t]*\S[^\n]{0,119})$", re.IGNORECASE | re.MULTILINE
)


def _threadmark_bar(match: re.Match[str]) -> str:
    mark = match.group("mark").strip()
    named = match_heading(mark, markdown=False) is not None or title_alone(mark)
    return f"Threadmarks: {mark}" if named else match.group(0)


def forum_thread(text: str) -> ForumThread | None:
    """A copied forum thread's text without the forum's lines and its readers' replies (see the
    module's docstring), and its author; None when ``text`` is no thread copy."""
    if not any(hint in text for hint in _THREAD_HINTS):
        return None
    if "hreadmark\n" in text or "hreadmarks\n" in text or "HREADMARK" in text:
        text = _THREADMARK_BAR.sub(_threadmark_bar, text)
    if _THREAD_LINE.search(text) is None:
        return None
    marks = [mark.start() for mark in THREADMARK.finditer(text)]
    chrome: list[tuple[int, int]] = []
    headed: list[tuple[int, str]] = []  # posts by the name over their date: (start, poster)
    said: list[tuple[int, str]] = []  # "X said:" lines
    starters: list[str] = []
    expands: list[tuple[int, int]] = []  # "Click to expand..." lines, under a long post or a quote
    for line in _CHROME.finditer(text):
        name = line.group("name") or line.group("poster")
        if name is not None and not _poster(name):
            continue  # "Then she said:": the story's
        chrome.append(line.span())
        if line.group("poster"):
            headed.append((line.start(), name))
        elif line.group("name"):
            said.append((line.start(), name))
        elif line.group("expand"):
            expands.append(line.span())
        elif started := line.group("started") or line.group("starter"):
            starters.append(started.strip())
    bounds = _Bounds(marks, said, [start for start, _ in headed], expands)
    quotes = [(start, end) for start, _ in said if (end := _quote_end(start, bounds, text)) is not None]
    quoted = {start for start, _ in quotes}
    # Where the forum sets each post's poster over its date, "X said:" heads a quote inside a post;
    # where it does not, it heads the post, the threadmark standing over it.
    posts = headed or [post for post in said if post[0] not in quoted]
    marked = _marked_posts(posts, marks, over=not headed)
    author = (starters or [posts[index][1] for index in marked[:1]] or [name for _, name in posts] or [None])[0]
    quoting = _quoting(posts, [start for start, _ in quotes])
    replies = _replies(posts, marks, marked, author, len(text), quoting) if marks and author else []
    return ForumThread(_SPOILER_BUTTON.sub(_spoiler_label, _without(text, sorted(chrome + quotes + replies))), author)


# A spoiler box's button, over the box's text once opened: "Spoiler: Content Warnings" (or "Spoiler"
# alone). Its title labels the text under it, as "Content Warnings:" would; as a line of the story
# the list under it declared nothing.
# (a title is a few words, no sentence, with the box's text on the next line: "Spoiler: the priest
# was never blind." is a sentence of the story). Its runs of spaces are taken whole (possessive), as the
# title never starts or ends in one: "Spoiler:", 1,000 spaces and a letter took 30 s tried every way.
_SPOILER_BUTTON = re.compile(
    r"^[ \t]*+spoiler(?:[ \t]*+:[ \t]*+(?P<title>[^\n.!?\"“”]{1,40}?))?[ \t]*+:?[ \t]*+$(?=\n[ \t]*\S)",
    re.IGNORECASE | re.MULTILINE,
)


def _spoiler_label(match: re.Match[str]) -> str:
    title = match.group("title")
    return f"{title}:" if title else ""


@dataclass(frozen=True, slots=True)
class _Bounds:
    """Where a thread's lines that bound a quote stand, each list in order."""

    marks: list[int]  # threadmarks
    said: list[tuple[int, str]]  # "X said:" lines, and who
    heads: list[int]  # posts' headers, the poster's name over the post's date
    expands: list[tuple[int, int]]  # "Click to expand..." lines


MARK_GAP = 200  # characters of blank lines a post's "X said:" may stand under its threadmark


def _quote_end(start: int, bounds: _Bounds, text: str) -> int | None:
    """Where the quote the "X said:" line at ``start`` heads ends, with its "Click to expand..."
    line; None when the line heads a post, or a quote no such line closes (it stays). A quote is a
    reader's words inside a post: read as a post, theirs, it took the author's answer with it. Where
    posts have headers of their own every "said:" heads a quote; elsewhere one straight under a
    threadmark heads its post, and another heads a quote only when a "Click to expand..." closes
    it before the next "said:", threadmark or post."""
    marks = bounds.marks
    mark = bisect_right(marks, start) - 1
    if not bounds.heads and mark >= 0 and start - marks[mark] <= MARK_GAP:
        line_end = text.find("\n", marks[mark], start)
        if line_end >= 0 and not text[line_end:start].strip():
            return None  # the post a threadmark heads
    closing = bisect_right(bounds.expands, (start, start))
    if closing >= len(bounds.expands):
        return None
    following = [marks[mark + 1]] if mark + 1 < len(marks) else []
    said = bisect_right(bounds.said, (start, "\uffff"))
    following += [bounds.said[said][0]] if said < len(bounds.said) else []
    head = bisect_right(bounds.heads, start)
    following += [bounds.heads[head]] if head < len(bounds.heads) else []
    end = bounds.expands[closing]
    return end[1] if end[0] < min(following, default=len(text)) else None


def _marked_posts(posts: list[tuple[int, str]], marks: list[int], *, over: bool) -> list[int]:
    """The indexes of the posts a threadmark marks, in order: the first post after each mark when the
    mark stands ``over`` its post, else the last post before it (the mark under its post's header)."""
    starts = [start for start, _ in posts]
    found = (bisect_right(starts, mark) - (0 if over else 1) for mark in marks)
    return sorted({index for index in found if 0 <= index < len(posts)})


def _quoting(posts: list[tuple[int, str]], quotes: list[int]) -> set[int]:
    """The indexes of the posts that quote another's words (a quote starting inside them)."""
    starts = [start for start, _ in posts]
    return {bisect_right(starts, quote) - 1 for quote in quotes}


def _replies(
    posts: list[tuple[int, str]], marks: list[int], marked: list[int], author: str, end: int, quoting: set[int]
) -> list[tuple[int, int]]:
    """Where the posts that are no part of the story stand, each to the next post or threadmark: its
    readers' replies, and the author's own between them ("Thanks all! Next one on Monday."). A post
    a threadmark marks is the story's, and so is the author's post straight after one of the story's
    (a chapter too long for one post goes on in the next), or opening the thread, unless it quotes a
    reader: that is the author's answer ("Ah, that would be telling!"), posted as the chapter's text before."""
    spans: list[tuple[int, int]] = []
    chosen = set(marked)
    kept = False  # the post before was the story's
    for index, (start, poster) in enumerate(posts):
        kept = index in chosen or (poster == author and (kept or index == 0) and index not in quoting)
        if kept:
            continue
        following = posts[index + 1][0] if index + 1 < len(posts) else end
        mark = bisect_right(marks, start)
        spans.append((start, min(following, marks[mark] if mark < len(marks) else end)))
    return spans


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` less the spans, in order, overlapping or not."""
    pieces: list[str] = []
    at = 0
    for start, stop in spans:
        if start > at:
            pieces.append(text[at:start])
        at = max(at, stop)
    pieces.append(text[at:])
    return "".join(pieces)


def _poster(name: str) -> bool:
    """A forum name before "said:", not the words of a sentence ("Then she said:")."""
    return not any(word.lower() in _NOT_NAMES for word in name.split())


def thread_story(story: Story, thread: ForumThread) -> Story:
    """The story read from ``thread``: its author the thread's where the text names none, its title
    without the tag a thread's title carries (its fandom, as a saved thread page's; a status none),
    the warnings over its first threadmark's text the story's. Returned for chaining."""
    meta = story.meta
    if meta.author is None:
        meta.author = thread.author
    if story.chapters:
        _first_post_declarations(story)
    untag_thread_title(story)
    return story


def untag_thread_title(story: Story) -> None:
    """A thread's title without the tag it carries ("Tide Runner (Worm AU)", "[Worm/Pokemon]"): the
    fandom, as the thread's "Fandom:" line and a saved page's title read (webpage._thread_title_tag);
    a status ("[Complete]") nothing. Shared by a copied thread's text and a thread's EPUB."""
    meta = story.meta
    tags = _TITLE_TAGS.search(meta.title)
    if tags is not None and tags.start() > 0:
        meta.title = meta.title[: tags.start()]
        listed = (tags.group("square") or tags.group("round")).strip()
        if not THREAD_STATUS.fullmatch(listed):
            meta.fandoms.extend(tag.strip() for tag in listed.split(",") if tag.strip() not in ("", *meta.fandoms))


def _first_post_declarations(story: Story) -> None:
    """A thread's first post opens the story as a title page does: the warnings its note declares over
    the first chapter's text ("Content warnings: gore, war crimes. It's that kind of story.") are the
    whole story's, unless it says they are for this chapter. Read as the first chapter's note, the
    story's later chapters carried none of them."""
    first = story.chapters[0]
    kept: list[str] = []
    for note in first.notes:
        declared = extract_declarations(notice_list(note) or note)[0]
        if declared and not this_or_next(note):
            story.meta.declared_warnings.extend(item for item in declared if item not in story.meta.declared_warnings)
            story.meta.notes.append(note)
        else:
            kept.append(note)
    first.notes[:] = kept
