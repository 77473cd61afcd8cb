"""Rules as data: the phrase language, loading ``data/warnings/rules.json``, and admin rules.

A rule is never code. The defaults live in a JSON file and a server's rules live in SQLite;
both become :class:`Rule` values whose patterns are RE2 syntax, so one matcher can hold them
all and no pattern can take more than linear time.

Phrase language (used by default rules, ``--rules`` files and admin ``phrase`` rules), words
separated by spaces, matched case-insensitively as whole words:

* ``word`` the word itself; ``self-harm`` also matches "self harm" and "selfharm";
* ``~word`` the word and its inflections (``~die``: die, dies, died, dying);
* ``word*`` any word starting with ``word``;
* ``_`` any one word, ``#`` any number;
* ``a b|c d`` either phrase; ``(a|b c)`` groups alternatives inside a phrase;
* ``token?`` or ``(group)?`` may be missing;
* ``...`` up to ``gap`` words (default 4) of anything, within one sentence; ``...2`` up to two.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import re2

from bot.errors import UserError
from bot.paths import shipped
from bot.warnings.taxonomy import CATEGORY_ID, Category, Taxonomy, default_taxonomy

RULES_FILE = shipped("warnings", "rules.json")
MAX_PATTERN_CHARS = 500
MAX_CUSTOM_RULES = 200
RULE_KINDS = ("phrase", "regex")
DEFAULT_GAP = 4
DEFAULT_MAX_COUNT = 3

# Between the words of a phrase: spaces, quotes, commas, dashes; never a sentence end.
SEP = r"[^\w.!?;\n]+"
_WORD = r"\w+"


class RuleError(UserError):
    """A rule or rules file that cannot be used; the message says what to change."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One detection rule. ``parts`` are RE2 patterns that must all match in one paragraph."""

    id: str
    category: str
    kind: str  # "phrase", "near" (co-occurrence in a paragraph) or "regex"
    source: str  # what the author of the rule wrote, for listings
    parts: tuple[str, ...]
    weight: float = 1.0
    negatable: bool = True
    unless: tuple[str, ...] = ()
    custom: bool = False


@dataclass(frozen=True, slots=True)
class CategoryRules:
    threshold: float = 1.0
    exclude: tuple[str, ...] = ()  # idioms and figurative uses that cancel a hit they overlap
    max_count: int = DEFAULT_MAX_COUNT  # paragraphs a single rule may count per chapter


_CLAUSE_END = re.compile(r"[.!?;:,\u2014\u2013\"“”()]")
_CONTEXT_WORDS = re.compile(r"[a-z]+(?:['’][a-z]+)?")


@dataclass(frozen=True, slots=True)
class Negation:
    """A hit right after "nobody", "didn't", "no one got" ... within its clause does not count.

    Checked on the words before a hit, which is cheaper than a regex and only runs on hits.
    """

    cues: tuple[str, ...]
    fillers: tuple[str, ...]
    window: int = 2
    _cues_by_last: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False, repr=False)
    _filler_set: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for cue in {tuple(cue.lower().split()) for cue in self.cues}:
            by_last.setdefault(cue[-1], []).append(cue)
        self._cues_by_last.update({last: tuple(cues) for last, cues in by_last.items()})
        object.__setattr__(self, "_filler_set", frozenset(word.lower() for word in self.fillers))

    def prefix(self) -> str:
        """An RE2 pattern for "a cue, then up to ``window`` fillers", put before a rule's pattern.

        It may match more often than :meth:`is_negated` says yes (it ignores clause ends) but
        never less, so the matcher can skip the exact check whenever it does not match.
        """
        cues = "|".join(
            sorted((r"\W+".join(re.escape(w) for w in cue.split()) for cue in self.cues), key=len, reverse=True)
        )
        fillers = "|".join(re.escape(word) for word in self.fillers)
        return rf"(?:\b(?:{cues})|n['’]t)\W+(?:(?:{fillers})\W+){{0,{self.window}}}"

    def is_negated(self, before: str) -> bool:
        """``before`` is the text just before a hit; only its last clause matters."""
        clause = _CLAUSE_END.split(before)[-1]
        words = _CONTEXT_WORDS.findall(clause.lower().replace("’", "'"))[-(self.window + 3) :]
        if not words:
            return False
        for skipped in range(min(self.window, len(words)) + 1):
            end = len(words) - skipped
            if end <= 0:
                break
            if skipped and words[end] not in self._filler_set:
                break
            last = words[end - 1]
            if last.endswith("n't"):
                return True
            for cue in self._cues_by_last.get(last, ()):
                if len(cue) <= end and tuple(words[end - len(cue) : end]) == cue:
                    return True
        return False


@dataclass(slots=True)
class Ruleset:
    """Everything a scan needs: categories, rules, thresholds, negation; compiled once, lazily."""

    taxonomy: Taxonomy
    rules: tuple[Rule, ...]
    categories: dict[str, CategoryRules]
    negation: Negation
    _matcher: Any = field(default=None, repr=False)

    def category_rules(self, category_id: str) -> CategoryRules:
        return self.categories.get(category_id) or CategoryRules()

    def matcher(self) -> Any:
        """The compiled matcher, built on first use and kept with this ruleset."""
        if self._matcher is None:
            from bot.warnings.matcher import Matcher

            self._matcher = Matcher(self)
        return self._matcher

    def extended(
        self,
        *,
        categories: Iterable[Category] = (),
        rules: Iterable[Rule] = (),
        disabled_rules: Iterable[str] = (),
        disabled_categories: Iterable[str] = (),
        category_rules: Mapping[str, CategoryRules] | None = None,
    ) -> Ruleset:
        """A server's ruleset: the defaults plus its categories and rules, minus what it disabled."""
        off_rules = set(disabled_rules)
        off_categories = set(disabled_categories)
        kept = tuple(
            rule for rule in (*self.rules, *rules) if rule.id not in off_rules and rule.category not in off_categories
        )
        merged = dict(self.categories)
        merged.update(category_rules or {})
        return Ruleset(self.taxonomy.with_custom(categories), kept, merged, self.negation)


# ---------------------------------------------------------------------------------------
# The phrase language


def _literal(text: str) -> str:
    """A word or words as a pattern: hyphens and spaces interchangeable, curly apostrophes too."""
    out = []
    for char in text:
        if char in "-  ":
            out.append(r"[\s-]?" if char == "-" else r"\s+")
        elif char in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def inflections(word: str, irregular: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """Regular English forms of a verb or noun plus listed irregular ones.

    Over-generating is harmless (a form nobody writes never matches) and under-generating
    misses warnings, so doubled and undoubled consonants are both produced.
    """
    forms = {word}
    forms.update((irregular or {}).get(word, ()))
    if word.endswith("ie"):
        forms.update({word + "s", word + "d", word[:-2] + "ying"})
    elif word.endswith("ee"):
        forms.update({word + "s", word + "d", word + "ing"})
    elif word.endswith("e"):
        forms.update({word + "s", word + "d", word[:-1] + "ing"})
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.update({word[:-1] + "ies", word[:-1] + "ied", word + "ing"})
    else:
        plural = word + "es" if word.endswith(("s", "x", "z", "ch", "sh")) else word + "s"
        forms.update({plural, word + "ed", word + "ing"})
        if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
            forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    return sorted(forms, key=len, reverse=True)


_TOKEN = re.compile(r"\s+|\.\.\.\d{0,2}|[()|?]|[^\s()|?]+")


class _PhraseParser:
    """Recursive descent over the phrase language; emits one regex without capturing groups."""

    def __init__(self, phrase: str, gap: int, irregular: Mapping[str, Sequence[str]]) -> None:
        self.tokens = [t for t in _TOKEN.findall(phrase.strip().lower())]
        self.pos = 0
        self.gap = gap
        self.irregular = irregular

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> str:
        body = self.alternation()
        if self.peek() is not None:
            raise RuleError(f"unexpected `{self.peek()}`: check that every `(` has its `)`")
        return body

    def alternation(self) -> str:
        options = [self.sequence()]
        while self.peek() == "|":
            self.take()
            options.append(self.sequence())
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    def sequence(self) -> str:
        # items: (regex, optional, separator-before) where separator is "" (adjacent), SEP or a gap
        items: list[tuple[str, bool, str]] = []
        separator = ""
        while True:
            token = self.peek()
            if token is None or token in ("|", ")"):
                break
            if token.isspace():
                self.take()
                if items:
                    separator = separator or SEP
                continue
            if token.startswith("..."):
                self.take()
                if not items:
                    raise RuleError("`...` must stand between two words, not at the start of a phrase or group")
                size = int(token[3:]) if token[3:] else self.gap
                separator = f"(?:{SEP}{_WORD}){{0,{size}}}{SEP}"
                continue
            if token == "?":
                raise RuleError("`?` must follow a word or a group")
            atom = self.atom()
            optional = self.peek() == "?"
            if optional:
                self.take()
            items.append((atom, optional, separator if items else ""))
            separator = ""
        if not items:
            raise RuleError("empty phrase or alternative: check for `||`, `()` or a `|` at the start or end")
        if all(optional for _, optional, _ in items):
            raise RuleError("every word of an alternative is optional, so it would match nothing at all")
        if separator and separator != SEP:
            raise RuleError("`...` must stand between two words, not at the end of a phrase or group")
        out = []
        lead_pending = ""  # a separator owed by an optional first item
        for index, (atom, optional, sep) in enumerate(items):
            if index == 0 and optional:
                following = items[1][2] if len(items) > 1 else ""
                out.append(f"(?:{atom}{following})?")
                lead_pending = "skip"
                continue
            if lead_pending == "skip":
                sep, lead_pending = "", ""
            out.append(f"(?:{sep}{atom})?" if optional else sep + atom)
        return "".join(out)

    def atom(self) -> str:
        token = self.take()
        if token == "(":
            inner = self.alternation()
            if self.peek() != ")":
                raise RuleError("a `(` is never closed: add the missing `)`")
            self.take()
            return f"(?:{inner})"
        if token == ")":
            raise RuleError("a `)` has no matching `(`")
        return self.word(token)

    def word(self, token: str) -> str:
        if token == "_":
            return _WORD
        if token == "#":
            return r"\d+"
        if token.startswith("~"):
            word = token[1:]
            if not re.fullmatch(r"[a-z]+", word):
                raise RuleError(f"`~{word}`: inflection works on one plain word of letters")
            return "(?:" + "|".join(re.escape(form) for form in inflections(word, self.irregular)) + ")"
        if token.endswith("*"):
            stem = token[:-1]
            if not re.search(r"\w", stem):
                raise RuleError(f"`{token}`: put at least one letter before `*`")
            return _literal(stem) + r"\w*"
        if "*" in token or "~" in token:
            raise RuleError(f"`{token}`: `~` goes before a word and `*` only at its end")
        if token == "_'s":
            return _WORD + "['’]s"
        return _literal(token)


def compile_phrase(phrase: str, *, gap: int = DEFAULT_GAP, irregular: Mapping[str, Sequence[str]] | None = None) -> str:
    """A phrase in the language above as one RE2-compatible pattern (also valid for ``re``)."""
    if not phrase.strip():
        raise RuleError("the phrase is empty: write the words to look for")
    body = _PhraseParser(phrase, gap, irregular or {}).parse()
    return r"\b" + body + r"\b"


# ---------------------------------------------------------------------------------------
# Admin regexes: RE2 only, and refusals that say why

_LOOKAROUND = re.compile(r"\(\?<?[=!]")


def _unsupported_construct(pattern: str) -> str | None:
    """Name the first backreference or lookaround outside a character class, if any."""
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            nxt = pattern[index + 1]
            if not in_class and (nxt in "123456789" or (nxt in "kg" and pattern[index + 2 : index + 3] in ("<", "{"))):
                return f"backreferences such as `\\{nxt}` are not supported"
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            if pattern.startswith("(?P=", index):
                return "backreferences such as `(?P=name)` are not supported"
            if _LOOKAROUND.match(pattern, index):
                return "lookahead and lookbehind (`(?=`, `(?!`, `(?<=`, `(?<!`) are not supported"
        index += 1
    return None


def re2_options() -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False
    options.max_mem = 64 << 20
    return options


def check_regex(pattern: str) -> str:
    """An admin regex, validated: linear-time RE2 syntax, bounded size, never empty-matching."""
    pattern = pattern.strip()
    if not pattern:
        raise RuleError("the pattern is empty: write the text or regex to look for")
    if len(pattern) > MAX_PATTERN_CHARS:
        raise RuleError(f"the pattern is {len(pattern)} characters long; the limit is {MAX_PATTERN_CHARS}")
    problem = _unsupported_construct(pattern)
    if problem:
        raise RuleError(
            f"{problem}: rules run on RE2, which guarantees linear time and has no "
            "backreferences or lookaround. Rewrite the pattern without them."
        )
    try:
        compiled = re2.compile(pattern, re2_options())
    except re2.error as error:
        raise RuleError(f"the regex does not compile: {error}. Check brackets and escapes.") from None
    if compiled.search("") is not None or compiled.search(" ") is not None:
        raise RuleError("the regex matches empty text, so it would flag every paragraph; make it require some letters")
    return pattern


def check_phrase(pattern: str) -> str:
    pattern = " ".join(pattern.split())
    if not pattern:
        raise RuleError("the phrase is empty: write the words to look for")
    if len(pattern) > MAX_PATTERN_CHARS:
        raise RuleError(f"the phrase is {len(pattern)} characters long; the limit is {MAX_PATTERN_CHARS}")
    if not re.search(r"\w", pattern):
        raise RuleError("the phrase has no letters or digits to look for")
    compiled = compile_phrase(pattern, irregular=default_irregular())
    try:
        re2.compile(compiled, re2_options())
    except re2.error as error:  # pragma: no cover - phrases are escaped, so this means a bug
        raise RuleError(f"the phrase cannot be compiled: {error}") from None
    return pattern


def admin_rule(rule_id: str, category: str, kind: str, pattern: str, weight: float = 1.0) -> Rule:
    """A server's rule as stored in SQLite, validated and compiled to the shared rule shape."""
    if kind not in RULE_KINDS:
        raise RuleError(f"kind must be `phrase` or `regex`, not `{kind}`")
    if kind == "regex":
        source = check_regex(pattern)
        parts = (source,)
    else:
        source = check_phrase(pattern)
        parts = (compile_phrase(source, irregular=default_irregular()),)
    return Rule(id=rule_id, category=category, kind=kind, source=source, parts=parts, weight=weight, custom=True)


# ---------------------------------------------------------------------------------------
# Rules files


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _file_rule(category: str, entry: Mapping[str, Any], *, gap: int, irregular: Mapping[str, Sequence[str]]) -> Rule:
    name = entry.get("id")
    if not isinstance(name, str) or not name:
        raise RuleError(f"a rule in category `{category}` has no `id`")
    rule_id = f"{category}/{name}"
    rule_gap = int(entry.get("gap", gap))
    weight = float(entry.get("weight", 1.0))
    unless = tuple(compile_phrase(p, gap=rule_gap, irregular=irregular) for p in _as_list(entry.get("unless")))
    negatable = bool(entry.get("negatable", True))
    if "match" in entry:
        phrases = _as_list(entry["match"])
        part = "|".join(compile_phrase(p, gap=rule_gap, irregular=irregular) for p in phrases)
        return Rule(rule_id, category, "phrase", " | ".join(phrases), (part,), weight, negatable, unless)
    if "near" in entry:
        groups = entry["near"]
        if not isinstance(groups, list) or len(groups) < 2:
            raise RuleError(f"rule `{rule_id}`: `near` needs a list of two or more phrase groups")
        parts = tuple(
            "|".join(compile_phrase(p, gap=rule_gap, irregular=irregular) for p in _as_list(group)) for group in groups
        )
        source = " + ".join("(" + " | ".join(_as_list(group)) + ")" for group in groups)
        return Rule(rule_id, category, "near", source, parts, weight, negatable, unless)
    if "regex" in entry:
        try:
            pattern = check_regex(entry["regex"])
        except RuleError as error:
            raise RuleError(f"rule `{rule_id}`: {error}") from None
        return Rule(rule_id, category, "regex", pattern, (pattern,), weight, negatable, unless)
    raise RuleError(f"rule `{rule_id}` needs one of `match`, `near` or `regex`")


def parse_rules(
    raw: Mapping[str, Any], taxonomy: Taxonomy, *, base: Ruleset | None = None
) -> tuple[list[Category], list[Rule], dict[str, CategoryRules], Negation]:
    """Read a rules document; categories it names that the taxonomy lacks need a `label`."""
    settings = raw.get("settings", {})
    gap = int(settings.get("gap", DEFAULT_GAP))
    irregular = {**default_irregular(), **raw.get("irregular", {})}
    negation = base.negation if base else Negation((), ())
    if "negation" in raw:
        neg = raw["negation"]
        negation = Negation(tuple(neg["cues"]), tuple(neg["fillers"]), int(neg.get("window", 2)))
    new_categories: list[Category] = []
    rules: list[Rule] = []
    category_rules: dict[str, CategoryRules] = {}
    for category_id, body in raw.get("categories", {}).items():
        if category_id not in taxonomy:
            if not CATEGORY_ID.match(category_id):
                raise RuleError(f"category id `{category_id}` must be lowercase words joined by hyphens")
            if "label" not in body:
                raise RuleError(f"category `{category_id}` is not in the taxonomy, so it needs a `label`")
            new_categories.append(
                Category(
                    category_id, body["label"], body.get("description", ""), body.get("group", "custom"), None, True
                )
            )
        old = base.category_rules(category_id) if base else CategoryRules()
        try:
            exclude = tuple(compile_phrase(p, gap=gap, irregular=irregular) for p in _as_list(body.get("exclude")))
        except RuleError as error:
            raise RuleError(f"`exclude` of category `{category_id}`: {error}") from None
        category_rules[category_id] = CategoryRules(
            threshold=float(body.get("threshold", old.threshold)),
            exclude=old.exclude + exclude,
            max_count=int(body.get("max_count", settings.get("max_count", old.max_count))),
        )
        for entry in body.get("rules", []):
            try:
                rules.append(_file_rule(category_id, entry, gap=gap, irregular=irregular))
            except RuleError as error:
                raise RuleError(f"rule `{category_id}/{entry.get('id')}`: {error}") from None
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"rule id `{rule.id}` appears twice")
        seen.add(rule.id)
    return new_categories, rules, category_rules, negation


@cache
def _rules_document(path: Traversable = RULES_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def default_irregular() -> dict[str, list[str]]:
    return dict(_rules_document().get("irregular", {}))


@cache
def default_ruleset() -> Ruleset:
    """The shipped rules over the shipped taxonomy; read once per process."""
    taxonomy = default_taxonomy()
    categories, rules, category_rules, negation = parse_rules(_rules_document(), taxonomy)
    if categories:
        raise RuleError(f"data/warnings/rules.json names categories missing from the taxonomy: {categories}")
    missing = [cid for cid in taxonomy.ids if not any(rule.category == cid for rule in rules)]
    if missing:
        raise RuleError(f"data/warnings/rules.json has no rules for {', '.join(missing)}")
    return Ruleset(taxonomy, tuple(rules), category_rules, negation)


def load_rules_file(path: Path, base: Ruleset | None = None) -> Ruleset:
    """The defaults plus a rules file in the same format as ``data/warnings/rules.json``."""
    base = base or default_ruleset()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleError(f"cannot read rules file {path}: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise RuleError(f"rules file {path} is not valid JSON: {error}") from None
    if not isinstance(raw, dict):
        raise RuleError(f"rules file {path} must hold a JSON object with `categories`")
    try:
        categories, rules, category_rules, _ = parse_rules(raw, base.taxonomy, base=base)
    except (KeyError, TypeError, ValueError) as error:
        raise RuleError(f"rules file {path} has a malformed entry: {error}") from None
    return base.extended(categories=categories, rules=rules, category_rules=category_rules)
