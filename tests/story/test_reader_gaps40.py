"""Story files misread, found in the fortieth session's sixth round of reading (files of the shapes
real exports take, written for it; the probe files stay out of the repository):

- a Tumblr post's page naming its blog only in its <title>, as Tumblr's themes set it ("moonlit-quill
  — Hollow Bones", "Hollow Bones | moonlit-quill's blog", "moonlit-quill on Tumblr: Hollow Bones"):
  no author, and without a heading the blog's name in the story's title; now the author, the title
  the rest (a capitalised site's name before the title, "Inkwater — The Ferry", names nobody);
- a half chapter between whole ones ("Chapter 1", "Chapter 1.5", "Chapter 2"): titled "1.5", a bare
  number under the position Dogear numbers it by; now "Chapter 1.5" (and "Chapter 1.2: Dawn" for a
  chapter split in parts, as "Part 2.1" already was), the chapters after it still found by their
  own numbers;
- the story's title straight over each chapter's heading with no blank line between ("The Bone
  Orchard" / "One | The Gate"): one block, so no series, and the whole story one chapter; now set
  apart and dropped. Over two headings only (the header took the first): the last paragraph of
  chapter 1; now dropped too. A Markdown heading or a page's <h1> repeating the title over each
  "Chapter N" heading: each chapter titled by it, the story by its file's name; now the story's title;
- an image inside an EPUB's chapter text (a map, a letter): nothing shown where it stood; now its
  "[Image: alt]" line, as the HTML and Markdown readers give (an image before any text, a cover or
  a head-piece, and one whose alt is empty, marked as decoration, still leave none);
- a diary's or letters' dates alone over their entries ("March 3rd, 1889", "3 March 1889", "Monday,
  3 March"): each entry a chapter of a paragraph or two; now the dates are the text they date, and
  head chapters only where the file says so, a contents list naming them (which a day-first date's
  list was not taken for: it was chapter 1) or a Markdown heading's mark;
- a word processor's text: the title over the author's full name with no "by", straight over
  "Chapter 1" (the two lines were a chapter 1 of their own, the story titled by its file's name);
  a contents list of Word's tab stops ("Chapter 1<TAB>The Gate<TAB>7"): each entry a heading with
  no text, the file refused; now the list goes, as one set off by spaces already did;
- a chat-fic's messages one a line with no blank line between ("[12:03] tessmarlow: anyone up",
  "bram: no"): one paragraph; now a paragraph each, where two speakers or more speak, one twice or
  every line timed (a header's fields name each field once);
- a converted print book's page furniture (Calibre from a PDF): each page's number alone ("12", "- 12
  -", "[12]") and the running head beside it (the title or the author's name) were story paragraphs;
  now gone where three numbers count up, set off as pages or with the running head beside half;
- a line in the past under the by-line, straight over "Prologue" (a Wattpad download's blurb): a
  chapter 1 of one line; now the summary (over "Chapter 1" such a line still opens the story);
- a downloader's "Story: Weathertop" field (FanFiction Downloader, FicSave): the story's title was
  "Story: Weathertop" or the fields a chapter 1 of their own; now the title;
- a reading site's "Read more on Quotev" under the text, a document's "Page 1 of 9" footer: story
  text; now gone. A part page's author box (Wattpad's "author-info": avatar, name, "Follow") named
  nobody; now its one link to the writer's page names the author;
- a screenplay's page furniture ("(CONTINUED)", the next page's "2." and "CONTINUED:"): each page
  number headed a chapter; now gone where two scene headings ("INT. BOATHOUSE - DAY") say it is one.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.text_declarations import ChaptersByNumber
from tests.story.builders import epub_bytes, xhtml
from tests.story.builders import read_text as read

PROSE = [
    "The gate was older than the village, and nobody in it remembered who had hung it there.",
    "Maren pushed it open with one hand and stepped into the orchard, where the trees stood white with frost.",
    "Behind her the hinges sang a note she had not heard since she was a child, and then the gate swung shut.",
]
CHAPTER_TEXT = "\n\n".join(PROSE)
FIRST_LINE = PROSE[0]
PAGE_TEXT = "".join(f"<p>{text}</p>" for text in PROSE)


# A Tumblr post's blog named only in the page's <title>.


def tumblr_page(title: str, heading: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><div class='post'>{heading}{PAGE_TEXT}"
        "<div class='tags'><a href='/tagged/my-writing'>#my writing</a></div></div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "title",
    [
        "moonlit-quill — Hollow Bones",
        "Hollow Bones | moonlit-quill's blog",
        "moonlit-quill on Tumblr: Hollow Bones",
    ],
)
@pytest.mark.parametrize("heading", ["", "<h2>Hollow Bones</h2>"])
def test_a_tumblr_pages_title_naming_its_blog_gives_the_author(title: str, heading: str) -> None:
    story = import_story(tumblr_page(title, heading), "post.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("Hollow Bones", "moonlit-quill")
    assert story.chapters[0].paragraphs == PROSE


def test_a_handle_of_one_word_over_the_posts_own_heading_is_its_blog() -> None:
    story = import_story(tumblr_page("wren — The Ferry", "<h1>The Ferry</h1>"), "post.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Ferry", "wren")


@pytest.mark.parametrize("title", ["Inkwater — The Ferry", "The Ferry — A Story", "Stand by Me"])
def test_a_sites_name_or_a_title_in_the_page_title_names_no_author(title: str) -> None:
    """Guard: a capitalised name before the title is a site's, and a title alone is no blog's."""
    story = import_story(tumblr_page(title, "<h1>The Ferry</h1>"), "post.html", max_bytes=1 << 20)
    assert story.meta.author is None


# A half chapter between whole ones.


@pytest.mark.parametrize(
    ("half", "title"),
    [("Chapter 1.5", "Chapter 1.5"), ("Chapter 1.5: The Side Road", "Chapter 1.5: The Side Road")],
)
def test_a_half_chapter_keeps_its_word_and_the_rest_their_numbers(half: str, title: str) -> None:
    text = "".join(f"{heading}\n\n{CHAPTER_TEXT}\n\n" for heading in ["Chapter 1", half, "Chapter 2", "Chapter 3"])
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == [None, title, None, None]
    by_number = ChaptersByNumber(story.chapters)
    assert (by_number.index(2), by_number.index(3)) == (2, 3)


def test_a_half_chapter_in_a_page_keeps_its_word() -> None:
    page = "".join(f"<h2>Chapter {number}</h2>{PAGE_TEXT}" for number in ["1", "1.5", "2"])
    story = import_story(f"<html><body>{page}</body></html>".encode(), "orchard.html", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == [None, "Chapter 1.5", None]


# The story's title repeated over each chapter's heading.

ORCHARD = "The Bone Orchard\nBy Dariela Montes\n\n"
WORDED = ["One | The Gate", "Two | The Roots", "Three | The Fruit"]


@pytest.mark.parametrize("count", [2, 3])
@pytest.mark.parametrize("top", ["", ORCHARD])
def test_a_title_line_straight_over_each_numbered_heading_is_the_storys(count: int, top: str) -> None:
    text = top + "".join(f"The Bone Orchard\n{heading}\n\n{CHAPTER_TEXT}\n\n" for heading in WORDED[:count])
    story = read(text)
    assert story.meta.title == "The Bone Orchard"
    assert [chapter.title for chapter in story.chapters] == ["The Gate", "The Roots", "The Fruit"][:count]
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * count


@pytest.mark.parametrize("headings", [WORDED[:2], ["Chapter 1", "Chapter 2"]])
@pytest.mark.parametrize("top", ["", ORCHARD])
def test_a_title_repeated_over_two_chapter_headings_goes(headings: list[str], top: str) -> None:
    story = read(top + "".join(f"The Bone Orchard\n\n{heading}\n\n{CHAPTER_TEXT}\n\n" for heading in headings))
    assert story.meta.title == "The Bone Orchard"
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_last_line_like_the_title_in_a_longer_story_stays() -> None:
    """Guard: the title's words closing one chapter of three, over only one heading, are the story's."""
    text = ORCHARD + "".join(
        f"Chapter {number}\n\n{CHAPTER_TEXT}\n\n" + ("The Bone Orchard\n\n" if number == 2 else "")
        for number in (1, 2, 3)
    )
    story = read(text)
    assert story.chapters[1].paragraphs == [*PROSE, "The Bone Orchard"]


def _running_title_page(count: int, heading: str) -> bytes:
    parts = "".join(f"<h1>The Bone Orchard</h1><h2>Chapter {number}</h2>{PAGE_TEXT}" for number in range(1, count + 1))
    return f"<html><body>{heading}{parts}</body></html>".encode()


@pytest.mark.parametrize("count", [2, 3])
def test_a_title_heading_over_each_chapter_heading_is_the_storys_not_the_chapters(count: int) -> None:
    markdown = "".join(
        f"# The Bone Orchard\n\n## Chapter {number}\n\n{CHAPTER_TEXT}\n\n" for number in range(1, count + 1)
    )
    for story in (
        import_story(markdown.encode(), "orchard.md", max_bytes=1 << 20),
        import_story(_running_title_page(count, ""), "orchard.html", max_bytes=1 << 20),
    ):
        assert story.meta.title == "The Bone Orchard"
        assert [chapter.title for chapter in story.chapters] == [None] * count
        assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * count


def test_a_title_heading_over_each_part_heading_is_the_storys() -> None:
    markdown = "".join(f"# Ember Road\n\n## Part {number}\n\n{CHAPTER_TEXT}\n\n" for number in (1, 2, 3))
    story = import_story(markdown.encode(), "ember.md", max_bytes=1 << 20)
    assert story.meta.title == "Ember Road"
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * 3


def test_part_headings_over_some_chapters_stay_parts() -> None:
    """Guard: "# Part One" over chapter 1 and "# Part Two" over chapter 3 are parts, not a running title."""
    markdown = (
        f"# Part One\n\n## Chapter 1\n\n{CHAPTER_TEXT}\n\n## Chapter 2\n\n{CHAPTER_TEXT}\n\n"
        f"# Part Two\n\n## Chapter 3\n\n{CHAPTER_TEXT}\n"
    )
    story = import_story(markdown.encode(), "parts.md", max_bytes=1 << 20)
    assert len(story.chapters) == 3
    assert story.meta.title != "Part One"


# An image inside an EPUB's chapter text.


def _illustrated_book(image: str) -> bytes:
    chapter = xhtml(f"<h1>Chapter 1</h1><p>{PROSE[0]}</p>{image}<p>{PROSE[1]}</p>")
    documents = [
        ("cover.xhtml", xhtml('<div><img src="cover.jpg" alt="Cover"/></div>')),
        ("c1.xhtml", chapter),
        ("c2.xhtml", xhtml(f"<h1>Chapter 2</h1><p>{PROSE[2]}</p>")),
    ]
    return epub_bytes(documents, nav_points=[("Chapter 1", "c1.xhtml"), ("Chapter 2", "c2.xhtml")])


@pytest.mark.parametrize(
    ("image", "line"),
    [
        ('<p><img src="map.png" alt="A map of the orchard"/></p>', "[Image: A map of the orchard]"),
        ('<div class="figure"><img src="letter.png"/></div>', "[Image]"),
    ],
)
def test_an_image_inside_an_epub_chapter_leaves_its_line(image: str, line: str) -> None:
    story = import_story(_illustrated_book(image), "orchard.epub", max_bytes=1 << 20)
    assert story.chapters[0].paragraphs == [PROSE[0], line, PROSE[1]]
    assert len(story.chapters) == 2


@pytest.mark.parametrize("image", ['<p><img src="ornament.png" alt=""/></p>', ""])
def test_a_decorative_image_or_a_cover_leaves_no_line(image: str) -> None:
    """Guard: an empty alt marks decoration, and the cover before any text is the book's dress."""
    story = import_story(_illustrated_book(image), "orchard.epub", max_bytes=1 << 20)
    assert story.chapters[0].paragraphs == [PROSE[0], PROSE[1]]
    assert not any("[Image" in text for chapter in story.chapters for text in chapter.paragraphs)


# A diary's or letters' dates, alone over their entries.

ENTRIES = [
    "The lamp was lit at dusk, as every night, and the sea was quiet enough to hear the bell buoy.",
    "A ship passed close in the afternoon and did not answer our signal, though the day was clear.",
    "Father says the weather will turn before the week is out; his knee has said so since Sunday.",
]


@pytest.mark.parametrize(
    "dates",
    [
        ["March 3rd, 1889", "March 5th, 1889", "March 9th, 1889"],
        ["3 March 1889", "5 March 1889", "9 March 1889"],
        ["Monday, 3 March", "Monday, 10 March", "Monday, 17 March"],
    ],
)
def test_dates_alone_over_a_diarys_entries_date_the_text_and_head_no_chapters(dates: list[str]) -> None:
    text = "The Lighthouse Diary\nby Moira Quint\n\n" + "".join(
        f"{date}\n\n{entry}\n\n" for date, entry in zip(dates, ENTRIES, strict=True)
    )
    story = read(text)
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs == [part for pair in zip(dates, ENTRIES, strict=True) for part in pair]


@pytest.mark.parametrize("dates", [["March 3rd, 1889", "March 5th, 1889"], ["3 March 1889", "5 March 1889"]])
def test_a_contents_list_naming_the_dates_makes_them_chapters(dates: list[str]) -> None:
    listed = "Contents\n\n" + "\n".join(dates) + "\n\n"
    text = f"The Lighthouse Diary\nby Moira Quint\n\n{listed}" + "".join(
        f"{date}\n\n{entry}\n\n" for date, entry in zip(dates, ENTRIES, strict=False)
    )
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == dates
    assert [chapter.paragraphs for chapter in story.chapters] == [[ENTRIES[0]], [ENTRIES[1]]]


def test_dated_entries_as_long_as_chapters_head_chapters_without_a_list() -> None:
    """A diary novel with no other marks: entries of a chapter's length each are its chapters (one
    chapter of the whole book was no better for a club than a dozen of a paragraph)."""
    dates = ["March 3rd, 1889", "March 5th, 1889", "March 9th, 1889"]
    long_entry = "\n\n".join([ENTRIES[0] + " " + ENTRIES[1] + " " + ENTRIES[2]] * 8)  # about 430 words
    text = "The Lighthouse Diary\nby Moira Quint\n\n" + "".join(f"{date}\n\n{long_entry}\n\n" for date in dates)
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == dates
    assert all(len(chapter.paragraphs) == 8 for chapter in story.chapters)


def test_dates_as_markdown_headings_still_head_chapters() -> None:
    """Guard: a heading's mark is the file saying so."""
    text = "".join(
        f"## {date}\n\n{entry}\n\n"
        for date, entry in zip(["March 3rd, 1889", "March 5th, 1889"], ENTRIES, strict=False)
    )
    story = import_story(text.encode(), "diary.md", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == ["March 3rd, 1889", "March 5th, 1889"]


# A word processor's text: a title over its author's name, a contents list of tab stops.

BONE_TITLES = ["The Gate", "The Roots", "The Fruit"]


@pytest.mark.parametrize("separator", [": ", "\t"])
def test_a_title_over_a_full_name_straight_over_chapter_one_is_the_title_page(separator: str) -> None:
    text = "The Bone Orchard\nDariela Montes\n\n" + "".join(
        f"Chapter {number}{separator}{title}\n\n{CHAPTER_TEXT}\n\n" for number, title in enumerate(BONE_TITLES, 1)
    )
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("The Bone Orchard", "Dariela Montes")
    assert [chapter.title for chapter in story.chapters] == BONE_TITLES


def test_two_lines_of_story_over_chapter_one_stay_the_story() -> None:
    """Guard: a sentence over a line is no title page."""
    story = read(f"The rain had not stopped for a week.\nMaren Holt\n\nChapter 1\n\n{CHAPTER_TEXT}\n")
    assert story.meta.author != "Maren Holt"


@pytest.mark.parametrize("byline", ["by Dariela Montes", "Dariela Montes"])
@pytest.mark.parametrize("stop", ["\t", "    "])
def test_a_contents_list_with_tab_stops_and_pages_is_no_chapters(stop: str, byline: str) -> None:
    listed = "".join(
        f"Chapter {number}{stop}{title}{stop}{number * 7}\n" for number, title in enumerate(BONE_TITLES, 1)
    )
    chapters = "".join(
        f"Chapter {number}: {title}\n\n{CHAPTER_TEXT}\n\n" for number, title in enumerate(BONE_TITLES, 1)
    )
    story = read(f"The Bone Orchard\n{byline}\n\nContents\n\n{listed}\n{chapters}")
    assert (story.meta.title, story.meta.author) == ("The Bone Orchard", "Dariela Montes")
    assert [chapter.title for chapter in story.chapters] == BONE_TITLES
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * 3


# A chat-fic's messages, one a line.

TIMED = [
    "[12:03] tessmarlow: anyone up",
    "[12:03] bram_k: unfortunately",
    "[12:04] tessmarlow: the ferry light is on again",
    "[12:05] bram_k: it's 3am tess",
]
NAMED = ["tess: u up", "bram: no", "tess: the light is on again", "ada: omw", "bram: ADA NO"]


@pytest.mark.parametrize("lines", [TIMED, NAMED])
def test_a_chats_messages_one_a_line_are_a_paragraph_each(lines: list[str]) -> None:
    chat = "\n".join(lines)
    story = read(f"night shift\nby quaylight\n\nChapter 1\n\n{chat}\n\nChapter 2\n\n{CHAPTER_TEXT}\n")
    assert story.chapters[0].paragraphs == lines


def test_a_headers_fields_are_no_chat() -> None:
    """Guard: "Title: ..." / "Author: ..." name each field once; a verse's lines with a colon stay one passage."""
    story = read(f"Title: Night Shift\nAuthor: quaylight\nRating: T\n\nChapter 1\n\n{CHAPTER_TEXT}\n")
    assert (story.meta.title, story.meta.author) == ("Night Shift", "quaylight")
    verse = "Mother said: go slow,\nFather said: go on,\nand I said nothing."
    assert read(f"Chapter 1\n\n{FIRST_LINE}\n\n{verse}\n").chapters[0].paragraphs == [FIRST_LINE, verse]


# A printed book's page furniture left between the pages' text by a converter.


def _paged(mark: str, head: str) -> str:
    text, page = "The Quay Lamps\n\nby Eliza Thorne\n\n\n", 1
    for number in (1, 2):
        text += f"Chapter {number}\n\n"
        for paragraph in PROSE:
            page += 1
            text += (
                f"{paragraph}\n\n{mark.format(page)}\n\n{head}\n\n"
                if head
                else f"{paragraph}\n\n{mark.format(page)}\n\n"
            )
    return text


@pytest.mark.parametrize(
    ("mark", "head"),
    [
        ("{}", "THE QUAY LAMPS"),
        ("- {} -", "THE QUAY LAMPS"),
        ("- {} -", ""),
        ("[{}]", "ELIZA THORNE"),
        ("{}", "Eliza Thorne"),
    ],
)
def test_page_numbers_and_running_heads_are_no_story_text(mark: str, head: str) -> None:
    story = read(_paged(mark, head))
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_numbered_sections_inside_chapters_stay() -> None:
    """Guard: bare numbers with no running head beside them may number a story's own sections."""
    sections = "".join(f"{number}\n\n{paragraph}\n\n" for number, paragraph in enumerate(PROSE, 1))
    story = read(f"Chapter 1\n\n{sections}Chapter 2\n\n{CHAPTER_TEXT}\n")
    assert story.chapters[0].paragraphs == ["1", PROSE[0], "2", PROSE[1], "3", PROSE[2]]


# A blurb over the prologue; a downloader's "Story:" field.


@pytest.mark.parametrize(
    "blurb", ["She inherited an orchard. The orchard inherited her.", "Nobody came back from the war."]
)
def test_a_line_under_the_by_line_over_the_prologue_is_the_summary(blurb: str) -> None:
    text = (
        f"The Glass Orchard\nBy fernleaf_ink\n\n{blurb}\n\nPrologue\n\n{CHAPTER_TEXT}\n\nChapter 1\n\n{CHAPTER_TEXT}\n"
    )
    story = read(text)
    assert story.meta.summary == blurb
    assert [chapter.title for chapter in story.chapters] == ["Prologue", None]


def test_a_line_in_the_past_over_chapter_one_still_opens_the_story() -> None:
    """Guard: over "Chapter 1", a line wholly in the past is the story's first (test_reader_gaps39)."""
    opening = "The parcel arrived on a Tuesday, and nobody in the house would open it."
    story = read(f"The Glass Orchard\nBy fernleaf_ink\n\n{opening}\n\nChapter 1\n\n{CHAPTER_TEXT}\n")
    assert story.meta.summary is None


def test_a_downloaders_story_field_is_the_title() -> None:
    fields = "Story: Weathertop\nAuthor: quietharbour\nRating: T\nSummary: Frodo remembers the knife."
    story = read(f"{fields}\n\n\nChapter 1: Bree\n\n{CHAPTER_TEXT}\n\nChapter 2: The Knife\n\n{CHAPTER_TEXT}\n")
    assert (story.meta.title, story.meta.author, story.meta.summary) == (
        "Weathertop",
        "quietharbour",
        "Frodo remembers the knife.",
    )
    assert [chapter.title for chapter in story.chapters] == ["Bree", "The Knife"]


# A reading site's lines and a document's footer.


@pytest.mark.parametrize("line", ["Read more on Quotev", "Read the rest on Wattpad!", "Page 1 of 9"])
def test_a_sites_link_or_a_documents_page_footer_is_no_story_text(line: str) -> None:
    story = read(
        f"Ghost Lights\nby willowbrook\n\nChapter 1\n\n{CHAPTER_TEXT}\n\nChapter 2\n\n{CHAPTER_TEXT}\n\n{line}\n"
    )
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_sentence_about_reading_stays() -> None:
    """Guard: "She read more on the train" is story text."""
    story = read(f"Chapter 1\n\n{CHAPTER_TEXT}\n\nShe read more on the train.\n")
    assert story.chapters[0].paragraphs[-1] == "She read more on the train."


def test_a_part_pages_author_box_names_the_author_by_its_link() -> None:
    page = (
        "<html><head><title>The Glass Orchard - Part One - Wattpad</title></head><body>"
        "<div class='part-header'><h1>Part One: The Will</h1>"
        "<div class='author-info'><a href='/user/fernleaf_ink'>fernleaf_ink</a> <button>Follow</button></div></div>"
        f"<div class='panel-reading'>{PAGE_TEXT}</div></body></html>"
    )
    story = import_story(page.encode(), "part.html", max_bytes=1 << 20)
    assert story.meta.author == "fernleaf_ink"
    assert story.chapters[0].paragraphs == PROSE


# A screenplay's page furniture.

SCENES = [
    ("INT. BOATHOUSE - DAY", "Rain drums on the tin roof. MARA (40s) coils a wet rope."),
    ("EXT. PIER - NIGHT", "The tide is out. A green light moves on the water."),
    ("INT. BOATHOUSE - DAWN", "Mara sleeps in the chair, the rope still in her lap."),
]


def test_a_screenplays_page_numbers_and_continued_lines_are_no_chapters() -> None:
    pages = "".join(
        f"{heading}\n\n{action}\n\nMARA\nWe wait for the tide.\n\n(CONTINUED)\n\n{number}.\n\nCONTINUED:\n\n"
        for number, (heading, action) in enumerate(SCENES, 2)
    )
    story = read(f"RIVER MOUTH\n\nby\n\nAnna Kell\n\n\n{pages}")
    assert len(story.chapters) == 1
    assert not any(text in ("(CONTINUED)", "CONTINUED:", "2.", "3.") for text in story.chapters[0].paragraphs)
    assert SCENES[0][0] in story.chapters[0].paragraphs


def test_numbered_lines_in_a_story_that_is_no_screenplay_stay() -> None:
    """Guard: with no scene headings, lone "1." / "2." lines are read as they were (chapters here)."""
    story = read("".join(f"{number}.\n\n{CHAPTER_TEXT}\n\n" for number in (1, 2, 3)))
    assert len(story.chapters) == 3
