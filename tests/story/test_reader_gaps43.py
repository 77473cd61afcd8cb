"""Story files misread, found in the forty-third session's eleventh round of reading (files of the shapes
real saves take, written for it; the probe files stay out of the repository):

- a chapter heading ending in its colon or dash, its title on the line under it ("Chapter 4:" /
  "The Ford", "Ch. 2:", "CHAPTER TWO:", "Chapter 3 —"): no heading was found, the whole story one
  chapter with the headings in its text; now read as "Chapter 4" / "The Ford" is;
- an EPUB whose chapters have no heading and a TOC naming none of them, each chapter's title only in
  its document's <title>: the chapters had no titles; now the <title>s name them, where each differs
  from the others and from the book's title;
- a forum thread's page saved with one threadmarked post on it (its reader mode at the latest
  chapter): the post's <article> was taken for the page, the thread's title over it left out, and the
  story titled by the <title>, "Ranger [Worm/Pokemon] | Page 3", with no fandom; now titled and tagged
  as a page of two threadmarks is;
- Markdown headings numbered as a notes app names its files ("# 01 - Kettle", "# 2 | Gate"): the
  number stayed in each chapter's title, where "# 1. Kettle" and a text's "01 - Kettle" lost it;
- a Markdown poem's lines broken by CommonMark's backslash ("the lane,\\" / "the hill"): the backslash
  stayed at the end of each line;
- a chapter's last line saying only that it ends there ("End of Chapter 3", "~ End of Chapter 3 ~"):
  posted as the chapter's last paragraph;
- a chapter split in parts, "Chapter 12 (Part 1)" / "Chapter 12 (Part 2)": each titled by its part
  alone, "Part 1", "Part 2" (and "Chapter 1 pt. 1" no heading at all); now "Chapter 12, Part 2";
- a forum thread's omake posted by a reader and threadmarked by the author ("Omake: The Other Side"):
  taken out with the readers' replies, its chapter gone; now a chapter, a reply with no threadmark
  still taken out;
- an EPUB whose creator is written as a catalogue sorts it, "Holloway, Wren": the author in every
  chapter's header so; now "Wren Holloway" where the book says so (its own sort form is the same, or
  its title page names "Wren Holloway");
- an EPUB whose only TOC entry, "Contents", points at its first chapter: that chapter was dropped as
  the book's contents page; a page of prose with no links into the book is kept now.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml
from tests.story.test_reader_gaps41 import _reader_mode

PROSE = [
    "The kettle had been boiling for some time before Anna noticed it, and the kitchen was thick with steam.",
    "She wiped the window with her sleeve and looked out at the yard, where the hens sheltered under the cart.",
]
NAMES = ["The Kettle", "The Gate", "The Rain"]
WORDS = ["ONE", "TWO", "THREE"]


def _read(text: str, name: str = "gate.txt"):
    return import_story(text.encode(), name, max_bytes=1 << 20)


def _chaptered(heading: str) -> str:
    text = "The Long Gate\nby Wren Holloway\n\n"
    for number, (title, word) in enumerate(zip(NAMES, WORDS, strict=True), 1):
        text += heading.format(n=number, word=word, title=title) + "\n\n" + "\n\n".join(PROSE) + "\n\n"
    return text


@pytest.mark.parametrize(
    "heading",
    [
        "Chapter {n}:\n{title}",
        "Chapter {n}:\n\n{title}",
        "Ch. {n}:\n{title}",
        "CHAPTER {word}:\n{title}",
        "Chapter {n} —\n{title}",
        "Chapter {n} -\n\n{title}",
    ],
    ids=["next-line", "next-block", "ch-dot", "words", "dash", "hyphen"],
)
def test_a_heading_ending_in_its_colon_takes_the_title_under_it(heading: str) -> None:
    story = _read(_chaptered(heading))
    assert [chapter.title for chapter in story.chapters] == NAMES
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


@pytest.mark.parametrize("heading", ["Chapter {n}:", "Chapter {n} —"])
def test_a_heading_ending_in_its_separator_over_prose_is_untitled(heading: str) -> None:
    story = _read(_chaptered(heading))
    assert [chapter.title for chapter in story.chapters] == [None, None, None]
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


def test_a_sentence_ending_in_a_colon_stays_text() -> None:
    text = "The Long Gate\n\n" + "\n\n".join(PROSE) + "\n\nThe chapter she wanted was this one:\n\n" + PROSE[0]
    story = _read(text)
    assert len(story.chapters) == 1
    assert "The chapter she wanted was this one:" in story.chapters[0].paragraphs


def _titled_docs(titles: list[str]) -> list[tuple[str, str]]:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PROSE)
    return [(f"c{index}.xhtml", xhtml(body, title)) for index, title in enumerate(titles)]


@pytest.mark.parametrize("nav", [[("Start", "c0.xhtml")], [("The Long Gate", "c0.xhtml")]], ids=["start", "book-title"])
def test_an_epub_chapter_titled_only_in_its_head_title_takes_it(nav) -> None:
    data = epub_bytes(_titled_docs(NAMES), title="The Long Gate", author="Wren Holloway", nav_points=nav)
    story = import_story(data, "gate.epub", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == NAMES
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


@pytest.mark.parametrize(
    "titles", [["The Long Gate"] * 3, ["Unknown"] * 3, ["The Long Gate", "The Gate", "The Rain"], ["c0", "c1", "c2"]]
)
def test_head_titles_that_name_no_chapter_are_not_titles(titles: list[str]) -> None:
    data = epub_bytes(
        _titled_docs(titles), title="The Long Gate", author="Wren Holloway", nav_points=[("Start", "c0.xhtml")]
    )
    story = import_story(data, "gate.epub", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == [None, None, None]
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


@pytest.mark.parametrize("marks", [["Chapter 4: Bug"], ["Chapter 4: Bug", "Chapter 5: Trainer"]], ids=["one", "two"])
@pytest.mark.parametrize(
    ("title", "fandoms"),
    [("Brockton Bay Ranger [Worm/Pokemon]", ["Worm/Pokemon"]), ("Brockton Bay Ranger", [])],
    ids=["tagged", "untagged"],
)
def test_a_thread_page_of_one_threadmark_keeps_the_threads_title(marks, title: str, fandoms: list[str]) -> None:
    story = import_story(_reader_mode(title, marks), "ranger.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.fandoms) == ("Brockton Bay Ranger", fandoms)
    assert [chapter.title for chapter in story.chapters] == [mark.split(": ")[1] for mark in marks]


@pytest.mark.parametrize("heading", ["# {n:02d} - {title}", "## {n} | {title}", "# {n}: {title}", "# {n} – {title}"])
def test_markdown_headings_numbered_as_a_series_with_a_dash_are_titled_by_their_words(heading: str) -> None:
    text = "".join(heading.format(n=n, title=t) + "\n\n" + "\n\n".join(PROSE) + "\n\n" for n, t in enumerate(NAMES, 1))
    story = _read(text, "gate.md")
    assert [chapter.title for chapter in story.chapters] == NAMES
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


def test_markdown_headings_with_a_dash_that_do_not_count_up_keep_their_numbers() -> None:
    text = "".join(
        f"# {year} - {t}\n\n" + "\n\n".join(PROSE) + "\n\n" for year, t in zip([1984, 1990, 2001], NAMES, strict=True)
    )
    story = _read(text, "gate.md")
    assert [chapter.title for chapter in story.chapters] == ["1984 - The Kettle", "1990 - The Gate", "2001 - The Rain"]


def test_a_backslash_ending_a_markdown_line_is_a_line_break() -> None:
    text = (
        "# Winter Psalm\n\nby Ida Marsh\n\nNo lamp was lit in any house,\\\nno dog barked in the lane.\n\nA path \\\\\n"
    )
    story = _read(text, "psalm.md")
    assert story.chapters[0].paragraphs == ["No lamp was lit in any house,\nno dog barked in the lane.", "A path \\"]


@pytest.mark.parametrize(
    "closing", ["End of Chapter {n}", "~ End of Chapter {n} ~", "[End of chapter {n}]", "END OF CHAPTER {word}."]
)
@pytest.mark.parametrize("name", ["gate.txt", "gate.md"])
def test_a_line_closing_a_chapter_that_only_says_so_is_no_text(closing: str, name: str) -> None:
    text = "The Long Gate\n\nby Wren Holloway\n\n"
    for number, word in enumerate(WORDS, 1):
        text += f"Chapter {number}\n\n" + "\n\n".join(PROSE) + "\n\n" + closing.format(n=number, word=word) + "\n\n"
    story = _read(text, name)
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * 3


def test_an_end_of_chapter_line_in_html_is_no_text() -> None:
    chapters = "".join(
        f"<h2>Chapter {n}</h2>" + "".join(f"<p>{p}</p>" for p in PROSE) + f"<p><i>End of Chapter {n}</i></p>"
        for n in (1, 2)
    )
    story = _read(f"<html><body><h1>The Long Gate</h1>{chapters}</body></html>", "gate.html")
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * 2


@pytest.mark.parametrize(
    "line", ["End of chapter one, she wrote, and closed the book.", "The end of the chapter was torn out."]
)
def test_a_sentence_about_a_chapters_end_stays_text(line: str) -> None:
    text = "The Long Gate\n\nby Wren Holloway\n\n" + "\n\n".join(PROSE) + f"\n\n{line}\n"
    assert _read(text).chapters[0].paragraphs == [*PROSE, line]


@pytest.mark.parametrize(
    ("headings", "titles"),
    [
        (["Chapter 1 - Part 1", "Chapter 1 - Part 2", "Chapter 2"], ["Chapter 1, Part 1", "Chapter 1, Part 2", None]),
        (
            ["Chapter 12 (Part 1)", "Chapter 12 (Part 2)", "Chapter 13"],
            ["Chapter 12, Part 1", "Chapter 12, Part 2", None],
        ),
        (["Chapter One: Part One", "Chapter One: Part Two"], ["Chapter One, Part One", "Chapter One, Part Two"]),
        (
            ["Chapter 1: Pt. 1 - The Kettle", "Chapter 1: Pt. 2 - The Gate"],
            ["Chapter 1, Pt. 1 - The Kettle", "Chapter 1, Pt. 2 - The Gate"],
        ),
        (["Chapter 1 pt. 1", "Chapter 1 part 2"], ["Chapter 1, pt. 1", "Chapter 1, part 2"]),
        (["Chapter 1", "Chapter 2: Part of the Plan"], [None, "Part of the Plan"]),
        (["Chapter 1 (Part 2)", "Chapter 2 (Part 1)"], ["Part 2", "Part 1"]),
    ],
    ids=["dash", "brackets", "words", "titled", "lower-case", "part-of-a-title", "numbered-once"],
)
@pytest.mark.parametrize("name", ["gate.txt", "gate.md"])
def test_a_chapter_split_in_parts_keeps_its_chapter_in_each_title(headings, titles, name: str) -> None:
    mark = "## " if name.endswith(".md") else ""
    text = "The Long Gate\n\nby Wren Holloway\n\n"
    text += "".join(f"{mark}{heading}\n\n" + "\n\n".join(PROSE) + "\n\n" for heading in headings)
    story = _read(text, name)
    assert [chapter.title for chapter in story.chapters] == titles
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


def test_a_sentence_naming_a_chapters_part_stays_text() -> None:
    line = "Chapter 3 part 2 was the best of them."
    text = "The Long Gate\n\nby Wren Holloway\n\n" + "\n\n".join(PROSE) + f"\n\n{line}\n\n" + PROSE[0] + "\n"
    assert _read(text).chapters[0].paragraphs == [*PROSE, line, PROSE[0]]


def _post(poster: str, mark: str | None, text: str, number: int) -> str:
    header = (
        f"<div class='message-cell message-cell--threadmark-header'><span class='threadmarkLabel'>{mark}</span></div>"
        if mark
        else ""
    )
    marked = " hasThreadmark" if mark else ""
    return (
        f"<article class='message message--post{marked}' data-author='{poster}' id='js-post-{number}'>{header}"
        f"<div class='message-cell message-cell--main'><div class='bbWrapper'>{text}</div></div></article>"
    )


def _thread(posts: str) -> bytes:
    return (
        "<html><head><title>Ranger [Worm] | Page 1 | SpaceBattles</title></head><body><div class='p-title'>"
        f"<h1 class='p-title-value'>Ranger [Worm]</h1></div><div class='block-body'>{posts}</div></body></html>"
    ).encode()


def test_a_threadmarked_omake_by_a_reader_stays_a_chapter() -> None:
    posts = (
        _post("Quill", "Chapter 1: Bug", "<br/><br/>".join(PROSE), 1)
        + _post("Reader9", "Omake: The Other Side", "<br/><br/>".join(reversed(PROSE)), 2)
        + _post("Quill", "Chapter 2: Trainer", "<br/><br/>".join(PROSE), 3)
    )
    story = import_story(_thread(posts), "ranger.html", max_bytes=1 << 20)
    assert story.meta.author == "Quill"
    assert [chapter.title for chapter in story.chapters] == ["Bug", "Omake: The Other Side", "Trainer"]
    assert story.chapters[1].paragraphs == list(reversed(PROSE))


def test_a_readers_reply_with_no_threadmark_is_still_dropped() -> None:
    posts = (
        _post("Quill", "Chapter 1: Bug", "<br/><br/>".join(PROSE), 1)
        + _post("Reader9", None, "Great chapter, can't wait for more!", 2)
        + _post("Quill", "Chapter 2: Trainer", "<br/><br/>".join(PROSE), 3)
    )
    story = import_story(_thread(posts), "ranger.html", max_bytes=1 << 20)
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def _sorted_name_epub(creator: str | None, extra: str = "", title_page: str = "Wren Holloway") -> bytes:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PROSE)
    docs = [
        ("title.xhtml", xhtml(f"<h1>The Long Gate</h1><p>{title_page}</p>", "Title")),
        ("c1.xhtml", xhtml("<h1>Chapter 1</h1>" + body, "c1")),
        ("c2.xhtml", xhtml("<h1>Chapter 2</h1>" + body, "c2")),
    ]
    points = [("Chapter 1", "c1.xhtml"), ("Chapter 2", "c2.xhtml")]
    return epub_bytes(docs, title="The Long Gate", author=creator, extra_metadata=extra, nav_points=points)


@pytest.mark.parametrize(
    ("creator", "extra", "title_page"),
    [
        ("Holloway, Wren", "", "by Wren Holloway"),
        (None, '<dc:creator opf:file-as="Holloway, Wren">Holloway, Wren</dc:creator>', "A Novel"),
        (
            None,
            '<dc:creator id="a1">Holloway, Wren</dc:creator><meta refines="#a1" property="file-as">Holloway, Wren</meta>',
            "A Novel",
        ),
    ],
    ids=["title-page", "file-as", "file-as-meta"],
)
def test_an_epub_creator_written_as_sorted_is_read_in_order(creator, extra: str, title_page: str) -> None:
    story = import_story(_sorted_name_epub(creator, extra, title_page), "gate.epub", max_bytes=1 << 20)
    assert story.meta.author == "Wren Holloway"
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


@pytest.mark.parametrize("creator", ["Holloway, Marsh", "Wren Holloway"])
def test_an_epub_creator_the_book_does_not_name_in_order_stays(creator: str) -> None:
    story = import_story(_sorted_name_epub(creator, title_page="A Novel"), "gate.epub", max_bytes=1 << 20)
    assert story.meta.author == creator


def test_an_epub_chapter_its_toc_calls_contents_is_kept() -> None:
    docs = _titled_docs(NAMES)
    data = epub_bytes(docs, title="The Long Gate", author="Wren Holloway", nav_points=[("Contents", "c0.xhtml")])
    story = import_story(data, "gate.epub", max_bytes=1 << 20)
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE] * 3


@pytest.mark.parametrize("linked", [True, False], ids=["links", "lines"])
def test_an_epub_contents_page_is_still_dropped(linked: bool) -> None:
    entries = "".join(
        f'<p><a href="c{index}.xhtml">{name}</a></p>' if linked else f"<p>{name}</p>"
        for index, name in enumerate(NAMES)
    )
    docs = [("toc.xhtml", xhtml(f"<h1>Contents</h1>{entries}", "Contents")), *_titled_docs(NAMES)]
    points = [("Contents", "toc.xhtml"), *((name, f"c{index}.xhtml") for index, name in enumerate(NAMES))]
    story = import_story(epub_bytes(docs, title="The Long Gate", nav_points=points), "gate.epub", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == NAMES
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)
