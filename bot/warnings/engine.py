"""Scanning a story: hits per paragraph, scores per chapter, thresholds, declared warnings merged.

A category is detected in a chapter when the weights of its rules add up to its threshold
within one stretch of text (:data:`WINDOW_CHARS`, about a scene), each rule counting once per
paragraph and at most ``max_count`` paragraphs, so one stray "blood" is not ``blood-gore``
while a bleeding scene is, and a joke about dying every few pages of a long chapter never
adds up to a death. A ``near`` rule also counts where its groups are met across neighbouring
short paragraphs of a scene, a chat log or one-line paragraphs (:mod:`bot.warnings.across`), once,
in the line where its last group is met. The story's warnings are the union
over its chapters; the author's declarations are added with source ``declared`` (or ``both``):
the story's own for every chapter, one chapter's own (its notes) for that chapter alone.

Two tiers: a warning that passes its threshold is ``confident``; real evidence that falls
short (one strong hit, hits in several paragraphs that do not add up, or hits that add up
only over the whole chapter, spread too thin for any one scene) is ``possible``.
Members see confident ones; admins see possible ones with their evidence and decide.

A rule with ``needs`` is a weak sign ("three men short at roll call"): its hits count only beside a
category it names that is confident on its own hits nearby in the scene, a battle the rules are sure
of (:mod:`bot.warnings.support`); the chapter is scored first without them.

A category's signs of play (``frames`` in the rules file: a respawn screen, a rehearsal, a
fandom meta post) silence its hits nearby, in the same scene: whatever the words, a death in a
video game or a fight on a stage is not a warning. A play lasts a whole scene when its signs are
in two of the scene's paragraphs, and carries on through the scenes between two that show it
(:data:`CONTINUED_SCENES`), unless one of them shows real harm (:data:`REAL_HARM`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from itertools import accumulate, count, pairwise
from operator import add, attrgetter, itemgetter
from typing import Any, NamedTuple

from bot.story.model import Chapter, Story
from bot.text import as_read, cluster_cut, cluster_open
from bot.warnings import across, support
from bot.warnings.declared import DECLARED_TEXTS_KEPT, UNMAPPED_KEPT, Declared, keep_new, map_declared, map_texts
from bot.warnings.language import MIN_COMMON_SHARE, MIN_ENGLISH_SHARE, MIN_WORDS, chapters_in_english
from bot.warnings.matcher import FRAME, REAL, AnyMatcher, Fired, matcher_for, shared
from bot.warnings.model import Rule, Ruleset
from bot.warnings.taxonomy import Taxonomy

EVIDENCE_CHARS = 120
EVIDENCE_PER_CHAPTER = 2
EVIDENCE_PER_WARNING = 5
CONFIDENT = "confident"
POSSIBLE = "possible"
TIERS = (CONFIDENT, POSSIBLE)
# One hit of a rule this heavy is real evidence on its own: possible, for an admin to decide. At 1.0
# (every category's threshold but one) a lone hit was confident already and this tier never saw one;
# at 0.6 a third of the single hits it shows on the labelled passages are right (docs/warnings-eval.md).
STRONG_WEIGHT = 0.6
POSSIBLE_FRACTION = 0.5  # ... as is a score of half the threshold from hits in several paragraphs
WINDOW_CHARS = 2_000  # hits add up to a confident warning only within this much text (a scene, about 350 words)
FRAME_CHARS = 600  # a sign of play silences its category's hits this close (paragraph starts, same scene)
# ... and all of its scene's when this many of the scene's paragraphs carry one: a rehearsal, a
# game night or a paintball match lasts a whole scene, its signs scattered far past FRAME_CHARS.
SCENE_FRAME_SIGNS = 2
# A game night told as a chat log, a match round by round, a museum trip chapter by chapter: one long
# play whose signs sit in some scenes and its heavy words in others. A scene (or chapter) with no sign
# of a category's play, between two that carry one with at most this many such scenes between them, is
# play too, unless it carries signs of real harm (:data:`REAL_HARM`). After the last sign it is not: a
# real fight after the match is the match's end.
CONTINUED_SCENES = 2
# A bake-off told week by week, a zombie walk from the make-up to the pub, an escape room clue by clue:
# the whole story is the play, and its signs sit in most of its scenes but not all, some of its jokes
# far from any (before the first sign, after the last, or past a long stretch without one). When a
# category's play shows in at least this share of the story's scenes (chapters' scenes, in reading
# order) and in STORY_PLAY_SCENES of them or more, every scene of the story is play, unless it carries
# signs of real harm (:data:`REAL_HARM`): a real death in a story of play is told with its blood or its
# grief. A story with its play in fewer scenes keeps the rule above.
STORY_PLAY_SHARE = 0.5
STORY_PLAY_SCENES = 3
# Categories whose hits in a scene say its harm is real, whatever play is around it: blood, a medic at
# work, a grief. No game, stage or museum trip has them; a real death during one does, or its news.
REAL_HARM = ("blood-gore", "procedures", "grief")
# A paragraph longer than this is read as pieces of at most this many characters, cut after a
# sentence (:func:`scan_pieces`). No story's real paragraph is this long; a hostile upload's one
# 8 MB paragraph made every rule's exact check search megabytes for a match it may use (heavy
# scenes in one EPUB paragraph took 9 s of the 10 s budget).
PIECE_CHARS = 10_000
_SENTENCE_GAP = re.compile(r"[.!?;\n][\"'’”)\]]*\s+")  # a clause's end and the space after it
_RULE = itemgetter(1)  # of a (paragraph index, rule) pair
_RULE_ID = attrgetter("id")


@dataclass(frozen=True, slots=True)
class Evidence:
    chapter: int
    paragraph: int  # 1-based index into Chapter.paragraphs
    text: str
    scene: int = 1
    rule: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"chapter": self.chapter, "paragraph": self.paragraph, "text": self.text}


@dataclass(slots=True)
class ChapterWarning:
    id: str
    score: float
    scenes: list[int]
    evidence: list[Evidence]
    tier: str = CONFIDENT


@dataclass(slots=True)
class ChapterReport:
    number: int
    warnings: list[ChapterWarning]  # confident only
    possible: list[ChapterWarning] = field(default_factory=list)
    english: bool = True  # False: not read for warnings (bot.warnings.language); its hits are possible only


@dataclass(slots=True)
class FoundWarning:
    id: str
    label: str
    source: str  # "declared", "detected" or "both"
    score: float  # detection points of the strongest chapter; 0 when only declared
    evidence: list[Evidence]
    chapters: list[int] = field(default_factory=list)
    declared_as: list[str] = field(default_factory=list)  # the author's words that mapped here
    tier: str = CONFIDENT  # declared ones count as confident: the author said so
    # The chapters whose own notes declare it, when the story does not: the author declared it for
    # those chapters alone. Empty for a warning the story declares (every chapter carries it).
    declared_chapters: list[int] = field(default_factory=list)

    def declared_in(self, chapter: int | None) -> bool:
        """Whether the author declared this warning for ``chapter`` (``None``: for any part of the story)."""
        if self.source not in ("declared", "both"):
            return False
        return not self.declared_chapters or chapter is None or chapter in self.declared_chapters

    def to_json(self) -> dict[str, Any]:
        found = {
            "id": self.id,
            "label": self.label,
            "source": self.source,
            "tier": self.tier,
            "score": self.score,
            "evidence": [item.to_json() for item in self.evidence],
        }
        return found | ({"declared_chapters": list(self.declared_chapters)} if self.declared_chapters else {})


@dataclass(slots=True)
class ScanReport:
    title: str
    warnings: list[FoundWarning]  # declared and confident: what members see
    unwarned: bool
    declared_unmapped: list[str]
    chapters: list[ChapterReport]
    possible: list[FoundWarning] = field(default_factory=list)  # for an admin to confirm or dismiss
    # Of ``declared_unmapped``, the words only some chapters' notes gave, with those chapters: the
    # rest are the story's, shown on every chapter (a scan stored before: all of them).
    unmapped_chapters: dict[str, list[int]] = field(default_factory=dict)
    # Whose declarations ``declared`` warnings are, as headers name them: ``declared`` (the author's) or
    # ``given`` (the admin's, for a book without a file). Never stored: the store reads it from the story,
    # so scans stored before it existed show a book's warnings as the admin's too.
    declared_source: str = "declared"

    def ids(self) -> set[str]:
        return {warning.id for warning in self.warnings}

    def detected_ids(self, tier: str = CONFIDENT) -> set[str]:
        """Detected ids of one tier (``confident``, ``possible``) or ``both``."""
        confident = {warning.id for warning in self.warnings if warning.source != "declared"}
        possible = {warning.id for warning in self.possible}
        return {CONFIDENT: confident, POSSIBLE: possible}.get(tier, confident | possible)

    def get(self, warning_id: str) -> FoundWarning | None:
        return next((warning for warning in self.warnings if warning.id == warning_id), None)

    def declared_for(self, chapter: int | None) -> list[str]:
        """The warnings the author declared that ``chapter`` carries: the story's own and the chapter's
        (``None``: the story's and every chapter's), strongest first."""
        return [warning.id for warning in self.warnings if warning.declared_in(chapter)]

    def to_json(self, *, possible: bool = False) -> dict[str, Any]:
        """The shape of ``python -m bot scan --json`` (which passes ``possible``: every tier, labelled).

        Each warning id is listed once, at its strongest tier: a warning confident in one chapter and
        possible in another is listed confident, with the chapters where it is only possible as
        ``possible_chapters`` (a reader keying the list by id must not see it turn possible)."""
        listed = [warning.to_json() for warning in self.warnings]
        if possible:
            by_id = {item["id"]: item for item in listed}
            for warning in self.possible:
                if warning.id in by_id:
                    by_id[warning.id]["possible_chapters"] = list(warning.chapters)
                else:
                    listed.append(warning.to_json())
        return {
            "story": {"title": self.title},
            "unwarned": self.unwarned,
            "declared_unmapped": list(self.declared_unmapped),
            "warnings": listed,
        }

    def to_record(self) -> dict[str, Any]:
        """Everything needed to show a chapter's warnings later without scanning again."""
        data = self.to_json()
        data["possible"] = [warning.to_json() for warning in self.possible]
        for key, warnings in (("warnings", self.warnings), ("possible", self.possible)):
            for item, warning in zip(data[key], warnings, strict=True):
                item["chapters"] = warning.chapters
                item["declared_as"] = warning.declared_as
                item["declared_chapters"] = warning.declared_chapters
        data |= self._unmapped_record()
        data["chapters"] = [
            {
                "number": chapter.number,
                "warnings": [_chapter_record(found) for found in chapter.warnings],
                "possible": [_chapter_record(found) for found in chapter.possible],
            }
            | ({} if chapter.english else {"english": False})
            for chapter in self.chapters
        ]
        return data

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> ScanReport:
        def evidence(items: list[dict[str, Any]]) -> list[Evidence]:
            return [Evidence(e["chapter"], e["paragraph"], e["text"], e.get("scene", 1)) for e in items]

        def found(w: dict[str, Any], tier: str) -> FoundWarning:
            return FoundWarning(
                w["id"],
                w["label"],
                w["source"],
                w["score"],
                evidence(w["evidence"]),
                w.get("chapters", []),
                w.get("declared_as", []),
                tier,
                w.get("declared_chapters", []),  # a scan stored before chapters had their own: story-wide
            )

        def in_chapter(w: dict[str, Any], tier: str) -> ChapterWarning:
            return ChapterWarning(w["id"], w["score"], w["scenes"], evidence(w["evidence"]), tier)

        chapters = [
            ChapterReport(
                c["number"],
                [in_chapter(w, CONFIDENT) for w in c["warnings"]],
                [in_chapter(w, POSSIBLE) for w in c.get("possible", [])],
                c.get("english", True),
            )
            for c in data.get("chapters", [])
        ]
        return cls(
            data["story"]["title"],
            [found(w, CONFIDENT) for w in data["warnings"]],
            data["unwarned"],
            data["declared_unmapped"],
            chapters,
            [found(w, POSSIBLE) for w in data.get("possible", [])],
            data.get("unmapped_chapters", {}),
        )

    def summary_record(self) -> dict[str, Any]:
        """What members see of the scan, without evidence or per-chapter detail: the story's
        warnings, whether the author chose not to warn, the chapters not read (not English), what
        the author declared that matches no warning (in the author's words, with the chapters that
        gave those the story did not).
        Stored beside the whole record so a header or a page reads a few hundred bytes, not it."""
        return {
            "unwarned": self.unwarned,
            "warnings": [
                {"id": w.id, "source": w.source, "score": w.score, "declared_chapters": list(w.declared_chapters)}
                for w in self.warnings
            ],
            "not_english": [chapter.number for chapter in self.chapters if not chapter.english],
            "declared_unmapped": list(self.declared_unmapped),
        } | self._unmapped_record()

    def _unmapped_record(self) -> dict[str, Any]:
        """The chapters that gave each unmatched word, kept only when there are some, so records of
        stories without them stay as they were stored before chapters had their own."""
        return {"unmapped_chapters": self.unmapped_chapters} if self.unmapped_chapters else {}

    @classmethod
    def from_summary(cls, data: dict[str, Any]) -> ScanReport:
        """A report of what :meth:`summary_record` keeps: enough for :meth:`declared_for` and the
        notices; its chapters are only those not read, with no warnings of their own (the
        ``chapter_warnings`` and ``possible_warnings`` tables hold those)."""
        warnings = [
            FoundWarning(w["id"], w["id"], w["source"], w["score"], [], declared_chapters=w["declared_chapters"])
            for w in data["warnings"]
        ]
        chapters = [ChapterReport(number, [], [], english=False) for number in data["not_english"]]
        return cls(
            "",
            warnings,
            data["unwarned"],
            data.get("declared_unmapped", []),
            chapters,
            unmapped_chapters=data.get("unmapped_chapters", {}),
        )


def _chapter_record(found: ChapterWarning) -> dict[str, Any]:
    return {
        "id": found.id,
        "score": found.score,
        "scenes": found.scenes,
        "evidence": [ev.to_json() | {"scene": ev.scene} for ev in found.evidence],
    }


def snippet(text: str, start: int, end: int, limit: int = EVIDENCE_CHARS) -> str:
    """The hit with context on both sides, cut at word boundaries, at most ``limit`` characters, and
    never inside a grapheme cluster (:func:`bot.text.cluster_cut`): a flag's half, an accent alone."""
    if end - start >= limit - 2:
        core = " ".join(text[start:end].split())
        return core[: cluster_cut(core, limit - 1)].rstrip() + "…"
    room = (limit - 2 - (end - start)) // 2
    left_at = max(0, start - room)
    right_at = min(len(text), end + room)
    if left_at > 0:
        space = text.find(" ", left_at, start)
        left_at = cluster_open(text, space + 1 if space != -1 else left_at, start)
    if right_at < len(text):
        space = text.rfind(" ", end, right_at)
        point = space if space != -1 else right_at
        cut = cluster_cut(text, point)
        right_at = cut if cut >= end else point  # a cluster longer than the room: the limit wins
    body = " ".join(text[left_at:right_at].split())
    result = ("…" if left_at > 0 else "") + body + ("…" if right_at < len(text) else "")
    return result if len(result) <= limit else result[: cluster_cut(result, limit - 1)] + "…"


class _Chapter(NamedTuple):
    """Where each paragraph of a chapter is: hits are kept as (paragraph index, rule) pairs.

    A "paragraph" here is a piece (:func:`scan_pieces`): the paragraph itself unless it is over-long.
    """

    number: int
    texts: list[str]
    offsets: list[int]  # characters before each paragraph in the chapter
    scenes: list[int]  # each paragraph's scene number
    fired: Fired
    paragraph_numbers: list[int]  # each piece's paragraph in the chapter, from 1


def scoring_key() -> str:
    """What decides a scan's warnings and tiers besides the rules: a scan stored under other
    values (before an upgrade that changed one) is stale, as is one made with other rules."""
    return (
        f"strong={STRONG_WEIGHT} thin={POSSIBLE_FRACTION} window={WINDOW_CHARS} frame={FRAME_CHARS}/{SCENE_FRAME_SIGNS}"
        f"/{CONTINUED_SCENES}/{STORY_PLAY_SHARE}x{STORY_PLAY_SCENES}:{','.join(REAL_HARM)}"
        f" pieces={PIECE_CHARS} english={MIN_ENGLISH_SHARE}/{MIN_COMMON_SHARE}/{MIN_WORDS} read=nfkc"
        f" {across.settings_key()} {support.settings_key()}"
    )


def _window_score(fired: list[tuple[int, Rule]], cap: int, threshold: float) -> float:
    """The best score of any stretch of :data:`WINDOW_CHARS`, each rule capped at ``cap`` paragraphs.

    A stretch counts only with evidence of two kinds: two different rules, or one rule that
    passes the threshold alone and may stand alone (:attr:`Rule.alone`). One ambiguous word said
    again ("i'm going to die" twice in a chat) is the same evidence twice, so it stays possible;
    so does a heavy word whose lone hits the labelled sets show wrong too often ("she dies at the
    end", of a novel), until a second sign stands beside it. A sliding window over the hits in
    reading order: one pass, stopping once the threshold is met.
    """
    counts: dict[str, int] = {}
    score = best = 0.0
    first = 0
    for offset, rule in fired:
        while offset - fired[first][0] > WINDOW_CHARS:
            old = fired[first][1]
            if counts[old.id] <= cap:
                score -= old.weight
            counts[old.id] -= 1
            if not counts[old.id]:
                del counts[old.id]
            first += 1
        counts[rule.id] = counts.get(rule.id, 0) + 1
        if counts[rule.id] <= cap:
            score += rule.weight
        if len(counts) >= 2 or (rule.alone and rule.weight + 1e-9 >= threshold):
            best = max(best, score)
        if best + 1e-9 >= threshold:
            break
    return best


def _tier(score: float, window: float, threshold: float, found: list[tuple[int, Rule]]) -> str | None:
    """Confident past the threshold within one window; possible for one strong hit or thin hits."""
    if score <= 0:
        return None
    if window + 1e-9 >= threshold:
        return CONFIDENT
    if score + 1e-9 >= threshold:
        return POSSIBLE
    if max(rule.weight for _, rule in found) + 1e-9 >= STRONG_WEIGHT:
        return POSSIBLE
    if len({index for index, _ in found}) >= 2 and score + 1e-9 >= POSSIBLE_FRACTION * threshold:
        return POSSIBLE
    return None


def _scan_chapter(
    ruleset: Ruleset,
    chapter_number: int,
    pieces: _Pieces,
    fired: Fired,
    *,
    english: bool = True,
    continued: dict[str, set[int]] | None = None,
) -> ChapterReport:
    """Hits gathered per category in reading order (one append per hit: the hot loop), then scored.

    ``fired``: what fired in the chapter's pieces, in order. A chapter not in English
    (``english`` False) has no confident warnings: the English rules misfire on other languages,
    so what they find there is possible, for an admin to judge. ``continued``: per category, the
    chapter's scenes that carry on a play around them (:func:`_continued_play`).
    """
    by_category: dict[str, list[tuple[int, Rule]]] = {}
    frames: dict[str, list[int]] = {}  # category -> the paragraphs with its signs of play
    real: dict[str, set[int]] = {}  # category -> the paragraphs with its signs of real harm
    weak: dict[str, list[tuple[int, Rule]]] = {}  # category -> hits of its weak signs (rules with `needs`)
    for index, rules in enumerate(fired.rules):
        for rule in rules:  # each rule at most once per paragraph
            if rule.kind == FRAME:
                frames.setdefault(rule.category, []).append(index)
                continue
            if rule.kind == REAL:
                real.setdefault(rule.category, set()).add(index)
                continue
            if rule.needs:
                weak.setdefault(rule.category, []).append((index, rule))
                continue
            found = by_category.get(rule.category)
            if found is None:
                found = by_category[rule.category] = []
            found.append((index, rule))
    report = ChapterReport(chapter_number, [], [], english)
    if not by_category:
        return report
    # Characters before each paragraph, newlines between them included: the lengths so far plus the index.
    offsets = list(map(add, accumulate(map(len, pieces.texts), initial=0), count()))
    chapter = _Chapter(chapter_number, pieces.texts, offsets, pieces.scenes, fired, pieces.paragraphs)
    played = {category: _played_scenes(chapter, signs) for category, signs in frames.items()}
    for category, scenes in (continued or {}).items():
        played[category] = played.get(category, set()) | scenes
    for hits in (by_category, weak):
        for category in hits:
            scenes = _scenes_of_play(ruleset, category, played)
            if category in frames or scenes:
                hits[category] = _outside_frames(
                    chapter, hits[category], frames.get(category, []), scenes, real.get(category, set())
                )
    for category, found in by_category.items():
        warning = _chapter_warning(ruleset, chapter, category, found, english=english)
        if warning is not None:
            (report.warnings if warning.tier == CONFIDENT else report.possible).append(warning)
    own = [warning.id for warning in report.warnings]  # sure on their own hits: only these lend weak signs support
    if english:
        _promote_supported(ruleset, report)  # as the chapter is without weak signs, so they never take a warning away
    inferred = _add_supported(ruleset, chapter, report, by_category, weak, own, english=english) if weak else set()
    if english and inferred:
        _promote_supported(ruleset, report, inferred)
    report.warnings.sort(key=lambda warning: (-warning.score, warning.id))
    report.possible.sort(key=lambda warning: (-warning.score, warning.id))
    return report


def _chapter_warning(
    ruleset: Ruleset, chapter: _Chapter, category: str, found: list[tuple[int, Rule]], *, english: bool
) -> ChapterWarning | None:
    """The category's warning from its hits in the chapter (in reading order), at its tier, or ``None``."""
    if not found:
        return None
    settings = ruleset.category_rules(category)
    score, window = _scores(chapter, found, settings.max_count, settings.threshold)
    tier = _tier(score, window, settings.threshold, found)
    if tier is None:
        return None
    if not english:
        tier = POSSIBLE
    scenes_hit = sorted({chapter.scenes[index] for index, _ in found})
    return ChapterWarning(category, round(score, 2), scenes_hit, _evidence(chapter, found), tier)


def _add_supported(
    ruleset: Ruleset,
    chapter: _Chapter,
    report: ChapterReport,
    by_category: dict[str, list[tuple[int, Rule]]],
    weak: dict[str, list[tuple[int, Rule]]],
    own: Collection[str],
    *,
    english: bool,
) -> set[str]:
    """Score again, with their weak signs that count (:mod:`bot.warnings.support`), the categories that
    have some; a warning found so is added, or takes the place of a possible one when it is confident.
    Only the categories confident on their own hits (``own``) lend support. Returns the categories
    whose warning now rests on weak signs: they lend no support either.

    A category already confident (on its own hits, or promoted beside a sure one it is
    ``supported_by``) is left as it is: were its weak signs to make it sure instead, it would count
    as resting on them and no longer vouch for its own ``supported_by`` (a grief beside a death
    that a massacre made sure was lost when "three short at roll call" made the death sure first)."""
    sure = {category: [index for index, _ in by_category[category]] for category in own}
    inferred: set[str] = set()
    if not sure:
        return inferred
    confident = {warning.id for warning in report.warnings}
    for category, hits in weak.items():
        if category in confident:
            continue  # sure already: a weak sign adds nothing a member sees
        found = support.supported(hits, sure, chapter.offsets, chapter.scenes)
        if not found:
            continue
        own = by_category.get(category, [])
        warning = _chapter_warning(ruleset, chapter, category, sorted(own + found, key=itemgetter(0)), english=english)
        if warning is None:
            continue
        was = next((item for item in report.possible if item.id == category), None)
        if was is not None:
            if warning.tier != CONFIDENT:
                continue  # possible before, possible still: as it was
            report.possible.remove(was)
        (report.warnings if warning.tier == CONFIDENT else report.possible).append(warning)
        inferred.add(category)
    return inferred


def _scenes_of_play(ruleset: Ruleset, category: str, played: dict[str, set[int]]) -> set[int]:
    """The scenes that are play from end to end for ``category``: its own, and those of the
    categories it is ``supported_by``. A eulogy for a stage death or a funeral at a murder-mystery
    party is grief only if the death it follows is one, and a scene that is play says it is not.
    (Only whole scenes: a single sign of a death's play, "the vet", a "textbook", does not say the
    grief beside it is play: a dog put down at home is grieved.)"""
    scenes = set(played.get(category, ()))
    for other in ruleset.category_rules(category).supported_by:
        scenes |= played.get(other, set())
    return scenes


def _promote_supported(ruleset: Ruleset, report: ChapterReport, inferred: Collection[str] = ()) -> None:
    """A possible warning is confident when a category it names in ``supported_by`` is confident
    in one of its scenes: grief just short of its threshold beside a death that is sure. Again
    until nothing moves, so a death a massacre made sure can make its grief sure. A warning that
    rests on weak signs (``inferred``, :mod:`bot.warnings.support`) makes nothing sure: a death read from "one short at roll call" beside a battle is not a grief's proof."""
    moved = True
    leaning = frozenset(inferred)
    while moved and report.possible:
        moved = False
        for warning in list(report.possible):
            support = ruleset.category_rules(warning.id).supported_by
            if support and any(
                other.id in support and other.id not in leaning and not set(other.scenes).isdisjoint(warning.scenes)
                for other in report.warnings
            ):
                report.possible.remove(warning)
                warning.tier = CONFIDENT
                report.warnings.append(warning)
                moved = True


def _outside_frames(
    chapter: _Chapter,
    found: list[tuple[int, Rule]],
    signs: list[int],
    played: set[int],
    real: Collection[int] = (),
) -> list[tuple[int, Rule]]:
    """The hits not near a sign of play: in another scene, or more than FRAME_CHARS away, and not
    in a scene that is play from end to end (``played``, see :func:`_played_scenes`). A hit in a
    paragraph with a sign of the category's real harm (``real``: three broken ribs, the infirmary)
    is kept whatever play is around it: a fight over a card game, an illegal elbow in a match.

    Only the nearest sign on each side of a hit can be near it: ``signs`` come in reading order
    and a scene is a run of paragraphs, so a farther sign is farther away or in another scene.
    Looking at every sign for every hit cost seconds on a long chapter full of both.
    """
    offsets, scenes = chapter.offsets, chapter.scenes
    marks = [offsets[sign] for sign in signs]
    kept = []
    for index, rule in found:
        if index in real:
            kept.append((index, rule))
            continue
        at, scene = offsets[index], scenes[index]
        if scene in played:
            continue
        after = bisect_left(marks, at)  # the first sign at or after the hit's paragraph
        near = any(
            0 <= k < len(signs) and scenes[signs[k]] == scene and abs(marks[k] - at) <= FRAME_CHARS
            for k in (after - 1, after)
        )
        if not near:
            kept.append((index, rule))
    return kept


def _played_scenes(chapter: _Chapter, signs: list[int]) -> set[int]:
    """The scenes that are play from end to end: :data:`SCENE_FRAME_SIGNS` of their paragraphs
    carry a sign of it (the pieces of one long paragraph count once)."""
    paragraphs: dict[int, set[int]] = {}
    for sign in signs:
        paragraphs.setdefault(chapter.scenes[sign], set()).add(chapter.paragraph_numbers[sign])
    return {scene for scene, marked in paragraphs.items() if len(marked) >= SCENE_FRAME_SIGNS}


def _continued_play(read: list[_Pieces], fired: Fired) -> list[dict[str, set[int]]]:
    """Per chapter, per category, the scenes that carry on a play: no sign of the category's play in
    them, but one in the scene (of any chapter) before and after, with at most :data:`CONTINUED_SCENES`
    such scenes between, and no hit of a :data:`REAL_HARM` category in them.

    A laser-tag night's round told between two others, or a murder-mystery party's chapter between
    the one that plans it and the one that plays it, is the same game; a scene after the last sign,
    or one where somebody bleeds, is not. A play whose signs are in most of the story's scenes is the
    whole story (:func:`_story_of_play`), save the scenes where somebody bleeds; blood in a scene
    that shows blood's own play (stage blood) is no sign of that.
    """
    units: list[tuple[int, int]] = []  # (chapter index, scene), in reading order
    signed: dict[str, set[tuple[int, int]]] = {}
    harmed: dict[str, set[tuple[int, int]]] = {}  # REAL_HARM category -> the scenes it is hit in
    index = 0
    for number, pieces in enumerate(read):
        for scene, rules in zip(pieces.scenes, fired.rules[index : index + len(pieces.texts)], strict=True):
            unit = (number, scene)
            if not units or units[-1] != unit:
                units.append(unit)
            for rule in rules:
                if rule.kind == FRAME:
                    signed.setdefault(rule.category, set()).add(unit)
                elif rule.category in REAL_HARM:
                    harmed.setdefault(rule.category, set()).add(unit)
        index += len(pieces.texts)
    # Blood in a scene that shows its own play (stage blood, a bake-off's sculpture "decapitated") is
    # no sign of real harm: only a harm hit where its category shows no play of its own is.
    real = {unit for category, hit in harmed.items() for unit in hit - signed.get(category, set())}
    continued: list[dict[str, set[int]]] = [{} for _ in read]
    for category, marked in signed.items():
        at = [position for position, unit in enumerate(units) if unit in marked]
        if _story_of_play(len(at), len(units)):
            inside = set(range(len(units)))
        else:
            # Each stretch from one sign's scene to the next: the scenes inside it are play when it is
            # short enough, and so is a signed scene with a signed scene on each side (a round between two).
            short = [(before, after) for before, after in pairwise(at) if after - before - 1 <= CONTINUED_SCENES]
            inside = {position for before, after in short for position in range(before + 1, after)}
            inside |= {after for (_, after), (before, _) in pairwise(short) if after == before}
        for position in sorted(inside):
            number, scene = units[position]
            if units[position] not in real:
                continued[number].setdefault(category, set()).add(scene)
    return continued


def _story_of_play(signed: int, scenes: int) -> bool:
    """Whether a play whose signs are in ``signed`` of the story's ``scenes`` is the whole story
    (:data:`STORY_PLAY_SHARE`, :data:`STORY_PLAY_SCENES`)."""
    return signed >= STORY_PLAY_SCENES and signed >= STORY_PLAY_SHARE * scenes


def _scores(chapter: _Chapter, found: list[tuple[int, Rule]], cap: int, threshold: float) -> tuple[float, float]:
    """The chapter's score (each rule at most ``cap`` paragraphs) and its best window's."""
    counts = Counter(map(_RULE_ID, map(_RULE, found)))  # counted in C: a long chapter has thousands of hits
    weight = chapter.fired.weight
    score = sum(weight(rule_id) * min(number, cap) for rule_id, number in counts.items())
    if score + 1e-9 < threshold:
        return score, score  # no window scores more than the whole chapter, so none passes either
    offsets = chapter.offsets
    return score, _window_score([(offsets[index], rule) for index, rule in found], cap, threshold)


def _evidence(chapter: _Chapter, found: list[tuple[int, Rule]]) -> list[Evidence]:
    """The strongest rules make the best evidence, one snippet per paragraph, in reading order."""
    chosen: list[tuple[int, Rule]] = []
    pool = found[: 3 * EVIDENCE_PER_CHAPTER]  # the first few hits: sorting all of a long chapter's costs
    for index, rule in sorted(pool, key=lambda item: -item[1].weight):
        if all(index != other for other, _ in chosen):
            chosen.append((index, rule))
        if len(chosen) == EVIDENCE_PER_CHAPTER:
            break
    chosen.sort(key=lambda item: item[0])
    evidence = []
    for index, rule in chosen:
        text = chapter.texts[index]
        start, end = chapter.fired.hit(index, rule, text).char_span()
        evidence.append(
            Evidence(
                chapter.number,
                chapter.paragraph_numbers[index],
                snippet(text, start, end),
                chapter.scenes[index],
                rule.id,
            )
        )
    return evidence


def scan_pieces(paragraph: str, size: int = PIECE_CHARS) -> list[str]:
    """The paragraph, or an over-long one in pieces of at most ``size`` characters.

    Each cut follows the last clause end in the second half of the piece (no phrase rule reads
    across one, and the negation check stops at it), else the last space, else it falls at
    ``size``. Joined again the pieces are the paragraph.
    """
    if len(paragraph) <= size:
        return [paragraph]
    pieces = []
    start = 0
    while len(paragraph) - start > size:
        end = start + size
        cut = None
        for match in _SENTENCE_GAP.finditer(paragraph, start + size // 2, end):
            cut = match.end()
        if cut is None:
            space = paragraph.rfind(" ", start + 1, end)
            cut = space + 1 if space > start else end
        pieces.append(paragraph[start:cut])
        start = cut
    pieces.append(paragraph[start:])
    return pieces


class _Pieces(NamedTuple):
    """A chapter as the scan reads it: its paragraphs as read (:func:`bot.text.as_read`) in pieces
    (:func:`scan_pieces`), in order, with each piece's scene and paragraph numbers (from 1)."""

    texts: list[str]
    scenes: list[int]
    paragraphs: list[int]


def _pieces(chapter: Chapter) -> _Pieces:
    pieces = _Pieces([], [], [])
    paragraph_number = 0
    for scene_number, scene in enumerate(chapter.scenes, start=1):
        for paragraph in scene.paragraphs:
            paragraph_number += 1
            for piece in scan_pieces(as_read(paragraph)):
                pieces.texts.append(piece)
                pieces.scenes.append(scene_number)
                pieces.paragraphs.append(paragraph_number)
    return pieces


def scan(story: Story, ruleset: Ruleset, *, declared: Declared | None = None) -> ScanReport:
    """The warnings of a story under one ruleset, per chapter and merged for the whole story.

    The matcher reads every chapter in one call: a pattern an exact check compiles beyond the
    ones kept (``KEEP_COMPILED``) is then compiled once per story, not once per chapter (8 MB of
    heavy scenes in 200 chapters took 11 s that way, and take 6.3 s read in one call). An over-long
    paragraph is read as pieces (:func:`scan_pieces`); evidence still names its paragraph, and a
    rule counts once in it, in the first piece where it fires, as in any other paragraph.
    """
    read = [_pieces(chapter) for chapter in story.chapters]
    # Each piece's paragraph, numbered through the story: a rule counts once per paragraph, however long.
    paragraphs: list[int] = []
    for pieces in read:
        before = paragraphs[-1] if paragraphs else 0
        paragraphs += [before + number for number in pieces.paragraphs]
    matcher = matcher_for(ruleset)
    fired = matcher.fire([text for pieces in read for text in pieces.texts], paragraphs)
    _across_lines(ruleset, matcher, read, fired)
    chapters = []
    start = 0
    english = chapters_in_english([pieces.texts for pieces in read])
    continued = _continued_play(read, fired)
    for chapter, pieces, in_english, carried_on in zip(story.chapters, read, english, continued, strict=True):
        stop = start + len(pieces.texts)
        view = fired.view(start, stop)
        chapters.append(_scan_chapter(ruleset, chapter.number, pieces, view, english=in_english, continued=carried_on))
        start = stop
    declared = declared if declared is not None else map_declared(story.meta)
    taxonomy = ruleset.taxonomy
    merged = _merge_chapters(taxonomy, chapters, CONFIDENT)
    for warning_id, texts in declared.ids.items():
        warning = merged.get(warning_id)
        if warning is None:
            merged[warning_id] = FoundWarning(warning_id, taxonomy.label(warning_id), "declared", 0.0, [], [], texts)
        else:
            warning.source = "both"
            warning.declared_as = texts
    unwarned, unmapped = declared.unwarned, list(declared.unmapped)
    only_in = _ChapterWords(unmapped)
    for chapter in story.chapters:
        own = map_texts(chapter.declared_warnings)
        _add_chapter_declared(taxonomy, merged, chapter.number, own, story_declared=declared.ids.keys())
        # Like the story's own, an "unwarned" is the story's to tell; a declaration that maps to
        # nothing is listed for the story, and shown in the headers of the chapters that gave it.
        unwarned = unwarned or own.unwarned
        keep_new(unmapped, own.unmapped, UNMAPPED_KEPT)
        only_in.add(chapter.number, own.unmapped)

    # A chapter's possible warning is for an admin to decide wherever members are not shown it: not
    # where the author declared it (the story, or that chapter), but in a chapter of its own even when
    # another chapter carries it for sure (members read each chapter's header by itself).
    def declared_there(number: int, warning_id: str) -> bool:
        return warning_id in merged and merged[warning_id].declared_in(number)

    possible = list(_merge_chapters(taxonomy, chapters, POSSIBLE, leave_out=declared_there).values())
    return ScanReport(
        story.meta.title,
        sorted(merged.values(), key=strength_key),
        unwarned,
        unmapped,
        chapters,
        sorted(possible, key=strength_key),
        only_in.kept(unmapped),
    )


def _across_lines(ruleset: Ruleset, matcher: AnyMatcher, read: list[_Pieces], fired: Fired) -> None:
    """Add to ``fired`` the ``near`` rules met across neighbouring short paragraphs (:mod:`bot.warnings.across`):
    each once per window, in the paragraph where its last group is met, where it did not fire already."""
    found: list[range] = []  # windows, as ranges of the story's pieces
    start = 0
    for pieces in read:
        found += [range(start + window.start, start + window.stop) for window in across.windows(*pieces)]
        start += len(pieces.texts)
    if not found:
        return
    texts = [text for pieces in read for text in pieces.texts]
    windows, joined = across.within_budget(texts, found)
    # The sets alone say which rules may cross (no exact check); across.crossing checks each exactly.
    in_windows = matcher.candidates(joined, across.NEAR)

    def reach(rule: Rule) -> int:
        return rule.span or ruleset.category_rules(rule.category).span

    own = list(fired.rules)  # what each paragraph gave alone, before any window's rule is added
    # Each window's bytes and the rules to check in them, worked out once for the checks and the crossings.
    checks = [
        across.to_check(text, own, window, rules)
        for window, text, rules in zip(windows, joined, in_windows, strict=True)
    ]
    # The exact checks first, rule by rule over every window (each different window once): a pattern
    # compiled for them past KEEP_COMPILED is compiled once, not once per window.
    wanted: dict[str, dict[bytes, None]] = {}
    for data, candidates in checks:
        for rule in candidates:
            wanted.setdefault(rule.id, {})[data] = None
    checked: dict[tuple[str, bytes], list[tuple[int, int]] | None] = {}
    for rule_id, datas in wanted.items():
        checked.update(
            zip([(rule_id, data) for data in datas], matcher.part_spans_each(rule_id, list(datas)), strict=True)
        )
    known = across.Checked(checked)
    added: set[tuple[int, str]] = set()
    # The same lines said again cross the same way: worked out once (a hostile upload's million repeats).
    crossed: dict[tuple[str, ...], list[tuple[int, Rule, tuple[int, int]]]] = {}
    for window, (data, candidates) in zip(windows, checks, strict=True):
        if not candidates:
            continue
        key = tuple(texts[window.start : window.stop])
        crossings = crossed.get(key)
        if crossings is None:
            crossings = crossed[key] = across.crossing(known, texts, window, data, candidates, reach)
        for place, rule, span in crossings:
            index = window[place]
            if (index, rule.id) not in added:
                added.add((index, rule.id))
                fired.add(index, rule, span)


class _ChapterWords:
    """Which chapters gave each declaration that maps to nothing and the story did not give: "drowning"
    in chapter 3's note is for chapter 3's header, not every chapter's. A word more than
    :data:`WORD_CHAPTERS_KEPT` chapters give is the story's (a summary stays a few hundred bytes)."""

    def __init__(self, story_words: list[str]) -> None:
        self._story = {word.lower() for word in story_words}
        self._chapters: dict[str, list[int]] = {}

    def add(self, chapter: int, words: list[str]) -> None:
        for word in words:
            if word.lower() in self._story:
                continue
            chapters = self._chapters.setdefault(word, [])
            if len(chapters) >= WORD_CHAPTERS_KEPT:
                self._story.add(word.lower())
                del self._chapters[word]
            elif chapter not in chapters:
                chapters.append(chapter)

    def kept(self, listed: list[str]) -> dict[str, list[int]]:
        """The chapters of each of ``listed`` (the story's list as kept) that only some chapters gave."""
        return {word: self._chapters[word] for word in listed if word in self._chapters}


WORD_CHAPTERS_KEPT = 20


def _add_chapter_declared(
    taxonomy: Taxonomy, merged: dict[str, FoundWarning], chapter: int, own: Declared, *, story_declared: Iterable[str]
) -> None:
    """What one chapter's notes declare, added to the story's warnings for that chapter alone
    (``declared_chapters``); a warning the story declares covers every chapter already."""
    story_wide = set(story_declared)
    for warning_id, texts in own.ids.items():
        if warning_id in story_wide:
            continue
        warning = merged.get(warning_id)
        if warning is None:
            warning = merged[warning_id] = FoundWarning(warning_id, taxonomy.label(warning_id), "declared", 0.0, [])
        warning.source = "declared" if warning.source == "declared" else "both"  # detected too: both
        keep_new(warning.declared_as, texts, DECLARED_TEXTS_KEPT)
        warning.declared_chapters.append(chapter)
        warning.chapters = sorted({*warning.chapters, chapter})


def _merge_chapters(
    taxonomy: Taxonomy,
    chapters: list[ChapterReport],
    tier: str,
    leave_out: Callable[[int, str], bool] | None = None,
) -> dict[str, FoundWarning]:
    """One warning per category over the chapters of one tier: the strongest score, evidence from each
    (a chapter's hit of a category left out where ``leave_out(chapter, category)`` says so)."""
    merged: dict[str, FoundWarning] = {}
    for chapter in chapters:
        for found in chapter.warnings if tier == CONFIDENT else chapter.possible:
            if leave_out is not None and leave_out(chapter.number, found.id):
                continue
            warning = merged.get(found.id)
            if warning is None:
                warning = merged[found.id] = FoundWarning(
                    found.id, taxonomy.label(found.id), "detected", 0.0, [], tier=tier
                )
            warning.score = max(warning.score, found.score)
            warning.chapters.append(chapter.number)
            room = EVIDENCE_PER_WARNING - len(warning.evidence)
            warning.evidence.extend(found.evidence[:room])
    return merged


def scan_in_worker(ruleset: Ruleset, story: Story, declared: Declared | None) -> ScanReport:
    """:func:`scan` for ``Workers.run``: reuses this process's matcher for an equal ruleset."""
    return scan(story, shared(ruleset), declared=declared)


SOURCE_RANK = {"override": 0, "both": 1, "declared": 2, "given": 2, "detected": 3}


def strength_key(warning: FoundWarning) -> tuple[int, float, str]:
    """Strongest first: what the author said and the text shows, then what either says alone."""
    return (SOURCE_RANK.get(warning.source, 9), -warning.score, warning.id)
