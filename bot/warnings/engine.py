"""Scanning a story: hits per paragraph, scores per chapter, thresholds, declared warnings merged.

A category is detected in a chapter when the weights of its rules add up to its threshold,
each rule counting once per paragraph and at most ``max_count`` paragraphs, so one stray
"blood" is not ``blood-gore`` while a bleeding scene is. The story's warnings are the union
over its chapters; the author's declarations are added with source ``declared`` (or ``both``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.story.model import Story
from bot.warnings.declared import Declared, map_declared
from bot.warnings.matcher import Hit
from bot.warnings.rules import Rule, Ruleset

EVIDENCE_CHARS = 120
EVIDENCE_PER_CHAPTER = 2
EVIDENCE_PER_WARNING = 5


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


@dataclass(slots=True)
class ChapterReport:
    number: int
    warnings: list[ChapterWarning]


@dataclass(slots=True)
class FoundWarning:
    id: str
    label: str
    source: str  # "declared", "detected" or "both"
    score: float  # detection points of the strongest chapter; 0 when only declared
    evidence: list[Evidence]
    chapters: list[int] = field(default_factory=list)
    declared_as: list[str] = field(default_factory=list)  # the author's words that mapped here

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "source": self.source,
            "score": self.score,
            "evidence": [item.to_json() for item in self.evidence],
        }


@dataclass(slots=True)
class ScanReport:
    title: str
    warnings: list[FoundWarning]
    unwarned: bool
    declared_unmapped: list[str]
    chapters: list[ChapterReport]

    def ids(self) -> set[str]:
        return {warning.id for warning in self.warnings}

    def detected_ids(self) -> set[str]:
        return {warning.id for warning in self.warnings if warning.source != "declared"}

    def get(self, warning_id: str) -> FoundWarning | None:
        return next((warning for warning in self.warnings if warning.id == warning_id), None)

    def to_json(self) -> dict[str, Any]:
        """The shape of ``python -m bot scan --json``."""
        return {
            "story": {"title": self.title},
            "unwarned": self.unwarned,
            "declared_unmapped": list(self.declared_unmapped),
            "warnings": [warning.to_json() for warning in self.warnings],
        }

    def to_record(self) -> dict[str, Any]:
        """Everything needed to show a chapter's warnings later without scanning again."""
        data = self.to_json()
        for item, warning in zip(data["warnings"], self.warnings, strict=True):
            item["chapters"] = warning.chapters
            item["declared_as"] = warning.declared_as
        data["chapters"] = [
            {
                "number": chapter.number,
                "warnings": [
                    {
                        "id": found.id,
                        "score": found.score,
                        "scenes": found.scenes,
                        "evidence": [ev.to_json() | {"scene": ev.scene} for ev in found.evidence],
                    }
                    for found in chapter.warnings
                ],
            }
            for chapter in self.chapters
        ]
        return data

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> ScanReport:
        def evidence(items: list[dict[str, Any]]) -> list[Evidence]:
            return [Evidence(e["chapter"], e["paragraph"], e["text"], e.get("scene", 1)) for e in items]

        warnings = [
            FoundWarning(
                w["id"],
                w["label"],
                w["source"],
                w["score"],
                evidence(w["evidence"]),
                w.get("chapters", []),
                w.get("declared_as", []),
            )
            for w in data["warnings"]
        ]
        chapters = [
            ChapterReport(
                c["number"],
                [ChapterWarning(w["id"], w["score"], w["scenes"], evidence(w["evidence"])) for w in c["warnings"]],
            )
            for c in data.get("chapters", [])
        ]
        return cls(data["story"]["title"], warnings, data["unwarned"], data["declared_unmapped"], chapters)


def snippet(text: str, start: int, end: int, limit: int = EVIDENCE_CHARS) -> str:
    """The hit with context on both sides, cut at word boundaries, at most ``limit`` characters."""
    if end - start >= limit - 2:
        core = " ".join(text[start:end].split())
        return core[: limit - 1].rstrip() + "…"
    room = (limit - 2 - (end - start)) // 2
    left_at = max(0, start - room)
    right_at = min(len(text), end + room)
    if left_at > 0:
        space = text.find(" ", left_at, start)
        left_at = space + 1 if space != -1 else left_at
    if right_at < len(text):
        space = text.rfind(" ", end, right_at)
        right_at = space if space != -1 else right_at
    body = " ".join(text[left_at:right_at].split())
    result = ("…" if left_at > 0 else "") + body + ("…" if right_at < len(text) else "")
    return result if len(result) <= limit else result[: limit - 1] + "…"


def _scan_chapter(ruleset: Ruleset, chapter_number: int, scenes: list[list[str]]) -> ChapterReport:
    scan_paragraph = ruleset.matcher().scan_paragraph
    paragraphs_hit: dict[str, int] = {}  # rule id -> number of paragraphs it fired in
    rules: dict[str, Rule] = {}
    # category -> (weight, paragraph number, scene number, paragraph text, hit); snippets come later
    candidates: dict[str, list[tuple[float, int, int, str, Hit]]] = {}
    scenes_hit: dict[str, set[int]] = {}
    keep = 3 * EVIDENCE_PER_CHAPTER
    paragraph_number = 0
    for scene_number, paragraphs in enumerate(scenes, start=1):
        for text in paragraphs:
            paragraph_number += 1
            hits = scan_paragraph(text)
            for hit in hits:  # each rule at most once per paragraph
                rule = hit.rule
                rule_id = rule.id
                count = paragraphs_hit.get(rule_id)
                if count is None:
                    paragraphs_hit[rule_id] = 1
                    rules[rule_id] = rule
                else:
                    paragraphs_hit[rule_id] = count + 1
                kept = candidates.get(rule.category)
                if kept is None:
                    kept = candidates[rule.category] = []
                    scenes_hit[rule.category] = {scene_number}
                else:
                    scenes_hit[rule.category].add(scene_number)
                if len(kept) < keep:
                    kept.append((rule.weight, paragraph_number, scene_number, text, hit))
    scores: dict[str, float] = {}
    for rule_id, count in paragraphs_hit.items():
        rule = rules[rule_id]
        cap = ruleset.category_rules(rule.category).max_count
        scores[rule.category] = scores.get(rule.category, 0.0) + rule.weight * min(count, cap)
    found: list[ChapterWarning] = []
    for category, score in scores.items():
        if score + 1e-9 < ruleset.category_rules(category).threshold or score <= 0:
            continue
        found.append(
            ChapterWarning(
                category, round(score, 2), sorted(scenes_hit[category]), _evidence(chapter_number, candidates[category])
            )
        )
    found.sort(key=lambda warning: (-warning.score, warning.id))
    return ChapterReport(chapter_number, found)


def _evidence(chapter_number: int, candidates: list[tuple[float, int, int, str, Hit]]) -> list[Evidence]:
    """The strongest rules make the best evidence, one snippet per paragraph, in reading order."""
    chosen: list[tuple[float, int, int, str, Hit]] = []
    for candidate in sorted(candidates, key=lambda item: -item[0]):
        if all(candidate[1] != other[1] for other in chosen):
            chosen.append(candidate)
        if len(chosen) == EVIDENCE_PER_CHAPTER:
            break
    chosen.sort(key=lambda item: item[1])
    evidence = []
    for _, paragraph, scene, text, hit in chosen:
        start, end = hit.char_span()
        evidence.append(Evidence(chapter_number, paragraph, snippet(text, start, end), scene, hit.rule.id))
    return evidence


def scan(story: Story, ruleset: Ruleset, *, declared: Declared | None = None) -> ScanReport:
    """The warnings of a story under one ruleset, per chapter and merged for the whole story."""
    chapters = [
        _scan_chapter(ruleset, chapter.number, [scene.paragraphs for scene in chapter.scenes])
        for chapter in story.chapters
    ]
    declared = declared if declared is not None else map_declared(story.meta)
    taxonomy = ruleset.taxonomy
    merged: dict[str, FoundWarning] = {}
    for chapter in chapters:
        for found in chapter.warnings:
            warning = merged.get(found.id)
            if warning is None:
                warning = merged[found.id] = FoundWarning(found.id, taxonomy.label(found.id), "detected", 0.0, [])
            warning.score = max(warning.score, found.score)
            warning.chapters.append(chapter.number)
            room = EVIDENCE_PER_WARNING - len(warning.evidence)
            warning.evidence.extend(found.evidence[:room])
    for warning_id, texts in declared.ids.items():
        warning = merged.get(warning_id)
        if warning is None:
            merged[warning_id] = FoundWarning(warning_id, taxonomy.label(warning_id), "declared", 0.0, [], [], texts)
        else:
            warning.source = "both"
            warning.declared_as = texts
    warnings = sorted(merged.values(), key=strength_key)
    return ScanReport(story.meta.title, warnings, declared.unwarned, declared.unmapped, chapters)


SOURCE_RANK = {"override": 0, "both": 1, "declared": 2, "detected": 3}


def strength_key(warning: FoundWarning) -> tuple[int, float, str]:
    """Strongest first: what the author said and the text shows, then what either says alone."""
    return (SOURCE_RANK.get(warning.source, 9), -warning.score, warning.id)
