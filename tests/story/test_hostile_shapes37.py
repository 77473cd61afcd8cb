"""Hostile uploads of session 37's probe: shapes built to make parsing slow, each read in time that grows
with the file, and a guard that the honest file of the same shape still reads as it did.

Where the point is cost, CPU time (not wall time) against a bound several times what the file takes
now and well under what it took before; where the readers' growth brought a file near its bound, the
same shape at a quarter of the size read in the same test, and a ceiling (:mod:`tests.growth`)."""

from __future__ import annotations

import time

from bot.story.importer import import_story
from tests.growth import read_in_linear_time

MAX_BYTES = 4 << 20


def _paragraphs(story) -> list[str]:
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


def _timed(data: bytes, filename: str):
    start = time.process_time()
    story = import_story(data, filename, max_bytes=MAX_BYTES)
    return story, time.process_time() - start


def _reader(filename: str):
    """An import of the bytes it is given as ``filename``: what :func:`read_in_linear_time` times."""
    return lambda data: import_story(data, filename, max_bytes=MAX_BYTES)


# -- Markdown footnotes --------------------------------------------------------------------------


def test_one_markdown_footnote_called_600_000_times_is_one_note() -> None:
    """Each call was a note of its own, and each of the 600,000 notes was read for declarations
    (24 s of CPU); a definition called again is one note, as Markdown shows it."""
    data = ("# Chapter 1\n\n" + "a[^1] " * 600_000 + "\n\n[^1]: In the old style.\n").encode()
    story, seconds = _timed(data, "calls.md")
    assert seconds < 6.0
    assert story.chapters[0].notes == ["Footnote 1: In the old style."]
    assert "[^1]" not in _paragraphs(story)[0]


def test_calls_of_undefined_footnotes_over_many_chapters_cost_by_their_number() -> None:
    """Each call of a label nothing defines looked for its definition in every chapter, last first:
    500 calls in each of 1,500 chapters took 24 s of CPU. Now 4 s on a busy machine, near its old 6 s
    bound: 1,500 chapters take under 8 times what 375 take, and under 12 s."""

    def chapters(count: int) -> bytes:
        text = "".join(f"# Chapter {number}\n\nThe weir{'[^x]' * 500}\n\n" for number in range(1, count + 1))
        return (text + "[^1]: A note nothing calls.\n").encode()

    story = read_in_linear_time(chapters, _reader("undefined.md"), 375, ceiling=12.0)
    assert len(story.chapters) == 1500
    assert _paragraphs(story)[0] == "The weir" + "[^x]" * 500


def test_markdown_footnotes_called_again_and_across_chapters_are_noted_where_called() -> None:
    """Guard: a label called twice in a chapter is one note of it, a book's definition called from
    two chapters a note of each, the calls dropped from the text."""
    text = (
        "# The Wolf\n\n## Chapter 1\n\nThe wolf came.[^1] It came again.[^1] Ada ran.[^2]\n\n"
        "## Chapter 2\n\nShe hid.[^2]\n\n[^1]: Grey wolves.\n[^2]: The loft over the forge.\n"
    )
    story = import_story(text.encode(), "wolf.md", max_bytes=MAX_BYTES)
    assert [chapter.notes for chapter in story.chapters] == [
        ["Footnote 1: Grey wolves.", "Footnote 2: The loft over the forge."],
        ["Footnote 2: The loft over the forge."],
    ]
    assert _paragraphs(story) == ["The wolf came. It came again. Ada ran.", "She hid."]


# -- HTML -----------------------------------------------------------------------------------------

_WAYBACK_BEGIN = "<!-- BEGIN WAYBACK TOOLBAR INSERT -->"
_WAYBACK_END = "<!-- END WAYBACK TOOLBAR INSERT -->"


def _page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>The Weir</title></head><body>{body}</body></html>".encode()


def test_wayback_toolbar_comments_by_the_ten_thousand_are_read_in_one_pass() -> None:
    """Each "BEGIN WAYBACK TOOLBAR INSERT" comment walked every sibling after it looking for its END:
    5,000 of them took 8 s of CPU, 20,000 over 90 s."""
    data = _page("<h1>Chapter 1</h1><p>The weir roared.</p>" + f"{_WAYBACK_BEGIN}<p>tb</p>" * 10_000)
    story, seconds = _timed(data, "wayback.html")
    assert seconds < 5.0
    assert _paragraphs(story)[0] == "The weir roared."


def test_a_wayback_toolbar_is_still_dropped_and_an_unclosed_one_keeps_the_text() -> None:
    """Guard: the toolbar between its BEGIN and END goes; after a BEGIN with no END the text stays."""
    toolbar = f"{_WAYBACK_BEGIN}<div><p>Wayback Machine</p><p>2 captures</p></div>{_WAYBACK_END}"
    story = import_story(_page(toolbar + "<h1>Chapter 1</h1><p>The weir roared.</p>"), "w.html", max_bytes=MAX_BYTES)
    assert _paragraphs(story) == ["The weir roared."]
    story = import_story(
        _page(f"<h1>Chapter 1</h1>{_WAYBACK_BEGIN}<p>The weir roared.</p>"), "w.html", max_bytes=MAX_BYTES
    )
    assert _paragraphs(story) == ["The weir roared."]


def test_asides_nested_20_000_deep_are_read_in_time_that_grows_with_them() -> None:
    """Each of the first 2,000 asides was read whole to ask whether it only warns, down the whole
    depth under it: 20,000 nested asides took 11.5 s of CPU (1 s then, 2.1 s on a busy machine now, near
    its old 4 s bound): 20,000 deep takes under 8 times what 5,000 deep takes, and under 6 s."""

    def nested(depth: int) -> bytes:
        return _page("<h1>Chapter 1</h1><p>The weir roared.</p>" + "<aside>a" * depth + "<p>y</p>" + "</aside>" * depth)

    story = read_in_linear_time(nested, _reader("asides.html"), 5_000, ceiling=6.0)
    assert _paragraphs(story)[0] == "The weir roared."


def test_an_aside_that_warns_still_declares_beside_nested_ones() -> None:
    """Guard: a small aside that only warns is read and declares, nested asides or not."""
    body = (
        "<h1>Chapter 1</h1><p>The weir roared.</p>"
        + "<aside>" * 50
        + "<p>y</p>"
        + "</aside>" * 50
        + "<aside><p>CW: a <em>death</em>.</p></aside><p>Nobody slept.</p>"
    )
    story = import_story(_page(body), "asides.html", max_bytes=MAX_BYTES)
    assert story.chapters[0].declared_warnings == ["CW: a death"]
    assert "Nobody slept." in _paragraphs(story)


# -- callouts -------------------------------------------------------------------------------------

_CALLOUT = (
    '<div class="callout" data-callout="note"><div class="callout-title">Note</div><div class="callout-content">a'
)


def test_callouts_nested_8_000_deep_are_read_in_time_that_grows_with_them() -> None:
    """A note box read the notes of the boxes inside it again, so each of 2,000 nested callouts read
    the text of all those under it (8,000 deep: 11 s of CPU); past MAX_NOTE_BOX_DEPTH a box is text.
    8,000 deep now takes some 4.5 s, and under 8 times what 2,000 deep takes (16 if quadratic)."""

    def nested(depth: int) -> bytes:
        return _page(
            "<h1>Chapter 1</h1><p>The weir roared.</p>" + _CALLOUT * depth + "<p>y</p>" + "</div></div>" * depth
        )

    story = read_in_linear_time(nested, _reader("callouts.html"), 2000, ceiling=13.5)
    assert _paragraphs(story)[0] == "The weir roared."


def test_callouts_nested_a_few_deep_are_still_notes() -> None:
    """Guard: three nested note callouts read as before, the inner notes in the outer one's."""
    depth = 3
    body = "<h1>Chapter 1</h1><p>x</p>" + _CALLOUT * depth + "<p>y</p>" + "</div></div>" * depth + "<p>More.</p>"
    story = import_story(_page(body), "callouts.html", max_bytes=MAX_BYTES)
    assert _paragraphs(story) == ["x"]
    assert story.chapters[0].notes == ["a\nA/N: a\ny", "a", "More."]


def test_45_000_leading_markdown_callouts_are_read_in_one_pass() -> None:
    """Each callout over the story was spliced into the file's lines and the lines after it copied:
    45,000 "> [!note]" callouts took 10 s of CPU; now some 2.6 s, and under 8 times what 11,250 take."""

    def callouts(count: int) -> bytes:
        return ("> [!note]\n> Drafted in May.\n\n" * count + "# Chapter 1\n\nThe weir roared.\n").encode()

    story = read_in_linear_time(callouts, _reader("callouts.md"), 11_250, ceiling=8.0)
    assert _paragraphs(story) == ["The weir roared."]


def test_leading_markdown_callouts_still_give_the_header() -> None:
    """Guard: warnings, summary and note callouts over the story are its header's fields."""
    text = (
        "# The Weir\n\n> [!warning] Content warnings\n> blood, drowning\n\n> [!abstract]\n> A weir and a flood.\n\n"
        "> [!note]\n> Drafted in May.\n\n## Chapter 1\n\nThe river.\n"
    )
    story = import_story(text.encode(), "weir.md", max_bytes=MAX_BYTES)
    assert story.meta.declared_warnings == ["Content warnings: blood, drowning"]
    assert story.meta.summary == "A weir and a flood."
    assert _paragraphs(story) == ["The river."]


# -- tag links ------------------------------------------------------------------------------------


def _tag_links(count: int) -> str:
    return " ".join(f'<a class="tag" href="#tag{number}">#tag{number}</a>' for number in range(count))


def test_30_000_tag_links_in_a_paragraph_are_read_in_time_that_grows_with_them() -> None:
    """Each Obsidian tag link ("#tag") asked whether the paragraph around it holds only tags, reading
    the paragraph's text a word at a time, then whether it is alone in it (1,000 took 4.6 s of CPU,
    30,000 ran past 90 s). 30,000 now take some 5 s on a busy machine, near their old 6 s bound: they
    take under 8 times what 7,500 take, and under 15 s."""

    def links(count: int) -> bytes:
        body = f"<h1>The Weir</h1><p>{_tag_links(count)} and the weir.</p><h2>Chapter 1</h2><p>The weir roared.</p>"
        return _page(body)

    story = read_in_linear_time(links, _reader("tags.html"), 7_500, ceiling=15.0)
    assert story.meta.additional_tags[:2] == ["tag0", "tag1"]
    assert "The weir roared." in _paragraphs(story)


def test_a_post_s_tag_list_is_still_its_tags_and_no_text() -> None:
    """Guard: a block of tag links under its label is read as the tags and goes; a tag link in a
    sentence keeps the sentence."""
    body = (
        f"<h1>The Weir</h1><div><b>Tags:</b> {_tag_links(5)}</div><h2>Chapter 1</h2><p>The weir roared.</p>"
        '<p>She read <a class="tag" href="#later">#later</a> in the margin.</p>'
    )
    story = import_story(_page(body), "tags.html", max_bytes=MAX_BYTES)
    assert story.meta.additional_tags == ["tag0", "tag1", "tag2", "tag3", "tag4", "later"]
    assert _paragraphs(story) == ["The weir roared.", "She read #later in the margin."]


# -- runs of spaces -------------------------------------------------------------------------------


def test_a_line_of_a_million_spaces_is_read_once() -> None:
    """A contents entry's pattern ("Taxation      9") let the entry end anywhere in a run of spaces and
    read the rest of the run as the separator from each of those places: "CW:", a million spaces and
    "blood" took 6.4 s of CPU as text, 5.7 s as Markdown."""
    line = "CW:" + " " * 1_000_000 + "blood"
    for name in ("weir.txt", "weir.md"):
        story, seconds = _timed(f"The Weir\n\nChapter 1\n\n{line}\n\nThe weir roared.\n".encode(), name)
        assert seconds < 3.0
        assert "The weir roared." in _paragraphs(story)


def test_a_printed_book_s_contents_entries_are_still_read_with_their_pages() -> None:
    """Guard: entries with their pages, run together or a line each, dotted or spaced, still read so."""
    from bot.story.contents_lists import PAGED_ENTRY, paged_run

    assert paged_run("Taxation      9 Condition of the People      11 The Court . . . . 15") == 3
    assert paged_run("Taxation      9 and then the story went on") == 0
    assert PAGED_ENTRY.match("  Character of Louis XVI.                                             19")
    assert PAGED_ENTRY.match("The Monarchy in France . . . . . . xii")
    assert not PAGED_ENTRY.match("She counted 12 boats.")


# -- note sentences -------------------------------------------------------------------------------


def test_a_note_of_a_million_stops_is_not_read_a_stop_at_a_time() -> None:
    """ "A/N: . . . . x" split into a million sentences of a stop each, every one read for declarations
    (4.3 s of CPU); a sentence of stops and spaces says nothing, and one said again is read once.
    A million take 1.5 s on a busy machine, near their old 2.5 s bound: under 8 times what 250,000 take,
    and under 4.5 s."""

    def stops(count: int) -> bytes:
        return f"The Weir\n\nChapter 1\n\nA/N: {'. ' * count}x\n\nThe weir roared.\n".encode()

    story = read_in_linear_time(stops, _reader("weir.txt"), 250_000, ceiling=4.5)
    assert _paragraphs(story) == ["The weir roared."]


def test_a_note_s_declarations_between_stops_and_said_twice_still_declare() -> None:
    """Guard: the warnings in a note of stops and repeated sentences still declare, for the chapter
    each sentence names."""
    note = "A/N: Thanks for reading. . . . CW: blood. . . CW: blood. CW for the next chapter: drowning."
    chapters = f"Chapter 1\n\n{note}\n\nThe weir roared.\n\nChapter 2\n\nThe water went down.\n"
    story = import_story(f"The Weir\n\n{chapters}".encode(), "weir.txt", max_bytes=MAX_BYTES)
    assert story.chapters[0].declared_warnings == ["CW: blood"]
    assert story.chapters[1].declared_warnings == ["CW for the next chapter: drowning"]


def test_a_warnings_label_over_a_run_of_spaces_is_read_once() -> None:
    """A label of warnings by chapter ("CW by chapter:") was looked for with two runs of spaces side by
    side: "CWs", 20,000 spaces and "below!" split the run every way there is (5 s of CPU)."""
    head = "CWs" + " " * 20_000 + "below!\n- blood\n- death"
    story, seconds = _timed(f"The Weir\n\nChapter 1\n\n{head}\n\nThe weir roared.\n".encode(), "weir.txt")
    assert seconds < 1.5
    assert "The weir roared." in _paragraphs(story)


def test_warnings_listed_by_chapter_are_still_given_to_their_chapters() -> None:
    """Guard: a title page's "Content warnings by chapter:" list still warns each chapter it names."""
    head = "Content warnings by chapter:\nChapter 1: none\nChapter 2: blood, self-harm"
    chapters = "Chapter 1\n\nThe weir roared.\n\nChapter 2\n\nThe water went down.\n"
    story = import_story(f"The Weir\nby Ann\n\n{head}\n\n{chapters}".encode(), "weir.txt", max_bytes=MAX_BYTES)
    assert story.chapters[0].declared_warnings == []
    assert story.chapters[1].declared_warnings
