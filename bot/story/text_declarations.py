"""Warnings an author declares in plain text: "TW: ...", notes that name a chapter, a title's "(cw: ...)".

An author's declaration outranks anything Dogear detects, so it must be read wherever it stands and in
whatever words, and a sentence that only mentions a warning ("no major warnings apply") must not declare
one. The rules here read lines, sentences and notes; what they find is mapped to categories by
:mod:`bot.warnings.declared`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache, lru_cache

from bot.story.atoms import LiteralHint
from bot.story.limits import (
    MAX_NOTE_SENTENCES,
    MAX_STORY_NOTE_SENTENCES,
    MAX_TITLE_CHARS,
)
from bot.story.metadata_fields import BODY_ASIDE, BODY_RUN, trim_ornaments
from bot.story.model import Chapter, Story
from bot.story.structure import (
    NOTE_LABELS_ALONE,
)
from bot.story.warning_pointers import without_pointer_aside
from bot.warnings.declared import (
    HANGUL_CHARS,
    MARKED_LINE_CHARS,
    UNSPACED_CHARS,
    declaration_cues,
    lists_declared,
    lists_warnings,
    maps_any,
    marked_list,
    marker_only,
    marker_positions,
)

_ENGLISH_NOTE_LABELS = (
    r"a/n|a\.n\.|author['’]?s['’]? ?notes?|authors? notes?|note from the author|an|notes?"  # ’: a word processor's
    r"|(?:end|ending|closing|final|opening|beginning|chapter|chapter end|story) notes?|author['’]?s['’]? ?afterword"
    # a fan translation's notes: the translator's or the editor's, never the story's
    r"|t/n|tl ?notes?|tln|translator['’]?s['’]? ?notes?|translation notes?|e/n|editor['’]?s['’]? ?notes?"
)
# "TW for miscarriage", "CW: grief", "tw// blood", "C/W - gore", "Trigger warnings: ...". The
# text after the label starts and ends on a non-space, so a long run of spaces is read once.
_ENGLISH_LABELS = (
    r"(?:TW|CW|T/W|C/W)s?(?:[ \t]*/[ \t]*(?:TW|CW)s?)?|(?:trigger|content|chapter)[ \t]warnings?(?:\(s\))?"
    # "Additional Warnings: blood" under AO3's "Creator Chose Not To Use Archive Warnings"
    r"|(?:additional|other|extra|minor|specific|further|general|overall)[ \t]+(?:content[ \t]+|trigger[ \t]+)?warnings?"
    r"|warnings?(?:\(s\))?|heads[ \t-]+up|dead[ \t]+dove(?:[ \t]*[:\-–—]?[ \t]*do[ \t]+not[ \t]+eat)?"
    # a broadcaster's words for the same notice: "Content advisory: ...", "Reader discretion is advised: ..."
    r"|content[ \t]+advisor(?:y|ies)|(?:viewer|reader)[ \t]+discretion(?:[ \t]+is)?(?:[ \t]+(?:strongly[ \t]+)?advised)?"
)
# A label that is also an ordinary notice ("Spoilers: the butler did it"): a declaration only over
# warnings, "(spoilers: character death)" in a summary.
_ENGLISH_GENERIC_LABELS = r"spoilers?(?:[ \t]+alert)?"
_DECLARED_BODY = rf"[ \t]*{BODY_RUN}(?:[ \t]*{BODY_ASIDE}(?:[ \t]*{BODY_RUN})?)*"
# Where a label or phrase may start and end: at a word's edge, or anywhere in a script written without
# spaces ("本章预警：死亡": the label 预警 follows 本章 with no space between).
_STARTS = rf"(?:(?<![\w/])|(?=[{UNSPACED_CHARS}]))"
_ENDS = rf"(?:\b|(?<=[{UNSPACED_CHARS}{HANGUL_CHARS}]))"  # Korean writes endings onto a word: "이번 화에는"
# Japanese frames a label with reference marks, lenticular brackets or stars: "※注意※ 死ネタ", "【注意】流血", "＊注意＊".
_SEPARATOR = r"[ \t]*(?:[:：\-–—※】＊》]|//?)"
# A label in a frame of its own ("【注意】", "＊注意＊", "《注意》") heads a notice: no sentence opens so.
_FRAMED_LABEL = re.compile(r"^[【＊《※][^\s:：】＊》※]{1,12}[】＊》※]")
GENERIC_LABEL_CHARS = 24  # how far back a generic label looks for the sentence it starts


@cache
def _declaration() -> re.Pattern[str]:
    """A declaration, in English or in a language of declared.json ("CW für dieses Kapitel: Tod",
    "Avertissement : mort d'un personnage"). A label that is also an ordinary notice ("Aviso:",
    "Avertissement :") is caught as ``generic``: :func:`_is_declaration` holds it to more."""
    cues = declaration_cues()
    labels = rf"(?:{_ENGLISH_LABELS}|{cues.labels}|(?P<generic>{_ENGLISH_GENERIC_LABELS}|{cues.generic_labels}))"
    connectors = rf"for|{cues.connectors}"
    return re.compile(
        # (an aside may stand between the label and its colon: "Warnings (in order of appearance): ...")
        rf"{_STARTS}(?:[【＊《]?{labels}(?:[ \t]+(?:{connectors}){_ENDS}|(?:[ \t]*\([^()\n]{{1,30}}\))?{_SEPARATOR})"
        rf"|(?P<bare>\[(?:TW|CW)s?\]|\((?:TW|CW)s?\)|(?:TW|CW|T/W|C/W)s?)(?:(?<=[\])])[ \t]*|[ \t]+)){_DECLARED_BODY}",
        re.IGNORECASE,
    )


NOTE_MARKERS = re.compile(
    r"\b(?:my first|this (?:story|fic|fanfic|one-?shot|chapter)|fan ?fic(?:tion)?s?|reviews?|reviewing|r ?& ?r"
    r"|enjoy|disclaimer|(?:don['’]?t|do not|doesn['’]?t) own|out of character|ooc|hope (?:you|u|ya|y['’]?all)"
    r"|thanks? (?:you )?(?:so much )?(?:for|4) (?:reading|the reviews|your)|lol|lmao|please (?:review|comment)"
    r"|comments?|kudos|beta(?:ed)?|one-?shot|(?:hey|hi|hello) (?:every(?:one|body)|guys|all|peeps|readers)"
    r"|readers?|updates?|updating|episodes?|next chapter|author|wats up|what['’]?s up|cookies?"
    r"|patreon|ko-?fi|(?:my|our) (?:patrons|supporters))\b",  # a serial's thanks to those paying for it
    re.IGNORECASE,
)
NOTE_SCAN_CHARS = 20_000


def note_score(text: str) -> int:
    """How many distinct signs of an author talking to readers a paragraph carries.

    Read in its first NOTE_SCAN_CHARS characters: a note says what it is early, and a
    megabyte-long paragraph must not cost a scan of all of it.
    """
    return len({match.group(0).lower() for match in NOTE_MARKERS.finditer(text, 0, NOTE_SCAN_CHARS)})


# The bracket and the stars or underscores a line opens with: "(A/N:", "**A/N:**", "[*A/N:*".
_EMPHASIS_RUN = re.compile(r"[ \t]*([(\[]?)([*_]*)")
_CLOSING_BRACKET = {"(": ")", "[": "]"}


@cache
def note_label() -> re.Pattern[str]:
    """An author's note's label: "A/N:", "Author's note -", and the labels of declared.json's
    languages ("Anmerkung der Autorin:", "Note de l'auteur :", "N/A:"). Those need a colon: a word
    like "Nota" or "Notiz" followed by a dash may start a sentence of the story."""
    cues = declaration_cues()
    # The marks before a label are taken whole ("*+"): no label opens with one, and given back one at
    # a time, a line of a million "*_" tried every label at each (2 s a megabyte, and growing).
    world = rf"|[*_(\[※【]*+(?:{cues.note_labels})(?:[*_)\]]*[ \t]*[:：]|[ \t]*[※】])" if cues.note_labels else ""
    # A label alone on a paragraph's first line, the note under it ("まえがき" over its text).
    alone = "|".join(part for part in (_NOTE_LABELS_ALONE, cues.note_labels) if part)
    return re.compile(
        rf"^[ \t]*(?:[*_(\[]*+(?:{_ENGLISH_NOTE_LABELS}){_NOTE_PLACE}[*_)\]]*[ \t]*(?::|-|–|—){world}"
        # (between ornaments too: "~*~ A/N ~*~", "★ Author's Note ★")
        rf"|[*_(\[【~=★☆♡♥✧✦•· \t]*+(?:{alone})[*_)\]】~=★☆♡♥✧✦•· \t]*\n(?=[ \t]*\S))",
        re.IGNORECASE,
    )


# Where a note stands, after its label: "Author's note before the chapter:", "A/N (end of chapter):".
_NOTE_PLACE = (
    r"(?:[ \t]+\(?(?:(?:before|after|for)[ \t]+(?:the|this)|(?:at[ \t]+)?(?:the[ \t]+)?(?:start|beginning|end)[ \t]+of"
    r"(?:[ \t]+(?:the|this))?)[ \t]+(?:chapter|story|part|fic)\)?)?"
)
_NOTE_LABELS_ALONE = NOTE_LABELS_ALONE  # "Author's Note" on a line of its own over the note


def is_labelled_note(text: str) -> bool:
    return note_label().match(text) is not None


def strip_note_label(text: str) -> str:
    """The note without its label, and without the emphasis or brackets the label was set in:
    "**A/N:** thanks", "*A/N: thanks*" and "(A/N: thanks)" are the note "thanks", not "** thanks",
    "thanks*" or "thanks)"."""
    match = note_label().match(text)
    if match is None:
        return text.strip()
    bracket, opening = _EMPHASIS_RUN.match(text).groups()
    rest = text[match.end() :].strip()
    closing = _CLOSING_BRACKET.get(bracket)
    if closing and rest.endswith(closing) and rest.count(closing) > rest.count(bracket):
        rest = rest[:-1].rstrip()
    if opening and rest.startswith(opening):
        rest = rest[len(opening) :]
    elif opening and rest.endswith(opening):
        rest = rest[: -len(opening)]
    return rest.strip()


def declaration_line(line: str) -> bool:
    """Whether a whole line is a declaration ("tw// blood", "⚠️ CW: gore ⚠️", "※死ネタ注意"), not prose."""
    trimmed = trim_ornaments(unbracketed(trim_ornaments(line)))  # "[CW: self-harm - highlight to read]"
    match = _declaration().match(trimmed)
    if match is not None and (
        (match.group("generic") is None and match.group("bare") is None) or _is_declaration(match)
    ):
        return True
    return marked_list(trimmed)


# A notice's label as Japanese frames it on a line of its own: "※注意※", "【注意】", "＊注意＊", "《注意書き》".
LABEL_FRAME = "【】《》〈〉［］[]＊*■□◆◇●○★☆―-=＝~〜:：※ \t\u3000"
_LIST_ITEM = re.compile(r"^[ \t\u3000]*(?:[-*+•・･◦▪‣＊※][ \t\u3000]*|\d{1,2}[.)．][ \t]+)")
NOTICE_ITEMS = 20  # a label over more lines than this is over a page of the story
NOTICE_LINE_CHARS = 80


@cache
def _bare_label() -> re.Pattern[str]:
    """A warnings label alone, or naming its chapter: "Warnings", "Content warnings for this chapter"."""
    cues = declaration_cues()
    labels = "|".join(
        part for part in (_ENGLISH_LABELS, _ENGLISH_GENERIC_LABELS, cues.labels, cues.generic_labels) if part
    )
    chapter = rf"(?:[ \t]+(?:for|in)[ \t]+(?:the[ \t]+)?(?:{_THIS_CHAPTER}|{_NEXT_CHAPTER}))?"
    return re.compile(rf"(?:{labels}){chapter}(?:{_LABEL_PLACE.pattern})?", re.IGNORECASE)


def bare_label(text: str) -> bool:
    """Whether ``text`` is a warnings label alone ("Warnings", "Content warnings for this chapter")."""
    return _bare_label().fullmatch(text) is not None


# What a label may say after it, where the list stands and how loud: "CWs below:", "TRIGGER WARNING!".
_LABEL_PLACE = re.compile(
    r"(?:[ \t]+(?:below|ahead|under[ \t]+the[ \t]+cut))?[ \t]*!+|[ \t]+(?:below|ahead|under[ \t]+the[ \t]+cut)$",
    re.IGNORECASE,
)


def notice_list(text: str) -> str | None:
    """A paragraph that is a warnings label on a line of its own over a list, as one declaration
    ("【注意】" over "・死ネタ" and "・捏造過多" reads "注意: 死ネタ, 捏造過多"; "Warnings:" over "- blood");
    None for any other paragraph. Pixiv and Narou authors open a chapter so: the paragraph is
    the chapter's note, and the warnings it names are declared (the rest, "キャラ崩壊", only noted)."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS:
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not 2 <= len(lines) <= NOTICE_ITEMS + 1:
        return None
    head = trim_ornaments(lines[0]).strip(LABEL_FRAME)
    if not head or _bare_label().fullmatch(head) is None:
        return None
    # (an emoji for a bullet, "🩸 blood", is an ornament: trimmed as one)
    items = [trim_ornaments(_LIST_ITEM.sub("", line)).strip().rstrip(",;、，；") for line in lines[1:]]
    if any(not item or len(item) > NOTICE_LINE_CHARS or any(mark in item for mark in '"“”「」『』') for item in items):
        return None
    if _LABEL_PLACE.search(head) and not maps_any(", ".join(items)):
        return None  # "Heads up!" over "- the sky" / "- the sea": a poem's, a label only over warnings
    return f"{_LABEL_PLACE.sub('', head)}: " + ", ".join(items)  # "CWs below:" declares as "CWs:"


@cache
def _notice() -> re.Pattern[str] | None:
    notices = declaration_cues().notices
    # A notice may stand in a frame of its own: "【慎入】", "［注意避雷］".
    return (
        re.compile(rf"([【《〈［\[])?(?:{notices})(?(1)[】》〉］\]])[。！!．.…]*", re.IGNORECASE) if notices else None
    )


def reader_notice(text: str) -> bool:
    """Whether a paragraph is notices to readers, a line each ("地雷注意", "苦手な方はブラウザバック推奨",
    the notices of declared.json's languages), with declarations among them: a note, never story
    text (a story's "足元に注意" or a line in quotes is not one)."""
    notice = _notice()
    lines = [trim_ornaments(line.strip()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if (
        notice is None
        or not lines
        or not any(len(line) <= NOTICE_LINE_CHARS and notice.fullmatch(line) for line in lines)
    ):
        return False
    return all(
        (len(line) <= NOTICE_LINE_CHARS and notice.fullmatch(line)) or declaration_line(line) or reference_marked(line)
        for line in lines
    )


def extract_declarations(text: str) -> tuple[list[str], str, str]:
    """Warnings declared inline ("TW for miscarriage", "死ネタあり。"), the text before them, and after.

    The text before the first declaration is what the author meant as summary; anything
    after it is an aside ("Permission to end me: granted.") and belongs with the notes.
    """
    labelled = (
        [match.span() for match in _declaration().finditer(text) if _is_declaration(match)]
        if _declaration_hint().may_match(text)
        else []
    )
    found = sorted(labelled + _marked_spans(text, labelled))
    if not found:
        return [], text.strip(), ""
    declared = [trim_ornaments(text[start:end]) for start, end in found]
    before = text[: found[0][0]].strip()
    after = text[found[-1][1] :].strip()
    if before.endswith(_ASIDE_OPENS) and after.startswith(_ASIDE_CLOSES):  # "... home. (TW: death)"
        before, after = before[:-1].rstrip(), after[1:]
    return declared, before, after.lstrip(".!;,。！；， \t").strip()


_ASIDE_OPENS = tuple("([（【")  # the brackets around a declaration go with it
_ASIDE_CLOSES = tuple(")]）】")


# A sentence or line of a text, for declarations without a label ("流血表現あり。", "#死ネタ #流血"):
# each is read whole, so a sentence of the story using the same words is never cut into one.
_SEGMENT = re.compile(r"[^\n。！？.!?]+")
_UP_TO_BOUNDARY = re.compile(r".*[\n。！？.!?]", re.DOTALL)


def _marked_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the sentences and lines that declare with markers instead of a label stand
    (see :func:`bot.warnings.declared.marked_list`), but for those inside a labelled declaration.

    Only a sentence holding a marker is read, found from the marker back to the sentence's start
    (no further than a declaration is long): a note of a hundred thousand sentences costs no more
    than a look for markers in it."""
    spans: list[tuple[int, int]] = []
    reach = 0
    for position in marker_positions(text):
        if position < reach:
            continue
        window = max(0, position - MARKED_LINE_CHARS)
        head = _UP_TO_BOUNDARY.match(text, window, position)
        start = head.end() if head else window
        segment = _SEGMENT.match(text, start)
        if segment is None:
            continue
        reach = segment.end()
        if head is None and window > 0:  # the sentence starts further back: too long to be one
            continue
        begin, end = segment.span()
        if not any(begin < stop and taken_start < end for taken_start, stop in taken) and marked_list(segment.group()):
            spans.append((begin, end))
    return spans


# A note's sentences: "CW for this chapter: self-harm. Next chapter: TW suicide." holds two.
NOTE_SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])\s*|\n+")
# "Next chapter: TW suicide", "CW for the next chapter", "heads up for the upcoming chapter": the
# author warns of the chapter after the one the note is under (end notes often do).
# The same in the languages of declared.json: "CW für das nächste Kapitel", "dans ce chapitre".
# A web serial's or webtoon site's "episode" (Tapas, Webtoon Canvas) is its chapter.
# "in the next one" is the next chapter too ("tw for self harm in the next one"), as "in this one" is this.
_NEXT_CHAPTER = (
    r"(?:next|upcoming|following|coming)\s+(?:chapter|part|update|instal+ment|episode)"
    r"|(?<=the )(?:next|upcoming|following)\s+one\b"
)
_THIS_CHAPTER = r"(?:this|today'?s)\s+(?:chapter|part|update|instal+ment|episode)"
# A farewell naming the next chapter ("see you in the next one!", "until the next chapter", "stay tuned for
# the next part") says nothing of what it holds: a warning after it is read as if the farewell were not there.
_FAREWELL = re.compile(
    r"\b(?:(?:see|catch)\s+(?:you|ya|y'?all|u)(?:\s+(?:all|guys|again|later|soon))?\s+(?:in|at|for|with|on)"
    r"|(?:until|till|'?til)|stay\s+tuned\s+for)\s+the\s+(?:next|upcoming|following)\b",
    re.IGNORECASE,
)


@cache
def _chapter_phrase_hint() -> LiteralHint:
    """A quick no for a note naming neither chapter: the phrases' search took 35 µs a sentence."""
    return LiteralHint(chapter_phrases())


@cache
def _declaration_hint() -> LiteralHint:
    """A quick no for text holding no declaration label (every declaration's match holds one)."""
    return LiteralHint([_declaration()])


@cache
def chapter_phrases() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The phrases naming the next chapter and this one, in English and the languages of declared.json."""
    cues = declaration_cues()
    return (
        re.compile(rf"(?:\b|(?=[{UNSPACED_CHARS}]))(?:{_NEXT_CHAPTER}|{cues.next_chapter}){_ENDS}", re.IGNORECASE),
        re.compile(rf"(?:\b|(?=[{UNSPACED_CHARS}]))(?:{_THIS_CHAPTER}|{cues.this_chapter}){_ENDS}", re.IGNORECASE),
    )


def declare_chapter_warnings(story: Story) -> Story:
    """Each chapter's own declared warnings, from its notes and summary, whatever the format (and the
    story's, from its title: "Small Fires (TW: self-harm)").

    "CW for this chapter: self-harm" in chapter 2's notes is the author's warning for chapter 2:
    that chapter carries it, the others do not (the story's own tags and notes stay story-wide).
    "CW for the next chapter: suicide" in its end notes warns of chapter 3, and chapter 3 carries
    it. Under the last chapter it warns of a chapter not posted yet, so it lands on no chapter (the
    note stays the last chapter's note; `/story update` with that chapter reads it again and places
    it there): the last chapter holds none of it. A warning in a sentence of its own after one that names
    the next chapter is for either (see :func:`_note_sentences`), so both carry it.
    The note itself stays a note, never story text. Returned for chaining.

    Each chapter's warnings are gathered once, in order: a note of hundreds of thousands of
    declarations is read in one pass. The sentences read are capped per note and for the story
    (MAX_NOTE_SENTENCES, MAX_STORY_NOTE_SENTENCES in bot/story/limits.py); past them notes stay notes, unread.
    """
    chapters = story.chapters
    named = ChaptersByNumber(chapters)
    gathered = [dict.fromkeys(chapter.declared_warnings) for chapter in chapters]
    story_wide: dict[str, None] = {}
    read: dict[str, tuple[tuple[int, list[str]] | None, list[str], bool]] = {}  # each sentence said again: once
    budget = MAX_STORY_NOTE_SENTENCES  # sentences left to read, over every note of the story
    declared, title = title_declarations(story.meta.title)  # "Small Fires (TW: self-harm)"
    if declared and title:
        story.meta.title = title
        story_wide.update(dict.fromkeys(declared))
    for index, chapter in enumerate(chapters):
        if chapter.title:  # "The Fall (TW: suicide)": the title keeps its words, the chapter the warning
            declared, chapter.title = title_declarations(without_pointer_aside(chapter.title))
            gathered[index].update(dict.fromkeys(declared))
        following = index + 1 if index + 1 < len(chapters) else None  # nothing follows the last chapter
        for note in dict.fromkeys(chapter.notes):  # a note said again declares nothing more: read once
            for sentence, targets in _note_sentences(notice_list(note) or note, index, following):
                if budget == 0:
                    break  # 2,500 notes of 199 different sentences each took 4.9 s
                budget -= 1
                if _SAYS_NOTHING.fullmatch(sentence):
                    continue  # ". . . ." split a note into a million sentences of a stop each (4 s)
                numbered, warnings, story_scope = read.get(sentence) or read.setdefault(
                    sentence, _sentence_declarations(sentence)
                )
                if numbered is not None and (at := named.index(numbered[0])) is not None:
                    gathered[at].update(dict.fromkeys(numbered[1]))  # "chapter 4 contains ..."
                    continue
                if story_scope:
                    story_wide.update(dict.fromkeys(warnings))  # "Content warning for the whole story: ..."
                    continue
                for warning in warnings:
                    for target in targets:
                        gathered[target].setdefault(warning)
    for chapter, warnings in zip(chapters, gathered, strict=True):
        chapter.declared_warnings = list(warnings)
    story.meta.declared_warnings.extend(
        warning for warning in story_wide if warning not in story.meta.declared_warnings
    )
    return story


# A sentence of ASCII stops, brackets and spaces only: no declaration, nothing to read.
_SAYS_NOTHING = re.compile(r"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]*")


def _sentence_declarations(sentence: str) -> tuple[tuple[int, list[str]] | None, list[str], bool]:
    """What a note's sentence declares: for a chapter it names by number ("chapter 4 contains ..."),
    else its warnings, and whether it says they are for the whole story."""
    numbered = numbered_chapter_holds(sentence)
    warnings = (
        extract_declarations(sentence)[0]
        or chapter_holds(sentence)
        or _there_is(sentence)
        or _chapter_holds_in_other_words(sentence)
    )
    story_scope = bool(warnings) and bool(_STORY_SCOPE.search(sentence)) and not this_or_next(sentence)
    return numbered, warnings, story_scope


# A declaration saying it is for the whole story, wherever its note stands: "Content warning for the
# whole story: ...", "CWs for the entire fic", "story-wide TWs", "TW (all chapters): ...". Under the
# first chapter's heading it was that chapter's alone.
_STORY_SCOPE = re.compile(
    r"\b(?:(?:for|in|across|throughout)[ \t]+(?:the[ \t]+|this[ \t]+)?(?:whole|entire|full)[ \t]+"
    r"(?:story|fic|fanfic|work|series|book|thing|serial)"
    r"|(?:for|in|across|throughout)[ \t]+(?:all|every)[ \t]+(?:the[ \t]+)?(?:chapters?|parts?)"
    r"|(?:story|fic|work|series)[ \t]*-?[ \t]*wide)\b",
    re.IGNORECASE,
)


def this_or_next(sentence: str) -> bool:
    """Whether a sentence names this chapter or the next ("for this chapter", "next part")."""
    next_chapter, this_chapter = chapter_phrases()
    return bool(next_chapter.search(sentence) or this_chapter.search(sentence))


def lists_only(text: str) -> bool:
    """Whether a paragraph only lists warnings or short items ("drowning, grief, a funeral"), as what
    a label a paragraph over it declares must: a sentence under "Warnings" is the story's."""
    first = text.split("\n", 1)[0]
    return lists_warnings(first) or lists_declared(f"Warnings: {first}", known_needed=False)


# The longest title read for the warnings it declares: what tidy.one_line reads of a title to show it.
TITLE_DECLARATION_CHARS = 4 * MAX_TITLE_CHARS


def title_declarations(title: str) -> tuple[list[str], str | None]:
    """The warnings a chapter's title declares ("The Fall (TW: suicide)", a drabble's "Hospital
    Corners (T, CW: hospital)"), and the title without them (None when nothing else is left).
    Only a list of warnings: "Warning: Thin Ice" stays the title it is. A title longer than
    :data:`TITLE_DECLARATION_CHARS` declares nothing: it is cut to MAX_TITLE_CHARS when shown, and a
    "Title:" line of 4 MB of spaces before its "(TW: suicide)" was read for declarations whole (2.4 s of CPU)."""
    if len(title) > TITLE_DECLARATION_CHARS:
        return [], title
    declared, before, after = extract_declarations(title)
    # (under a TW or CW label, a list with a warning the taxonomy has no id for: "[TW: drowning, suicide]")
    if not declared or not all(
        lists_warnings(item) or (_TW_CW.match(item) and lists_declared(item)) for item in declared
    ):
        return [], title  # "Warning: Thin Ice" is a title
    rest = _DANGLING_ASIDE.sub("", before) or after
    return declared, rest.strip() or None


_TW_CW = re.compile(
    r"[ \t]*(?:tw|cw|t/w|c/w|trigger[ \t]+warnings?|content[ \t]+(?:warnings?|notes?))s?\b", re.IGNORECASE
)
# "Hospital Corners (T," before its CW. Looked for from the start of a run of spaces only, taken whole:
# from each space of a run, the run was read to its end (a title of 20,000 spaces before its "(TW: ...)"
# took 1.6 s). The same match: the one from a run's start is the leftmost.
_DANGLING_ASIDE = re.compile(r"(?<![ \t])[ \t]*+[(\[](?:[^()\[\]]{0,20},)?[ \t]*$")


# What a sentence says a chapter or a work holds: "(will) contain", "has", "deals with" ... and what, up to its end.
# "Next chapter: major character death" says the same with a colon.
HOLDING = (
    r"(?:[ \t]+(?:will[ \t]+)?(?:contains?|has|have|includes?|features?|deals?[ \t]+with|discusses|explores"
    r"|mentions?|touches[ \t]+on|gets?[ \t]+into|is[ \t]+about)(?::(?=[ \t]))?|[ \t]*[:–—])[ \t]+(?P<what>[^.!?\n]{1,200})"
)
_HOLDS = re.compile(rf"\b(?:the[ \t]+)?(?:{_NEXT_CHAPTER}|{_THIS_CHAPTER}){HOLDING}", re.IGNORECASE)
# A note's sentence that names the chapter by what it holds: "NSFW chapter!", "Smut chapter ahead".
_NAMED_CHAPTER = re.compile(
    r"\W*(?:(?:an?|the|another)[ \t]+)?(?P<what>[^.!?\n]{1,60}?)[ \t]+chapter(?:[ \t]+(?:ahead|incoming|warning))?[ \t!.~]*",
    re.IGNORECASE,
)


# A sentence naming a chapter by its number: "chapter 2 contains self-harm", "ch. 4 has a suicide attempt".
_NUMBERED_HOLDS = re.compile(
    rf"\b(?:the[ \t]+)?(?:chapter|ch\.?|part)[ \t]*(?P<number>\d{{1,4}})(?!\d){HOLDING}", re.IGNORECASE
)


NUMBERED = r"(?:the[ \t]+)?(?:chapter|ch\.?|part)[ \t]*(?P<number>\d{1,4})(?!\d)"
# The same said the other way round: "the violence is in chapter 2", "the self-harm happens in ch 3",
# "chapter 3 is where the self-harm is". What it names must be warnings: "the best bit is in chapter 2"
# is no declaration. Each part of a sentence between commas is tried ("heads up, the violence is in
# chapter 2"), less a word joining it on ("so", "but", "also").
_IN_NUMBERED = re.compile(
    r"[ \t]*(?:(?:so|but|and|also|btw|fyi|just[ \t]+so[ \t]+you[ \t]+know)[ \t]+)?(?P<what>[^.!?\n,;:()]{1,80}?)"
    # (or with no verb, a note's list: "mentions of suicide in ch 3")
    r"(?:[ \t]+(?:is|are|happens?|comes?[ \t]+(?:up|in)|shows?[ \t]+up|starts?|kicks?[ \t]+in))?"
    rf"[ \t]+(?:(?:only|all|mostly|mainly)[ \t]+)?in[ \t]+{NUMBERED}[ \t!.~]*",
    re.IGNORECASE,
)
_NUMBERED_IS_WHERE = re.compile(
    rf"[ \t]*{NUMBERED}[ \t]+is[ \t]+where[ \t]+(?P<what>[^.!?\n,;:()]{{1,80}}?)"
    r"(?:[ \t]+(?:is|are|happens?|comes?[ \t]+in|starts?|gets?[ \t]+(?:heavy|dark|bad|rough|intense)))?[ \t!.~]*",
    re.IGNORECASE,
)
DIALOGUE_MARKS = frozenset('"“”„«»「」')


class ChaptersByNumber:
    """Which chapter an author's "chapter 4" names: the one its heading numbers 4 when the headings
    number chapters once each (a "Prologue" before "Chapter 1" makes "Chapter 4" the fifth), else the
    fourth; ``None`` when there is no such chapter. Read once for a story's notes."""

    def __init__(self, chapters: list[Chapter]) -> None:
        self._count = len(chapters)
        numbers = [chapter.heading_number for chapter in chapters]
        given = [number for number in numbers if number is not None]
        self._at = (
            {number: index for index, number in enumerate(numbers) if number is not None}
            if given and len(set(given)) == len(given)
            else None
        )

    def index(self, number: int) -> int | None:
        if self._at is not None:
            return self._at.get(number)
        return number - 1 if 0 < number <= self._count else None


def numbered_chapter_holds(sentence: str) -> tuple[int, list[str]] | None:
    """The chapter a sentence names by its number and the warnings it says that chapter holds
    ("Heads up, chapter 2 contains self-harm and blood", "ch 3 has the self-harm stuff"), or where a
    warning is ("the violence is in chapter 2", "chapter 3 is where the self-harm is"); None when it
    names none or no warning. A sentence with dialogue in it ("Chapter 2 has the violence," she said)
    is a story's, never the author's word on a chapter."""
    if len(sentence) > DECLARATION_PARAGRAPH_CHARS or not DIALOGUE_MARKS.isdisjoint(sentence):
        return None
    bare = ASIDE.sub("", sentence)  # "(not graphic)"
    found = _NUMBERED_HOLDS.search(bare)
    held = _held(found)
    if found is not None and held:
        return int(found.group("number")), held
    for part in re.split(r"[,;:–—]", bare):
        where = _IN_NUMBERED.fullmatch(part) or _NUMBERED_IS_WHERE.fullmatch(part)
        if where is not None and (lists_warnings(what := where.group("what")) or lists_declared(what)):
            return int(where.group("number")), [part.strip().rstrip("!.~ ")]
    return None


def chapter_holds(sentence: str) -> list[str]:
    """A note's sentence saying what a chapter holds, "next chapter contains major character death",
    as its declaration, when what it names are warnings; no label over it, so only in a note."""
    if len(sentence) > DECLARATION_PARAGRAPH_CHARS:
        return []
    named = _NAMED_CHAPTER.fullmatch(sentence.strip())
    if named is not None and lists_warnings(named.group("what")):
        return [named.group("what").strip()]  # "NSFW chapter!", "smut chapter ahead"
    return _held(_HOLDS.search(sentence))


# A chapter note's "heads up this one gets heavy, there's a fight and some blood": what there is.
_THERE_IS = re.compile(
    r"\bthere(?:['’]s|[ \t]+is|[ \t]+are|[ \t]+will[ \t]+be|['’]ll[ \t]+be)[ \t]+(?:(?:some|also|a[ \t]+bit[ \t]+of)[ \t]+)?"
    r"(?P<what>[^.!?\n:;]{1,120})",
    re.IGNORECASE,
)


def _there_is(sentence: str) -> list[str]:
    """What a chapter note's sentence says there is in the chapter, when it names warnings and nothing
    else ("there's a fight and some blood"); asked only of an author's note, never of story text."""
    if len(sentence) > DECLARATION_PARAGRAPH_CHARS or not DIALOGUE_MARKS.isdisjoint(sentence):
        return []
    found = _THERE_IS.search(sentence)
    if found is None:
        return []
    what = found.group("what").strip().rstrip("!~ ")
    return [what] if lists_warnings(what) or lists_declared(f"Warnings: {what}") else []


_HOLDING_VERB = re.compile(r"[ \t]*[^\W\d_]{2,20}[ \t]+")  # the verb after the chapter: "contiene", "enthält"


def _chapter_holds_in_other_words(sentence: str) -> list[str]:
    """What a note's sentence in another language says this chapter or the next holds ("Nota: este
    capítulo contiene autolesiones.", "Dieses Kapitel enthält Gewalt."): the words for the chapter
    (declared.json's), one word for the verb, then warnings and nothing else."""
    if len(sentence) > DECLARATION_PARAGRAPH_CHARS or not DIALOGUE_MARKS.isdisjoint(sentence):
        return []
    next_chapter, this_chapter = chapter_phrases()
    found = this_chapter.search(sentence) or next_chapter.search(sentence)
    if found is None:
        return []
    verb = _HOLDING_VERB.match(sentence, found.end())
    if verb is None:
        return []
    what = sentence[verb.end() :].strip().rstrip("!.~ ")
    return [what] if what and lists_declared(f"Warnings: {what}") else []


def _note_sentences(note: str, this: int, following: int | None) -> Iterator[tuple[str, tuple[int, ...]]]:
    """Each sentence of a chapter's note, with the chapters (indexes) its warnings are for.

    A sentence naming the next chapter ("CW for the next chapter: suicide") or this one is for
    that chapter. A sentence naming neither, after one naming the next chapter, is for both:
    in an end note ("The next chapter is a heavy one. TW: suicide") it warns of the next chapter,
    but in a note before the text ("Sorry for the wait, the next chapter will be quicker. CW:
    self-harm") of this one, and the note does not say which it is. With no next chapter
    (``following`` None: the last one), a sentence naming it is for no chapter. A farewell naming it
    ("Thanks for reading, see you in the next one!") changes nothing: the warning after it is this one's.

    Only the first MAX_NOTE_SENTENCES are read (see bot/story/limits.py): a note declares near its start.
    """
    sentences = NOTE_SENTENCE.split(note, maxsplit=MAX_NOTE_SENTENCES)[:MAX_NOTE_SENTENCES]  # the rest unread
    if not _chapter_phrase_hint().may_match(note):  # names neither chapter (most notes): each is for this one
        yield from ((sentence, (this,)) for sentence in sentences)
        return
    next_chapter, this_chapter = chapter_phrases()
    targets: tuple[int, ...] = (this,)
    for sentence in sentences:
        if next_chapter.search(sentence) and _FAREWELL.search(sentence) and not _declaration_hint().may_match(sentence):
            yield sentence, targets  # "See you in the next one!": a farewell, no word of what the chapter holds
        elif next_chapter.search(sentence):
            yield sentence, () if following is None else (following,)
            targets = (this,) if following is None else (this, following)
        elif this_chapter.search(sentence):
            yield sentence, (this,)
            targets = (this,)
        else:
            yield sentence, targets


# A paragraph that is nothing but declarations is short; a longer one is story text, read no further.
DECLARATION_PARAGRAPH_CHARS = 600
# An aside in a declaration: "TW: self-harm (mentioned)", "CW: blood [brief]".
_FIRST_LETTER = re.compile(r"[^\W_]")  # a letter or digit, as str.isalnum has them
_MARKED_SCRIPT = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")  # CJK, kana, Hangul, full width
ASIDE = re.compile(r"\([^()\n]{0,80}\)|\[[^\[\]\n]{0,80}\]")
_BARE_WARNING = re.compile(r"warnings?\b", re.IGNORECASE)
# "in this one", "for this chapter" closing a bare "tw self harm": where the warnings are, not one of them.
# (Looked for from the start of a run of spaces only: from each of its spaces, a run was read again.)
_IN_THIS_CHAPTER = re.compile(
    r"(?<![ \t])[ \t]+(?:in|for|throughout)[ \t]+(?:this|today'?s)[ \t]+(?:one|chapter|part|update|instal+ment)[ \t]*$",
    re.IGNORECASE,
)
_PLURAL_WARNINGS = re.compile(r"warnings\b", re.IGNORECASE)
# A paragraph is asked twice or more (a chapter's opening, its middle, its end), and a file may say
# one a hundred thousand times ("TW: blood" over and over): each answer is kept for the next ask.
DECLARATIONS_CACHED = 4096


@lru_cache(maxsize=DECLARATIONS_CACHED)
def declaration_paragraph(text: str) -> bool:
    """Whether a whole paragraph is the author's declaration, set in the story with no "A/N:" over it.

    Authors very often open a chapter with "CW for this chapter: self-harm." or "TW: blood, death"
    alone, or end it with "CW for the next chapter: suicide": posted as the chapter, that warns
    nobody. Each line must be declarations and nothing else (stops, an aside in brackets, the words
    for this or the next chapter), each beyond doubt (see :func:`_sure_declaration`). A sentence
    of the story that mentions a warning, or "Warning: the stairs are steep", stays story text.
    """
    if len(text) > DECLARATION_PARAGRAPH_CHARS:
        return False
    lines = [trim_ornaments(line.strip()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    found = False
    for line in lines:  # a line to readers beside the list ("please take care of yourselves <3") says no more
        if _declarations_only(line):
            found = True
        elif not reader_aside(line):
            return False
    return found


# What an author says to readers around a warning, no story and no warning: "Stay safe!", "Hi
# everyone! Quick CW: ... Enjoy!", "please take care of yourselves <3".
_READER_ASIDE = re.compile(
    r"(?:(?:hi|hey|hello|heya)(?:[ \t]+(?:everyone|everybody|all|guys|friends|y'?all|lovelies|folks|loves))?"
    r"|(?:please[ \t]+)?(?:stay|be|read)[ \t]+safe(?:ly)?(?:[ \t]+(?:everyone|guys|friends|y'?all|loves))?"
    r"|(?:please[ \t]+)?(?:take[ \t]+care|look[ \t]+after[ \t]+yourselves?|mind[ \t]+yourselves?)"
    r"(?:[ \t]+of[ \t]+(?:yourselves?|you))?(?:[ \t]+(?:everyone|guys|friends|y'?all|loves))?"
    r"|enjoy(?:[ \t]+(?:the[ \t]+chapter|reading))?|happy[ \t]+reading|love[ \t]+(?:you|ya|u)(?:[ \t]+(?:all|guys))?"
    r"|thank(?:s|[ \t]+you)(?:[ \t]+(?:for[ \t]+reading|so[ \t]+much|all))?|sorry|quick|(?:just[ \t]+)?(?:a[ \t]+)?heads[ \t]+up"
    r"|be[ \t]+gentle|ily|xoxo|xx|(?:read|proceed)[ \t]+(?:at[ \t]+your[ \t]+own[ \t]+risk|with[ \t]+caution)"
    # "so skip it if you need to", "feel free to skip that one": after the chapter a warning names
    r"|(?:so[ \t]+)?(?:(?:feel[ \t]+free[ \t]+to|you[ \t]+can|you[ \t]+may)[ \t]+)?"
    r"skip[ \t]+(?:it|that[ \t]+one|this[ \t]+one|ahead)(?:[ \t]+if[ \t]+you[ \t]+(?:need|want|have)[ \t]+to)?)"
    r"[ \t]*(?:[!.~,]+|<3+|♥|❤️?|:\)|\s)*",
    re.IGNORECASE,
)


def reader_aside(text: str) -> bool:
    """Whether ``text`` only greets, thanks or looks after readers (see :data:`_READER_ASIDE`)."""
    text = text.strip().strip("*_~ \t")
    return 0 < len(text) <= 80 and _READER_ASIDE.fullmatch(text) is not None


def _declarations_only(line: str) -> bool:
    """Whether a line holds declarations and, around them, no words but this chapter or the next."""
    if not may_be_declarations(line):
        return False
    found = [match for match in _declaration().finditer(line) if _is_declaration(match)]
    if not all(_sure_declaration(match) for match in found):
        return False
    labelled = [match.span() for match in found]
    spans = sorted(labelled + _marked_spans(line, labelled))
    if not spans:
        return False
    bounds = [0, *itertools.chain.from_iterable(spans), len(line)]
    residue = " ".join(line[start:end] for start, end in zip(bounds[::2], bounds[1::2], strict=True))
    next_chapter, this_chapter = chapter_phrases()
    residue = this_chapter.sub(" ", next_chapter.sub(" ", ASIDE.sub(" ", residue)))
    # "流血表現があります。ご注意ください。": a sentence of a marker alone says no more than the declaration.
    return all(
        not any(char.isalnum() for char in segment) or marker_only(segment) or reader_aside(segment)
        for segment in _SEGMENT.findall(residue)
    )


def may_be_declarations(line: str) -> bool:
    """A quick no for a line of prose, before :func:`_declarations_only` reads all of it.

    Every letter of a line of declarations is in a declaration, an aside in brackets or the
    words for this chapter or the next (the rest of the line may hold no letter), so its first
    letter starts one of those: one try of each there decides a line of the story, where reading
    the whole line against every language's labels took 40 µs a line (a chapter's opening
    paragraphs are checked in every story). A line in a script with markers after the warning
    ("死ネタあり") is read whole.
    """
    if _MARKED_SCRIPT.search(line):
        return True
    first = _FIRST_LETTER.search(line)
    if first is None:
        return False
    start = first.start()
    if "(" in line[:start] or "[" in line[:start]:
        return True
    next_chapter, this_chapter = chapter_phrases()
    patterns = (_declaration(), next_chapter, this_chapter)
    if any(pattern.match(line, start) for pattern in patterns):
        return True
    moved = start
    for _ in range(3):  # past a greeting: "Hi everyone! Quick CW: ..."
        aside = _READER_ASIDE.match(line, moved)
        after = _FIRST_LETTER.search(line, aside.end()) if aside is not None and aside.end() > moved else None
        if after is None:
            break
        moved = after.start()
    return moved != start and any(pattern.match(line, moved) for pattern in patterns)


def _sure_declaration(match: re.Match[str]) -> bool:
    """A declaration no story sentence reads as: a TW, CW or content-warning label (in any language
    of declared.json), or a label that is also an ordinary word ("Warning:", "Avertissement :")
    over a list of warnings the taxonomy knows ("Warning: blood and gore", not "Warning: the
    stairs are steep" or "Warning: death was near", see :func:`lists_warnings`), unless a frame
    of its own sets it apart ("【注意】死ネタ、捏造過多": the notice also names what is no warning)."""
    if _FRAMED_LABEL.match(match.group(0)):
        return True  # "【注意】死ネタ、捏造過多": a notice, whatever else it names
    if match.group("generic") is not None:
        return lists_warnings(match.group(0))
    if _BARE_WARNING.match(match.group(0)):
        # "Warnings: drowning, death of a parent": authors list what the taxonomy has no id for; under
        # "Warnings:" a list of such alone ("Warnings: drowning, hospitals") is one too, "Warning: high voltage" no list.
        text = match.group(0)
        return lists_warnings(text) or lists_declared(text, known_needed=not _PLURAL_WARNINGS.match(text))
    return True


def _is_declaration(match: re.Match[str]) -> bool:
    """'Warning: blood' declares; 'without warning - she ran' is prose.

    A label that is also an ordinary notice in its language ("Aviso: el capítulo llega tarde",
    "Avertissement : les personnages sont à J. K. Rowling") declares only where it starts a
    sentence and a warning the taxonomy knows follows it ("Aviso: muerte, violencia").
    """
    text = match.group(0)
    if _negated(match):
        return False
    head = text.split(None, 1)[0].lower()
    if match.group("bare") is not None:
        # "TW suicide", "cw self-harm and blood": only TW and CW go without a colon, and only before
        # a list of warnings the taxonomy knows ("tw spoilers ahead" is not one). The chapter it is
        # for may follow the list ("tw self harm in this one", as "tw for self harm in this one").
        # (or a list with a warning Dogear has no id for beside one it has: "tw grief, death of a grandparent")
        if len(text) > 160:
            return False
        listed = _IN_THIS_CHAPTER.sub("", text)
        return lists_warnings(listed) or lists_declared(listed)
    if match.group("generic") is not None:
        before = match.string[max(0, match.start() - GENERIC_LABEL_CHARS) : match.start()]
        starts = trim_ornaments(before).endswith(tuple(".!?:;([（\n。！？：；")) or not trim_ornaments(before)
        return starts and len(text) <= 160 and maps_any(text)
    if head.startswith(("tw", "cw", "t/w", "c/w")):
        return True
    return len(text) <= 160


# "No warnings for this chapter beyond the tags", "no other TWs for this one": a label an absence stands
# before declares nothing. Read as a declaration, "warnings for this chapter beyond the tags" was
# shown to admins as the author's words Dogear could not place.
# German too: "Keine Triggerwarnungen für dieses Kapitel", "keine weiteren Warnungen".
_NEGATION = re.compile(
    r"(?<![\w'’])(?:no|zero|without|not[ \t]+any|keine|keinerlei|ohne)[ \t]+"
    r"(?:(?:other|further|more|additional|extra|new|specific|real|major|big|serious|heavy"
    r"|weiteren|anderen|besonderen|echten|gro(?:ß|ss)en)[ \t]+)?$",
    re.IGNORECASE,
)
NEGATION_CHARS = 24  # how far back a label looks for the word that negates it


def _negated(match: re.Match[str]) -> bool:
    """A declaration's label right after a word for none ("No warnings for this chapter ...")."""
    before = match.string[max(0, match.start() - NEGATION_CHARS) : match.start()]
    return bool(before) and _NEGATION.search(before) is not None


# What leads up to the list in such a sentence ("some heavy stuff, including self-harm") and the
# chat after it ("some smut in it lol", "a lot of blood, so be careful"): neither is a warning.
_HELD_LEAD = re.compile(
    r"^(?:.{0,120}?\b(?:including|incl\.|such[ \t]+as|e\.g\.,?|namely)|[^,]{0,120},[ \t]*(?:like|mostly|mainly|especially))[ \t]+",
    re.IGNORECASE,
)
_HELD_TAIL = re.compile(
    r"(?:[ \t]+(?:in[ \t]+(?:it|this[ \t]+one|this[ \t]+chapter|there)|here|(?:so[ \t]+)?(?:be[ \t]+careful|beware)"
    r"|fair[ \t]+warning|lol|lmao|haha+|hehe+|oops|xd|ngl|tbh|:\)|;\)|<3+))+[ \t!.~]*$",
    re.IGNORECASE,
)


def _held(found: re.Match[str] | None) -> list[str]:
    """The words of a sentence saying what a work or a chapter holds, up to what it names ("This fic
    contains depictions of self-harm", not its ", please take care"), when those are warnings."""
    if found is None:
        return []
    pieces = [_HELD_TAIL.sub("", piece) for piece in _HELD_LEAD.sub("", found.group("what"), count=1).split(",")]
    while len(pieces) > 1 and (not pieces[-1].strip() or reader_aside(pieces[-1])):
        pieces.pop()
    what = ",".join(pieces)
    # Such a sentence says it lists what the work holds: one warning known among things Dogear has
    # no id for ("miscarriage, infertility, and grief") declares it, as a labelled list does; read
    # as known warnings only, the whole sentence declared nothing.
    if not (lists_warnings(what) or lists_declared(what)):
        return []
    return [found.group(0)[: found.start("what") - found.start(0)].strip() + " " + what.strip()]


def reference_marked(text: str) -> bool:
    """Whether every line of a paragraph opens with a reference mark ("※この作品はフィクションです。").

    Japanese authors set their asides to readers that way, above the story or at a chapter's
    start: notes, disclaimers and warnings. The story's own text never opens with one.
    """
    lines = [line.strip(" \t\u3000") for line in text.splitlines() if line.strip(" \t\u3000")]
    return bool(lines) and all(line.startswith("※") for line in lines)


def unbracketed(text: str) -> str:
    """A line set whole in brackets, without them."""
    if len(text) > 2 and text[0] + text[-1] in ("()", "[]") and text.count(text[0]) == 1:
        return text[1:-1].strip()
    return text
