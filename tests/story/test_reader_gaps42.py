"""Story files misread, found in the forty-second session's ninth round of reading (files of the shapes
real exports take, written for it; the probe files stay out of the repository):

- a text copied out of a PDF with no chapter heading, each page's number beside its running head
  (the book's title or its author's name, "THE SALT MARSH" / "12", or on one line, "HELEN ROOK    13"):
  each number headed a chapter of its own titled by the running head; now one chapter, the numbers
  and heads dropped and a sentence the page cut joined again; the title page the heads repeat
  ("THE SALT MARSH" / "Helen Rook", no "by") names the story;
- a part's label, one rule in every reader: a part heads the chapter that opens it, "Part One: Roots
  — The Gate" (the excerpt header's "Chapter 2: Part One: Roots — The Gate"), the chapters after it
  their own titles; a part that is itself the chapter keeps its label ("Part 3: Ashes"). An EPUB's
  part page of headings alone was left out, and a part named in the chapter's heading ("Book Two -
  Chapter 4: The Ford") dropped, or kept whole as AO3's title; a named heading in capitals keeps
  them as a part's does ("INTERLUDE: THE MESSENGER");
- FanFiction.net's page as a phone saves it, its <title> the site's alone: its chapter's number;
- Fimfiction's .txt chapter banners, its .epub title page repeating the blurb, a Tumblr copy's
  "Follow" under the blog's name, a serial's contents list naming its arcs, Google Docs' numbered
  bold chapter lines, a LiveJournal entry's poster and "Leave a comment", a Patreon post's date, a
  title in capitals beside a <title> in mixed case, a short afterword of the author's thanks, a name
  alone over a header's field line, a one-act play's cast list.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.builders import Ao3Chapter, Ao3Work, ao3_epub, ao3_html, epub_bytes, xhtml
from tests.story.test_reader_gaps40 import PROSE


def _read(text: str, name: str):
    return import_story(text.encode(), name, max_bytes=1 << 20)


# A PDF's text: page numbers beside running heads, no chapter heading.

PAGE = "\n\n".join(PROSE)


def _paged(furniture, top: str = "The Salt Marsh\n\nby Helen Rook\n\n") -> str:
    return top + "".join(f"{PAGE}\n\n{furniture(number)}\n\n" for number in range(1, 7))


@pytest.mark.parametrize(
    "furniture",
    [
        lambda number: f"{number}\n\nTHE SALT MARSH",
        lambda number: f"THE SALT MARSH\n{number}",
        lambda number: f"{number}\n\n{'HELEN ROOK' if number % 2 else 'THE SALT MARSH'}",
        lambda number: f"HELEN ROOK    {number}" if number % 2 else f"{number}    THE SALT MARSH",
    ],
    ids=["head-under", "head-over", "facing-pages", "one-line"],
)
@pytest.mark.parametrize("top", ["The Salt Marsh\n\nby Helen Rook\n\n", ""], ids=["title-page", "no-title-page"])
def test_page_numbers_beside_running_heads_are_dropped(furniture, top: str) -> None:
    story = _read(_paged(furniture, top), "marsh.txt")
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs == PROSE * 6


@pytest.mark.parametrize("facing", [True, False], ids=["title-and-author-heads", "title-head"])
def test_a_title_page_the_running_heads_repeat_names_the_story(facing: bool) -> None:
    """ "THE SALT MARSH" / "Helen Rook" over a paged text, no "by": the title and author, not its first paragraphs."""
    text = _paged(
        lambda number: f"{number}\n\n{'HELEN ROOK' if facing and number % 2 else 'THE SALT MARSH'}",
        "THE SALT MARSH\n\nHelen Rook\n\n\n",
    )
    story = _read(text, "marsh.txt")
    assert (story.meta.title, story.meta.author) == ("THE SALT MARSH", "Helen Rook")
    assert story.chapters[0].paragraphs == PROSE * 6


def test_a_sentence_cut_by_a_page_is_joined() -> None:
    text = f"{PAGE}\n\n1\n\nTHE SALT MARSH\n\nShe walked down to the harbour where the boats were\n\n2\n\nTHE SALT MARSH\n\n"
    text += f"drawn up for the winter.\n\n3\n\nTHE SALT MARSH\n\n{PAGE}\n"
    story = _read(text, "marsh.txt")
    assert (
        "She walked down to the harbour where the boats were drawn up for the winter." in story.chapters[0].paragraphs
    )


def test_numbered_sections_with_a_repeated_line_that_does_not_count_up_stay() -> None:
    """Guard: numbers that do not count up beside a repeated line are no pages."""
    text = "".join(f"{number}\n\nThe Bell\n\n{PAGE}\n\n" for number in (3, 1, 2))
    story = _read(text, "bell.txt")
    assert (
        sum(paragraph == "The Bell" for chapter in story.chapters for paragraph in chapter.paragraphs)
        + sum(chapter.title == "The Bell" for chapter in story.chapters)
        >= 1
    )


def test_numbered_sections_without_running_heads_stay_chapters() -> None:
    """Guard: "1", "2", "3" over each section's prose, nothing repeated beside them: its chapters."""
    text = "The Bell\n\nby Ann Lee\n\n" + "".join(f"{number}\n\n{PAGE}\n\n" for number in (1, 2, 3))
    assert len(_read(text, "bell.txt").chapters) == 3


# An EPUB's part pages: a page of headings only ("Part One" / "Roots") before its first chapter's page.

PAGE_HTML = "".join(f"<p>{text}</p>" for text in PROSE)


def _parted_epub(part_page: str) -> bytes:
    docs = [
        ("pro.xhtml", xhtml(f"<h1>Prologue</h1>{PAGE_HTML}")),
        ("p1.xhtml", xhtml(part_page.format(number="One", name="Roots"))),
        ("c1.xhtml", xhtml(f"<h1>Chapter 1</h1><h2>The Gate</h2>{PAGE_HTML}")),
        ("c2.xhtml", xhtml(f"<h1>Chapter 2</h1>{PAGE_HTML}")),
        ("p2.xhtml", xhtml(part_page.format(number="Two", name="Fruit"))),
        ("c3.xhtml", xhtml(f"<h1>Chapter 3</h1><h2>The Harvest</h2>{PAGE_HTML}")),
    ]
    nav = [(name.split(".")[0], name) for name, _ in docs]
    return epub_bytes(docs, nav_points=nav, title="The Bone Orchard", author="Dariela Montes")


@pytest.mark.parametrize(
    "part_page",
    ["<h1 class='part'>Part {number}</h1><h2>{name}</h2>", "<h1>Part {number}: {name}</h1>"],
    ids=["two-headings", "one-heading"],
)
def test_an_epub_part_page_heads_its_first_chapter_as_a_text_files_part_line_does(part_page: str) -> None:
    titles = ["Prologue", "Part One: Roots — The Gate", None, "Part Two: Fruit — The Harvest"]
    story = import_story(_parted_epub(part_page), "orchard.epub", max_bytes=1 << 22)
    assert [chapter.title for chapter in story.chapters] == titles
    text = "Prologue\n\n{p}\n\nPART ONE\nRoots\n\nChapter 1: The Gate\n\n{p}\n\nChapter 2\n\n{p}\n\n"
    text += "PART TWO\nFruit\n\nChapter 3: The Harvest\n\n{p}\n"
    assert [chapter.title for chapter in _read(text.format(p=PAGE), "orchard.txt").chapters] == titles


def test_an_epub_page_of_headings_alone_that_is_no_part_is_still_left_out() -> None:
    """Guard: a page of a heading alone that names no part ("Maps") is not a chapter's."""
    docs = [
        ("maps.xhtml", xhtml("<h1>Maps</h1>")),
        ("c1.xhtml", xhtml(f"<h1>Chapter 1</h1>{PAGE_HTML}")),
        ("c2.xhtml", xhtml(f"<h1>Chapter 2</h1>{PAGE_HTML}")),
    ]
    story = import_story(epub_bytes(docs, nav_points=[("Chapter 1", "c1.xhtml")]), "b.epub", max_bytes=1 << 22)
    assert [chapter.title for chapter in story.chapters] == [None, None]


# A chapter's heading naming its part on the same line ("Book Two - Chapter 4: The Ford").

WITHIN = ["Book One - Chapter 1: The Gate", "Book One - Chapter 2: The Hill", "Book Two - Chapter 3: The Ford"]
WITHIN_TITLES = ["Book One — The Gate", "The Hill", "Book Two — The Ford"]


def test_a_part_named_in_a_chapters_heading_heads_the_first_chapter_of_it_in_text() -> None:
    text = "The Long Road\nby Ann Lee\n\n" + "".join(f"{heading}\n\n{PAGE}\n\n" for heading in WITHIN)
    assert [chapter.title for chapter in _read(text, "road.txt").chapters] == WITHIN_TITLES
    markdown = "# The Long Road\n\n" + "".join(f"## {heading}\n\n{PAGE}\n\n" for heading in WITHIN)
    assert [chapter.title for chapter in _read(markdown, "road.md").chapters] == WITHIN_TITLES


def test_a_part_named_in_a_chapters_heading_as_ao3_titles_it() -> None:
    """AO3 shows such a title whole ("Chapter 1: Book One - Chapter 1: The Gate"): read as the text's heading."""
    work = Ao3Work(chapters=[Ao3Chapter(f"Chapter {n}: {heading}", PROSE) for n, heading in enumerate(WITHIN, 1)])
    for name, data in (("road.html", ao3_html(work).encode()), ("road.epub", ao3_epub(work))):
        story = import_story(data, name, max_bytes=1 << 22)
        assert [chapter.title for chapter in story.chapters] == WITHIN_TITLES


def test_a_part_word_named_in_a_chapters_heading_heads_the_first_chapter_of_it() -> None:
    """ "Part One - Chapter 1: The Gate" as "Book One - Chapter 1: The Gate" is read (it was a part titled "Chapter 1: The Gate")."""
    headings = [heading.replace("Book", "Part") for heading in WITHIN]
    text = "The Long Road\nby Ann Lee\n\n" + "".join(f"{heading}\n\n{PAGE}\n\n" for heading in headings)
    titles = [title.replace("Book", "Part") if title else title for title in WITHIN_TITLES]
    assert [chapter.title for chapter in _read(text, "road.txt").chapters] == titles


def test_a_part_line_over_the_chapter_naming_it_is_not_said_twice() -> None:
    """Guard: "BOOK TWO" over "Book 2, Chapter 4: The Ford" heads it once."""
    text = f"BOOK TWO\n\nBook 2, Chapter 4: The Ford\n\n{PAGE}\n\nBook 2, Chapter 5: The Hill\n\n{PAGE}\n"
    assert [chapter.title for chapter in _read(text, "road.txt").chapters] == ["Book Two — The Ford", "The Hill"]


def test_ao3_titles_naming_no_part_stay_as_written() -> None:
    """Guard: AO3 titles naming no part in a chapter heading ("Part One: Roots") are the author's words."""
    titles = ["Part One: Roots", "The Ford"]
    work = Ao3Work(chapters=[Ao3Chapter(f"Chapter {n}: {title}", PROSE) for n, title in enumerate(titles, 1)])
    assert [
        chapter.title for chapter in import_story(ao3_html(work).encode(), "w.html", max_bytes=1 << 22).chapters
    ] == titles


# A named heading in capitals over its title in capitals, as a part's is kept.


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("INTERLUDE: THE MESSENGER", "INTERLUDE: THE MESSENGER"),
        ("Interlude: The Messenger", "Interlude: The Messenger"),
        ("INTERLUDE", "Interlude"),
    ],
)
def test_a_named_heading_in_capitals_reads_as_a_parts_does(heading: str, title: str) -> None:
    text = f"Ninefold\nby C. Orley\n\nBOOK ONE: THE NORTH\n\nCHAPTER I\n\n{PAGE}\n\n{heading}\n\n{PAGE}\n"
    assert [chapter.title for chapter in _read(text, "ninefold.txt").chapters] == ["BOOK ONE: THE NORTH", title]


# FanFiction.net's chapter page as a phone saves it, its <title> the site's alone: the chapter's number.

NOTE_PAGE = "<p>A/N: heads up, chapter 2 contains self-harm.</p>" + PAGE_HTML


@pytest.mark.parametrize(
    ("name_line", "count_line"),
    [
        ("<div align='center'>2. Snowbound</div>", ""),
        ("", "<div align='center'>Chapter 2 of 9</div>"),
        ("<div align='center'>Snowbound</div>", "<div align='center'>Chapter 2 of 9</div>"),
    ],
    ids=["numbered-name", "count-line", "both"],
)
def test_a_phone_saved_ffn_page_keeps_its_chapters_number(name_line: str, count_line: str) -> None:
    page = (
        "<html><head><title>FanFiction</title></head><body><div id='content'><div align='center'><b>The Long Winter</b>"
        f" by <a href='/u/77812/snowfall_scribe'>snowfall_scribe</a></div>{name_line}"
        f"<div class='storycontent nocopy' id='storycontent'>{NOTE_PAGE}</div>"
        f"<div align='center'><a href='/s/123/3/'>Next »</a></div>{count_line}</div></body></html>"
    )
    story = import_story(page.encode(), "winter.html", max_bytes=1 << 20)
    assert story.chapters[0].heading_number == 2
    assert story.chapters[0].declared_warnings  # "chapter 2 contains self-harm" names this chapter
    assert story.chapters[0].paragraphs == PROSE


def test_a_phone_saved_ffn_page_with_no_number_is_chapter_one() -> None:
    """Guard: with no number anywhere, the page names no chapter but its own."""
    page = (
        "<html><head><title>FanFiction</title></head><body><div id='content'><div align='center'><b>The Long Winter</b>"
        f" by <a href='/u/77812/snowfall_scribe'>snowfall_scribe</a></div>"
        f"<div class='storycontent nocopy' id='storycontent'>{PAGE_HTML}</div></div></body></html>"
    )
    assert import_story(page.encode(), "winter.html", max_bytes=1 << 20).chapters[0].heading_number is None


# Fimfiction's plain-text download: each chapter under a banner of comment slashes.

BANNER = "//------------------------------//\n// {title}\n// Story: The Long Night\n// by StarlitQuill\n//------------------------------//"


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_fimfiction_chapter_banners_head_its_chapters(newline: str) -> None:
    text = "The Long Night\nby StarlitQuill\n\n" + "".join(
        f"{BANNER.format(title=title)}\n\n{PAGE}\n\n" for title in ("Twilight Falls", "Chapter 2: Moonrise")
    )
    story = _read(text.replace("\n", newline), "night.txt")
    assert (story.meta.title, story.meta.author) == ("The Long Night", "StarlitQuill")
    assert [chapter.title for chapter in story.chapters] == ["Twilight Falls", "Moonrise"]
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_blurb_over_fimfictions_first_banner_is_the_summary() -> None:
    blurb = "Twilight walks into a night that will not end."
    text = f"The Long Night\nby StarlitQuill\n\n{blurb}\n\n" + "".join(
        f"{BANNER.format(title=title)}\n\n{PAGE}\n\n" for title in ("Twilight Falls", "Moonrise")
    )
    story = _read(text, "night.txt")
    assert story.meta.summary == blurb
    assert [(chapter.title, chapter.heading_number) for chapter in story.chapters] == [
        ("Twilight Falls", 1),
        ("Moonrise", 2),
    ]


def test_a_rule_of_slashes_without_the_banners_lines_stays_text() -> None:
    """Guard: "//----//" around a line that names no story is the story's own text."""
    text = (
        f"{PAGE}\n\n//------------------------------//\n// end of log\n//------------------------------//\n\n{PAGE}\n"
    )
    story = _read(text, "log.txt")
    assert len(story.chapters) == 1
    assert any("end of log" in paragraph for paragraph in story.chapters[0].paragraphs)


# A Tumblr post copied as text with the blog's "Follow" button under its name.


@pytest.mark.parametrize("button", ["Follow", "Follow\n"], ids=["title-under", "title-apart"])
def test_a_tumblr_copy_with_the_follow_button_under_the_blogs_name(button: str) -> None:
    text = (
        f"inkwell-writes\n{button}\nThe Salt Bride\n\nWarnings: blood, mentions of death\n\n{PAGE}\n\n"
        "#my writing #original fic\n\n1,234 notes\n"
    )
    story = _read(text, "post.txt")
    assert (story.meta.title, story.meta.author) == ("The Salt Bride", "inkwell-writes")
    assert story.meta.declared_warnings
    assert story.chapters[0].paragraphs == PROSE


def test_a_name_over_other_words_is_no_blogs() -> None:
    """Guard: "inkwell-writes" / "Follow me" is no name and its button."""
    text = f"inkwell-writes\nFollow me\nThe Salt Bride\n\n{PAGE}\n\n#my writing #original fic\n\n1,234 notes\n"
    assert _read(text, "post.txt").meta.author != "inkwell-writes"


# An EPUB's title page repeating the package's description under the title and author (Fimfiction's).

BLURB42 = "Twilight walks into a night that will not end."


def _titled_epub(title_page: str) -> bytes:
    docs = [
        ("title.html", xhtml(title_page)),
        ("chapter-1.html", xhtml(f"<h1>Twilight Falls</h1>{PAGE_HTML}")),
        ("chapter-2.html", xhtml(f"<h1>Moonrise</h1>{PAGE_HTML}")),
    ]
    nav = [("Title", "title.html"), ("Twilight Falls", "chapter-1.html"), ("Moonrise", "chapter-2.html")]
    return epub_bytes(
        docs, nav_points=nav, title="The Long Night", author="StarlitQuill", description=f"<p>{BLURB42}</p>"
    )


def test_an_epub_title_page_repeating_the_description_is_no_chapter() -> None:
    data = _titled_epub(f"<h1>The Long Night</h1><h2>by StarlitQuill</h2><p>{BLURB42}</p>")
    story = import_story(data, "night.epub", max_bytes=1 << 22)
    assert (story.meta.title, story.meta.author, story.meta.summary) == ("The Long Night", "StarlitQuill", BLURB42)
    assert [chapter.title for chapter in story.chapters] == ["Twilight Falls", "Moonrise"]


def test_an_epub_title_page_with_other_words_under_it_keeps_them() -> None:
    """Guard: a paragraph under the title that the description does not hold is not dropped."""
    data = _titled_epub("<h1>The Long Night</h1><h2>by StarlitQuill</h2><p>The moon had not risen for a week.</p>")
    story = import_story(data, "night.epub", max_bytes=1 << 22)
    assert any("The moon had not risen" in p for chapter in story.chapters for p in chapter.paragraphs)


# A web serial's contents list naming its arcs over their chapters, arcs named nowhere else.


def test_a_contents_list_with_arc_lines_over_its_entries_is_no_chapter() -> None:
    text = (
        "Pale Tides\nA web serial by Rowan Vey\n\nTable of Contents\n\nArc 1: Low Water\nChapter 1 – Ashes\n"
        "Chapter 2 – Embers\nArc 2: High Water\nChapter 3 – Flood\n\n"
        + "".join(f"Chapter {n} – {name}\n\n{PAGE}\n\n" for n, name in [(1, "Ashes"), (2, "Embers"), (3, "Flood")])
    )
    story = _read(text, "tides.txt")
    assert [chapter.title for chapter in story.chapters] == ["Ashes", "Embers", "Flood"]
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * 3


def test_an_arc_heading_the_story_after_its_contents_list_stays_its_part() -> None:
    """Guard: the arc standing again over its first chapter's text heads that chapter."""
    text = (
        "Pale Tides\nby Rowan Vey\n\nTable of Contents\n\nArc 1: Low Water\nChapter 1 – Ashes\nChapter 2 – Embers\n\n"
        f"Arc 1: Low Water\n\nChapter 1 – Ashes\n\n{PAGE}\n\nChapter 2 – Embers\n\n{PAGE}\n"
    )
    assert [chapter.title for chapter in _read(text, "tides.txt").chapters] == ["Arc 1: Low Water — Ashes", "Embers"]


# Google Docs' "Download as HTML": chapters as numbered titles in bold paragraphs ("1. The Well").

DOCS_STYLE = "<style type='text/css'>.c3{text-align:center}.c5{font-weight:700}.c0{margin:0}</style>"


def _docs_page(names: list[str]) -> str:
    body = "".join(
        f"<p class='c3'><span class='c5'>{name}</span></p>"
        + "".join(f"<p class='c0'><span class='c1'>{text}</span></p>" for text in PROSE)
        for name in names
    )
    return (
        f"<html><head><meta content='text/html; charset=UTF-8' http-equiv='content-type'>{DOCS_STYLE}</head>"
        "<body class='c7 doc-content'><p class='c3'><span class='c5'>Well of Stars</span></p>"
        f"<p class='c3'><span class='c1'>by juniper_ink</span></p>{body}</body></html>"
    )


def test_numbered_titles_in_paragraphs_of_their_own_head_a_pages_chapters() -> None:
    story = _read(_docs_page(["1. The Well", "2. The Rope", "3. The Wish"]), "well.html")
    assert (story.meta.title, story.meta.author) == ("Well of Stars", "juniper_ink")
    assert [chapter.title for chapter in story.chapters] == ["The Well", "The Rope", "The Wish"]
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * 3


def test_numbered_titles_that_do_not_count_up_stay_text() -> None:
    """Guard: "1. The Well" / "3. The Wish" skip a number: a list, not chapters."""
    story = _read(_docs_page(["1. The Well", "3. The Wish"]), "well.html")
    assert len(story.chapters) == 1


# A LiveJournal entry page in its current layout: the poster in "b-singlepost-author", "Leave a comment" under it.


def _lj_entry(author_box: str) -> str:
    user = "<span class='ljuser' lj:user='moth_and_flame'><a href='https://moth-and-flame.livejournal.com/'>moth_and_flame</a></span>"
    return (
        "<html><head><title>Fic: Glass Birds - moth_and_flame</title></head><body><div class='b-singlepost'>"
        f"<h1 class='b-singlepost-title'>Fic: Glass Birds</h1><div class='{author_box}'>{user}</div>"
        "<div class='b-singlepost-body'>Title: Glass Birds<br/>Warnings: self-harm<br/><br/>"
        + "<br/><br/>".join(PROSE)
        + "</div></div><div class='b-tree'><div class='b-tree-twig'>Leave a comment</div></div></body></html>"
    )


def test_a_livejournal_entry_names_its_poster_and_leaves_its_comment_link_out() -> None:
    story = _read(_lj_entry("b-singlepost-author"), "entry.html")
    assert (story.meta.title, story.meta.author) == ("Glass Birds", "moth_and_flame")
    assert story.chapters[0].paragraphs == PROSE


def test_a_user_in_a_comments_author_box_is_not_the_entrys_poster() -> None:
    """Guard: a box of a comment's author names no poster of the entry."""
    assert _read(_lj_entry("b-leaf-author"), "entry.html").meta.author != "moth_and_flame"


# A Patreon post saved from the browser: its date over the text.


def test_a_patreon_posts_date_is_not_its_first_paragraph() -> None:
    page = (
        "<html><head><title>Salt Roads — Chapter 12: The Ford | Patreon</title></head><body>"
        "<div data-tag='post-card'><span data-tag='post-title'>Salt Roads — Chapter 12: The Ford</span>"
        f"<div data-tag='post-published-at'>March 3</div><div data-tag='post-content'>{PAGE_HTML}</div></div></body></html>"
    )
    story = _read(page, "post.html")
    assert story.chapters[0].paragraphs == PROSE


# A title set in capitals over a page whose <title> writes the same words in mixed case.


def _capital_title_page(page_title: str) -> str:
    return (
        f"<html><head><title>{page_title}</title></head><body><p align=center><b>SALT ROADS</b></p>"
        f"<p align=center>by Tomas Reyes</p><p><b>CHAPTER ONE</b></p>{PAGE_HTML}<p><b>CHAPTER TWO</b></p>{PAGE_HTML}</body></html>"
    )


def test_a_title_in_capitals_takes_the_pages_title_case() -> None:
    story = _read(_capital_title_page("Salt Roads"), "roads.htm")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Tomas Reyes")


def test_a_title_in_capitals_stays_where_the_page_names_other_words() -> None:
    """Guard: a <title> of other words ("Draft 3") says nothing of the title's case."""
    assert _read(_capital_title_page("Draft 3"), "roads.htm").meta.title == "SALT ROADS"


# A short afterword in which the author thanks the reader, closing the book.

THANKS = "I wrote this book over three winters. Thank you for reading it."


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("AFTERWORD", "ninefold.txt"),
        ("Afterword", "ninefold.txt"),
        ("Afterword", "ninefold.md"),
        ("Author's Afterword", "ninefold.md"),
    ],
)
def test_a_short_afterword_of_the_authors_is_the_storys_note(heading: str, name: str) -> None:
    mark = "## " if name.endswith(".md") else ""
    text = f"Ninefold\n\nby C. Orley\n\n{mark}Chapter 1\n\n{PAGE}\n\n{mark}Chapter 2\n\n{PAGE}\n\n{mark}{heading}\n\n{THANKS}\n"
    story = _read(text, name)
    assert len(story.chapters) == 2
    assert any(THANKS in note for note in story.meta.notes)


@pytest.mark.parametrize(
    "afterword",
    [
        "Years later, Iris came back to the farm. The river had moved, and the bell was silent.",
        "\n\n".join([PAGE] * 20),
    ],
    ids=["story-goes-on", "long-essay"],
)
def test_an_afterword_that_goes_on_with_the_story_or_is_long_stays_a_chapter(afterword: str) -> None:
    text = f"Ninefold\n\nby C. Orley\n\nChapter 1\n\n{PAGE}\n\nChapter 2\n\n{PAGE}\n\nAfterword\n\n{afterword}\n"
    assert [chapter.title for chapter in _read(text, "ninefold.txt").chapters] == [None, None, "Afterword"]


# A title page's name alone over the header's field line ("Wren Hale" / "Rating: T | CW: grief, blood").


@pytest.mark.parametrize("name", ["story.txt", "story.html"])
def test_a_name_over_a_field_line_under_the_title_is_the_author(name: str) -> None:
    lines = ["The Glass Orchard", "Wren Hale", "Rating: T | CW: grief, blood"]
    if name.endswith(".html"):
        head = "<p class='title'>The Glass Orchard</p>" + "".join(f"<p>{line}</p>" for line in lines[1:])
        text = f"<html><body>{head}<h2>Chapter 1</h2>{PAGE_HTML}<h2>Chapter 2</h2>{PAGE_HTML}</body></html>"
    else:
        text = "\n\n".join(lines) + f"\n\nChapter 1\n\n{PAGE}\n\nChapter 2\n\n{PAGE}\n"
    story = _read(text, name)
    assert (story.meta.title, story.meta.author) == ("The Glass Orchard", "Wren Hale")
    assert story.meta.declared_warnings
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_sentence_over_a_field_line_is_no_author() -> None:
    """Guard: a line that is no name ("It rained all week") stays where it was."""
    text = f"The Glass Orchard\n\nIt rained all week\n\nRating: T\n\nChapter 1\n\n{PAGE}\n"
    assert _read(text, "story.txt").meta.author is None


# A one-act play with no scene heading: its cast list typed in one block under "CHARACTERS".

LINES42 = ["MARA: You're late.", "JONAH: The train was late.", "(He sits.)", "MARA: Trains don't lie, Jonah."]


def test_a_one_act_plays_cast_list_is_its_note() -> None:
    text = "THE LAST TRAIN\nby Jo Park\n\nCHARACTERS\nMARA, a ticket clerk\nJONAH, her brother\n\n" + "\n\n".join(
        LINES42
    )
    story = _read(text, "train.txt")
    assert story.chapters[0].paragraphs == LINES42
    assert any("MARA, a ticket clerk" in note for note in story.meta.notes)


def test_a_cast_line_inside_the_text_stays_text() -> None:
    """Guard: the label in a paragraph's running text is no list's."""
    text = "THE LAST TRAIN\nby Jo Park\n\n" + "\n\n".join(LINES42) + "\n\nCharacters, she said, were the worst part.\n"
    assert _read(text, "train.txt").chapters[0].paragraphs[-1] == "Characters, she said, were the worst part."


# A part's label over its title set as a heading of its own, over the chapter heading ("Part One" / "## Roots" / "### Chapter 1").


@pytest.mark.parametrize("name", ["orchard.md", "orchard.html"])
def test_a_parts_title_heading_names_the_part_as_a_text_files_line_does(name: str) -> None:
    parts = [("One", "Roots", [1, 2]), ("Two", "Fruit", [3])]
    if name.endswith(".md"):
        text = "# The Bone Orchard\n\n" + "".join(
            f"# Part {number}\n\n## {title}\n\n" + "".join(f"### Chapter {n}\n\n{PAGE}\n\n" for n in chapters)
            for number, title, chapters in parts
        )
    else:
        body = "".join(
            f"<h2>Part {number}</h2><h3>{title}</h3>" + "".join(f"<h3>Chapter {n}</h3>{PAGE_HTML}" for n in chapters)
            for number, title, chapters in parts
        )
        text = f"<html><head><title>The Bone Orchard</title></head><body><h1>The Bone Orchard</h1>{body}</body></html>"
    story = _read(text, name)
    assert [chapter.title for chapter in story.chapters] == ["Part One: Roots", None, "Part Two: Fruit"]
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * 3


def test_a_subtitle_heading_under_the_title_over_the_first_chapter_is_still_no_chapter() -> None:
    """Guard: "<h2>A Novel</h2>" between the title and the chapters stays the title page's."""
    page = (
        "<html><body><h1>The Bone Orchard</h1><h3>A Novel</h3>"
        f"<h3>Chapter 1</h3>{PAGE_HTML}<h3>Chapter 2</h3>{PAGE_HTML}</body></html>"
    )
    story = _read(page, "orchard.html")
    assert [chapter.title for chapter in story.chapters] == [None, None]
