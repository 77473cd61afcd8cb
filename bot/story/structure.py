"""Chapters, scenes and paragraphs from text, the way authors actually mark them.

Authors mark chapters with headings ("Chapter 3: The Ford", "CHAPTER III", "Prologue",
"Part Two", Markdown "#") and scenes with a divider line ("***", "~~~", "o0o", a lone "#")
or just a wider gap of blank lines. Text is split into items first, then assembled, so the
plain-text, Markdown and HTML importers share one notion of structure.

Some marks can only be read over the whole text: a lone "II." is a heading only when "I."
came before it, and an indented line starts a paragraph only in a text whose paragraphs are
marked by indents rather than blank lines. Those are decided once per text, never per line.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TypeGuard

from bot.story import ordinals
from bot.story.errors import StoryFormatError
from bot.story.invisible import NEVER_TEXT
from bot.story.metadata_fields import word_count_line
from bot.story.model import Chapter, Scene
from bot.text import quote_input

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last"
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,7}}|[ivxlcdm]{{1,8}}|(?:{_TENS})(?:[\s-]?(?:{_UNITS}))?|{_TEENS}|{_UNITS}|{_ORDINALS})"
# "Book 2, Chapter 1: Sparks" (Royal Road, web serials): the chapter within the book.
_WITHIN = rf"(?:(?P<within>book|part|volume|vol|arc|season)(?:\.\s*|\s+)(?P<within_num>{_NUMBER})\s*[,:\-–—|]?\s*)?"
# Words books use for a chapter besides "chapter": Dickens's "STAVE I:  MARLEY'S GHOST" (A Christmas
# Carol), a poem's "CANTO I.", Doyle's "ADVENTURE I. A SCANDAL IN BOHEMIA", an epistolary novel's
# "LETTER I." (Frankenstein's opening letters); "VOLUME I." over chapters is a part, as "BOOK I." is.
# and a serial's "Episode 2", a diary's "Day 3", a journal's or a log's "Entry #1", "Log 3", "Session 2"
_CHAPTER_WORDS = "stave|canto|adventure|letter|episode|day|entry|log|session"
_PART_WORDS = "part|book|act|volume|arc"  # and a web serial's "Arc 2 - Embers"
# Of those, the words a story uses for other things too ("Letter 2" over a letter a character
# reads, "Volume 2" over a diary's second book, "Part 2" over the second half of a fic's chapter):
# a heading only in a run of its own, outside another word's chapter, over a chapter, or where
# the text marks its chapters no other way (:func:`lesser_headings_as_text`).
_LESSER_WORDS = frozenset((*_CHAPTER_WORDS.split("|"), *_PART_WORDS.split("|")))
_PART_KEY = "part"  # the lesser word of a part heading in another language ("Teil 2", "Часть вторая")
# A title's abbreviations keep their stops: "SEARCH FOR MR. HYDE" and "Mrs. Rachel Lynde is Surprised"
# are no sentences ending at "MR." or "Mrs.".
_TITLE_ABBREVIATION = re.compile(
    r"\b(Mr|Mrs|Messrs|Dr|St|Mme|Mlle|Capt|Col|Gen|Rev|Prof|Jr|Sr|Lt|Sgt|Mt)\.(?= )", re.IGNORECASE
)
_NUMBERED = re.compile(
    rf"^{_WITHIN}(?P<label>chapter|chap|ch|ep|{_CHAPTER_WORDS}|{_PART_WORDS})(?:\.\s*|\s+)"
    rf"(?P<the>the\s+(?=(?:{_ORDINALS})\b))?(?:\#\s*)?(?P<num>{_NUMBER})"  # Dickens's "Book the First", "Entry #4"
    r"(?P<sub>\.\d{1,3}(?!\d))?(?![\w'’])(?P<stop>\.)?"
    r"(?:\s*(?:of|/)\s*(?P<total>\d{1,5})(?![\w'’])|\s*\(of\s+(?P<bracketed_total>\d{1,5})\))?"  # "Chapter 1 of 3", "Part 2/5": how many there are
    r"(?:\s*(?:--|[:\-–—|])(?=\s*$)|(?P<sep>\s*(?:--|[:.\-–—|])\s*|\s+)(?P<title>\S.*?))?\s*$",  # "--": a typewriter's dash
    # (a separator with nothing after it, "Chapter 4:", sets the title on the line under it)
    re.IGNORECASE,
)
_NAV_ENTRIES = re.compile(r"(?:part|chapter|ch\.?)[ \t]*\d{1,4}(?:[ \t]*[|/•·][ \t]*|[ \t]*$)", re.IGNORECASE)
_PARENTHESISED = re.compile(r"^\((?P<inner>[^()]*\S[^()]*)\)$")  # "Chapter 2 (groupchat)"
_NAMED = re.compile(
    r"^(?:the\s+(?=(?:prologue|epilogue|interlude|afterword|foreword|preface|introduction)\b))?"  # Wilde's "THE PREFACE"
    r"(?P<label>prologue|epilogue|interlude|afterword|foreword|preface|introduction|coda|side story|bonus chapter"
    r"|special chapter|extra chapter|bonus|extra|special|omake)(?![\w'’])(?:\s+(?P<num>\d{1,4}|(?-i:[IVXL]{1,6}))(?![\w'’]))?"
    r"(?:\s+to\s+(?:the\s+)?(?:\w+\s+)?edition(?![\w'’]))?"  # "PREFACE TO FIRST EDITION"
    r"(?:\.|\s*[:.\-–—|]\s*(?P<title>\S.*?))?\s*$",
    re.IGNORECASE,
)
# Labels that are ordinary words too ("Extra: two eggs."): a heading only with a short title after them.
_WEAK_NAMED = frozenset(("bonus", "extra", "special", "omake"))

# Chapter headings in other languages: a label and a number, as "Chapter 3" is read. Numbers
# are digits, upper-case Roman numerals (a lower-case "di" or "vi" is a word) or the first
# few number words; the title after them follows the same rules as an English one.
_WORLD_NUMBER_WORDS = (
    "один|одна|первая|первый|вторая|второй|третья|третий|четвертая|четвёртая|пятая|шестая|седьмая|восьмая"
    "|девятая|десятая|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|primero|primera|segundo"
    "|segunda|tercero|tercera|um|dois|três|quatro|sete|oito|nove|dez|un|une|deux|trois|quatre|cinq|six|sept"
    "|huit|neuf|dix|premier|première|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|due|tre|quattro"
    "|cinque|sei|sette|otto|dieci|primo|jeden|dwa|trzy|cztery|pięć|satu|dua|tiga|empat|lima|bir|iki|üç|dört|beş"
)
_WORLD_CHAPTER_LABELS = (
    "глава|розділ|rozdział|rozdzial|kapitola|capítulo|capitulo|chapitre|kapitel|capitolo|hoofdstuk|kapittel"
    "|bölüm|bolum|bab|chương|chuong|kabanata|luku|fejezet|κεφάλαιο|פרק|الفصل"
)
_WORLD_PART_LABELS = "часть|частина|книга|том|parte|partie|teil|część|deel|kısım|bagian|phần|libro|livro|livre|buch"
_WORLD_TITLE = r"(?:(?P<sep>\s*[:.\-–—|、]\s*|\s+)(?P<title>\S.*?))?\s*$"
# Chinese, Japanese and Korean set a title in brackets straight after the number: "第二章「清晨」",
# "第2話【朝】", "제3화〈귀환〉"; the brackets are dropped as "Chapter 2 (groupchat)"'s are.
_CJK_TITLE = r"(?:(?P<sep>\s*[:.\-–—|、]\s*|\s+|(?=[「『【〈《(]))(?P<title>\S.*?))?\s*$"
_CJK_BRACKETED = re.compile(
    r"^(?:「(?P<a>[^「」]+)」|『(?P<b>[^『』]+)』|【(?P<c>[^【】]+)】|〈(?P<d>[^〈〉]+)〉|《(?P<e>[^《》]+)》)$"
)
_WORLD_NUMBERED = re.compile(
    rf"^(?:(?P<label>{_WORLD_CHAPTER_LABELS}|{_WORLD_PART_LABELS})\s+|(?P<thai>บทที่|ตอนที่)\s*)"
    rf"(?P<num>\d{{1,5}}|(?-i:[IVXLCDM]{{1,8}})|{_WORLD_NUMBER_WORDS})(?![\w'’])\.?{_WORLD_TITLE}",
    re.IGNORECASE,
)
# Languages that set the number first: "1. Bölüm", "1. fejezet", "1. luku", "1. peatükk", "1. nodaļa",
# "1 skyrius", "1. poglavlje", "1. kafli", "1. Kapitel", "1. kapitola", "I. fejezet", "II skyrius";
# "2. rész", "2. osa", "2. daļa", "2 dalis", "2. Teil", "2. část" are parts.
_NUMBER_FIRST_CHAPTERS = (
    "bölüm|bolum|fejezet|luku|peatükk|peatukk|nodaļa|nodala|skyrius|poglavlje|poglavje|kafli|kapitel|kapitola"
    "|rozdział|rozdzial|kapittel"
)
_NUMBER_FIRST_PARTS = "kısım|rész|resz|osa|daļa|dala|dalis|teil|část|díl|časť|część|hluti"
_NUMBER_FIRST_LABELS = tuple(f"{_NUMBER_FIRST_CHAPTERS}|{_NUMBER_FIRST_PARTS}".split("|"))
_NUMBER_FIRST_AFTER = rf"(?:\.\s*|\s+)(?P<label>{_NUMBER_FIRST_CHAPTERS}|{_NUMBER_FIRST_PARTS})(?![\w'’]){_WORLD_TITLE}"
_NUMBER_FIRST = re.compile(rf"^(?P<num>\d{{1,5}}){_NUMBER_FIRST_AFTER}", re.IGNORECASE)
# Tried apart, on a line that starts with a Roman numeral and a label: in the pattern above, the
# numerals' case-sensitive group cost every line the quick test of its first character.
_ROMAN_NUMBER_FIRST = re.compile(rf"^(?P<num>(?-i:[IVXLCDM]{{1,8}})){_NUMBER_FIRST_AFTER}", re.IGNORECASE)
# "第一章", "第12章", "第十二回", "第1話": 部, 卷 and 巻 are parts or volumes.
_CJK_NUMBERED = re.compile(
    r"^第\s*(?P<num>\d{1,5}|[〇零一二三四五六七八九十百千万两兩]{1,10})\s*(?P<label>[章回話话节節幕部卷巻集篇夜講讲])"
    + _CJK_TITLE
)
_KOREAN_NUMBERED = re.compile(
    r"^(?:제\s*(?P<num>\d{1,5})\s*(?P<label>[장화부편막])|(?P<episode>\d{1,5})\s*화)" + _CJK_TITLE
)
_WORLD_PARTS = frozenset(("часть", "частина", "книга", "том", "parte", "partie", "teil", "część", "deel", "kısım"))
_WORLD_PARTS |= frozenset(("bagian", "phần", "libro", "livro", "livre", "buch", "部", "卷", "巻"))
_WORLD_PARTS |= frozenset(_NUMBER_FIRST_PARTS.split("|"))
_WORLD_NAMED_LABELS = (
    "пролог|эпилог|prólogo|prologo|epílogo|epilogo|épilogue|prolog|epilog|프롤로그|에필로그|プロローグ"
    "|エピローグ|序章|终章|終章|楔子|尾声|尾聲|番外編|番外篇|番外编|番外|序幕|后记|後記|あとがき|閑話|幕間|间章|間章"
    "|외전|번외편|번외|интерлюдия|інтерлюдія|interludio|interlúdio|zwischenspiel|intermezzo|interludium"
)
# A side story is often numbered: "番外1", "番外二 雪夜", "외전 2. 어느 오후".
_WORLD_NAMED = re.compile(
    rf"^(?P<label>{_WORLD_NAMED_LABELS})(?:\s*(?P<num>\d{{1,4}}|[一二三四五六七八九十]{{1,3}})(?!\d)\.?)?(?![\w'’])"
    + _CJK_TITLE,
    re.IGNORECASE,
)
_WORLD_PATTERNS = (_WORLD_NUMBERED, _CJK_NUMBERED, _KOREAN_NUMBERED, _NUMBER_FIRST, _WORLD_NAMED)
# The characters a heading in another language can start with, so most lines try none of the patterns.
_WORLD_FIRST = frozenset(
    "0123456789第제บต"
    + "".join(label[0] for label in f"{_WORLD_CHAPTER_LABELS}|{_WORLD_PART_LABELS}|{_WORLD_NAMED_LABELS}".split("|"))
)
# What a line's first character may start (see _other_heading): a label or number in another
# language, in either case ("глава 1"); a heading in words, with a capital; a Roman numeral, in
# capitals ("IV. fejezet": a lower-case "i" or "di" is a word).
_ROUTE_WORLD, _ROUTE_WORDS, _ROUTE_ROMAN = 1, 2, 4
_ROUTES: dict[str, int] = {}
for _chars, _route in (
    ({*_WORLD_FIRST, *(char.upper() for char in _WORLD_FIRST)}, _ROUTE_WORLD),
    ({start[:1] for start in ordinals.STARTS}, _ROUTE_WORDS),
    (set("IVXLCDM"), _ROUTE_ROMAN),
):
    for _char in _chars:
        _ROUTES[_char] = _ROUTES.get(_char, 0) | _route
_NUMBER_FIRST_STARTS = frozenset(label[:3] for label in _NUMBER_FIRST_LABELS)  # "IV. fejezet": "fej"
_SENTENCE_STOP = (".", ",", ";", "。", "，", "、", "！", "？", "!", "?")
# What is never text (bot.story.decode) and, in a heading, a zero width space too.
_INVISIBLE = dict.fromkeys(map(ord, (*NEVER_TEXT, "\u200b")))
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>\S.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
# Two turns of case or digit in a run: "oOo", "0o0o0"; one is a word's capital ("Ooo", "Xxx").
_O_TURN = "(?:o(?=[O0])|O(?=[o0])|0(?=[oO]))"
_X_TURN = "(?:x(?=X)|X(?=x))"
_LETTER_RUN = (
    rf"(?:(?=[oO0]*?{_O_TURN}[oO0]*?{_O_TURN})[oO0]{{3,}}|(?=[xX]*?{_X_TURN}[xX]*?{_X_TURN})[xX]{{3,}}"
    r"|xox|oxo|x{3,}|o{3,})"
)
_SCENE_BREAK = re.compile(
    r"^[ \t]*(?:"
    r"(?:[*~=_+•·◇◆○●§#:\-–—][ \t]*){3,}"  # *** * * * ~~~ --- ### === ::: and spaced variants
    r"|[#*—]"  # a lone hash, star or em dash, centred between scenes (a Tumblr post's "—")
    # FanFiction.net strips "***", so its writers type letters: "oOo", "oOoOoOo", "0o0o0", "xXxXx",
    # "xXx-xXx" (a case or digit change in the run; "xoxo" is a sign-off's kisses, "Ooo" a sound)
    rf"|(?:[~*\-=+]*[ \t]*){_LETTER_RUN}(?:[ \t]*[~*\-=+.][ \t]*{_LETTER_RUN})*(?:[ \t]*[~*\-=+]*)"
    r"|[xX](?:[ \t]+[xX]){2,}"  # "x x x"
    r"|[⁂❦❧✦✧※⸻⸺]"
    r"|\[newpage\]"  # pixiv's page break
    # ~x~, -o-, *0*, "-o-o-o-", "—o—": the letters of an ornament only; "*Sigh*" and "-Bang-" are the story's words
    r"|(?:[~*\-=—–][ \t]*)+(?:[xXoO0]{1,4}[ \t]*(?:[~*\-=—–][ \t]*)+)+"
    r")[ \t]*$"
)
_EMPHASIS_WRAP = re.compile(r"^(\*\*|__|\*|_)(?P<inner>\S.*?\S|\S)\1$")
# Decoration authors put around a heading line: "*** Chapter 1 ***", "~ Prologue ~", "— Chapter 5 —".
_DECOR = "-*~=_+•·◇◆○●§#✧✦★☆❦❧⁂※♡♥❤–—"  # "-" first: a literal in a character class
_DECORATED = re.compile(rf"^(?:[{_DECOR}][ \t]*)+(?P<inner>[^{_DECOR}\s](?:.*?[^{_DECOR}\s])?)(?:[ \t]*[{_DECOR}])+$")
_DECOR_FIRST = frozenset(_DECOR + "[(")
_BRACKETED = re.compile(r"^(?:\[(?P<square>[^\[\]]+)\]|\((?P<round>[^()]+)\))$")
_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_BARE_NUMBER = re.compile(r"^(?:(?P<arabic>[0-9]{1,4})|(?P<roman>[IVXLCDM]{1,8}|[ivxlcdm]{1,8}))\.?$")
_BARE_MAX = 9  # "LXXXVIII." is the longest lone number read as a heading
_BARE_FIRST = frozenset("0123456789IVXLCDMivxlcdm")
_INDENT = re.compile(r"^(?:\t|[ \u00a0]{2}|\u3000)")  # see _indented
_PROSE_END = re.compile(r"[.!?…\"'”’)\]*_—–-]$")
_TITLE_EDGE_START = "\"'“‘«([{<*_-–—~"
_TITLE_EDGE_END = ".,;:!?…\"'”’»)]}>*_-–—~"
_BLANK_SPLIT = re.compile(r"(\n(?:[ \t]*\n)+)")
_SENTENCE_END = re.compile(r"[.!?…:;,\"'”’)\]]$")
_WRAPPED_CHARS = 40  # a shorter line is not one of a hard-wrapped paragraph's (see _join_lines)
# "by" and a name of a few words, nothing after it: a by-line under a title, no sentence's last line.
_LONE_BY_NAME = re.compile(r"by[ \t]+@?[\w.'’-]+(?:[ \t]+[\w.'’-]+){0,3}", re.IGNORECASE)

HEADING_MAX_CHARS = 120
# A contents entry's page number after its words, past dot leaders ("Chapter 2 ........ 10", "Chapter 1 . . . .
# 3") or set off by a run of spaces or a tab alone ("spaces": a word processor's tab stop, Word's "Chapter
# 1<TAB>The Gate<TAB>7"). One pattern for every reader: a contents list's entries drop either
# (`contents_lists.entry_text`); a heading's line (at most HEADING_MAX_CHARS long) drops the dot leaders
# alone, where read as its title each entry was a chapter titled "....... 10".
# (The leaders are looked for only after a character that is no dot: looked for from each dot of a run, a line
# of dots was read once for each.)
PAGE_AFTER_ENTRY = re.compile(
    r"(?:(?<=\S)(?P<spaces>[ \t]{2,}+|\t)|(?<=[^\s.])[ \t]*+(?:\.[ \t]?){3,}+[ \t]*+)\d{1,4}[ \t]*$"
)
# Read no further than this many characters into a line for a heading or a scene break: a line
# that long cannot be one, whatever normalising and dropping invisible characters would take off
# it, and reading all of it costs a second for a paragraph of 8 MB (each reader looks twice).
RAW_MARK_CHARS = 8 * HEADING_MAX_CHARS


@dataclass(slots=True)
class Para:
    text: str
    gap: int = 1  # blank lines before this paragraph in the source
    # The author's note, as a heading over it said ("### Author's Note" in Markdown, see
    # bot.story.note_headings): a note of the chapter it sits in, never story text.
    note: bool = False


@dataclass(slots=True)
class Heading:
    title: str | None  # the chapter's own title, e.g. "The Ford"
    kind: str  # "chapter", "part", "named" (Prologue...), "markdown"
    level: int = 2  # Markdown level; other headings count as level 2
    raw: str = ""
    # Opens as a sentence may ("Erstes Kapitel", "Első fejezet"): under a line that has not
    # ended its sentence, it is that sentence going on (see :func:`_line_marks`).
    prose_like: bool = False
    # What the book calls an untitled chapter its label names ("LETTER I." is "Letter I"): the
    # chapter's title when neither the heading nor the line under it gives one.
    name: str | None = None
    # The lesser word that labels it, "letter" of "Letter 2" (see _LESSER_WORDS): a heading only
    # where the whole text bears it out (:func:`lesser_headings_as_text`).
    lesser: str | None = None
    # A numbered chapter's label as the book writes it ("CHAPTER IV" is "Chapter IV", 4): its title
    # where the book numbers its chapters again in each part (:func:`book_numbering`).
    numbered: str | None = None
    number: int | None = None
    # The part a chapter's heading names before its own label ("Book Two" of "Book Two - Chapter 4:
    # The Ford"): the first chapter of each part is headed by it, as a part's line over it heads it
    # (:func:`_within_parts`).
    within: str | None = None


@dataclass(slots=True)
class SceneBreak:
    raw: str = ""


Item = Para | Heading | SceneBreak


_CJK_OPENING = "【［〈《〔〖"
_CJK_NUMBER_FIRST = re.compile(
    r"[【［〈《〔〖](?P<inner>[^】］〉》〕〗\n]{1,20})[】］〉》〕〗][ \t\u3000]*(?P<rest>.*)"
)


# A title alone on its line, as a page or a compiled section opens with one ("The Ferry", "THE FERRY", "One"):
# no sentence's stops, quotes or dashes, ten words at most.
_TITLE_LIKE = re.compile(r"[^.,;:!?\"”’'*_\-–—(\[]*[^\s.,;:\"”’'*_\-–—(\[]")
TITLE_LIKE_WORDS = 10


def title_alone(line: str) -> bool:
    """A line that reads as a title standing alone, over a page or a section (:data:`_TITLE_LIKE`)."""
    return _TITLE_LIKE.fullmatch(line) is not None and len(line.split()) <= TITLE_LIKE_WORDS


def match_heading(line: str, *, markdown: bool = True) -> Heading | None:
    """The heading a single line declares, or None when it is ordinary text.

    The line is read normalised (:func:`normalise`), so "𝐂𝐡𝐚𝐩𝐭𝐞𝐫 𝟏" pasted from Wattpad is "Chapter 1", and
    decoration around it ("*** Chapter 1 ***", "[Chapter 6]") is not part of the title.
    """
    stripped = line.strip()
    if len(stripped) > RAW_MARK_CHARS:
        return None
    if not stripped.isascii():
        stripped = normalise(_visible(stripped)).strip()
    if not stripped or len(stripped) > HEADING_MAX_CHARS:
        return None
    level = 2
    kind = None
    md = _MD_HEADING.match(stripped) if markdown or stripped.startswith("#") else None
    if md:
        level = len(md.group("hashes"))
        stripped = md.group("title").strip()
        kind = "markdown"
    wrapped = _EMPHASIS_WRAP.match(stripped)
    if wrapped:
        stripped = wrapped.group("inner").strip()
    if stripped[:1] in "Tt" and (threadmark := THREADMARK.match(stripped)) is not None and threadmark.group("label"):
        return _threadmark_heading(threadmark.group("label"), level, line.strip())
    if stripped.startswith("[chapter:") and (pixiv := _PIXIV_CHAPTER.match(stripped)) is not None:
        title = pixiv.group("title").strip()  # pixiv's "[chapter:はじまり]"
        return Heading(title or None, "chapter", level, line.strip())
    if stripped[-1:].isdigit() and (leader := PAGE_AFTER_ENTRY.search(stripped)) is not None and not leader["spaces"]:
        stripped = stripped[: leader.start()]  # a contents entry's dots to its page: "Chapter 2 ........ 10"
    heading = _numbered_or_named(stripped, level, line.strip())
    if heading is None and stripped[:1] in _DECOR_FIRST:
        undecorated = _undecorate(stripped)
        if undecorated != stripped:
            heading = _numbered_or_named(undecorated, level, line.strip())
    if heading is None and not stripped[:1].isascii() and _symbol(stripped[0]):
        unadorned = _without_symbols(stripped)  # "✨ Chapter 1 ✨", "🌸 chapter one 🌸", "⋆ Chapter 2 ⋆"
        if unadorned and unadorned != stripped:
            heading = _numbered_or_named(unadorned, level, line.strip())
    if heading is None and not stripped.isascii() and (unmarked := _without_marks(stripped)) != stripped:
        heading = _numbered_or_named(unmarked, level, line.strip())  # "C̷h̷a̷p̷t̷e̷r̷ 2", struck through or zalgo
    if heading is None and (separated := _symbol_separated(stripped)) is not None:
        heading = _numbered_or_named(separated, level, line.strip())  # "chapter one 🌙 the roof", "Chapter 1 ~ Ice"
    if (
        heading is None
        and stripped[:1] in _CJK_OPENING
        and (bracketed := _CJK_NUMBER_FIRST.match(stripped)) is not None
    ):
        # "【第一話】はじまりの夜": the number in brackets, its title after them, read as "第一話 はじまりの夜"
        inner, rest = bracketed.group("inner").strip(), bracketed.group("rest").strip()
        heading = _numbered_or_named(f"{inner} {rest}".strip(), level, line.strip())
    if heading is None and len(stripped) <= STORY_THEN_CHAPTER_CHARS and (named := _STORY_THEN_CHAPTER.match(stripped)):
        # "The Ninth Lantern - Chapter 12: The Toll Road": a serial's page title over its chapter, the story's name first
        heading = _numbered_or_named(named.group("chapter"), level, line.strip())
    if heading is None and kind == "markdown":
        return Heading(_clean_title(stripped), "markdown", level, line.strip())
    return heading


STORY_THEN_CHAPTER_CHARS = 200
_STORY_THEN_CHAPTER = re.compile(
    r"[^\s\-–—|:][^\n\-–—|:]{0,78}?[ \t]++[-–—|][ \t]+(?P<chapter>(?:chapter|ch\.?)[ \t]*\d{1,4}\b[^\n]{0,100})",
    re.IGNORECASE,
)


# A forum thread's threadmark, copied with the thread as text: "Threadmarks: Chapter 3 - Edge".
# A forum's threadmark line, "Threadmarks: Chapter 3 - Edge": a chapter's heading here, and a line only a
# copied thread holds (bot.story.forum_text finds where each one stands, "Threadmarks:" alone too).
THREADMARK = re.compile(r"^[ \t]*threadmarks?[ \t]*:[ \t]*(?P<label>\S.*)?", re.IGNORECASE | re.MULTILINE)


def _threadmark_heading(label: str, level: int, raw: str) -> Heading:
    """The heading a threadmark's label gives, whatever it says ("Chapter 3 - Edge", "Omake: The
    Other Side", "1.2"): the author marked the post under it as the thread's next chapter, as the
    HTML page's threadmarks are (``webpage._threadmark_headings``). Never a lesser heading for the
    whole text to overrule, nor a sentence."""
    heading = _numbered_or_named(label, level, raw) or Heading(_clean_title(label), "markdown", level, raw)
    heading.lesser = None
    heading.prose_like = False
    return heading


def _symbol_separated(text: str) -> str | None:
    """A heading line whose number and title a symbol stands between, spaced ("chapter one 🌙 the
    roof", "Chapter 1 ✨ The Roof", "Chapter One ~ The Roof"), with a colon there instead; None when
    no spaced symbol follows a word, or it stands again after (a list of parts). The bars and other
    ASCII marks a heading separates with are :data:`_NUMBERED`'s own."""
    if text.isascii() and "~" not in text:
        return None  # (most lines: every line of text short enough for a heading is asked)
    for index, char in enumerate(text):
        if index and text[index - 1] == " " and (char == "~" or (not char.isascii() and _symbol(char))):
            end = index
            while end < len(text) and _symbol(text[end]):
                end += 1
            if end < len(text) and text[end] == " " and text[:index].strip() and char not in text[end:]:
                return f"{text[:index].rstrip()}: {text[end:].strip()}"
            return None  # (the same symbol again: a list, "Part 1 ~ Part 2 ~ Part 3")
    return None


_PIXIV_CHAPTER = re.compile(r"^\[chapter:(?P<title>[^\]\n]{0,100})\]$")
_SYMBOL_CATEGORIES = frozenset(["So", "Sk", "Sm", "Mn", "Cf"])  # emoji, ✿ ⋆ ⊹, their selectors and joiners


def _symbol(char: str) -> bool:
    return unicodedata.category(char) in _SYMBOL_CATEGORIES


def _without_symbols(text: str) -> str:
    """The text less the symbols and spaces at either end of it."""
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or _symbol(text[start]) or text[start] in _DECOR):
        start += 1
    while end > start and (text[end - 1].isspace() or _symbol(text[end - 1]) or text[end - 1] in _DECOR):
        end -= 1
    return text[start:end]


def _visible(text: str) -> str:
    """The text without the invisible characters a heading may carry in from HTML or EPUB (see :data:`_INVISIBLE`)."""
    if text.isascii() or not any(chr(code) in text for code in _INVISIBLE):
        return text
    return text.translate(_INVISIBLE)


# Unicode's blocks of combining marks that belong to no script: the accents Latin, Greek and Cyrillic
# letters take, and what text generators stack or overlay ("C̷h̷a̷p̷t̷e̷r̷", "zalgo"). A script's own
# marks (Devanagari's vowel signs) are outside them.
_DECORATING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _without_marks(text: str) -> str:
    """``text`` with the combining marks a letter was decorated with taken off ("C̷h̷a̷p̷t̷e̷r̷ 2", a
    generator's strike-through, or "zalgo" stacks): tried only on a line that is no heading as it is."""
    if _DECORATING_MARKS.search(text) is None:
        return text
    return unicodedata.normalize("NFC", _DECORATING_MARKS.sub("", unicodedata.normalize("NFD", text)))


def normalise(text: str) -> str:
    """NFKC for non-ASCII text: styled letters and digits read as the plain ones they show, and
    small capitals ("ᴄʜᴀᴘᴛᴇʀ ᴏɴᴇ", which NFKC leaves alone) as the capitals they show."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text).translate(_SMALL_CAPITALS)


def _small_capitals() -> dict[int, str]:
    """ "LATIN LETTER SMALL CAPITAL X" -> "X", for every such letter of Unicode's IPA, phonetic and
    Latin Extended-D blocks (where text generators take their small caps from)."""
    table = {}
    for block in (range(0x0250, 0x02B0), range(0x1D00, 0x1D30), range(0xA720, 0xA800)):
        for code in block:
            name = unicodedata.name(chr(code), "")
            letter = name.removeprefix("LATIN LETTER SMALL CAPITAL ")
            if letter != name and len(letter) == 1:
                table[code] = letter
    return table


_SMALL_CAPITALS = _small_capitals()


def _undecorate(text: str) -> str:
    """The words inside a heading's decoration: "~~~ Chapter 2 ~~~" and "[Chapter 6]" give "Chapter 2" and "Chapter 6"."""
    decorated = _DECORATED.match(text)
    if decorated:
        return decorated.group("inner").strip()
    bracketed = _BRACKETED.match(text)
    if bracketed:
        return (bracketed.group("square") or bracketed.group("round")).strip()
    return text


def _numbered_or_named(text: str, level: int, raw: str) -> Heading | None:
    numbered = _NUMBERED.match(text)
    if numbered:
        label = numbered.group("label").lower().rstrip(".")
        label = "episode" if label == "ep" else label  # Tapas's "Ep. 3 - The Ferry"
        title = numbered.group("title")
        if title and _NAV_ENTRIES.match(title) and numbered.group("sep").strip() in ("|", "/", "•", "·"):
            return None  # "Part 1 | Part 2 | Part 3": a journal post's links to its parts
        if title and numbered.group("stop") and not numbered.group("sep").strip():
            # A stop after the number is a separator as a colon is: "CHAPTER V.     Advice from a
            # Caterpillar" is titled, whatever its small words' case, and so are the old style's
            # "CHAPTER I. IN WHICH WE MEET." in capitals and Moby-Dick's "CHAPTER 2. The Carpet-Bag."
            # in Title Case, its stop closing the title; "Chapter 3. It was late." is a sentence.
            if ". " in _TITLE_ABBREVIATION.sub(r"\1", title) or title.endswith((",", ";")):
                return None
            chapter_word = label not in _PART_WORDS.split("|")  # (a play's "ACT I.  The Garden." lists its scenes)
            if title.endswith(".") and not (
                title.isupper()
                or (chapter_word and _book_title_case(_TITLE_ABBREVIATION.sub(r"\1", title.rstrip("."))))
            ):
                return None
            title = title[:-1].rstrip() if title.endswith(".") and not title.endswith("..") else title
        elif title and not numbered.group("sep").strip():
            title = title if _CHAPTER_PART.fullmatch(title) else _title_after_space(title)  # "Chapter 1 pt. 2"
            if title is None:
                return None  # "Chapter 3 was the best." and "Part 1 of the plan failed." are sentences
        lesser = label if label in _LESSER_WORDS else None
        if label in _PART_WORDS.split("|"):
            the = "the " if numbered.group("the") else ""
            part = f"{label.title()} {the}{_number_text(numbered.group('num'))}{numbered.group('sub') or ''}"
            part = _part_case(part + _of_total(numbered), text, title)
            return Heading(f"{part}: {title}" if title else part, "part", level, raw, lesser=lesser)
        word = label.title() if label in _CHAPTER_WORDS.split("|") else "Chapter"
        heading = Heading(_sub_numbered(numbered, _clean_title(title), word), "chapter", level, raw, lesser=lesser)
        heading.numbered = f"{word} {_number_text(numbered.group('num'))}{numbered.group('sub') or ''}"
        heading.number = None if numbered.group("sub") else _number_value(numbered.group("num"))
        if label in _CHAPTER_WORDS.split("|"):
            heading.name = heading.numbered
        if numbered.group("within"):
            within = numbered.group("within").lower()
            within = f"{'Volume' if within == 'vol' else within.title()} {_number_text(numbered.group('within_num'))}"
            heading.within = _part_case(within, text, title)
        return heading
    named = _NAMED.match(text)
    if named:
        return _named_heading(named, level, raw)
    return _other_heading(text, level, raw)


def _other_heading(text: str, level: int, raw: str) -> Heading | None:
    """A heading in another language, in words ("Erstes Kapitel") or with a Roman numeral first
    ("IV. fejezet"). Every line comes here: its first character alone rules most of them out."""
    route = _ROUTES.get(text[:1], 0)
    if not route:
        return None
    if route & _ROUTE_WORLD:
        heading = _world_heading(text, level, raw)
        if heading is not None:
            return heading
    if route & _ROUTE_WORDS and text[:3] in ordinals.STARTS and text.partition(" ")[0].lower() in ordinals.FIRST_WORDS:
        heading = _word_number_heading(text, level, raw)
        if heading is not None:
            return heading
    if route & _ROUTE_ROMAN:
        numeral, _, rest = text.partition(" ")
        if rest.lstrip()[:3].lower() in _NUMBER_FIRST_STARTS and _is_roman(numeral):
            return _world_heading(text, level, raw, (_ROMAN_NUMBER_FIRST,))
    return None


# A chapter split in parts, the part its title: "Chapter 12 (Part 2)", "Chapter One: Part Two", "Chapter 3 -
# Pt. 1: The Ford"; "Part of the Plan" is a title.
_CHAPTER_PART = re.compile(
    rf"(?:part|pt\.?)[ \t]*(?:{_TENS}|{_TEENS}|{_UNITS}|\d{{1,3}}|[ivx]{{1,5}})(?![\w'’])(?:[ \t]*[:\-–—][ \t]*\S.*)?",
    re.IGNORECASE,
)


def _sub_numbered(numbered: re.Match[str], title: str | None, word: str) -> str | None:
    """ "Chapter 1.2: Dawn" is titled "Chapter 1.2: Dawn": the sub-number is how readers tell 1.1
    from 1.2, and a half chapter ("Chapter 1.5" between 1 and 2) from the chapters around it.

    Read as "Chapter 1" titled "2", every part of a chapter split in parts kept the bare
    sub-number as its title and lost the chapter it belonged to. Titled "1.5", a half chapter read
    as a bare number under the position Dogear numbers it by ("Chapter 2 · 1.5"); with its word it
    says what it is, as "Part 2.1" does.
    """
    sub = numbered.group("sub")
    if not sub:
        return title
    number = f"{word} {_number_text(numbered.group('num'))}{sub}"
    return f"{number}: {title}" if title else number


def _title_after_space(title: str) -> str | None:
    """The title after "Chapter 3 " with no colon or dash: Title Case words, or anything in brackets.

    "Chapter 2 (groupchat)" and "chapter 1 (the one where they meet)" are titled the way
    phone writers title them; "Chapter 3 was the best." is a sentence (None).
    """
    bracketed = _PARENTHESISED.match(title)
    if bracketed:
        return bracketed.group("inner").strip()
    return title if _looks_like_title(title) else None


def _named_heading(named: re.Match[str], level: int, raw: str) -> Heading | None:
    """ "Prologue", "Interlude: Mara", "Side Story: The Innkeeper", "Bonus chapter 2", "Interlude II"."""
    label = named.group("label")
    title = named.group("title")
    if label.lower() in _WEAK_NAMED and (not title or not _short_title(title)):
        return None  # "Extra." or "Bonus: we got the day off." is a sentence
    label = label.title() + (f" {named.group('num')}" if named.group("num") else "")
    label = _part_case(label, named.string, title)  # "INTERLUDE: THE MESSENGER" as a part's "BOOK ONE: THE NORTH"
    return Heading(f"{label}: {title}" if title else label, "named", level, raw)


def _short_title(title: str) -> bool:
    """A few words that do not end as a sentence does."""
    return len(title.split()) <= 10 and not title.endswith(_SENTENCE_STOP)


def _world_heading(
    text: str, level: int, raw: str, patterns: tuple[re.Pattern[str], ...] = _WORLD_PATTERNS
) -> Heading | None:
    """A chapter, part or prologue heading in another language: "Глава 1. Письмо", "第一章 はじまり", "제1장"."""
    for pattern in patterns:
        match = pattern.match(text)
        if match is None or (pattern is _ROMAN_NUMBER_FIRST and roman_value(match.group("num")) is None):
            continue
        title = match.group("title")
        if title is not None and not _world_title(title, match.group("sep")):
            return None
        title = _unbracketed(title)
        groups = match.groupdict()
        label = (groups.get("label") or groups.get("thai") or "").lower()
        if pattern is _WORLD_NAMED:
            name = match.group("label").title() + (f" {match.group('num')}" if match.group("num") else "")
            return Heading(f"{name}: {title}" if title else name, "named", level, raw)
        if label in _WORLD_PARTS:
            part = text[: match.start("title")].strip(" :.-–—|、") if title else text
            return Heading(f"{part}: {title}" if title else part, "part", level, raw, lesser=_PART_KEY)
        return Heading(_clean_title(title), "chapter", level, raw)
    return None


def _unbracketed(title: str | None) -> str | None:
    """A title without the brackets it is set in: "(groupchat)", "「清晨」", "【朝】"."""
    bracketed = _PARENTHESISED.match(title or "")
    if bracketed:
        return bracketed.group("inner").strip()
    cjk = _CJK_BRACKETED.match(title or "")
    if cjk:
        return next(inner for inner in cjk.groups() if inner is not None).strip()
    return title


def _is_roman(word: str) -> bool:
    """ "IV" or "IV.": upper-case Roman numeral letters only."""
    return not word.rstrip(".").strip("IVXLCDM")


@dataclass(frozen=True, slots=True)
class _WordNumber:
    """A label and a number word of one language at the start of a line ("Erstes Kapitel")."""

    label: ordinals.Label
    value: int
    end: int  # where the words end in the line
    ordinal_first: bool


_LEADING_WORD = re.compile(r"\s*([^\W\d_]+(?:['’ʼ-][^\W\d_]+)*)")
_AFTER_WORDS = re.compile(r"\.?" + _WORLD_TITLE)


def _word_number_heading(text: str, level: int, raw: str) -> Heading | None:
    """ "Erstes Kapitel", "Pirmā nodaļa", "Rozdział pierwszy", "Κεφάλαιο πρώτο: Η αρχή", "Zweiter Teil".

    Either order of label and number word is read, each language with its own words
    (:mod:`bot.story.ordinals`), from a line that starts with a capital. A number word first
    is how a sentence starts too ("Erstes Kapitel meines Lebens war…"), so there any title
    must be a few words that do not end as a sentence does.
    """
    found = _word_number(_leading_words(text, ordinals.LONGEST + 1))
    if found is None:
        return None
    after = _AFTER_WORDS.match(text, found.end)
    if after is None:
        return None
    title, separator = after.group("title"), after.group("sep")
    if found.ordinal_first and title is not None and not _short_title(title):
        return None
    if title is not None and not _world_title(title, separator):
        return None
    bracketed = _PARENTHESISED.match(title or "")
    if bracketed:
        title = bracketed.group("inner").strip()
    if found.label.kind == "part":
        name = text[: found.end].strip()
        name = _part_case(name.title(), name, title) if name.isupper() else name  # "FIRST ACT": "First Act"
        return Heading(f"{name}: {title}" if title else name, "part", level, raw, found.ordinal_first, lesser=_PART_KEY)
    return Heading(_clean_title(title), "chapter", level, raw, found.ordinal_first)


def _of_total(numbered: re.Match[str]) -> str:
    """How many parts a part's heading says there are, " of 3" for "Part 1 of 3", "Part 1/3" or
    "Part 1 (of 3)": kept in its title, which named only "Part 1" of the three."""
    total = numbered.group("total") or numbered.group("bracketed_total")
    return f" of {total}" if total else ""


def _part_case(label: str, written: str, title: str | None) -> str:
    """A part's label as read ("Part One" for "PART ONE"), or in capitals when the author wrote the
    whole heading so, the label and its title ("PART ONE" / "WINTER"): a title keeps its case, and
    "Part One: WINTER" read as no one wrote it."""
    return label.upper() if title and written.isupper() and normalise(title).isupper() else label


def _leading_words(text: str, count: int) -> list[tuple[str, int]]:
    """Up to ``count`` words at the start of the line, each with where it ends; they stop at the
    first thing that is not a word after a space ("Kapitel 3", "Erstes Kapitel: Die Reise")."""
    words: list[tuple[str, int]] = []
    position = 0
    while len(words) < count:
        word = _LEADING_WORD.match(text, position)
        if word is None or (words and word.start(1) == position):
            break
        words.append((word.group(1), word.end()))
        position = word.end()
    return words


def _word_number(words: list[tuple[str, int]]) -> _WordNumber | None:
    """A number word then a label ("Első fejezet"), or a label then a number word ("Kapitel zwölf").

    The label is looked up first: most lines have none where one would stand.
    """
    for size in range(min(ordinals.LONGEST, len(words) - 1), 0, -1):
        labels = ordinals.find(ordinals.LABELS, words[size][0])
        if labels:
            number = " ".join(word for word, _ in words[:size])
            found = _same_language(labels, ordinals.find(ordinals.ORDINALS, number))
            if found is not None:
                return _WordNumber(found[0], found[1], words[size][1], ordinal_first=True)
    labels = ordinals.find(ordinals.LABELS, words[0][0]) if words else None
    if not labels:
        return None
    for size in range(min(ordinals.LONGEST, len(words) - 1), 0, -1):
        number = " ".join(word for word, _ in words[1 : size + 1])
        values = {
            **(ordinals.find(ordinals.CARDINALS, number) or {}),
            **(ordinals.find(ordinals.ORDINALS, number) or {}),
        }
        found = _same_language(labels, values)
        if found is not None:
            return _WordNumber(found[0], found[1], words[size][1], ordinal_first=False)
    return None


def _same_language(
    labels: tuple[ordinals.Label, ...], values: dict[str, int] | None
) -> tuple[ordinals.Label, int] | None:
    """The label and the number's value, when the word is a label in a language the number is written in."""
    for found in labels:
        if values and found.language in values:
            return found, values[found.language]
    return None


def _world_title(title: str, separator: str) -> bool:
    """A title after a label and number, not the rest of a sentence.

    After a colon, full stop or dash any title will do (as in English); after a space only a
    title that does not end as a sentence, and, in a script with capitals, starts with one
    ("Kapitel 4 Die Reise", not "Kapitel 4 war lang.").
    """
    if separator.strip():
        return True
    if _PARENTHESISED.match(title):
        return True
    if title.endswith(_SENTENCE_STOP) or len(title.split()) > 12:
        return False
    first = title[:1]
    return first.isupper() or first.lower() == first.upper()


def _number_text(number: str) -> str:
    """A Part's number as a reader expects it: "IV" for "iv" or "Iv", "Two" for "TWO", digits as written."""
    if number.isdigit():
        return number
    if _ROMAN.match(number.upper()):
        return number.upper()
    return number.title()


_WORD_VALUES = {
    **{word: value for value, word in enumerate(_UNITS.split("|"), 1)},
    **{word: value for value, word in enumerate(_TEENS.split("|"), 10)},
    **{word: 10 * tens for tens, word in enumerate(_TENS.split("|"), 2)},
    **{word: value for value, word in enumerate(_ORDINALS.split("|")[:10], 1)},  # not "final", "last"
}


def _number_value(number: str) -> int | None:
    """The value of a chapter's number as a heading writes it: "12", "XII", "twelve", "Twenty-One", "first"."""
    if number.isdigit():
        return int(number)
    roman = roman_value(number) if number.isalpha() and len(number) <= 8 else None
    if roman is not None:
        return roman
    total = 0
    for word in re.split(r"[\s-]+", number.lower()):
        value = _WORD_VALUES.get(word)
        if value is None:
            return None
        total += value
    return total


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed Roman numeral ("XIV" is 14), or None for "IIII" or "VX"."""
    numeral = numeral.upper()
    if not numeral or not _ROMAN.match(numeral):
        return None
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    title = title.strip().strip("*_").strip()
    return title or None


# Prepositions Title Case leaves in lower case however long: "Letters from the Lighthouse".
_MINOR_WORDS = frozenset(
    [
        "from",
        "with",
        "into",
        "onto",
        "over",
        "upon",
        "unto",
        "till",
        "until",
        "about",
        "after",
        "among",
        "amongst",
        "before",
        "between",
        "through",
        "under",
        "without",
        "within",
        "along",
        "across",
        "around",
        "behind",
        "beneath",
        "beyond",
        "during",
        "toward",
        "towards",
    ]
)


# A title ending in an abbreviation's letters, each with its stop ("Kitchen, 5 a.m.", "Made in the U.S.A."):
# the stop is the abbreviation's, no sentence's.
DOTTED_END = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}[ \t]*$")
_DOTTED_TAIL = 24  # characters of a line's end looked at for it (a line of a million "a." is read once)


def _looks_like_title(text: str) -> bool:
    """Title Case words without a sentence's final full stop (an abbreviation's may end it)."""
    words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", text) if len(word) > 3 and word not in _MINOR_WORDS]
    if (text.rstrip().endswith((".", ",", ";")) and not DOTTED_END.search(text[-_DOTTED_TAIL:])) or not text[
        :1
    ].isupper():
        return False
    return all(word[0].isupper() for word in words)


_SPACE_RUN = re.compile(r"[ \t]{2,}")
_RULE = re.compile(r"([-_=~*])\1+")  # a rule typed across the page: fifty "_" or "=" in a row


def is_scene_break(line: str) -> bool:
    """A divider line; full-width ones ("＊＊＊", "～～～" from a Japanese or Chinese keyboard) read as the plain ones."""
    stripped = line.strip()
    if len(stripped) > RAW_MARK_CHARS:
        return False
    stripped = normalise(stripped)
    if not stripped or (
        len(stripped) > 40 and len(_SPACE_RUN.sub(" ", stripped)) > 40 and not _RULE.fullmatch(stripped)
    ):
        return False  # a row spaced out across the page, "*       *       *", counts its marks
    return _SCENE_BREAK.match(stripped) is not None or _ornaments_only(stripped)


# Divider characters Unicode files as punctuation; "-", "*", "_" and dashes are not among them:
# alone or two ("**", "-") they are markup left over or a dash, and count only three or more.
_DIVIDER_CHARS = frozenset("•·◇◆○●§⁂❦❧✦✧※")
_ORNAMENT_CATEGORIES = frozenset(["So", "Sm"])  # symbols: ★ ♦ ❖ ✿ ♥ 🌸, and ~ + < > ∗
_INVISIBLE_CATEGORIES = frozenset(["Mn", "Cf", "Zs"])  # an emoji's variation selector, a joiner, spaces


# Emoji a character answers with in a texting scene ("😭", "💀", "👍", "🙏"): a paragraph of them
# is something said, never a divider. Faces, the skull, thumbs and hands, and ☹ ☺.
_REACTIONS = (
    (0x1F600, 0x1F64F),  # Emoticons: faces, cats' faces, hands together
    (0x1F910, 0x1F92F),
    (0x1F970, 0x1F97F),
    (0x1F9D0, 0x1F9D0),
    (0x1F440, 0x1F450),  # eyes, thumbs, hands
    (0x1F480, 0x1F480),
    (0x2639, 0x263A),
)


def _reaction(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _REACTIONS)


def _ornaments_only(line: str) -> bool:
    """A short line of symbols alone, even one: "~", "◆", "❖ ❖", "🌸🌸🌸", "<><><>".

    Word, Google Docs and Sigil books centre one such glyph between scenes; read as a paragraph,
    it was posted as a spoiler block of its own. Punctuation that speaks ("...", "?!", ":)") is
    not an ornament, nor is a face or a hand ("😭", "👍": a reply in a texting scene), and a letter
    or digit makes the line text.
    """
    visible = 0
    dust = 0
    for char in line:
        category = unicodedata.category(char)
        if category in _INVISIBLE_CATEGORIES or char in " \t":
            continue
        if char in _SPARKLE_DUST:
            dust += 1
            continue
        if char not in _DIVIDER_CHARS and (category not in _ORNAMENT_CATEGORIES or char == "=" or _reaction(char)):
            return False
        visible += 1
    return visible > 0 and (not dust or visible >= 2)


# What a Tumblr or Wattpad writer strews between the stars of a divider ("✧･ﾟ: *✧･ﾟ:*", "⋆｡°✩ ⋆｡°✩"):
# dots and marks that are punctuation or letters alone, part of an ornament among two symbols at least.
_SPARKLE_DUST = frozenset("･ﾟ｡。゜゚:*.・")


def split_items(text: str, *, markdown: bool = False) -> list[Item]:
    """Paragraphs, headings and scene breaks in source order, with blank-line gaps kept.

    A file whose paragraphs are single lines with no blank lines between them (common for
    pasted text) is read line by line; there a blank line marks a scene instead. So is a
    file whose paragraphs are marked by an indented first line, hard-wrapped or not.
    """
    blocks = _blocks(_parted_running_titles(_parted_roman_headings(text)))
    line_mode = _is_line_per_paragraph(blocks)
    marks: list[list[Heading | SceneBreak | None]] | None = None
    indent = _IndentCount()
    if not line_mode and _may_have_indents(text):
        marks = [_line_marks(block.split("\n"), markdown) for _, block in blocks]
        indent = _count_indent_paragraphs(blocks, marks)
    indent_mode = indent.marks_paragraphs
    items: list[Item] = []
    bare_numbers: list[int] = []  # items that are a lone "1." or "IV" in a block of their own
    numbered: list[tuple[int, _Numbered]] = []  # items that are a lone "1 - The Awakening", "2. Snowfall", "(3/5)"
    word_numbers: list[int] = []  # items that are a lone "ONE", "Two", "• three •"
    dashed: list[int] = []  # items that are a lone "— 1 —", "- 2 -": a chapter's number, or a printed page's
    dates: list[tuple[int, str]] = []  # items that are a lone date, "March 3rd, 1998", and how it is written
    scenes: list[int] = []  # items that are a play's lone "SCENE ONE", "Scene 2: The Platform"
    for position, (gap, block) in enumerate(blocks):
        if "\n" not in block:
            mark = marks[position][0] if marks is not None else _line_mark(block, HEADING_MAX_CHARS + 20, markdown)
            item = mark or Para(block.strip(), gap)
            if (
                isinstance(item, Para)
                and len(item.text) <= _FRAMED_MAX
                and _bare_number(_unframed(item.text)) is not None
            ):
                bare_numbers.append(len(items))
            elif isinstance(item, Para) and _dashed_number(item.text) is not None:
                dashed.append(len(items))
            elif isinstance(item, Para) and len(item.text) <= _WORD_NUMBER_CHARS and _word_number_line(item.text):
                word_numbers.append(len(items))
            elif isinstance(item, Para) and (found := _numbered_line(item.text)) is not None:
                numbered.append((len(items), found))
            elif isinstance(item, Para) and len(item.text) <= _DATE_CHARS and (form := _date_line(item.text)):
                dates.append((len(items), form))
            elif (
                isinstance(item, Para)
                and item.text.lstrip()[:5].lower() == "scene"
                and _SCENE_LINE.fullmatch(item.text)
            ):
                scenes.append(len(items))
            items.append(item)
            continue
        lines = block.split("\n")
        if _numbered_title_block(lines):
            # "I." over "THE EVE OF THE WAR." (The War of the Worlds), "I." over "Introduction" (The
            # Time Machine): a lone number, and its title on the line under it.
            bare_numbers.append(len(items))
            items.append(Para(lines[0].strip(), gap))
            items.append(Para(lines[1].strip(), 0))
            continue
        if _chat_lines(lines):  # a chat-fic's messages, one a line: each its own paragraph
            items.extend(Para(line.strip(), gap if not at else 0) for at, line in enumerate(lines) if line.strip())
            continue
        block_marks = marks[position] if marks is not None else _line_marks(lines, markdown)
        pending: list[str] = []
        block_items: list[Item] = []
        title_line = -1  # the line under a bare "Chapter 3" that may be its title
        for index, (line, mark) in enumerate(zip(lines, block_marks, strict=True)):
            if (
                (markdown or (len(pending) == 1 and _underlines(line, pending[0])))
                and _SETEXT.match(line.strip())
                and len(pending) == 1
                and len(pending[0]) <= HEADING_MAX_CHARS
            ):
                heading = match_heading("#" * (1 if line.strip()[0] == "=" else 2) + " " + pending[0].strip())
                pending.clear()
                if heading:
                    block_items.append(heading)
                continue
            if mark is not None and not (index == title_line and isinstance(mark, SceneBreak)):
                _flush(pending, block_items)
                block_items.append(mark)
                if _wants_title(mark) and index + 1 < len(lines) and _titles_heading(lines[index + 1]):
                    title_line = index + 1  # "Chapter 1" / "🌊" too: the chapter's title, no divider
                continue
            if _lone_number_line(lines, index, line_mode):
                _flush(pending, block_items)
                position = len(items) + len(block_items)
                found = _numbered_line(line.strip())
                if _bare_number(_unframed(line.strip())) is not None:
                    bare_numbers.append(position)
                elif _dashed_number(line) is not None:
                    dashed.append(position)
                elif _word_number_line(line.strip()):
                    word_numbers.append(position)
                elif found is not None:
                    numbered.append((position, found))
                block_items.append(Para(line.strip(), 0))
                continue
            if (
                line_mode
                or (index and (_is_paragraph_line(lines[index - 1]) or _opens_paragraph(line, pending)))
                or (indent_mode and _indented(line))
                or index == title_line
            ):
                _flush(pending, block_items)
            pending.append(line)
            if index == title_line:
                _flush(pending, block_items)
        _flush(pending, block_items)
        if block_items and isinstance(block_items[0], Para):
            block_items[0].gap = gap
        items.extend(block_items)
    if line_mode or indent.marks_scenes:
        # Every line or indent is a paragraph, so one blank line is already a scene-sized gap.
        for item in items:
            if isinstance(item, Para) and item.gap >= 1:
                item.gap += 1
    lesser_headings_as_text(items)
    story_name = _numbered_line_headings(items, numbered)
    _bare_number_headings(items, bare_numbers)
    _dashed_number_headings(items, dashed)
    _word_number_headings(items, word_numbers)
    _date_headings(items, dates)
    _scene_headings(items, scenes)
    if story_name is not None:  # (inserted last: the passes above find their lines by position)
        items.insert(0, Para(story_name))
    if not markdown:
        _spaced_capital_titles(items)
        _divided_titles(items)
        _point_of_view_names(items)
    return titles_from_next_line(items)


_ROMAN_KINDS = ("roman", "roman_title")


def _parted_roman_headings(text: str) -> str:
    """The text with its "I. The Crossing" / "II. The Shore" lines set apart from the prose straight
    under them (no blank line between, as a phone's notes app or a pasted document sets a chapter's
    heading), so the series is read as lines alone in their block are (:func:`_numbered_line_headings`):
    read inside the block, the chapters were one and their headings story text.

    Only a series of such lines written one way, counting up, two at least, heading the text from its
    start (less text over the first than under it): a numbered list inside the story ("I. Be Kind"
    after its opening) and a lone "I." in the prose stay as they are."""
    if "\n" not in text or not any(f"\n{letter}" in text for letter in "IVXLC"):
        return text
    lines = text.split("\n")
    found: dict[str, list[tuple[int, _Numbered]]] = {}
    for index, line in enumerate(lines[:-1]):
        if line[:1] not in "IVXLC" or not line or not lines[index + 1].strip() or len(line) > HEADING_MAX_CHARS:
            continue
        numbered = _numbered_line(line.strip())
        if numbered is not None and numbered.kind in _ROMAN_KINDS:
            found.setdefault(numbered.kind, []).append((index, numbered))
    for series in found.values():
        if len(series) < 2 or not _counts_up(series[0][1].kind, [numbered for _, numbered in series]):
            continue
        first, second = series[0][0], series[1][0]
        before = sum(len(line.split()) for line in lines[:first])
        if before >= sum(len(line.split()) for line in lines[first + 1 : second]):
            continue
        for index, _ in series:
            lines[index] = f"\n{lines[index]}\n"
        return "\n".join(lines)
    return text


def _parted_running_titles(text: str) -> str:
    """The text with a line set apart that stands, the same each time, straight over each line of a
    numbered series opening its block ("The Bone Orchard" over "One | The Gate", "Two | The Roots",
    as a site that pages a story repeats its title over every part, copied with no blank line
    between): read as one block, the series was no series and the whole story one chapter. Set
    apart, the series heads chapters as lines alone in their block do, and the repeated title is
    the story's (dropped over each heading later: ``plaintext.title_over_each_heading``). Only
    where one line stands so over two lines of one series counting up, at least."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    found: dict[tuple[str, str], list[tuple[int, _Numbered]]] = {}
    for index, line in enumerate(lines[:-1]):
        over = line.strip()
        if not over or len(over) > HEADING_MAX_CHARS or (index and lines[index - 1].strip()):
            continue
        under = lines[index + 1].strip()
        numbered = _numbered_line(under) if under and len(under) <= HEADING_MAX_CHARS else None
        if numbered is not None and _numbered_line(over) is None:
            found.setdefault((over.casefold(), numbered.kind), []).append((index, numbered))
    for (_, kind), series in found.items():
        if len(series) < 2 or not _counts_up(kind, [numbered for _, numbered in series]):
            continue
        for index, _ in series:
            lines[index] += "\n"
        return "\n".join(lines)
    return text


# Blank lines before a title in capitals that heads a story of a collection: Project Gutenberg sets
# four before each (O. Henry's "THE GIFT OF THE MAGI"); a scene's gap is one or two.
TITLE_GAP = 3
TITLE_TEXT_WORDS = 6  # the paragraph under such a title is story text, longer than a by-line


_CREDIT_OPENING = re.compile(r"(?:by|translated|edited|illustrated|with an introduction)\b", re.IGNORECASE)


def _spaced_capital_titles(items: list[Item]) -> None:
    """Turn into headings the titles in capitals that a collection of stories sets each of its stories
    under, after a wide gap of blank lines ("THE GIFT OF THE MAGI", "A RETRIEVED REFORMATION"), or a
    book its chapters under its parts (Siddhartha's "FIRST PART" over "THE SON OF THE BRAHMAN"), in a
    text that marks no chapter another way: read as text, the book was one chapter (or one a part).

    Only the whole text can say: two such lines at least, each a title (:func:`_title_line`, no
    sentence, no shout: "NO!" is one), alone in its block after :data:`TITLE_GAP` blank lines or
    more, with a paragraph of story text (lower case in it) right under it, the first heading the
    text from its start (:func:`_marks_throughout`)."""
    if any(isinstance(item, Heading) and item.kind not in ("part", "named") for item in items):
        return  # (under parts, as Siddhartha's "FIRST PART" over "THE SON OF THE BRAHMAN", or after an "INTRODUCTION")
    found = [
        index
        for index, item in enumerate(items)
        if isinstance(item, Para)
        and (item.gap >= TITLE_GAP or index == 0)
        and item.text.isupper()
        and _title_line(_TITLE_ABBREVIATION.sub(r"\1", item.text))
        and isinstance(following := _at(items, index + 1), Para)
        and any(char.islower() for char in following.text)
        and len(following.text.split()) >= TITLE_TEXT_WORDS  # (a title page's "by Robert Louis Stevenson" is none)
        and not _CREDIT_OPENING.match(following.text)  # (nor "Translated into English Prose by Samuel Butler")
    ]
    if len(found) < 2 or not _marks_throughout(items, found, _text_start(items, found[0])):
        return  # (a story's closing "THE END" and "AUTHOR'S NOTE" stand after its text, not over it)
    for index in found:
        title = items[index]
        assert isinstance(title, Para)
        items[index] = Heading(title.text.strip(), "named", 2, title.text)


POV_NAMES_LEAST = 3  # headings of the names, two names at least and one of them again
POV_TURN_PARAGRAPHS = 2  # paragraphs under each name at least: one is a script's line of dialogue
_POV_NAME = re.compile(r"[A-Z][A-Z'’-]{1,20}(?:[ \t][A-Z][A-Z'’-]{1,20}){0,2}")


def _point_of_view_names(items: list[Item]) -> None:
    """Turn into headings the names in capitals a novel told from turns of view sets over each chapter
    ("JAMIE" over Jamie's chapter, "MARA" over Mara's, "JAMIE" again), in a text that marks no chapter
    another way: read as text, the book was one chapter and each name a paragraph of it. Only where
    the names come round (three lines at least, two names, one of them again), each alone in its block
    over a paragraph of story text, the first heading the text from its start (:func:`_marks_throughout`);
    the chapter is titled with the name ("Jamie")."""
    if any(isinstance(item, Heading) for item in items):
        return
    found = [
        index
        for index, item in enumerate(items)
        if isinstance(item, Para)
        and not item.note
        and _POV_NAME.fullmatch(item.text.strip())
        and isinstance(following := _at(items, index + 1), Para)
        and any(char.islower() for char in following.text)
        and len(following.text.split()) >= TITLE_TEXT_WORDS
    ]
    names = Counter(items[index].text.strip() for index in found)  # type: ignore[union-attr]
    if len(found) < POV_NAMES_LEAST or len(names) < 2 or len(names) == len(found):
        return
    if not _every_turn_holds_paragraphs(items, found):
        return  # a script's speakers over their lines ("JAMIE" / "Where were you?"), not chapters
    if not _marks_throughout(items, found, _text_start(items, found[0])):
        return
    for index in found:
        name = items[index]
        assert isinstance(name, Para)
        items[index] = Heading(name.text.strip().title(), "named", 2, name.text)


def _every_turn_holds_paragraphs(items: list[Item], found: list[int]) -> bool:
    """Each name heads POV_TURN_PARAGRAPHS paragraphs at least before the next: a chapter told from one
    view runs on, where a script fic sets a speaker's name over each line of dialogue."""
    for start, end in zip(found, [*found[1:], len(items)], strict=True):
        if sum(isinstance(item, Para) and not item.note for item in items[start + 1 : end]) < POV_TURN_PARAGRAPHS:
            return False
    return True


def _story_title_over_text(items: list[Item], index: int) -> bool:
    """A title alone in its block over a paragraph of story text (see :func:`_spaced_capital_titles`)."""
    item = items[index]
    return (
        isinstance(item, Para)
        and not item.note
        and _title_line(item.text)
        and isinstance(following := _at(items, index + 1), Para)
        and any(char.islower() for char in following.text)
        and len(following.text.split()) >= TITLE_TEXT_WORDS
        and not _CREDIT_OPENING.match(following.text)
    )


def _divided_titles(items: list[Item]) -> None:
    """Turn into headings the titles of a collection's stories set apart by dividers: "The Boatman"
    over its text, "* * *", "Salt" over its text (an anthology of one-shots in one file, in Title
    Case, with no wide gap). Read as text, the collection was one chapter. Only in a text that marks
    no chapter another way, where every divider (two at least) stands straight over a title over
    story text and the first title opens the text (:func:`_marks_throughout`): a story's scene
    breaks are followed by its prose, not each by a title."""
    if any(isinstance(item, Heading) for item in items):
        return
    breaks = [index for index, item in enumerate(items) if isinstance(item, SceneBreak)]
    breaks = [index for index in breaks if index + 1 < len(items)]  # (a divider closing the text heads nothing)
    if len(breaks) < 2 or not all(_story_title_over_text(items, index + 1) for index in breaks):
        return
    start = _text_start(items, breaks[0])
    first = next((index for index in range(start, breaks[0]) if _story_title_over_text(items, index)), None)
    if first is None or not _marks_throughout(items, [first, breaks[0] + 1], start):
        return
    for index in [first, *(index + 1 for index in breaks)]:
        title = items[index]
        assert isinstance(title, Para)
        items[index] = Heading(title.text.strip(), "named", 2, title.text)


def lesser_headings_as_text(items: list[Item]) -> None:
    """Turn back into text the headings a lesser word labels ("Letter 2", "Stave 3", "Part 2",
    :data:`_LESSER_WORDS`) where the whole text does not bear them out.

    A book heads chapters with such a word in a run of its own: Frankenstein's "Letter 1" to
    "Letter 4" before its "Chapter 1", A Christmas Carol's staves with no chapter word at all.
    A fic's "Letter 2" over the letter a character opens, inside its "Chapter 1", is that
    chapter's text. So a run of them (headings of that word with no chapter of another word
    between; for a part word, every heading of the word, chapters lying between) is kept when
    it opens where no chapter another word heads has had text yet, or when the text marks its
    chapters no other way. A part word groups chapters, so it has to open before another
    word's chapter does ("Part One" over "Chapter 1"): one that opens inside a chapter ("Chapter
    1", "Part 1", its text, "Part 2", more text) halves that chapter, and counting its halves
    as chapters would number the author's "Chapter 2" as Dogear's 3 (or leave "Chapter 1"
    empty). A part heading straight over a chapter heading ("Part Two" over "Chapter 9") is
    kept wherever it stands. A heading set as one (Markdown's "## Letter 2", an ``<h2>``) stays.
    """
    if not any(isinstance(item, Heading) and item.lesser for item in items):
        return
    other_chapters = any(_marks_chapter(item) and _lesser_word(item) is None for item in items)
    chapter_words = _CHAPTER_WORDS.split("|")
    in_other = False  # the chapter open is one another word heads ("Chapter 1")
    inside = False  # ...and story text has stood under it
    runs: dict[str, bool] = {}  # each lesser word's open run, and whether it is kept
    for index, item in enumerate(items):
        if isinstance(item, Para):
            inside = inside or (in_other and not item.note)
            continue
        if not isinstance(item, Heading):
            continue
        word = _lesser_word(item)
        if word is None:
            if _marks_chapter(item):
                in_other, inside = True, False
                runs = {key: kept for key, kept in runs.items() if key not in chapter_words}
            continue
        over_chapter = word not in chapter_words and _over_chapter(items, index)
        if word not in runs:
            opened = not inside if word in chapter_words else not in_other or over_chapter
            runs[word] = not other_chapters or opened
        if not (runs[word] or over_chapter):
            items[index] = Para(item.raw.strip())
        elif not over_chapter:
            in_other, inside = False, False  # it heads a chapter of its own


def _over_chapter(items: list[Item], index: int) -> bool:
    """Whether the heading at ``index`` stands straight over a chapter heading (scene breaks between)."""
    for at in range(index + 1, len(items)):  # (islice walked the list from its start at every call)
        if not isinstance(items[at], SceneBreak):
            return _marks_chapter(items[at])
    return False


def _marks_chapter(item: Item) -> bool:
    """A heading that opens a chapter: numbered, or set as a heading below the title's level ("# Dear
    Tom" over a story in letters is its title); not a part, nor a prologue or preface (Frankenstein's
    1831 edition opens with both before its "Letter 1")."""
    return isinstance(item, Heading) and (item.kind == "chapter" or (item.kind == "markdown" and item.level > 1))


def _lesser_word(item: Item) -> str | None:
    """The lesser word a heading line is labelled with; None for any other heading, and for one set
    as a heading by its author (a Markdown "## Letter 2")."""
    if not isinstance(item, Heading) or item.lesser is None or item.raw.lstrip().startswith("#"):
        return None
    return item.lesser


def _may_have_indents(text: str) -> bool:
    """A quick look for any indented line, so most texts skip counting indents."""
    return "\n\t" in text or "\n  " in text or "\u00a0" in text or "\u3000" in text or _indented(text)


def _line_marks(lines: list[str], markdown: bool) -> list[Heading | SceneBreak | None]:
    """The heading or divider each line of a block declares, None for text: each line is read once.

    A line alone in its block may carry a little more surrounding whitespace than one inside
    a block; past either length it is text, too long for a heading or a divider. A heading
    that opens as a sentence may is text when the line above it is a sentence still going.
    """
    limit = HEADING_MAX_CHARS + 20 if len(lines) == 1 else HEADING_MAX_CHARS
    marks = [_line_mark(line, limit, markdown) for line in lines]
    if not any(marks):
        return marks
    for index, mark in enumerate(marks):
        if (
            isinstance(mark, Heading)
            and mark.prose_like
            and index
            and _sentence_goes_on(lines[index - 1], marks[index - 1])
        ):
            marks[index] = None  # "…und las\nErstes Kapitel\nlaut vor.": the words of a hard-wrapped sentence
    return marks


def _sentence_goes_on(line: str, mark: Heading | SceneBreak | None) -> bool:
    """A hard-wrapped line of text that has not ended its sentence: the line under it carries it on.

    A short line (the book's title, a byline) is not a wrapped sentence, whatever it ends with.
    """
    line = line.rstrip()
    return mark is None and len(line.strip()) >= _WRAPPED_CHARS and _SENTENCE_END.search(line) is None


def _line_mark(line: str, limit: int, markdown: bool) -> Heading | SceneBreak | None:
    if len(line) > limit:
        return _long_markdown_heading(line) if markdown else None
    if is_scene_break(line):
        return SceneBreak(line.strip())
    return match_heading(line, markdown=markdown)


# A Markdown heading's opening markup, "## ", read on a line too long for any other heading.
_ATX_OPENING = re.compile(r"(?P<hashes>#{1,6})[ \t]+(?=\S)")
_ATX_CLOSING = re.compile(r"[ \t]+#+[ \t]*$")


def _long_markdown_heading(line: str) -> Heading | None:
    """A Markdown heading longer than :data:`HEADING_MAX_CHARS` (up to :data:`RAW_MARK_CHARS`): what the
    author marked as a heading is one, whatever its length. Read as text, its "# " was posted to readers
    and its chapter did not split. Its title is cut to a chapter title's length where every title is
    (bot.story.tidy). No other heading is looked for in it: no numbered chapter's label runs this long."""
    stripped = line.strip()
    opening = _ATX_OPENING.match(stripped) if len(stripped) <= RAW_MARK_CHARS else None
    if opening is None:
        return None
    title = _ATX_CLOSING.sub("", stripped[opening.end() :])
    if not title.isascii():
        title = normalise(_visible(title))
    return Heading(_clean_title(title), "markdown", len(opening.group("hashes")), stripped)


# The same markup opening a line longer than that, a whole paragraph marked as a heading: taken off by
# :func:`without_long_heading_markup`. (The lookahead finds a character past RAW_MARK_CHARS that is no space.)
_LONG_ATX = re.compile(rf"^(?=[ \t]*\S[^\n]{{{RAW_MARK_CHARS - 1}}}[^\n]*?\S)[ \t]*#{{1,6}}[ \t]+(?=\S)", re.MULTILINE)


def without_long_heading_markup(text: str) -> str:
    """``text`` without the "# " of Markdown headings too long to read as one (past :data:`RAW_MARK_CHARS`):
    a paragraph marked as a heading by mistake stays the story's text, and its "#" is not posted."""
    return _LONG_ATX.sub("", text) if "#" in text else text


# A lone number between ornaments, as a story heads its chapters with no word: "~ 1 ~", "• 2 •", "★ 3 ★".
# Not between dashes: "- 12 -" is a printed page's number, copied with its text.
_FRAMED_NUMBER = re.compile(r"(?P<mark>[~•·◇◆○●✧✦★☆❦❧♡♥❤*])[ \t]*(?P<inner>[0-9IVXLCDMivxlcdm]{1,8}\.?)[ \t]*(?P=mark)")
_FRAMED_MAX = _BARE_MAX + 8


# A lone number after a section sign, "§ 1." / "§ 2" / "§3": a series of them runs a story's chapters as
# lone numbers do (one "§ 2" citing a law is no series, and stays text).
_SECTION_NUMBER = re.compile(r"[§#][ \t]*(?P<inner>[0-9IVXLCDMivxlcdm]{1,8}\.?)")  # "#1", "#2" as well
# A lone number in brackets, "[1]" / "(2)" / "[ 3 ]", as phone writers and Tumblr posts head chapters.
_BRACKETED_NUMBER = re.compile(
    r"(?:\([ \t]*(?P<round>[0-9IVXLCDMivxlcdm]{1,8})[ \t]*\)|\[[ \t]*(?P<square>[0-9IVXLCDMivxlcdm]{1,8})[ \t]*\])"
)


def _unframed(text: str) -> str:
    """A lone number without the like ornaments either side of it ("~ 1 ~" is "1"), the brackets round
    it ("[1]", "(2)") or the section or number sign before it ("§ 1." is "1.", "#2" is "2"); any other
    text as it is."""
    if len(text) > _FRAMED_MAX:
        return text
    stripped = text.strip()
    if stripped[:1] in "([":
        bracketed = _BRACKETED_NUMBER.fullmatch(stripped)
        return (bracketed.group("round") or bracketed.group("square")) if bracketed else text
    found = _SECTION_NUMBER.fullmatch(stripped) if stripped[:1] in "§#" else _FRAMED_NUMBER.fullmatch(stripped)
    return found.group("inner") if found else text


def _bare_number(text: str) -> int | None:
    """The number a lone "3." or "III" shows, as +3 for digits and -3 for Roman numerals."""
    if len(text) > _BARE_MAX or (text.isascii() and text[:1] not in _BARE_FIRST):
        return None
    match = _BARE_NUMBER.match(normalise(text.strip()))
    if match is None:
        return None
    if match.group("arabic"):
        return int(match.group("arabic"))
    value = roman_value(match.group("roman"))
    return -value if value else None


_NUMBER_WORD = re.compile(rf"(?:(?:{_TENS})(?:[ -]?(?:{_UNITS}))?|{_TEENS}|{_UNITS})\.?", re.IGNORECASE)


def lone_number(text: str) -> bool:
    """A chapter's number alone: "3", "3.", "III", "Three", "TWENTY-ONE"."""
    text = text.strip()
    return _bare_number(text) is not None or _NUMBER_WORD.fullmatch(text) is not None


def bare_number_heading(text: str) -> Heading | None:
    """A lone "3", "3.", "III" or "THREE" as a chapter heading with no title, for text set as a
    heading (an ``<h1>``), which a lone number in running text is only when the whole text bears it out.
    A number in brackets or after a number sign ("## #1", "<h2>[2]</h2>") is the number alone."""
    number = _unframed(text)
    if not lone_number(number):
        return None
    return Heading(None, "chapter", 2, text, number=_number_value(number.strip().rstrip(".")))


def _bare_number_headings(items: list[Item], candidates: list[int]) -> None:
    """Turn lone "I." / "II." (or "1." / "2.") lines into chapter headings, when the text says so.

    A lone number is a heading only when the whole text bears it out: at least two of them,
    counting 1, 2, 3... (or I, II, III...) in order with no stray number between, written
    alike, each with story text under it, in a text that marks no chapters another way (where
    it does, such a series inside one chapter is its scene breaks: :func:`_section_numbers`). A
    numbered list, a lone "I." in dialogue or one stray number leaves the text as it is.
    """
    if len(candidates) < 2:
        return
    if _headed_otherwise(items, candidates[0]):
        _section_numbers(items, candidates)
        return
    if _number_series(items, candidates):
        for index in candidates:
            items[index] = Heading(None, "chapter", 2, text_of(items[index]))


# A lone number between long dashes: "— 1 —", "– 2 –", "-- 3 --". A converted print book's page numbers are set
# so too ("- 12 -" between hyphens always, see ``plaintext._without_page_furniture``), so a series of them heads
# chapters only from the text's start (:func:`_dashed_number_headings`).
_DASHED_NUMBER = re.compile(r"[ \t]*(?P<mark>--|[–—])[ \t]*(?P<inner>[0-9IVXLCDMivxlcdm]{1,8})[ \t]*(?P=mark)[ \t]*")


def _dashed_number(text: str) -> str | None:
    """The number of a lone "— 1 —" line ("1"), or None."""
    if len(text) > _FRAMED_MAX + 4 or "\n" in text.strip():
        return None
    found = _DASHED_NUMBER.fullmatch(text)
    return found.group("inner") if found is not None and _bare_number(found.group("inner")) is not None else None


# The words over a series' first heading at most where it heads the text from its start: a title page's lines.
OPENING_HEAD_WORDS = 24


def _opens_text(items: list[Item], first: int) -> bool:
    """Whether the item at ``first`` heads the text from its start: over it only a title page's short lines
    (no paragraph ending a sentence, :data:`OPENING_HEAD_WORDS` words in all at most)."""
    words = 0
    for item in items[:first]:
        if isinstance(item, Para):
            if _LINE_STOP.search(item.text.strip()):
                return False
            words += len(item.text.split())
        if words > OPENING_HEAD_WORDS:
            return False
    return True


_LINE_STOP = re.compile(r"[.!?…][\"'”’)\]]*$", re.MULTILINE)  # a line ending a sentence ("Ada Quill." too)


def _dashed_number_headings(items: list[Item], candidates: list[int]) -> None:
    """Lone numbers between dashes ("— 1 —" / "— 2 —") as chapter headings, as lone numerals are
    (:func:`_bare_number_headings`), where the first heads the text from its start (:func:`_opens_text`)
    and none stands where a sentence goes on past it: a printed page's number ("- 12 -") stands after a
    page of text, often in a sentence the page cut, and stays for the page furniture to drop."""
    if len(candidates) < 2 or _headed_otherwise(items, candidates[0]) or not _opens_text(items, candidates[0]):
        return
    if not _number_series(items, candidates, lambda text: _dashed_number(text) or text):
        return
    for index in candidates:
        above, below = _at(items, index - 1), _at(items, index + 1)
        if (
            isinstance(above, Para)
            and isinstance(below, Para)
            and _PAGE_CUT.search(above.text)
            and below.text[:1].islower()
        ):
            return  # a page's number in a sentence the page cut
    for index in candidates:
        items[index] = Heading(None, "chapter", 2, text_of(items[index]).strip())


_PAGE_CUT = re.compile(r"(?:[^\W\d_]|[,;]|[^\W\d_]-)\Z")  # a paragraph's end that ends no sentence


def _headed_otherwise(items: list[Item], first: int) -> bool:
    """Whether the text marks its chapters with headings, so that lone numbers and numbered lines from
    ``first`` on are no chapters' (a chapter's heading, or any Markdown or page heading but one): the
    title's heading alone, at level one before them ("# Salt", "Salt" over "====", an <h1>), marks no
    chapter. Under it, a Google Docs export's "**1\\. The Ferry**" lines or a text's "I." lines were
    read as one chapter (the Roman ones as its scene breaks), as they are not under a title's plain line."""
    found = [
        index for index, item in enumerate(items) if isinstance(item, Heading) and item.kind in ("chapter", "markdown")
    ]
    if not found:
        return False
    title = items[found[0]]
    return len(found) > 1 or not (
        isinstance(title, Heading) and title.kind == "markdown" and title.level == 1 and found[0] < first
    )


def lone_number_headings(items: list[Item]) -> None:
    """Lone numbers ("1", "IV"), number words ("One", "TWO") and numbered titles ("1. The Well") in
    paragraphs of their own as chapter headings, where the whole text bears them out
    (:func:`_bare_number_headings`, :func:`_word_number_headings`, :func:`_numbered_line_headings`), for a page whose paragraphs are its own: a word processor's HTML
    (Scrivener's, Cocoa's) sets "One" as a bold centred <p>, which a text file's line alone already
    was. A page that heads its chapters another way is left as it is."""
    if _headed_otherwise(items, len(items)):
        return
    bare: list[int] = []
    words: list[int] = []
    numbered: list[tuple[int, _Numbered]] = []  # "1. The Well" (Google Docs' bold <p>), as a text's line alone
    for index, item in enumerate(items):
        if not isinstance(item, Para) or "\n" in item.text:
            continue
        if len(item.text) <= _FRAMED_MAX and _bare_number(_unframed(item.text)) is not None:
            bare.append(index)
        elif len(item.text) <= _WORD_NUMBER_CHARS and _word_number_line(item.text):
            words.append(index)
        elif len(item.text) <= HEADING_MAX_CHARS and (found := _numbered_line(item.text)) is not None:
            numbered.append((index, found))
    story_name = _numbered_line_headings(items, numbered)
    _bare_number_headings(items, bare)
    _word_number_headings(items, words)
    if story_name is not None:  # (inserted last, as split_items does)
        items.insert(0, Para(story_name))


_WORD_NUMBER_CHARS = 40
WORD_NUMBER_TEXT_WORDS = 100  # a chapter's text under each number word; "One." / "Two." counted in a scene is less
WORD_NUMBER_OPENING_WORDS = 15  # the same where the first heads the text from its start (:func:`_opens_text`)


_WORD_NUMBER_LINE = re.compile(
    rf"[\W_]{{0,8}}?(?:(?:{_TENS})(?:[ -]?(?:{_UNITS}))?|{_TEENS}|{_UNITS})(?<!\.)[^\w.]{{0,8}}", re.IGNORECASE
)


def _word_number_line(text: str) -> bool:
    """A number in words alone on its line, bare or decorated: "ONE", "Two", "• three •" (one match,
    tried on every short paragraph of a text)."""
    return len(text) >= 3 and _WORD_NUMBER_LINE.fullmatch(text.strip()) is not None


def _word_number_headings(items: list[Item], candidates: list[int]) -> None:
    """Turn lone number words ("ONE", "TWO", "THREE") into chapter headings where the whole text bears
    it out, as lone numerals (:func:`_bare_number_headings`): two or more counting from one, written
    alike, in a text that marks no chapters another way, each over a chapter's worth of text (a few sentences
    where the first heads the text from its start); a countdown in a scene ("Three" / "Two" / "One") heads
    nothing."""
    if len(candidates) < 2 or _headed_otherwise(items, candidates[0]):
        return
    words = [_without_symbols(text_of(items[index]).strip()) for index in candidates]
    if [_number_value(word) for word in words] != list(range(1, len(words) + 1)):
        return
    if len({(word.isupper(), word.islower()) for word in words}) > 1:
        return
    ends = [*candidates[1:], len(items)]
    # (under a title page alone, as a flash piece numbers its short parts, a few sentences each)
    least = WORD_NUMBER_OPENING_WORDS if _opens_text(items, candidates[0]) else WORD_NUMBER_TEXT_WORDS
    for start, end in zip(candidates, ends, strict=True):
        text = sum(len(item.text.split()) for item in items[start + 1 : end] if isinstance(item, Para))
        if text < least or not isinstance(_at(items, start + 1), Para):
            return
    for index, word in zip(candidates, words, strict=True):
        items[index] = Heading(None, "chapter", 2, text_of(items[index]), number=_number_value(word))


# A date alone on its line, as a journal or a story told in dated entries heads each: "March 3rd,
# 1998", "Monday, 3 March 1998", "1998-03-03", "3/3/98". Each way of writing it is its own group:
# a journal writes all its dates one way.
_DATE_CHARS = 40
MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE_LINE = re.compile(
    rf"[\W_]{{0,4}}?{_WEEKDAY}(?:(?P<month_first>{MONTHS}[ \t]+(?:{_DAY},?[ \t]+\d{{4}}|{_DAY}|\d{{4}}))"
    rf"|(?P<day_first>{_DAY}[ \t]+(?:of[ \t]+)?{MONTHS},?(?:[ \t]+\d{{4}})?)"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})|(?P<numeric>\d{1,2}(?P<sep>[/.])\d{1,2}(?P=sep)\d{2}(?:\d{2})?))[\W_]{0,4}",
    re.IGNORECASE,
)
_DATE_FORMS = ("month_first", "day_first", "iso", "numeric")
DATE_TEXT_WORDS = 6  # the paragraph under a dated entry's date is a sentence at least, not a "Dear Anna,"


def _date_line(text: str) -> str | None:
    """How the date alone on this line is written ("month_first", "day_first", "iso", "numeric"), or
    None for any other line (one match, tried on every short paragraph of a text)."""
    found = _DATE_LINE.fullmatch(text.strip())
    return next((form for form in _DATE_FORMS if found.group(form)), None) if found is not None else None


def date_entry(line: str) -> bool:
    """A line that is a date alone, as a diary's contents list names its entries ("1 June 2003")."""
    return len(line.strip()) <= _DATE_CHARS and _date_line(line) is not None


# Words a diary's dated entries hold on average before each is a chapter without a contents list naming
# them: about a short chapter's, so entries of a paragraph or two stay the text they date.
DATED_CHAPTER_WORDS = 400


def _entry_words(items: list[Item], starts: list[int]) -> int:
    """The words of the paragraphs from the first entry's date to the end of the text."""
    return sum(len(item.text.split()) for item in items[starts[0] :] if isinstance(item, Para))


def _date_headings(items: list[Item], candidates: list[tuple[int, str]]) -> None:
    """Turn lone dates into chapter headings titled by them, where the file says its dated entries
    are its chapters: a contents list over them naming each ("Contents" / "March 3rd, 1889" / "March
    5th, 1889"), two dates or more, written alike, in a text that marks no chapters another way, each
    straight over a paragraph of prose, the first heading the text from its start
    (:func:`_marks_throughout`). Without the list, the entries head chapters only when they are as long
    as chapters (:data:`DATED_CHAPTER_WORDS` on average): read as chapters, a diary of a dozen short
    entries was a dozen chapters of a paragraph or two, each posted on its own, while a diary novel
    with no other marks is one chapter of a whole book without them. A date alone in a story's text,
    a letter's date over its "Dear Anna," or dates inside chapters stay text."""
    if len(candidates) < 2 or len({form for _, form in candidates}) > 1:
        return
    listed = {
        " ".join(line.split()).casefold()
        for item in items[: candidates[0][0]]
        if isinstance(item, Para) and "\n" in item.text
        for line in item.text.split("\n")
    }
    named = all(" ".join(text_of(items[index]).split()).casefold() in listed for index, _ in candidates)
    long = _entry_words(items, [index for index, _ in candidates]) >= DATED_CHAPTER_WORDS * len(candidates)
    if not named and not long:
        return
    if _headed_otherwise(items, candidates[0][0]):
        return
    found = [index for index, _ in candidates]
    for index in found:
        following = _at(items, index + 1)
        if not isinstance(following, Para) or len(following.text.split()) < DATE_TEXT_WORDS:
            return
    if not _marks_throughout(items, found):
        return
    for index in found:
        date = text_of(items[index]).strip()
        items[index] = Heading(_clean_title(date), "chapter", 2, date)


# A play's scene alone on its line: "SCENE ONE", "Scene 2", "SCENE III. A railway platform."
_SCENE_LINE = re.compile(
    rf"[ \t]*scene[ \t]+(?P<num>{_NUMBER})\.?(?:[ \t]*[:.\-–—][ \t]*(?P<title>\S.{{0,80}}?))?[ \t]*", re.IGNORECASE
)


def _scene_headings(items: list[Item], candidates: list[int]) -> None:
    """Turn a play's lone scene lines ("SCENE ONE", "SCENE TWO") into its chapters' headings, in a
    play with no acts: the scenes are its chapters there, as the acts are where it has them (under
    an act, its scenes stay its text). Only where the whole text bears it out: two scenes or more,
    counting from one, in a text that marks no chapter or part another way, each over text, the
    first heading the text from its start. "Scene one" in a story's prose stays its text."""
    if len(candidates) < 2 or any(isinstance(item, Heading) and item.kind != "named" for item in items):
        return
    found = [_SCENE_LINE.fullmatch(text_of(items[index])) for index in candidates]
    numbers = [_number_value(scene.group("num")) if scene else None for scene in found]
    if numbers != list(range(1, len(candidates) + 1)) or not _marks_throughout(items, candidates):
        return
    if not all(isinstance(_at(items, index + 1), Para) for index in candidates):
        return
    for index, scene, number in zip(candidates, found, numbers, strict=True):
        assert scene is not None
        name = f"Scene {_number_text(scene.group('num'))}"
        title = _clean_title(scene.group("title"))
        items[index] = Heading(title, "chapter", 2, text_of(items[index]), name=name, numbered=name, number=number)


def _lone_number_line(lines: list[str], index: int, line_mode: bool) -> bool:
    """A lone "1.", "IV", "Two" or "1. The Ferry" line between paragraphs one line each, with no
    blank line around it (Word's "Plain Text" of a document spaced by its style, not by empty
    paragraphs): a line of its own, as in a block of its own, for the passes that read a series of
    them as chapter headings. Joined to the paragraph under it, no chapter was found."""
    if index + 1 >= len(lines) or not lines[index + 1].strip():
        return False
    if not (line_mode or index == 0 or _is_paragraph_line(lines[index - 1])):
        return False  # (a hard-wrapped paragraph's lines are never looked at)
    return _lone_number(lines[index]) and not _lone_number(lines[index + 1])


def _lone_number(line: str) -> bool:
    """A line that may number a chapter alone: "1.", "IV", "Two", "1. The Ferry"."""
    line = line.strip()
    if not line or len(line) > HEADING_MAX_CHARS:
        return False
    return (
        (len(line) <= _FRAMED_MAX and _bare_number(_unframed(line)) is not None)
        or _dashed_number(line) is not None
        or (len(line) <= _WORD_NUMBER_CHARS and _word_number_line(line))
        or _numbered_line(line) is not None
    )


def _numbered_title_block(lines: list[str]) -> bool:
    """A block of two lines, a lone number ("I.", "3") and a title under it."""
    if len(lines) != 2 or len(lines[0].strip()) > _BARE_MAX or _bare_number(lines[0].strip()) is None:
        return False
    return _next_line_title(Heading(None, "chapter", 2, lines[0].strip()), lines[1]) is not None


def text_of(item: Item) -> str:
    """A paragraph's text, or "" for a heading or anything else."""
    return item.text if isinstance(item, Para) else ""


SERIES_COUNTING_ON = 3  # lone numbers counting on from past one that a text must hold to be its chapters


def _number_series(items: list[Item], candidates: list[int], unframe: Callable[[str], str] = _unframed) -> bool:
    """Lone numbers counting 1, 2, 3... (or I, II, III...) in order with no stray number between,
    written alike, each with story text under it (each number read by ``unframe``)."""
    lines = [unframe(text_of(items[index])) for index in candidates]
    values = [_bare_number(line) for line in lines]
    sign = 1 if (values[0] or 0) > 0 else -1
    counting = [sign * number for number in range(1, len(candidates) + 1)]
    # (or counting on from a later number, three at least: a serial's next file, "XIV" / "XV" / "XVI")
    first = values[0] or 0
    counting_on = len(values) >= SERIES_COUNTING_ON and values == [first + sign * step for step in range(len(values))]
    if values != counting and not counting_on and values != _numbers_by_part(items, candidates, sign):
        return False
    if len({line.endswith(".") for line in lines}) > 1:
        return False  # "I." and "II" are not one series
    taken = set(candidates)
    return all(index + 1 not in taken and isinstance(_at(items, index + 1), Para) for index in candidates)


def _numbers_by_part(items: list[Item], candidates: list[int], sign: int) -> list[int]:
    """The numbers a series of lone numbers at ``candidates`` shows when it counts from 1 again under
    each part heading (The War of the Worlds' "BOOK TWO" over "I."); Treasure Island's count on."""
    expected: list[int] = []
    number, previous = 0, -1
    for index in candidates:
        restarts = any(isinstance(item, Heading) and item.kind == "part" for item in items[previous + 1 : index])
        number = 1 if restarts and number else number + 1
        expected.append(sign * number)
        previous = index
    return expected


def _section_numbers(items: list[Item], candidates: list[int]) -> None:
    """Under chapters the text marks otherwise, lone Roman numerals counting up inside one chapter
    are its scene breaks: The Adventures of Sherlock Holmes numbers the parts of "A SCANDAL IN
    BOHEMIA" "I.", "II.", "III.", each story counting again from "I.". Lone "1." / "2." there
    are as often numbered steps of the text ("The steps." / "1." / "Climb."), and stay it."""
    chapters: dict[int, list[int]] = {}
    heading = -1
    candidate = iter(candidates)
    wanted = next(candidate, None)
    for position, item in enumerate(items):
        if isinstance(item, Heading):
            heading = position
        elif position == wanted:
            if heading >= 0:
                chapters.setdefault(heading, []).append(position)
            wanted = next(candidate, None)
    for series in chapters.values():
        roman = all((_bare_number(text_of(items[index])) or 0) < 0 for index in series)
        if len(series) >= 2 and roman and _number_series(items, series):
            for index in series:
                items[index] = SceneBreak(text_of(items[index]))


@dataclass(frozen=True, slots=True)
class _Numbered:
    """A line that may head a chapter in a numbered series: "1 - The Awakening", "2. Snowfall", "(3/5)"."""

    kind: str  # "dash", "dot", "roman", "roman_title", "parts", "marked"...: one series is written one way
    number: int
    title: str | None
    total: int = 0  # the "5" of "(3/5)"
    sub: int | None = None  # the "2" of "1.2 - Dawn": a chapter written in parts


# ("1 / The Ferry" and "1: The Ferry" too, where the series counts up: alone, a line so set may be a time, "10: 30")
_DASH_TITLE = re.compile(
    r"^(?P<num>\d{1,4})(?:\.(?P<sub>\d{1,3}))?(?:[ \t]+(?P<sep>[-–—|/])|:)[ \t]+(?P<title>\S.{0,100})$"
)
_DOT_TITLE = re.compile(r"^(?P<num>\d{1,4})\.[ \t]+(?P<title>\S.{0,100})$")
# A number in words, a separator, the title: "One | The Gate", "Two - The Roots", "THREE: The Fruit".
_WORD_TITLE = re.compile(
    rf"^(?P<num>(?:{_TENS})(?:[ -]?(?:{_UNITS}))?|{_TEENS}|{_UNITS})[ \t]*(?:[-–—|:.]|[ \t][-–—|:])[ \t]+(?P<title>\S.{{0,100}})$",
    re.IGNORECASE,
)
_ASIDE_AFTER = re.compile(r"[ \t]+\([^()\n]{1,80}\)$")  # "(T, CW: hospital)" after a title
# "I. A SCANDAL IN BOHEMIA": Gutenberg's Sherlock Holmes numbers its stories so, a capital
# numeral, a stop, the title in capitals (a numeral heading a sentence, "I. Am. Done.", is no title).
_ROMAN_DOT_TITLE = re.compile(r"^(?P<num>[IVXLC]{1,8})\.[ \t]+(?P<title>[^\s\w]*[A-Z][^a-z]{0,100})$")
# "I. A Scandal in Bohemia", "VI. The Man with the Twisted Lip": the same in Title Case, where a
# title's small words, "with", "from", "upon", may stay lower case as in a printed book's.
_ROMAN_DOT_TITLE_CASE = re.compile(r"^(?P<num>[IVXLC]{1,8})\.[ \t]+(?P<title>[^\s\w]*[A-Z].{0,100})$")
_SMALL_WORDS = frozenset(("with", "from", "into", "upon", "onto", "over", "under", "after", "about", "than", "that"))
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A web serial's chapter named for its arc and numbered within it: Worm's "Gestation 1.1", "Insinuation 2.3".
_ARC_TITLE = re.compile(r"^(?P<name>[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+){0,2})[ \t]+(?P<num>\d{1,3})\.(?P<sub>\d{1,2})$")
# A web serial's chapters numbered within their arc and nothing else: "1.01", "1.02", "2.01" (The
# Wandering Inn's "1.00" and its "1.02 H", a letter for whose chapter it is), counted as the arc's are.
_DECIMAL = re.compile(r"^(?P<num>\d{1,3})\.(?P<sub>\d{1,3})(?:[ \t]+[A-Z]{1,2})?$")
# "The Salt Road (pt 1)" / "The Salt Road (part 2)", "[part 3]": the story's name over each chapter and
# its part in brackets, as a blog or Tumblr post titles each; a chapter only in a series counting up.
_PART_SUFFIX = re.compile(
    r"^(?:(?P<title>[^()\[\]\d][^()\[\]]{0,80}?)[ \t]+)?(?:\((?P<round>[^()]+)\)|\[(?P<square>[^\[\]]+)\])$"
)
_PART_NUMBER = re.compile(r"(?:pt|part)\.?[ \t]*(?P<num>\d{1,3})", re.IGNORECASE)
_PART_OF = re.compile(
    r"^(?:(?P<title>[^()\[\]\d][^()\[\]]{0,80}?)[ \t]+)?[(\[](?P<num>\d{1,3})[ \t]*/[ \t]*(?P<total>\d{1,3})[)\]]$"
    r"|^(?P<bare>\d{1,3})[ \t]*/[ \t]*(?P<bare_total>\d{1,3})(?:[ \t]*[-–—|:][ \t]+(?P<bare_title>\S.{0,100}))?$"
)
# A number in brackets or after a number sign, then the title: "(1) The Gate", "[2] The Roots", "#3: The Fruit".
_MARKED_TITLE = re.compile(
    r"^(?:\((?P<round>\d{1,4})\)|\[(?P<square>\d{1,4})\]|#[ \t]?(?P<hash>\d{1,4}))(?:[ \t]*[-–—|:.])?[ \t]+(?P<title>\S.{0,100})$"
)


def _numbered_line(text: str) -> _Numbered | None:
    """The series mark a line alone in its block may be; whether it is one is decided over the whole text."""
    if len(text) > HEADING_MAX_CHARS:
        return None
    if text[-1:].isdigit() and (arc := _ARC_TITLE.match(text)) is not None:
        return _Numbered("arc", int(arc.group("num")), text.strip(), 0, int(arc.group("sub")))
    if text[:1].isdigit() and (decimal := _DECIMAL.match(text)) is not None:
        return _Numbered("arc", int(decimal.group("num")), text.strip(), 0, int(decimal.group("sub")))
    if text[:1].isalpha() and (worded := _WORD_TITLE.match(text)) is not None:
        title = worded.group("title").strip()  # "One | The Gate", "TWO - The Roots" (Wattpad's part titles)
        value = _number_value(worded.group("num").replace("-", " "))
        return _Numbered("word", value, title) if value and _title_line(title) else None
    if text[:1] in "([#" and (marked := _MARKED_TITLE.match(text)) is not None:
        title = marked.group("title").strip()
        number = int(marked.group("round") or marked.group("square") or marked.group("hash"))
        return _Numbered("marked", number, title) if _title_line(title) else None
    if not (text[:1].isdigit() or text.endswith((")", "]")) or text[:1] in "IVXLC"):
        return None
    text = normalise(text)
    roman = _ROMAN_DOT_TITLE.match(text) if text[:1] in "IVXLC" else None
    if roman is not None:
        value = roman_value(roman.group("num"))
        title = roman.group("title").strip()
        return _Numbered("roman", value, title) if value and _title_line(title) else None
    roman = _ROMAN_DOT_TITLE_CASE.match(text) if text[:1] in "IVXLC" else None
    if roman is not None:
        value = roman_value(roman.group("num"))
        title = roman.group("title").strip()
        return _Numbered("roman_title", value, title) if value and _book_title_case(title) else None
    part_of = _PART_OF.match(text) if "/" in text else None
    if part_of:
        if part_of.group("bare"):
            title = part_of.group("bare_title")  # "1/3 - The Gate": a part's own title after its place
            if title and not _title_line(title.strip()):
                return None
            return _Numbered(
                "parts", int(part_of.group("bare")), title and title.strip(), int(part_of.group("bare_total"))
            )
        title = part_of.group("title")
        return _Numbered("parts", int(part_of.group("num")), title and title.strip(), int(part_of.group("total")))
    if text.endswith((")", "]")) and (suffix := _PART_SUFFIX.match(text)) is not None:
        part = _PART_NUMBER.fullmatch((suffix.group("round") or suffix.group("square")).strip())
        if part is not None:
            title = suffix.group("title")
            return _Numbered("part_suffix", int(part.group("num")), title and title.strip())
    for kind, pattern in (("dash", _DASH_TITLE), ("dot", _DOT_TITLE)):
        match = pattern.match(text)
        if match is None:
            continue
        title = match.group("title").strip()
        lower = not _title_line(_ASIDE_AFTER.sub("", title))  # "1. Kettle (G)": a drabble's rating after it
        # in lower case only under a number set as a chapter's ("01. the beginning", "3 | the end"):
        # "1 - we went to the shop" is a list of what happened
        marked = match.group("num").startswith("0") or match.groupdict().get("sep") == "|"
        if lower and not (marked and _lower_case_title(title)):
            continue
        sub = match.groupdict().get("sub")
        return _Numbered(f"{kind}_lower" if lower else kind, int(match.group("num")), title, 0, sub and int(sub))
    return None


def _lower_case_title(title: str) -> bool:
    """A title all in lower case, as phone writers title chapters ("01. the beginning"): a few words
    that end no sentence. Only a series heading the text from its start makes them chapters."""
    return (
        title == title.lower() and len(title.split()) <= 8 and title[-1:] not in _TITLE_EDGE_END and ". " not in title
    )


def _book_title_case(title: str) -> bool:
    """A title as a printed book sets one in Title Case: "The Man with the Twisted Lip" (its small
    words lower case, up to "upon"), not a sentence ("Be kind to strangers.")."""
    if len(title) > 80 or len(title.split()) > 12 or title[-1:] in _TITLE_EDGE_END or ". " in title:
        return False
    words = [word for word in _TITLE_WORD.findall(title) if len(word) > 3]
    return all(word[0].isupper() or word in _SMALL_WORDS for word in words)


def _numbered_line_headings(items: list[Item], candidates: list[tuple[int, _Numbered]]) -> str | None:
    """Turn "1 - The Awakening" / "1. Snowfall" / "(1/5)" lines into chapter headings, when the text says so.

    As with lone numerals (:func:`_bare_number_headings`), only the whole text can say: a
    series written one way, each line alone in its block with story text under it, counting
    up by one (parts all "of" the same total), in a text that marks no chapters another way.
    A line with no text under it (a table of contents before the chapters) is left out of
    the series and stays text; a list item or a sentence never counts up alone.

    Returns the name a series of parts repeats ("The Salt Road (pt 1)", "(pt 2)") when no line stands
    over it: the story's title (without it, the file's name was), for the caller to set over the text.
    """
    if len(candidates) < 2 or _headed_otherwise(items, candidates[0][0]):
        return None
    taken = {index for index, _ in candidates}
    for kind in (
        "dash",
        "dot",
        "roman",
        "roman_title",
        "parts",
        "part_suffix",
        "arc",
        "dash_lower",
        "dot_lower",
        "word",
        "marked",
    ):
        series = [
            (index, found)
            for index, found in candidates
            if found.kind == kind and index + 1 not in taken and isinstance(_at(items, index + 1), Para)
        ]
        if len(series) < 2 or not _counts_up(kind, [found for _, found in series]):
            continue
        if kind in _FROM_THE_START and not _marks_throughout(items, [index for index, _ in series]):
            continue
        # "The Salt Road (pt 1)" / "The Salt Road (pt 2)": the story's name each time, no chapter's title
        same_name = kind in ("part_suffix", "parts") and len({found.title for _, found in series}) == 1
        for index, found in series:
            raw = items[index].text if isinstance(items[index], Para) else ""
            title = found.title if kind == "arc" else _series_title(found)  # "Gestation 1.1" as the serial names it
            title = None if same_name else title
            items[index] = Heading(title, "chapter", 2, raw)
        name = series[0][1].title
        if same_name and name and not any(isinstance(item, Para) for item in items[: series[0][0]]):
            return name  # no title over them: the name each part repeats is the story's
        return None
    return None


_FROM_THE_START = frozenset(
    ["roman_title", "dash_lower", "dot_lower", "word", "marked"]
)  # kinds a list inside a story may take too


def _marks_throughout(items: list[Item], series: list[int], start: int = 0) -> bool:
    """The series heads the text from ``start``: less text stands before its first line (a title,
    a by-line, a note) than under it. "I. Be Kind" / "II. Be Brave" numbering a list inside a
    story, after the story's own opening, are that story's text."""

    def words(start: int, end: int) -> int:
        return sum(len(item.text.split()) for item in items[start:end] if isinstance(item, Para))

    return words(start, series[0]) < words(series[0] + 1, series[1])


_START_MARKER = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)


def _text_start(items: list[Item], first: int) -> int:
    """Where the text the first title may head begins: after Project Gutenberg's header (its
    "*** START OF THE PROJECT GUTENBERG EBOOK" line) and after the last heading before that title
    (an "INTRODUCTION" is a chapter of its own, whatever its length)."""
    for index in range(first - 1, -1, -1):
        item = items[index]
        if isinstance(item, Heading):
            return first  # its text is that heading's chapter, not text before the titles
        if isinstance(item, Para) and _START_MARKER.match(item.text):
            return index + 1
    return 0


def numbered_label(label: str) -> bool:
    """Whether a heading's label is numbered as a chapter in a series is ("I. The Camp", "2. Snowfall",
    "One | The Gate"): the preamble asks it of the heading under a title page's last line."""
    return _numbered_line(label.strip()) is not None


def series_titles(labels: list[str]) -> list[str] | None:
    """The titles of a contents list whose every entry is numbered as a series ("1. Aftermath",
    "2. Grimmauld Place"), without their numbers, as :func:`_numbered_line_headings` reads such
    lines in a text (FicHub's and FanFicFare's EPUBs number their contents so); None when the
    entries are not one series counting up, so "1984" or "2. A Second Try" alone keep theirs."""
    found = [_numbered_line(label) for label in labels]
    series = [entry for entry in found if entry is not None]
    if len(series) < 2 or len(series) != len(labels) or len({entry.kind for entry in series}) != 1:
        return None
    if series[0].kind == "parts" or not _counts_up(series[0].kind, series):
        return None
    return [_series_title(entry) or entry.title or "" for entry in series]  # "1. Chapter 1": "Chapter 1"


def _series_title(found: _Numbered) -> str | None:
    """FanFicFare numbers every chapter, so "1. Chapter 1" has no title and "3. Epilogue" is the epilogue.

    A part of a chapter ("1.2 - Dawn") keeps its number in its title, as "Chapter 1.2" does.
    """
    title = found.title
    heading = match_heading(title, markdown=False) if title else None
    title = heading.title if heading is not None else title
    if found.sub is None:
        return title
    number = f"{found.number}.{found.sub}"
    return f"{number}: {title}" if title else number


def _at(items: list[Item], index: int) -> Item | None:
    return items[index] if index < len(items) else None


def _counts_up(kind: str, series: list[_Numbered]) -> bool:
    """1, 2, 3... (from any first number); "(1/5)", "(2/5)"... from one, all of the same total."""
    if any(found.sub is not None for found in series):
        return all(_next_part(before, after) for before, after in itertools.pairwise(series))
    first = series[0].number
    if [found.number for found in series] != list(range(first, first + len(series))):
        return False
    if kind != "parts":
        return True
    total = series[0].total
    return first == 1 and all(found.total == total for found in series) and series[-1].number <= total


def _next_part(before: _Numbered, after: _Numbered) -> bool:
    """1.1 then 1.2, or 1.3 then 2 or 2.1: the next part of the chapter or the next chapter."""
    if after.number == before.number:
        return before.sub is not None and after.sub == before.sub + 1
    return after.number == before.number + 1 and after.sub in (None, 0, 1)


def _untitled_part(item: Item) -> TypeGuard[Heading]:
    """A part heading that is its label and number only ("BOOK ONE"), with no title of its own."""
    return isinstance(item, Heading) and item.kind == "part" and item.title is not None and ":" not in item.title


def _wants_title(item: Item) -> TypeGuard[Heading]:
    """A bare numbered chapter heading ("Chapter 3", "CHAPTER III", "IV.") may take its title from the next line."""
    return isinstance(item, Heading) and item.kind == "chapter" and item.title is None


def _title_line(text: str) -> bool:
    """Short, Title Case or all caps, one line, and not a sentence: "The Cartographer's Daughter"."""
    if len(text) > 100:
        return False
    text = text.strip()
    if not text or "\n" in text or len(text) > 80 or len(text.split()) > 12:
        return False
    if text[0] in _TITLE_EDGE_START or text[-1] in _TITLE_EDGE_END or ". " in text:
        return False
    if is_scene_break(text) or not any(char.isalpha() for char in text):
        return False
    return _looks_like_title(text)


def _titles_heading(text: str) -> bool:
    """Whether the line under a bare chapter heading is its title: a title's words, or emoji alone."""
    return _title_line(text) or _emoji_title(text)


EMOJI_TITLE_MOST = 4
_PICTOGRAPHS_FROM = 0x1F300  # Unicode's pictographs: 🌊 🔥 🌙 💔, not a fleuron's ❦ or a star's ★


def _emoji_title(text: str) -> bool:
    """Whether a line is a chapter's title of emoji alone, a few, none twice ("🌊", "🔥💔"), as a phone
    writer titles a chapter on the line under "Chapter 1". Alone in a paragraph such a line is a
    divider; under a bare heading it was dropped as one, the chapter untitled. "🌸🌸🌸" stays a divider."""
    text = text.strip()
    if not text or len(text) > 4 * EMOJI_TITLE_MOST:
        return False
    glyphs = [char for char in text if not char.isspace() and unicodedata.category(char) not in ("Mn", "Cf", "Sk")]
    return (
        0 < len(glyphs) <= EMOJI_TITLE_MOST
        and len(set(glyphs)) == len(glyphs)
        and all(unicodedata.category(char) == "So" for char in glyphs)
        and ord(glyphs[0]) >= _PICTOGRAPHS_FROM  # (a sequence's sign after its joiner may be older: "🧜🏽‍♀️")
    )


_POSTED_DATE = re.compile(
    r"(?:(?:posted|updated|published|written)(?:[ \t]+(?:on|at))?[ \t]*:?[ \t]+)(?P<date>\S.{3,40}?)"
    r"(?:,?[ \t]+(?:at[ \t]+)?\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?)?",  # Webnovel's "Updated at Mar 1, 2024 10:00"
    re.IGNORECASE,
)


def _posted_date(item: Item) -> bool:
    """A serial's line of when a chapter went up, alone under its heading ("Posted March 3, 2023",
    "Updated: 10 March 2023"): the chapter's note, not its title (it titled every chapter) nor its text."""
    if not isinstance(item, Para) or item.note or "\n" in item.text.strip() or len(item.text) > _DATE_CHARS + 20:
        return False
    line = item.text.strip().strip("*_").strip()  # set in italics or bold: "_Posted: 2024-03-01_", "*Words: 1234*"
    if word_count_line(line):  # "Words: 1234" ("Words" is a title's Title Case word: it titled every chapter)
        return True
    if _credit_line(line):
        return True  # a translated serial's "Translator: Ada Quill  Editor: Bram" (NovelUpdates' sites)
    found = _POSTED_DATE.fullmatch(line)
    return found is not None and _date_line(found.group("date").rstrip(".")) is not None


# Who translated and edited a chapter of a translated serial, under its heading: "Translator: Ada Quill  Editor:
# Bram", "TL: ada | ED: bram", "Translated by Ada Quill". (The abbreviations in capitals only: "Ed:" is a name.)
_CREDIT_ROLE = (
    r"(?:(?i:(?:translator|translation|editor|proofreader|tl[ \t]+check(?:er)?)[ \t]*:|(?:translated|edited|proofread)"
    r"[ \t]+by)|(?:TL|ED|PR|TLC)[ \t]*:)"
)
_CREDIT = re.compile(rf"{_CREDIT_ROLE}[ \t]*[^\s:|/·•,;.!?][^\n:|/·•,;.!?]{{0,40}}")
_CREDIT_SEPARATOR = re.compile(r"[ \t]*[|/·•,][ \t]*|[ \t]{2,8}")
CREDITS_MOST = 4


def _credit_line(line: str) -> bool:
    """Credits alone on the line, one or a few between bars or runs of spaces (:data:`_CREDIT_ROLE`)."""
    parts = _CREDIT_SEPARATOR.split(line.strip(), CREDITS_MOST)
    return len(parts) <= CREDITS_MOST and all(_CREDIT.fullmatch(part) for part in parts)


def titles_from_next_line(items: list[Item]) -> list[Item]:
    """A bare "Chapter 1" with "The Cartographer's Daughter" on the line under it takes that line as its title.

    Only under a heading with no title of its own, only a title-like line, and only when the
    chapter's text follows it, so a chapter's first sentence is never taken for its title.
    """
    if not any(
        _wants_title(item)
        or _untitled_part(item)
        or (isinstance(item, Heading) and index + 1 < len(items) and _posted_date(items[index + 1]))
        for index, item in enumerate(items)
    ):  # (a titled chapter's "Updated at Mar 1, 2024 10:00" under it is its note too)
        return items
    kept: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        kept.append(item)
        index += 1
        if _untitled_part(item) and index + 1 < len(items):
            # A part's title under it, over its first chapter's heading: "BOOK ONE" / "THE COMING OF
            # THE MARTIANS" / "I." (The War of the Worlds).
            line, following = items[index], items[index + 1]
            if (
                isinstance(line, Para)
                and isinstance(following, Heading)
                and (title := _next_line_title(item, line.text))
            ):
                item.title = f"{_part_case(item.title or '', item.raw, title)}: {normalise(title)}"
                index += 1
            continue
        if isinstance(item, Heading) and index < len(items) and _posted_date(items[index]):
            items[index].note = True  # type: ignore[union-attr]  # "Posted March 3, 2023" under a serial's chapter
            continue
        if not _wants_title(item) or index + 1 >= len(items):
            continue
        line, following = items[index], items[index + 1]
        if (
            isinstance(line, Para)
            and isinstance(following, Para)
            and (title := _next_line_title(item, line.text))
            and not _posted_at(following.text)
        ):
            item.title = normalise(title)
            index += 1
    return kept


# A post's date and the time it went up, as Patreon sets it under the writer's name: "Mar 1, 2024 at 10:00 AM".
_POSTED_AT = re.compile(r"(?P<date>[^\n]{4,30}?)[ \t]+at[ \t]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]*", re.IGNORECASE)


def _posted_at(text: str) -> bool:
    """A post's date and time alone (:data:`_POSTED_AT`): the line over it is the writer's name, no
    chapter's title (Patreon's "Salt Roads - Chapter 3" / "Ada Quill" / "Mar 1, 2024 at 10:00 AM")."""
    found = _POSTED_AT.fullmatch(text.strip()) if len(text) <= _DATE_CHARS + 20 else None
    return found is not None and _date_line(found.group("date")) is not None


# The labels that head a note on a line of their own ("Author's Note" over the note): not "Note" or
# "AN", which may be a line of the story. Never a chapter's title either.
NOTE_LABELS_ALONE = (
    r"a/n|author['’]?s['’]? ?notes?|authors? notes?|note from the author|t/n|translator['’]?s['’]? ?notes?"
    r"|author['’]?s['’]? ?afterword"
)
_NOTE_LABEL_LINE = re.compile(rf"[*_(\[]*(?:{NOTE_LABELS_ALONE})[*_)\]]*[ \t]*:?", re.IGNORECASE)
_TEXT_ITALICS = re.compile(r"(?<![\w_])_([^_\n]+)_(?![\w_])")  # "_continued_", as Project Gutenberg marks italics


# A title set between the same marks on the line under a bare heading: "— Mara —" (the chapter's point of
# view), "~ The Ferry ~", "-- Low Water --". As text, the name opened every chapter.
_FRAME_MARKS = "-–—~=•·"
_FRAMED_TITLE = re.compile(r"(?P<mark>[-–—~=•·]{1,3})[ \t]++(?P<inner>[^\W\d_][^\n]{0,60}?)[ \t]++(?P=mark)")


def _next_line_title(heading: Heading, text: str) -> str | None:
    """The title the line under a bare heading gives it, or None.

    A line ending as a sentence does is no title, but for a book set in the old style, where the
    heading and its title both close with a full stop ("CHAPTER I." over "THE HARBOUR.", as
    Project Gutenberg's texts keep them): the stop is the style's, not a sentence's.
    """
    text = text.strip()
    if _NOTE_LABEL_LINE.fullmatch(text):
        return None  # "Author's Note" under "Chapter 1" heads the chapter's note: as its title, the note was story text
    if date_entry(text):
        return None  # "March 3rd, 1889" under "Chapter 1" is its entry's first line; it titled every chapter
    if _titles_heading(text):
        return text
    framed = _FRAMED_TITLE.fullmatch(text) if text[:1] in _FRAME_MARKS else None
    if framed is not None and _titles_heading(framed.group("inner")):
        return framed.group("inner")  # a point of view's name set between dashes, "— Mara —", or "~ The Ferry ~"
    if "_" in text and _title_line(plain := _TEXT_ITALICS.sub(r"\1", text)):
        return plain  # Dracula's "JONATHAN HARKER’S JOURNAL--_continued_": a text file's italics
    styled = heading.raw.strip().endswith(".") and text.endswith(".") and not text.endswith("..")
    return text[:-1].rstrip() if styled and text[:-1].isupper() and _title_line(text[:-1]) else None


@dataclass(slots=True)
class _IndentCount:
    """How a text uses indented lines; see :func:`_count_indent_paragraphs`."""

    text_blocks: int = 0
    starts_inside: int = 0  # indented lines with text above them in the same block
    paragraphs: int = 0  # paragraphs that begin with an indented line
    prose_ends: int = 0  # ...and end as a sentence does

    @property
    def marks_paragraphs(self) -> bool:
        """Indents, not blank lines, separate the paragraphs; and they are prose, not verse."""
        return (
            self.starts_inside >= 2
            and self.starts_inside >= self.text_blocks
            and self.prose_ends * 3 >= self.paragraphs * 2
        )

    @property
    def marks_scenes(self) -> bool:
        """Blocks hold many indented paragraphs each, so a blank line between them is a scene break."""
        return self.marks_paragraphs and self.starts_inside >= 2 * self.text_blocks


def _count_indent_paragraphs(
    blocks: list[tuple[int, str]], marks: list[list[Heading | SceneBreak | None]]
) -> _IndentCount:
    """Count indented paragraph starts, to tell a tab-indented manuscript from verse or a quoted letter.

    Verse indents every other line and its lines end in commas; a hard-wrapped text indented
    as a whole ends most lines mid-sentence. Prose marked by indents ends its paragraphs
    with a sentence.
    """
    count = _IndentCount()
    for (_, block), block_marks in zip(blocks, marks, strict=True):
        previous_text: str | None = None  # the last text line, while a paragraph is open
        open_indented = False
        block_has_text = False
        under_mark = False  # the line before was a heading's or a divider's in this block
        for line, mark in zip(block.split("\n"), block_marks, strict=True):
            if mark is not None:
                _close_paragraph(count, open_indented, previous_text)
                previous_text, open_indented, under_mark = None, False, True
                continue
            if _indented(line):
                _close_paragraph(count, open_indented, previous_text)
                # (under "Chapter 2" on the line above, with no blank line: a paragraph's start there too)
                count.starts_inside += previous_text is not None or under_mark
                open_indented = True
            under_mark = False
            previous_text = line
            block_has_text = True
        _close_paragraph(count, open_indented, previous_text)
        count.text_blocks += block_has_text
    return count


def _indented(line: str) -> bool:
    """A tab, two spaces or an ideographic space before the line's text."""
    return _INDENT.match(line) is not None and not line.isspace()


def _close_paragraph(count: _IndentCount, indented: bool, last_line: str | None) -> None:
    if indented and last_line is not None:
        count.paragraphs += 1
        count.prose_ends += _PROSE_END.search(last_line.rstrip()) is not None


def _flush(pending: list[str], into: list[Item]) -> None:
    if pending:
        into.append(Para(_join_lines(pending), 0))
        pending.clear()


def _blocks(text: str) -> list[tuple[int, str]]:
    """(blank lines before, block text) for each run of non-blank lines."""
    parts = _BLANK_SPLIT.split("\n" + text.strip("\n") + "\n")
    blocks: list[tuple[int, str]] = []
    gap = 0
    for index in range(0, len(parts), 2):
        body = parts[index].strip("\n")
        if body and not body.isspace():
            blocks.append((gap, body))
        if index + 1 < len(parts):
            gap = parts[index + 1].count("\n") - 1
    return blocks


# A line that ends a sentence: its stop, then any closing quote, bracket or emphasis mark.
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]*_~]*$")
SENTENCE_LINES_TOLD = 6  # prose lines inside blocks a text needs before its line ends tell its layout
SENTENCE_LINES_SHARE = 0.8  # ...and the share of them that end a sentence in a text of one paragraph a line
SENTENCE_LINES_ALL = 4  # ...or fewer of them, every one ending a sentence (a short story saved by Word or LibreOffice)


def _underlines(line: str, text: str) -> bool:
    """A line of "=" or "-" as long as the line over it, give or take two: the underline a text sets
    under a heading (Pandoc's plain text, a Markdown habit in a .txt), as Markdown's setext heading.
    A divider under a paragraph is not measured to it."""
    mark, over = line.strip(), text.strip()
    return len(mark) >= 3 and len(set(mark)) == 1 and mark[0] in "=-" and abs(len(mark) - len(over)) <= 2


def _is_line_per_paragraph(blocks: list[tuple[int, str]]) -> bool:
    """Whether the text sets one paragraph a line with no blank line between (a paste, a phone's
    notes): told by its lines as a whole. Long lines (past 100 characters) are no hard wrap's; and a
    hard-wrapped text ends few of its lines with a sentence (each paragraph's last, a stop that falls at
    the margin), where a text of one paragraph a line ends nearly all of them so, whatever their length
    (lines of 80 to 100 characters were joined into one paragraph a chapter)."""
    lines = sum(block.count("\n") for _, block in blocks) + len(blocks)
    if lines < 8:
        return _sentence_lines_alone(blocks) and not _stanzas(blocks)
    return _lines_alone(blocks, lines) and not _stanzas(blocks)


def _lines_alone(blocks: list[tuple[int, str]], lines: int) -> bool:
    """:func:`_is_line_per_paragraph` for a text of eight lines or more, verse aside."""
    if len(blocks) * 4 < lines:
        long_lines = sum(1 for _, block in blocks for line in block.split("\n") if len(line) > 100)
        # Long lines inside multi-line blocks are paragraphs written without blank lines between.
        if long_lines * 3 > lines:
            return True
    in_runs = sum(block.count("\n") + 1 for _, block in blocks if "\n" in block)
    if in_runs * 3 < lines * 2:  # most paragraphs stand apart: a song or a letter's lines are its own
        return False
    inner = [  # each block's lines but its last (which ends a paragraph in either layout): prose-long ones,
        # and short ones ending a sentence ('"Hey."', a hard-wrapped paragraph's last), not a title's or heading's
        stripped
        for _, block in blocks
        for line in block.split("\n")[:-1]
        if len(stripped := line.strip()) >= _WRAPPED_CHARS or (stripped and _ENDS_SENTENCE.search(stripped))
    ]
    ended = sum(1 for line in inner if _ENDS_SENTENCE.search(line))
    if len(inner) >= SENTENCE_LINES_ALL and ended == len(inner):
        return True  # a hard wrap falls at a sentence's end one line in ten or so: four in a row are no wrap's
    return len(inner) >= SENTENCE_LINES_TOLD and ended >= SENTENCE_LINES_SHARE * len(inner)


VERSE_LINE_CHARS = 60  # a verse line's length at most, as the stanza tests below read it
STANZA_LINES = (3, 8)  # the lines of a stanza, for stanzas told by their shape alone
RHYME_SPAN = 3  # a line's rhyme looked for this many lines on, in its stanza (AABB, ABAB, ABCB)
RHYME_PAIRS = 2
_RHYME_WORD = re.compile(r"([^\W\d_]+)[^\w]*$")
_RHYME_VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü"
_RHYME_SUFFIXES = ("ing", "ed", "es", "ly", "s")  # an inflection rhymes only with its stem's rhyme: "walked" / "talked"


def _stanzas(blocks: list[tuple[int, str]]) -> bool:
    """Whether the text's blocks of several short lines (:data:`VERSE_LINE_CHARS` each) are a poem's stanzas,
    each line a line of verse, not a paragraph: their lines rhyme (two pairs at least, half the lines, a
    line's rhyme within :data:`RHYME_SPAN` lines of it in its stanza), or two stanzas or more of the same
    number of lines, no line of dialogue among them. Read a paragraph a line, a quatrain whose lines each
    end with a stop was four paragraphs. A title page's block over them (no line ending a sentence) is not
    counted; a block of several lines with a longer line in it is prose's, and ends the reading there."""
    stanzas: list[list[str]] = []
    for _, block in blocks:  # (a prose line ends it early: a novel a paragraph a line is read no further)
        stanzas.append([line.strip() for line in block.split("\n") if line.strip()])
        if len(stanzas[-1]) >= 2 and any(len(line) > VERSE_LINE_CHARS for line in stanzas[-1]):
            return False
    if stanzas and not any(_ENDS_SENTENCE.search(line) for line in stanzas[0]):
        stanzas = stanzas[1:]
    stanzas = [lines for lines in stanzas if len(lines) >= 2]
    if not stanzas:
        return False
    sizes = {len(lines) for lines in stanzas}
    if (
        len(stanzas) >= 2
        and len(sizes) == 1
        and STANZA_LINES[0] <= min(sizes) <= STANZA_LINES[1]
        and not any(line[:1] in _DIALOGUE_OPENERS or _CHAT_LINE.match(line) for lines in stanzas for line in lines)
    ):
        return True  # (a scene's dialogue, a line a paragraph, is prose's)
    pairs = 0
    rhymed = 0
    for lines in stanzas:
        ends = [_RHYME_WORD.search(line) for line in lines]
        words = [found.group(1).casefold() if found else "" for found in ends]
        keys = [_rhyme_key(word) for word in words]
        paired = [False] * len(lines)
        for first, key in enumerate(keys):
            for second in range(first + 1, min(first + 1 + RHYME_SPAN, len(keys))):
                if key and key == keys[second] and words[first] != words[second]:
                    pairs += 1
                    paired[first] = paired[second] = True
        rhymed += sum(paired)
    return pairs >= RHYME_PAIRS and rhymed * 2 >= sum(len(lines) for lines in stanzas)


_DIALOGUE_OPENERS = frozenset('"“”«»「『—-')


def _rhyme_key(word: str) -> str:
    """A word's rhyme as its spelling gives it, roughly: from its last vowels on ("deep", "sleep": "eep"), a
    silent "e" with the vowels before it ("wide", "tide": "ide"), an inflection with its stem's ("walked":
    "alked"), so "waited" and "walked" do not rhyme. Empty for a word with no vowel."""
    for suffix in _RHYME_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and any(char in _RHYME_VOWELS for char in stem):
            stem_key = _rhyme_key(stem)
            return stem_key + suffix if stem_key else ""
    end = len(word)
    if end >= 3 and word[-1] == "e" and word[-2] not in _RHYME_VOWELS:
        end -= 1  # a silent "e": its rhyme is the vowel before it
    start = end
    while start > 0 and word[start - 1] not in _RHYME_VOWELS:
        start -= 1
    while start > 0 and word[start - 1] in _RHYME_VOWELS:
        start -= 1
    return word[start:] if start < end and any(char in _RHYME_VOWELS for char in word[start:end]) else ""


def _sentence_lines_alone(blocks: list[tuple[int, str]]) -> bool:
    """A text too short for its lines as a whole to tell its layout (under eight) whose lines past a title
    page's block are every one a sentence, :data:`SENTENCE_LINES_ALL` at least in its blocks of several lines (a
    flash piece saved by Word, "The ferry left at dawn." / "Mara counted the crates." / ...): a paragraph each,
    not one. (A chat's lines, "Deano: Right.", keep their block.)"""
    if blocks and not any(_ENDS_SENTENCE.search(line.strip()) for line in blocks[0][1].split("\n")):
        blocks = blocks[1:]  # the title page's lines ("Salt Roads" / "by Ada Quill")
    lines = [line.strip() for _, block in blocks for line in block.split("\n")]
    joined = [line.strip() for _, block in blocks if "\n" in block for line in block.split("\n")]
    return (
        len(joined) >= SENTENCE_LINES_ALL
        and all(line[:1].isupper() and _ENDS_SENTENCE.search(line) for line in lines)
        and not any(_CHAT_LINE.match(line) for line in joined)
    )


# A chat's message on its line: its speaker (a handle or a first name), its time in brackets before it or none
# ("[12:03] tessmarlow: anyone up", "bram_k: no", "12:04 AM ada.l: omw").
_CHAT_LINE = re.compile(
    r"[ \t]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?m\.?)?\]?[ \t]+)?(?P<who>@?[\w.-]{1,30}):[ \t]+\S",
    re.IGNORECASE,
)
_TIMED = re.compile(r"[ \t]*\[?\d{1,2}:\d{2}")
CHAT_LINES_MOST = 500  # lines of one block read as a chat's


def _chat_lines(lines: list[str]) -> bool:
    """Whether a block's lines are a chat's messages, one a line ("[12:03] tessmarlow: anyone up" /
    "[12:03] bram_k: unfortunately", a chat-fic's group chat): three lines at least, each a speaker's
    and a colon, two speakers or more, one speaking twice or each line timed. Read as one paragraph,
    a chat of a hundred messages was one paragraph; a header's fields ("Title: ..." / "Author: ...")
    name each field once, and are no chat."""
    texts = [line for line in lines if line.strip()]
    if not 3 <= len(texts) <= CHAT_LINES_MOST:
        return False
    speakers = []
    for line in texts:
        found = _CHAT_LINE.match(line)
        if found is None:
            return False
        speakers.append(found.group("who").casefold())
    timed = all(_TIMED.match(line) for line in texts)
    return len(set(speakers)) >= 2 and (timed or len(set(speakers)) < len(speakers))


def _is_paragraph_line(previous: str) -> bool:
    """A long line ending a sentence, followed by more text, ended its own paragraph."""
    return len(previous) > 100 and _SENTENCE_END.search(previous.rstrip()) is not None


def _opens_paragraph(line: str, pending: list[str]) -> bool:
    """A long line (past 100 characters, no hard wrap's) under lines that would be joined as a wrapped paragraph,
    the last ending a sentence, opens a paragraph of its own: a line a paragraph, as Word and LibreOffice save
    text, read as one hard-wrapped paragraph a chapter where its lines were about as long as a wrapped text's.
    Not a line that carries on a quote ('" He pocketed the key.'), nor under a chat's, a script's or a list's
    lines, which keep their breaks."""
    if len(line.strip()) <= 100 or not pending or _ENDS_SENTENCE.search(pending[-1].rstrip()) is None:
        return False
    if _PARAGRAPH_START.match(line.lstrip()) is None or _FIELD_LINE.match(line):
        return False
    # The last lines only: read whole, a block of thousands of lines was read again under each long line.
    recent = pending[-OPENS_LOOKBACK:]
    fields = recent[1:] if len(recent) == len(pending) else recent  # (a field may head the paragraph)
    return all(_WRAPPED_CHARS <= len(text.strip()) <= 100 for text in recent) and not any(
        _FIELD_LINE.match(text) for text in fields
    )


# The pending lines _opens_paragraph reads: a wrapped paragraph shows its shape in its last lines.
OPENS_LOOKBACK = 16
# How a paragraph opens: a letter or a digit, after an opening quote, bracket or emphasis mark or none.
_PARAGRAPH_START = re.compile(r"[\"'“‘«(\[*_]?[^\W_]")


_FIELD_LINE = re.compile(r"^[ \t]*[A-Za-z][\w'’ /&-]{0,30}:[ \t]")


def _join_lines(lines: list[str]) -> str:
    """Hard-wrapped prose becomes one line; verse, short lines and "Key: value" lines keep their breaks.

    A paragraph's own first-line indent goes; the indents of a passage indented as a whole
    (a quoted letter, verse) stay, since they are the layout the author meant.
    """
    stripped = [line.strip() for line in lines]
    if (
        len(stripped) > 1
        and all(_WRAPPED_CHARS <= len(line) <= 100 for line in stripped[:-1])
        and not any(_FIELD_LINE.match(line) for line in lines[1:])
        and not (len(stripped) == 2 and _LONE_BY_NAME.fullmatch(stripped[1]))  # a long title over "by nightjarwrites"
    ):
        return " ".join(stripped)
    if len(lines) == 1 or not any(_indented(line) for line in lines[1:]):
        lines = [lines[0].lstrip(), *lines[1:]]
    return "\n".join(line.rstrip() for line in lines).strip("\n")


@dataclass(slots=True)
class _Draft:
    heading: Heading | None
    scenes: list[list[str]] = field(default_factory=lambda: [[]])
    notes: list[str] = field(default_factory=list)

    def add(self, paragraph: str, new_scene: bool) -> None:
        if new_scene and self.scenes[-1]:
            self.scenes.append([])
        self.scenes[-1].append(paragraph)

    @property
    def empty(self) -> bool:
        return not any(self.scenes)


GAPS_TOLD = 12


def _scene_gap(items: list[Item], scene_gap: int) -> int:
    """The blank lines that set a scene apart: ``scene_gap``, or one more than the gap between
    paragraphs when three in four are that wide (a double-spaced file): every paragraph was a scene of
    its own, posted alone (a 4 MB novel double-spaced went out in 11,000 messages, not 2,700). A text of
    fewer than :data:`GAPS_TOLD` pairs of paragraphs side by side does not say which gap is its usual one."""
    gaps = sorted(
        item.gap for before, item in itertools.pairwise(items) if isinstance(before, Para) and isinstance(item, Para)
    )
    return max(scene_gap, gaps[len(gaps) // 4] + 1) if len(gaps) >= GAPS_TOLD else scene_gap


def assemble(
    items: Iterable[Item], *, scene_gap: int = 2, note_filter: Callable[[str], bool] | None = None
) -> tuple[list[Chapter], list[str]]:
    """Group items into chapters and scenes; a heading with no text under it is an error.

    Returns the chapters and any author's notes that found no chapter to belong to.
    """
    items = _within_parts(book_numbering(split_chapter_titles(list(items))))
    scene_gap = _scene_gap(items, scene_gap)
    drafts: list[_Draft] = []
    current: _Draft | None = None
    new_scene = False
    for at, item in enumerate(items):
        if isinstance(item, Heading):
            if current is not None and current.empty:
                if current.heading is not None and (
                    current.heading.kind == "part"
                    or current.heading.level < item.level
                    or (_wants_title(current.heading) and item.kind == "markdown")
                    or _counts_other_things(current.heading, item)
                ):
                    if current.heading.raw.count("\n") >= MAX_MERGED_HEADINGS - 1:
                        raise _empty_heading(current.heading)
                    current.heading = _merge_headings(current.heading, item, titles_part=_heads_next(items, at))
                    continue
                if current.heading is not None:
                    raise _empty_heading(current.heading)
                drafts.pop()  # only notes so far: they carry over to the chapter that follows
                carried = current.notes
            else:
                carried = []
            current = _Draft(item, notes=carried)
            drafts.append(current)
            new_scene = False
            continue
        if current is None:
            current = _Draft(None)
            drafts.append(current)
        if isinstance(item, SceneBreak):
            new_scene = True
            continue
        if item.note or (note_filter is not None and note_filter(item.text)):
            current.notes.append(item.text)
            continue
        current.add(item.text, new_scene or item.gap >= scene_gap)
        new_scene = False
    if current is not None and current.empty and current.heading is not None:
        raise _empty_heading(current.heading)
    chapters: list[Chapter] = []
    orphan_notes: list[str] = []
    for draft in drafts:
        if draft.empty:
            orphan_notes.extend(draft.notes)
            continue
        title = (draft.heading.title or draft.heading.name) if draft.heading else None
        scenes = [Scene(paragraphs) for paragraphs in draft.scenes if paragraphs]
        chapter = Chapter(len(chapters) + 1, title, scenes, orphan_notes + draft.notes)
        if draft.heading is not None and draft.heading.kind == "chapter":
            chapter.heading_number = draft.heading.number
        chapters.append(chapter)
        orphan_notes = []
    if chapters:
        chapters[-1].notes.extend(orphan_notes)
        orphan_notes = []
    return chapters, orphan_notes


def split_chapter_titles(items: list[Item]) -> list[Item]:
    """Where a chapter is split in parts, two headings or more of one number each titled by its part
    ("Chapter 12 (Part 1)", "Chapter 12 (Part 2)"), each is titled "Chapter 12, Part 2": titled "Part 2"
    alone, the parts read as chapters under the positions Dogear numbers them by (12 and 13), the
    chapter they were parts of lost, and every split chapter had a "Part 1". A chapter numbered once
    keeps its title, "Part 2" under "Chapter 1" as before."""
    headings = [
        item
        for item in items
        if isinstance(item, Heading) and item.kind == "chapter" and item.number is not None and item.numbered
    ]
    counts = Counter(heading.number for heading in headings)
    for heading in headings:
        if counts[heading.number] > 1 and heading.title and _CHAPTER_PART.fullmatch(heading.title):
            heading.title = f"{heading.numbered}, {heading.title}"
    return items


def book_numbering(items: list[Item]) -> list[Item]:
    """Where the book numbers its chapters again in each part (War and Peace, eBook #2600: "BOOK ONE:
    1805" over "CHAPTER I" to "CHAPTER XXVIII", "BOOK TWO: 1805" over "CHAPTER I" again), an
    untitled chapter is titled as the book numbers it, "Chapter I", under its part's name where the
    part heads it ("Book Two: 1805 — Chapter I"): counted through, the second book's first chapter
    was "Chapter 29", and which chapter of which book it is was lost. Elsewhere nothing changes."""
    last: int | None = None
    part_since = False
    for item in items:
        if not isinstance(item, Heading):
            continue
        if item.kind == "part":
            part_since = True
        elif item.kind == "chapter" and item.number is not None:
            if last is not None and part_since and item.number <= last:
                break
            last, part_since = item.number, False
    else:
        return items
    for item in items:
        if isinstance(item, Heading) and item.kind == "chapter" and item.title is None and item.numbered:
            item.name = item.numbered
    return items


def _within_parts(items: list[Item]) -> list[Item]:
    """The items with the first chapter of each part its heading names ("Book Two - Chapter 4: The
    Ford", "Book 2, Chapter 1: Sparks") headed by that part, "Book Two — The Ford", as a part's line
    over the chapter heads it ("BOOK TWO" / "Chapter 4: The Ford"): read as "The Ford" alone, which
    part a chapter opened was lost, in every reader. The chapters after it in the same part keep
    their own titles only; a part's line right over the chapter already heads it."""
    last: str | None = None
    for index, item in enumerate(items):
        if not isinstance(item, Heading) or item.within is None:
            continue
        part = item.within
        if part.casefold() != last:
            before = items[index - 1] if index else None
            if not (isinstance(before, Heading) and before.kind == "part"):
                own = item.title or item.name
                items[index] = replace(item, title=f"{part} — {own}" if own else part, within=None)
        last = part.casefold()
    return items


def within_part_titles(titles: list[str | None]) -> list[str | None]:
    """Chapter titles a site gives as written that are a chapter's heading naming its part (an AO3
    chapter titled "Book Two - Chapter 4: The Ford", shown as "Chapter 1: Book Two - Chapter 4: The
    Ford"), read as a text file's heading is (:func:`_within_parts`): "Book Two — The Ford" for the
    first of each part, the title alone after it. Any other title stays as written."""
    headings = [
        heading if title and (heading := match_heading(title, markdown=False)) is not None else None for title in titles
    ]
    if not any(heading is not None and heading.kind == "chapter" and heading.within for heading in headings):
        return titles
    read = _within_parts(
        [heading if heading is not None else Para(title or "") for heading, title in zip(headings, titles, strict=True)]
    )
    return [
        item.title or item.name if isinstance(item, Heading) and heading is not None and heading.within else title
        for item, heading, title in zip(read, headings, titles, strict=True)
    ]


_NUMBER_CHARS = re.compile(r"[\d一二三四五六七八九十百千零〇两壱弐参]+")


def _counts_other_things(outer: Heading, inner: Heading) -> bool:
    """Two chapter headings in a row that count different things: a Narou novel's arc over its first
    episode ("第一章　はじまり" over "第一話　来訪者"), a Chinese web novel's 章 over its 节. The
    first holds the second as a part does; a bare "Chapter 2" over "Chapter 3" is still an empty chapter."""
    if outer.kind != "chapter" or inner.kind != "chapter":
        return False
    words = [_NUMBER_CHARS.sub("", (heading.raw.split() or [""])[0]).casefold() for heading in (outer, inner)]
    return all(words) and words[0] != words[1]


def _heads_next(items: list[Item], at: int) -> bool:
    """Whether the item after ``at`` is a chapter's heading: the heading at ``at`` is then a title
    over it (a part's "Roots"), not a chapter of its own."""
    following = items[at + 1] if at + 1 < len(items) else None
    return isinstance(following, Heading) and following.kind in ("chapter", "named")


# Headings with no text between them read as one (a part's label over its title over a chapter's): a
# book sets three or four so. Each merge copies the words of those before it, so 75,000 "Part 1 of 3"
# lines, one under another, were copied 75,000 times over (past 150 s of CPU) before their one heading
# was refused for having no text; past this many the first is refused at once, as it would be.
MAX_MERGED_HEADINGS = 32


def _merge_headings(outer: Heading, inner: Heading, *, titles_part: bool = False) -> Heading:
    """An empty heading and the one under it, as one: a bare "Chapter One" (or a lone "1") takes
    the next heading as its title, as it would a title line (Vellum and Atticus set the chapter's
    number and its title as two headings); anything else keeps its own words before the inner title."""
    if _wants_title(outer) and inner.kind == "markdown":
        return Heading(
            inner.title or outer.title, outer.kind, outer.level, f"{outer.raw}\n{inner.raw}", number=outer.number
        )
    if titles_part and _untitled_part(outer) and inner.kind == "markdown" and inner.title:
        # "Part One" over its title set as a heading of its own ("## Roots", "<h3>Roots</h3>") over a
        # chapter's heading: the part "Part One: Roots", as the same lines in a text file read, still
        # a part, so the chapter heading under it is its first chapter (read as a heading of the
        # subtitle's level, a chapter heading at that level under it had no text: the file was refused)
        return Heading(
            f"{outer.title}: {inner.title}", "part", outer.level, f"{outer.raw}\n{inner.raw}", lesser=outer.lesser
        )
    outer_title = outer.title or outer.raw
    inner_title = inner.title or inner.name  # "VOLUME I." over "LETTER I.": "Volume I — Letter I"
    title = f"{outer_title} — {inner_title}" if inner_title else outer_title
    return Heading(title, inner.kind, inner.level, f"{outer.raw}\n{inner.raw}", number=inner.number)


def _empty_heading(heading: Heading) -> StoryFormatError:
    """The refusal for a heading with nothing under it, on one line: headings read as one (a number
    over its title, "# H0" over "## H1" ...) were quoted with the line breaks between them. Quoted as
    every member's text is (:func:`bot.text.quote_input`): sliced raw, a spoiler in it was cut open."""
    quoted = " / ".join(line.strip() for line in heading.raw.split("\n") if line.strip())
    return StoryFormatError(
        f"The heading {quote_input(quoted, 82)} has no story text under it; add the chapter's text or remove the heading."
    )
