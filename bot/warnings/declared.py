"""What the author declared, mapped to taxonomy ids via ``data/warnings/declared.json``.

Authors write "TW for miscarriage", "CW: self harm, suicide", "Warnings: MCD" or use AO3's
archive warnings and freeform tags. "Creator Chose Not To Use Archive Warnings" means the
author will not say: the story is *unwarned*, which is never the same as safe. Declared text
that maps to nothing is kept so it can be shown as the author wrote it.

Authors of fan fiction in other languages declare the same way ("CW für dieses Kapitel: Tod",
"Avertissement : mort d'un personnage"). The file's ``languages`` section holds, per language, the
labels that open a declaration, the words for "this chapter" and "the next chapter", the labels of
an author's note ("Anmerkung der Autorin:", read where "A/N:" is), and the warning words; the story
readers find declarations and notes with :func:`declaration_cues`, and the words map here with the
English ones. Detection in the text itself stays English (``bot.warnings.language``).

Chinese and Japanese put no space between words and write their own colon and commas ("本章预警：
死亡、自残"): a word in those scripts is found inside a phrase, and items split at "、，；・" too.
Declared text is compared composed (NFC) and with Turkish i's folded, so "İNTİHAR" is "intihar".

Those authors, and Korean ones, as often declare with no label at all: a marker after or before the
warning words says what they are ("※死ネタ注意", "流血表現あり", "含死亡描写", "사망 묘사 있음"), or a
line of hashtags lists them ("#死ネタ #流血"). :func:`marked_list` reads such a line, the markers kept
per language in the file's ``languages`` section. Every piece must be a warning word once its markers
are off, so a sentence using the same words ("彼は死ネタが苦手だ", "注意して歩いた") is not one.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources.abc import Traversable
from itertools import islice
from typing import Any

from bot.paths import shipped
from bot.story.model import StoryMeta
from bot.text import plain_letters
from bot.warnings.language import FUNCTION_WORDS

DECLARED_FILE = shipped("warnings", "declared.json")
UNWARNED = "unwarned"
# Items are split at commas and semicolons, Chinese and Japanese ones too ("死亡、自杀", "死亡，自残；血腥",
# "死ネタ・流血"), where no space follows them.
# (and "and" as the languages of the languages section write it: "y", "et", "und", "e")
_SPLIT = re.compile(r"\s*(?:[,;\n•|、，；､・]|\s&\s|\s\+\s|\b(?:and|y|et|und|e)\b)\s*")
# What is taken off a piece's ends: spaces (every character regular expressions call one), dashes,
# colons, stops, brackets and quotes, and at its end an exclamation too. Stripped, never matched as
# "[...]+$": a regular expression tried that at every character of a run of them ("a-----...b"),
# which cost the square of the run.
_SPACES = "".join(char for char in map(chr, range(0x3000 + 1)) if char.isspace())
_EDGE_START = _SPACES + "-–—:.()[]\"'*：。（）【】「」『』※"
_EDGE_END = _EDGE_START + "!！"


def _edges_off(text: str) -> str:
    return text.lstrip(_EDGE_START).rstrip(_EDGE_END)


# "Warnings: none", "TW: n/a", "no warnings": the author declares nothing. That is neither a
# warning nor AO3's "chose not to warn", so it maps to nothing and is not reported as unmapped.
_NOTHING = re.compile(
    r"none|nothing|nil|nada|n/?a|not applicable|no"
    r"|(?:none|nothing) (?:at all|apply|applies|needed|really)"
    # "TWs: none this time either", "warnings: nothing for this one"
    r"|(?:none|nothing|nada|nil)(?: (?:this time|here|yet|today|for (?:now|this (?:one|chapter|part|time))))(?: (?:either|again))?"
    r"|no (?:tws?|cws?|(?:trigger |content |archive )?warnings?)(?: (?:apply|applies|needed))?"
    # "nothing to warn for :)", "nothing to worry about"; "None! Pure fluff." (a sentence after the none)
    r"|nothing (?:to (?:warn|worry)(?: you)?(?: (?:about|for|of))?|(?:bad|sad|dark) happens)"
    r"|(?:none|nothing|nada|nil)[ \t]*[!.]+(?:[ \t]+(?:(?:it'?s|this is|just|pure|all|only|total|100%)[ \t]+)*"
    r"(?:fluff|comfort|soft(?:ness)?|wholesome(?:ness)?|cute(?:ness)?)\W*)?"
)

# What a warnings line says besides its warnings, never one of them: an absence ("no major character
# death", "nobody dies"), a pointer ("please mind the tags", "warnings for each chapter are in the
# notes"), the story's mood or a spoiler note ("just fluff", "angst", "cliffhanger", "spoilers for
# book 5") and the author's asides ("sorry", "love you all"). Read as items, "no major character
# death" declared death, and the rest were shown to members as warnings Dogear could not place.
_NOT_DECLARED = re.compile(
    r"(?:no|not|nobody|noone|no one|none of|never|without|zero)\b"
    r"|(?:please |pls |plz )?(?:mind|read|heed|check|see|look at)(?: the| my)? (?:tags?|notes?|warnings?)\b"
    r"|warnings? (?:for|in) (?:each|every|individual|specific) chapters?\b|(?:chapter )?warnings? (?:are|will be) in\b"
    r"|(?:(?:it'?s|it is|this is|all) )?(?:just |pure |lots of |some )?(?:fluff|angst|humou?r|cliffhangers?|open ending|happy ending|hea)\b"
    r"|(?:really|honestly|tbh|ngl|lol)\W*$"  # "none, really, but ...": the word after the none
    r"|(?:individual|each|every|specific|some|other) chapters?\b|.*\b(?:are|is) in the (?:chapter |author'?s )?notes\b"
    r"|.*\bspoilers?\b|sorry\b|love (?:you|ya|u)\b|enjoy\b|stay safe\b|take care\b|thank"
    r"|(?:~|about |approx\.? )?\d[\d.,]*\s*k?\s*(?:words?|wc)\b",  # a post's "| 1.1k words" after its warnings
    re.IGNORECASE,
)
# A freeform tag that names a work by its medium, as AO3's fandom tags do: "Death Note (Anime &
# Manga)", "The Walking Dead (TV)", "Suicide Squad (2016)", "Death Note - All Media Types". The
# title's "Death" or "Suicide" is a name, not a warning the author declares: read as one, such a tag
# told members avoiding deaths that the author had declared a death.
_WORK_TAG = re.compile(
    r".*\S\s*(?:\(\s*(?:anime(?:\s*(?:&|and|/)\s*manga)?|manga|tv(?: series| show)?|cartoons?|comics?"
    r"|video ?games?|movies?|movieverse|films?|novels?|books?|web ?comics?|web ?series|webtoons?|manhwa|manhua"
    r"|light novels?|visual novels?|podcasts?|musicals?|audio drama|\d{4}(?: (?:film|movie|tv|series|video game))?)"
    r"\s*\)|\s+-\s+all media types)",
    re.IGNORECASE,
)


# A warning word spelled around a filter ("su*cide", "su1c1de", "r*pe", "ab*se", "s.h."): letters for
# the digits and marks, a mark standing for the one letter the lists' words have there.
_LEET = str.maketrans({"1": "i", "!": "i", "0": "o", "3": "e", "4": "a", "@": "a", "$": "s", "5": "s", "7": "t"})
_CENSORED_WORD = re.compile(r"[a-z]*[*#!@$0-9.][a-z*#!@$0-9.]*")
_WORD_CHARS = re.compile(r"[a-z]")
_MASKED = re.compile(r"[a-z]*[*#][a-z*#]*")  # letters and the marks that stand for letters, no other


def _decensored(item: str, mapping: DeclaredMapping) -> str:
    """``item`` with each word written around a filter read as the word of the lists it stands for;
    unchanged where none is (a year, "4th", a word the lists do not hold)."""
    if not any(mark in item for mark in "*#!@$0123456789."):
        return item
    words = _alias_words(mapping)

    def read(match: re.Match[str]) -> str:
        token = match.group(0)
        if not _WORD_CHARS.search(token):
            return token  # a number
        dotted = token.replace(".", "")
        if dotted in words:
            return dotted  # "s.h." is "sh"
        plain = dotted.translate(_LEET)
        if plain in words:
            return plain
        if _MASKED.fullmatch(plain):
            shape = re.compile(plain.replace("*", "[a-z]").replace("#", "[a-z]"))
            found = [word for word in words.get_by_length(len(plain)) if shape.fullmatch(word)]
            if len(found) == 1:
                return found[0]
        return token

    return _CENSORED_WORD.sub(read, item)


class _Words(set[str]):
    """The words of the lists' aliases, and those of each length."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self._by_length: dict[int, list[str]] = {}
        for word in self:
            self._by_length.setdefault(len(word), []).append(word)

    def get_by_length(self, length: int) -> list[str]:
        return self._by_length.get(length, [])


_WORDS_CACHED: dict[int, tuple[DeclaredMapping, _Words]] = {}  # by the mapping's id, the mapping held alive


def _alias_words(mapping: DeclaredMapping) -> _Words:
    """The words of ``mapping``'s aliases, worked out once per mapping (a frozen mapping holds dicts,
    so it is no key of its own)."""
    cached = _WORDS_CACHED.get(id(mapping))
    if cached is not None and cached[0] is mapping:
        return cached[1]
    if len(_WORDS_CACHED) >= 8:
        _WORDS_CACHED.clear()
    words = _Words(word for alias in mapping.aliases for word in alias.split() if word.isalpha() and len(word) > 1)
    _WORDS_CACHED[id(mapping)] = (mapping, words)
    return words


# Articles beside a warning in a list: English, and the languages of declared.json that have them
# ("un intento de suicidio", "une tentative de suicide", "ein Suizidversuch").
_ARTICLES = frozenset(
    [
        "a",
        "an",
        "the",
        "un",
        "una",
        "unos",
        "unas",
        "el",
        "la",
        "los",
        "las",
        "une",
        "le",
        "les",
        "des",
        "du",
        "um",
        "uma",
        "o",
        "os",
        "as",
        "uno",
        "il",
        "lo",
        "gli",
        "ein",
        "eine",
        "einen",
        "einem",
        "der",
        "die",
        "das",
        "een",
        "de",
        "het",
    ]
)


# The author's words kept for one warning, and the declarations kept that match none: what an admin
# reads of them. A file of 250,000 different "TW: blood 17" lines kept them all, each checked against
# every other (minutes of CPU for one upload); the first few say as much.
DECLARED_TEXTS_KEPT = 20
UNMAPPED_KEPT = 50
# Items of one declaration read: an author's list of warnings runs to a few dozen. A "Warnings:" line
# (or a front matter list, read as one line) of 100,000 items had each mapped, and each it did not
# know looked for again in the whole line: 27 s of CPU, and 400,000 items ran past 150 s.
ITEMS_READ = 200


def keep_new(kept: list[str], texts: Iterable[str], limit: int) -> None:
    """Add to ``kept`` each of ``texts`` it does not hold yet, while it holds fewer than ``limit``:
    the author's words for a warning, a few of them, each once (a short list, so ``in`` is cheap)."""
    for text in texts:
        if len(kept) >= limit:
            return
        if text not in kept:
            kept.append(text)


@dataclass(slots=True)
class Declared:
    ids: dict[str, list[str]] = field(default_factory=dict)  # id -> the author's words for it
    unwarned: bool = False
    unmapped: list[str] = field(default_factory=list)
    _unmapped_folded: set[str] = field(default_factory=set)  # (lower case: one of each, whatever its case)

    def add(self, warning_id: str, text: str) -> None:
        keep_new(self.ids.setdefault(warning_id, []), (text,), DECLARED_TEXTS_KEPT)

    def add_unmapped(self, text: str) -> None:
        """A declaration that matches no warning, once whatever its case, up to :data:`UNMAPPED_KEPT`."""
        folded = text.lower()
        if folded not in self._unmapped_folded and len(self.unmapped) < UNMAPPED_KEPT:
            self._unmapped_folded.add(folded)
            self.unmapped.append(text)


@dataclass(frozen=True, slots=True)
class Marks:
    """The markers a declaration without a label carries ("死ネタあり", "含死亡描写", "사망 묘사 있음"),
    from the ``languages`` section: each pattern takes one marker off a piece of folded text."""

    before: re.Pattern[str]  # "含", "涉及": opening the piece
    fillers: re.Pattern[str]  # "有" ("there is"), "本文": taken off the start, but no marker of their own
    after: re.Pattern[str]  # "注意", "あり", "を含みます", "慎入", "주의", "있음": closing it
    depiction: re.Pattern[str]  # "描写", "表現", "묘사": "depiction of", after the warning word
    lead: re.Pattern[str]  # "今回は", "本章", "이번 화에는": this or the next chapter, opening the line
    joiners: re.Pattern[str]  # "と", "和", "및", or a space: between two warning words in one piece
    hint: re.Pattern[str]  # any marker or hashtag anywhere: a line without one is passed over at once
    edge: re.Pattern[str]  # a marker at the edge of a piece, where a declaration has it ("注意して" has not)
    anywhere: re.Pattern[
        str
    ]  # any of the above, filler or depiction anywhere: a piece without one has none to take off


@dataclass(frozen=True, slots=True)
class DeclaredMapping:
    archive_warnings: dict[str, list[str] | str]
    prefixes: re.Pattern[str]
    qualifiers: re.Pattern[str]
    aliases: dict[str, str]  # normalised alias -> id
    alias_search: re.Pattern[str]  # every alias as a whole phrase, longest first
    nothing: frozenset[str] = frozenset()  # "keine", "aucun", "nada": the author declares nothing
    marks: Marks | None = None  # the markers of a declaration without a label; None: none are read
    # Whole items holding a warning word that name no warning: a tag's "Dead Inside", "Killing Time".
    idioms: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class DeclarationCues:
    """The words of a declaration in the languages of ``declared.json``, as regular expressions
    (lower case, to be compiled case-insensitive) for the story readers."""

    labels: str  # only ever a declaration: "Triggerwarnung", "Inhaltswarnung", "CN"
    generic_labels: str  # also an ordinary notice ("Aviso:", "Avertissement :"): a declaration only with warnings
    connectors: str  # the word for "for": "CW für dieses Kapitel: ..."
    this_chapter: str
    next_chapter: str
    note_labels: str  # "Anmerkung der Autorin", "Note de l'auteur", "N/A": an author's note, before a colon
    notices: str = ""  # a whole line that is a notice to readers: "地雷注意", "苦手な方はブラウザバック推奨"


# Scripts written without spaces between words (Chinese, Japanese): a warning word there stands inside
# a phrase ("本章预警", "死亡描写あり"), so no word boundary is asked of it. Korean spaces its words
# but writes endings onto them ("자살을"): a Korean word needs a boundary before it, not after.
UNSPACED_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
HANGUL_CHARS = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_UNSPACED_END = re.compile(rf"[{UNSPACED_CHARS}{HANGUL_CHARS}]$")
# Turkish writes I/ı and İ/i: "UYARI".lower() is "uyari", "İNTİHAR".lower() "i̇ntihar" (a combining
# dot). Both i's fold to one, so a word matches however it is cased; the length stays the same.
_DOTLESS = str.maketrans({"İ": "i", "ı": "i"})
_FOLD = str.maketrans({"’": "'", "‘": "'", "İ": "i", "ı": "i"})


def fold(text: str) -> str:
    """Lower case for matching: quotes made straight and Turkish i's one letter, length unchanged."""
    return text.translate(_FOLD).lower()


def _normalise(text: str) -> str:
    """Declared text as the lists hold it: composed (NFC, so a decomposed "ö" is "ö"), folded, single spaced."""
    return " ".join(fold(unicodedata.normalize("NFC", text)).split())  # every run of \s as re reads it: one space


# Lines a chapter's paragraphs are asked about: each is asked whether it lists warnings in two or
# three ways (:func:`labelled_list`, :func:`lists_declared`, :func:`lists_warnings`), and each way
# starts from the line normalised with its label off, so that is worked out once per line.
_UNLABELLED_CACHED = 4096


def _unlabelled(text: str, mapping: DeclaredMapping) -> tuple[str, str]:
    """``text`` normalised (:func:`_normalise`), and the same without its declaration label
    ("TW: blood" gives "blood"; a line with no label gives itself twice)."""
    if mapping is default_mapping():
        return _unlabelled_by_default(text)
    return _label_off(_normalise(text), mapping.prefixes)


@lru_cache(maxsize=_UNLABELLED_CACHED)
def _unlabelled_by_default(text: str) -> tuple[str, str]:
    return _label_off(_normalise(text), default_mapping().prefixes)


def _label_off(normal: str, prefixes: re.Pattern[str]) -> tuple[str, str]:
    """``normal`` and the same without the labels at its start: the pattern is anchored there, so
    one match at the start does what a substitution does, without trying every later position
    (a paragraph of prose paid 20 µs for them)."""
    label = prefixes.match(normal)
    return normal, normal[label.end() :] if label else normal


_WORD_CHAR = r"[\w-]"  # what may not stand right before or after an alias in a spaced script


def _spaced_start(alias: str) -> bool:
    """Whether an alias must start a word: one in a script without spaces may stand inside a phrase."""
    return re.match(rf"[{UNSPACED_CHARS}]", alias) is None


def _word_end(alias: str) -> str:
    """What an alias asks of the character after it: no word character, unless its script writes
    no spaces (or, as Korean, writes endings onto a word)."""
    return "" if _UNSPACED_END.search(alias) else f"(?!{_WORD_CHAR})"


_END = ""  # a trie node's key for "an alias ends here"


def alias_pattern(aliases: Iterable[str]) -> str:
    """Every alias as a whole phrase, the longest that matches at a place winning, as one trie:
    the aliases sharing a prefix share its branch.

    The same matches as the aliases' alternation sorted longest first (two aliases that match at one
    place are one the other's prefix, and a branch tries its longer ways before it ends), but a
    place of the text is passed over after a character or two, where the alternation tried each of
    two thousand aliases there: about 70 µs a character, so a long paragraph that starts like a
    declaration ("Tw", "Warning") took seconds to be told apart from one.
    """
    root: dict[str, Any] = {}
    for alias in aliases:
        node = root
        for char in alias:
            node = node.setdefault(char, {})
        node[_END] = _word_end(alias)
    # The look-behind for a word's start goes after the first character, so that every branch opens
    # with a literal the regex engine checks (and searches for) before it tries anything more.
    branches = []
    for first, child in sorted(root.items()):
        behind = f"(?<!{_WORD_CHAR}{re.escape(first)})" if _spaced_start(first) else ""
        branches.append(f"{re.escape(first)}{behind}{_trie_rest(child)}")
    return "|".join(branches) if branches else "(?!)"


def _trie_rest(node: dict[str, Any]) -> str:
    """What may follow a trie node: its longer ways first, then its end."""
    ways = [f"{re.escape(char)}{_trie_rest(child)}" for char, child in sorted(node.items()) if char != _END]
    if _END in node:
        ways.append(node[_END])
    return ways[0] if len(ways) == 1 else f"(?:{'|'.join(ways)})"


def _alternatives(patterns: Iterable[str]) -> str:
    return "|".join(sorted(dict.fromkeys(patterns), key=len, reverse=True))


def _from_languages(raw: dict[str, Any], key: str) -> list[str]:
    return [entry for language in raw.get("languages", {}).values() for entry in language.get(key, [])]


def _chapter_prefixes(raw: dict[str, Any]) -> list[str]:
    """ "für dieses Kapitel", "pour le prochain chapitre": stripped like a label before the warnings."""
    connectors = _alternatives(_from_languages(raw, "connectors"))
    phrases = _from_languages(raw, "this_chapter") + _from_languages(raw, "next_chapter")
    return [f"(?:(?:{connectors})\\s+)?(?:{phrase})" for phrase in phrases]


def _all_aliases(raw: dict[str, Any]) -> dict[str, str]:
    """Every alias, English and the other languages', to its id; one word with two ids is a data error."""
    aliases: dict[str, str] = {}
    tables = [raw["aliases"], *(language.get("aliases", {}) for language in raw.get("languages", {}).values())]
    for table in tables:
        for warning_id, names in table.items():
            for name in names:
                key = _normalise(name)
                if aliases.setdefault(key, warning_id) != warning_id:
                    raise ValueError(f"declared alias {name!r} maps to both {aliases[key]} and {warning_id}")
    return aliases


def _either(patterns: Iterable[str]) -> str:
    """Alternatives, longest first, as one group; a group that never matches when there are none."""
    alternatives = _alternatives(patterns)
    return f"(?:{alternatives})" if alternatives else "(?!)"


def _marks(raw: dict[str, Any]) -> Marks:
    chapters = _either(_from_languages(raw, "this_chapter") + _from_languages(raw, "next_chapter"))
    particles = _either(_from_languages(raw, "chapter_particles"))
    before, after = _either(_from_languages(raw, "marks_before")), _either(_from_languages(raw, "marks_after"))
    fillers = _either(_from_languages(raw, "fillers_before"))
    stops, pieces = r"\s.!?。！？)）】」』※*\-–—:：", r"\s,;、，；､・|•&+"
    return Marks(
        re.compile(rf"^{before}\s*"),
        re.compile(rf"^{fillers}\s*"),
        re.compile(rf"\s*{after}$"),
        re.compile(rf"\s*{_either(_from_languages(raw, 'depictions'))}$"),
        re.compile(rf"^{chapters}\s*{particles}?[\s:：、，,]*"),
        re.compile(rf"\s*{_either(_from_languages(raw, 'joiners'))}\s*|\s+"),
        re.compile(rf"{before}|{after}|[#＃]"),
        re.compile(rf"{after}[{stops}]*(?:$|[{pieces}])|(?:^|[{pieces}])[{stops}]*(?:{fillers}\s*)?{before}|^[#＃]"),
        re.compile(f"{before}|{fillers}|{after}|{_either(_from_languages(raw, 'depictions'))}"),
    )


# Labels taken off the start of a declaration, one after another ("Warning: TW: CW:" is three): an
# author stacks a few; a line of a million "TW:" is no declaration to read.
LABELS_MOST = 8


def parse_mapping(raw: dict[str, Any]) -> DeclaredMapping:
    archive = {_normalise(name): ids for name, ids in raw["archive_warnings"].items()}
    labels = _from_languages(raw, "labels") + _from_languages(raw, "generic_labels")
    # Read on folded text: a Turkish "uyarı" in a pattern is "uyari" there.
    prefixes = _alternatives(p.translate(_DOTLESS) for p in [*raw["prefixes"], *labels, *_chapter_prefixes(raw)])
    qualifiers = _alternatives(raw["qualifiers"])
    aliases = _all_aliases(raw)
    search = re.compile(alias_pattern(aliases))
    return DeclaredMapping(
        archive,
        # A label as Japanese frames it too: "※注意※ 死ネタ", "【注意】流血", and in brackets: "[TW] blood",
        # "(CW) grief" (bot.story.text_declarations reads the same). At most LABELS_MOST of them one after
        # another: each kept its place for the way back, so a line of a million "[TW]" took 3.3 s and 580 MB.
        re.compile(
            rf"^(?:[【※＊《\[(]?(?:{prefixes})(?:\b|(?<=[){UNSPACED_CHARS}]))\s*(?:[:：\-–—※】＊》\])]|//?)?\s*)"
            rf"{{1,{LABELS_MOST}}}"
        ),
        re.compile(rf"^(?:(?:{qualifiers})\b\s*)+"),
        aliases,
        search,
        frozenset(_normalise(word) for word in _from_languages(raw, "nothing")),
        _marks(raw),
        frozenset(_normalise(idiom) for idiom in raw.get("idioms", [])),
    )


def parse_cues(raw: dict[str, Any]) -> DeclarationCues:
    return DeclarationCues(
        *(_alternatives(_from_languages(raw, key)) for key in ("labels", "generic_labels", "connectors")),
        *(
            _alternatives(_from_languages(raw, key))
            for key in ("this_chapter", "next_chapter", "note_labels", "notices")
        ),
    )


@cache
def _shipped(path: Traversable) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def default_mapping(path: Traversable = DECLARED_FILE) -> DeclaredMapping:
    return parse_mapping(_shipped(path))


@cache
def mapping_fingerprint(path: Traversable = DECLARED_FILE) -> str:
    """A digest of the shipped mapping: a stored scan maps what its author declared, so one made with
    another release's mapping ("child labour" was childbirth) is stale as one made with other rules is."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@cache
def declaration_cues(path: Traversable = DECLARED_FILE) -> DeclarationCues:
    """The shipped cue words of declarations in other languages, read once per process."""
    return parse_cues(_shipped(path))


def alias_id(text: str) -> str | None:
    """The warning id ``text`` names exactly as the lists write it ("MCD", "Major Character Death"), or None."""
    return default_mapping().aliases.get(_normalise(text))


def maps_any(text: str) -> bool:
    """Whether a declaration names at least one warning the taxonomy knows ("Aviso: muerte" does,
    "Aviso: el capítulo llega tarde" does not)."""
    return bool(map_texts([text]).ids)


def lists_warnings(text: str) -> bool:
    """Whether a declaration is a list of warnings and nothing else ("Warning: blood and gore",
    "Aviso: muerte, violencia"): every piece a warning the taxonomy knows, with at most one word
    beside it besides an article ("a dead parent"), or a word for none, and at least one warning. "Warning: death was
    near" names a warning inside a sentence: a story may say that, an author's list does not."""
    mapping = default_mapping()
    listed = False
    for piece in _pieces(_unlabelled(text, mapping)[1]):  # read no further than the first that is not
        if len(piece) > PROSE_PIECE_CHARS:
            return False  # not read word by word: a paragraph under a warnings heading may be the whole file
        if _NOTHING.fullmatch(piece) or piece in mapping.nothing:
            continue
        core = _edges_off(mapping.qualifiers.sub("", _normalise(piece)))
        if _warning_word(core, mapping)[0]:  # "사망 묘사 있음": a warning word and its markers
            listed = True
            continue
        rest = mapping.alias_search.sub(" ", core)
        if rest == core or len([word for word in rest.split() if word not in _ARTICLES]) > 1:
            return False
        listed = True
    return listed


# A thing an author lists that Dogear has no id for ("drowning", "hospitals", "death of a parent"):
# a few words, none of them what only a sentence holds (a verb of being or saying, a subject pronoun).
LISTED_ITEM_WORDS = 5
_SENTENCE_WORDS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "has",
        "have",
        "had",
        "hasn't",
        "haven't",
        "do",
        "does",
        "did",
        "don't",
        "doesn't",
        "didn't",
        "will",
        "would",
        "can",
        "could",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "won't",
        "can't",
        "couldn't",
        "wouldn't",
        "shouldn't",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "asked",
        "replied",
        "whispered",
        "i",
        "i'm",
        "i've",
        "i'll",
        "you",
        "you're",
        "he",
        "she",
        "we",
        "they",
        "it's",
        "there's",
        "that's",
        "if",
        "when",
        "because",
        "so",
        "but",
        "then",
    ]
)
_WORD = re.compile(r"[^\W_](?:[\w'’/-]*[^\W_])?")


def lists_declared(text: str, *, known_needed: bool = True) -> bool:
    """Whether a labelled line is a list of things declared, some of them warnings the taxonomy has no
    id for ("Warnings: drowning, death of a parent", "TW: hospitals and blood"): every piece a warning
    :func:`lists_warnings` takes or a short item with no word only a sentence holds, and one warning the
    taxonomy knows at least (unless ``known_needed`` is off: then two items at least, "Warnings:
    drowning, hospitals"). "Warning: the stairs are steep, she said" and anything in quotes are prose.
    Cheap on prose: the pieces' words are read before any warning word is looked up."""
    if '"' in text or "“" in text or "”" in text or len(text) > 240:
        return False
    mapping = default_mapping()
    pieces = []
    for piece in _items(text, mapping):  # read no further than the first piece of prose
        if _NOTHING.fullmatch(piece) or piece in mapping.nothing:
            continue
        words = _WORD.findall(piece)
        if not words or len(words) > LISTED_ITEM_WORDS or any(word in _SENTENCE_WORDS for word in words):
            return False
        if piece.endswith(("?", "!")):
            return False
        pieces.append(piece)
    known = sum(1 for piece in pieces if lists_warnings(piece))
    return known > 0 if known_needed else len(pieces) >= 2


# One warning in a list, with a qualifier and markers ("mentions of eating disorders", "死亡描写あり"):
# the longest warning phrase is 37 characters; a longer piece is prose.
LISTED_PIECE_CHARS = 64
# What :func:`lists_warnings` lets stand beside a warning (a qualifier, markers, one word) leaves a
# piece far shorter than this; a longer one is prose however it ends.
PROSE_PIECE_CHARS = 4 * LISTED_PIECE_CHARS


def labelled_list(text: str) -> bool:
    """Whether a line is a declaration label over warnings the taxonomy knows and nothing else,
    every piece one warning word or phrase ("TW: blood, self harm", "CW: suicide and death"):
    stricter than :func:`lists_warnings`, which lets a word stand beside a warning, and cheap on
    a line of prose, so a chapter's every paragraph may be asked: no alias is searched for, and
    the line is read up to its first piece that is no warning."""
    mapping = default_mapping()
    normal, body = _unlabelled(text, mapping)
    if body == normal:
        return False  # no label
    listed = False
    for piece in _pieces(body):
        if _NOTHING.fullmatch(piece) or piece in mapping.nothing:
            continue
        if len(piece) > LISTED_PIECE_CHARS:
            return False
        if not _warning_word(_edges_off(mapping.qualifiers.sub("", piece)), mapping)[0]:
            return False
        listed = True
    return listed


# A declaration without a label is a short line; a longer one is prose, read no further.
MARKED_LINE_CHARS = 200
_MARKABLE = re.compile(rf"[{UNSPACED_CHARS}{HANGUL_CHARS}#＃]")
_HASHTAGS = re.compile(r"[#＃][^\s#＃]+(?:\s+[#＃][^\s#＃]+)*")
_MARK_STEPS = 8  # markers taken off one piece at most ("有" + "血腥" + "描写" + "慎入" takes three)


def marked_list(text: str, mapping: DeclaredMapping | None = None) -> bool:
    """Whether a line declares warnings with markers instead of a label: "※死ネタ注意", "流血表現あり",
    "自傷描写を含みます", "含死亡描写", "有血腥描写慎入", "사망 묘사 있음", "今回は流血表現あり", or a line
    of hashtags that are all warning words ("#死ネタ #流血").

    Each piece (split at commas and the like) must be a warning word once the markers around it are
    taken off, and one marker at least must be there: a sentence with the same words ("彼は死ネタが
    苦手だ", "注意して歩いた") keeps words that are no warning, and a bare "死亡" may be a title.
    """
    mapping = mapping or default_mapping()
    if mapping.marks is None or len(text) > MARKED_LINE_CHARS or not _MARKABLE.search(text):
        return False
    composed = unicodedata.normalize("NFC", text)
    if not mapping.marks.hint.search(composed):  # most sentences of a story: read no further
        return False
    line = _edges_off(_normalise(composed))
    if _HASHTAGS.fullmatch(line):
        return all(_warning_word(tag[1:], mapping)[0] for tag in line.split())
    line = mapping.marks.lead.sub("", line, count=1)
    if not mapping.marks.edge.search(line):
        return False
    pieces = [piece for piece in (_edges_off(p) for p in _SPLIT.split(line)) if piece]
    words = [_warning_word(piece, mapping) for piece in pieces if not _only_marker(piece, mapping.marks)]
    marked = len(words) < len(pieces) or any(marked for _, marked in words)
    return bool(words) and all(found for found, _ in words) and marked


def marker_positions(text: str) -> Iterator[int]:
    """Where in a text a marker or a hashtag stands: a declaration without a label holds one, so only
    the sentences around these are worth reading. A text not composed (NFC: a decomposed "주의" is other
    characters) gives every place instead, for the caller to read each sentence."""
    marks = default_mapping().marks
    if marks is None or not _MARKABLE.search(text):
        return
    if unicodedata.is_normalized("NFC", text):
        yield from (match.start() for match in marks.hint.finditer(text))
    else:
        yield from range(len(text))


def marker_only(text: str) -> bool:
    """Whether a sentence is nothing but a marker ("ご注意ください。", "慎入"): beside a declaration it
    adds no words of its own."""
    mapping = default_mapping()
    return mapping.marks is not None and _only_marker(_edges_off(_normalise(text)), mapping.marks)


def _only_marker(piece: str, marks: Marks) -> bool:
    return bool(piece) and not _edges_off(marks.after.sub("", piece, count=1))


def _warning_word(piece: str, mapping: DeclaredMapping) -> tuple[bool, bool]:
    """Whether a piece is warning words once its markers are off ("死ネタと流血表現あり",
    "자살 및 자해 언급 주의" are two), and whether it had a marker (which no caller needs of a piece that
    is not: the reading stops at its first word that is no warning, so a sentence costs a word or two)."""
    found, marked = _unmarked(piece, mapping)
    if found or mapping.marks is None:
        return found, marked
    core, marked = _markers_off(piece, mapping.marks)
    parts = [part for part in (_edges_off(p) for p in mapping.marks.joiners.split(core)) if part]
    if len(parts) < 2:
        return False, marked
    for part in parts:
        found, part_marked = _unmarked(part, mapping)
        if not found:
            return False, marked
        marked = marked or part_marked
    return True, marked


def _markers_off(piece: str, marks: Marks, words: Container[str] = ()) -> tuple[str, bool]:
    """A piece with its markers off its ends, one at a time ("有血腥描写慎入": "慎入", "描写", then "有",
    leaving "血腥"), stopping at one of ``words``; and whether one was a marker (not a depiction).
    A word is looked up before each step: "性描写" is a word of its own, not "性" and a depiction."""
    marked = False
    if not marks.anywhere.search(piece):  # none to take (most pieces of prose): one look instead of four a step
        return piece, marked
    for _ in range(_MARK_STEPS):
        if piece in words:
            break
        step = _take_marker(piece, marks)
        if step is None:
            break
        piece, is_marker = step
        marked = marked or is_marker
    return piece, marked


def _unmarked(piece: str, mapping: DeclaredMapping) -> tuple[bool, bool]:
    """Whether a piece is one warning word once its markers are off, and whether it had a marker."""
    if mapping.marks is None:
        return piece in mapping.aliases, False
    core, marked = _markers_off(piece, mapping.marks, mapping.aliases)
    return core in mapping.aliases, marked


def _take_marker(piece: str, marks: Marks) -> tuple[str, bool] | None:
    """The piece with one marker off its end or its start, and whether that was a marker (a depiction
    is not: "死亡描写" alone may be a title, nor is a filler: "有毒品" may be a sentence); None when there is none
    to take, or nothing would be left."""
    steps = ((marks.after, True), (marks.depiction, False), (marks.before, True), (marks.fillers, False))
    for pattern, is_marker in steps:
        stripped = _edges_off(pattern.sub("", piece, count=1))
        if stripped != piece:
            return (stripped, is_marker) if stripped else None
    return None


def _ids_in(item: str, mapping: DeclaredMapping) -> list[str]:
    text = _edges_off(mapping.qualifiers.sub("", _normalise(item)))
    if not text:
        return []
    if text in mapping.aliases:
        return [mapping.aliases[text]]
    archive = mapping.archive_warnings.get(text)
    if isinstance(archive, list):
        return archive
    return list(dict.fromkeys(mapping.aliases[found] for found in mapping.alias_search.findall(text)))


def _items(text: str, mapping: DeclaredMapping) -> Iterator[str]:
    """Split "TW: death, blood and gore" into the things declared, without the label; a piece of
    warnings between slashes ("blood/drowning") is split there too (:func:`_slash_items`). Lazily,
    as :func:`_pieces`: a line of prose is told from a list by its first piece or two."""
    for piece in _pieces(_unlabelled(text, mapping)[1]):
        yield from _slash_items(piece, mapping)


_SLASH = re.compile(r"\s*/\s*")


def _slash_items(piece: str, mapping: DeclaredMapping) -> list[str]:
    """A piece whose slashes stand between warnings ("blood/drowning", "major character death/drowning")
    as its items, so the one Dogear has no id for is reported, not hidden behind the one it has: at
    least one side a warning the taxonomy knows, each side a short item with no word only a sentence
    holds. A piece that is one phrase as written ("rape/non-con", "implied/referenced self-harm",
    "n/a") stays whole, as does one neither side of which is a warning ("hurt/comfort", "he/she")."""
    if "/" not in piece:
        return [piece]
    core = _edges_off(mapping.qualifiers.sub("", piece))
    if "/" not in core or core in mapping.aliases or core in mapping.archive_warnings or _NOTHING.fullmatch(core):
        return [piece]
    parts = [_edges_off(part) for part in _SLASH.split(core)]
    for part in parts:
        words = _WORD.findall(part)
        if not words or len(words) > LISTED_ITEM_WORDS or any(word in _SENTENCE_WORDS for word in words):
            return [piece]
    if not any(_ids_in(part, mapping) and lists_warnings(part) for part in parts):
        return [piece]
    return parts


def _pieces(body: str) -> Iterator[str]:
    """The pieces of a list, split as ``_SPLIT.split`` does, without their edges and for as long as
    they are asked for: a paragraph of prose is told from a list by its first piece or two."""
    start = 0
    for match in _SPLIT.finditer(body):
        piece = _edges_off(body[start : match.start()])
        if piece:
            yield piece
        start = match.end()
    piece = _edges_off(body[start:])
    if piece:
        yield piece


def known_warning(tag: str) -> str | None:
    """The name ``tag`` is in the shipped mapping when it is an archive warning or a warning's alias
    ("Major Character Death", "Self-Harm"), folded; None for any other tag. One look-up, no search: what
    the story readers keep past their cap on tags (:func:`bot.story.limits.keep_tags`)."""
    mapping = default_mapping()
    name = _edges_off(_normalise(tag))
    return name if name in mapping.archive_warnings or name in mapping.aliases else None


def names_a_work(tag: str) -> bool:
    """Whether a freeform tag names a work by its medium ("Death Note (Anime & Manga)"): a fandom,
    never a warning, whatever words its title holds."""
    return _WORK_TAG.fullmatch(" ".join(tag.split())) is not None


def map_declared(meta: StoryMeta, mapping: DeclaredMapping | None = None) -> Declared:
    mapping = mapping or default_mapping()
    result = Declared()
    for warning in meta.archive_warnings:
        _map_text(warning, mapping, result, report_unmapped=True)
    for text in meta.declared_warnings:
        _map_text(text, mapping, result, report_unmapped=True)
    # Freeform tags are mostly not warnings ("Fluff", "Angst"): only the ones that map count, and
    # never one that names a work by its medium.
    for tag in meta.additional_tags:
        if not names_a_work(tag):
            _map_text(tag, mapping, result, report_unmapped=False)
    return result


def declaring_texts(meta: StoryMeta) -> list[str]:
    """The author's own words that declare the story's warnings, as written: its archive warnings, its
    declaration lines, and the freeform tags that name a warning ("Self-Harm", not "Fluff"), as
    :func:`map_declared` reads them. What a preview shows as the story's declared warnings."""
    mapping = default_mapping()
    tags = []
    for tag in meta.additional_tags:
        if names_a_work(tag):
            continue
        found = Declared()
        _map_text(tag, mapping, found, report_unmapped=False)
        if found.ids or found.unwarned:
            tags.append(tag)
    return list(dict.fromkeys([*meta.archive_warnings, *meta.declared_warnings, *tags]))


AUTHOR_WORDS_MAX = 4  # words in a thing an author warns of ("near-death experience", "an abusive ex")
_LEADING_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)


def author_words(unmapped: Iterable[str], mapping: DeclaredMapping | None = None) -> list[str]:
    """What of a story's unmatched declarations names a thing to warn of, for members to read in the
    author's words ("drowning", "claustrophobia", "CPR"): a few words with no number and no English
    function word past a leading article, not a qualifier alone. The rest ("referenced", "beyond the
    tags", "because they spoil it", a date) is a declaration read too far, shown to admins only."""
    mapping = mapping or default_mapping()
    kept = []
    for text in unmapped:
        words = _LEADING_ARTICLE.sub("", text.strip()).split()
        if (
            0 < len(words) <= AUTHOR_WORDS_MAX
            and not any(char.isdigit() for char in text)
            and not any(word.lower().strip(".,;:!?()") in FUNCTION_WORDS for word in words)
            and mapping.qualifiers.sub("", _normalise(text)).strip()
        ):
            kept.append(text.strip())
    return kept


def map_texts(texts: Iterable[str], mapping: DeclaredMapping | None = None) -> Declared:
    mapping = mapping or default_mapping()
    result = Declared()
    for text in texts:
        _map_text(text, mapping, result, report_unmapped=True)
    return result


def _map_text(text: str, mapping: DeclaredMapping, result: Declared, *, report_unmapped: bool) -> None:
    original = " ".join(text.split())
    if not original:
        return
    whole = mapping.archive_warnings.get(_edges_off(_normalise(original)))
    if whole == UNWARNED:
        result.unwarned = True
        return
    if isinstance(whole, list):
        for warning_id in whole:
            result.add(warning_id, original)
        return
    folded: str | None = None  # the whole text folded, once, when an unmatched item is looked for in it
    for item in islice(_items(original, mapping), ITEMS_READ):
        if _NOTHING.fullmatch(item) or item in mapping.nothing or _NOT_DECLARED.match(item) or item in mapping.idioms:
            continue
        archive = mapping.archive_warnings.get(item)
        if archive == UNWARNED:
            result.unwarned = True
            continue
        found = (
            _ids_in(item, mapping)
            or _ids_in(_decensored(item, mapping), mapping)
            or _slug_ids(item, mapping)
            or _disguised_ids(item, mapping)
        )
        if found:
            for warning_id in found:
                result.add(warning_id, original)
        elif report_unmapped and item not in mapping.archive_warnings:
            folded = fold(original) if folded is None else folded
            # "insects (lots)": the author's aside is no part of the thing ("insects (lots" before)
            result.add_unmapped(_original_case(original, folded, _OPEN_ASIDE.sub("", item) or item))


# A tag written as a slug, its words joined by hyphens or underscores: "eating-disorder",
# "major_character_death", an Obsidian note's "tw/child-abuse". Only a single token of two words or
# more is read so ("self-harm" is an alias as it is, and matched before this is asked).
_SLUG = re.compile(r"[^\W_]+(?:[-_][^\W_]+)+")


def _disguised_ids(item: str, mapping: DeclaredMapping) -> list[str]:
    """The ids of a warning word written to look like one ("dеath" with a Cyrillic е, "ｇｏｒｅ",
    "su\u200bicide"): asked only of an item nothing else mapped, and one past ASCII."""
    if item.isascii():
        return []
    plain = _normalise(plain_letters(item))
    return [] if plain == item else list(_ids_in(plain, mapping))


def _slug_ids(item: str, mapping: DeclaredMapping) -> list[str]:
    if _SLUG.fullmatch(item) is None:
        return []
    return list(_ids_in(item.replace("_", " ").replace("-", " "), mapping))


_OPEN_ASIDE = re.compile(r"[ \t]*\([^()]{0,40}$")  # an aside in brackets closing an item, its ")" taken with the edges


def _original_case(original: str, folded: str, item: str) -> str:
    """The unmapped piece as the author wrote it, when it can be found again (``folded``: ``original``
    folded, which keeps its length)."""
    index = folded.find(item)
    return original[index : index + len(item)] if index != -1 else item
