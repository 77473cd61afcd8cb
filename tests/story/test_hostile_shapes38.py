"""Hostile uploads of session 38's probe (/work/scratch/s38/hostile): shapes built to make import, the
warning scan or rendering slow or memory-hungry, each read in time and memory that grow with the file or
capped, and a guard that the honest file of the same shape still reads as it did.

Where the point is cost, CPU time (not wall time) or traced memory against a bound several times what
the file takes now and well under what it took before."""

from __future__ import annotations

import tracemalloc

from bot.story.importer import import_story
from tests.story.test_hostile_shapes37 import MAX_BYTES, _paragraphs, _timed

# -- Markdown blockquote markers ------------------------------------------------------------------


def test_a_line_of_a_million_blockquote_markers_is_read_in_little_memory() -> None:
    """A blockquote's markers were matched by a repeated group that kept the way back through every one
    of them: a line of 4 million ">" took 700 MB (a million, 180 MB); the markers are taken whole now."""
    data = ("# Chapter 1\n\nThe weir roared.\n\n" + ">" * 1_000_000 + "deep\n\nMore.\n").encode()
    story, seconds = _timed(data, "quotes.md")
    assert seconds < 3.0
    assert _paragraphs(story) == ["The weir roared.", "deep", "More."]
    tracemalloc.start()
    try:
        import_story(data, "quotes.md", max_bytes=MAX_BYTES)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 << 20


def test_nested_blockquotes_still_read_as_their_paragraphs() -> None:
    """Guard: nested and spaced markers come off, a deeper quote starts its own paragraph, and a quoted
    line that would read as a heading keeps its marker."""
    text = (
        "# Chapter 1\n\nThe weir roared.\n\n> She said so.\n> > He did not.\n>  >   > Deeper still.\n"
        ">\n> Back out.\n\n> Chapter 3\n\nMore.\n"
    )
    story = import_story(text.encode(), "quotes.md", max_bytes=MAX_BYTES)
    assert _paragraphs(story) == [
        "The weir roared.",
        "She said so.",
        "He did not.",
        "Deeper still.",
        "Back out.",
        "> Chapter 3",
        "More.",
    ]
