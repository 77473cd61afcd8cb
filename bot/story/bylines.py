"""Who wrote it, as a story's top lines say: "by Mara Quill", "Author: ...", FanFiction.Net's stats line.

A byline is the author's name only when the line is shaped like one; a sentence that starts with "by" is
story text. These rules read the lines one at a time for the preamble and for headings that carry a name.
"""

from __future__ import annotations

import re

from bot.story.metadata_fields import (
    CJK_SPACE,
    FANDOM_WORDS,
    KEYS,
    KIND_PARTS,
    RUN_START,
    STORY_KINDS,
    WORLD_BY_WORDS,
    Meta,
    leading_number,
    parse_field,
    trim_ornaments,
)
from bot.story.site_chrome import site_chrome
from bot.story.text_declarations import (
    DECLARATION_PARAGRAPH_CHARS,
    HOLDING,
    NOTICE_LINE_CHARS,
    _held,
    declaration_line,
    extract_declarations,
)
from bot.warnings.declared import (
    lists_declared,
    maps_any,
)

# "by Mara Quill", "written by R. Okonkwo", "a wattpad story by @moonlitpages", "a Haikyuu!! fic by kestrel".
# A post's date as a blog's by-line sets it before or after the name: "March 1, 2024", "1 March 2024", "2024-03-01".
_POST_DATE = (
    r"(?:[a-z]{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}|\d{1,2}(?:st|nd|rd|th)?[ \t]+[a-z]{3,9}\.?,?[ \t]+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
)
_BY_LINE = re.compile(
    rf"^[ \t]*(?:(?:an?[ \t]++)?{FANDOM_WORDS}(?:{STORY_KINDS}){KIND_PARTS}[ \t]++)?"
    # WordPress's "Posted on March 1, 2024 by Ada Quill"
    rf"(?:(?:posted|published)(?:[ \t]+on)?[ \t]+{_POST_DATE}[ \t]+)?"
    rf"(?:(?:written|words|text|story|writing|posted)[ \t]+|submitted[ \t]+\d{{1,3}}[ \t]+[a-z]{{1,7}}[ \t]+ago[ \t]+)?"
    rf"by[ \t:]+(?P<author>\S.{{0,80}}?){RUN_START}[ \t]*$",
    re.IGNORECASE,
)
_WORLD_BY_LINE = re.compile(
    rf"^[ \t]*(?:{WORLD_BY_WORDS})(?:[ \t]*:[ \t]*|[ \t]+)(?P<author>\S.{{0,80}}?){RUN_START}[ \t]*$",
    re.IGNORECASE,
)
_CJK_BY_LINE = re.compile(
    rf"^{CJK_SPACE}*(?:(?:作者|著者|作|著|文|笔者|筆者|작가|글|글쓴이|지은이|저자){CJK_SPACE}*[:：/／]{CJK_SPACE}*"
    rf"(?P<author>\S.{{0,40}}?)|(?P<named>\S.{{0,40}}?)(?<!{CJK_SPACE}){CJK_SPACE}+(?:著|作|지음|씀))"
    rf"(?<!{CJK_SPACE}){CJK_SPACE}*$"
)
# What no name holds: a sentence's stops and commas, quotation marks and brackets of speech.
_NOT_IN_CJK_NAMES = frozenset('。，、！？；：「」『』“”"（）()!?,;')
# Lower-case words inside a name: "Ana de la Cruz", "Ludwig van Beethoven", "Marie zu Salm".
_NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "dela",
        "la",
        "le",
        "les",
        "du",
        "des",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "zu",
        "af",
        "av",
        "y",
        "e",
        "i",
        "et",
        "und",
    ]
)


# FanFiction.net's stats line: "Rated: Fiction T - English - Romance/Angst - Harry P., Hermione G. -
# Chapters: 3 - Words: 12,345 - ... - id: 123". Read as a whole, never as a "Rated:" field.
_FFN_STATS = re.compile(
    r"^[ \t]*Rated:[ \t]*(?:Fiction[ \t]+)?(?P<rating>K\+?|T|MA?)[ \t]+-[ \t]+(?P<rest>\S.*)$", re.IGNORECASE
)
_FFN_PART_SPLIT = re.compile(r"[ \t]+-[ \t]+")
_FFN_KEYED = re.compile(
    r"^(?P<key>chapters|words|reviews|favs|follows|updated|published|status|id)[ \t]*:[ \t]*(?P<value>.*)$",
    re.IGNORECASE,
)
_FFN_GENRES = frozenset(
    {
        "adventure",
        "angst",
        "crime",
        "drama",
        "family",
        "fantasy",
        "friendship",
        "general",
        "horror",
        "humor",
        "hurt/comfort",
        "mystery",
        "parody",
        "poetry",
        "romance",
        "sci-fi",
        "spiritual",
        "supernatural",
        "suspense",
        "tragedy",
        "western",
    }
)
_FFN_PAIRING = re.compile(r"\[([^\[\]]{1,400})\]")
FFN_STATS_CHARS = 2000


def ffn_stats(line: str, meta: Meta | None = None) -> bool:
    """Whether ``line`` is a FanFiction.net stats line; read into ``meta`` when one is given.

    The line is taken only when it has FanFiction.net's shape (a rating, then " - " parts with
    at least one of its "Words:" / "Chapters:" counts). Kept: the rating, genres as tags, the
    characters and pairings, the chapter count; the language and the other counts are not.
    """
    if "\n" in line or len(line) > FFN_STATS_CHARS:
        return False
    match = _FFN_STATS.match(line)
    if match is None:
        return False
    parts = [part.strip() for part in _FFN_PART_SPLIT.split(match.group("rest").strip())]
    keyed = [_FFN_KEYED.match(part) for part in parts]
    first_keyed = next((index for index, found in enumerate(keyed) if found), None)
    if first_keyed is None:
        return False
    if meta is None:
        return True
    meta.values["rating"] = [match.group("rating").upper()]
    for part in parts[1:first_keyed]:  # parts[0] is the language
        genres = _ffn_genres(part)
        if genres:
            meta.values.setdefault("additional_tags", []).extend(genres)
        else:
            _ffn_characters(part, meta)
    for found in keyed[first_keyed:]:
        if found and found.group("key").lower() == "chapters":
            meta.chapter_count = leading_number(found.group("value"))
    return True


def _ffn_genres(part: str) -> list[str]:
    """ "Romance/Hurt/Comfort" as its genres, or [] when the part is not a genre list."""
    pieces = part.split("/")
    genres: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index].strip()
        if piece.lower() == "hurt" and index + 1 < len(pieces) and pieces[index + 1].strip().lower() == "comfort":
            piece = "Hurt/Comfort"
            index += 1
        if piece.lower() not in _FFN_GENRES:
            return []
        genres.append(piece)
        index += 1
    return genres


def _ffn_characters(part: str, meta: Meta) -> None:
    """ "[Harry P., Ginny W.] Ron W." names three characters and one pairing."""
    characters = meta.values.setdefault("characters", [])
    for group in _FFN_PAIRING.findall(part):
        names = [name.strip() for name in group.split(",") if name.strip()]
        if len(names) >= 2:
            meta.values.setdefault("relationships", []).append("/".join(names))
        characters.extend(names)
    rest = _FFN_PAIRING.sub(",", part)
    characters.extend(name.strip() for name in rest.split(",") if name.strip())
    if not characters:
        del meta.values["characters"]


def field_paragraph(text: str, meta: Meta) -> str | None:
    """Read a paragraph of "Key: value" lines into ``meta``; returns the last key, or None."""
    lines = _label_over_value(text.split("\n"))
    first = parse_field(lines[0])
    if first is None or warning_over_verse(first, lines):
        return None
    key = None
    for line in lines:
        parsed = parse_field(line)
        if parsed:
            key = parsed[0]
            meta.add(key, line, parsed[1])
        elif site_chrome(line):
            continue  # the blog's links among the fields ("masterlist | ao3 | ko-fi"): no warning's words
        elif declaration_line(line):
            declared, _, after = extract_declarations(line)
            meta.declared.extend(declared)
            if after:
                meta.notes.append(after)
        elif holds := work_holds(line):
            meta.declared.extend(holds)  # "This fic contains depictions of self-harm, please take care."
        elif (
            key is not None
            and KEYS[key] in _CONTINUED_FIELDS
            and not (KEYS[key] == "declared" and _OTHER_FIELD.match(line))
        ):
            meta.extend_last(key, line)
        elif key is not None and line.strip():
            meta.notes.append(line.strip())  # under "Rating: Mature", a line no field goes on with: kept
    return key


def warning_over_verse(first: tuple[str, str], lines: list[str]) -> bool:
    """A "Warning:" line naming no warning over lines that go on with it and are no fields, a poem's
    ("Warning: the sea is cold," / "and the ledger is long,"): verse, not the header's warnings."""
    return (
        len(lines) > 1
        and KEYS[first[0]] == "declared"
        and not maps_any(first[1])
        and not lists_declared(lines[0], known_needed=False)
        and all(parse_field(line) is None and not declaration_line(line) for line in lines[1:])
    )


_CONTINUED_FIELDS = frozenset(["summary", "notes", "declared", "title"])  # a field whose value may run on a line
# A field of its own under a list of warnings, one Dogear has no key for (a Notion page's "Created:
# March 3, 2024", "Last edited time: ..."): no more of the warnings, which it was read as.
_OTHER_FIELD = re.compile(r"[ \t]*[A-Z][\w'’ /&-]{0,30}:[ \t]+\S")
# What a title page says the work holds, in a sentence: "This fic contains depictions of self-harm".
# An author's note may open on its readers, addressed: "Dear reader, this book deals with grief".
_ADDRESS = (
    r"(?:(?:(?:my[ \t]+)?dear(?:est)?|hi|hello|hey)[ \t]+(?:lovely[ \t]+)?(?:readers?|friends|all|everyone)"
    r"|readers?|friends),[ \t]*"
)
_WORK_HOLDS = re.compile(
    rf"^\W*(?:{_ADDRESS})?(?:this|the)[ \t]+(?:fic|fanfic|story|work|book|series|one-?shot|novel){HOLDING}",
    re.IGNORECASE,
)


def work_holds(line: str) -> list[str]:
    """A title page's sentence saying what the work holds, when what it names are warnings."""
    found = _WORK_HOLDS.match(line) if len(line) <= DECLARATION_PARAGRAPH_CHARS else None
    return _held(found)


def _label_over_value(lines: list[str]) -> list[str]:
    """The lines with a label alone on its line joined to the value on the next ("Rating:" over
    "    Mature"), as AO3's tags read when its page is copied: each value was lost."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        parsed = parse_field(line) if line.rstrip().endswith((":", "：")) else None
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if parsed is not None and not parsed[1].strip() and following.strip() and parse_field(following) is None:
            out.append(f"{line.rstrip()} {following.strip()}")
            index += 2
            continue
        out.append(line)
        index += 1
    return out


# Another's part in the work after the author's name: "Kurosaki Ren (translated by moonlit_tl)".
_CREDIT_AFTER = re.compile(
    r"[ \t]*[(\[](?:translated|trans\.|tl|edited|illustrated|art)[ \t]*(?:by|:)?[ \t]*[^()\[\]\n]{1,60}[)\]][ \t]*$",
    re.IGNORECASE,
)


# A page's counts and the date after the name, set off by a dot or a bar, as a serial site's by-line sets them:
# Tapas's "By adaquill · 1.2k views · Mar 1, 2024", "by Ada Quill | 1,234 reads", Medium's "· 5 min read".
# ... and after it: "Posted by Ada Quill on March 1, 2024"
_DATE_AFTER = re.compile(
    rf"[ \t]+on[ \t]+{_POST_DATE}(?:[ \t]+at[ \t]+\d{{1,2}}:\d{{2}}(?:[ \t]*[ap]\.?m\.?)?)?[ \t]*$", re.IGNORECASE
)
_STATS_AFTER = re.compile(
    r"(?:[ \t]*+[·•|∙][ \t]*+(?:[\d.,]{1,9}[km]?[ \t]+(?:views?|likes?|reads?|subscribers?|comments?|votes?|kudos|hits)"
    r"|\d{1,3}[ \t]+min(?:ute)?s?[ \t]+read|[a-z]{3,9}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"){1,4}[ \t]*$",
    re.IGNORECASE,
)


def by_line_author(line: str) -> str | None:
    """The author a "by" line names, or None when the line reads as prose ("By the time ...").

    A byline in another language ("von Anna Schmidt") is read too, held to a name's shape:
    its words start with a capital, bar the particles of names ("de la Cruz").
    """
    match = _BY_LINE.match(line)
    if match is not None:
        author = _CREDIT_AFTER.sub("", _STATS_AFTER.sub("", trim_ornaments(match.group("author")))).lstrip("@").strip()
        author = _DATE_AFTER.sub("", author) if " on " in author else author
        author = author.removeprefix("u/") if author.startswith("u/") and len(author) > 2 else author  # Reddit's
        return author if author_like(author) else None
    match = _WORLD_BY_LINE.match(trim_ornaments(line))
    if match is not None:
        author = trim_ornaments(match.group("author"))
        # one plain word is a name only after a "by" in lower case ("von Nachtfalter"): "Von Herzen" is a dedication
        lowered = line.lstrip()[:1].islower() and len(author.split()) == 1 and author[:1].isupper()
        return author.lstrip("@") if author_like(author) and (name_like(author) or lowered) else None
    return _cjk_by_line_author(line)


def _cjk_by_line_author(line: str) -> str | None:
    """The author of "作者：玛拉", "文/玛拉", "夏目漱石 著" or "김하늘 지음"; None for a line of prose.

    Those scripts have no capitals to tell a name by, so the name is held to a few words
    without a sentence's stops, commas or quotation marks.
    """
    match = _CJK_BY_LINE.match(trim_ornaments(line))
    if match is None:
        return None
    author = trim_ornaments(match.group("author") or match.group("named")).lstrip("@").strip()
    if not author or len(author.split()) > 4 or any(char in _NOT_IN_CJK_NAMES for char in author):
        return None
    return author


# A site's user name alone on its line, "@ember_and_oak": under a title, its writer.
AT_HANDLE = re.compile(r"[ \t]*@([A-Za-z0-9_.]{2,30})[ \t]*")


def names_author(line: str) -> bool:
    """Whether a line gives the author: a "by" line or an author field ("Author: Mara", "作者：玛拉")."""
    if by_line_author(line) is not None or AT_HANDLE.fullmatch(line):
        return True
    field = parse_field(line)
    return field is not None and KEYS[field[0]] == "author"


FIELD_BLOCK_FIELDS = 2  # "Key: value" lines that make a paragraph a header's block of fields


def field_block(text: str) -> bool:
    """Whether a paragraph is a header's block of fields ("pairing: none, gen" / "wc: 1.2k" /
    "warnings: grief"), opening on one: a line over it is the title it heads, in whatever case
    (a Tumblr post's "the lighthouse keeper's wife"), as over a by-line. One field alone may be
    a story's own line ("Note: the door was locked"); two are a header."""
    lines = text.split("\n")
    if parse_field(lines[0]) is None:
        return False
    return sum(parse_field(line) is not None for line in lines) >= FIELD_BLOCK_FIELDS


def name_like(name: str) -> bool:
    """A person's name or a handle: "Anna Schmidt", "Ana de la Cruz", "@moonlit_pages", "MoonlitPages".

    One plain word is not enough: "Von Herzen" and "De Profundis" are a dedication and a title.
    """
    words = name.split()
    if len(words) == 1:
        word = words[0]
        return not word.isalpha() or any(char.isupper() for char in word[1:])
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return all(word[:1].isupper() or word.lower() in _NAME_PARTICLES for word in words)


def author_like(name: str) -> bool:
    """A name or a handle: a few words, no sentence punctuation, capitalised unless a single word."""
    words = name.split()
    if not words or len(words) > 6 or len(name) > 60 or any(mark in name for mark in ',;!?"“”'):
        return False
    if name.endswith(".") and len(words[-1]) > 2:  # "Mara Q." is a name; "the village slept." is not
        return False
    return len(words) == 1 or words[0][:1].isupper()


BRACKETS = re.compile(r"^[ \t]*[(\[]([^()\[\]\n]{1,200})[)\]][ \t]*$")  # a line in brackets, what it holds


def line_kind(line: str) -> str | None:
    """What a header line holds: a "Key: value" field, a declaration, a "by" line, or None."""
    if ffn_stats(line):
        return "stats"  # FanFiction.net's "Rated: Fiction T - English - ... - Words: 4,812 - ..."
    if parse_field(line):
        return "field"
    if declaration_line(line) or declaration_line(BRACKETS.sub(r"\1", line)):  # "[TW: self-harm]" under the by-line
        return "declared"
    if by_line_author(line) or AT_HANDLE.fullmatch(line):
        return "by"  # (or the writer's handle alone under the title, "@ember_and_oak", as Wattpad's app copies it)
    if len(line) <= NOTICE_LINE_CHARS and (
        INSERT_KEY.fullmatch(line) or HEED_TAGS.fullmatch(line) or _X_READER.fullmatch(line)
    ):
        return "kind"  # a reader-insert's "y/n = your name" or "(ben x reader)", "Please mind the tags!"
    return None


# A reader-insert story's key to its blanks, "y/n = your name", "(l/n) - last name", "e/c: eye colour",
# and an author's word to heed the tags: lines over the story that say how to read it.
INSERT_KEY = re.compile(
    r"[ \t*_]*[(\[]?[a-z]{1,2}/[a-z]{1,2}[)\]]?[ \t]*(?:=|:|-|–|—|means|is|stands[ \t]+for)[ \t]*"
    r"(?:your|you'?re|ur)?[ \t]*[\w'’ ]{2,30}?[ \t*_.!]*",
    re.IGNORECASE,
)
HEED_TAGS = re.compile(
    r"[ \t*_(\[]*(?:please[ \t]+|pls[ \t]+|plz[ \t]+)?(?:mind|read|heed|check)[ \t]+(?:the|my)[ \t]+tags"
    r"(?:[ \t]+(?:please|pls|plz))?[ \t]*[.!]*[ \t]*(?:<3+|♥|❤️?|:\))?[ \t*_)\]]*",
    re.IGNORECASE,
)


# What a reader-insert story pairs, under its title: "(y/n x the keeper)", "ben hargreaves x gn!reader".
_X_READER = re.compile(
    r"[ \t*_(\[]*(?:[^\n()\[\]]{1,40}?[ \t]+x[ \t]+(?:\w{1,4}!)?(?:reader|y/n|you)"
    r"|(?:\w{1,4}!)?(?:reader|y/n|you)[ \t]+x[ \t]+[^\n()\[\]]{1,40}?)[ \t*_)\]]*",
    re.IGNORECASE,
)
