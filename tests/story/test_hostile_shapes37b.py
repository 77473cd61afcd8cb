"""Hostile uploads of session 37's second probe: shapes built to make parsing slow, each read in time
that grows with the file or capped, and a guard that the honest file of the same shape still reads as it did.

Where the point is cost, CPU time (not wall time) against a bound several times what the file takes
now and well under what it took before; where the readers' growth brought a file near its bound, the
same shape at a quarter of the size read in the same test, and a ceiling (:mod:`tests.growth`)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, SoupStrainer, Tag

from bot.story.htmltext import new_soup
from bot.story.importer import import_story
from tests.growth import read_in_linear_time
from tests.story.test_hostile_shapes37 import MAX_BYTES, _paragraphs, _reader, _timed

# -- note sentences -------------------------------------------------------------------------------


def test_a_note_of_500_000_different_sentences_is_read_only_near_its_start() -> None:
    """ "A/N: 1. 2. 3. ..." (3.9 MB): every one of its 500,000 different sentences was read for
    declarations (5.4 s of CPU); a note declares near its start. 1.4 s on a busy machine now (its old
    bound 2.5 s): under 8 times what a quarter of the note takes, and under 4.5 s."""

    def sentences(count: int) -> str:
        return "A/N: " + " ".join(f"{number}." for number in range(1, count)) + " x"

    def page(count: int) -> bytes:
        return f"The Weir\n\nChapter 1\n\n{sentences(count)}\n\nThe weir roared.\n".encode()

    story = read_in_linear_time(page, _reader("weir.txt"), 125_000, ceiling=4.5)
    note = sentences(500_000)
    assert _paragraphs(story) == ["The weir roared."]
    assert story.chapters[0].notes == [note.removeprefix("A/N: ")]


def test_thousands_of_notes_of_different_sentences_are_read_to_a_budget() -> None:
    """2,500 "A/N:" paragraphs of 199 different sentences each, under the per-note cap: every sentence
    was read (4.9 s of CPU); the story's notes are read to a budget. 2.1 s on a busy machine now (its old
    bound 2.5 s): under 8 times what 625 such notes take, and under 6.5 s."""

    def page(count: int) -> bytes:
        notes, number = [], 0
        for _ in range(count):
            notes.append("A/N: " + " ".join(f"{number + step}." for step in range(199)) + " x")
            number += 199
        return ("The Weir\n\nChapter 1\n\n" + "\n\n".join(notes) + "\n\nThe weir roared.\n").encode()

    story = read_in_linear_time(page, _reader("weir.txt"), 625, ceiling=6.5)
    assert _paragraphs(story) == ["The weir roared."]
    assert len(story.chapters[0].notes) == 2500


def test_a_long_honest_note_still_declares_at_its_end_and_in_every_chapter() -> None:
    """Guard: a rambling note of 150 sentences declares in its last one, for this chapter and, said of
    the next chapter, for that one; in a book of 300 chapters each chapter's own note declares."""
    ramble = " ".join(f"Thank you, reader {number}, for the kind words." for number in range(148))
    note = f"A/N: {ramble} CW: blood. CW for the next chapter: drowning."
    chapters = f"Chapter 1\n\n{note}\n\nThe weir roared.\n\nChapter 2\n\nThe water went down.\n"
    story = import_story(f"The Weir\n\n{chapters}".encode(), "weir.txt", max_bytes=MAX_BYTES)
    assert story.chapters[0].declared_warnings == ["CW: blood"]
    assert story.chapters[1].declared_warnings == ["CW for the next chapter: drowning"]
    book = "".join(
        f"Chapter {number}\n\nA/N: Thanks for reading. Sorry for the wait. TW: fire {number}.\n\n"
        f"The weir roared {number} times.\n\n"
        for number in range(1, 301)
    )
    story = import_story(f"The Weir\n\n{book}".encode(), "weir.txt", max_bytes=MAX_BYTES)
    assert [chapter.declared_warnings for chapter in story.chapters] == [
        [f"TW: fire {number}"] for number in range(1, 301)
    ]


# -- searches of a page of tag links ---------------------------------------------------------------


def _tag_link_page(count: int) -> bytes:
    links = " ".join(f'<a class="tag" href="#tag{number}">#tag{number}</a>' for number in range(count))
    story = "<h2>Chapter 1</h2><p>The weir roared.</p>"
    return f"<html><body><h1>The Weir</h1><p>{links} and more.</p>{story}</body></html>".encode()


def test_the_readers_searches_of_a_page_of_links_ask_no_generic_strainer_of_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two dozen readers search a page's links ("a" with an href like an author's page, class_=
    "tumblr_blog" ...), each asking Beautiful Soup's generic ``SoupStrainer.matches_tag`` of every
    ``<a>`` (3 us each: 600,000 asks at the element limit, 1.3 s of a 3.3 s import). A search of names
    and attribute values is answered by its rules directly: only searches by a function ask it."""
    asked = [0]
    original = SoupStrainer.matches_tag

    def counting(self: SoupStrainer, tag: Tag) -> bool:
        asked[0] += 1
        return original(self, tag)

    monkeypatch.setattr(SoupStrainer, "matches_tag", counting)
    story = import_story(_tag_link_page(10_000), "tags.html", max_bytes=MAX_BYTES)
    assert "The weir roared." in _paragraphs(story)
    assert asked[0] <= 3 * 10_000


_SEARCHED = (
    '<html><body><p class="a b" id="p1">x<a href="/u/ada" class="tag">Ada</a><a name="n1">n</a>'
    '<a href="#n1" class="tumblr_blog other">1</a><a class="">e</a><svg:a href="/u/svg">s</svg:a></p>'
    '<p class="b">y<a href="https://x.tumblr.com/">home</a><span class="a b c" id="s1">z</span></p>'
    "</body></html>"
)


def _found(soup: BeautifulSoup) -> list[list[str]]:
    answers = []
    for root in (soup, soup.body, soup.find("p")):
        assert root is not None
        for found in (
            root.find_all("a"),
            root.find_all("a", href=True),
            root.find_all("a", href=re.compile(r"^/u/")),
            root.find_all("a", href="#n1"),
            root.find_all("a", class_="tumblr_blog"),
            root.find_all(class_="a b"),
            root.find_all(class_="b"),
            root.find_all(class_=re.compile("^c")),
            root.find_all(class_=""),
            root.find_all("a", attrs={"name": True}),
            root.find_all("a", href=False),
            root.find_all(["a", "span"], id=["s1", "p1"]),
            root.find_all(id="s1"),
            root.find_all("a", limit=2),
            root.find_all(["p", "a"], class_=["b", "tag"], limit=3),
        ):
            answers.append([f"{tag.prefix}:{tag.name}{sorted(tag.attrs.items(), key=str)}" for tag in found])
    return answers


def test_searches_answered_by_their_rules_find_what_beautiful_soups_own_search_finds() -> None:
    """Guard: names, an attribute present or absent, its value by string or pattern, a class among
    several or all of them, a prefixed tag, a limit: the page finds what Beautiful Soup's own finds."""
    assert _found(new_soup(_SEARCHED)) == _found(BeautifulSoup(_SEARCHED, "lxml"))


# -- patterns over a run of spaces ---------------------------------------------------------------


def test_a_line_of_spaces_under_a_markdown_table_head_is_read_once() -> None:
    """A Markdown table's rule was looked for with runs of spaces side by side ("[ \\t]*\\|?[ \\t]*"), which
    split a run every way there is: 20,000 spaces under a head row took 3 s of CPU, 40,000 four times that."""
    data = f"# Chapter 1\n\n| a | b |\n{' ' * 40_000}x ---\n\nThe weir roared.\n".encode()
    story, seconds = _timed(data, "table.md")
    assert seconds < 2.0
    assert "The weir roared." in _paragraphs(story)


def test_a_title_of_spaces_before_its_warning_is_read_once() -> None:
    """A title's dangling aside before its declaration ("Hospital Corners (T,") was looked for from
    every space of a run, each read to the run's end: 20,000 spaces took 1.6 s of CPU, 40,000 four
    times that. A title longer than what is read of it to show it declares nothing now."""
    data = f"Title: The Weir{' ' * 40_000}x (TW: suicide)\n\nChapter 1\n\nThe weir roared.\n".encode()
    story, seconds = _timed(data, "weir.txt")
    assert seconds < 2.0
    # past what is shown of it; the cut title says it was cut (one clipper for every cut name)
    assert (story.meta.title, story.meta.declared_warnings) == ("The Weir…", [])
    assert _paragraphs(story) == ["The weir roared."]
    story = import_story(data.replace(b" " * 40_000, b" " * 300), "weir.txt", max_bytes=MAX_BYTES)
    assert (story.meta.title, story.meta.declared_warnings) == ("The Weir x", ["TW: suicide"])


def test_a_markdown_table_and_a_title_s_dangling_aside_still_read_as_before() -> None:
    """Guard: a table's rule (aligned, spaced, without its outer bars) still makes its rows lines, and a
    title's dangling "(T," before its warning still goes."""
    for rule in ("|---|---|", " | :--- | ---: | ", "---|---", "|:---:|  ---  |"):
        text = f"# Chapter 1\n\n| Name | Count |\n{rule}\n| Socks | 4 |\n\nThe weir roared.\n"
        story = import_story(text.encode(), "table.md", max_bytes=MAX_BYTES)
        assert _paragraphs(story)[:1] == ["Name | Count\nSocks | 4"], rule
    text = "Chapter 1: Hospital Corners (T, CW: hospital)\n\nThe weir roared.\n"
    story = import_story(f"The Weir\n\n{text}".encode(), "weir.txt", max_bytes=MAX_BYTES)
    assert story.chapters[0].title == "Hospital Corners"
    assert story.chapters[0].declared_warnings == ["CW: hospital"]
