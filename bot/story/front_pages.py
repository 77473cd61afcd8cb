"""Front pages of a story: dedications, epigraphs, illustrations and labelled pages before the text.

A dedication or an epigraph is the author's, not story text: posted as the first excerpt it would read
as the opening line. These rules tell such pages apart from a first paragraph that merely looks short.
"""

from __future__ import annotations

import re

from bot.story.limits import (
    MAX_IMAGE_ALT_CHARS,
)
from bot.story.metadata_fields import trim_ornaments
from bot.story.structure import (
    Heading,
    Item,
    Para,
    SceneBreak,
)
from bot.story.words import count_words
from bot.text import clip

# --- Dedications and epigraphs before the first chapter: the author's words, never a chapter ---
#
# A club says "chapter 5" and means the book's Chapter 5. A dedication ("For my grandmother, who
# kept the tide tables.") or an epigraph (a quotation and who said it) set before the first chapter
# is not numbered in the book, so it is not a chapter here either: its text goes into the story's
# notes as "Dedication: ..." or "Epigraph: ...", word for word. Forewords, prefaces and
# introductions stay chapters (bot.story.structure reads "Foreword" as a named heading, as it does
# "Prologue"): they are prose a club reads and may discuss, and a note cannot be posted or tracked.

FRONT_PAGE_MAX_WORDS = 400  # a page this long is a chapter's worth of text, whatever it is called
# Past this many characters a page is not read further (a story with no heading is all one "page").
_FRONT_PAGE_MAX_CHARS = 8 * FRONT_PAGE_MAX_WORDS
DEDICATION_MAX_WORDS = 60
FRONT_PAGES_MOST = 6  # dedications and epigraphs a story may open with; more are not front matter
_DEDICATION_MAX_PARAGRAPHS = 8
EPIGRAPH_MAX_WORDS = 150
_ATTRIBUTION_MAX_WORDS = 12
DEDICATION, EPIGRAPH, CAST = "Dedication", "Epigraph", "Characters"
SUBTITLE = "Subtitle"  # a title page's line under the title: "A Novel", "Book Two of the Ember Cycle"
PLAYLIST, PRONUNCIATION, PRAISE = "Playlist", "Pronunciation guide", "Praise"
FRONT_PAGE_LABELS = (DEDICATION, EPIGRAPH, CAST)
SHOWN_NOTE_LABELS = (SUBTITLE, *FRONT_PAGE_LABELS)  # the notes a story's details show, with their labels
_FRONT_LABELS = {
    "dedication": DEDICATION,
    "dedications": DEDICATION,
    "epigraph": EPIGRAPH,
    "epigraphs": EPIGRAPH,
    # A play's cast list before its first act (Project Gutenberg's Shakespeare, "Dramatis Personæ"):
    # the book does not number it, and posted as a chapter it was a page of names.
    "dramatis personae": CAST,
    "dramatis personæ": CAST,
    "persons represented": CAST,
    "persons of the play": CAST,
    "persons of the drama": CAST,
    "the persons of the play": CAST,
    "characters": CAST,
    "characters in the play": CAST,
    "the characters": CAST,
    "cast": CAST,
    "cast of characters": CAST,
    "the cast": CAST,
    # An indie book's pages before chapter one that the book does not number either.
    "playlist": PLAYLIST,
    "the playlist": PLAYLIST,
    "soundtrack": PLAYLIST,
    "pronunciation guide": PRONUNCIATION,
    "a note on pronunciation": PRONUNCIATION,
    "pronunciations": PRONUNCIATION,
    # A published book's page of its reviewers' words before the title page ("Praise for Salt Roads").
    "praise": PRAISE,
    "advance praise": PRAISE,
    "early praise": PRAISE,
    "critical praise": PRAISE,
}
_PRAISE_FOR = "praise for "  # "Praise for Salt Roads", "Praise for Ada Quill", "Advance Praise for ..."
# Who a dedication is for, after its "For" or "To": "For my grandmother", "To everyone who stayed".
_DEDICATEES = frozenset(
    ["my", "our", "his", "her", "their", "your", "you", "everyone", "anyone", "all", "those", "whoever", "mum", "mom"]
)
_LONE_TO = re.compile(r"^[ \t]*(?:to|for|dedicated[ \t]+to|inscribed[ \t]+to)[ \t]*$", re.IGNORECASE)
_DEDICATION_OPENERS = re.compile(
    r"^(?:(?:for|to)[ \t]+the[ \t]+(?:memory|ones?)\b|in[ \t]+(?:loving[ \t]+)?memory[ \t]+of\b|dedicated[ \t]+to\b"
    r"|this[ \t]+(?:book|story|novel|one)[ \t]+is[ \t]+(?:for|dedicated)\b)",
    re.IGNORECASE,
)
_OPENING_MARKS = "\"'“‘«*_("
_DASHES = "-—–―~"
# "— an old ferryman", "-- Marcus Aurelius, Meditations": a short line naming who said it.
_ATTRIBUTION = re.compile(rf"^[ \t]*[{_DASHES}]{{1,2}}[ \t]*(?P<who>[^\W\d_].*?)[ \t]*$")
# The attribution on the quotation's own line, after its closing mark: '"The sea remembers." — an old ferryman'.
_INLINE_ATTRIBUTION = re.compile(r"^(?P<quote>.+?[.!?…\"”’'»])[ \t]*[—–―]{1,2}[ \t]*(?P<who>[^\W\d_][^—–―]*?)[ \t]*$")


def front_notes(notes: list[str], labels: tuple[str, ...] = FRONT_PAGE_LABELS) -> list[tuple[str, str]]:
    """The dedications, epigraphs and cast lists among a story's notes (or the notes of ``labels``), as
    (label, words) pairs, in order."""
    pairs = (note.split(": ", 1) for note in notes)
    return [(pair[0], pair[1]) for pair in pairs if len(pair) == 2 and pair[0] in labels]


def shown_notes(notes: list[str]) -> list[tuple[str, str]]:
    """The notes a story's details show, as (label, words): its subtitle, dedications, epigraphs and cast."""
    return front_notes(notes, SHOWN_NOTE_LABELS)


def front_label(text: str | None) -> str | None:
    """ "Dedication", "Epigraph" or "Characters" when a heading or a line says only that, or another
    name for it ("Dramatis Personæ"), in any case, with ornaments or a colon; "Praise" for a published
    book's page of its reviewers' words ("Praise for Salt Roads"), which was a chapter 1 of quotes."""
    if not text or len(text) > 80:
        return None
    key = trim_ornaments(text.strip()).rstrip(":").strip().casefold()
    if _PRAISE_FOR in key and key.split(_PRAISE_FOR, 1)[0].strip() in ("", "advance", "early"):
        return PRAISE
    return _FRONT_LABELS.get(key) if len(text) <= 40 else None


def is_dedication_line(text: str) -> bool:
    """A line that opens as a dedication does: "For my grandmother", "To Ana", "In memory of ..."."""
    line = text.strip().lstrip(_OPENING_MARKS)
    if _DEDICATION_OPENERS.match(line):
        return True
    words = line.split(maxsplit=2)
    if len(words) < 2 or words[0].casefold() not in ("for", "to"):
        return False
    who = words[1].strip(",.;:!")
    return who.casefold() in _DEDICATEES or (who[:1].isupper() and who[:1].isalpha())


def _is_dedication(paragraphs: list[str]) -> bool:
    """Only a dedication: a dedication line, then lines that go on with it ("and to Tom,", "who ..."),
    short, and no question."""
    if not paragraphs or not is_dedication_line(paragraphs[0]):
        return False
    if count_words(" ".join(paragraphs)) > DEDICATION_MAX_WORDS or any(p.rstrip().endswith("?") for p in paragraphs):
        return False
    return all(_goes_on(paragraph) for paragraph in paragraphs[1:])


def _goes_on(paragraph: str) -> bool:
    text = paragraph.strip().lstrip(_OPENING_MARKS)
    first = text.split(maxsplit=1)[0] if text else ""
    return (
        is_dedication_line(text)
        or first.casefold() in ("and", "&")
        or first[:1].islower()
        or bool(_ATTRIBUTION.match(text))
    )


def _is_attribution(who: str) -> bool:
    """Who said it: a few words, not a line of dialogue ("— Where are you going?")."""
    return 0 < len(who.split()) <= _ATTRIBUTION_MAX_WORDS and not who.rstrip(_CLOSERS).endswith(("?", "!", ",", ";"))


_CLOSERS = "\"'’”)]»"


def is_epigraph(paragraphs: list[str]) -> bool:
    """Only a quotation and its attribution, on a line of its own or after the quotation's close."""
    lines = [line.strip() for paragraph in paragraphs for line in paragraph.split("\n") if line.strip()]
    if not lines or count_words(" ".join(lines)) > EPIGRAPH_MAX_WORDS:
        return False
    last = _ATTRIBUTION.match(lines[-1])
    if last is not None and len(lines) >= 2:
        return _is_attribution(last.group("who")) and count_words(" ".join(lines[:-1])) >= 3
    inline = _INLINE_ATTRIBUTION.match(lines[-1])
    return inline is not None and _is_attribution(inline.group("who")) and count_words(inline.group("quote")) >= 3


def unmarked_front_pages(paragraphs: list[str]) -> list[tuple[str, list[str]]] | None:
    """What a page of text with no label is when it is only a dedication, only an epigraph, or a
    dedication then an epigraph: (label, paragraphs) for each; None when it is anything else."""
    if is_epigraph(paragraphs):
        return [(EPIGRAPH, paragraphs)]
    if paragraphs and _LONE_TO.match(paragraphs[0]):  # a printed page's "TO" / "MY DEAR FRIEND" / "HOMMY-BEG"
        joined = " ".join(" ".join(paragraphs[:_DEDICATION_MAX_PARAGRAPHS]).split())
        if len(paragraphs) <= _DEDICATION_MAX_PARAGRAPHS and _is_dedication([joined]):
            return [(DEDICATION, [joined])]
    for end in range(min(len(paragraphs), _DEDICATION_MAX_PARAGRAPHS), 0, -1):
        if _is_dedication(paragraphs[:end]):
            rest = paragraphs[end:]
            if not rest:
                return [(DEDICATION, paragraphs)]
            if is_epigraph(rest):
                return [(DEDICATION, paragraphs[:end]), (EPIGRAPH, rest)]
    return None


def subtitle_note(line: str) -> str:
    """A title page's subtitle as the story's note, labelled so that what lists the story shows it
    with its title ("Subtitle: Book Two of the Ember Cycle"): a note of its bare words was shown
    nowhere, and the book's place in its series was lost to members."""
    return front_page_note(SUBTITLE, [" ".join(line.split())])


def front_page_note(label: str, paragraphs: list[str]) -> str:
    """The note a dedication or epigraph becomes: its label, then its lines as written."""
    return f"{label}: " + "\n".join(paragraphs)


def split_front_pages(items: list[Item]) -> tuple[list[str], list[Item]]:
    """The dedications, epigraphs and a play's cast list before the first chapter heading, as notes,
    and the rest.

    A page is what a "Dedication", "Epigraph" or "Dramatis Personæ" heading (or line) heads, up to the next heading or
    such line, at most FRONT_PAGE_MAX_WORDS; or text with no label that is only a dedication or
    an epigraph (see :func:`unmarked_front_pages`). All of them, or none: they must run up to a
    chapter heading with story text after it, so a story opening with "For Mara, the sea was
    home." and no heading keeps its first line.
    """
    notes: list[str] = []
    index = 0
    while index < len(items):
        item = items[index]
        if isinstance(item, SceneBreak):
            index += 1
            continue
        if isinstance(item, Heading) and item.kind == "document" and not notes:
            index += 1  # an EPUB document's start, no heading of its own: its text may be the page
            continue
        label = _heading_label(item) if isinstance(item, Heading) else front_label(item.text)
        if isinstance(item, Heading) and label is None:
            break
        over_lines = _label_over_lines(item) if label is None else None  # "CHARACTERS" / "MARGARET, a clerk"
        label = over_lines[0] if over_lines else label
        start = index + 1 if label is not None else index
        end = start
        while end < len(items) and not _page_end(items[end]):
            end += 1
        alone = over_lines is not None and end == len(items)
        if alone:
            end = start  # a one-act play's cast typed in its block, no scene heading after: the block alone
        paragraphs = [entry.text for entry in items[start:end] if isinstance(entry, Para) and entry.text.strip()]
        paragraphs[:0] = [over_lines[1]] if over_lines else []
        # A "Dedication" line (no heading) may sit over a first chapter that has none either: less
        # room. A play's cast list is longer than any epigraph, and under its own line as often.
        most = FRONT_PAGE_MAX_WORDS if isinstance(item, Heading) or label == CAST else EPIGRAPH_MAX_WORDS
        pages = _front_pages(label, paragraphs, most)
        if pages is None:
            return [], items
        notes.extend(front_page_note(name, texts) for name, texts in pages)
        if len(notes) > FRONT_PAGES_MOST:  # no book opens so: read as the file lays it out
            return [], items
        index = end
        if alone:
            break  # (the play starts under it)
    rest = items[index:]
    if not notes or not rest or not any(isinstance(entry, Para) for entry in rest):
        return [], items
    return notes, rest


def _heading_label(heading: Heading) -> str | None:
    """A heading that only says "Dedication" or "Epigraph"; "Chapter 1: Dedication" is a chapter."""
    return front_label(heading.title) if heading.kind == "markdown" else None


def _page_end(item: Item) -> bool:
    return isinstance(item, Heading) or (
        isinstance(item, Para) and (front_label(item.text) is not None or _label_over_lines(item) is not None)
    )


def _label_over_lines(item: Item) -> tuple[str, str] | None:
    """A page's label on the first line of its block, its page the lines under it, as a play's cast
    list is typed ("CHARACTERS" over "MARGARET, a ticket clerk" ...): the label and those lines."""
    if not isinstance(item, Para) or "\n" not in item.text:
        return None
    head, _, rest = item.text.partition("\n")
    label = front_label(head)
    return (label, rest.strip()) if label is not None and rest.strip() else None


def _front_pages(label: str | None, paragraphs: list[str], most: int) -> list[tuple[str, list[str]]] | None:
    """The page as notes, or None when it is story text (too long for its label, or no shape of one)."""
    if not paragraphs or sum(len(paragraph) for paragraph in paragraphs) > _FRONT_PAGE_MAX_CHARS:
        return None
    if label is None:
        return unmarked_front_pages(paragraphs)
    return [(label, paragraphs)] if count_words(" ".join(paragraphs)) <= most else None


IMAGE = "Image"
# Project Gutenberg's (and Distributed Proofreaders') mark for a picture: "[Illustration]",
# "[Illustration: CENTRAL EUROPE 1789", its caption running on over lines, even a blank one, to "]".
_ILLUSTRATION = re.compile(r"^[ \t]*\[Illustrations?(?=[:\]. \t\n])[ \t]*[:.]?", re.IGNORECASE)
ILLUSTRATION_PARAGRAPHS = 4  # a caption longer than this is no caption: the text stays as it is


def image_line(alt: str | None) -> str:
    """An image as readers are told of it: "[Image: alt]", or "[Image]" when it has no alt text.

    One form for every reader: the Markdown and HTML readers' images, a text's "[Illustration: ...]".
    The alt text is cut to :data:`MAX_IMAGE_ALT_CHARS` at a word, with an ellipsis: a caption is a
    sentence or two, and alt text of megabytes was posted whole, as thousands of messages.
    """
    alt = clip(" ".join((alt or "").split()), MAX_IMAGE_ALT_CHARS)
    return f"[{IMAGE}: {alt}]" if alt else f"[{IMAGE}]"


# Words naming a divider drawn as a picture, in its file's name, alt text or class ("scene-break.png",
# alt="divider", class="orn"): the image is a scene break, not a picture of the story.
_DIVIDER_WORDS = frozenset([
    "divider", "dividers", "separator", "sep", "break", "scenebreak", "sectionbreak", "ornament", "ornaments",
    "orn", "flourish", "dinkus", "fleuron", "asterism", "hr", "squiggle",
])  # fmt: skip
_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # (camelCase: "sceneBreak" is "scene", "break")
_DIVIDER_NAME_CHARS = 300  # of a name looked at: a divider's is short
_DIRECTORIES = re.compile(r"[^\s\"'=()]*/")  # a path's folders and a link's host say nothing of the picture


def names_divider(*names: str) -> bool:
    """Whether a picture's file name, alt text or class words call it a divider ("scene_break2.png",
    "Ornament", "divider"): a book draws its scene breaks so, and each was a "[Image: scene break]"
    line of the story with no break. Words, not letters inside them ("breakfast.jpg" is none)."""
    for name in names:
        words = _NAME_WORDS.findall(_DIRECTORIES.sub("", name[:_DIVIDER_NAME_CHARS]))
        if any(word.lower() in _DIVIDER_WORDS for word in words):
            return True
    return False


def illustration_lines(items: list[Item]) -> list[Item]:
    """Each "[Illustration: caption]" a text marks a picture with, as the "[Image: caption]" line
    the other readers give an image, so no caption's line breaks or the bracket's words are posted
    as story text. A caption may run over several paragraphs up to its closing bracket."""
    result: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        opening = _ILLUSTRATION.match(item.text) if isinstance(item, Para) else None
        if opening is None:
            result.append(item)
            index += 1
            continue
        assert isinstance(item, Para)
        parts = [item.text[opening.end() :]]
        end = index
        while "]" not in parts[-1] and end + 1 < min(len(items), index + ILLUSTRATION_PARAGRAPHS):
            following = items[end + 1]
            if not isinstance(following, Para):
                break
            parts.append(following.text)
            end += 1
        caption = "\n".join(parts)
        close = caption.find("]")
        if close < 0:
            result.append(item)
            index += 1
            continue
        result.append(Para(image_line(caption[:close]), item.gap))
        after = caption[close + 1 :].strip()
        if after:  # text run on after the bracket on its line stays text
            result.append(Para(after, 0))
        index = end + 1
    return result
