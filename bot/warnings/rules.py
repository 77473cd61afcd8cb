"""Rules files: ``data/warnings/rules.json`` and ``scan --rules FILE``, validated field by field.

A rule is never code. The defaults live in a JSON file and a server's rules live in SQLite;
both become :class:`~bot.warnings.model.Rule` values whose patterns are RE2 syntax, so one
matcher can hold them all and no pattern can take more than linear time. A file with a wrong
type, a number out of range (NaN, Infinity, a negative gap), an unusable pattern or a key the
loader does not read (a misspelling would hide what it holds from every check) is refused with
one sentence naming the category, the rule and the field.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bot.text import clip
from bot.warnings.across import WINDOW_PARAGRAPHS
from bot.warnings.model import (
    DEFAULT_GAP,
    DEFAULT_MAX_COUNT,
    CategoryRules,
    Negation,
    Rule,
    RuleError,
    Ruleset,
)
from bot.warnings.patterns import (
    MAX_CUSTOM_RULES,
    MAX_PATTERN_CHARS,
    RULE_KINDS,
    admin_rule,
    check_regex,
    re2_options,
)
from bot.warnings.phrases import compile_phrase, default_classes, default_irregular, inflections, rules_document
from bot.warnings.taxonomy import CATEGORY_ID, Category, Taxonomy, default_taxonomy

__all__ = [
    "DEFAULT_GAP",
    "DEFAULT_MAX_COUNT",
    "MAX_CUSTOM_RULES",
    "MAX_PATTERN_CHARS",
    "RULE_KINDS",
    "CategoryRules",
    "Negation",
    "Rule",
    "RuleError",
    "Ruleset",
    "admin_rule",
    "check_regex",
    "compile_phrase",
    "default_classes",
    "default_irregular",
    "default_ruleset",
    "inflections",
    "load_rules_file",
    "parse_rules",
    "re2_options",
    "rules_from_json",
]

MAX_RULES_FILE_BYTES = 8 << 20
MAX_WEIGHT = 100.0
MAX_THRESHOLD = 1_000.0
MAX_GAP = 20
MAX_COUNT = 1_000
MAX_WINDOW = 10
MAX_SPAN = WINDOW_PARAGRAPHS  # a near rule's groups spread over at most the paragraphs read together
MAX_LABEL_CHARS = 60

# Every key the loader reads, level by level (``irregular`` and ``classes`` are maps of the
# file's own words). ``version`` and ``about`` are for the people who edit the file.
FILE_KEYS = ("version", "about", "settings", "negation", "irregular", "classes", "categories")
SETTINGS_KEYS = ("gap", "max_count")
NEGATION_KEYS = ("cues", "fillers", "window")
CATEGORY_KEYS = (
    "label",
    "description",
    "group",
    "threshold",
    "max_count",
    "exclude",
    "frames",
    "supported_by",
    "real",
    "span",
    "rules",
)
RULE_KEYS = ("id", "match", "near", "regex", "weight", "gap", "negatable", "unless", "alone", "span", "needs")
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


# ---------------------------------------------------------------------------------------
# Field checks: each names where the value is, so the refusal is one actionable line


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RuleError(f"{where} must be an object {{...}}, not {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _number(value: Any, where: str, *, high: float, low: float = 0.0, above_low: bool = True) -> float:
    """A finite number in range; NaN and Infinity (which Python's json accepts) are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RuleError(f"{where} must be a number, not {_kind(value)}")
    number = float(value)
    too_low = number <= low if above_low else number < low
    if not math.isfinite(number) or too_low or number > high:
        bound = "above" if above_low else "at least"
        raise RuleError(f"{where} must be a finite number {bound} {low:g} and at most {high:g}, not {value}")
    return number


def _integer(value: Any, where: str, *, low: int, high: int) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value != int(value)
    ):
        raise RuleError(f"{where} must be a whole number from {low} to {high}, not {_kind(value)}")
    if not low <= value <= high:
        raise RuleError(f"{where} must be a whole number from {low} to {high}, not {value}")
    return int(value)


def _flag(entry: Mapping[str, Any], key: str, where: str) -> bool:
    """A rule's true-or-false setting, true when left out."""
    value = entry.get(key, True)
    if not isinstance(value, bool):
        raise RuleError(f"{where}: `{key}` must be true or false, not {_kind(value)}")
    return value


def _strings(value: Any, where: str, *, required: bool = False) -> list[str]:
    """A string or a list of non-empty strings (``required``: at least one)."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise RuleError(f"{where} must be a string or a list of strings, not {_kind(value)}")
    if any(not item.strip() for item in items):
        raise RuleError(f"{where} has an empty string; write the words to look for")
    if required and not items:
        raise RuleError(f"{where} is an empty list; give at least one entry")
    return items


def key_path(parent: str, key: str) -> str:
    """Where a key is, as a path from the top of the file (``categories.death.rules[2].weight``);
    a key that is not a plain word is quoted and clipped, so the refusal stays one line."""
    segment = key if _PLAIN_KEY.fullmatch(key) else f"[{json.dumps(clip(key, 40))}]"
    if not parent:
        return segment
    return f"{parent}{segment}" if segment.startswith("[") else f"{parent}.{segment}"


def _known_keys(table: Mapping[str, Any], parent: str, accepted: Sequence[str], what: str) -> None:
    """Refuse a key the loader would not read: it would be skipped in silence, and with it
    whatever it holds, so a misspelled ``rules`` would hide an invalid rule from every check."""
    unknown = next((key for key in table if key not in accepted), None)
    if unknown is None:
        return
    keys = ", ".join(f"`{key}`" for key in sorted(accepted))
    close = difflib.get_close_matches(unknown, accepted, n=1)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    raise RuleError(f"unknown key `{key_path(parent, unknown)}`: {what} accepts {keys}{hint}")


def _defines_nothing(categories: Mapping[str, Mapping[str, Any]]) -> bool:
    """No category holds a value: the file would run as the defaults alone, which is never what
    its author meant."""
    return not any(value not in ([], {}, "") for body in categories.values() for value in body.values())


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What phrases of one rules document may refer to: irregular word forms and word classes."""

    irregular: Mapping[str, Sequence[str]]
    classes: Mapping[str, str]


def _phrases(value: Any, where: str, *, gap: int, vocabulary: Vocabulary) -> list[str]:
    compiled = []
    for phrase in _strings(value, where):
        try:
            compiled.append(compile_phrase(phrase, gap=gap, irregular=vocabulary.irregular, classes=vocabulary.classes))
        except RuleError as error:
            raise RuleError(f"{where}: {error}") from None
    return compiled


# ---------------------------------------------------------------------------------------
# Rules documents


def _file_rule(category: str, index: int, entry: Any, *, gap: int, vocabulary: Vocabulary) -> Rule:
    where = f"rule {index + 1} of category `{category}`"
    entry = _object(entry, where)
    name = entry.get("id")
    named = f"a rule (`{category}/{name}`)" if isinstance(name, str) and name.strip() else "a rule"
    _known_keys(entry, f"{key_path(key_path('categories', category), 'rules')}[{index}]", RULE_KEYS, named)
    if not isinstance(name, str) or not name.strip():
        raise RuleError(f"{where}: `id` must be a non-empty string")
    rule_id = f"{category}/{name}"
    where = f"rule `{rule_id}`"
    rule_gap = _integer(entry["gap"], f"{where}: `gap`", low=0, high=MAX_GAP) if "gap" in entry else gap
    weight = _number(entry.get("weight", 1.0), f"{where}: `weight`", high=MAX_WEIGHT)
    negatable = _flag(entry, "negatable", where)
    alone = _flag(entry, "alone", where)
    unless = tuple(_phrases(entry.get("unless", []), f"{where}: `unless`", gap=rule_gap, vocabulary=vocabulary))
    span = _integer(entry["span"], f"{where}: `span`", low=1, high=MAX_SPAN) if "span" in entry else 0
    # Each id once, in the file's order: read for every weak hit of a chapter (bot.warnings.support).
    needs = tuple(dict.fromkeys(_strings(entry.get("needs", []), f"{where}: `needs`")))
    kinds = [key for key in ("match", "near", "regex") if key in entry]
    if len(kinds) != 1:
        raise RuleError(f"{where} needs exactly one of `match`, `near` or `regex`")
    if "match" in entry:
        phrases = _strings(entry["match"], f"{where}: `match`", required=True)
        part = "|".join(_phrases(phrases, f"{where}: `match`", gap=rule_gap, vocabulary=vocabulary))
        return Rule(
            rule_id,
            category,
            "phrase",
            " | ".join(phrases),
            (part,),
            weight,
            negatable,
            unless,
            alone=alone,
            needs=needs,
        )
    if "near" in entry:
        groups = entry["near"]
        if not isinstance(groups, list) or len(groups) < 2:
            raise RuleError(f"{where}: `near` must be a list of two or more phrase groups")
        parts = []
        sources = []
        for number, group in enumerate(groups, start=1):
            label = f"{where}: `near` group {number}"
            phrases = _strings(group, label, required=True)
            parts.append("|".join(_phrases(phrases, label, gap=rule_gap, vocabulary=vocabulary)))
            sources.append("(" + " | ".join(phrases) + ")")
        return Rule(
            rule_id,
            category,
            "near",
            " + ".join(sources),
            tuple(parts),
            weight,
            negatable,
            unless,
            alone=alone,
            span=span,
            needs=needs,
        )
    pattern = entry["regex"]
    if not isinstance(pattern, str):
        raise RuleError(f"{where}: `regex` must be a string, not {_kind(pattern)}")
    try:
        pattern = check_regex(pattern)
    except RuleError as error:
        raise RuleError(f"{where}: `regex`: {error}") from None
    return Rule(rule_id, category, "regex", pattern, (pattern,), weight, negatable, unless, alone=alone, needs=needs)


def _negation(raw: Any, base: Negation) -> Negation:
    """The file's negation on top of ``base`` (the shipped one, for a file extending it): its cues
    and fillers are added, as a category's idioms are, so a file cannot silently drop "nobody"."""
    neg = _object(raw, "`negation`")
    _known_keys(neg, "negation", NEGATION_KEYS, "`negation`")
    cues = _strings(neg.get("cues"), "`negation`: `cues`", required=True) if "cues" in neg else []
    cues = list(dict.fromkeys([*base.cues, *cues]))
    if not cues:
        raise RuleError("`negation`: `cues` is missing; give at least one cue such as `nobody`")
    fillers = _strings(neg.get("fillers", []), "`negation`: `fillers`")
    fillers = list(dict.fromkeys([*base.fillers, *fillers]))
    window = _integer(neg.get("window", base.window), "`negation`: `window`", low=0, high=MAX_WINDOW)
    return Negation(tuple(cues), tuple(fillers), window)


def _irregular(raw: Any) -> dict[str, list[str]]:
    table = _object(raw, "`irregular`")
    return {word: _strings(forms, f"`irregular`: `{word}`") for word, forms in table.items()}


def _classes(raw: Any) -> dict[str, str]:
    """``classes``: name -> phrase; a name is lowercase letters, digits and hyphens, like an id."""
    table = _object(raw, "`classes`")
    for name, phrase in table.items():
        if not CATEGORY_ID.match(name):
            raise RuleError(f"`classes`: `{name}` must be lowercase letters or digits joined by hyphens")
        if not isinstance(phrase, str) or not phrase.strip():
            raise RuleError(f"`classes`: `{name}` must be a non-empty phrase string")
    return dict(table)


def _new_category(category_id: str, body: dict[str, Any]) -> Category:
    where = f"category `{category_id}`"
    if not CATEGORY_ID.match(category_id) or len(category_id) > 40:
        raise RuleError(f"{where}: the id must be up to 40 lowercase letters or digits joined by hyphens")
    label = body.get("label")
    if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL_CHARS:
        raise RuleError(f"{where} is not in the taxonomy, so it needs a `label` of 1 to {MAX_LABEL_CHARS} characters")
    description = body.get("description", "")
    group = body.get("group", "custom")
    if not isinstance(description, str) or not isinstance(group, str):
        raise RuleError(f"{where}: `description` and `group` must be strings")
    return Category(category_id, label.strip(), description, group, None, True)


def parse_rules(
    raw: Mapping[str, Any], taxonomy: Taxonomy, *, base: Ruleset | None = None
) -> tuple[list[Category], list[Rule], dict[str, CategoryRules], Negation]:
    """Read a rules document; categories it names that the taxonomy lacks need a `label`."""
    raw = _object(raw, "the rules file")
    _known_keys(raw, "", FILE_KEYS, "a rules file")
    settings = _object(raw.get("settings", {}), "`settings`")
    _known_keys(settings, "settings", SETTINGS_KEYS, "`settings`")
    gap = _integer(settings.get("gap", DEFAULT_GAP), "`settings`: `gap`", low=0, high=MAX_GAP)
    default_count = settings.get("max_count")
    vocabulary = Vocabulary(
        {**default_irregular(), **_irregular(raw.get("irregular", {}))},
        {**default_classes(), **_classes(raw.get("classes", {}))},
    )
    negation = base.negation if base else Negation((), ())
    if "negation" in raw:
        negation = _negation(raw["negation"], negation)
    new_categories: list[Category] = []
    rules: list[Rule] = []
    category_rules: dict[str, CategoryRules] = {}
    categories = _object(raw.get("categories", {}), "`categories`")
    for category_id, body in categories.items():
        where = f"category `{category_id}`"
        body = _object(body, where)
        _known_keys(body, key_path("categories", category_id), CATEGORY_KEYS, "a category")
        if category_id not in taxonomy:
            new_categories.append(_new_category(category_id, body))
        old = base.category_rules(category_id) if base else CategoryRules()
        exclude = tuple(_phrases(body.get("exclude", []), f"{where}: `exclude`", gap=gap, vocabulary=vocabulary))
        frames = tuple(_phrases(body.get("frames", []), f"{where}: `frames`", gap=gap, vocabulary=vocabulary))
        real = tuple(_phrases(body.get("real", []), f"{where}: `real`", gap=gap, vocabulary=vocabulary))
        # Each id once: the list is read on every possible warning of every chapter scanned.
        supported_by = tuple(dict.fromkeys(_strings(body.get("supported_by", []), f"{where}: `supported_by`")))
        threshold = body.get("threshold", old.threshold)
        count = body.get("max_count", default_count if default_count is not None else old.max_count)
        category_rules[category_id] = CategoryRules(
            threshold=_number(threshold, f"{where}: `threshold`", high=MAX_THRESHOLD),
            exclude=old.exclude + exclude,
            frames=old.frames + frames,
            max_count=_integer(count, f"{where}: `max_count`", low=1, high=MAX_COUNT),
            supported_by=old.supported_by + tuple(c for c in supported_by if c not in old.supported_by),
            real=old.real + real,
            span=_integer(body["span"], f"{where}: `span`", low=1, high=MAX_SPAN) if "span" in body else old.span,
        )
        entries = body.get("rules", [])
        if not isinstance(entries, list):
            raise RuleError(f"{where}: `rules` must be a list of rule objects, not {_kind(entries)}")
        for index, entry in enumerate(entries):
            rules.append(_file_rule(category_id, index, entry, gap=gap, vocabulary=vocabulary))
    known = set(taxonomy.ids) | {category.id for category in new_categories}
    for category_id, settings in category_rules.items():
        unknown = [name for name in settings.supported_by if name not in known or name == category_id]
        if unknown:
            raise RuleError(
                f"category `{category_id}`: `supported_by` names {clip(unknown[0], 40)!r}, which is not "
                "another category; list the ids of other categories"
            )
    for rule in rules:
        unknown = [name for name in rule.needs if name not in known or name == rule.category]
        if unknown:
            raise RuleError(
                f"rule `{rule.id}`: `needs` names {clip(unknown[0], 40)!r}, which is not another category; "
                "list the ids of other categories"
            )
    if _defines_nothing(categories):
        raise RuleError(
            "the rules file defines no rules; put them under `categories`, e.g. "
            '{"categories": {"death": {"rules": [{"id": "buried", "match": "~bury"}]}}}'
        )
    # A rule is known by its id everywhere (disabling, evidence, scores): a file extending the
    # shipped rules adds rules under new ids, since one reusing a shipped id would be two rules
    # under one name.
    shipped = {rule.id for rule in base.rules} if base else set()
    seen: set[str] = set()
    for rule in rules:
        if rule.id in shipped:
            raise RuleError(f"rule `{rule.id}`: the shipped rules already have this id; give the rule another `id`")
        if rule.id in seen:
            raise RuleError(f"rule `{rule.id}`: the id appears twice")
        seen.add(rule.id)
    return new_categories, rules, category_rules, negation


@cache
def default_ruleset() -> Ruleset:
    """The shipped rules over the shipped taxonomy; read once per process."""
    taxonomy = default_taxonomy()
    categories, rules, category_rules, negation = parse_rules(rules_document(), taxonomy)
    if categories:
        raise RuleError(f"data/warnings/rules.json names categories missing from the taxonomy: {categories}")
    missing = [cid for cid in taxonomy.ids if not any(rule.category == cid for rule in rules)]
    if missing:
        raise RuleError(f"data/warnings/rules.json has no rules for {', '.join(missing)}")
    return Ruleset(taxonomy, tuple(rules), category_rules, negation, loader=default_ruleset)


def load_rules_file(path: Path, base: Ruleset | None = None) -> Ruleset:
    """The defaults plus a rules file in the same format as ``data/warnings/rules.json``.

    For a path the program chose; ``dogear scan --rules`` reads what a user named with the
    bounded reader (a FIFO or ``/dev/zero`` never reaches here) and calls :func:`rules_from_json`.
    """
    try:
        if path.stat().st_size > MAX_RULES_FILE_BYTES:
            raise RuleError(f"the file is larger than {MAX_RULES_FILE_BYTES >> 20} MB; split it or trim it")
        data = path.read_bytes()
    except OSError as error:
        raise RuleError(f"cannot read the file: {error.strerror or error}") from None
    return rules_from_json(data, base)


def rules_from_json(data: bytes, base: Ruleset | None = None) -> Ruleset:
    """The defaults plus the rules in ``data``, the bytes of a file in the format of ``rules.json``.

    A UTF-8 byte-order mark (Windows Notepad writes one) is dropped, as in ``.env`` and eval files.
    """
    base = base or default_ruleset()
    if len(data) > MAX_RULES_FILE_BYTES:
        raise RuleError(f"the file is larger than {MAX_RULES_FILE_BYTES >> 20} MB; split it or trim it")
    try:
        # NaN and Infinity parse as floats here and are refused by the field check, which names the field.
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RuleError(f"not UTF-8 text (an undecodable byte on line {line}); save it as UTF-8") from None
    except json.JSONDecodeError as error:
        raise RuleError(f"not valid JSON: {error}") from None
    except RecursionError:
        raise RuleError("the JSON nests too deeply; a rules file is a few levels of objects and lists") from None
    if not isinstance(raw, dict):
        raise RuleError(f"the file must hold a JSON object with `categories`, not {_kind(raw)}")
    categories, rules, category_rules, negation = parse_rules(raw, base.taxonomy, base=base)
    return base.extended(categories=categories, rules=rules, category_rules=category_rules, negation=negation)
