"""Markdown with HTML comments over several lines and ``<details>`` blocks: a comment is the
author's note to themselves (never a chapter, text or a scene break), and a ``<details>`` titled as
a note or warnings is the chapter's note while any other keeps its title over its text."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.markdown import drop_comments, read_details
from bot.story.model import Story

STORY = """# The Lighthouse

by Ana Reyes

<!-- TODO: rename chapter 2
## Chapter 99
draft text that was cut -->

## Chapter 1

<details>
<summary>Content warnings</summary>

drowning, grief

</details>

The keeper woke at four.

<!-- note to self: expand this -->

He climbed the stairs.
<details><summary>The keeper's log</summary>

Day one. Calm <!-- or rough? --> seas.

</details>

## Chapter 2

The lamp was out.
"""


def _import(text: str) -> Story:
    return import_story(text.encode(), "story.md", max_bytes=1 << 20)


def test_comments_and_details_blocks_are_read_as_a_reader_sees_them() -> None:
    story = _import(STORY)
    assert [[scene.paragraphs for scene in chapter.scenes] for chapter in story.chapters] == [
        [["The keeper woke at four.", "He climbed the stairs.", "The keeper's log", "Day one. Calm seas."]],
        [["The lamp was out."]],
    ]
    assert story.chapters[0].notes == ["Content warnings: drowning, grief"]
    assert story.chapters[0].declared_warnings == ["Content warnings: drowning, grief"]


def test_unclosed_comments_and_details_and_titles_over_lines_are_left_as_text() -> None:
    assert drop_comments("Text.\n\n<!-- never closed\n\nMore.") == "Text.\n\n<!-- never closed\n\nMore."
    hostile = "<details><summary>x\ny</summary>\n" * 20_000 + "</details>" + "<details><summary>x" * 20_000
    assert read_details(drop_comments(hostile)) == hostile
