"""Text shown in Discord: the one markdown escaper, the one clipper, quoting, and plurals.

Every member-facing string goes through these, so escaping and counting are done one way.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import regex

from bot.errors import UserError
from bot.limits import MESSAGE_CHARS

_ESCAPED = "\\*_~|`>#-[]<:"
# Backslash first, so the backslashes the others add are not doubled.
_REPLACEMENTS = (("\\", "\\\\"), *((char, "\\" + char) for char in _ESCAPED[1:]))
LIST_NUMBER = re.compile(r"^([ \t]*\d+)\.", re.MULTILINE)  # "1. " at a line start is a list
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
ZWSP = "\u200b"
QUOTED_INPUT_CHARS = 100  # the most of an answer a member's value may take when it is repeated
# Bidi embeddings, overrides and isolates; byte-order mark and word joiner; C0, DEL and C1
# controls. Marks such as LRM/RLM and the zero-width (non-)joiners stay: scripts need them.
HIDDEN_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069\ufeff\u2060\x00-\x1f\x7f-\x9f]")


def escape_markdown(text: str) -> str:
    """Escape every character Discord could read as markup or a mention (reversible).

    Chained ``str.replace`` calls are several times faster than one regex substitution, which
    matters for whole chapters.
    """
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    if "@" in text:
        text = text.replace("@", "@" + ZWSP)
    if "." in text and ("\n" in text or text.lstrip(" \t")[:1].isdigit()):
        text = LIST_NUMBER.sub(r"\1\\.", text)
    return text


# A member's spoiler, "||Rue lied||": Discord's bars around text that neither opens nor closes with a
# space (so "One? || Two?" is two prompts, not a spoiler) and holds no bar of its own.
SPOILER_SPAN = re.compile(r"\|\|([^\s|](?:[^|\n]*[^\s|])?)\|\|")


def escape_keeping_spoilers(text: str) -> str:
    """:func:`escape_markdown`, but a member's ``||spoiler||`` stays a spoiler (its words escaped): what
    an admin hid in a discussion prompt must not be posted for everyone to read."""
    pieces: list[str] = []
    last = 0
    for match in SPOILER_SPAN.finditer(text):
        pieces += [escape_markdown(text[last : match.start()]), "||", escape_markdown(match[1]), "||"]
        last = match.end()
    pieces.append(escape_markdown(text[last:]))
    return "".join(pieces)


def stamp(moment: datetime, style: str) -> str:
    """A Discord timestamp: each reader's client shows ``moment`` in their own time zone."""
    return f"<t:{int(moment.timestamp())}:{style}>"


def when_line(moment: datetime) -> str:
    """The one way a moment is said: the date and time, then how far off (``<F> (<R>)``).

    Every answer and post that names a time uses it, so a reminder reads its time in the same
    order as ``/schedule``, ``/discussion list`` and the vote.
    """
    return f"{stamp(moment, 'F')} ({stamp(moment, 'R')})"


# Combining marks stacked on one letter past what any script writes (Vietnamese sets two on a vowel):
# "zalgo" text, whose hundreds of marks draw over the lines above and below it. The first three stay.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_STACKED_MARKS = re.compile(f"([{_MARKS}]{{3}})[{_MARKS}]+")
_STACKED_LINE = re.compile(f"^[^\n]*[{_MARKS}]{{4}}[^\n]*$", re.MULTILINE)


@functools.cache
def _piled_marks(most: int) -> re.Pattern[str]:
    return re.compile(f"([{_MARKS}]{{{most}}})[{_MARKS}]+")


def capped_marks(text: str, most: int) -> str:
    """``text`` with at most ``most`` combining marks on any one letter, the first ones kept: a zalgo
    effect stays as written, a pile of millions on one letter is cut to it (one pass at C speed)."""
    if text.isascii():
        return text
    return _piled_marks(most).sub(r"\1", text)


def stacked_marks(text: str) -> bool:
    """Whether some letter of ``text`` carries more than three marks ("zalgo"), which :func:`visible_line` drops."""
    return _STACKED_MARKS.search(text) is not None


def unstacked_short_lines(text: str, short: int) -> str:
    """``text`` with each line that is longer than ``short`` characters only for the marks stacked on
    its letters ("zalgo", more than three on one) kept to three marks a letter, as :func:`visible_line`
    keeps a title: a title or heading so written was read as a paragraph, too long for a title line, and
    the title lost. Longer lines, and lines short as written, stay exactly as the author wrote them."""
    if text.isascii() or not _STACKED_MARKS.search(text):
        return text

    def unstacked(found: re.Match[str]) -> str:
        line = found.group()
        kept = _STACKED_MARKS.sub(r"\1", line)
        return kept if len(line) > short >= len(kept) else line

    return _STACKED_LINE.sub(unstacked, text)


# Greek and Cyrillic letters drawn as Latin ones; read as Latin only in a word that has Latin letters
# too (a Russian or Greek word is left alone).
_LATIN_LOOKALIKES = str.maketrans(
    "аеорсухіјѕһԁԛԝАВЕКМНОРСТХІЈЅУαορνικυΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijshdqwABEKMHOPCTXIJSYaopvikuABEZHIKMNOPTYX",
)
_LETTERS = re.compile(r"[^\W\d_]+")


def plain_letters(text: str) -> str:
    """``text`` in the plain letters it shows: compatibility forms folded (NFKC: full-width and
    mathematical letters), accents, combining marks and invisible characters dropped, and Greek or
    Cyrillic lookalikes in a Latin word read as Latin ("Wаrnings" with a Cyrillic "а", "dеath").
    For finding a label or a warning word written to look like one; never for showing text."""
    bare = "".join(
        char for char in unicodedata.normalize("NFKD", text) if unicodedata.category(char) not in ("Mn", "Cf")
    )
    return _LETTERS.sub(_latin_word, unicodedata.normalize("NFKC", bare))


# Characters that draw nothing inside a word (a character class's body): the soft hyphen a
# publisher's EPUB puts at every place a word may break, zero-width spaces and joiners, the word
# joiner, direction marks and overrides, the byte-order mark. The scan drops them (as_read); a
# label disguised with one is read as the label it shows (bot.story.lookalikes).
INVISIBLE_CHARS = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]+")
# A Greek or Cyrillic letter against a Latin one: a word that may be spelled with lookalikes.
MIXED_SCRIPTS = "[A-Za-z][\u0370-\u04ff]|[\u0370-\u04ff][A-Za-z]"
_MIXED_SCRIPTS = re.compile(MIXED_SCRIPTS)
NFKC_GROWTH = 2  # see as_read


def as_read(text: str) -> str:
    """``text`` as a reader takes it in: invisible characters dropped, compatibility forms folded
    (NFKC: full-width letters, ligatures, no-break spaces) and Greek or Cyrillic lookalikes in a
    Latin word read as Latin, accents and whole words of other alphabets kept. The warnings scan
    reads this, so "mur\u00addered" from a hyphenated EPUB, "ｍｕｒｄｅｒｅｄ", "the ﬂames" and
    "dеad" with a Cyrillic "е" are the words they show. ASCII text is returned as it is, at no cost."""
    if text.isascii():
        return text
    text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFKC", text):
        folded = unicodedata.normalize("NFKC", text)
        # A character NFKC spells out in many ("ﷺ" is 18) would let an upload grow the scan's text
        # many-fold; the styled letters worth folding are one for one, so a paragraph that more than
        # doubles is read as written.
        text = folded if len(folded) <= NFKC_GROWTH * len(text) else text
    return _LETTERS.sub(_latin_word, text) if _MIXED_SCRIPTS.search(text) else text


def fold(text: str) -> str:
    """Case and accents folded and spacing normalised, so "emile" finds "Émile" and sorting ignores both."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


_APOSTROPHES = "'\u2019\u02bc"
_TITLE_MARKS = "*_~`|>"


def punctuation_aside(folded: str) -> str:
    """A folded title with its punctuation and markdown marks read as spaces and its apostrophes dropped
    ("don't", "*Emma.*"); a title of punctuation alone stays itself, so it still names something."""
    spaced = "".join(
        "" if ch in _APOSTROPHES else " " if ch in _TITLE_MARKS or unicodedata.category(ch).startswith("P") else ch
        for ch in folded
    )
    return " ".join(spaced.split()) or folded


def read_alike(name: str) -> str:
    """A name as a member reads it in a menu or a poll: two names with one key look the same to them.

    Lookalike letters read as Latin (:func:`plain_letters`: "Еmma" with a Cyrillic "Е"), case, accents
    and spacing folded, punctuation and markdown aside ("Emma.", "*Emma*"). The one key every menu
    that tells look-alike names apart compares by: story menus (``cogs._options.story_choice_names``),
    the poll's answers and the book menus (``bot.nominations.service``). Folded twice: compatibility
    forms decompose into letters that have a case of their own only after the first fold.
    """
    return punctuation_aside(fold(fold(plain_letters(name))))


def _latin_word(match: re.Match[str]) -> str:
    word = match.group()
    if word.isascii() or not any("a" <= char.lower() <= "z" for char in word):
        return word
    return word.translate(_LATIN_LOOKALIKES)


def visible_line(value: str) -> str:
    """``value`` as one line that shows what it says, or ``""`` when nothing in it draws.

    For every one-line text a member or an admin types that the bot shows again (a nomination,
    a book's title, a report's note, a discussion prompt): a bidi override left in turns the rest
    of each line it is on around, so the bot's own words after it read backwards, and a value of
    zero-width characters is shown as a blank. Controls become spaces, spacing is normalised, marks
    stacked on a letter by the dozen ("zalgo") are kept to three, and characters that draw nothing are
    dropped from both ends (inside, joiners stay: scripts need them).
    """
    text = " ".join(HIDDEN_CONTROLS.sub(" ", value).split())
    if _STACKED_MARKS.search(text):
        text = _STACKED_MARKS.sub(r"\1", text)
    first = next((index for index, ch in enumerate(text) if _draws(ch)), None)
    if first is None:
        return ""
    last = next(index for index in range(len(text) - 1, first - 1, -1) if _draws(text[index]))
    return text[first : last + 1]


def spell_controls(text: str) -> str:
    """``text`` kept as stored (an admin's pattern, spacing and all) but for what draws nothing and breaks
    the line it is shown on: each control or bidi override (:data:`HIDDEN_CONTROLS`) is written as its
    RE2 escape, ``\\x{202E}``, which names it and means the same in a regex.

    For every place a stored pattern is shown (the rule list, the add and remove answers, the remove
    menu): rules stored before ``/warnings rules add`` refused these characters still hold them, and
    shown raw an override turns the rest of the line around and a newline splits it.
    """
    return HIDDEN_CONTROLS.sub(lambda found: f"\\x{{{ord(found.group()):02X}}}", text)


# Letters and symbols that draw a blank: the braille blank and the Hangul fillers. Discord members use
# them for names that look empty, so a title or prompt of these alone showed as nothing at all.
BLANK_GLYPHS = frozenset("\u2800\u3164\u115f\u1160\uffa0")


def _draws(ch: str) -> bool:
    """Whether a character draws something (not a space, a control, a zero-width format character or a blank glyph)."""
    return unicodedata.category(ch)[0] not in "CZ" and ch not in BLANK_GLYPHS


def escape_char(ch: str) -> str:
    """One character as :func:`escape_markdown` writes it (for splitting text escaped piece by piece)."""
    if ch in _ESCAPED:
        return "\\" + ch
    if ch == "@":
        return "@" + ZWSP
    return ch


def unescape_markdown(text: str) -> str:
    """The exact inverse of :func:`escape_markdown`."""
    return _UNESCAPE.sub(r"\1", text.replace("@" + ZWSP, "@"))


def utf16_len(text: str) -> int:
    """Length as Discord counts it (never fewer than Python's code points)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def plural(
    count: int,
    singular: str,
    plural_form: str | None = None,
    *,
    verb: tuple[str, str] | None = None,
    zero: str | None = None,
) -> str:
    """``plural(1, "chapter")`` is "1 chapter", ``plural(3, "story", "stories")`` is "3 stories".

    The one way a count is said to members, so none of them reads "chapter(s)" or "0 members have".
    ``verb`` (its singular and plural forms) follows the count in agreement: ``plural(1, "member",
    verb=("has", "have"))`` is "1 member has". ``zero`` is what a count of 0 reads as, verb included:
    ``plural(0, "member", verb=("has", "have"), zero="no one has")`` is "no one has", and
    ``plural(0, "nomination", zero="no nominations")`` "no nominations".
    """
    if count == 0 and zero is not None:
        return zero
    word = singular if count == 1 else (plural_form or singular + "s")
    if verb is not None:
        word += " " + verb[0 if count == 1 else 1]
    return f"{count:,} {word}"


def missing_permissions_answer(
    missing: Sequence[str], where: str, *, admin: bool | None, role: str | None = None, then: str = ", then try again"
) -> str:
    """What to do about permissions Dogear lacks in ``where`` (a channel mention), said to the person in front of it.

    An admin (Manage Server or Administrator) is the one who can fix it, so they are told which
    permissions to give which role where; telling them to "ask an admin" sent them looking for
    someone else. A member is told to ask an admin, with the same names to pass on. ``role`` is
    Dogear's own role's name, when known; ``then`` ends the admin's sentence (when, or what giving it does).
    ``admin=None`` is for text read later by whoever looks (a failure kept for ``/discussion list``): it
    says who gives what, where.
    """
    names = and_list(list(missing))
    if admin is None:
        return f"An admin gives Dogear's role {names} in {where} (Edit Channel → Permissions){then}."
    if not admin:
        return f"Ask an admin to give Dogear {names} in {where}."
    whose = f"Dogear's role (**{escape_markdown(role)}**)" if role else "Dogear's role"
    return f"Give {whose} {names} in {where} (Edit Channel → Permissions){then}."


def clip(text: str, limit: int = MESSAGE_CHARS, *, ellipsis: str = "…") -> str:
    """``text`` cut to ``limit`` characters at a word boundary where one is near, ending in ``ellipsis``.

    The one way Dogear cuts a name or a text to a limit (thread, event and choice names, labels,
    previews): never inside a grapheme cluster (:func:`cluster_cut`), so a cut leaves no lone half of
    a flag and no letter without its accent."""
    if len(text) <= limit:
        return text
    room = max(0, limit - len(ellipsis))
    cut = text[: cluster_cut(text, room)]
    space = cut.rfind(" ")
    if space >= room * 3 // 4:
        cut = cut[:space]
    return cut.rstrip() + ellipsis


_CLUSTER = regex.compile(r"\X")
_REGIONAL = "\U0001f1e6-\U0001f1ff"  # regional indicators: a flag is two, paired from their run's start
_AS_LETTERS = dict.fromkeys(range(0x1F1E6, 0x1F200), "x")
_REGIONAL_RUN = re.compile(f"[{_REGIONAL}]{{2,}}")
_NOT_REGIONAL_BACK = regex.compile(f"[^{_REGIONAL}]", regex.REVERSE)
_NEAR = 32  # characters read back first: a cluster is rarely longer (the window grows when one is)


def cluster_cut(text: str, point: int, start: int = 0) -> int:
    """The last grapheme cluster boundary in ``(start, point]``: where ``text`` may be cut so that no
    cluster (a flag's two letters, a letter and its combining marks, a prepended mark and what follows
    it, an emoji ZWJ sequence) is split. The one place Dogear finds one: every cut of a name, a message
    or a snippet goes through it (:func:`cluster_open` for a text's start).

    ``start`` is a boundary the caller already knows (0, or where its previous piece was cut): nothing
    before it is read, so cutting a long text into many pieces reads each piece once. The work is a
    window of :data:`_NEAR` characters before ``point``, grown while no boundary is found in it, and at
    C speed over a run of flag letters (their pairing is counted from the run's start): bounded by
    ``point - start`` however long the text, never quadratic. When no boundary is in ``(start, point]``
    (a cluster longer than the piece, a letter under thousands of marks) ``point`` is returned: the limit wins.
    """
    if point <= start or point >= len(text):
        return max(0, min(point, len(text)))
    pair = text[point - 1 : point + 1]
    if pair.isascii() and pair != "\r\n":
        return point  # ASCII has no marks: every character is its own cluster
    span = _NEAR
    while True:
        low = max(start, point - span)
        found = _boundaries(text, low, point, start)
        if found[low > start :]:  # the window's first boundary is trusted only at ``start``
            return found[-1]
        if low == start:
            return point
        span *= 4


def cluster_open(text: str, point: int, end: int) -> int:
    """The first grapheme cluster boundary in ``[point, end]``, or ``point`` when there is none: where a
    piece of ``text`` that should begin near ``point`` begins with a whole cluster (a warning's evidence
    opened on an accent without its letter). Found by :func:`cluster_cut`'s own window, grown both ways."""
    if point <= 0 or point >= len(text):
        return max(0, min(point, len(text)))
    pair = text[point - 1 : point + 1]
    if pair.isascii() and pair != "\r\n":
        return point
    span = _NEAR
    while True:
        low, high = max(0, point - span), min(max(end, point), point + span)
        found = _boundaries(text, low, high, 0)
        settled = low == 0 or (found and found[0] < point)  # the window's first one is not trusted
        after = [at for at in found if at >= point]
        if settled and after:
            return after[0]
        if settled and high >= end:
            return point
        span *= 4


def _boundaries(text: str, low: int, high: int, start: int) -> list[int]:
    """The grapheme cluster boundaries in ``(low, high]`` that ``text[low : high + 1]`` settles.

    ``regex`` clusters the window with each flag letter read as a plain letter (on the whole text it
    reads back over every flag letter before each cluster: quadratic on a run of them); the pairs are
    then counted here, from their run's real start (read back at C speed, never before ``start``). A
    prepended mark joins a flag letter just as it joins a letter, so that reading is otherwise exact. A
    window that does not open at ``start`` may not see what its first boundary depends on (an emoji
    before a long ZWJ sequence's marks), so callers do not trust that one: every later one is settled in it.
    """
    window = text[low : high + 1]
    runs = list(_REGIONAL_RUN.finditer(window)) if not window.isascii() else []
    ends = [low + match.end() for match in _CLUSTER.finditer(window.translate(_AS_LETTERS) if runs else window)]
    unpaired: set[int] = set()  # inside a run of flag letters, after an odd number of them
    for run in runs:
        first = low + run.start()
        if first == low and low > start:
            before = _NOT_REGIONAL_BACK.search(text, start, low)
            first = before.end() if before is not None else start
        inside = low + run.start() + 1  # the window's first place between two of the run's letters
        unpaired.update(range(inside + 1 - (inside - first) % 2, low + run.end(), 2))
    return [at for at in ends if at <= high and at not in unpaired]


def quote_input(value: str, limit: int = QUOTED_INPUT_CHARS) -> str:
    """What a member typed, as an answer repeats it: on one line, escaped, clipped, in quotes.

    Every answer that echoes a member's value uses this, so markdown, spoiler markers and
    mentions in it show as typed and never render, and a value of thousands of characters
    costs at most ``limit`` characters (as Discord counts them) of the answer, quotes and
    ellipsis included. It is read as :func:`visible_line` reads it: a bidi override typed into
    an option would otherwise turn the answer's own words after it around ("pick one from the
    list" read backwards). A blank value is shown as ``“”``.
    """
    return f"“{escape_clipped(visible_line(value), limit - 2)}”"


def escaped_line(value: str) -> str:
    """Text from a story or a member shown inside one of the bot's lines (a warning's evidence): as one
    visible line (:func:`visible_line`), escaped. Escaping alone left a bidi override in, which turns
    the rest of the line around, the bot's own words after it included."""
    return escape_markdown(visible_line(value))


def escape_clipped(value: str, limit: int) -> str:
    """``value`` escaped (:func:`escape_markdown`'s rules, character by character) in at most ``limit``
    UTF-16 units, ellipsis included: a listing line built from a few of these has a known length,
    however many markdown characters its values hold. Cut only between whole escapes, so it never
    ends in a lone backslash, and between grapheme clusters (:func:`cluster_cut`).

    Only a prefix is escaped: every character escapes to at least one unit, so no more than ``limit``
    of them can be kept, and one past them settles the last cluster (1 MB of flags was escaped whole,
    in 0.3 s, to keep a hundred units of it).
    """
    value = value[: max(0, limit) + 1]
    whole = "".join(escape_char(ch) for ch in value)
    if utf16_len(whole) <= limit:
        return whole
    room = max(0, limit - 1)  # the ellipsis
    pieces: list[str] = []
    used = 0
    for ch in value:
        piece = escape_char(ch)
        used += utf16_len(piece)
        if used > room:
            break
        pieces.append(piece)
    return "".join(pieces[: cluster_cut(value, len(pieces))]).rstrip() + "…"  # whole clusters only


def sentence(text: str) -> str:
    """``text`` as a sentence a member reads: a capital first letter and a full stop at the end.

    For messages built from fragments (a rules file's checks write "the regex does not compile"
    to follow "rule 3 of category `death`: ") that an answer shows on their own.
    """
    text = text.strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."


_COUNTS = ("one", "two", "three", "four", "five", "six")


def count_word(count: int) -> str:
    """A small count as a sentence writes it ("three"); digits past six."""
    return _COUNTS[count - 1] if 0 < count <= len(_COUNTS) else str(count)


def and_list(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: several names as a sentence says them (empty for none)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def join_whole(entries: Sequence[str], limit: int, separator: str = ", ") -> str:
    """Whole entries joined within ``limit`` UTF-16 units, the rest counted ("and 3 more").

    Never cuts an entry, so a list of escaped or bolded items cannot end in a broken escape or
    an unclosed ``**``; empty when not even the first entry fits beside the count.
    """
    reserve = len(f" and {len(entries)} more")  # room kept for the count while more may follow
    shown: list[str] = []
    used = 0
    for index, entry in enumerate(entries):
        cost = utf16_len(entry) + (len(separator) if shown else 0)
        if used + cost + (0 if index == len(entries) - 1 else reserve) > limit:
            break
        shown.append(entry)
        used += cost
    hidden = len(entries) - len(shown)
    if not shown or not hidden:
        return separator.join(shown)
    return f"{separator.join(shown)} and {hidden} more"


def clip_lines(lines: Sequence[str], limit: int = MESSAGE_CHARS, *, rest: str = "") -> str:
    """Join lines, dropping whole lines from the tail (with a note) rather than cutting one mid-way.

    ``rest`` says where the lines left off can be read (e.g. a command); the note names it, so an
    answer that cannot hold everything still leads to all of it.
    """
    where = f"; {rest}" if rest else ""
    out: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        left = len(lines) - index
        if used + len(line) + 1 > limit - 40 - len(where):
            out.append(f"… and {plural(left, 'more line')}{where}")
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)


def page_lines(head: str, lines: Sequence[str], page: int, next_page: str, limit: int = MESSAGE_CHARS) -> str:
    """Page ``page`` of a listing: ``head``, the whole lines that fit, and how to see the next page.

    A long list is split by what fits, not by a count of lines, so nothing is dropped: each line
    is on exactly one page, and every page but the last ends by naming the command for the next
    (``next_page`` with ``{page}`` where the number goes, e.g. ``"/story list page:{page}"``).
    A single line longer than a page is clipped (callers clip each value, so none is). A page past
    the end is a mistake the member is told about; a list that fits one page has no page note.
    """
    return page_blocks(head, [[line] for line in lines], page, next_page, limit=limit).text


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing: its text, and which blocks it shows (by index), for their buttons."""

    text: str
    shown: list[int]


def page_blocks(
    head: str,
    blocks: Sequence[Sequence[str]],
    page: int,
    next_page: str,
    *,
    limit: int = MESSAGE_CHARS,
    most: int | None = None,
    counted: Sequence[bool] | None = None,
    more: bool = False,
    glued: Sequence[bool] | None = None,
) -> Page:
    """:func:`page_lines` for items of several lines each (an item and its evidence stay together).

    ``most`` caps the blocks on a page that ``counted`` marks (all by default): the items that get
    buttons, when Discord allows only so many rows. ``more`` says the list goes on past ``blocks``
    (read only so far, to bound the work): the last page is left for a later call, since it would
    take blocks not read yet, and the note says "of at least". The caller reads enough blocks to
    fill the page asked for (``page * most + 1`` when every block counts).
    ``glued`` marks the blocks that go on the page of the block after them (a section's heading, the
    blank line before it): a page never ends on a heading with nothing under it. A page's blank
    lines before its first text are left out.
    """
    counts = [True] * len(blocks) if counted is None else list(counted)
    # Room for the longest note any call could write (never more pages than blocks), not this call's:
    # a page's blocks then do not depend on how much of the list was read (``more``, or a list read
    # further for a later page), so paging on never skips or repeats an item.
    pages_most = max(PAGE_MOST, len(blocks) + 1)
    reserve = utf16_len(_page_note(pages_most - 1, pages_most, next_page, more=True)) + 1
    room = max(MIN_PAGE_CHARS, limit - utf16_len(head) - 1 - reserve)  # head may be ""
    fitted = [_fitted(block, room) for block in blocks]
    pages = split_blocks(fitted, room, most, counts, glued)
    if more and len(pages) > 1:
        pages.pop()
    if page < 1 or page > len(pages):
        raise no_such_page(len(pages))
    shown = pages[page - 1]
    lines = [*([head] if head else []), *(line for index in shown for line in fitted[index])]
    while lines and not lines[0]:
        lines.pop(0)
    if len(pages) > 1 or more:
        lines.append(_page_note(page, len(pages) + int(more), next_page, more))
    return Page("\n".join(lines), shown)


def no_such_page(pages: int, of: str = "here") -> UserError:
    """The one answer to a page past the end of a listing (``of`` says which, e.g. "of stories").

    A listing of one page says to leave ``page:`` out, not "pick a page from 1 to 1".
    """
    if pages == 1:
        return UserError(f"There is only 1 page {of}; leave out `page:` to see it.")
    return UserError(f"There are only {plural(pages, 'page')} {of}; pick a page from 1 to {pages:,}.")


MIN_PAGE_CHARS = 100  # a page holds at least this much, however small the budget a server set
PAGE_MOST = 10_000  # the highest page a `page:` option takes


def _page_note(page: int, pages: int, next_page: str, more: bool = False) -> str:
    later = f" · next: `{next_page.format(page=page + 1)}`" if page < pages else ", the last"
    return f"-# Page {page:,} of {'at least ' if more else ''}{pages:,}{later}"


def _fitted(block: Sequence[str], room: int) -> list[str]:
    """A block's lines within ``room``: each clipped to it, and the lines past it left off (never the first)."""
    out: list[str] = []
    used = 0
    for line in block:
        if utf16_len(line) > room:
            line = clip(line, room)
        cost = utf16_len(line) + 1
        if out and used + cost > room:
            break
        out.append(line)
        used += cost
    return out


def split_blocks(
    blocks: Sequence[Sequence[str]],
    room: int,
    most: int | None = None,
    counted: Sequence[bool] | None = None,
    glued: Sequence[bool] | None = None,
) -> list[list[int]]:
    """Blocks (each within ``room``) in pages of at most ``room`` UTF-16 units and at most ``most``
    counted blocks each, as lists of block indexes (always one page, maybe empty). A new page takes
    with it the ``glued`` blocks that closed the page before (a heading goes with its first entry),
    unless they would fill the page before it is reached or leave the old page empty."""
    costs = [sum(utf16_len(line) + 1 for line in block) for block in blocks]
    counts = [True] * len(blocks) if counted is None else list(counted)
    pages: list[list[int]] = [[]]
    used = held = 0
    for index, cost in enumerate(costs):
        full = most is not None and counts[index] and held >= most
        if pages[-1] and (used + cost > room or full):
            carried = _glued_tail(pages[-1], glued)
            if sum(costs[moved] for moved in carried) + cost > room or len(carried) == len(pages[-1]):
                carried = []
            del pages[-1][len(pages[-1]) - len(carried) :]
            pages.append(carried)
            used = sum(costs[moved] for moved in carried)
            held = sum(counts[moved] for moved in carried)
        pages[-1].append(index)
        used += cost
        held += int(counts[index])
    return pages


def _glued_tail(page: list[int], glued: Sequence[bool] | None) -> list[int]:
    """The blocks closing ``page`` that must go with the block after them."""
    if glued is None:
        return []
    start = len(page)
    while start and glued[page[start - 1]]:
        start -= 1
    return page[start:]


_DIGIT_RUN = re.compile(r"[0-9]+")


def natural_key(text: str) -> str:
    """``text`` with each run of digits written so that plain string order counts it as a number:
    its length in three digits, then the digits without leading zeros ("book 2" -> "book 0012",
    "book 10" -> "book 00210"), so "Book 2" sorts before "Book 10" in SQL's own order (``ORDER BY``
    on a stored key, an index's order) and in Python's. A run is at most a title's 200 characters."""
    return _DIGIT_RUN.sub(lambda run: f"{len(run[0].lstrip('0') or '0'):03d}{run[0].lstrip('0') or '0'}", text)
