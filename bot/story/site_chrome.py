"""A website's furniture in a copied story: navigation, buttons, counters, menus and tip jars.

Stories pasted from a site bring "Next Chapter >>", "1.2k kudos", "Buy me a coffee" and its menu along;
none of it is story text, and all of it would be posted to members if kept.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from bot.story.contents_lists import (
    OutsideKeys,
    chapter_list,
    contents_block,
    contents_label,
    settle_heading_runs,
    title_like,
)
from bot.story.metadata_fields import Meta
from bot.story.structure import (
    Heading,
    Item,
    Para,
    text_of,
)

# A sentence's stop, before a space or the text's end: the one pattern of :func:`sentence_stop`.
_SENTENCE_STOP = re.compile(r"[.?!…](?=\s|$)")


def sentence_stop(text: str, *, ellipsis: bool = True) -> bool:
    """Whether ``text`` holds a sentence's stop (".", "?", "!" or "…") before a space or its end: prose
    ("It rained.", "Wait… no"). With ``ellipsis`` False an ellipsis is none, as a title or a site's line
    may hold one and be no sentence ("Wait… What", "More…"): the test a title, a menu's line or a
    list's entry is read by."""
    if ellipsis:
        return _SENTENCE_STOP.search(text) is not None
    return any(found.group() != "…" for found in _SENTENCE_STOP.finditer(text))


# FanFiction.net's chapter navigation: "< Prev 1. The Letter 2. The Burrow Next >".
_PREV = re.compile(r"^(?:<{1,2}|«|‹|←)[ \t]*prev(?:ious)?(?:[ \t]+chapter)?(?!\w)", re.IGNORECASE)
_NEXT = re.compile(r"(?<!\w)next(?:[ \t]+chapter)?[ \t]*(?:>{1,2}|»|›|→)$", re.IGNORECASE)
_INLINE_NUMBER = re.compile(r"(?<!\S)(\d{1,5})\.(?=\s|$)")
NAV_LINE_CHARS = 64_000  # a dropdown of some hundred chapters on one line


def drop_navigation(items: list[Item]) -> list[Item]:
    """Items without FanFiction.net's Prev/Next lines and a site's reader chrome (:func:`site_chrome`),
    and chapter dropdowns pasted as headings settled.

    A dropdown pasted one entry a line ("Chapter 1 / Chapter 2 / Chapter 3") reads as a run of
    headings with nothing between them; only the heading the text belongs to is kept. Wattpad's
    "You'll also like" after the last chapter lists other writers' stories: it and what follows go.
    An email's "--" over the chrome closing the text goes with it, and its header over the text.
    """
    last_heading = max((index for index, item in enumerate(items) if isinstance(item, Heading)), default=-1)
    end = next(
        (
            index
            for index, item in enumerate(items)
            if index > last_heading and isinstance(item, Para) and _after_story(item.text)
        ),
        len(items),
    )
    shown = items[:end]
    chrome = [isinstance(item, Para) and (nav_frame(item.text) or site_chrome(item.text)) for item in shown]
    for index, item in enumerate(shown):  # an email's header over the story, before any of its text
        if not chrome[index]:
            if not (isinstance(item, Para) and mail_header(item.text)):
                break
            chrome[index] = True
    last_kept = max((index for index, said in enumerate(chrome) if not said), default=-1)
    runs = _button_runs(shown)
    kept = [
        item
        for index, item in enumerate(shown)
        if not chrome[index]
        and not (index == last_kept < len(shown) - 1 and _signature_delimiter(item))
        and not _button_by_chrome(shown, chrome, index, runs)
        and not (isinstance(item, Heading) and _SUPPORT_LINE.fullmatch(item.raw.strip("#*_ \t")))
        and not (isinstance(item, Heading) and arrowed_nav(item.raw))
    ]  # (a serial's tip box set as a heading, Royal Road's <h4>Support "Ember Reach"</h4>, heads no chapter)
    return settle_heading_runs(_title_over_navigation(shown, chrome, kept))


NAV_TITLE_ITEMS = 4  # a chapter page's title line over its links is among the text's first items


def _title_over_navigation(shown: list[Item], chrome: list[bool], kept: list[Item]) -> list[Item]:
    """A chapter page copied with its title line straight over its links to the chapters around it ("The
    Ferry" over "<< Previous | Index | Next >>", under the story's title and by-line), in a text with no
    heading: that line heads the chapter. Left a paragraph, the chapter's title opened its text."""
    if any(isinstance(item, Heading) for item in shown):
        return kept
    for index in range(1, min(len(shown) - 2, NAV_TITLE_ITEMS)):
        item = shown[index]
        if chrome[index]:
            break
        if (
            isinstance(item, Para)
            and chrome[index + 1]
            and (nav_frame(text_of(shown[index + 1])) or _serial_nav(text_of(shown[index + 1]).strip()))
            and title_like(item.text.strip())
            and not item.text.rstrip().endswith(("!", "?"))
            and isinstance(shown[index - 1], Para)
        ):
            at = next((position for position, kept_item in enumerate(kept) if kept_item is item), None)
            if at is None:
                return kept
            return [*kept[:at], Heading(item.text.strip(), "named", 2, item.text.strip()), *kept[at + 1 :]]
    return kept


# An email's header over a story sent by email and saved or copied as text: Gmail's "---------- Forwarded
# message ---------", Outlook's "-----Original Message-----", Apple Mail's "Begin forwarded message:", over
# its "From:", "Date:", "Subject:" and "To:" lines; or those lines alone, a saved message's head.
_MAIL_OPENER = re.compile(
    r"[ \t]*(?:-{2,}[ \t]*(?:forwarded[ \t]+message|original[ \t]+message)[ \t]*-{2,}|begin[ \t]+forwarded[ \t]+message:?)[ \t]*",
    re.IGNORECASE,
)
_MAIL_FIELD = re.compile(r"[ \t]*(?P<key>from|sent|date|to|cc|bcc|subject|reply-to):[ \t]*[^\n]{0,200}", re.IGNORECASE)
MAIL_HEADER_LINES = 12


def mail_header(text: str) -> bool:
    """A paragraph of an email's header (see :data:`_MAIL_OPENER`): its opener over its fields, or its
    fields alone where they give who it is from, its subject and who it went to or when. Left in, a
    story forwarded to the club and saved as text opened with a chapter 1 of "From: Ada Quill <ada@...>"."""
    lines = text.strip().split("\n", MAIL_HEADER_LINES)
    if len(lines) > MAIL_HEADER_LINES or not lines[0].strip():
        return False
    opened = _MAIL_OPENER.fullmatch(lines[0]) is not None
    fields = [_MAIL_FIELD.fullmatch(line) for line in lines[1:] if line.strip()] if opened else []
    if not opened:
        fields = [_MAIL_FIELD.fullmatch(line) for line in lines]
    if not fields or not all(fields):
        return opened and len(lines) == 1
    keys = {found.group("key").casefold() for found in fields if found}
    return opened or ({"from", "subject"} <= keys and bool(keys & {"to", "date", "sent"}))


def _signature_delimiter(item: Item) -> bool:
    """An email's "-- " line over its footer, alone: asked of the last line before a newsletter's
    chrome closing the text ("--" over "You're receiving this email because ..."), where it was the
    story's last paragraph."""
    return isinstance(item, Para) and item.text.strip() == "--"


def _button_runs(items: list[Item]) -> list[tuple[int, int]]:
    """For each item, the run of lone buttons it stands in, from its first to past its last (one pass)."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index, item in enumerate(items):
        if not _lone_button(item):
            runs.extend([(start, index)] * (index - start))
            runs.append((index, index))
            start = index + 1
    runs.extend([(start, len(items))] * (len(items) - start))
    return runs


def _button_by_chrome(items: list[Item], chrome: list[bool], index: int, runs: list[tuple[int, int]]) -> bool:
    """A site's button alone ("Report", "Share") next to its chrome, a chapter's links or counts, with
    nothing of the story between: Royal Road's "Report" under "Previous Chapter | Next Chapter"; or a
    post's votes ("2.4k") over its buttons; a box's button under it, the word the box asks for (Substack's
    "Subscribe" under "Thanks for reading Tidelines! Subscribe for free ..."); and two buttons or more in a
    run next to chrome (Ko-fi's "Like" / "Share" over "Buy Ada Quill a Coffee"). A "Share" among the story's
    paragraphs stays, as does one alone closing it (a text message's "Like")."""
    item = items[index]
    if not isinstance(item, Para):
        return False
    count = VOTE_COUNT.fullmatch(item.text.strip()) is not None  # Reddit's "2.4k" over "Reply" / "Share"
    if not count and not _lone_button(item):
        return False
    before = index > 0 and chrome[index - 1]
    after = index + 1 < len(chrome) and chrome[index + 1]
    last = index + 1 == len(items)
    if (count and after) or (before and (after or last or not isinstance(items[index + 1], Para))):
        return True
    above = items[index - 1] if before else None
    if isinstance(above, Para) and re.search(rf"\b{re.escape(item.text.strip())}\b", above.text, re.IGNORECASE):
        return True  # the box's own button under it
    start, end = runs[index]  # the run of lone buttons this one is in
    return end - start >= 2 and ((start > 0 and chrome[start - 1]) or chrome[end])


def _lone_button(item: Item) -> bool:
    """A button alone in its paragraph ("Share"), or a sharing box's link ("Twitter", "Related"), which go
    only next to chrome (:func:`_button_by_chrome`)."""
    return (
        isinstance(item, Para)
        and len(item.text) <= LONE_BUTTON_CHARS
        and (LONE_BUTTON.fullmatch(item.text.strip()) is not None or _SHARE_TARGET.fullmatch(item.text) is not None)
    )


LONE_BUTTON_CHARS = 40


# A site's counts copied with the story: Wattpad's "48.2K Reads 2.1K Votes 314 Part Story", Tumblr's
# "1,234 notes", "12 comments • 40 likes".
_COUNT = r"\d[\d,.]*[ \t]*[KkMm]?"
_COUNTED = (
    r"reads?|votes?|parts?(?:[ \t]+story)?|notes?|comments?|likes?|reblogs?|kudos|hits|views|bookmarks|favou?rites"
)
# One count and what it counts, with the mark that parts it from the next ("48.2K Reads · ").
_COUNTED_ITEM = rf"{_COUNT}[ \t]*(?:{_COUNTED})[ \t]*[•·|/]?[ \t]*"
_SITE_COUNTS = re.compile(rf"(?:{_COUNTED_ITEM})+", re.IGNORECASE)
# Two counts or more on a line of their own, even right under a part's title ("1. The Lottery" over
# "1.2K Reads 88 Votes 14 Comments", as Wattpad's parts copy): the heading was lost in one paragraph.
_COUNT_LINE = re.compile(rf"^[ \t]*(?:{_COUNTED_ITEM}){{2,}}$\n?", re.IGNORECASE | re.MULTILINE)
# A story page's header copied over the text: its counts after its genres ("Fantasy, Romance · 12 parts ·
# 4.2K reads", Quotev's) and its likes under a heart ("♥ 318"). Looked for in the text's head only: tried
# at every line, the genres' run cost five times the other patterns.
_HEAD_COUNTED_ITEM = (
    rf"{_COUNT}[ \t]*(?:{_COUNTED}|chapters?|words?)[ \t]*[•·|/]?[ \t]*"  # "· 2 chapters · 2,314 words"
)
_HEAD_LABELS = r"reads?|fans|comments|votes|favou?rites|likes|views|followers|kudos|hits|bookmarks"
_LABEL_COUNT_LINE = rf"[ \t]*+(?:(?:{_HEAD_LABELS})(?:[ \t]*+:?[ \t]*+\d[\d,.]*+[KkMm]?)?|\d[\d,.]*+[KkMm]?[ \t]*+(?:{_HEAD_LABELS}))[ \t]*+"
# A Reddit post's age on a line of its own in the text's head, under "Posted by u/tidewright": "3 yr. ago",
# "• 2y ago" (as Reddit writes it: "Three years ago" may head a story's scene).
_REDDIT_AGE_LINE = re.compile(
    r"^[ \t]*(?:[•·][ \t]*)?\d{1,3}[ \t]*(?:yr|y|mo|d|h|min|hr)\.?[ \t]+ago[ \t]*$\n?", re.MULTILINE | re.IGNORECASE
)
_HEAD_COUNT_LINE = re.compile(
    # (the genres end on a letter or mark, not in the spaces before the "·": each place in a run of
    # spaces read the rest of the run, a 4 MB line of them took 1.7 s a pass)
    rf"^[ \t]*[^\W\d](?:[^\n·•|]{{0,59}}?[^\n·•| \t])?[ \t]*[·•|][ \t]*(?:{_HEAD_COUNTED_ITEM}){{2,}}$\n?"
    rf"|^[ \t]*[♥❤♡💜💙]\ufe0f?[ \t]*{_COUNT}[ \t]*$\n?"
    # a fiction page's labelled counts, Royal Road's "Followers: 1,204  Pages: 312  Rating: 4.6"
    rf"|^[ \t]*(?:(?:followers|pages|(?:total[ \t]+|average[ \t]+)?views|favou?rites|ratings?|chapters|words|reviews"
    rf"|reads|votes)[ \t]*:[ \t]*{_COUNT}[ \t]*[•·|,]?[ \t]*){{2,}}$\n?"
    # a story page's state over its count of parts, Wattpad's "Completed" / "14 parts", "Ongoing" / "3 parts"
    r"|^[ \t]*+(?:completed?|ongoing|mature)[ \t]*+\n[ \t]*+\d[\d,]*+[ \t]*+(?:parts?|chapters?)[ \t]*+$\n?",
    re.IGNORECASE | re.MULTILINE,
)
# Quotev's counts under a story's title and by-line, each on its line with its label first, or its
# buttons bare: "Read 12,408" / "Fans 341" / "Comments 57", "Fans" / "Comments" (two lines at least,
# or one counting). Looked for in the file's first two paragraphs only: further on, a "Comments 58"
# under the last chapter is where the readers' comments start (:func:`site_chrome`).
_TITLE_PAGE_COUNTS = re.compile(
    rf"^{_LABEL_COUNT_LINE}(?:\n{_LABEL_COUNT_LINE})++$\n?"
    rf"|^[ \t]*+(?:{_HEAD_LABELS})[ \t]*+:?[ \t]*+\d[\d,.]*+[KkMm]?[ \t]*+$\n?",
    re.IGNORECASE | re.MULTILINE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*+\n")
_HEAD_COUNTED_PART = re.compile(rf"{_COUNT}[ \t]*(?:{_COUNTED}|chapters?|words?)", re.IGNORECASE)
GENRE_LINE_CHARS = 200


def _genres_and_counts(line: str) -> bool:
    """A story page's line of genres and counts set apart by dots or bars, the genres several: "Fantasy ·
    Romance · 3 chapters · 12,408 reads" (Quotev's); two counts at least, or one after two genres
    ("Romance · Fantasy · 3 chapters"), each genre a word or three."""
    if len(line) > GENRE_LINE_CHARS:
        return False
    parts = [part.strip() for part in re.split(r"[·•|]", line)]
    counts = [bool(_HEAD_COUNTED_PART.fullmatch(part)) for part in parts]
    return (sum(counts) >= 2 or (sum(counts) == 1 and len(parts) >= 3 and counts[-1])) and all(
        counted or (part and len(part.split()) <= 3 and not any(c.isdigit() for c in part) and part[:1].isupper())
        for part, counted in zip(parts, counts, strict=True)
    )


# Counts under the site's icons, a part's foot as Wattpad's app copies it: "⭐ 214   💬 37", "👁 1.2K ★ 88".
# (Each run taken whole, "*+": given back a space at a time, "⭐1" and 1,000 spaces took 5 s.)
_ICON_COUNT_LINE = re.compile(
    r"^[ \t]*+(?:[⭐★☆👁💬🗨♥❤♡👍🔖][\ufe0f\u200d👁🗨]*+[ \t]*+\d[\d,.]*+[ \t]*+[KkMm]?[ \t]*+[•·|]?[ \t]*+){2,}$\n?",
    re.MULTILINE,
)
COUNT_HEAD_CHARS = 3000  # a story page's header: its title, by-line, genres and counts


# FanFiction.net's button copied as a line of its own under the story's title: "Follow/Fav". The
# space after the "+" only after one: two runs of spaces side by side split a line of tabs and
# spaces every way there is (60 KB of them took 31 s, 4 MB would take days).
_FOLLOW_LINE = re.compile(
    r"^[ \t]*(?:\+[ \t]*)?follow[ \t]*/[ \t]*fav(?:orite)?[ \t]*$\n?", re.IGNORECASE | re.MULTILINE
)


# A chat app's line over each message, copied with a story posted there a message at a time: Discord's
# "mothlight — Today at 3:14 PM", "mothlight — 03/12/2024 3:14 PM", "mothlight — 3/12/24, 15:14".
_CHAT_HEADER = re.compile(
    r"^[ \t]*+[^\s—]{1,40}(?:[ \t][^\s—]{1,40}){0,3}[ \t]++—[ \t]++(?:(?:today|yesterday)[ \t]+at|\d{1,2}/\d{1,2}/\d{2,4},?)"
    r"[ \t]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]*$\n?",
    re.IGNORECASE | re.MULTILINE,
)


# A chapter-select menu copied as one line, its entries run together and counting from 1: FanFiction.net's
# "Chapter 1: Bree, chapter 2: Weathertop, chapter 3: Rivendell" or "1. Bree 2. Weathertop 3. Rivendell".
# Read as a heading, it titled chapter 1 "Bree, chapter 2: Weathertop, ..." (or was a chapter of its own).
_SELECT_START = re.compile(
    r"^[ \t]*+(?:chapter|ch\.)?[ \t]*+1[ \t]*+[.:)\-–—][^\n]*+$\n?", re.IGNORECASE | re.MULTILINE
)
_SELECT_ENTRY = re.compile(
    r"(?:^|[ \t,;|·•]++)(?:(?:chapter|ch\.)[ \t]*+)?(\d{1,4})[ \t]*+[.:)\-–—][ \t]++", re.IGNORECASE
)
SELECT_ENTRY_CHARS = 80  # an entry's title in a chapter menu
SELECT_LINE_CHARS = 20_000  # a longer line is read as it is


def _select_line(line: str) -> bool:
    """Whether a line is only a chapter menu's entries run together, numbered 1, 2, 3... (two at least),
    each a short title with no sentence's stop."""
    if len(line) > SELECT_LINE_CHARS:
        return False
    text = line.strip()
    marks = list(_SELECT_ENTRY.finditer(text))
    if (
        len(marks) < 2
        or marks[0].start() != 0
        or [int(mark.group(1)) for mark in marks] != list(range(1, len(marks) + 1))
    ):
        return False
    labelled = sum(bool(re.match(r"[ \t,;|·•]*(?:chapter|ch\.)", mark.group(0), re.IGNORECASE)) for mark in marks)
    if labelled not in (0, len(marks)):
        return False  # "Chapter 1: the storm; 2. the flood" is a sentence's list, not a menu
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    titles = [text[mark.end() : end].strip(" \t,;|·•") for mark, end in zip(marks, ends, strict=True)]
    return all(0 < len(title) <= SELECT_ENTRY_CHARS and not sentence_stop(title, ellipsis=False) for title in titles)


def drop_select_lines(text: str) -> str:
    """The text less chapter-select menus copied as one line (:data:`_SELECT_START`)."""
    return _SELECT_START.sub(lambda found: "" if _select_line(found.group(0).rstrip("\n")) else found.group(0), text)


def drop_count_lines(text: str) -> str:
    """The text without lines of a site's counts (:data:`_COUNT_LINE`) or its "Follow/Fav" button:
    left in, FanFiction.net's title, button and "By:" line were one paragraph, none of them read;
    nor a chat app's line over each message (:data:`_CHAT_HEADER`), posted with every paragraph, nor a
    chapter menu copied as one line (:func:`drop_select_lines`)."""
    cut = text.find("\n", COUNT_HEAD_CHARS) + 1 or len(text)  # the head ends at a line's end
    gaps = itertools.islice(_BLANK_LINE.finditer(text, 0, cut), 2)
    top = [gap.start() + 1 for gap in gaps][1:] or [cut]  # the first two paragraphs
    title_page = _TITLE_PAGE_COUNTS.sub("", text[: top[0]])
    if any(mark in title_page for mark in "·•|"):
        title_page = "".join(line for line in title_page.splitlines(keepends=True) if not _genres_and_counts(line))
    head = title_page + text[top[0] : cut]
    head = _HEAD_COUNT_LINE.sub("", head)
    head = _REDDIT_AGE_LINE.sub("", head) if " ago" in head else head
    text = head + text[cut:] if len(head) != cut else text
    if " — " in text:
        text = _CHAT_HEADER.sub("", text)
    text = _ICON_COUNT_LINE.sub("", text) if any(icon in text for icon in "⭐★☆👁💬🗨♥❤♡👍🔖") else text
    return drop_select_lines(_FOLLOW_LINE.sub("", _COUNT_LINE.sub("", text)))


# A site's buttons copied as a line of their own: Wattpad's "Vote / Comment / Share", Tumblr's "Reblog Like".
_BUTTON = (  # AO3's "Kudos", Quotev's "Favorite" and "Comments (12)"
    r"vote|comment|comments|share|like|reblog|reply|follow|report|subscribe|kudos|bookmark|favou?rite"
    r"|comments[ \t]*\(\d[\d,]{0,8}\)"
    r"|reviews?|fav"  # FanFiction.net's "Reviews · Favorite · Follow", "Follow/Fav"
    r"|save|upvote|downvote|award|give[ \t]+award|go[ \t]+to[ \t]+comments"  # Reddit's, under a post
)
# A button's icon copied before its word: Wattpad's "★ Vote  💬 Comment", "↗ Share".
_ICON = r"(?:[☆★⭐💬🗨↗⤴📤❤♡♥👍🔁]\ufe0f?[ \t]*)?"
_SITE_BUTTONS = re.compile(
    rf"{_ICON}(?:{_BUTTON})(?:[ \t]*[/|•·][ \t]*|[ \t]+)(?:{_ICON}(?:{_BUTTON})(?:[ \t]*[/|•·][ \t]*|[ \t]+|$))+",
    re.IGNORECASE,
)
# Wattpad's reader links: "Continue reading next part", "Add to library"; "You'll also like" heads recommendations.
# A forum's lines around a post copied with it (XenForo's: SpaceBattles, Sufficient Velocity, Questionable
# Quests): its reactions ("Reactions: Like 23", "Reactions: Ada, Bram and 21 others"), "Last edited: Mar 2,
# 2024" (or "... by a moderator: ..."), a quote's "Click to expand...".
_REACTION = r"(?:like|love|informative|insightful|haha|wow|sad|angry|thanks|useful|creative|funny|agree|hugs?)"
_FORUM_CHROME = re.compile(
    rf"reactions:[ \t]*(?:{_REACTION}(?:[ \t]+\d{{1,6}})?(?:[ \t]*,?[ \t]*{_REACTION}(?:[ \t]+\d{{1,6}})?){{0,11}}"
    r"|[^\n]{1,100}?[ \t]and[ \t]+\d{1,6}[ \t]+others?)"
    r"|last[ \t]+edited(?:[ \t]+by[ \t]+[^:\n]{1,40})?:[ \t]*(?:\w{3,9}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}|yesterday|today)[^\n]{0,20}"
    r"|click[ \t]+to[ \t]+(?:expand|shrink)[ \t]*(?:\.{3}|…)?",
    re.IGNORECASE,
)
# A poster's signature under every post, copied as text a line each (its element named in a saved page is
# read by that name): "My other works: Low Water (complete) | Tidelines", "Discord: adaquill#0001".
SIGNATURE_LINE = re.compile(
    r"[ \t]*(?:my[ \t]+(?:other[ \t]+)?(?:works?|stories|fics?|fanfics?|quests?|snips?|threads?)|discord|patreon|ko-?fi"
    r"|signature)[ \t]*:[ \t]*\S[^\n]{0,150}",
    re.IGNORECASE,
)
_SITE_LINKS = re.compile(
    r"(?:continue[ \t]+reading(?:[ \t]+next[ \t]+part)?|continue[ \t]+to[ \t]+next[ \t]+part|read[ \t]+next[ \t]+part"
    r"|keep[ \t]+reading"  # Tumblr's read-more link, copied with the post
    r"|continue[ \t]+reading[ \t]+(?:the[ \t]+)?next[ \t]+chapter"  # Inkitt's and Quotev's under a chapter
    r"|start[ \t]+reading|add[ \t]+to[ \t]+library)[ \t]*[>»›→]*"
    r"|please[ \t]+rate[ \t]+(?:this[ \t]+)?(?:story|submission|chapter)[ \t]*[.!]?"  # Literotica's ask under a story
    # a reading site's link to itself under the text: "Read more on Quotev", "Read the rest on Wattpad"
    r"|read[ \t]+(?:more|the[ \t]+rest|it|this[ \t]+story)[ \t]+on[ \t]+(?:quotev|wattpad|inkitt|ao3|tumblr|fanfiction\.net)"
    r"[ \t]*[!.>»›→]*"
    r"|[☆★⭐]?\ufe0f?[ \t]*vote"  # Wattpad's star button alone under a part ("Vote", "☆ Vote")
    r"|you(?:'|’)ve[ \t]+reached[ \t]+the[ \t]+end[ \t]+of[ \t]+(?:the[ \t]+)?published[ \t]+parts[ \t]*[.!]?"  # Wattpad's last
    # Dreamwidth's and LiveJournal's cut, "( Read more... )", and their footer, "7 comments | Leave a comment | Share | Link"
    r"|[(\[][ \t]*read[ \t]+more[ \t.…]*[)\]]"
    r"|(?:\d[\d,]*[ \t]+comments?|no[ \t]+comments|leave[ \t]+a[ \t]+comment|share|link|reply|add[ \t]+to[ \t]+memories"
    r"|track(?:[ \t]+this)?)(?:[ \t]*[|•·][ \t]*(?:\d[\d,]*[ \t]+comments?|no[ \t]+comments|leave[ \t]+a[ \t]+comment|share"
    r"|link|reply|add[ \t]+to[ \t]+memories|track(?:[ \t]+this)?))+"
    r"|leave[ \t]+a[ \t]+comment"  # (LiveJournal's link alone under an entry)
    # a serial site's notice to a reader blocking its ads (Scribble Hub's, Royal Road's), its heading alone
    r"|ad[ \t]*blocker[ \t]+(?:detected|enabled)[ \t]*[.!]?",
    re.IGNORECASE,
)
# What a reading site sets after a chapter, copied with it: Wattpad's "You'll also like", Inkitt's
# "Further Recommendations", the readers' comments under their count ("Comments (27)", "12 Comments").
_RECOMMENDED = re.compile(
    r"you(?:'|’)ll[ \t]+also[ \t]+like|you[ \t]+may[ \t]+also[ \t]+like|further[ \t]+recommendations"
    r"|recommended[ \t]+for[ \t]+you|(?:\d[\d,.]*k?[ \t]+)?comments(?:[ \t]*\(\d[\d,.]*k?\)|[ \t]+\d[\d,.]*k?)?",
    re.IGNORECASE,
)
# A web serial's links between chapters, copied as a line: "Previous Chapter | Table of Contents | Next
# Chapter", "« Prev | ToC | Next »", "[Previous] [Index] [Next]", "Next Chapter" alone, a blog's
# "← Part 1 | Masterlist | Part 3 →" (its list of a series' parts).
_NAV_ENTRY = (
    r"[<«‹←\[(]{0,2}[ \t]*(?:(?:previous|prev|next|last|first)(?:[ \t]+(?:chapter|part|page|episode))?"
    # (a hand-made site's "Back to Index", "Back to the fic list")
    r"|(?:back[ \t]+to[ \t]+(?:the[ \t]+)?)?(?:table[ \t]+of[ \t]+contents|toc|index|chapter[ \t]+index|contents|home"
    r"|master[ \t]?list|(?:fic|story|stories|fiction)[ \t]+(?:list|index|page))"  # Royal Road's "Fiction Index"
    r"|back[ \t]+to[ \t]+(?:the[ \t]+)?(?:stories|works|fics|top)"
    r"|(?:part|chapter|episode)[ \t]+\d{1,4}"
    r"|ep\.[ \t]*\d{1,4})"
    r"[ \t]*[>»›→\])]{0,2}"
)
# (a hand-made site's mail and guestbook links, among its links only: "Back to stories | Email me")
_NAV_MAIL = r"(?:(?:e-?mail|contact|write[ \t]+to)[ \t]+(?:me|us|the[ \t]+author)|guestbook|sign[ \t]+(?:my|the)[ \t]+guestbook)"
_NAV_BAR = r"[ \t]*[|/•·~\-–—][ \t]*"
_SERIAL_NAV = re.compile(
    rf"{_NAV_ENTRY}(?:{_NAV_BAR}(?:{_NAV_ENTRY}|{_NAV_MAIL})|[ \t]+{_NAV_ENTRY})*|{_NAV_MAIL}(?:{_NAV_BAR}{_NAV_ENTRY})+",
    re.IGNORECASE,
)
# (or a "Back to stories" link alone, a fan site's under and over each chapter, "« Back to top", FicHub's
# "(back to chapter list)" under its export's last chapter)
_LONE_NAV = re.compile(
    r"[<«‹←(]{0,2}[ \t]*(?:(?:previous|prev|next)[ \t]+chapter|back[ \t]+to[ \t]+(?:the[ \t]+)?(?:stories|works|fics|top"
    r"|(?:story|fic|chapter)[ \t]+(?:list|index|page)|(?:all|my)[ \t]+(?:stories|works|fics)))[ \t]*[>»›→)]{0,2}",
    re.IGNORECASE,
)
# A serial's links to its creator's tip jars, and the box's head over them ("Support \"The Hollow
# Crown\"", "Support sleepy_wyrm"), buttons run together as a saved page gives them ("DonatePatreon").
_TIP = r"(?:donate|patreon|ko-?fi|paypal|buy[ \t]+me[ \t]+a[ \t]+coffee|subscribestar|tip[ \t]+jar)"
_TIP_JARS = re.compile(rf"{_TIP}(?:[ \t]*[|/•·,]?[ \t]*{_TIP})*[ \t]*[!.]?", re.IGNORECASE)
# A blog writer's links to the blog's other pages and their other sites, copied as a line under a post:
# "masterlist | ao3 | ko-fi", "navigation • requests • carrd". Two at least, set apart by bars or bullets.
_BLOG_LINK = (
    rf"(?:master[ \t]?list|ao3|archive[ \t]+of[ \t]+our[ \t]+own|tumblr|wattpad|twitter|instagram|carrd|linktree"
    rf"|discord|navigation|nav|requests?|commissions|taglist|faq|pinned|{_TIP})"
)
_BLOG_LINKS = re.compile(rf"{_BLOG_LINK}(?:[ \t]*[|•·][ \t]*{_BLOG_LINK})+", re.IGNORECASE)
# Ko-fi's asks under a post: "Like this post? Buy Ada Quill a coffee", "Support Ada Quill on Ko-fi".
_COFFEE_ASK = re.compile(
    r"(?:like[ \t]+this[ \t]+post\?[ \t]*)?buy[ \t]+(?:me|[\w.'’-]{1,30}(?:[ \t]+[\w.'’-]{1,30}){0,3})[ \t]+a[ \t]+coffee[ \t]*[!.]?"
    r"|support[ \t]+[\w.'’-]{1,30}(?:[ \t]+[\w.'’-]{1,30}){0,3}[ \t]+on[ \t]+(?:ko-?fi|patreon)[ \t]*[!.]?",
    re.IGNORECASE,
)
_SUPPORT_LINE = re.compile(
    r"support[ \t]+(?:\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”|@?[\w.-]{1,40})[ \t]*[!.]?", re.IGNORECASE
)
# What Webnovel sets under every chapter, asking for its currency and votes: "Creation is hard, cheer me
# up!", "Your gift is the motivation for my creation. Give me more motivation!", "Like it ? Add to
# library!", "Have some idea about my story? Comment it and let me know.", "Report chapter", "Power Stone".
_CREATOR_ASKS = re.compile(
    r"creation[ \t]+is[ \t]+hard,?[ \t]+cheer[ \t]+me[ \t]+up[ \t]*!*"
    r"|your[ \t]+gift[ \t]+is[ \t]+the[ \t]+motivation[ \t]+for[ \t]+my[ \t]+creation\.?(?:[ \t]+give[ \t]+me[ \t]+more"
    r"[ \t]+motivation[ \t]*!*)?"
    r"|like[ \t]+it[ \t]*\?[ \t]*add[ \t]+to[ \t]+library[ \t]*!*"
    r"|have[ \t]+some[ \t]+idea[ \t]+about[ \t]+my[ \t]+story\?[ \t]*comment[ \t]+it[ \t]+and[ \t]+let[ \t]+me[ \t]+know\.?"
    r"|report[ \t]+chapter|power[ \t]+stones?|vote[ \t]+with[ \t]+power[ \t]+stones?"
    # Patreon's lock over a post for its members: "Unlock this post by becoming a member", "Join now", "Join for
    # $3 per month", "Become a patron to unlock this post"
    r"|unlock[ \t]+this[ \t]+post(?:[ \t]+by[ \t]+becoming[ \t]+an?[ \t]+(?:paid[ \t]+)?(?:member|patron))?[ \t]*[.!]?"
    r"|join[ \t]+(?:now|for[ \t]+\$\d{1,4}(?:\.\d{2})?(?:[ \t]*(?:per|/|a)[ \t]*month)?)(?:[ \t]+to[ \t]+unlock)?[ \t]*[.!]?"
    r"|become[ \t]+an?[ \t]+(?:paid[ \t]+)?(?:member|patron)[ \t]+to[ \t]+unlock(?:[ \t]+this[ \t]+post)?[ \t]*[.!]?"
    # Substack's box under a post, copied as text: "Thanks for reading Tidelines! Subscribe for free to receive
    # new posts and support my work.", "Tidelines is a reader-supported publication. To receive new posts and
    # support my work, consider becoming a free or paid subscriber."
    r"|(?:thanks[ \t]+for[ \t]+reading[ \t]+[^\n!.]{1,60}[!.][ \t]+)?subscribe[ \t]+for[ \t]+free[ \t]+to[ \t]+receive[ \t]+new"
    r"[ \t]+posts[ \t]+and[ \t]+support[ \t]+my[ \t]+work[ \t]*[.!]?"
    r"|[^\n.!?]{1,60}[ \t]+is[ \t]+a[ \t]+reader-supported[ \t]+publication\.[ \t]+to[ \t]+receive[ \t]+new[ \t]+posts[ \t]+and"
    r"[ \t]+support[ \t]+my[ \t]+work,?[ \t]+consider[ \t]+becoming[ \t]+a[ \t]+free[ \t]+or[ \t]+paid[ \t]+subscriber[ \t]*\.?",
    re.IGNORECASE,
)
# Links to the chapters around it run together: Scribble Hub's "PreviousIndexNext".
_RUN_TOGETHER_NAV = re.compile(
    r"(?:previous|prev|index|next|toc|home|chapters|follow|favou?rite|rate|bookmark)"
    r"(?:previous|prev|index|next|toc|home|chapters|follow|favou?rite|rate|bookmark)+",
    re.IGNORECASE,
)  # (Royal Road's buttons under its "Support" box: "FollowFavoriteRate")
_NAV_WORD = re.compile(
    r"previous|prev|next|last|first|contents|toc|index|home|master[ \t]?list|(?:part|chapter)[ \t]+\d|back[ \t]+to"
    rf"|{_NAV_MAIL}",
    re.IGNORECASE,
)


AFTER_STORY_LINES = 4
AFTER_STORY_LINE_CHARS = 40


def _after_story(text: str) -> bool:
    """A paragraph opening what a reading site sets after the story ("You'll also like", "Comments
    (27)"), or a short block of its links with such a line in it ("Next episode" / "Ep. 15 - Ash" /
    "Comments 58", as Tapas's foot copies)."""
    lines = text.strip().split("\n", AFTER_STORY_LINES)
    if _RECOMMENDED.fullmatch(lines[0].strip()):
        return True
    return (
        1 < len(lines) <= AFTER_STORY_LINES
        and all(len(line) <= AFTER_STORY_LINE_CHARS for line in lines)
        and any(_RECOMMENDED.fullmatch(line.strip()) for line in lines)
    )


CHROME_LINE_CHARS = 120
CHROME_LINES = 6  # a paragraph of chrome a line each: a newsletter's footer, a post's buttons
CHROME_BOX_CHARS = 160  # a paragraph of chrome on one line: Substack's box under a post, 133 characters


# Royal Road's notice set among a chapter's paragraphs, in many wordings, against copies on other sites: "This
# story has been taken without authorization. Report any sightings.", "Unauthorized duplication: this narrative
# has been taken without consent. Report sightings.", "A case of theft: this story is not rightfully on Amazon".
# A paragraph of it names the work, its theft and where to report it or where it belongs.
_THEFT_WORDS = re.compile(
    r"\b(?:stolen|theft|taken[ \t]+without|lifted|pilfered|misappropriated|unauthori[sz]ed|unlawfully|illicitly|pirated"
    r"|without[ \t]+(?:the[ \t]+author['’]s[ \t]+)?(?:permission|consent|authori[sz]ation)|not[ \t]+rightfully)\b",
    re.IGNORECASE,
)
_THEFT_WHERE = re.compile(
    r"\b(?:report|royal[ \t]?road|amazon|sightings?|original[ \t]+(?:source|site))", re.IGNORECASE
)
_THEFT_WORK = re.compile(r"\b(?:story|stories|narrative|tale|content|novel|chapter|work|book|fiction)\b", re.IGNORECASE)
THEFT_NOTICE_CHARS = 220


def theft_notice(text: str) -> bool:
    """A serial site's notice against copies of the story, set among its paragraphs (:data:`_THEFT_WORDS`):
    a paragraph of the chapter's text. A line of dialogue, or a longer paragraph, is the story's."""
    return (
        len(text) <= THEFT_NOTICE_CHARS
        and not DIALOGUE_QUOTES.intersection(text)
        and _THEFT_WORDS.search(text) is not None
        and _THEFT_WHERE.search(text) is not None
        and _THEFT_WORK.search(text) is not None
    )


DIALOGUE_QUOTES = frozenset('"“”«»「」')


def site_chrome(text: str) -> bool:
    """A paragraph of a reading site's chrome copied with the story, never its text: counts of reads,
    votes and notes, a line of buttons, the reader's links (see the patterns above). "Vote." or a
    sentence with the same words ("She left a comment and a like") is no such line."""
    if text[:12].lstrip()[:4].lower() == "skip" and skip_link_menu(text):
        return True
    if len(text) < 2 or len(text) > (CHROME_LINE_CHARS * CHROME_LINES if "\n" in text else CHROME_BOX_CHARS):
        return False
    line = text.strip()
    if "\n" in line:  # Wattpad's buttons copied a line each: "Vote" / "Comment" / "Share"
        parts = [part.strip() for part in line.split("\n")]
        if len(line) > CHROME_LINE_CHARS and (
            len(parts) > CHROME_LINES or any(len(part) > CHROME_LINE_CHARS for part in parts)
        ):
            return False  # (a longer paragraph is asked of as a few lines each a line's length)
        distinct = len({part.casefold() for part in parts}) >= 2  # "Home" / "Home" / "Home" is a poem's
        if all(LONE_BUTTON.fullmatch(part) for part in parts):
            return True
        if any(_SHARE_HEADS.fullmatch(part) for part in parts) and all(
            _SHARE_TARGET.fullmatch(part) or _chrome_line(part) for part in parts
        ):
            return True  # a blog's sharing box, its links a line each under its head
        return site_menu(parts) or (distinct and all(_chrome_line(part) for part in parts))
    return (
        _site_chrome().fullmatch(line) is not None
        or _serial_nav(line)
        or _REDDIT_ALONE.fullmatch(line) is not None
        or theft_notice(line)
    )


# A page's first link, for keyboards and screen readers, copied with the page: "Skip to Main Content"
# (AO3's), "Skip to content" (a blog theme's).
_SKIP_LINK = re.compile(
    r"skip[ \t]+to[ \t]+(?:the[ \t]+)?(?:main[ \t]+)?(?:content|navigation|menu|story|text|chapter)", re.IGNORECASE
)
SKIP_MENU_LINES = 40  # the site's name and menu under it, a line each
SKIP_MENU_LINE_CHARS = 60
SKIP_MENU_LINE_WORDS = 6


def skip_link_menu(text: str) -> bool:
    """A page's skip link alone, or over the site's name and menu a short line each, copied with a
    story from the page ("Skip to Main Content" / "Archive of Our Own beta" / "Log In" / "Site
    Navigation" / "Fandoms"): the file's first paragraph, it was a chapter 1 of its own and hid AO3's
    work header under it. A line with a sentence's stop, or a long one, is a story's."""
    lines = text.strip().split("\n", SKIP_MENU_LINES)
    if len(lines) > SKIP_MENU_LINES or _SKIP_LINK.fullmatch(lines[0].strip()) is None:
        return False
    return all(
        len(line) <= SKIP_MENU_LINE_CHARS
        and len(line.split()) <= SKIP_MENU_LINE_WORDS
        and not sentence_stop(line.strip(), ellipsis=False)
        for line in lines[1:]
    )


# Reddit's lines over and under a post copied from it: its community ("r/nosleep"), the post's age ("3 yr.
# ago", "• 2y ago") and its votes ("2.4k", beside "Upvote" and "Downvote").
_REDDIT_LINE = re.compile(
    r"[•·][ \t]*|(?:[•·][ \t]*)?r/[A-Za-z0-9_]{2,21}(?:[ \t]*[•·][ \t]*)?"
    r"|(?:[•·][ \t]*)?\d{1,3}[ \t]*(?:yr|y|mo|d|h|min|m|years?|months?|days?|hours?|minutes?|hr)s?\.?[ \t]+ago"
)
# (alone in its paragraph, only as Reddit writes them: "Three years ago" may be a story's scene's heading)
_REDDIT_ALONE = re.compile(
    r"r/[A-Za-z0-9_]{2,21}|(?:[•·][ \t]*)?\d{1,3}[ \t]*(?:yr|y|mo|d|h|min|hr)\.?[ \t]+ago|[•·][ \t]*\d{1,3}[ \t]*\w{1,7}\.?[ \t]+ago"
)
_REDDIT_POSTER = re.compile(r"[ \t]*(?:posted[ \t]+)?by[ \t]+u/[A-Za-z0-9_-]{2,20}[ \t]*", re.IGNORECASE)
# A writing prompt's tag over it, as r/WritingPrompts titles a post: "[WP] The ferry runs once a year ...".
_PROMPT_TAG = re.compile(
    r"[ \t]*\[(?:WP|SP|EU|CW|TT|PM|PI|IP|RF|MP|OT)\][ \t]*(?P<prompt>\S[^\n]{0,300})", re.IGNORECASE
)


def reddit_head(items: list[Item]) -> list[Item]:
    """A Reddit post's head copied in one block, its community over "Posted by u/tidewright" over its title
    ("r/nosleep" / "Posted by u/tidewright" / "The Lighthouse Log"), set a line a paragraph as the page shows
    them, so each is read (the community dropped, the poster its writer, the title its title); a writing
    prompt's title ("[WP] The ferry ...") its "Prompt:" note. Read as one, the block was the story's first
    paragraph."""
    first = items[0] if items else None
    if not isinstance(first, Para) or first.note or "\n" not in first.text.strip():
        return items
    lines = [line.strip() for line in first.text.strip().split("\n", 4)]
    if len(lines) > 4 or not lines[0].startswith("r/") or _REDDIT_ALONE.fullmatch(lines[0]) is None:
        return items
    if not any(_REDDIT_POSTER.fullmatch(line) for line in lines[1:]):
        return items
    heads = [Para(line, first.gap if index == 0 else 1) for index, line in enumerate(lines) if line]
    if any(_PROMPT_TAG.fullmatch(head.text) for head in heads):  # the poster over a prompt: its fields
        heads = [
            Para(f"Prompt: {found.group('prompt')}", 1)
            if (found := _PROMPT_TAG.fullmatch(head.text))
            else Para("Author: " + head.text.partition("u/")[2], 1)
            if _REDDIT_POSTER.fullmatch(head.text)
            else head
            for head in heads
        ]
    return [*heads, *items[1:]]


VOTE_COUNT = re.compile(r"\d{1,3}(?:[.,]\d)?[kKmM]")


def _reddit_line(line: str) -> bool:
    return _REDDIT_LINE.fullmatch(line.strip()) is not None


def _chrome_line(line: str) -> bool:
    """One line of a paragraph of chrome: a button, a chrome line, a serial's link ("Previous Part")."""
    return (
        LONE_BUTTON.fullmatch(line) is not None
        or _reddit_line(line)
        or VOTE_COUNT.fullmatch(line.strip()) is not None
        or _NEWSLETTER_LINE.fullmatch(line) is not None
        or _site_chrome().fullmatch(line) is not None
        or _SERIAL_NAV.fullmatch(line) is not None
        or _WORK_ACTIONS.fullmatch(line) is not None
    )


# AO3's bar of a work's actions over its header, copied a line each: "Actions" / "Entire Work" / "Next
# Chapter →" / "Chapter Index" / "Download" / "Work Header" (its buttons are LONE_BUTTON's).
_WORK_ACTIONS = re.compile(
    r"[ \t]*(?:actions|entire[ \t]+work|chapter[ \t]+by[ \t]+chapter|chapter[ \t]+index|full-page[ \t]+index|download"
    r"|work[ \t]+header|(?:hide|show)[ \t]+creator['’]?s[ \t]+style|mark[ \t]+for[ \t]+later"
    r"|(?:←[ \t]*)?previous[ \t]+chapter|next[ \t]+chapter(?:[ \t]*→)?)[ \t]*",
    re.IGNORECASE,
)


# A newsletter's boxes around a post, a line each among others like them: "Subscribe to Rosalind's
# Notebook" over "Leave a comment", "Type your email..." over "Subscribe".
_NEWSLETTER_LINE = re.compile(
    r"subscribe(?:[ \t]+(?:to|now))?(?:[ \t]+[^\n]{1,60})?|leave[ \t]+a[ \t]+comment|restack|type[ \t]+your[ \t]+email[ \t.…]*",
    re.IGNORECASE,
)


# A reading site's menu over the page, copied as lines under the site's name: "Quotev" / "Search" /
# "Sign Up Log In", "Inkitt" / "Discover" / "Writers" / "Log In", "Tapas" / "Comics Novels Community".
_MENU_ENTRY = (
    r"search|sign[ \t]+up|sign[ \t]+in|log[ \t]+in|login|register|discover|browse|community|writers|home|menu"
    r"|library|comics|novels|write|create|forums|explore|genres|rankings|premium|apps|notifications"
    r"|quizzes|stories|polls|quotes|lists"  # Quotev's
)
_MENU_WORDS = re.compile(rf"(?:(?:{_MENU_ENTRY})(?:[ \t]+|$))+", re.IGNORECASE)
# ... or on one line, its links run together as a saved page gives them, an account's among them: Wattpad's
# "BrowseCommunityLog inSign Up" over a part.
_MENU_LINE = re.compile(
    r"(?=[^\n]{0,120}(?:log[ \t]*in|sign[ \t]*(?:up|in)|register))"
    rf"(?:(?:{_MENU_ENTRY})[ \t]*[|•·]?[ \t]*){{3,12}}",
    re.IGNORECASE,
)
_MENU_WORD = re.compile(_MENU_ENTRY, re.IGNORECASE)
MENU_NAME_WORDS = 2


def site_menu(lines: list[str]) -> bool:
    """Whether lines are a site's name over its menu (two lines at least, every line after the name
    menu words only): never a story's, whose lines are sentences."""
    if len(lines) < 2 or not 0 < len(lines[0].split()) <= MENU_NAME_WORDS:
        return False
    if not all(_MENU_WORDS.fullmatch(line) for line in lines[1:]):
        return False
    words = {" ".join(word.casefold().split()) for line in lines[1:] for word in _MENU_WORD.findall(line)}
    # two menu entries at least ("Home" / "Home" is a poem's), or the account's alone: "Quotev" / "Sign in"
    return len(words) >= 2 or (bool(words) and words <= _ACCOUNT_ENTRIES)


_ACCOUNT_ENTRIES = frozenset(["sign in", "log in", "login", "sign up", "register"])


# A newsletter's lines around a story sent by email and saved or copied as text: "View this email in your
# browser" over it, "Unsubscribe | Update your preferences" under it.
_MAIL_LINK = (
    r"unsubscribe|update[ \t]+(?:your[ \t]+)?(?:preferences|subscription)|manage[ \t]+(?:your[ \t]+)?(?:subscription|preferences)"
    r"|forward[ \t]+to[ \t]+a[ \t]+friend|(?:view|read)[ \t]+(?:this[ \t]+(?:email|e-mail|message|post)|it|online)"
    r"(?:[ \t]+in[ \t]+(?:your|a)[ \t]+(?:web[ \t]+)?browser|[ \t]+on[ \t]+the[ \t]+web)?"
    r"|(?:view|read|open)[ \t]+in[ \t]+(?:your[ \t]+|a[ \t]+)?(?:web[ \t]+)?browser"  # "View in browser"
    # a newsletter's line under it saying why it came ("You're receiving this email because you subscribed to Tidelines.")
    r"|(?:you(?:['’]re|[ \t]+are)|you[ \t]+received)[ \t]+(?:receiving[ \t]+)?this[ \t]+(?:email|e-mail|newsletter|message)"
    r"[ \t]+because[ \t]+you(?:['’](?:re|ve)|[ \t]+are|[ \t]+have)?[ \t]+(?:subscribed|signed[ \t]+up|opted[ \t]+in|joined"
    r"|(?:a|an)[ \t]+(?:paid[ \t]+|free[ \t]+)?(?:subscriber|member))(?:[ \t]+[^\n.!]{1,100})?"
)
# (Substack's email as text gives each link's address after it: "View this post on the web at https://...",
# "Unsubscribe https://substack.com/redirect/...")
_MAIL_ADDRESS = r"(?::?[ \t]+(?:on[ \t]+the[ \t]+web[ \t]+)?(?:at[ \t]+)?<?https?://[^\s<>]{1,300}>?)?"
_MAIL_CHROME = re.compile(
    rf"(?:{_MAIL_LINK}){_MAIL_ADDRESS}[.!]?(?:[ \t]*[|•·][ \t]*(?:{_MAIL_LINK}){_MAIL_ADDRESS}[.!]?)*", re.IGNORECASE
)
LONE_BUTTON = re.compile(rf"(?:{_BUTTON})", re.IGNORECASE)
# A blog's sharing box under a post (WordPress's Jetpack: "Share this:" / "Twitter" / "Facebook" / "Like this:" /
# "Like Loading..." / "Related"), copied with it: its heads and its links, "Click to share on X (Opens in new window)".
_SHARE_HEADS = re.compile(
    r"[ \t]*(?:share[ \t]+this|like[ \t]+this|share[ \t]+on)[ \t]*:[ \t]*|[ \t]*like[ \t]+loading[ \t]*(?:\.{3}|…)[ \t]*"
    r"|[ \t]*click[ \t]+to[ \t]+(?:share[ \t]+on[ \t]+[\w.]{1,20}|email[ \t]+a[ \t]+link[ \t]+to[ \t]+a[ \t]+friend|print)"
    r"(?:[ \t]*\(opens[ \t]+in[ \t]+new[ \t]+window\))?[ \t]*",
    re.IGNORECASE,
)
# (its links bare, and its related posts' head: words a story may say alone, so read as chrome only among it)
_SHARE_TARGET = re.compile(
    r"[ \t]*(?:twitter|facebook|tumblr|pinterest|reddit|linkedin|whatsapp|telegram|pocket|email|print|threads|bluesky"
    r"|mastodon|x|more|related)(?:[ \t]*\(opens[ \t]+in[ \t]+new[ \t]+window\))?[ \t]*",
    re.IGNORECASE,
)


@cache
def _site_chrome() -> re.Pattern[str]:
    """The chrome patterns above as one: a paragraph is tried once, not once a pattern."""
    patterns = (
        *(_SITE_COUNTS, _SITE_BUTTONS, _SITE_LINKS, _TIP_JARS, _SUPPORT_LINE, _RUN_TOGETHER_NAV, _CREATOR_ASKS),
        *(_MAIL_CHROME, _BLOG_LINKS, _MENU_LINE, _FORUM_CHROME, _COFFEE_ASK, _SHARE_HEADS),
    )
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), re.IGNORECASE)


def _serial_nav(line: str) -> bool:
    """Two or more of a serial's chapter links on a line ("Previous Chapter | Next Chapter"), or a
    "Next Chapter" alone; "Contents" or "Index" alone heads a list, and stays for that to read."""
    if _LONE_NAV.fullmatch(line) is not None:
        return True
    if _SERIAL_NAV.fullmatch(line) is None:
        return False
    return len(_NAV_WORD.findall(line)) >= 2


_ARROWS_FIRST = "<«‹←"
_ARROWS_LAST = ">»›→"


def arrowed_nav(line: str) -> bool:
    """A serial's links between parts read as a heading for the "Part 1" in it: "← Part 1 | Masterlist |
    Part 3 →" titled its chapter "Part 1: Masterlist | Part 3". Only with an arrow at an end, as such
    links have: a chapter's own heading "Chapter 1 - Home" is no link line."""
    line = line.strip()
    return (line[:1] in _ARROWS_FIRST or line[-1:] in _ARROWS_LAST) and _serial_nav(line)


def nav_frame(text: str) -> bool:
    """A "< Prev" / "Next >" line, bare or around the chapter list ("1. The Letter 2. The Burrow")."""
    if "\n" in text or len(text) > NAV_LINE_CHARS:
        return False
    line = text.strip()
    prev = _PREV.match(line)
    following = _NEXT.search(line, max(0, len(line) - 40))
    if prev is None and following is None:
        return False
    rest = line[prev.end() if prev else 0 : following.start() if following else len(line)].strip()
    if not rest:
        return True
    numbers = [int(number) for number in _INLINE_NUMBER.findall(rest)]
    return rest.startswith("1.") and numbers == list(range(1, len(numbers) + 1))


def front_navigation(items: list[Item], index: int, meta: Meta, keys: OutsideKeys | None = None) -> int:
    """How many items from ``index`` are a table of contents or a chapter-select list; 0 when none.
    ``keys``: the items' keys, read once for every call over the same items (a title page's)."""
    item = items[index] if index < len(items) else None
    if not isinstance(item, Para):
        return 0
    if contents_label(item.text):
        return contents_block(items, index, item.text.split("\n"))
    return chapter_list(items, index, meta, keys or OutsideKeys(items))


# Wattpad's count of comments on a paragraph, copied as a line of its own under it ("12", "1.2K"): under a
# paragraph of text, over another or the end, three at least, and not numbers counting by one (a story's
# sections numbered "1" / "2" / "3", or a countdown). Left in, each was a paragraph of the chapter.
_PARAGRAPH_COUNT = re.compile(r"[ \t]*(?:\d{1,4}|\d{1,3}(?:[.,]\d)?[kK])[ \t]*")
PARAGRAPH_COUNTS_LEAST = 3


def without_paragraph_counts(items: list[Item]) -> list[Item]:
    """The items less Wattpad's comment counts under paragraphs (:data:`_PARAGRAPH_COUNT`)."""
    counts = [
        index
        for index in range(1, len(items))
        if _count_para(items[index])
        and prose_paragraph(items[index - 1])
        and (index + 1 == len(items) or prose_paragraph(items[index + 1]) or isinstance(items[index + 1], Heading))
    ]
    if len(counts) < PARAGRAPH_COUNTS_LEAST:
        return items
    steps = {after - before for before, after in itertools.pairwise(_count_value(items[index]) for index in counts)}
    if steps in ({1}, {-1}):
        return items  # numbered sections, or a countdown
    dropped = set(counts)
    return [item for index, item in enumerate(items) if index not in dropped]


def _count_para(item: Item) -> bool:
    return isinstance(item, Para) and not item.note and _PARAGRAPH_COUNT.fullmatch(item.text) is not None


def _count_value(item: Item) -> float:
    text = item.text.strip().lower().replace(",", ".") if isinstance(item, Para) else "0"
    return float(text[:-1]) * 1000 if text.endswith("k") else float(text)


# A paragraph of the story's text, not a title page's line or a site's: a sentence's stop in it (before a space
# or its end), or this many characters.
PROSE_CHARS = 40


def prose_paragraph(item: Item) -> bool:
    """A paragraph of text (no note): a sentence's stop in it, or :data:`PROSE_CHARS` characters. The one test
    both a Wattpad comment count's neighbours (:func:`without_paragraph_counts`) and the paragraph under a title
    page's lines (``preamble._title_page_paragraphs``) are read by."""
    return isinstance(item, Para) and not item.note and (len(item.text) >= PROSE_CHARS or sentence_stop(item.text))
