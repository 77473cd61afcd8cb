"""A forum thread copied as text (XenForo's: SpaceBattles, Sufficient Velocity, Questionable Questing):
the forum's lines out of the story, the thread starter as its author.

Selected and copied from the page, a thread brings the lines the forum sets around each post: who
wrote it ("Tessaly Marr said:"), the button under a long post or quote ("Click to expand..."), who
reacted ("Reactions: Vael and Korrigan"), the post's date and number ("Mar 3, 2021", "#12", "Last
edited: Mar 4, 2021"). Left in, they were paragraphs of every chapter. The thread's threadmarks
("Threadmarks: Chapter 3 - Edge") are its chapters' headings: :func:`bot.story.structure.match_heading`
reads them, as ``webpage._threadmark_headings`` reads a saved page's.

Those lines are the forum's only in a thread: a text is read as one when a line of it is a
threadmark or the forum's "Click to expand..." (no story has either); elsewhere a line "Then
she said:" or a date alone is the story's. Of the posts' "X said:" lines the first under a threadmark
names the thread's author (threadmarks are the author's own posts), else the first post's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.story.model import Story
from bot.story.structure import MONTHS

# A line only a thread copy holds: a threadmark over a post, or the button under a long one.
_THREAD_LINE = re.compile(
    r"^[ \t]*(?:threadmarks?[ \t]*:[ \t]*\S|click[ \t]+to[ \t]+(?:expand|shrink)[ \t]*(?:\.\.\.|…)?[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
_THREAD_HINTS = ("hreadmark", "HREADMARK", "to expand", "to shrink", "TO EXPAND")  # a look before the pattern
_THREADMARK = re.compile(r"^[ \t]*threadmarks?[ \t]*:", re.IGNORECASE | re.MULTILINE)

_POST_DATE = (
    rf"(?:{MONTHS}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    r"|(?:yesterday|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day))"
    r"(?:[ \t]+at[ \t]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?)?"
)
_POST_NUMBER = r"#\d{1,3}(?:,?\d{3})*"
# The forum's lines, each alone on its line: the poster's "said:", the buttons, the reactions, the
# post's date and number (either or both), "Last edited: ...", and the thread's bar over the posts.
_CHROME = re.compile(
    r"^[ \t]*(?:(?P<name>[^\s:\"“”‘’.,!?]{1,40}(?:[ \t][^\s:\"“”‘’.,!?]{1,40}){0,2})[ \t]+said:"
    r"|click[ \t]+to[ \t]+(?:expand|shrink)[ \t]*(?:\.\.\.|…)?"
    r"|reactions?:[ \t]+[^\n]{1,400}"
    rf"|last[ \t]+edited(?:[ \t]+by[ \t]+[^\n:]{{1,40}})?:[ \t]*{_POST_DATE}"
    rf"|{_POST_DATE}(?:[ \t]*{_POST_NUMBER})?|{_POST_NUMBER}"
    r"|threadmarks|view[ \t]+all[ \t]+\d[\d,]*[ \t]+threadmarks|reader[ \t]+mode)[ \t]*(?:\n|$)",
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


@dataclass(frozen=True, slots=True)
class ForumThread:
    text: str  # the thread without the forum's lines
    author: str | None  # who posted its threadmarks, or started it


def forum_thread(text: str) -> ForumThread | None:
    """A copied forum thread's text without the forum's lines (see the module's docstring), and
    its author; None when ``text`` is no thread copy."""
    if not any(hint in text for hint in _THREAD_HINTS) or _THREAD_LINE.search(text) is None:
        return None
    first_mark = _THREADMARK.search(text)
    posters: list[tuple[int, str]] = []

    def drop(line: re.Match[str]) -> str:
        name = line.group("name")
        if name is not None:
            if not _poster(name):
                return line.group(0)
            posters.append((line.start(), name))
        return ""

    kept = _CHROME.sub(drop, text)
    after_mark = [name for start, name in posters if first_mark is not None and start > first_mark.start()]
    return ForumThread(kept, (after_mark or [name for _, name in posters] or [None])[0])


def _poster(name: str) -> bool:
    """A forum name before "said:", not the words of a sentence ("Then she said:")."""
    return not any(word.lower() in _NOT_NAMES for word in name.split())


def thread_story(story: Story, thread: ForumThread) -> Story:
    """The story read from ``thread``: its author the thread's where the text names none, its title
    without the tags a thread's title carries (kept as the story's tags). Returned for chaining."""
    meta = story.meta
    if meta.author is None:
        meta.author = thread.author
    tags = _TITLE_TAGS.search(meta.title)
    if tags is not None and tags.start() > 0:
        meta.title = meta.title[: tags.start()]
        listed = tags.group("square") or tags.group("round")
        meta.additional_tags.extend(tag.strip() for tag in listed.split(",") if tag.strip())
    return story
