"""Small loose ends of session 40 in the story readers: a small file with NUL bytes is refused for them."""

from __future__ import annotations

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story

MAX_BYTES = 8 * 1024 * 1024
PAGE = (
    "<html><head><title>The Weir</title></head><body><h1>Chapter 1</h1><p>The weir roared all night.</p></body></html>"
)


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (PAGE.replace("roared", "ro\x00ared").replace("night", "ni\x00ght").encode(), "weir.html"),
        (b"The Weir\n\nChapter 1\n\nThe weir ro\x00ared all ni\x00ght.\n", "weir.txt"),
        # A legacy byte too: what is left without the NULs is not UTF-8 either; the NULs are still the cause.
        ("The Weir\n\nThe café\x00 shut at ni\x00ght.\n".encode("cp1252"), "weir.txt"),
    ],
    ids=["html", "txt", "txt-cp1252"],
)
def test_a_small_file_with_two_nul_bytes_is_refused_for_them(data: bytes, name: str) -> None:
    """Two NULs in a small file are more than a stray one (it is dropped) and were refused as "neither UTF-8
    nor a known text encoding": the file is UTF-8, so that sent the member to save it as UTF-8 again. The
    answer names the NUL bytes, and still says it is not readable text, as other NUL-byte files are told."""
    with pytest.raises(StoryFormatError) as refused:
        import_story(data, name, max_bytes=MAX_BYTES)
    said = str(refused.value)
    assert "NUL bytes" in said and "readable text" in said, said
    assert "neither UTF-8" not in said, said


def test_a_broken_utf16_file_with_its_mark_is_not_said_to_hold_nul_bytes() -> None:
    """Guard: UTF-16 text has NULs by nature; one cut inside a character pair is refused as before."""
    data = b"\xff\xfe" + "The weir roared.".encode("utf-16-le") + b"\x00\xd8A\x00"
    with pytest.raises(StoryFormatError) as refused:
        import_story(data, "weir.txt", max_bytes=MAX_BYTES)
    assert "NUL" not in str(refused.value)


def _paragraphs(story) -> list[str]:
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


@pytest.mark.parametrize(
    "line",
    ["- " * 1000, "- " * 21, "- - ", "* * ", "+ - ", "  - \t* ", "- ", "-"],
    ids=["thousand", "past-divider-length", "two", "stars", "mixed", "indented", "one", "bare"],
)
def test_a_markdown_line_of_list_markers_alone_is_not_posted(line: str) -> None:
    """A line of nothing but list markers ("- " said a thousand times) was posted as a paragraph of dashes:
    an empty item, nested or not, carries no text and is dropped, as one in a list is."""
    text = f"# The Weir\n\n## Chapter 1\n\nBefore.\n\n{line}\n\nAfter.\n\n- one\n{line}\n- two\n"
    story = import_story(text.encode(), "weir.md", max_bytes=MAX_BYTES)
    assert _paragraphs(story) == ["Before.", "After.", "- one\n- two"]


def test_dividers_and_a_heading_underline_of_dashes_stay() -> None:
    """Guard: "- - -" and "* * *" are dividers, and a lone "-" under a line of text underlines a heading."""
    text = "# The Weir\n\n## The Mill\n\nBefore.\n\n- - -\n\nMiddle.\n\n* * *\n\nAfter.\n\nThe Ford\n-\n\nLater.\n"
    story = import_story(text.encode(), "weir.md", max_bytes=MAX_BYTES)
    assert [chapter.title for chapter in story.chapters] == ["The Mill", "The Ford"]
    assert len(story.chapters[0].scenes) == 3 and _paragraphs(story) == ["Before.", "Middle.", "After.", "Later."]
