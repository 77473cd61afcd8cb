"""What the author declared, mapped to taxonomy ids via ``data/warnings/declared.json``.

Authors write "TW for miscarriage", "CW: self harm, suicide", "Warnings: MCD" or use AO3's
archive warnings and freeform tags. "Creator Chose Not To Use Archive Warnings" means the
author will not say: the story is *unwarned*, which is never the same as safe. Declared text
that maps to nothing is kept so it can be shown as the author wrote it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources.abc import Traversable
from typing import Any

from bot.paths import shipped
from bot.story.model import StoryMeta

DECLARED_FILE = shipped("warnings", "declared.json")
UNWARNED = "unwarned"
_SPLIT = re.compile(r"\s*(?:[,;\n•|]|\s&\s|\s\+\s|\band\b)\s*")
_EDGE = re.compile(r"^[\s\-–—:.()\[\]\"'*]+|[\s\-–—:.()\[\]\"'*!]+$")
# "Warnings: none", "TW: n/a", "no warnings": the author declares nothing. That is neither a
# warning nor AO3's "chose not to warn", so it maps to nothing and is not reported as unmapped.
_NOTHING = re.compile(
    r"none|nothing|nil|nada|n/?a|not applicable|no"
    r"|(?:none|nothing) (?:at all|apply|applies|needed|really)"
    r"|no (?:tws?|cws?|(?:trigger |content |archive )?warnings?)(?: (?:apply|applies|needed))?"
)


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


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").lower()
    return re.sub(r"\s+", " ", text).strip()


def parse_mapping(raw: dict[str, Any]) -> DeclaredMapping:
    archive = {_normalise(name): ids for name, ids in raw["archive_warnings"].items()}
    prefixes = "|".join(sorted(raw["prefixes"], key=len, reverse=True))
    qualifiers = "|".join(sorted(raw["qualifiers"], key=len, reverse=True))
    aliases: dict[str, str] = {}
    for warning_id, names in raw["aliases"].items():
        for name in names:
            aliases[_normalise(name)] = warning_id
    ordered = sorted(aliases, key=len, reverse=True)
    search = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w-])")
    return DeclaredMapping(
        archive,
        re.compile(rf"^(?:(?:{prefixes})(?:\b|(?<=\)))\s*(?:[:\-–—]|//?)?\s*)+"),
        re.compile(rf"^(?:(?:{qualifiers})\b\s*)+"),
        aliases,
        search,
    )


@cache
def default_mapping(path: Traversable = DECLARED_FILE) -> DeclaredMapping:
    return parse_mapping(json.loads(path.read_text(encoding="utf-8")))


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
        if _NOTHING.fullmatch(item):
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
    index = original.lower().replace("’", "'").find(item)
    return original[index : index + len(item)] if index != -1 else item
