"""Markdown as Obsidian and Google Docs write it: no wiki or export syntax in the story text or titles."""

from __future__ import annotations

from bot.story.importer import import_story

LIMIT = 8 * 1024 * 1024
PROSE = "Ada crossed the river at dawn, and the water was colder than she had been told."


def _paragraphs(text: str) -> list[list[str]]:
    story = import_story(text.encode(), "story.md", max_bytes=LIMIT)
    return [[p for scene in chapter.scenes for p in scene.paragraphs] for chapter in story.chapters]


def test_obsidian_wikilinks_read_as_their_shown_text() -> None:
    text = f"# Chapter 1\n\n{PROSE} She thought of [[Bram]], of [[Places/Harbor|the harbor]] and [[Notes/Ada#Past]].\n"
    assert _paragraphs(text) == [[f"{PROSE} She thought of Bram, of the harbor and Ada."]]


def test_obsidian_comments_and_embeds_are_not_story_text() -> None:
    text = f"# Chapter 1\n\n{PROSE} %%fix this later%% ![[map.png]] ![[Character sheet]]\n"
    (paragraphs,) = _paragraphs(text)
    assert "%%" not in paragraphs[0] and "[[" not in paragraphs[0] and "fix this" not in paragraphs[0]
    assert paragraphs[0].startswith(PROSE)


def test_an_obsidian_callout_reads_as_its_quote() -> None:
    text = f"# Chapter 1\n\n{PROSE}\n\n> [!quote]\n> The trees remember.\n\n> [!note]- Aside\n> Quiet.\n"
    story = import_story(text.encode(), "story.md", max_bytes=LIMIT)
    (chapter,) = story.chapters
    assert [p for scene in chapter.scenes for p in scene.paragraphs] == [PROSE, "The trees remember.", "Aside\nQuiet."]
    assert len(chapter.scenes) == 1


def test_google_docs_heading_anchors_are_not_in_chapter_titles() -> None:
    text = (
        "# **The Salt Road**\n\n"
        f"## **Chapter 1: Departure** {{#chapter-1:-departure}}\n\n{PROSE}\n\n"
        f"## **Chapter 2: Arrival** {{#chapter-2:-arrival}}\n\n{PROSE}\n"
    )
    story = import_story(text.encode(), "story.md", max_bytes=LIMIT)
    assert [chapter.title for chapter in story.chapters] == ["Departure", "Arrival"]
