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
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources.abc import Traversable
from typing import Any

from bot.paths import shipped
from bot.story.model import StoryMeta

DECLARED_FILE = shipped("warnings", "declared.json")
UNWARNED = "unwarned"
# Items are split at commas and semicolons, Chinese and Japanese ones too ("死亡、自杀", "死亡，自残；血腥",
# "死ネタ・流血"), where no space follows them.
_SPLIT = re.compile(r"\s*(?:[,;\n•|、，；､・]|\s&\s|\s\+\s|\band\b)\s*")
_EDGE = re.compile(r"^[\s\-–—:.()\[\]\"'*：。（）【】「」『』※]+|[\s\-–—:.()\[\]\"'*!：。（）【】「」『』！※]+$")
# "Warnings: none", "TW: n/a", "no warnings": the author declares nothing. That is neither a
# warning nor AO3's "chose not to warn", so it maps to nothing and is not reported as unmapped.
_NOTHING = re.compile(
    r"none|nothing|nil|nada|n/?a|not applicable|no"
    r"|(?:none|nothing) (?:at all|apply|applies|needed|really)"
    r"|no (?:tws?|cws?|(?:trigger |content |archive )?warnings?)(?: (?:apply|applies|needed))?"
)

_ARTICLES = frozenset(("a", "an", "the"))


@dataclass(slots=True)
class Declared:
    ids: dict[str, list[str]] = field(default_factory=dict)  # id -> the author's words for it
    unwarned: bool = False
    unmapped: list[str] = field(default_factory=list)

    def add(self, warning_id: str, text: str) -> None:
        texts = self.ids.setdefault(warning_id, [])
        if text not in texts:
            texts.append(text)


@dataclass(frozen=True, slots=True)
class DeclaredMapping:
    archive_warnings: dict[str, list[str] | str]
    prefixes: re.Pattern[str]
    qualifiers: re.Pattern[str]
    aliases: dict[str, str]  # normalised alias -> id
    alias_search: re.Pattern[str]  # every alias as a whole phrase, longest first
    nothing: frozenset[str] = frozenset()  # "keine", "aucun", "nada": the author declares nothing


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
    return re.sub(r"\s+", " ", fold(unicodedata.normalize("NFC", text))).strip()


def _bounded(alias: str) -> str:
    """An alias as a whole word; a word in a script without spaces may stand inside a phrase."""
    before = "" if re.match(rf"[{UNSPACED_CHARS}]", alias) else r"(?<![\w-])"
    after = "" if _UNSPACED_END.search(alias) else r"(?![\w-])"
    return f"{before}{re.escape(alias)}{after}"


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


def parse_mapping(raw: dict[str, Any]) -> DeclaredMapping:
    archive = {_normalise(name): ids for name, ids in raw["archive_warnings"].items()}
    labels = _from_languages(raw, "labels") + _from_languages(raw, "generic_labels")
    # Read on folded text: a Turkish "uyarı" in a pattern is "uyari" there.
    prefixes = _alternatives(p.translate(_DOTLESS) for p in [*raw["prefixes"], *labels, *_chapter_prefixes(raw)])
    qualifiers = _alternatives(raw["qualifiers"])
    aliases = _all_aliases(raw)
    ordered = sorted(aliases, key=len, reverse=True)
    search = re.compile("|".join(_bounded(alias) for alias in ordered))
    return DeclaredMapping(
        archive,
        # A label as Japanese frames it too: "※注意※ 死ネタ", "【注意】流血" (bot.story.plaintext reads the same).
        re.compile(rf"^(?:[【※]?(?:{prefixes})(?:\b|(?<=[){UNSPACED_CHARS}]))\s*(?:[:：\-–—※】]|//?)?\s*)+"),
        re.compile(rf"^(?:(?:{qualifiers})\b\s*)+"),
        aliases,
        search,
        frozenset(_normalise(word) for word in _from_languages(raw, "nothing")),
    )


def parse_cues(raw: dict[str, Any]) -> DeclarationCues:
    return DeclarationCues(
        *(_alternatives(_from_languages(raw, key)) for key in ("labels", "generic_labels", "connectors")),
        *(_alternatives(_from_languages(raw, key)) for key in ("this_chapter", "next_chapter", "note_labels")),
    )


@cache
def _shipped(path: Traversable) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def default_mapping(path: Traversable = DECLARED_FILE) -> DeclaredMapping:
    return parse_mapping(_shipped(path))


@cache
def declaration_cues(path: Traversable = DECLARED_FILE) -> DeclarationCues:
    """The shipped cue words of declarations in other languages, read once per process."""
    return parse_cues(_shipped(path))


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
    for piece in _items(text, mapping):
        if _NOTHING.fullmatch(piece) or piece in mapping.nothing:
            continue
        core = _EDGE.sub("", mapping.qualifiers.sub("", _normalise(piece)))
        rest = mapping.alias_search.sub(" ", core)
        if rest == core or len([word for word in rest.split() if word not in _ARTICLES]) > 1:
            return False
        listed = True
    return listed


def _ids_in(item: str, mapping: DeclaredMapping) -> list[str]:
    text = _EDGE.sub("", mapping.qualifiers.sub("", _normalise(item)))
    if not text:
        return []
    if text in mapping.aliases:
        return [mapping.aliases[text]]
    archive = mapping.archive_warnings.get(text)
    if isinstance(archive, list):
        return archive
    return list(dict.fromkeys(mapping.aliases[found] for found in mapping.alias_search.findall(text)))


def _items(text: str, mapping: DeclaredMapping) -> list[str]:
    """Split "TW: death, blood and gore" into the things declared, without the label."""
    body = mapping.prefixes.sub("", _normalise(text))
    return [piece for piece in (_EDGE.sub("", p) for p in _SPLIT.split(body)) if piece]


def map_declared(meta: StoryMeta, mapping: DeclaredMapping | None = None) -> Declared:
    mapping = mapping or default_mapping()
    result = Declared()
    for warning in meta.archive_warnings:
        _map_text(warning, mapping, result, report_unmapped=True)
    for text in meta.declared_warnings:
        _map_text(text, mapping, result, report_unmapped=True)
    # Freeform tags are mostly not warnings ("Fluff", "Angst"): only the ones that map count.
    for tag in meta.additional_tags:
        _map_text(tag, mapping, result, report_unmapped=False)
    return result


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
    whole = mapping.archive_warnings.get(_EDGE.sub("", _normalise(original)))
    if whole == UNWARNED:
        result.unwarned = True
        return
    if isinstance(whole, list):
        for warning_id in whole:
            result.add(warning_id, original)
        return
    for item in _items(original, mapping):
        if _NOTHING.fullmatch(item) or item in mapping.nothing:
            continue
        archive = mapping.archive_warnings.get(item)
        if archive == UNWARNED:
            result.unwarned = True
            continue
        found = _ids_in(item, mapping)
        if found:
            for warning_id in found:
                result.add(warning_id, original)
        elif (
            report_unmapped
            and item not in mapping.archive_warnings
            and item not in (u.lower() for u in result.unmapped)
        ):
            result.unmapped.append(_original_case(original, item))


def _original_case(original: str, item: str) -> str:
    """The unmapped piece as the author wrote it, when it can be found again."""
    index = fold(original).find(item)
    return original[index : index + len(item)] if index != -1 else item
