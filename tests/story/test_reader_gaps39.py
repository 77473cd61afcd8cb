"""Story files misread, found in the thirty-ninth session's fifth round of reading (files of the
shapes real exports and copies take, written for it; the probe files stay out of the repository):

- a chapter's end note that signs off with the next chapter before it warns ("A/N: Thanks for
  reading, see you in the next one! TW: self-harm"): the farewell named the next chapter, so the
  warning after it was read as for either chapter and both carried it; a farewell ("see you in the
  next one", "until the next chapter", "stay tuned for the next part") says nothing of what a chapter
  holds, and the warning is read as it is alone: the chapter the note closes;
- a text of one paragraph a line, no blank line between paragraphs, its lines about 100 characters
  (under the 100 a line had to pass to count as a paragraph of its own): each chapter one paragraph,
  its lines joined as a hard-wrapped paragraph's are; now the file is told by its lines as a whole: a
  hard-wrapped text ends few of its lines with a sentence (only each paragraph's last), a text of one
  paragraph a line ends nearly every line so;
- a blurb in the past tense on a title page: between the title and the by-line ("The Salt Road" /
  "When her brother vanished, Ines followed him into the desert." / "by Ada Mourne") it made the
  whole page a chapter 1 of its own (no title, no author); the story never opens over its author's
  name, so the line is the summary whatever its tense. Under the by-line, straight over chapter 1, a
  line that tells in the past what led up to the story and in the present what it is ("Years after
  the war ended, Kara returns home", "Five years ago, Ines lost her brother. Now the desert wants
  her too.") was chapter text; now the summary (a line wholly in the past there still opens the story);
- a Project Gutenberg book whose title page ("THE QUAY LAMPS" / "By Eliza Thorne", under the header's
  "Title:" and "Author:") stands over its contents list: the by-line was the book's summary; now the
  page is dropped, as it is over the first chapter;
- a word processor's HTML (Scrivener's compile, macOS's Cocoa HTML Writer) heading its chapters with a
  bold centred paragraph of a number or a number word ("<p class="p1"><b>One</b></p>", "<p>II</p>"): one
  chapter, the numbers and the title page story text; now chapters where the whole page bears the series
  out, as such lines alone already are in a text file;
- a work copied from AO3's page with a chapter's labels on lines of their own in one block ("Chapter 2:
  The Bridge" / "Notes:" / "TW: blood in this chapter." / "Chapter Text"): "Chapter Text" stayed in the
  chapter's note; now each label line parts the block wherever it stands, as a first line's did;
- an EPUB whose chapters are headed by their numbers alone ("<h2>1</h2>") while its contents list names
  them ("1. Departure"): untitled; now titled by the list, as "<h1>Chapter 1</h1>" listed "Chapter 1:
  Low Water" already was;
- an EPUB closing with a page headed "Author's Note" (or "A Note from the Author", "End Notes") over a
  few paragraphs of thanks: a chapter of its own, one more than the author wrote; now the story's
  note, as the same page before chapter one is (a last chapter called "Notes" stays a chapter);
- a blog's chapter page whose line of when and by whom has no class Dogear knows ("<p class="byline">Posted
  on March 3, 2023 by inkymoth</p>"): the line opened the chapter and the author was lost; now the
  author, the line gone, as a WordPress "entry-meta" line already was;
- a blurb with no label over a story page's fields ("Status: ongoing" / "Words: 12,345" / "Chapters: 3",
  as FicHub's download or a listing copied sets them) under the title and by-line: the blurb and the
  fields were a chapter 1 of their own; now the summary and the fields, as over tags or contents;
- chapters headed by a number in words and a title ("One | The Gate", "TWO: The Roots"), as Wattpad's
  part titles are often written: one chapter, the headings story text ("1 | The Gate" already worked);
  and the story's title alone over each of them (a site that pages a story repeats it over every part):
  each chapter's last paragraph; now dropped where it stands so over two headings at least;
- a Markdown file (or a text file using its "#") whose headings are all one level, the first over only
  its by-line or its author's name ("# The Quiet Year" / "by Tom Ellery" / "# Spring" / "# Summer"):
  refused ("The heading ... has no story text under it"), or with a name alone a chapter 1 of one
  line; now the title page;
- a text file whose headings are underlined as Markdown's setext headings ("Spring" / "======", as
  Pandoc's plain text and Markdown habits set them): one chapter, the headings and underlines story
  text; now headings where the underline is as long as the line, give or take two;
- interludes numbered in Roman numerals between chapters ("Interlude I", "Interlude II: The Shore"):
  story text, each interlude the end of the chapter before; now headings, as "Interlude 1" was;
- chapters headed by a number after a number sign ("#1", "#2", "#3"): one chapter; now a series of
  lone numbers, as "§ 1" and "~ 1 ~" already were;
- a post's page naming its author only in its <title>, in a part after "by" ("The Ferry | by Tess
  Marlow | Medium"), its name alone under the post's heading: no author, the name the chapter's first
  paragraph and "by Tess Marlow" in the story's title; now the author, the line gone;
- a serial's line of when each chapter went up, alone under its heading ("Chapter 1" / "Posted March
  3, 2023"): it titled every chapter; now the chapter's note.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml
from tests.story.builders import read_text as read
from tests.story.test_reader_gaps38b import _ids

FIRST = "The harbour lights went out one by one, and Maren counted them the way her father had taught her."
SECOND = "By morning the boat had drifted past the breakwater, and the gulls followed it as if it owed them."
THIRD = "By noon the fog had lifted, and Maren could see the ferry again, small and patient on the water."


# A farewell naming the next chapter, before the note's warning.


@pytest.mark.parametrize(
    "note",
    [
        "A/N: Thanks for reading, see you in the next one! TW: self-harm",
        "A/N: see you in the next one! tw self harm",
        "A/N: See you in the next one!\nTW: self-harm",
        "A/N: Until the next chapter! CW: self-harm",
        "A/N: Stay tuned for the next part! TW: self-harm",
        "A/N: Catch you all in the next update. TW: self-harm",
    ],
)
def test_a_farewell_naming_the_next_chapter_leaves_the_warning_on_this_one(note: str) -> None:
    ids = _ids(f"Chapter 1\n\n{FIRST}\n\n{note}\n\nChapter 2\n\n{SECOND}\n\nChapter 3\n\n{THIRD}\n")
    assert ("self-harm" in ids[1], "self-harm" in ids[2], "self-harm" in ids[3]) == (True, False, False)


@pytest.mark.parametrize(
    "note",
    [
        "A/N: The next chapter is a heavy one. TW: self-harm",
        "A/N: CW for the next chapter: self-harm",
        "A/N: See you in the next one, tw for self harm in it",
    ],
)
def test_a_note_saying_what_the_next_chapter_holds_still_warns_it(note: str) -> None:
    """Guard: a sentence about the next chapter's content still carries the warning after it there."""
    ids = _ids(f"Chapter 1\n\n{FIRST}\n\n{note}\n\nChapter 2\n\n{SECOND}\n\nChapter 3\n\n{THIRD}\n")
    assert "self-harm" in ids[2]
    assert "self-harm" not in ids[3]


# One paragraph a line, lines of about 100 characters, no blank line between paragraphs.

LINES = [
    "The lamps along the quay came on one by one, and Tess watched them from the ferry office window.",
    "Her father had worked the night boat for thirty years, and he had never once been late for it.",
    "Now the boat sat at the end of the pier with its engine cold, and nobody in town would say why.",
    "She pulled on her coat and walked down to the water, past the chandlery and the fish market.",
    "The harbourmaster was still in his hut, bent over the radio, and did not look up at her knock.",
    '"They found the log book," he said at last, "but the last page is torn out, clean as a knife."',
    "Tess sat on the bench by the door and listened to the rain begin, soft and then all at once.",
    "Out on the water a light moved where no light should be, low and green, and coming closer.",
]


@pytest.mark.parametrize("top", ["", "The Night Boat\nby Tess Marlow\n\n"])
@pytest.mark.parametrize("under", ["\n", "\n\n"])
def test_one_paragraph_a_line_of_about_a_hundred_characters_is_a_paragraph_each(top: str, under: str) -> None:
    assert all(80 <= len(line) <= 100 for line in LINES)
    text = f"{top}Chapter 1{under}" + "\n".join(LINES[:4]) + f"\n\nChapter 2{under}" + "\n".join(LINES[4:]) + "\n"
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [LINES[:4], LINES[4:]]


DIALOGUE = [
    '"Hey."',
    '"What?"',
    '"Did you hear that?"',
    "She listened. Nothing but the rain.",
    '"No."',
    '"Listen again."',
    "Somewhere below them, a door closed softly and someone began, very quietly, to sing.",
    '"Okay. I heard it."',
]


def test_short_lines_of_dialogue_with_no_blank_lines_are_a_paragraph_each() -> None:
    text = (
        "Downstairs\nby kit_avery\n\nChapter 1\n" + "\n".join(DIALOGUE) + "\n\nChapter 2\n" + "\n".join(DIALOGUE) + "\n"
    )
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [DIALOGUE, DIALOGUE]


def test_a_verse_inside_a_chapter_keeps_its_lines() -> None:
    """Guard: a song's lines, ending in commas, stay one passage among paragraphs set apart by blank lines."""
    verse = "Down by the water,\nunder the pier,\nsomeone is singing,\nno one is here."
    story = read(f"Chapter 1\n\n{FIRST}\n\n{verse}\n\n{SECOND}\n\n{THIRD}\n")
    assert story.chapters[0].paragraphs == [FIRST, verse, SECOND, THIRD]


def test_hard_wrapped_paragraphs_without_blank_lines_still_join() -> None:
    """Guard: lines wrapped at a width end mid-sentence, so their paragraphs are read whole."""
    wrapped = (
        "The lamps along the quay came on one by one, and Tess watched them from the\n"
        "ferry office window. Her father had worked the night boat for thirty years,\n"
        "and he had never once been late for it. Now the boat sat at the end of the\n"
        "pier with its engine cold.\n"
        "She pulled on her coat and walked down to the water, past the chandlery and\n"
        "the fish market. The harbourmaster was still in his hut, bent over the radio,\n"
        "and did not look up at her knock. Out on the water a light moved where no\n"
        "light should be, low and green."
    )
    story = read(f"Chapter 1\n\n{wrapped}\n\nChapter 2\n\n{FIRST}\n")
    assert len(story.chapters[0].paragraphs) == 1
    assert (
        story.chapters[0].paragraphs[0].startswith("The lamps along the quay came on one by one, and Tess watched them")
    )


# A blurb in the past tense on a title page.

OPENING = "The caravan left at dawn, and the camels complained the whole way to the first well."
LATER = "By the third day the water was gone and the city was a smudge on the horizon."
PAST_BLURB = "When her brother vanished on the salt road, Ines followed him into the desert and found a lost city."


def _salt_road(top: str) -> str:
    return f"{top}\n\nChapter 1\n\n{OPENING}\n\nChapter 2\n\n{LATER}\n"


@pytest.mark.parametrize(
    "blurb",
    [PAST_BLURB, "Harry thought the war was over. He was wrong.", "Years after the war ended, Kara returns home."],
)
@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_blurb_between_the_title_and_the_by_line_is_the_summary_whatever_its_tense(blurb: str, between: str) -> None:
    story = read(_salt_road(f"The Salt Road{between}{blurb}{between}by Ada Mourne"))
    assert (story.meta.title, story.meta.author, story.meta.summary) == ("The Salt Road", "Ada Mourne", blurb)
    assert [chapter.paragraphs for chapter in story.chapters] == [[OPENING], [LATER]]


@pytest.mark.parametrize(
    "blurb",
    [
        "Years after the war ended, Kara returns home to find her village gone.",
        "Five years ago, Ines lost her brother to the desert. Now the desert wants her too.",
        "Ines followed her brother into the desert, and now she must find her own way back.",
    ],
)
def test_a_blurb_in_the_past_and_present_under_the_by_line_is_the_summary(blurb: str) -> None:
    story = read(_salt_road(f"The Salt Road\nby Ada Mourne\n\n{blurb}"))
    assert story.meta.summary == blurb
    assert [chapter.paragraphs for chapter in story.chapters] == [[OPENING], [LATER]]


@pytest.mark.parametrize(
    "opening",
    [
        "The parcel arrived on a Tuesday, wrapped in brown paper and smelling of salt.",
        "Stay safe, the radio said, and then it said nothing at all.",
        "Kara always walked home the long way, past the chapel and the ruined mill.",
        "It was the summer the river froze, and nobody in the village would say why.",
    ],
)
def test_a_line_wholly_in_the_past_under_the_by_line_still_opens_the_story(opening: str) -> None:
    story = read(_salt_road(f"The Salt Road\nby Ada Mourne\n\n{opening}"))
    assert story.meta.summary is None
    assert story.chapters[0].paragraphs == [opening]


# A Gutenberg title page over the contents list.

GUTENBERG_TOP = (
    "The Project Gutenberg eBook of The Quay Lamps\n\nTitle: The Quay Lamps\n\nAuthor: Eliza Thorne\n\n"
    "Release date: March 3, 2021 [eBook #65012]\n\nLanguage: English\n\n"
    "*** START OF THE PROJECT GUTENBERG EBOOK THE QUAY LAMPS ***\n\n\n\n"
)
GUTENBERG_CHAPTERS = (
    f"CHAPTER I.\n\nTHE FERRY OFFICE\n\n{FIRST}\n\n\nCHAPTER II.\n\nTHE NIGHT BOAT\n\n{SECOND}\n\n"
    "*** END OF THE PROJECT GUTENBERG EBOOK THE QUAY LAMPS ***\n"
)
CONTENTS = "CONTENTS\n\n CHAPTER I. The Ferry Office\n CHAPTER II. The Night Boat\n\n\n"


@pytest.mark.parametrize(
    "page",
    ["THE QUAY LAMPS\n\nBy Eliza Thorne", "THE QUAY LAMPS\nBy Eliza Thorne", "By Eliza Thorne", "THE QUAY LAMPS"],
)
def test_a_gutenberg_title_page_over_its_contents_is_no_summary(page: str) -> None:
    story = read(f"{GUTENBERG_TOP}{page}\n\n\n{CONTENTS}{GUTENBERG_CHAPTERS}")
    assert (story.meta.title, story.meta.author, story.meta.summary) == ("The Quay Lamps", "Eliza Thorne", None)
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_blurb_over_the_contents_is_still_the_summary() -> None:
    """Guard: a line that repeats no field there is the book's blurb, as before."""
    blurb = "A ferry office, a night boat, and the winter the lamps went out."
    story = read(f"{GUTENBERG_TOP}THE QUAY LAMPS\n\nBy Eliza Thorne\n\n{blurb}\n\n\n{CONTENTS}{GUTENBERG_CHAPTERS}")
    assert story.meta.summary == blurb


# A word processor's page heading its chapters with bold paragraphs of numbers.

PROSE = [FIRST, SECOND, THIRD, OPENING, LATER]


def cocoa_page(numbers: list[str], top: str = "") -> bytes:
    chapters = "".join(
        f'<p class="p1"><b>{number}</b></p>' + "".join(f'<p class="p2">{text}</p>' for text in PROSE * 2)
        for number in numbers
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="Generator" content="Cocoa HTML Writer">'
        "<style>p.p1 {text-align: center} p.p2 {text-indent: 36.0px}</style><title>Crosswind</title></head>"
        f"<body>{top}{chapters}</body></html>"
    ).encode()


@pytest.mark.parametrize("numbers", [["One", "Two", "Three"], ["ONE", "TWO"], ["I", "II", "III"], ["1", "2", "3"]])
@pytest.mark.parametrize(
    "top", ["", '<p class="p1"><b>Crosswind</b></p><p class="p1">hollow_reed</p><p class="p1"><br></p>']
)
def test_a_word_processor_page_numbering_its_chapters_in_paragraphs_has_chapters(numbers: list[str], top: str) -> None:
    story = import_story(cocoa_page(numbers, top), "crosswind.html", max_bytes=1 << 20)
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE * 2] * len(numbers)
    if top:
        assert (story.meta.title, story.meta.author) == ("Crosswind", "hollow_reed")


def test_a_number_paragraph_inside_a_page_with_chapter_headings_stays_text() -> None:
    """Guard: a page that heads its chapters with <h2> keeps a lone "One" / "Two" in its text (a countdown)."""
    body = "".join(f"<p>{text}</p>" for text in PROSE * 2)
    page = (
        f"<html><body><h2>Chapter 1</h2><p>{FIRST}</p><p>One</p><p>Two</p><p>Three</p>{body}"
        f"<h2>Chapter 2</h2>{body}</body></html>"
    )
    story = import_story(page.encode(), "countdown.html", max_bytes=1 << 20)
    assert len(story.chapters) == 2
    assert story.chapters[0].paragraphs[:4] == [FIRST, "One", "Two", "Three"]


# AO3's labels on lines of their own inside one block of a page copy.


@pytest.mark.parametrize("end", ["Chapter Text", "Chapter Text\n"])
def test_an_ao3_label_line_inside_a_block_of_a_page_copy_parts_it(end: str) -> None:
    text = (
        "Paper Boats\nquietharbour\n\nSummary:\nTwo brothers, one river.\n\n"
        f"Chapter 1: The River\nChapter Text\n\n{FIRST}\n\n"
        f"Chapter 2: The Bridge\nNotes:\nTW: blood in this chapter.\n{end}\n{SECOND}\n"
    )
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == ["The River", "The Bridge"]
    assert story.chapters[1].notes == ["TW: blood in this chapter."]
    assert story.chapters[1].paragraphs == [SECOND]


# EPUB chapters headed by numbers, titled by the contents; an author's note page closing the book.

EPUB_TEXT = "".join(f"<p>{text}</p>" for text in PROSE)
THANKS = "Thank you for reading. This story started as a dream I had on a night ferry."


def _numbered_epub(labels: list[str], heading: str = "{n}", closing: str = "") -> bytes:
    documents = [
        (f"c{n}.xhtml", xhtml(f"<h2>{heading.format(n=n)}</h2>{EPUB_TEXT}")) for n in range(1, len(labels) + 1)
    ]
    nav = [(label, f"c{n}.xhtml") for n, label in enumerate(labels, 1)]
    if closing:
        documents.append(("after.xhtml", xhtml(closing)))
    return epub_bytes(documents, title="Night Ferry", author="Tess Marlow", nav_points=nav)


@pytest.mark.parametrize("heading", ["{n}", "{n}."])
def test_an_epub_chapter_headed_by_its_number_takes_its_title_from_the_contents(heading: str) -> None:
    data = _numbered_epub(["1. Departure", "2. Crossing", "3. Arrival"], heading)
    story = import_story(data, "ferry.epub", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == ["Departure", "Crossing", "Arrival"]


def test_an_epub_chapter_headed_by_its_number_listed_by_number_stays_untitled() -> None:
    """Guard: contents that only number the chapters give them no title."""
    story = import_story(_numbered_epub(["1", "2", "3"]), "ferry.epub", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == [None, None, None]


@pytest.mark.parametrize("label", ["Author's Note", "A Note from the Author", "End Notes", "A/N"])
def test_an_authors_note_page_closing_an_epub_is_the_storys_note(label: str) -> None:
    data = _numbered_epub(["1", "2"], closing=f"<h2>{label}</h2><p>{THANKS}</p>")
    story = import_story(data, "ferry.epub", max_bytes=1 << 20)
    assert len(story.chapters) == 2
    assert any(THANKS in note for note in story.meta.notes + story.chapters[-1].notes)


# A blog post's "Posted on <date> by <name>" line in a theme's own markup.


def blog_page(line: str) -> bytes:
    body = "".join(f"<p>{text}</p>" for text in PROSE)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Chapter 2: The Witch | Salt &amp; Ember</title></head>"
        "<body><nav><a href='/'>Home</a> | <a href='/stories'>Stories</a></nav><article>"
        f"<h1 class='entry-title'>Chapter 2: The Witch</h1>{line}<div class='entry-content'>{body}</div></article>"
        "</body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ('<p class="byline">Posted on March 3, 2023 by inkymoth</p>', "inkymoth"),
        ('<div class="post-info">Published by Mara Quill on 3 March 2023</div>', "Mara Quill"),
        ("<p><small>Posted on <time>Mar 3, 2023</time> by <a href='/u/inkymoth'>inkymoth</a></small></p>", "inkymoth"),
    ],
)
def test_a_blog_posts_posted_line_names_the_author_and_goes(line: str, author: str) -> None:
    story = import_story(blog_page(line), "witch.html", max_bytes=1 << 20)
    assert story.meta.author == author
    assert story.chapters[0].paragraphs == PROSE


def test_a_posted_line_with_no_date_stays_text() -> None:
    """Guard: "Posted on the door by the janitor." is a sentence of the story."""
    line = "<p>Posted on the door by the janitor.</p>"
    story = import_story(blog_page(line), "witch.html", max_bytes=1 << 20)
    assert story.chapters[0].paragraphs[0] == "Posted on the door by the janitor."


# A blurb over a story page's fields.

FIELDS_BLURB = "A smith, a sword, a debt older than the kingdom."


@pytest.mark.parametrize(
    "fields", ["Status: ongoing\n\nWords: 12,345\n\nChapters: 3", "Status: ongoing\nWords: 12,345\nChapters: 3"]
)
def test_a_blurb_over_a_story_pages_fields_is_the_summary(fields: str) -> None:
    story = read(_salt_road(f"Salt and Iron\nby Oriel Fenn\n\n{FIELDS_BLURB}\n\n{fields}"))
    assert (story.meta.title, story.meta.author, story.meta.summary) == ("Salt and Iron", "Oriel Fenn", FIELDS_BLURB)
    assert [chapter.paragraphs for chapter in story.chapters] == [[OPENING], [LATER]]


def test_a_fichub_page_reads_its_introduction() -> None:
    chapters = "".join(
        f"<div id='chap_{n}'><h2>Chapter {n}: {name}</h2><p>{text}</p></div>"
        for n, (name, text) in enumerate([("The Forge", OPENING), ("The Debt", LATER)], 1)
    )
    page = (
        "<html><head><title>Salt and Iron by Oriel Fenn</title></head><body><div id='introduction'>"
        "<h1>Salt and Iron</h1><p>by <a href='https://www.royalroad.com/profile/1'>Oriel Fenn</a></p>"
        f"<div><p>{FIELDS_BLURB}</p></div><p>Status: ongoing</p><p>Words: 12,345</p><p>Chapters: 2</p></div>"
        f"{chapters}</body></html>"
    )
    story = import_story(page.encode(), "salt.html", max_bytes=1 << 20)
    assert story.meta.summary == FIELDS_BLURB
    assert [chapter.title for chapter in story.chapters] == ["The Forge", "The Debt"]


def test_a_story_line_over_a_note_field_stays_text() -> None:
    """Guard: fields no story page lists ("Note:") say nothing of the paragraph over them."""
    story = read(_salt_road(f"Salt and Iron\nby Oriel Fenn\n\n{OPENING}\n\nNote: the map is at the back."))
    assert story.meta.summary is None


# Chapters headed by a number in words and a title; the story's title over each.

ORCHARD = "The Bone Orchard\nBy Dariela Montes\n\n"


@pytest.mark.parametrize(
    "headings",
    [
        ["One | The Gate", "Two | The Roots", "Three | The Fruit"],
        ["ONE: The Gate", "TWO: The Roots", "THREE: The Fruit"],
        ["One - The Gate", "Two - The Roots", "Three - The Fruit"],
    ],
)
@pytest.mark.parametrize("over", ["", "The Bone Orchard\n\n"])
def test_chapters_headed_by_a_number_in_words_and_a_title(headings: list[str], over: str) -> None:
    text = ORCHARD + "".join(f"{over}{heading}\n\n" + "\n\n".join(PROSE) + "\n\n" for heading in headings)
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == ["The Gate", "The Roots", "The Fruit"][: len(headings)]
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * len(headings)


def test_a_list_of_number_words_inside_a_story_stays_text() -> None:
    """Guard: "One - we left" / "Two - we came back" is no series of titles, and a line under the story."""
    story = read(ORCHARD + f"{FIRST}\n\nOne - we left\n\n{SECOND}\n\nTwo - we came back\n\n{THIRD}\n")
    assert len(story.chapters) == 1
    assert "One - we left" in story.chapters[0].paragraphs


# A title page as a heading of the chapters' level; headings underlined in a text file.

CHAPTER_TEXT = "\n\n".join(PROSE)


@pytest.mark.parametrize("name", ["quiet.md", "quiet.txt"])
@pytest.mark.parametrize("byline", ["by Tom Ellery", "Tom Ellery"])
def test_a_first_heading_over_only_its_by_line_is_the_title_page(name: str, byline: str) -> None:
    text = f"# The Quiet Year\n\n{byline}\n\n# Spring\n\n{CHAPTER_TEXT}\n\n# Summer\n\n{CHAPTER_TEXT}\n"
    story = import_story(text.encode(), name, max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Quiet Year", "Tom Ellery")
    assert [chapter.title for chapter in story.chapters] == ["Spring", "Summer"]
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


@pytest.mark.parametrize("mark", ["=", "-"])
def test_headings_underlined_in_a_text_file_are_headings(mark: str) -> None:
    text = (
        f"The Quiet Year\n{'=' * 14}\n\nTom Ellery\n\nSpring\n{mark * 6}\n\n{CHAPTER_TEXT}\n\n"
        f"Summer\n{mark * 6}\n\n{CHAPTER_TEXT}\n"
    )
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("The Quiet Year", "Tom Ellery")
    assert [chapter.title for chapter in story.chapters] == ["Spring", "Summer"]
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_divider_under_a_paragraph_stays_a_scene_break() -> None:
    """Guard: a rule under a line of another length is no underline: the paragraph keeps its text."""
    story = read(f"Chapter 1\n\n{FIRST}\n==========\n{SECOND}\n\nChapter 2\n\n{THIRD}\n")
    assert all("==" not in chapter.title for chapter in story.chapters if chapter.title)
    assert FIRST in " ".join(story.chapters[0].paragraphs)


# Interludes numbered in Roman numerals.


@pytest.mark.parametrize(
    ("first", "second"), [("Interlude I", "Interlude II"), ("Interlude I: Ada", "Interlude II: Bram")]
)
def test_interludes_numbered_in_roman_numerals_head_chapters(first: str, second: str) -> None:
    text = (
        f"Chapter 1\n\n{CHAPTER_TEXT}\n\n{first}\n\n{FIRST}\n\nChapter 2\n\n{CHAPTER_TEXT}\n\n"
        f"{second}\n\n{SECOND}\n\nChapter 3\n\n{CHAPTER_TEXT}\n"
    )
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == [None, first, None, second, None]


def test_interlude_and_a_lower_case_word_stays_text() -> None:
    """Guard: "Interlude in the park" is a line of the story; "Epilogue i" no heading."""
    story = read(f"Chapter 1\n\n{FIRST}\n\nInterlude in the park\n\n{SECOND}\n")
    assert story.chapters[0].paragraphs == [FIRST, "Interlude in the park", SECOND]


# Chapters numbered "#1", "#2".


def test_chapters_numbered_after_a_number_sign_are_chapters() -> None:
    story = read("Fragments\nby Kit Avery\n\n" + "".join(f"#{n}\n\n{CHAPTER_TEXT}\n\n" for n in (1, 2, 3)))
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE, PROSE]


def test_a_lone_number_sign_line_in_a_story_stays_text() -> None:
    """Guard: one "#1" (a ranking, a jersey) is no series."""
    story = read(f"Chapter 1\n\n{FIRST}\n\n#1\n\n{SECOND}\n")
    assert story.chapters[0].paragraphs == [FIRST, "#1", SECOND]


# A page's <title> naming the author after "by".


def medium_page(title: str) -> bytes:
    body = "".join(f"<p>{text}</p>" for text in PROSE)
    return (
        f"<html><head><title>{title}</title></head><body><article><section><h1>The Ferry</h1>"
        "<div><a href='/@tessmarlow'>Tess Marlow</a></div>"
        f"{body}</section></article></body></html>"
    ).encode()


@pytest.mark.parametrize("title", ["The Ferry | by Tess Marlow | Medium", "The Ferry - by Tess Marlow"])
def test_a_page_title_naming_the_author_after_by_gives_the_author(title: str) -> None:
    story = import_story(medium_page(title), "ferry.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Ferry", "Tess Marlow")
    assert story.chapters[0].paragraphs == PROSE


def test_a_page_title_holding_by_in_its_title_names_no_author() -> None:
    """Guard: "Saved by Moonlight" is the title's own "by", not a part of its own."""
    story = import_story(medium_page("Saved by Moonlight | Medium"), "ferry.html", max_bytes=1 << 20)
    assert story.meta.author != "Moonlight"


# A serial's "Posted <date>" line under each chapter's heading.


@pytest.mark.parametrize("posted", ["Posted March 3, 2023", "Updated: 10 March 2023", "Posted on 2023-03-03"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_posted_date_under_a_chapter_heading_is_its_note(posted: str, gap: str) -> None:
    text = f"Chapter 1{gap}{posted}\n\n{CHAPTER_TEXT}\n\nChapter 2{gap}{posted}\n\n{CHAPTER_TEXT}\n"
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == [None, None]
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]
    assert story.chapters[0].notes == [posted]


def test_a_title_under_a_chapter_heading_still_titles_it() -> None:
    """Guard: "Posted Letters" is a title, not a date."""
    story = read(f"Chapter 1\nPosted Letters\n\n{CHAPTER_TEXT}\n\nChapter 2\n\n{CHAPTER_TEXT}\n")
    assert story.chapters[0].title == "Posted Letters"
