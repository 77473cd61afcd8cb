"""Book tools' pages about a book's content, from the s32 probe: a "Content Warnings" page after the
story (Vellum, Atticus: where a spoiler-shy author puts them, often chapter by chapter), a content
note before chapter one under a heading of its own ("Before You Begin": "This book contains ..."),
and "A Note on Content" pointing to the back. Each was a chapter or was dropped: warnings were
lost and every chapter number was one too high."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts
from tests.story.builders import epub_bytes, xhtml

CHAPTERS = [
    ("c1.xhtml", xhtml("<h1>1</h1><h2>The Jetty</h2><p>Halla tied the boat up badly and went in for tea.</p>")),
    ("c2.xhtml", xhtml("<h1>2</h1><h2>The Squall</h2><p>The squall came over the point and took the jetty.</p>")),
    ("c3.xhtml", xhtml("<h1>3</h1><h2>Mending</h2><p>They rebuilt it in a week, plank by plank.</p>")),
]
NAV = [("1. The Jetty", "c1.xhtml"), ("2. The Squall", "c2.xhtml"), ("3. Mending", "c3.xhtml")]
ABOUT = ("about.xhtml", xhtml("<h1>About the Author</h1><p>Kari Lund lives by the sea with a dog.</p>"))


def book(front: list[tuple[str, str]], back: list[tuple[str, str]]) -> Story:
    documents = front + CHAPTERS + back
    nav = [(name, name) for name, _ in front] + NAV + [(name, name) for name, _ in back]
    data = epub_bytes(documents, title="The Jetty", author="Kari Lund", nav_points=nav)
    return import_story(data, "jetty.epub", max_bytes=1 << 20)


def chapter_ids(story: Story) -> list[list[str]]:
    return [sorted(map_texts(chapter.declared_warnings).ids) for chapter in story.chapters]


def test_warnings_by_chapter_at_the_back_go_to_their_chapters() -> None:
    page = xhtml(
        "<h1>Content Warnings</h1><p>Chapter 1: none</p><p>Chapter 2: drowning, death of a parent</p>"
        "<p>Chapter 3: blood</p>"
    )
    story = book([], [("warnings.xhtml", page), ABOUT])
    assert [chapter.title for chapter in story.chapters] == ["The Jetty", "The Squall", "Mending"]
    assert chapter_ids(story) == [[], ["death"], ["blood-gore"]]
    assert any("Chapter 2: drowning" in note for note in story.meta.notes)


def test_a_plain_list_of_warnings_at_the_back_declares_for_the_book() -> None:
    page = xhtml("<h1>Content Warnings</h1><p>Drowning, self-harm, grief.</p>")
    story = book([], [("warnings.xhtml", page)])
    assert {"self-harm", "grief"} <= set(map_texts(story.meta.declared_warnings).ids)
    assert [chapter.title for chapter in story.chapters] == ["The Jetty", "The Squall", "Mending"]


def test_a_content_note_before_chapter_one_declares_and_is_no_chapter() -> None:
    page = xhtml(
        "<h1>Before You Begin</h1><p>This book contains depictions of self-harm, infertility and grief. "
        "If these topics are difficult for you, please take care while reading.</p>"
    )
    story = book([("before.xhtml", page)], [])
    assert {"self-harm", "grief"} <= set(map_texts(story.meta.declared_warnings).ids)
    assert [chapter.title for chapter in story.chapters] == ["The Jetty", "The Squall", "Mending"]


def test_a_note_on_content_pointing_to_the_back_is_a_note() -> None:
    page = xhtml(
        "<h1>A Note on Content</h1><p>This book deals with some difficult subjects. A list of content "
        "warnings can be found at the back of the book.</p>"
    )
    story = book([("note.xhtml", page)], [])
    assert [chapter.title for chapter in story.chapters] == ["The Jetty", "The Squall", "Mending"]
    assert any("difficult subjects" in note for note in story.meta.notes)
    assert story.meta.declared_warnings == []


def test_a_first_chapter_under_its_own_heading_stays_a_chapter() -> None:
    """Guard: a page before the numbered chapters that tells a story is the book's first chapter."""
    page = xhtml(
        "<h1>Before You Begin</h1><p>Halla's grandmother built the jetty the year the herring came back, "
        "and nobody in the village ever let her forget it.</p>"
    )
    story = book([("before.xhtml", page)], [])
    assert [chapter.title for chapter in story.chapters] == ["Before You Begin", "The Jetty", "The Squall", "Mending"]


def test_a_last_chapter_titled_as_warnings_with_story_text_stays() -> None:
    """Guard: a chapter after the story only when it lists warnings; an epilogue of prose stays."""
    page = xhtml(
        "<h1>Epilogue</h1><p>Years later Halla's daughter learned to tie a boat up properly, "
        "and the jetty held through every storm.</p>"
    )
    story = book([], [("epilogue.xhtml", page)])
    assert [chapter.title for chapter in story.chapters][-1] == "Epilogue"
