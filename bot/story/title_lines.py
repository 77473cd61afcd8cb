"""A story's title as its top lines give it: "Title by Author", "Title - author", a title page.

Also its age rating and tag strips, and the sentences a header says about the story. The preamble
(:mod:`bot.story.preamble`) asks these of the top lines as it decides where the story starts, so a title
line is never posted as text and a first line of the story is never taken for its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeGuard

from bot.story.bylines import HEED_TAGS, INSERT_KEY, author_like, by_line_author, ffn_stats, name_like, work_holds
from bot.story.contents_lists import HEADER_LINE_CHARS, contents_label, title_like
from bot.story.metadata_fields import (
    BULLETS,
    COLLECTION_KINDS,
    FANDOM_WORDS,
    KEYS,
    KIND_PARTS,
    PROSE_FIELDS,
    SERIES_LINE,
    STORY_KINDS,
    Meta,
    ornament_run,
    parse_field,
    trim_ornaments,
)
from bot.story.site_chrome import sentence_stop
from bot.story.structure import (
    MONTHS,
    Heading,
    Item,
    Para,
    SceneBreak,
)
from bot.story.text_declarations import (
    DECLARATION_PARAGRAPH_CHARS,
    DIALOGUE_MARKS,
    NOTE_SENTENCE,
    NOTICE_LINE_CHARS,
    chapter_holds,
    declaration_line,
    declaration_paragraph,
    extract_declarations,
    is_labelled_note,
    note_score,
    numbered_chapter_holds,
    reader_aside,
)
from bot.story.warning_pointers import points_to_end
from bot.warnings.declared import (
    lists_declared,
    lists_warnings,
)

HASHTAGS = re.compile(r"#[^\W\d_][^\s#]{0,60}(?:[ \t]+#[^\W\d_][^\s#]{0,60}){0,30}")
# "a Witcher fic" alone under the title: what the work is, a note of the title page, no story text.
KIND_LINE = re.compile(
    rf"^[ \t]*(?:an?[ \t]+{FANDOM_WORDS}(?:{STORY_KINDS}){KIND_PARTS}|{SERIES_LINE}|{COLLECTION_KINDS})[ \t.]*$",
    re.IGNORECASE,
)
RIGHTS = re.compile(
    r"^(?:©|\(c\)[ \t]*\d{4}|copyright(?:[ \t]*(?:©|\(c\))[ \t]*|[ \t]+)(?:\d{4}|by\b))"
    r"|all rights reserved[ \t.!,]*(?:(?:©|\(c\)|copyright\b)[^\n]{0,80})?$"  # "all rights reserved © 2022 mara"
    r"|(?:todos los derechos reservados|tous droits réservés|alle rechte vorbehalten|todos os direitos reservados"
    r"|tutti i diritti riservati|wszelkie prawa zastrzeżone|все права защищены)[ \t.!]*$"
    # a copyright page's "ISBN: 978-1-23456-789-0"; its runs of spaces taken whole (possessive): every space
    # can also be the number's, and "isbn" over 2,000 spaces took 27 s tried every way
    r"|^isbn(?:[ \t-]*+1[03])?[ \t]*+:?[ \t]*+(?:97[89])?[\d -]{9,}[\dx]$",
    re.IGNORECASE,
)
SUMMARY_CHARS = 1200


# The holder a rights line names, the story's author where nothing else names one: "Copyright© 2024 by Ada Quill",
# "© 2024 Ada Quill. All rights reserved.", "Copyright (c) 2023-2024 Ada Quill".
_RIGHTS_HOLDER = re.compile(
    r"[ \t]*(?:copyright[ \t]*(?:©|\(c\))?|©|\(c\))[ \t]*(?:\d{4}(?:[ \t]*[-–][ \t]*\d{2,4})?[ \t]*,?[ \t]*)?(?:by[ \t]+)?"
    r"(?P<name>[^\W\d][^\n.,;:!?©()]{0,60}?)[ \t]*(?:[.,;]?[ \t]*all[ \t]+rights[ \t]+reserved)?[ \t.!]*",
    re.IGNORECASE,
)


def rights_holder(text: str) -> str | None:
    """The person a one-line rights notice names as the holder (:data:`_RIGHTS_HOLDER`), a name's shape."""
    found = _RIGHTS_HOLDER.fullmatch(text.strip()) if "\n" not in text.strip() else None
    name = found.group("name").strip() if found else ""
    return name if name and author_like(name) and name_like(name) else None


def rights_notice(text: str) -> bool:
    """A rights notice ("All rights reserved", "don't copy my story") at the top is not the story."""
    lines = text.split("\n")
    return (
        len(lines) <= 6
        and all(len(line) <= HEADER_LINE_CHARS for line in lines)
        and any(RIGHTS.search(trim_ornaments(line)) for line in lines)
    )


# FanFiction.net's way of giving the reasons for a rating: "Rated M for violence, gore and language."
_RATED_FOR = re.compile(
    r"\W*rated[ \t]+(?P<rating>K\+?|T|M|MA|G|PG(?:-13)?|R|NC-17|E|explicit|mature|teen)[ \t]+for[ \t]+(?P<what>[^.!?\n]{1,200})",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _HeaderSentences:
    """What a header paragraph of sentences says (:func:`_read_header_sentences`)."""

    declared: list[str]  # the sentences naming warnings, as written
    rating: str | None  # "M" of "Rated M for violence"
    notes: list[str]  # its heading between warning signs, the paragraph when it names a chapter


def _read_header_sentences(text: str) -> _HeaderSentences | None:
    """A header paragraph of sentences that say what the story or one of its chapters holds, with no
    label: "This story contains self-harm, blood and a suicide attempt.", "Rated M for violence, gore,
    and a major character death. Also some language.", "Heads up, chapter 2 contains self-harm." (a
    note: :func:`_note_declarations` places it). None unless every sentence is such a one or a
    reader's aside, and one at least names a warning or a chapter's."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS:
        return None
    heading, text = _signed_heading(text.strip())
    if "\n" in text:
        return None
    sentences = [sentence for sentence in NOTE_SENTENCE.split(text) if sentence.strip()]
    declared: list[str] = []
    rating: str | None = None
    chapter_note = False
    for sentence in sentences:
        rated = _RATED_FOR.match(sentence)
        if rated is not None and lists_warnings(rated.group("what")):
            rating = rated.group("rating").upper()
            declared.append(sentence.strip().rstrip("."))
        elif holds := work_holds(sentence):
            declared.extend(holds)
        elif numbered_chapter_holds(sentence) or chapter_holds(sentence):
            chapter_note = True
        elif not (reader_aside(sentence) or _SOFT_SENTENCE.fullmatch(sentence.strip())):
            return None
    if not declared and not chapter_note:
        return None
    notes = [heading] if heading else []
    return _HeaderSentences(declared, rating, [*notes, text.strip()] if chapter_note else notes)


def header_sentences(text: str, meta: Meta) -> bool:
    """Read into ``meta`` a header paragraph of sentences (:func:`_read_header_sentences`); False,
    ``meta`` as it was, for any other paragraph."""
    found = _read_header_sentences(text)
    if found is None:
        return False
    if found.rating is not None and "rating" not in meta.values:
        meta.values["rating"] = [found.rating]
    meta.declared.extend(found.declared)
    meta.notes.extend(found.notes)
    return True


def _signed_heading(text: str) -> tuple[str | None, str]:
    """A paragraph's first line set between warning signs over the sentences under it ("⚠️ MATURE
    CONTENT ⚠️" over "this book contains: abuse, self harm"), as a Wattpad title page heads its notice,
    and the rest; (None, the paragraph) when it opens otherwise."""
    head, newline, rest = text.partition("\n")
    if not newline or len(head) > NOTICE_LINE_CHARS or not head.startswith(("⚠", "🚨")):
        return None, text
    if not head.rstrip().endswith(("⚠", "⚠\ufe0f", "🚨")) or not head.strip(WARNING_SIGNS):
        return None, text
    return head.strip(), rest.strip()


HASHTAG_SPLIT = re.compile(r"[ \t]+(?=#[^\s#])")
_STRIP_SEPARATOR = re.compile(r"[ \t]+[|•·][ \t]+")
STRIP_PART_WORDS = 5  # a tag of a strip: "hurt/comfort", "happy ending", "18+"


def tag_strip(text: str, meta: Meta) -> bool:
    """Read into ``meta`` a header line of short parts between bars or bullets, warnings among them,
    as Tumblr and Wattpad posts open: "🔞 18+ | ⚠️ cw: gore, needles, torture | 🩹 hurt/comfort", or
    Tumblr's tags copied as a line ("#tw death #cw grief #original fiction").
    The declarations are declared, an age rating ("18+") is the story's rating, the other parts are
    kept as its tags. False for any other paragraph (a sentence among the parts, or no
    declaration), which is left as it was."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS or "\n" in text.strip():
        return False
    line = text.strip()
    if line.startswith("#") and line[1:2].strip():  # Tumblr's tags, words and all: "#tw death #cw grief #angst"
        pieces = [piece[1:] for piece in HASHTAG_SPLIT.split(line)]
    else:
        pieces = _STRIP_SEPARATOR.split(line)
    written = [(part, _age_rating(part)) for part in pieces]
    ratings = [rating for _, rating in written if rating is not None]
    parts = [trim_ornaments(part).strip() for part, rating in written if rating is None]
    if len(written) < 2 or not all(parts):
        return False
    declaring = [part for part in parts if declaration_paragraph(part)]
    others = [part for part in parts if part not in declaring]
    if not declaring or any(
        len(part.split()) > STRIP_PART_WORDS or sentence_stop(part, ellipsis=False) for part in others
    ):
        return False
    for part in declaring:
        meta.declared.extend(extract_declarations(part)[0])
    meta.values.setdefault("additional_tags", []).extend(others)
    if ratings and "rating" not in meta.values:
        meta.values["rating"] = ratings[:1]
    return True


# An age rating as a strip gives it: "🔞 18+", "16+", "R18", "R-18", "🔞" alone. Trimmed as an
# ornament, the "+" went, and "18" was kept as a tag, the story left unrated.
_AGE_RATING = re.compile(r"(?P<age>1[0-9]|2[01])(?P<plus>[ \t]*\+)?|r[ \t]*-?[ \t]*(?P<r>1[5-8])\+?", re.IGNORECASE)
_ADULT_SIGN = "\U0001f51e"  # 🔞, "no one under eighteen"


def _age_rating(part: str) -> str | None:
    """The rating a strip's part is, as readers write it ("18+"); None for any other part. A bare
    number ("18") is one only beside the adult sign: a strip's "12" may be a count of chapters."""
    rest = part[ornament_run().match(part).end() :].strip()  # type: ignore[union-attr]
    if not rest:
        return "18+" if _ADULT_SIGN in part else None
    found = _AGE_RATING.fullmatch(rest)
    if found is None or (found.group("age") and not found.group("plus") and _ADULT_SIGN not in part):
        return None
    return f"{found.group('age') or found.group('r')}+"


# A content note's closing request, a sentence of its own: "Please read with care.", "Take care of
# yourself while reading.", "Reader discretion is advised." It declares nothing and keeps the note a note.
CARE_SENTENCE = (
    r"(?:please[ \t]+)?(?:read[ \t]+(?:with[ \t]+(?:care|caution)|carefully|safely)"
    r"|take[ \t]+care(?:[ \t]+of[ \t]+(?:yourself|yourselves))?|proceed[ \t]+with[ \t]+caution"
    r"|look[ \t]+after[ \t]+yourself|(?:reader|viewer)[ \t]+discretion[ \t]+(?:is[ \t]+)?advised)"
    r"(?:[ \t]+(?:while|when)[ \t]+reading)?[ \t]*[.!]*"
)


# The asides such a header sentence comes with: "Also some language.", "Chapter 3 is soft, I promise."
_SOFT_SENTENCE = re.compile(
    r"(?:also[ \t]+)?(?:some|a[ \t]+bit[ \t]+of|mild)[ \t]+(?:language|swearing|cursing)[ \t]*[.!]?"
    r"|(?:the[ \t]+)?(?:chapter|ch\.?|part)[ \t]*\d{1,4}[ \t]+is[ \t]+(?:soft|fluff|fluffy|gentle|lighter|safe)\b[^.!?\n]{0,40}[.!]?"
    # a book's content note asking for care: "If these topics are difficult for you, please take care while reading."
    r"|(?:if|when)[ \t][^.!?\n,]{1,80},[ \t]*(?:please[ \t]+)?(?:take[ \t]+care|read[ \t]+(?:with[ \t]+care|carefully|safely)"
    r"|proceed[ \t]+with[ \t]+caution|be[ \t]+gentle[ \t]+with[ \t]+yourself)\b[^.!?\n]{0,40}[.!]?"
    # or standing alone, after the sentence that warns: "Please read with care.", "Reader discretion is advised."
    r"|" + CARE_SENTENCE,
    re.IGNORECASE,
)


def declares_only(text: str) -> bool:
    """Whether a paragraph only says what the work holds: a warnings line ("CW: gore") or sentences
    with no label ("This book contains depictions of miscarriage and grief. If these topics are
    difficult for you, please take care."), as a book's content note before chapter one is."""
    return declaration_line(text) or _read_header_sentences(text) is not None


# Where a serial stands, under its title: Wattpad's "Completed", "Ongoing".
STATUS_LINE = re.compile(
    r"(?:completed?|ongoing|in[ \t]+progress|on[ \t]+hiatus|hiatus|abandoned|discontinued|work[ \t]+in[ \t]+progress)"
    r"[ \t]*[.!]?",
    re.IGNORECASE,
)
BLURB_CHARS = 1500  # a story's blurb on its title page is a paragraph or two
# A newsletter's masthead over the story an issue sends: "The Paper Kite — Issue 12", "Issue #4",
# "Vol. 2, No. 7". Its issue's number after a dash or a bar, or alone: "Issue 12" in a sentence is none.
ISSUE = r"(?:(?:vol\.|volume)[ \t]*\d{1,4},?[ \t]*)?(?:issue|no\.|number)[ \t]*#?[ \t]*\d{1,4}"
# The date a post was sent, under its author's name: "Apr 12, 2024", "12 April 2024", "2024-04-12".
_POST_DATE_LINE = re.compile(
    rf"[ \t]*(?:{MONTHS}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}[ \t]+{MONTHS}[ \t]+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:[ \t]*[·•|][ \t]*\d{1,3}[ \t]+min(?:ute)?s?[ \t]+read)?[ \t]*",  # "· 6 min read"
    re.IGNORECASE,
)


def name_over_date(text: str) -> str | None:
    """The author of a post's by-line as a newsletter copies it, a name over the date it was sent."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) != 2 or not _POST_DATE_LINE.fullmatch(lines[1]):
        return None
    return lines[0] if author_like(lines[0]) and name_like(lines[0]) else None


# The buttons and counts of a blog post's head copied as lines of their own between its title and text
# (Substack's "∙ Paid", its likes and comments counts and "Share"; Medium's "·", "Follow", "5 min read",
# "--", its claps and "Listen"; Patreon's "Early access" or "Public post"; Ko-fi's "Support").
_FOLLOW_WORDS = r"subscribe|follow|threadmarks?"  # the buttons that follow a writer or a thread
_POST_HEAD_CHROME = re.compile(
    rf"[ \t]*(?:[∙·•][ \t]*)?(?:paid|free|{_FOLLOW_WORDS}|subscribed|following|share|listen|restack|like|comments?|reply"
    r"|public[ \t]+post|early[ \t]+access|locked|members?[ \t]+only|patrons?[ \t]+only|\d{1,3}[ \t]+min(?:ute)?s?[ \t]+read"
    r"|\#\d{1,6}|\d{1,6}(?:[.,]\d{1,3})?[km]?|[∙·•]|-{2,3})[ \t]*",
    re.IGNORECASE,
)
# ... and under its text, alone on its lines closing it: Substack's "Share", "Share this post", "Leave a comment",
# "Subscribe", "Restack", "Like", their counts.
_POST_FOOT = re.compile(
    rf"{_POST_HEAD_CHROME.pattern}|[ \t]*(?:share[ \t]+this[ \t]+post|leave[ \t]+a[ \t]+comment|subscribe(?:[ \t]+now)?)[ \t]*",
    re.IGNORECASE,
)
POST_FOOT_ITEMS = 6
_FOLLOW_BUTTON = re.compile(rf"[ \t]*\+?[ \t]*(?:{_FOLLOW_WORDS})[ \t]*", re.IGNORECASE)
_POST_HEAD_LINES = 16  # the head's lines read, at most
_POST_HEAD_LINE_CHARS = 80
_SENTENCE_LINE = re.compile(r"\S[ \t]+\S+[ \t]+\S+[ \t]+\S+[ \t]+\S+[ \t]+\S.*[.!?…\"”]$")  # six words and a stop
# A post's date as Patreon sets it: "Mar 1, 2024 at 10:00 AM".
_POST_TIME = re.compile(r"[ \t]+at[ \t]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]*$", re.IGNORECASE)


def _gather_post_head(items: list[Item], start: int) -> tuple[list[str], int]:
    """The lines of a post's head from `start` (its short lines over the text) and the items they fill."""
    head: list[str] = []
    count = start
    for item in items[start:]:
        if isinstance(item, SceneBreak) and head:
            count += 1  # Medium's "·" between its buttons
            continue
        if not isinstance(item, Para) or item.note or len(head) > _POST_HEAD_LINES:
            break
        lines = [line.strip() for line in item.text.strip().split("\n", _POST_HEAD_LINES + 1)]
        if len(lines) > _POST_HEAD_LINES or any(
            len(line) > _POST_HEAD_LINE_CHARS or _SENTENCE_LINE.search(line) for line in lines
        ):
            break  # the text
        head += lines
        count += 1
    return head, count


def _handle_over_button(items: list[Item], start: int, head: list[str], count: int) -> list[Item]:
    """Tapas's title over "adaquill" over "Subscribe"; a forum post's poster over "Threadmarks" under its
    heading: the title over "by" and the handle."""
    kept = [line for line in head if not _POST_HEAD_CHROME.fullmatch(line)]
    handle = len(kept) == 2 - start and kept[-1].islower() and len(kept[-1].split()) == 1  # by its button
    if len(kept) != 2 - start or not (author_like(kept[-1]) and (name_like(kept[-1]) or handle)):
        return items
    after = items[count]
    if start and isinstance(after, Heading) and after.raw == items[0].raw:
        count += 1  # the post's threadmark, its title again, over the text
    elif start and not isinstance(after, Para):
        return items  # (a heading under the poster's name: the heading had no text)
    return [*items[:start], Para("\n".join([*kept[:-1], f"by {kept[-1]}"])), *items[count:]]


def _dated_head(items: list[Item], start: int, head: list[str], count: int, dated: int) -> list[Item]:
    """A post's head with its date (line `dated` of the head): the title and subtitle over "by" and the
    writer's name, which is over the date (Substack's, Medium's) or under it (Ko-fi's)."""
    kept: list[str] = []
    date = -1
    for index, line in enumerate(head):
        if index == dated:
            date = len(kept)
            kept.append(_POST_TIME.sub("", line))
        elif _POST_HEAD_CHROME.fullmatch(line) or (kept and line == kept[-1]) or line == head[dated]:
            continue  # a button or a count; Medium's writer named twice, the picture's and the link's; the date again
        else:
            kept.append(line)
    if date >= (1 if start else 2) and author_like(kept[date - 1]) and name_like(kept[date - 1]):
        name = date - 1
    elif date + 1 < len(kept) and date >= 1 and author_like(kept[date + 1]) and name_like(kept[date + 1]):
        name = date + 1
    else:
        return items
    titles = [line for index, line in enumerate(kept) if index not in (date, name)]
    if not (0 if start else 1) <= len(titles) <= 2 or min(date, name) != len(titles):
        return items
    page = Para("\n".join([*titles, f"by {kept[name]}"]))  # (the date is the page's)
    return [*items[:start], page, *items[count:]]


def post_head(items: list[Item]) -> list[Item]:
    """A blog or newsletter post's head pasted as text (its title, a subtitle, the writer's name over or
    under the date it went up, among the page's buttons and counts: Substack's, Medium's, Patreon's,
    Ko-fi's) set as the title page the readers know, the title and subtitle over "by" and the name, the
    date and the buttons and counts dropped. They were the story's first paragraphs, the title page unread."""
    start = 1 if items and isinstance(items[0], Heading) else 0  # Patreon's "Salt Roads - Chapter 3"
    head, count = _gather_post_head(items, start)
    if count >= len(items):
        return items
    dates = [  # a date repeated on the line under it is one date (the post's, the page's again)
        index
        for index, line in enumerate(head)
        if _POST_DATE_LINE.fullmatch(_POST_TIME.sub("", line)) and not (index and line == head[index - 1])
    ]
    if not dates and any(_FOLLOW_BUTTON.fullmatch(line) for line in head):
        read = _handle_over_button(items, start, head, count)
    elif len(dates) != 1:
        return items
    else:
        read = _dated_head(items, start, head, count, dates[0])
    return items if read is items else _without_post_foot(read)


def _without_post_foot(items: list[Item]) -> list[Item]:
    """A post's items less its buttons closing it (:data:`_POST_FOOT`, the last few paragraphs each of those
    lines only): Substack's "Share" under the text was its last paragraph. (A text with no post's head
    keeps a "Like" closing it: a text message's.)"""
    end = len(items)
    while (
        end > len(items) - POST_FOOT_ITEMS
        and end > 1
        and isinstance(last := items[end - 1], Para)
        and not last.note
        and (all(_POST_FOOT.fullmatch(line) for line in last.text.strip().split("\n")) or _writer_box(last.text))
    ):
        end -= 1
        if _writer_box(last.text) and end > 1 and _topic_lines(items[end - 1]):
            end -= 1  # Medium's topics over it ("Fiction" / "Short Story")
    return items[:end]


# Medium's box under a post: "Written by Ada Quill" over the writer's followers, a line of their own words,
# "Follow" and "More from Ada Quill", a short line each.
_WRITTEN_BY = re.compile(r"written[ \t]+by[ \t]+\S[^\n]{0,60}", re.IGNORECASE)
WRITER_BOX_LINES = 8
_TOPIC = re.compile(r"[A-Z][\w'’&-]*(?:[ \t]+[A-Za-z][\w'’&-]*){0,2}")


def _writer_box(text: str) -> bool:
    lines = [line.strip() for line in text.strip().split("\n", WRITER_BOX_LINES)]
    return (
        2 <= len(lines) <= WRITER_BOX_LINES
        and _WRITTEN_BY.fullmatch(lines[0]) is not None
        and any(_POST_FOOT.fullmatch(line) or _FOLLOWERS.fullmatch(line) for line in lines[1:])
        and all(len(line) <= _POST_HEAD_LINE_CHARS for line in lines)
    )


_FOLLOWERS = re.compile(r"\d[\d,.]{0,8}[km]?[ \t]+followers?|more[ \t]+from[ \t]+\S[^\n]{0,60}", re.IGNORECASE)


def _topic_lines(item: Item) -> bool:
    """Medium's topics under a post, a word or three each in capitals, one a line ("Fiction" / "Short Story")."""
    lines = item.text.strip().split("\n", 6) if isinstance(item, Para) and not item.note else []
    return 1 <= len(lines) <= 6 and all(_TOPIC.fullmatch(line.strip()) for line in lines)


def greeting_declarations(text: str) -> list[str]:
    """What a paragraph of the author's opening words declares: one that greets readers first ("Hi
    friends!", :func:`reader_aside`) and says in a sentence of its own "Content warning: a house
    fire", as a newsletter's issue opens. Its label makes the sentence a declaration; the greeting
    makes the paragraph the author's, not a story's that opens on a warning sign. Dialogue
    ("Hi friends!" she called) is a story's."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS or "\n" in text.strip() or not DIALOGUE_MARKS.isdisjoint(text):
        return []
    sentences = [sentence for sentence in NOTE_SENTENCE.split(text.strip()) if sentence.strip()]
    if len(sentences) < 2 or not reader_aside(sentences[0]):
        return []
    return [
        found for sentence in sentences[1:] if declaration_line(sentence) for found in extract_declarations(sentence)[0]
    ]


# A line that is only a web address, or one labelled as the story's source or link ("Original source:
# https://www.fanfiction.net/s/123/1/", as FicHub's export sets it under a story's blurb).
_SOURCE_ADDRESS = re.compile(
    r"(?:(?:original[ \t]+)?(?:source|link|url)[ \t]*:[ \t]*|original[ \t]*:[ \t]*)?(?:https?://|www\.)\S+",
    re.IGNORECASE,
)
# A downloader's credit on the title page it makes: FicHub's "Exported with the assistance of
# FicHub.net", "Generated by fichub.net", "Packaged with FanFicFare".
_TOOL_CREDIT = re.compile(
    r"(?:exported|generated|downloaded|packaged|created|converted|made)[ \t]+(?:[\w.]+[ \t]+){0,4}?"
    r"(?:with|by|from|using|via)[ \t]+(?:the[ \t]+(?:assistance|help)[ \t]+of[ \t]+)?"
    r"(?:fichub(?:\.net)?|fanficfare|ficsave|ff2ebook)[ \t]*[.!]?",
    re.IGNORECASE,
)
_CREDIT_CHARS = 200


def source_or_credit(text: str) -> bool:
    """Whether a title page's line says where the story came from or what made the file: its address
    ("Original source: https://...") or a downloader's credit ("Exported with the assistance of
    FicHub.net"). Neither is the story's; a sentence naming a tool stays."""
    text = text.strip()
    if len(text) > _CREDIT_CHARS:
        return False
    return _SOURCE_ADDRESS.fullmatch(text) is not None or _TOOL_CREDIT.fullmatch(text) is not None


def front_page_line(item: Item | None) -> bool:
    """Whether ``item`` is of a title page (tags as hashtags, a contents list, where the serial
    stands, a story page's fields): a paragraph with no label over it is then the blurb, not the story's first."""
    if not isinstance(item, Para):
        return False
    text = item.text.strip()
    return (
        HASHTAGS.fullmatch(text) is not None
        or contents_label(text)
        or STATUS_LINE.fullmatch(text) is not None
        or _site_fields(text)
        or source_or_credit(text)
    )


# A story page's fields a site or a downloader lists under the blurb (FicHub's "Status: ongoing" /
# "Words: 12,345" / "Chapters: 3", a listing's "Genre:", "Published:"): the paragraph over them is the blurb.
_SITE_FIELD_KEYS = frozenset(
    ["status", "words", "word count", "chapters", "published", "updated", "genre", "genres", "language", "rating"]
)


def _site_fields(text: str) -> bool:
    """Whether every line of a paragraph is one of a story page's fields (:data:`_SITE_FIELD_KEYS`)."""
    fields = [parse_field(line) for line in text.split("\n") if line.strip()]
    return bool(fields) and all(field is not None and field[0] in _SITE_FIELD_KEYS for field in fields)


SUMMARY_PARAGRAPHS = 6  # a blurb of a few paragraphs, as AO3 and a title page allow


def rest_of_summary(items: list[Item], index: int, meta: Meta) -> int:
    """The paragraphs after a summary's first one, up to the first chapter heading or the header's
    last field over it ("Warnings: ..."), are the summary too: a blurb of several paragraphs under
    "Summary:" was cut after its first, the rest read as a chapter 1 of its own, so every chapter
    number after it was one too high.

    Only a short run of plain paragraphs straight over a heading or a field is taken; anything else
    is the story's, as before. Returns the index after the run."""
    end = index
    header_goes_on = False  # the run ends at a field or a declaration: the header goes on after it
    while end < len(items) and end - index < SUMMARY_PARAGRAPHS:
        item = items[end]
        if not isinstance(item, Para) or item.note or len(item.text) > BLURB_CHARS:
            break
        text = item.text.strip()
        if parse_field(text.split("\n", 1)[0]) is not None or declaration_line(text) or is_labelled_note(text):
            # only a field straight over the first heading: a post's "Tags:" after its one chapter's
            # text is no header going on, and that text no summary
            header_goes_on = end + 1 < len(items) and isinstance(items[end + 1], Heading)
            break
        end += 1
    if end == index or end >= len(items) or not (header_goes_on or isinstance(items[end], Heading)):
        return index
    for item in items[index:end]:
        meta.add("summary", f"summary: {item.text}", item.text)  # type: ignore[union-attr]
    return end


LIST_ITEMS = 30  # a warnings list's items, each a paragraph: a few, or a few dozen
LIST_ITEM_CHARS = 80
# A list's bullet before an item (metadata_fields.BULLETS, the set a header's field may be set with),
# the space after it optional: "• self-harm", "·self-harm".
_ITEM_BULLET = re.compile(rf"[ \t]{{0,8}}([{re.escape(BULLETS)}]) ?[ \t]*(?=\S)")


def rest_of_warning_list(items: list[Item], index: int, meta: Meta, key: str) -> int:
    """The items after the first of a warnings list under its label ("Warnings:" over "• self-harm"
    over "• suicide"), the first at ``index - 1``, each declared as the first is (see
    :func:`list_run_end`). Returns the index after them."""
    end = list_run_end(items, index - 1)
    for item in items[index:end]:
        meta.add(key, f"{key}: {item.text.strip()}", item.text.strip())  # type: ignore[union-attr]
    return end


def list_run_end(items: list[Item], start: int) -> int:
    """Where a list set one item a paragraph ends, its first item at ``start``: a word processor's
    list saved as a web page ("• self-harm" / "• suicide", each its own <p>) or a Markdown list with
    blank lines between its items. Under a warnings label, the label took its first item only, and
    the rest were the story's first paragraphs, undeclared.

    Items after the first are taken while each is a short line set with its bullet; items with no
    bullet ("self-harm" / "suicide") only where each is a few words, no sentence, and the run ends at
    a heading, a divider or a field. ``start + 1`` where no item follows."""
    first = items[start]
    if not _list_line(first):
        return start + 1
    bullet = _ITEM_BULLET.match(first.text)
    mark = bullet.group(1) if bullet else None
    end = start + 1
    while end < len(items) and end - start <= LIST_ITEMS:
        item = items[end]
        if not _list_line(item) or item.note:
            break
        found = _ITEM_BULLET.match(item.text)
        if (found.group(1) if found else None) != mark or (mark is None and not _bare_item(item.text)):
            break
        if any(spoken in item.text for spoken in _SPOKEN):
            break  # "- Where are you going? she asked.": a line of dialogue, set with a dash
        end += 1
    if mark is None and end > start + 1:
        after = items[end] if end < len(items) else None
        if not (
            isinstance(after, (Heading, SceneBreak))
            or (isinstance(after, Para) and parse_field(after.text.split("\n", 1)[0]) is not None)
        ):
            return start + 1
    return end


_SPOKEN = ("?", "!", '"', "\u201c", "\u201d")


def _list_line(item: Item) -> TypeGuard[Para]:
    """Whether ``item`` could be an item of a list set one a paragraph: a paragraph of one short line."""
    return isinstance(item, Para) and "\n" not in item.text.strip() and len(item.text) <= LIST_ITEM_CHARS


def _bare_item(text: str) -> bool:
    """A list's item with no bullet: a few words, no sentence ("self-harm", "a character's death")."""
    words = text.split()
    return 0 < len(words) <= 5 and not text.rstrip().endswith((".", "!", "?", "\u2026", '"', "\u201d"))


def warnings_over_list(text: str, following: Item | None) -> str | None:
    """A warnings label alone in its paragraph ("Content warnings", no colon) over a paragraph that
    only lists warnings ("drowning, grief, a funeral"), as one declaration: "Content warnings:
    drowning, grief, a funeral". None for any other pair: the list must be warnings."""
    if "\n" in text or len(text) > 30 or not isinstance(following, Para) or "\n" in following.text.strip():
        return None
    label = text.strip().rstrip(":：").strip()
    parsed = parse_field(f"{label}:")
    if parsed is None or KEYS[parsed[0]] != "declared" or parse_field(label) is not None:
        return None
    listed = following.text.strip()
    if sentence_stop(listed.rstrip("."), ellipsis=False) or not (lists_warnings(listed) or lists_declared(listed)):
        return None
    return f"{label}: {listed}"


def lone_label(text: str) -> str | None:
    """The key of a summary or notes label alone on its line ("Summary", "Description:"). A short
    field with its value on the line ("Summary: Two friends walk home") is no lone label: read as
    one, the story's first paragraph under it became the summary."""
    if "\n" in text or len(text) > 30:
        return None
    label = text.strip().rstrip(":：")
    if parse_field(label) is not None:
        return None
    parsed = parse_field(f"{label}:")
    return parsed[0] if parsed is not None and KEYS[parsed[0]] in PROSE_FIELDS else None


def prose_warning_field(text: str) -> bool:
    """A paragraph opening with a warning label read as a header field ("Warning: the stairs were
    steep"), where the chapters would read prose: not declarations beyond doubt (see
    :func:`declaration_paragraph`)."""
    field = parse_field(text.split("\n", 1)[0])
    return field is not None and KEYS[field[0]] == "declared" and not declaration_paragraph(text)


def front_matter_line(text: str) -> bool:
    """A paragraph that can only be front matter: a field ("Rating: T"), a declaration, a "by" line,
    a labelled note ("Note: the accident in part two is brief. CW: injury")."""
    first = text.split("\n")[0]
    return (
        parse_field(first) is not None
        or declaration_line(first)
        or by_line_author(first) is not None
        or is_labelled_note(first)
    )


_TITLE_BY = re.compile(r"(?P<title>[^\n]{1,80})[ \t]+(?P<by>by\b[ \t:]*\S[^\n]{0,80})", re.IGNORECASE)


# A title and its by-line on one line, a dash or a bar between: "The Ninth Lighthouse — by pell_mell",
# "**Glass Teeth** | by Rowan Kaye". The mark says where the title ends ("Stand by Me" has none).
# The title ends at a character that is not a space (as _MASTHEAD's words: a header line of 4 MB of
# spaces took 2.5 s here, each of the first 80 places read on through the run).
_TITLE_DASH_BY = re.compile(
    r"(?P<title>[^\n]{0,79}?[^ \t\n])[ \t]++[—–|·~-][ \t]+(?P<by>by\b[ \t:]*\S[^\n]{0,80})", re.IGNORECASE
)


def title_dash_by(line: str) -> tuple[str, str] | None:
    """The title and author of a line "Title — by Author"; None for any other line, or when what
    stands before the dash reads as a sentence or after "by" as no name."""
    found = _TITLE_DASH_BY.fullmatch(trim_ornaments(line.strip()))
    if found is None:
        return None
    title = trim_ornaments(found.group("title"))
    author = by_line_author(found.group("by"))
    if author is None or not title or sentence_stop(title, ellipsis=False) or not title_like(title, bylined=True):
        return None
    return title, trim_ornaments(author)


def title_and_author(line: str) -> tuple[str, str] | None:
    """A line naming the title and the author: "Title — by Author", "Snowbound by frostquill"."""
    return title_dash_by(line) or title_by_author(trim_ornaments(line.strip()))


# Words English sets after "by" in a phrase of its own, "by night", "by heart", "by you": in a title
# ("Lost At Sea by night", "Saved by you") the phrase is the title's end, no handle's by-line. A
# one-word pen name in lower case is a handle only when it is none of these ("by nightjar" is one).
_BY_PHRASE_WORDS_TEXT = """
    day daylight night nightfall midnight dawn daybreak dusk twilight morning evening moonlight moonrise
    starlight sunlight sunset sunrise candlelight firelight lamplight lantern torchlight moonbeam starshine
    heart hand chance design accident default degrees proxy choice force nature blood birth fire water
    sea land air rail sail ship boat train car bus foot post mail name sight ear touch mistake fate luck
    halves inches storm stealth magic
    me you him her us them it myself yourself himself herself ourselves themselves one another anyone
    someone nobody
"""  # the time and light things are done by, the means and manner, and a person named by a pronoun
_BY_PHRASE_WORDS = frozenset(_BY_PHRASE_WORDS_TEXT.split())


def title_by_author(line: str) -> tuple[str, str] | None:
    """The title and the author of a line naming both ("Snowbound by frostquill", "Stand by Me By:
    Kestrel Ames"), the last "by" taken: a "By:" or a user name after it ("Kidnapped by Pirates" may
    be a summary); None when what follows reads as no name or the title as a sentence."""
    found = _TITLE_BY.fullmatch(line.strip())
    if found is None or sentence_stop(found.group("title"), ellipsis=False):
        return None
    author = by_line_author(found.group("by"))
    handle = (
        author is not None
        and " " not in author
        and (author[:1].islower() or any(c in author for c in "_.0123456789"))
        and author.casefold() not in _BY_PHRASE_WORDS
    )
    if author is None or not (handle or found.group("by")[2:].lstrip(" \t").startswith(":")):
        return None
    return found.group("title").strip(), author


def titled_over_fields(text: str, following: Para) -> tuple[str, str] | None:
    """The title and the author of a first line naming both over the header's fields ("The Biscuit Tin
    by flourandfig" over "Rating: T"): a title of two words at least in Title Case and a handle in
    lower case (:func:`title_by_author`). "Kidnapped by pirates" and "Stand by me" stay titles."""
    if parse_field(following.text.split("\n")[0]) is None:
        return None
    return title_case_by_handle(text)


TITLE_BY_HANDLE_CHARS = 80  # a first line naming title and author; a longer one is a sentence


def title_case_by_handle(text: str) -> tuple[str, str] | None:
    """The title and the author of a short line naming both, "Low Water by marrowbird": a title of two
    words at least in Title Case and a handle in lower case (:func:`title_by_author`). "Kidnapped by
    pirates" and "Stand by me" stay titles."""
    named = title_by_author(text) if len(text.strip()) <= TITLE_BY_HANDLE_CHARS else None
    if named is None:
        return None
    title, author = named
    words = title.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper() or not author.islower():
        return None
    return named


def ffn_blurb(text: str, following: Item | None) -> bool:
    """The paragraph right above a FanFiction.net stats line is the story's summary there."""
    return (
        isinstance(following, Para)
        and "\n" not in text
        and len(text) <= SUMMARY_CHARS
        and parse_field(text) is None
        and ffn_stats(following.text)
    )


def past_divider(items: list[Item], index: int) -> Item | None:
    """The item at ``index``, or the one after it when it is a divider."""
    if index < len(items) and isinstance(items[index], SceneBreak):
        index += 1
    return items[index] if index < len(items) else None


def front_matter_only(meta: Meta) -> bool:
    """Whether all that stands before ``index`` was read as the header's fields or declarations (an
    Obsidian note's properties over its "# Title"), nothing a page set over its heading. An author
    alone is not enough: a web page's reader gives its author so, over the chapter's own heading."""
    return bool(meta.values.keys() - {"author"} or meta.declared) and not meta.notes and meta.summary is None


def consumed_any(meta: Meta) -> bool:
    return bool(meta.title or meta.values or meta.declared or meta.notes or meta.summary)


def title_followed_well(following: Item | None, index: int) -> bool:
    """A short Title Case line is a title when something marks it off from the story."""
    if following is None:
        return False
    if not isinstance(following, Para):
        return True
    first_line = following.text.split("\n")[0]
    if following.gap >= 2 or by_line_author(following.text) or parse_field(first_line) or declaration_line(first_line):
        return True
    if is_labelled_note(first_line) or greeting_declarations(following.text):  # "Anmerkung der Autorin: ..."
        return True  # a note no field name covers, a greeting that declares
    if _read_header_sentences(following.text) is not None:  # "Chapter 2 contains violence." under it
        return True
    if KIND_LINE.match(trim_ornaments(first_line)):  # "A novella" under it
        return True
    if rights_notice(following.text):  # "All rights reserved." under it
        return True
    return index == 0 and len(following.text) > 200


TITLE_PAGE_AHEAD = 4  # paragraphs of an author's opening words a title page may stand under


def title_page_ahead(items: list[Item], start: int, *, spoken: bool) -> bool:
    """Whether the paragraph at ``start`` and the few after it are the author's words over a title
    page: a title over its by-line ("The Keeper of Small Things" / "by saltandpepper", in one paragraph
    or two) stands within a few paragraphs, only paragraphs before it, one of them at least speaking as
    an author does (:func:`author_speaks`), or the header read before them (``spoken``). A story's
    opening over a book's cover it quotes is none."""
    speaks = spoken
    for index in range(start, min(start + TITLE_PAGE_AHEAD, len(items) - 1)):
        item, following = items[index], items[index + 1]
        if not isinstance(item, Para):
            return False
        lines = item.text.strip().split("\n")
        if len(lines) == 2 and by_line_author(lines[1]) and title_like(trim_ornaments(lines[0]), bylined=True):
            return speaks and index > start
        if (
            len(lines) == 1
            and isinstance(following, Para)
            and "\n" not in following.text.strip()
            and by_line_author(following.text)
            and title_like(trim_ornaments(lines[0]), bylined=True)
        ):
            return speaks and index > start
        speaks = speaks or author_speaks(item.text) or greets_readers(item.text)
    return False


# An author's greeting to readers opening a paragraph: "Hi friends!", "Hello again, lovely readers.",
# "Dear subscribers,", with the readers it names (``who``). "Dear Mara," opens a letter, a story's.
_GREETING = re.compile(
    r"[ \t*_]*(?:(?:hi|hey|hello|heya|howdy|greetings|good[ \t]+(?:morning|afternoon|evening))(?:[ \t]+(?:again|there))?"
    r"(?:,?[ \t]+(?:my[ \t]+)?(?:(?:dear|lovely)[ \t]+)?(?P<who>everyone|everybody|all|friends|readers|subscribers"
    r"|folks|y'?all|lovelies|loves|guys|pals|peeps))?"
    r"|dear[ \t]+(?P<dear>friends|readers|subscribers|everyone)(?:[ \t]+and[ \t]+\w+)?)[ \t]*(?:[!.,~]+|\n|$)",
    re.IGNORECASE,
)
# A newsletter's words for itself and its readers: "issue 12", "thanks for subscribing", "this month's".
_NEWSLETTER_WORDS = re.compile(
    r"\b(?:issue|newsletter|subscrib\w*|inbox|this[ \t]+(?:month|week)'?s?|mailing[ \t]+list)\b", re.IGNORECASE
)
READERS_KEY_LINES = 6
# The author looking after readers under the warnings: "please don't read if these topics affect you!!",
# "your mental health matters more than my story", "read at your own risk, stay safe".
_READER_CARE = re.compile(
    r"\b(?:(?:please|pls|plz)[ \t]+)?(?:don['’]?t|do[ \t]+not)[ \t]+read[ \t]+(?:this[ \t]+|it[ \t]+)?if\b"
    r"|\bmental[ \t]+health\b|\bread[ \t]+(?:at[ \t]+your[ \t]+own[ \t]+risk|with[ \t]+caution|safely)\b"
    r"|\bif[ \t]+(?:any[ \t]+of[ \t]+)?(?:these|this|that|those)[ \t]+(?:topics?|things?|themes?|subjects?)\b"
    r"|\b(?:stay|be)[ \t]+safe\b|\btake[ \t]+care[ \t]+of[ \t]+yoursel(?:f|ves)\b",
    re.IGNORECASE,
)
READER_CARE_CHARS = 300


def reader_care(text: str) -> bool:
    """A short paragraph of the author's care for readers (:data:`_READER_CARE`), no dialogue in it."""
    return len(text) <= READER_CARE_CHARS and _READER_CARE.search(text) is not None and DIALOGUE_MARKS.isdisjoint(text)


def readers_key(text: str) -> bool:
    """A paragraph of lines each keying a reader-insert story's blanks ("y/n = your name") or asking
    readers to heed the tags ("Please mind the tags!"): the author's, never the story's first lines."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return 0 < len(lines) <= READERS_KEY_LINES and all(
        len(line) <= NOTICE_LINE_CHARS and (INSERT_KEY.fullmatch(line) or HEED_TAGS.fullmatch(line)) for line in lines
    )


def pointer_paragraph(text: str) -> bool:
    """A paragraph saying the warnings stand at the story's end (:func:`points_to_end`), with at
    most a reader's aside beside it ("Warnings at the end to avoid spoilers. Stay safe!")."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS or not DIALOGUE_MARKS.isdisjoint(text):
        return False
    sentences = [sentence for sentence in NOTE_SENTENCE.split(text.strip()) if sentence.strip()]
    return any(points_to_end(sentence) for sentence in sentences) and all(
        points_to_end(sentence) or reader_aside(sentence) for sentence in sentences
    )


def greets_readers(text: str) -> bool:
    """Whether a paragraph opens as an author greets readers ("Hi friends! Here is this month's
    story."), as a newsletter's issue or a blog post does over the story it brings: a greeting naming
    its readers and ending there, or any greeting in a paragraph with a sign of a note or a newsletter
    (:func:`note_score`, "issue 12", "subscribing"). Dialogue ("Hi friends!" she called), a greeting run
    into a sentence ("Hi friends, the postman thought") and a bare "Hello." opening a tale are a story's."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS or not DIALOGUE_MARKS.isdisjoint(text):
        return False
    found = _GREETING.match(text)
    if found is None:
        return False
    newsletter = _NEWSLETTER_WORDS.search(text) is not None
    if found.group(0).rstrip().endswith(","):  # run on into a sentence: "Dear readers, this is my last entry"
        return newsletter or note_score(text[found.end() :] if found.group("dear") else text) > 0
    return bool(found.group("who") or found.group("dear")) or newsletter or note_score(text) > 0


def greeting_over_title(items: list[Item], index: int, last_para: int) -> bool:
    """Whether the paragraph at ``index`` greets readers (:func:`greets_readers`) right over a title
    line (a short line in Title Case, no sentence) with the story under it."""
    if index + 2 > last_para or not isinstance(items[index + 1], Para) or not isinstance(items[index + 2], Para):
        return False
    title = items[index + 1].text  # type: ignore[union-attr]
    return greets_readers(items[index].text) and title_like(trim_ornaments(title.strip()))  # type: ignore[union-attr]


def author_speaks(text: str) -> bool:
    """A paragraph with a sign of the author talking to readers: a note's words, a label, a declaration."""
    first = text.strip().split("\n", 1)[0]
    return note_score(text) > 0 or is_labelled_note(text) or parse_field(first) is not None or declaration_line(first)


def separated(following: Item | None) -> bool:
    return following is None or not isinstance(following, Para) or following.gap >= 2


WARNING_SIGNS = "⚠\ufe0f🚨❗‼ \t"
