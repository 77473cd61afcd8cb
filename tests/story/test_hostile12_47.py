"""Hostile uploads of session 47's twelfth round: the passes this session added or changed (the warnings
scan's reading through ``bot.text.as_read``, forms kept for their prose, new Reddit's custom elements,
forum thread labels, EPUB author placeholders, Markdown contents lists, bulleted header fields, warnings
lists one item a paragraph), each given the shape that makes it work hardest at the upload limit, and
the pages around them. Each is read within the budgets of :mod:`bot.story.limits` (CPU time; the figures
are in the commits); the deep pages, whose bounds their reading had grown close to, are read at a
quarter of their depth too and must cost well under the sixteen times a quadratic reader takes
(:mod:`tests.growth`), under a ceiling some three times what they take now. The deep pages are timed
in a child process, as a worker reads an upload: in the test run's own process, late in a full run, the
same import took five times its CPU time."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.story.importer import import_story
from tests.growth import grows_linearly
from tests.story.builders import timed_import
from tests.story.test_hostile_shapes37 import MAX_BYTES

_PROSE = "The weir roared all night and nobody in the valley slept, for the river was rising fast."


def _page(body: str) -> bytes:
    return f"<html><head><title>The Book</title></head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("<span>", "</span>"), ("<shreddit-post><span>", "</span></shreddit-post>"), ("<div><b>", "</b></div>")],
)
def test_a_chain_of_only_children_thousands_deep_is_read_not_crashed_on(
    opening: str, closing: str, tmp_path: Path
) -> None:
    """An inline label's text was found with bs4's ``Tag.string``, which recurses a call a level down a
    chain of only children (htmltext._spaced_inline_labels): 20,000 <span>s nested round the story's
    text (280 KB), or 600 custom elements round a <span> each, ended the import in a RecursionError (a
    traceback for the member). Walked in a loop a few elements deep, the page reads as its text, inside
    an upload's 10 s budget on a quiet machine: 1.2-1.9 s of CPU alone, and 4.6-4.7 s for the custom elements round
    a <span> each (40,000 elements). That case came to its bound (8 s, 8.9 s on a busy machine), so the
    chain is read 5,000 deep too, and 20,000 deep must take under 8 times as long, and under 14 s."""

    def measure(depth: int) -> tuple[list[str], float]:
        cpu, paragraphs = timed_import(_page(opening * depth + _PROSE + closing * depth), tmp_path)
        return paragraphs, cpu

    assert grows_linearly(measure, 5_000, ceiling=14.0, warm_up=False) == [_PROSE]


def test_a_label_in_its_own_element_is_still_spaced_from_its_value() -> None:
    """Guard: eFiction's label set in an element of its own, closed by a colon, is spaced from its value."""
    data = _page(f"<p>{_PROSE}</p><p><span><b>Chapter End Notes:</b></span>Thanks for reading</p>")
    story = import_story(data, "efiction.html", max_bytes=MAX_BYTES)
    assert "Chapter End Notes:Thanks" not in repr(story)


def test_labels_nested_thousands_deep_in_a_heading_are_read_once(tmp_path: Path) -> None:
    """Each inline element of a heading was read whole for a chapter's label (space_heading_labels), every
    one of them: 20,000 <span class="label">s nested in a thread's <h1>, as a XenForo prefix label is set
    (540 KB), took 26 s of CPU and then a RecursionError at the base. The first few are looked at now:
    20,000 deep takes under 8 times what 5,000 deep takes (it came to its old 5 s bound on a busy machine)."""

    def measure(depth: int) -> tuple[list[str], float]:
        data = _page(
            "<h1>" + "<span class='label'>" * depth + "O" + "</span>" * depth + "Tides</h1><p>" + _PROSE + "</p>"
        )
        cpu, paragraphs = timed_import(data, tmp_path)
        return paragraphs, cpu

    assert _PROSE in grows_linearly(measure, 5_000, ceiling=12.0, warm_up=False)


def test_a_chapter_label_in_its_heading_is_still_spaced_from_its_title() -> None:
    """Guard: Webnovel's "<h1><span>Chapter 12</span>The Cinder Road</h1>" is chapter 12, The Cinder Road."""
    data = _page(f"<h1><span class='mr8'>Chapter 12</span>The Cinder Road</h1><p>{_PROSE}</p>")
    story = import_story(data, "webnovel.html", max_bytes=MAX_BYTES)
    assert "Chapter 12The" not in repr(story)
