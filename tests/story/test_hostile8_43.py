"""Hostile uploads of session 43's eighth round: the passes this session added to the readers, each
given the shape that makes it work hardest at the upload limit. Each is read within the budgets of
:mod:`bot.story.limits` (generous process-time budgets here; the figures are in the report), and shown
as the honest file of its shape is."""

from __future__ import annotations

import time

from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml
from tests.story.test_hostile_shapes37 import MAX_BYTES

_PROSE = "The weir roared all night and nobody in the valley slept, for the river was rising fast. "

# -- an EPUB of thousands of creators written as a catalogue sorts them ------------------------------------


def _catalogue_epub(creators: int) -> bytes:
    """Three pages of megabytes of prose and ``creators`` creators each written "Holloway7, Wren7":
    every one a sorted name the book never names in order."""
    page = xhtml("<p>" + "</p><p>".join([_PROSE * 4] * 2000) + "</p>")
    names = "".join(f"<dc:creator>Holloway{i}, Wren{i}</dc:creator>" for i in range(creators))
    return epub_bytes([(f"c{i}.xhtml", page) for i in (1, 2, 3)], extra_metadata=names)


def test_thousands_of_sorted_creator_names_are_not_each_looked_for_in_the_books_pages() -> None:
    """A creator written "Holloway, Wren" is turned where the book's first pages name "Wren Holloway":
    every creator was looked for in megabytes of pages, lower-cased again for each, and 20,000 of them
    (a 115 KB upload) took 60 s. A chapter header names three writers and "others": only the writers
    it can show are looked for, each page lower-cased once."""
    data = _catalogue_epub(20_000)
    start = time.process_time()
    story = import_story(data, "catalogue.epub", max_bytes=MAX_BYTES)
    assert time.process_time() - start < 8.0  # 23 s of CPU before
    assert story.meta.author == "A. Writer & Holloway0, Wren0 & Holloway1, Wren1 & others"


def test_a_sorted_name_the_title_page_gives_in_order_is_still_turned_among_many_creators() -> None:
    """Guard: the first writer, named "Wren Holloway" on the title page, is still read in order."""
    title_page = xhtml("<h1>The Weir</h1><p>by Wren Holloway</p>")
    chapter = xhtml("<h1>Chapter 1</h1><p>" + _PROSE * 20 + "</p>")
    names = "".join(f"<dc:creator>Marsh{i}, Ada{i}</dc:creator>" for i in range(2000))
    data = epub_bytes(
        [("title.xhtml", title_page), ("c1.xhtml", chapter)],
        author="Holloway, Wren",
        extra_metadata=names,
        nav_points=[("Chapter 1", "c1.xhtml")],
    )
    story = import_story(data, "catalogue.epub", max_bytes=MAX_BYTES)
    assert story.meta.author == "Wren Holloway & Marsh0, Ada0 & Marsh1, Ada1 & others"
