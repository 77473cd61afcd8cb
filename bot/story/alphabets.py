"""How plausible one reading of a legacy file is: how much of its non-ASCII text one language writes.

A file in a legacy code page decodes without error in almost every other one, and in Latin
scripts every wrong reading is still letters: Latvian "Šodien … nodaļa … malā" saved in cp1257
reads in cp1252 as "Ðodien … nodaïa … malâ". What gives a wrong reading away is that its letters
come from no one language (Icelandic ð, French ï and â in one sentence), that letters of another
script sit inside Latin words (cp1251 "cafй"), or that capitals sit inside words (KOI8-R read as
cp1251). The right reading stays in one alphabet.
"""

from __future__ import annotations

import re
from collections import Counter

# The letters beyond ASCII each language written in a legacy Latin code page uses, lower case
# (capitals are derived). A language left out still reads right when its letters are a subset of
# one here; a language is only worth listing when its letters are a set no other one covers.
_LATIN_ALPHABETS: dict[str, str] = {
    "french": "àâæçéèêëîïôœùûüÿ",
    "german": "äöüß",
    "dutch": "áéèëíïóöüú",
    "spanish": "áéíñóúü",
    "catalan": "àçèéíïòóúü",
    "portuguese": "áàâãçéêíóôõúü",
    "italian": "àèéìíîòóùú",
    "danish and norwegian": "æøåéóô",
    "swedish and finnish": "åäöéšž",
    "icelandic": "áðéíóúýþæö",
    "faroese": "áðíóúýæø",
    "estonian": "äöõüšž",
    "latvian": "āčēģīķļņšūžō",
    "lithuanian": "ąčęėįšųūž",
    "polish": "ąćęłńóśźż",
    "czech": "áčďéěíňóřšťúůýž",
    "slovak": "áäčďéíĺľňóôŕšťúýž",
    "croatian, bosnian and slovene": "čćđšž",
    "hungarian": "áéíóöőúüű",
    "romanian": "ăâîșțşţ",
    "albanian": "çë",
    "turkish and azerbaijani": "çğıöşüâîûəİ",  # İ: its small letter is ASCII i
    "irish": "áéíóú",
}
# Punctuation and signs any language's prose may hold; they count for every reading.
PUNCTUATION = frozenset("\u00a0“”‘’‚„–—…«»‹›·•°€£¥§©®™†‡¡¿×÷")


def _with_capitals(letters: str) -> frozenset[str]:
    capitals = (letter.upper() for letter in letters)
    return frozenset(letters) | frozenset(capital for capital in capitals if len(capital) == 1)


_ALPHABETS = tuple(_with_capitals(letters) for letters in _LATIN_ALPHABETS.values())
# English prose borrows words from many languages at once ("a naïve señor in São Paulo ate
# crème brûlée"): where letters beyond ASCII are this rare, every letter of cp1252, the code page
# such prose is saved in, counts as one alphabet. A language written with them has far more.
BORROWED_SHARE = 0.01
_BORROWED = _with_capitals("àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿœšžß")
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_HIGH_BYTES = bytes(range(0xC0, 0x100))  # letters in every single-byte Latin code page

# Where each script's letters lie; every script but Latin is counted as one alphabet.
_SCRIPTS: tuple[tuple[str, int, int], ...] = (
    ("latin", 0x00C0, 0x024F),
    ("greek", 0x0386, 0x03CE),
    ("greek", 0x1F00, 0x1FFF),  # polytonic
    ("cyrillic", 0x0400, 0x045F),
    ("cyrillic", 0x0490, 0x0491),  # Ukrainian ge
    ("hebrew", 0x05D0, 0x05EA),
    ("arabic", 0x0600, 0x06FF),
    ("thai", 0x0E01, 0x0E5B),
    ("east asian", 0x2460, 0x24FF),  # circled numbers
    ("east asian", 0x3000, 0x30FF),  # CJK punctuation and kana
    ("east asian", 0x3200, 0x33FF),  # enclosed and squared CJK
    ("east asian", 0x3400, 0x4DBF),  # CJK ideographs, extension A
    ("east asian", 0x4E00, 0x9FFF),  # CJK ideographs
    ("east asian", 0xAC00, 0xD7A3),  # Hangul
    ("east asian", 0xFF01, 0xFF5E),  # full-width forms
)
_ASCII_RUNS = re.compile("[\x00-\x7f]+")
# A letter of Greek, Cyrillic, Hebrew or Arabic touching a Latin one inside a word: "cafй" is
# French read as cp1251, not a Russian word.
_MIXED_SCRIPTS = re.compile("[A-Za-z\u00c0-\u024f](?=[\u0370-\u06ff])|[\u0370-\u06ff](?=[A-Za-z\u00c0-\u024f])")


def _script(char: str) -> str | None:
    code = ord(char)
    for name, low, high in _SCRIPTS:
        if low <= code <= high:
            return name
    return None


def borrows_words(sample: bytes) -> bool:
    """Whether a legacy file's letters beyond ASCII are as rare as words English borrows
    (:data:`BORROWED_SHARE`); said of its bytes, so every reading of the file is weighed alike."""
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    ascii_letters = len(sample) - len(sample.translate(None, _ASCII_LETTERS))
    return high < BORROWED_SHARE * (ascii_letters + high)


def plausibility(text: str, *, borrowing: bool = False) -> float:
    """The share of ``text``'s non-ASCII characters that one alphabet covers, less those out of place.

    1.0 for text that is all ASCII or all in one language's letters and common punctuation.
    With ``borrowing`` (:func:`borrows_words`), cp1252's letters together count as one alphabet.
    Letters touching another script and capitals after a small letter count against it.
    """
    others = _ASCII_RUNS.sub("", text)
    if not others:
        return 1.0
    counts = Counter(others)
    covered = _best_alphabet(counts, borrowed=borrowing)
    misplaced = len(_MIXED_SCRIPTS.findall(text)) + _capitals_inside_words(text, counts)
    return max(0, covered - misplaced) / len(others)


def _best_alphabet(counts: Counter[str], *, borrowed: bool) -> int:
    """How many of the counted characters the best single alphabet (with punctuation) covers;
    with ``borrowed``, cp1252's letters are one more alphabet (see :data:`BORROWED_SHARE`)."""
    neutral = 0
    scripts: Counter[str] = Counter()
    alphabets = (*_ALPHABETS, _BORROWED) if borrowed else _ALPHABETS
    latin = [0] * len(alphabets)
    for char, count in counts.items():
        if char in PUNCTUATION:
            neutral += count
            continue
        script = _script(char)
        if script == "latin":
            for index, alphabet in enumerate(alphabets):
                if char in alphabet:
                    latin[index] += count
        elif script is not None:
            scripts[script] += count
    return neutral + max([*latin, *scripts.values(), 0])


def _capitals_inside_words(text: str, counts: Counter[str]) -> int:
    """Capitals from a non-ASCII one after a small letter in the same word on ("уЕЗПДОС" is
    KOI8-R read as cp1251); ASCII ones alone ("McDonald", "iPhone") are the same in every reading."""
    capitals = re.escape("".join(char for char in counts if char.isupper()))
    if not capitals:
        return 0
    small = re.escape("".join(char for char in counts if char.islower()))
    pattern = re.compile(f"(?<=[a-z{small}])[{capitals}][A-Z{capitals}]*")
    return sum(map(len, pattern.findall(text)))
