"""Hostile uploads of session 44's ninth round: the passes this session added to the readers ("Part 1 of
3" headings, Obsidian embeds, Word's numbered lines, subtitles, by-lines, note boxes, collections), each
given the shape that makes it work hardest at the upload limit. Each is read within the budgets of
:mod:`bot.story.limits` (CPU time, generous bounds; the figures are in the commit). The part headings,
near their bound, are read at a quarter of the size too (:mod:`tests.growth`)."""

from __future__ import annotations

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from tests.growth import SCALE, read_in_linear_time
from tests.story.test_hostile_shapes37 import MAX_BYTES

_LINES = 149_000  # just within MAX_LINES


@pytest.mark.parametrize(
    ("line", "filename"),
    [("Part 1 of 3\n", "parts.txt"), ("Part 1 (of 3)\n", "parts.txt"), ("Part 1/3\n\n", "parts.md")],
)
def test_a_file_of_part_headings_one_under_another_is_refused_in_seconds(line: str, filename: str) -> None:
    """Headings with no text between them read as one, each merge copying the words of those before
    it: 149,000 "Part 1 of 3" lines (now a part titled "Part 1 of 3", its words longer) took past 150 s
    of CPU before their heading was refused for having no text (1.7 s then; 4.8 s on a busy machine now,
    near its old 8 s bound): the file takes under 8 times what a quarter of it takes, and 14 s."""

    def headings(count: int) -> bytes:
        return (line * count).encode()

    def refused(data: bytes) -> None:
        with pytest.raises(StoryFormatError, match="has no story text under it"):
            import_story(data, filename, max_bytes=MAX_BYTES)

    read_in_linear_time(headings, refused, _LINES // line.count("\n") // SCALE, ceiling=14.0)


def test_a_part_over_its_title_over_a_chapter_still_reads_as_one_heading() -> None:
    """Guard: a book's own run of headings with nothing between them (a part, its title, a chapter)
    is still one heading over the chapter's text."""
    text = "Part 1 of 3\n\nThe Coast\n\nChapter 1\n\nThe weir roared all night and nobody in the valley slept.\n"
    story = import_story(text.encode(), "weir.txt", max_bytes=MAX_BYTES)
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs == ["The weir roared all night and nobody in the valley slept."]


def test_a_markdown_file_of_embeds_is_refused_past_the_story_text_limit() -> None:
    """Each Obsidian embed is said where it stands ("![[a]]" reads "[Embedded note: a]", three times its
    size), so a Markdown file within the upload limit could hold more story text than the limit lets
    one file hold (4.2 MB read as 5.6 MB): the text limit is checked for every format, as for EPUB."""
    data = ("![[a]] " * 8 + "\n\n").encode() * (MAX_BYTES // 58)
    assert len(data) <= MAX_BYTES
    with pytest.raises(StoryFormatError, match="of story text, more than the"):
        import_story(data, "vault.md", max_bytes=MAX_BYTES)


def test_a_legacy_encoded_file_within_the_limit_is_not_refused_for_its_utf8_size() -> None:
    """The text limit counts characters for a file read as it is: a cp1252 file just within the limit,
    dense with accents, is more than the limit in UTF-8 bytes and is still a story to read."""
    paragraph = "Élodie a été très fâchée à côté du théâtre, où l'été déçu s'était éteint. " * 8
    data = ("\r\n\r\n".join([paragraph] * (MAX_BYTES // (len(paragraph) + 4) - 2))).encode("cp1252")
    assert len(data) <= MAX_BYTES
    story = import_story(data, "ete.txt", max_bytes=MAX_BYTES)
    assert sum(len(p.encode()) for chapter in story.chapters for p in chapter.paragraphs) > MAX_BYTES
