"""The rule model: what a rule, a category's settings, negation and a ruleset are.

Both the reader of rules files (:mod:`bot.warnings.rules`) and the matcher
(:mod:`bot.warnings.matcher`) import this module and nothing of each other, so the matcher is
typed and built outside the model (:func:`bot.warnings.matcher.matcher_for`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.errors import UserError
from bot.warnings.taxonomy import Category, Taxonomy

DEFAULT_GAP = 4
DEFAULT_MAX_COUNT = 3


class RuleError(UserError):
    """A rule or rules file that cannot be used; the message says what to change."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One detection rule. ``parts`` are RE2 patterns that must all match in one paragraph."""

    id: str
    category: str
    kind: str  # "phrase", "near" (co-occurrence in a paragraph), "regex", or "frame" (see CategoryRules)
    source: str  # what the author of the rule wrote, for listings
    parts: tuple[str, ...]
    weight: float = 1.0
    negatable: bool = True
    unless: tuple[str, ...] = ()
    custom: bool = False
    # False: a hit of this rule with no other rule of its category in the window is possible, never
    # confident, however heavy. Its word has senses and frames the rules have not learned ("she dies
    # at the end" of a novel, a phone that died), so it needs a second sign: another rule of the
    # category beside it, or a category that supports this one sure in the scene.
    alone: bool = True
    # How many neighbouring short paragraphs a ``near`` rule's groups may spread over
    # (:mod:`bot.warnings.across`): 1 keeps it to one paragraph; 0, its category's choice.
    span: int = 0
    # A weak sign: categories one of which must be found confident, on its own evidence, close by
    # (the same scene, within the engine's SUPPORT_CHARS) for a hit of this rule to count at all.
    # "the men fell and did not get up" says nothing alone (a rugby scrum, a drunk night) and a
    # death in a battle the category collective-violence is sure of (:mod:`bot.warnings.support`).
    needs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CategoryRules:
    threshold: float = 1.0
    exclude: tuple[str, ...] = ()  # idioms and figurative uses that cancel a hit they overlap
    max_count: int = DEFAULT_MAX_COUNT  # paragraphs a single rule may count per chapter
    # Signs of play: a game, a stage, a fandom meta post. The category's hits near one (same
    # scene, within FRAME_CHARS of bot.warnings.engine) do not count, since "you died" on a
    # respawn screen or a stage death rehearsed forty times is nobody's death.
    frames: tuple[str, ...] = ()
    # Categories whose confident warning in the same scene makes this one's possible warning
    # confident: grief short of its threshold beside a death that is sure, a death cue short of
    # its threshold in a massacre. The other category's own evidence is the missing half.
    supported_by: tuple[str, ...] = ()
    # Signs that the harm is real whatever play is around it: an injury no game or stage leaves (three
    # broken ribs, a month in the infirmary, stitches) or what no match or game night holds (a bottle
    # thrown from the stands). The category's hits in a paragraph that carries one are not silenced by
    # its frames: a bar fight that started over a card game is a fight.
    real: tuple[str, ...] = ()
    # How many neighbouring short paragraphs its ``near`` rules' groups may spread over, unless a rule
    # says (:attr:`Rule.span`): 1 keeps them to one paragraph; 0, as many as the engine reads together.
    span: int = 0


_CLAUSE_END = re.compile(r"[.!?;:,\u2014\u2013\"“”()]")
_CONTEXT_WORDS = re.compile(r"[a-z]+(?:['’][a-z]+)?")
# A cue that is itself a noun ("nothing", "nobody") ends its clause when a subject follows it
# straight before the hit: in "when she said nothing he shot her" the shot is a new clause, and in
# "no one she hit got up" she hit someone. An adverb or a verb's "not" before a subject is an
# inverted clause instead ("never did he hit her") and still negates.
_NOUN_CUES = frozenset({("nothing",), ("nobody",), ("noone",), ("none",), ("no", "one")})
_SUBJECTS = frozenset({"he", "she", "they", "i", "we", "you"})


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

    def cue_pattern(self) -> str:
        """An RE2 pattern for "a cue, then a word's end": present wherever :meth:`is_negated` can
        say yes (it ignores clause ends, fillers and what follows), so the matcher can skip the
        exact check of a paragraph it is absent from."""
        cues = "|".join(
            sorted((r"\W+".join(re.escape(w) for w in cue.split()) for cue in self.cues), key=len, reverse=True)
        )
        return rf"(?:\b(?:{cues})|n['’]t)\W"

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
                    return not (cue in _NOUN_CUES and skipped == 1 and words[end] in _SUBJECTS)
        return False


@dataclass(slots=True, eq=False, weakref_slot=True)
class Ruleset:
    """Everything a scan needs: categories, rules, thresholds, negation.

    Compared by identity (the matcher cache is keyed by the object); :attr:`fingerprint` names
    the content, so a worker process can reuse the matcher it compiled for an equal ruleset.

    Pickled (to a worker and back) against the shipped rules every process holds already: the
    shipped ruleset travels as the function that loads it (:attr:`loader`), and a server's
    ruleset as what it changed, so its copy in the other process shares the shipped rules'
    objects. Pickled whole, every server's ruleset was a 2.6 MB copy of the shipped rules, sent
    with each scan and kept as 4 MB per server in the bot's cache of rulesets.
    """

    taxonomy: Taxonomy
    rules: tuple[Rule, ...]
    categories: dict[str, CategoryRules]
    negation: Negation
    _fingerprint: str = field(default="", repr=False)
    # A server's ruleset remembers the shared ruleset it extends, so the matcher compiles only
    # the server's own rules and reuses the shared one (see bot.warnings.matcher.matcher_for).
    base: Ruleset | None = field(default=None, repr=False)
    # For the shipped rules: the top-level function returning this process's copy of them
    # (bot.warnings.rules.default_ruleset), so a pickle names it instead of holding the rules.
    loader: Callable[[], Ruleset] | None = field(default=None, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        if self.loader is not None:
            return (_loaded, (self.loader, self.fingerprint))
        base = self.base
        if base is not None and base.loader is not None:
            return (_extension, (base, *_changes(self, base)))
        return (Ruleset, (self.taxonomy, self.rules, self.categories, self.negation, self._fingerprint, base))

    def category_rules(self, category_id: str) -> CategoryRules:
        return self.categories.get(category_id) or CategoryRules()

    @property
    def fingerprint(self) -> str:
        """A digest of everything that changes what the matcher finds."""
        if not self._fingerprint:
            content = repr(
                (
                    self.rules,
                    sorted(self.categories.items()),
                    self.negation.cues,
                    self.negation.fillers,
                    self.negation.window,
                    self.taxonomy.ids,
                )
            )
            self._fingerprint = hashlib.sha256(content.encode("utf-8")).hexdigest()
        return self._fingerprint

    def extended(
        self,
        *,
        categories: Iterable[Category] = (),
        rules: Iterable[Rule] = (),
        disabled_rules: Iterable[str] = (),
        disabled_categories: Iterable[str] = (),
        category_rules: Mapping[str, CategoryRules] | None = None,
        negation: Negation | None = None,
    ) -> Ruleset:
        """A server's ruleset: the defaults plus its categories and rules, minus what it disabled.

        ``negation``: cues of a rules file's own, in place of these (then nothing is shared,
        since the shipped rules' hits change with them: see :meth:`split`)."""
        off_rules = set(disabled_rules)
        off_categories = set(disabled_categories)
        kept = tuple(
            rule for rule in (*self.rules, *rules) if rule.id not in off_rules and rule.category not in off_categories
        )
        merged = dict(self.categories)
        merged.update(category_rules or {})
        base = self.base or self
        cues = self.negation if negation is None else negation
        return Ruleset(self.taxonomy.with_custom(categories), kept, merged, cues, base=base)

    def split(self) -> tuple[Ruleset, tuple[Rule, ...], frozenset[str]] | None:
        """The shared ruleset this one extends, its own rules, and the shared rules it turned off.

        None when the shared ruleset's matcher cannot be reused as it is: a category of the
        shared rules with other idioms to exclude, other signs of play or of real harm (``frames``,
        ``real``, which the shared matcher looks for) or other negation, would change its hits.
        """
        base = self.base
        if base is None or self.negation != base.negation:
            return None
        if any(self.category_rules(c).exclude != base.category_rules(c).exclude for c in base.categories):
            return None
        if any(_signs(self.category_rules(c)) != _signs(base.category_rules(c)) for c in self.categories):
            return None
        base_ids = {rule.id for rule in base.rules}
        kept_ids = {rule.id for rule in self.rules}
        own = tuple(rule for rule in self.rules if rule.id not in base_ids)
        return base, own, frozenset(base_ids - kept_ids)


def _signs(settings: CategoryRules) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A category's signs the shared matcher reports as hits of their own: of play, of real harm."""
    return settings.frames, settings.real


def _loaded(loader: Callable[[], Ruleset], fingerprint: str) -> Ruleset:
    """The shipped rules as this process holds them, if they are the ones the pickle was made with."""
    ruleset = loader()
    if ruleset.fingerprint != fingerprint:
        # A process started after the shipped rules changed on disk: scanning with other rules
        # than the sender's would store a scan under the wrong fingerprint.
        raise RuleError("the shipped warning rules changed while Dogear was running; restart it")
    return ruleset


def _changes(ruleset: Ruleset, base: Ruleset) -> tuple[Any, ...]:
    """What ``ruleset`` changed from ``base``, for :func:`_extension`: its rules, each of ``base``'s
    as its place there (ids of live objects are unique, so the same id is the same rule); its
    categories after ``base``'s; the category settings that differ (all of them, with ``whole``,
    when it does not keep ``base``'s in order); its negation if another; its fingerprint as
    computed, so the other process does not compute it again."""
    place = {id(rule): index for index, rule in enumerate(base.rules)}
    rules = tuple(place.get(id(rule), rule) for rule in ruleset.rules)
    shipped = base.taxonomy.categories
    taxonomy: Taxonomy | tuple[Category, ...] = ruleset.taxonomy
    if ruleset.taxonomy.categories[: len(shipped)] == shipped:
        taxonomy = ruleset.taxonomy.categories[len(shipped) :]
    whole = list(ruleset.categories)[: len(base.categories)] != list(base.categories)
    categories = {
        key: value for key, value in ruleset.categories.items() if whole or base.categories.get(key) is not value
    }
    negation = None if ruleset.negation is base.negation else ruleset.negation
    return rules, taxonomy, categories, whole, negation, ruleset._fingerprint


def _extension(
    base: Ruleset,
    rules: tuple[Rule | int, ...],
    taxonomy: Taxonomy | tuple[Category, ...],
    categories: dict[str, CategoryRules],
    whole: bool,
    negation: Negation | None,
    fingerprint: str,
) -> Ruleset:
    """A server's ruleset rebuilt over this process's ``base`` from what :func:`_changes` kept."""
    merged = categories if whole else {**base.categories, **categories}
    return Ruleset(
        taxonomy if isinstance(taxonomy, Taxonomy) else Taxonomy(base.taxonomy.categories + taxonomy),
        tuple(base.rules[code] if isinstance(code, int) else code for code in rules),
        merged,
        base.negation if negation is None else negation,
        fingerprint,
        base=base,
    )
