"""The shape every importer produces and every consumer (renderer, warnings, storage) reads.

Text is kept as paragraphs inside scenes inside chapters, because rendering splits on
those boundaries and warnings cite chapter and paragraph numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.story.words import chapter_words, count_words

__all__ = ["WORDS_PER_MINUTE", "Chapter", "HeaderWarning", "Scene", "Story", "StoryMeta", "count_words"]

WORDS_PER_MINUTE = 230


@dataclass(slots=True)
class Scene:
    paragraphs: list[str]


@dataclass(slots=True)
class Chapter:
    number: int  # 1-based position in the story
    title: str | None
    scenes: list[Scene]
    notes: list[str] = field(default_factory=list)  # the author's chapter notes, never story text

    @property
    def paragraphs(self) -> list[str]:
        """All paragraphs in order; paragraph numbers in evidence are 1-based indexes here."""
        return [p for scene in self.scenes for p in scene.paragraphs]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        return chapter_words(self.paragraphs)

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.words / WORDS_PER_MINUTE))


@dataclass(slots=True)
class StoryMeta:
    title: str
    author: str | None = None
    summary: str | None = None
    rating: str | None = None
    archive_warnings: list[str] = field(default_factory=list)
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    additional_tags: list[str] = field(default_factory=list)
    # Warnings as the author wrote them ("TW for miscarriage"), not yet mapped to ids.
    declared_warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    meta: StoryMeta
    chapters: list[Chapter]
    source_format: str  # "txt", "md", "html", "epub"

    @property
    def words(self) -> int:
        return sum(chapter.words for chapter in self.chapters)


@dataclass(frozen=True, slots=True)
class HeaderWarning:
    """A warning as the excerpt header shows it, strongest first."""

    id: str
    label: str
    source: str  # "declared", "detected", "both" or "override"
    avoided: bool = False  # the reading member asked to avoid this warning
