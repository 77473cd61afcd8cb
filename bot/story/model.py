"""The shape every importer produces and every consumer (renderer, warnings, storage) reads.

Text is kept as paragraphs inside scenes inside chapters, because rendering splits on
those boundaries and warnings cite chapter and paragraph numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.story.words import chapter_words, count_words

__all__ = [
    "CONFIDENT",
    "GIVEN",
    "POSSIBLE",
    "SOURCE_NOTES",
    "Chapter",
    "HeaderWarning",
    "Scene",
    "Story",
    "StoryMeta",
    "count_words",
    "source_note",
]


@dataclass(slots=True)
class Scene:
    paragraphs: list[str]


@dataclass(slots=True)
class Chapter:
    number: int  # 1-based position in the story
    title: str | None
    scenes: list[Scene]
    notes: list[str] = field(default_factory=list)  # the author's chapter notes, never story text
    # Warnings the author declared for this chapter alone ("CW for this chapter: self-harm" in its
    # notes), as written: this chapter carries them, the others do not.
    declared_warnings: list[str] = field(default_factory=list)
    # The number its heading gives it ("Chapter 4" is 4), while the file is read: an author's "chapter
    # 4 contains ..." names that chapter, not the fourth (a prologue stands before "Chapter 1"). Not stored.
    heading_number: int | None = field(default=None, compare=False)

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


# Where a warning a member sees comes from, in the few words every surface shows after its
# label: "Major character death (author)". One wording everywhere, so a member learns once
# that "detected" is Dogear's guess and "confirmed by an admin" is the club's word.
SOURCE_NOTES = {
    "declared": "author",  # the author's own warning
    "both": "author, detected",  # declared and found in the text
    "given": "given by an admin",  # typed by the admin who added a book without a file (GIVEN)
    "detected": "detected",  # found in the text, past its category's threshold
    "override": "added by an admin",  # a story-wide override (/warnings story add:)
    "confirmed": "confirmed by an admin",  # a possible warning an admin confirmed for the chapter
    "reported": "reported by a member, confirmed",  # a member's report an admin confirmed
    "possible": "possible",  # below the threshold: only admins and strict avoiders see these
}
GIVEN = "given"  # a book's declared warnings: its admin typed them, no author declared them
UNWARNED_ID = "unwarned"  # "Unwarned: the author chose not to use warnings" already says who
NOT_ENGLISH_ID = "not-english"  # "Not read for warnings: not in English" says why itself
AUTHOR_WORDS_ID = "author-words"  # "The author also warns of: drowning" says whose words they are
NOTICE_IDS = frozenset([UNWARNED_ID, NOT_ENGLISH_ID, AUTHOR_WORDS_ID])  # shown among warnings, never with a source
CONFIDENT, POSSIBLE = "confident", "possible"


def source_note(source: str) -> str:
    """The words shown in brackets after a warning's label for where it comes from."""
    return SOURCE_NOTES.get(source, source)


@dataclass(frozen=True, slots=True)
class HeaderWarning:
    """A warning as the excerpt header shows it, strongest first."""

    id: str
    label: str
    source: str  # a key of SOURCE_NOTES: "declared", "detected", "both", "override", "confirmed", ...
    avoided: bool = False  # the reading member asked to avoid this warning
    # The words of "The admin also warns of: ..." (AUTHOR_WORDS_ID) whole, as a member may avoid them
    # (bot.warnings.avoided_words); the label may clip them.
    words: tuple[str, ...] = ()

    @property
    def tier(self) -> str:
        """``possible`` only for evidence below the threshold; the author's word and the club's count as confident."""
        return POSSIBLE if self.source == POSSIBLE else CONFIDENT

    @property
    def source_note(self) -> str:
        return "" if self.id in NOTICE_IDS else source_note(self.source)

    def to_json(self) -> dict[str, str]:
        """The shape ``preview --json`` prints for each of a chapter's warnings: ``tier`` says how sure,
        ``source`` where it comes from (a possible one was detected, as in ``scan --json``)."""
        source = "detected" if self.source == POSSIBLE else self.source
        return {"id": self.id, "label": self.label, "tier": self.tier, "source": source}


def story_id_note(story_id: int) -> str:
    """``(story id 3, for commands)``: how an answer names a story's id, saying what it is for
    (typed as ``story:3``, it picks this story even where two share a title)."""
    return f"(story id {story_id}, for commands)"
