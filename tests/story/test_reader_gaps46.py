"""Story files misread, found in the forty-sixth session's fifteenth round of reading (files of the
shapes real tools and sites make, written for it; the probe files stay out of the repository):

- Ulysses' comment paragraph ("%% check the tide tables for this scene": Ulysses marks a line opening
  "%%" a comment to its end, and nothing closes it): posted as story text;
- a line of colons between scenes (":::", ": : :"), as a writer types it and as Pandoc's fenced div
  closes: posted as a paragraph of story text.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

PROSE = [
    "The ferry left at dawn, its horn low over the water while the gulls wheeled above the harbour wall.",
    "Mara counted the crates twice before she signed for them, because the manifest never matched the hold.",
]


def _read(text: str, name: str) -> Story:
    return import_story(text.encode(), name, max_bytes=1 << 20)


def _two_chapters(between: str) -> str:
    """A Markdown book of two chapters, ``between`` set over each chapter's two paragraphs."""
    return "# Salt Lines\n\n" + "".join(
        f"## Chapter {number}\n\n{between}\n\n" + "\n\n".join(PROSE) + "\n\n" for number in (1, 2)
    )


# ---------------------------------------------------------------- Ulysses' comment paragraphs


@pytest.mark.parametrize(
    "comment",
    ["%% check the tide tables for this scene", "%%\tAda's age is wrong here", "  %% fix: Bram left in ch 1"],
    ids=["space", "tab", "indented"],
)
def test_a_ulysses_comment_paragraph_is_not_story_text(comment: str) -> None:
    story = _read(_two_chapters(comment), "salt.md")
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_ulysses_comment_between_scenes_parts_no_scene() -> None:
    text = "# Salt Lines\n\n" + PROSE[0] + "\n\n%% tighten this\n\n" + PROSE[1] + "\n"
    story = _read(text, "salt.md")
    assert [len(scene.paragraphs) for scene in story.chapters[0].scenes] == [2]


def test_a_ulysses_comment_that_declares_is_kept_as_its_paragraph() -> None:
    story = _read("# Salt Lines\n\n%% CW: drowning, self-harm\n\n" + "\n\n".join(PROSE) + "\n", "salt.md")
    assert "self-harm" in " ".join(story.meta.declared_warnings).lower()


@pytest.mark.parametrize(
    "line",
    ["%%", "%%Ada", "100%% sure, she said, and laughed at the ledger."],
    ids=["bare-opener", "no-space", "in-prose"],
)
def test_a_line_that_is_no_ulysses_comment_stays(line: str) -> None:
    story = _read("# Salt Lines\n\n" + PROSE[0] + "\n\n" + line + "\n\n" + PROSE[1] + "\n", "salt.md")
    assert story.chapters[0].paragraphs == [PROSE[0], line, PROSE[1]]


def test_an_obsidian_comment_over_lines_still_closes_on_its_line() -> None:
    text = "# Salt Lines\n\n%% TODO: foreshadow\nthe bell here %%\n\n" + "\n\n".join(PROSE) + "\n"
    assert _read(text, "salt.md").chapters[0].paragraphs == PROSE


# ---------------------------------------------------------------- colons between scenes


@pytest.mark.parametrize("name", ["salt.md", "salt.txt"])
@pytest.mark.parametrize("divider", [":::", ": : :", "::::::"])
def test_a_line_of_colons_parts_scenes(divider: str, name: str) -> None:
    text = "Salt\n\nChapter 1\n\n" + PROSE[0] + "\n\n" + divider + "\n\n" + PROSE[1] + "\n"
    chapter = _read(text, name).chapters[0]
    assert chapter.paragraphs == PROSE
    assert len(chapter.scenes) == 2


@pytest.mark.parametrize("line", ["::", "She drew :: on the slate.", "Ratio 3:2:1"])
def test_colons_in_a_line_of_words_stay(line: str) -> None:
    text = "Salt\n\nChapter 1\n\n" + PROSE[0] + "\n\n" + line + "\n\n" + PROSE[1] + "\n"
    assert _read(text, "salt.txt").chapters[0].paragraphs == [PROSE[0], line, PROSE[1]]
