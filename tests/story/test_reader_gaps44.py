"""Story files misread, found in the forty-fourth session's thirteenth round of reading (files of the
shapes real tools and sites make, written for it; the probe files stay out of the repository):

- an anthology EPUB whose every work stands behind a title page of its own, its title and its author
  ("The Salt Wife" / "Kestrel Ames"): each page became a chapter of the author's name alone, the work
  after it a second chapter of the same title; where the page had no paragraph (its author in a
  heading, or no author) the page was dropped and the works' titles with it. Now each page heads the
  work after it as a part's page does, its author that chapter's note.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.story.importer import import_story
from bot.story.service import add_story_file, story_details
from cogs._story_texts import story_info_text
from tests.story.builders import epub_bytes, xhtml
from tests.story.test_service import InlineWorkers

PROSE = [
    "The ferry left at dawn, its horn low over the water while the gulls wheeled above the harbour wall.",
    "Mara counted the crates twice before she signed for them, because the manifest never matched the hold.",
]
WORKS = [("The Salt Wife", "Kestrel Ames"), ("Low Water", "Ina Brand"), ("The Ferryman", "Oli Park")]


def _prose(index: int) -> str:
    return "".join(f"<p>{text} ({index})</p>" for text in PROSE)


def _anthology(page: str, opening: str = "<h2>{title}</h2>") -> bytes:
    documents = [("title.xhtml", xhtml("<h1>Tides</h1><p>Edited by Ruth Marsh</p>"))]
    points = []
    for index, (title, author) in enumerate(WORKS):
        documents.append((f"w{index}t.xhtml", xhtml(page.format(title=title, author=author))))
        documents.append((f"w{index}.xhtml", xhtml(opening.format(title=title) + _prose(index))))
        points.append((title, f"w{index}t.xhtml"))
    return epub_bytes(documents, title="Tides", author="Ruth Marsh", nav_points=points)


def _paragraphs(index: int) -> list[str]:
    return [f"{text} ({index})" for text in PROSE]


@pytest.mark.parametrize(
    ("page", "opening", "notes"),
    [
        ('<h1>{title}</h1><p class="author">{author}</p>', "<h2>{title}</h2>", True),
        ("<h1>{title}</h1><p>by {author}</p>", "", True),
        ("<h1>{title}</h1><h3>by {author}</h3>", "", True),
        ("<h1>{title}</h1>", "", False),
    ],
    ids=["name-then-repeated-heading", "by-line-then-prose", "by-line-heading", "title-only"],
)
def test_an_anthologys_title_pages_head_their_works(page: str, opening: str, notes: bool) -> None:
    story = import_story(_anthology(page, opening), "tides.epub", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == [title for title, _ in WORKS]
    assert [chapter.paragraphs for chapter in story.chapters] == [_paragraphs(index) for index in range(3)]
    expected = [[f"by {author}"] for _, author in WORKS] if notes else [[], [], []]
    assert [chapter.notes for chapter in story.chapters] == expected


def test_a_works_title_page_heads_its_first_chapter() -> None:
    documents = []
    for index, (title, author) in enumerate(WORKS[:2]):
        documents.append((f"w{index}t.xhtml", xhtml(f"<h1>{title}</h1><p>by {author}</p>")))
        for number in (1, 2):
            body = f"<h2>Chapter {number}</h2>" + _prose(index * 2 + number)
            documents.append((f"w{index}c{number}.xhtml", xhtml(body)))
    story = import_story(epub_bytes(documents, title="Two Shores", author="Various"), "two.epub", max_bytes=1 << 20)
    assert len(story.chapters) == 4
    assert story.chapters[0].title.startswith("The Salt Wife")
    assert story.chapters[2].title.startswith("Low Water")
    assert story.chapters[0].notes == ["by Kestrel Ames"]
    assert all("by " not in paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


def test_one_heading_page_in_a_novel_is_read_as_before() -> None:
    """One such page alone is no anthology's: it stays the chapter it was read as."""
    documents = [
        ("c1.xhtml", xhtml("<h1>Chapter 1</h1>" + _prose(1))),
        ("w.xhtml", xhtml("<h1>The Coast</h1><p>Ina Brand</p>")),
        ("c2.xhtml", xhtml("<h1>Chapter 2</h1>" + _prose(2))),
    ]
    story = import_story(epub_bytes(documents, title="Low Water", author="Ina Brand"), "low.epub", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == [None, "The Coast", None]
    assert story.chapters[1].paragraphs == ["Ina Brand"]


def test_works_with_their_text_on_their_own_page_are_read_as_before() -> None:
    documents = [
        (f"w{index}.xhtml", xhtml(f"<h1>{title}</h1>" + _prose(index))) for index, (title, _) in enumerate(WORKS)
    ]
    story = import_story(epub_bytes(documents, title="Tides", author="Ruth Marsh"), "tides.epub", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == [title for title, _ in WORKS]
    assert all(not chapter.notes for chapter in story.chapters)


def _parts_text(heading: str, markdown: bool = False) -> str:
    mark = "## " if markdown else ""
    text = "# Three Tides\n\nby Ina Brand\n\n" if markdown else "Three Tides\nby Ina Brand\n\n"
    for number in (1, 2, 3):
        text += f"{mark}{heading.format(n=number)}\n\n" + "\n\n".join(_paragraphs(number)) + "\n\n"
    return text


@pytest.mark.parametrize(
    ("heading", "titles"),
    [
        ("Part {n} of 3", ["Part 1 of 3", "Part 2 of 3", "Part 3 of 3"]),
        ("Part {n}/3", ["Part 1 of 3", "Part 2 of 3", "Part 3 of 3"]),
        ("Part {n} (of 3)", ["Part 1 of 3", "Part 2 of 3", "Part 3 of 3"]),
        ("PART {n} OF 3: THE FORD", ["PART 1 OF 3: THE FORD", "PART 2 OF 3: THE FORD", "PART 3 OF 3: THE FORD"]),
        ("Chapter {n} of 3", [None, None, None]),
    ],
    ids=["of", "slash", "bracketed", "capitals-titled", "chapter"],
)
@pytest.mark.parametrize("markdown", [False, True], ids=["txt", "md"])
def test_a_part_heading_keeps_how_many_parts_there_are(heading: str, titles: list, markdown: bool) -> None:
    name = "tides.md" if markdown else "tides.txt"
    story = import_story(_parts_text(heading, markdown).encode(), name, max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == titles
    assert [chapter.paragraphs for chapter in story.chapters] == [_paragraphs(number) for number in (1, 2, 3)]


def test_an_epubs_part_heading_keeps_how_many_parts_there_are() -> None:
    documents = [(f"c{n}.xhtml", xhtml(f"<h1>Part {n} of 3</h1>" + _prose(n))) for n in (1, 2, 3)]
    story = import_story(epub_bytes(documents, title="Three Tides"), "tides.epub", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == ["Part 1 of 3", "Part 2 of 3", "Part 3 of 3"]


def test_a_sentence_about_part_of_something_stays_text() -> None:
    text = "Three Tides\nby Ina Brand\n\nChapter 1\n\nPart 1 of the plan failed.\n\nShe waited for the tide.\n"
    story = import_story(text.encode(), "tides.txt", max_bytes=1 << 20)
    assert story.chapters[0].paragraphs == ["Part 1 of the plan failed.", "She waited for the tide."]


PROSE_MD = "Ada crossed the river at dawn, and the water was colder than she had been told."


def _note(body: str) -> list[list[str]]:
    text = f"# The Salt Wife\n\n## Chapter 1\n\n{PROSE_MD}\n\n{body}\n\n{PROSE_MD} Then home.\n"
    story = import_story(text.encode(), "salt.md", max_bytes=1 << 20)
    (chapter,) = story.chapters
    return [scene.paragraphs for scene in chapter.scenes]


@pytest.mark.parametrize(
    ("embed", "line"),
    [
        ("![[Letter from Gran]]", "[Embedded note: Letter from Gran]"),
        ("![[Letters/Letter from Gran.md#^c1a2|the letter]]", "[Embedded note: Letter from Gran]"),
        ("![[lullaby.mp3]]", "[Embedded file: lullaby.mp3]"),
        ("![[#The Crossing]]", "[Embedded section: The Crossing]"),
        ("![[map.png|The island at low tide]]", "[Image: The island at low tide]"),
        ("![[map.png|The island at low tide|300]]", "[Image: The island at low tide]"),
        ("![[map.png|300x200]]", "[Image]"),
    ],
    ids=["note", "note-in-folder", "file", "section", "image-alt", "image-alt-size", "image-size"],
)
def test_an_obsidian_embed_is_said_where_it_stands(embed: str, line: str) -> None:
    assert _note(embed) == [[PROSE_MD, line, f"{PROSE_MD} Then home."]]


def test_an_obsidian_divider_picture_is_a_scene_break() -> None:
    assert _note("![[scene-break.png]]") == [[PROSE_MD], [f"{PROSE_MD} Then home."]]


def test_an_obsidian_embed_inside_a_line_is_said_there() -> None:
    assert _note("She read it again: ![[Letter from Gran]] and put it away.") == [
        [PROSE_MD, "She read it again: [Embedded note: Letter from Gran] and put it away.", f"{PROSE_MD} Then home."]
    ]


@pytest.mark.parametrize(
    ("embeds", "line"),
    [
        ("![[Gran]]![[Bram]]", "[Embedded note: Gran] [Embedded note: Bram]"),
        ("![[Gran]]![[map.png]]![[Bram]]", "[Embedded note: Gran] [Image] [Embedded note: Bram]"),
        ("![[Gran]][1]", "[Embedded note: Gran] [1]"),
    ],
    ids=["two-notes", "note-image-note", "before-a-bracket"],
)
def test_obsidian_embeds_side_by_side_each_keep_their_brackets(embeds: str, line: str) -> None:
    """Embeds written with nothing between them read as one after another: "[Embedded note: Gran]"
    straight before "[Embedded note: Bram]" read as a Markdown reference link, and lost its brackets."""
    assert _note(embeds) == [[PROSE_MD, line, f"{PROSE_MD} Then home."]]


def test_an_obsidian_link_still_reads_as_its_name() -> None:
    assert _note("She thought of [[Bram]] and [[Places/Harbour|the harbour]].") == [
        [PROSE_MD, "She thought of Bram and the harbour.", f"{PROSE_MD} Then home."]
    ]


LONG = [
    "The ferry left at dawn, its horn low over the water while the gulls wheeled above the harbour wall, and nobody waved.",
    "Mara counted the crates twice before she signed for them, because the manifest never matched what was in the hold.",
]


def _chapter_lines(number: int) -> list[str]:
    """A chapter's paragraphs, a hundred words and more (a number word heads that much at least)."""
    return [f"{line} ({number}.{copy})" for copy in range(3) for line in LONG]


def _word_export(headings: list[str], first: str = "") -> str:
    text = "The Lantern Coast\r\nby Jessa Vale\r\n"
    for number, heading in enumerate(headings, 1):
        lines = ([first] if first else []) + _chapter_lines(number)
        text += heading + "\r\n" + "\r\n".join(lines) + "\r\n"
    return text


@pytest.mark.parametrize(
    ("headings", "titles"),
    [
        (["1.", "2.", "3."], [None, None, None]),
        (["I.", "II.", "III."], [None, None, None]),
        (["1", "2", "3"], [None, None, None]),
        (["ONE", "TWO", "THREE"], [None, None, None]),
        (["1. The Ferry", "2. The Quay", "3. The Hill"], ["The Ferry", "The Quay", "The Hill"]),
    ],
    ids=["digits-stop", "roman", "digits", "words", "numbered-titles"],
)
@pytest.mark.parametrize("first", ["", "\u201cWake up,\u201d she said."], ids=["long-first", "short-first"])
def test_words_plain_text_numbers_its_chapters_alone(headings: list[str], titles: list, first: str) -> None:
    story = import_story(_word_export(headings, first).encode(), "coast.txt", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Lantern Coast", "Jessa Vale")
    assert [chapter.title for chapter in story.chapters] == titles
    for number, chapter in enumerate(story.chapters, 1):
        assert chapter.paragraphs == ([first] if first else []) + _chapter_lines(number)


def test_a_numbered_list_in_words_plain_text_stays_text() -> None:
    text = (
        "Chapter 1\r\n" + LONG[0] + "\r\n1. eggs\r\n2. flour\r\n3. a pinch of salt\r\n" + LONG[1] + "\r\n"
        "Chapter 2\r\n" + LONG[1] + "\r\n"
    )
    story = import_story(text.encode(), "coast.txt", max_bytes=1 << 20)
    assert len(story.chapters) == 2
    assert "1. eggs" in "\n".join(story.chapters[0].paragraphs)
    assert "3. a pinch of salt" in "\n".join(story.chapters[0].paragraphs)


def test_one_number_alone_in_words_plain_text_is_no_chapter() -> None:
    lines = [*_chapter_lines(1), "2.", *_chapter_lines(2)]
    text = "The Lantern Coast\r\nby Jessa Vale\r\n" + "\r\n".join(lines) + "\r\n"
    story = import_story(text.encode(), "coast.txt", max_bytes=1 << 20)
    assert (story.meta.title, len(story.chapters)) == ("The Lantern Coast", 1)
    assert [line for line in lines if line != "2."] == [p for p in story.chapters[0].paragraphs if p != "2."]


def _chapters_text(mark: str = "") -> str:
    return "".join(f"{mark}Chapter {n}\n\n" + "\n\n".join(_paragraphs(n)) + "\n\n" for n in (1, 2))


@pytest.mark.parametrize(
    ("top", "name", "subtitle"),
    [
        (
            "The Quiet House\nBook Two of the Ember Cycle\n\nTamsin Greaves\n\n\n",
            "house.txt",
            "Book Two of the Ember Cycle",
        ),
        ("The Quiet House\nA Novel\n\nby Tamsin Greaves\n\n\n", "house.txt", "A Novel"),
        (
            "# The Quiet House\n\n## Book Two of the Ember Cycle\n\n*by Tamsin Greaves*\n\n",
            "house.md",
            "Book Two of the Ember Cycle",
        ),
        ("# The Quiet House\n\n*A Novel*\n\nby Tamsin Greaves\n\n", "house.md", "A Novel"),
    ],
    ids=["txt-series", "txt-novel", "md-heading", "md-line"],
)
def test_a_title_pages_subtitle_is_its_labelled_note(top: str, name: str, subtitle: str) -> None:
    text = top + _chapters_text("## " if name.endswith(".md") else "")
    story = import_story(text.encode(), name, max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Quiet House", "Tamsin Greaves")
    assert story.meta.notes == [f"Subtitle: {subtitle}"]
    assert [chapter.paragraphs for chapter in story.chapters] == [_paragraphs(1), _paragraphs(2)]


def test_a_google_docs_by_line_heading_is_the_author_not_a_subtitle() -> None:
    text = "# Harbour Lights\n\n### by Mara Quill\n\n" + _chapters_text("## ")
    story = import_story(text.encode(), "harbour.md", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author, story.meta.notes) == ("Harbour Lights", "Mara Quill", [])


@pytest.mark.parametrize(
    "page",
    [
        '<h1 class="title">The Quiet House</h1><p class="subtitle">{subtitle}</p><p class="author">Tamsin Greaves</p>',
        "<p><b>THE QUIET HOUSE</b></p><p>{subtitle}</p><p>Tamsin Greaves</p>",
    ],
    ids=["pandoc", "calibre"],
)
@pytest.mark.parametrize("subtitle", ["A Novella", "Book Two of the Ember Cycle"])
def test_an_epub_title_pages_subtitle_is_its_labelled_note(page: str, subtitle: str) -> None:
    documents = [("title.xhtml", xhtml(page.format(subtitle=subtitle)))]
    documents += [(f"c{n}.xhtml", xhtml(f"<h1>Chapter {n}</h1>" + _prose(n))) for n in (1, 2)]
    book = epub_bytes(documents, title="The Quiet House", author="Tamsin Greaves")
    story = import_story(book, "house.epub", max_bytes=1 << 20)
    assert story.meta.notes == [f"Subtitle: {subtitle}"]
    assert len(story.chapters) == 2


def test_a_line_under_the_title_that_opens_the_story_is_no_subtitle() -> None:
    text = "The Quiet House\n\nThe house had been quiet for years before the letter came.\n\n" + "\n\n".join(LONG)
    story = import_story(text.encode(), "house.txt", max_bytes=1 << 20)
    assert not any(note.startswith("Subtitle") for note in story.meta.notes)


async def test_story_info_shows_the_subtitle(db: Database) -> None:
    text = "The Quiet House\nBook Two of the Ember Cycle\n\nby Tamsin Greaves\n\n\n" + _chapters_text()
    added = await add_story_file(
        db, InlineWorkers(), 7, "house.txt", text.encode(), added_by=1, now=1.0, max_bytes=1 << 20
    )
    answer = story_info_text(await story_details(db, 7, str(added.story_id)), 1)
    assert "Subtitle: *Book Two of the Ember Cycle*" in answer


SEABIRDS = [("Gull", "Ann Lee"), ("Tern", "Bo Ray"), ("Skua", "Cy Dunn")]


def _collection(name: str) -> bytes:
    if name.endswith(".epub"):
        documents = [
            (f"s{n}.xhtml", xhtml(f'<h1>{title}</h1><p class="author">by {author}</p>' + _prose(n)))
            for n, (title, author) in enumerate(SEABIRDS)
        ]
        return epub_bytes(documents, title="Seabirds", author="Various")
    if name.endswith(".md"):
        works = [f"## {title}\n\n*by {author}*\n\n" for title, author in SEABIRDS]
        top = "# Seabirds\n\n"
    else:
        works = [f"Chapter {n + 1}: {title}\n\nby {author}\n\n" for n, (title, author) in enumerate(SEABIRDS)]
        top = "Seabirds\n\n"
    return (top + "".join(work + "\n\n".join(_paragraphs(n)) + "\n\n" for n, work in enumerate(works))).encode()


@pytest.mark.parametrize("name", ["seabirds.epub", "seabirds.md", "seabirds.txt"])
def test_a_collections_by_lines_are_its_works_notes(name: str) -> None:
    story = import_story(_collection(name), name, max_bytes=1 << 20)
    assert story.meta.title == "Seabirds" and story.meta.author in (None, "Various")
    assert [chapter.title for chapter in story.chapters] == [title for title, _ in SEABIRDS]
    assert [chapter.notes for chapter in story.chapters] == [[f"by {author}"] for _, author in SEABIRDS]
    assert [chapter.paragraphs for chapter in story.chapters] == [_paragraphs(n) for n in range(3)]
    assert not any(note.startswith("Subtitle") for note in story.meta.notes)


def test_a_by_line_under_one_heading_still_names_the_author() -> None:
    text = "Episode 14 - Smoke\n\nby Ren Takeda\n\n" + "\n\n".join(_paragraphs(1)) + "\n"
    story = import_story(text.encode(), "smoke.txt", max_bytes=1 << 20)
    assert story.meta.author == "Ren Takeda"
    assert story.chapters[0].paragraphs == _paragraphs(1)


def test_a_chapter_opening_with_by_in_a_sentence_keeps_it() -> None:
    text = "# The Long Gate\n\nby Wren Holloway\n\n" + "".join(
        f"## Chapter {n}\n\nBy the time the gate opened, the crowd had gone.\n\n" + "\n\n".join(_paragraphs(n)) + "\n\n"
        for n in (1, 2)
    )
    story = import_story(text.encode(), "gate.md", max_bytes=1 << 20)
    assert all(chapter.paragraphs[0].startswith("By the time") for chapter in story.chapters)
    assert all(not chapter.notes for chapter in story.chapters)


def _serial(label: str, note: str, *, closing: bool = False) -> str:
    text = "Harbour Lights\nby tidewriter\n\n"
    for n in (1, 2):
        box = f"{label}\n\n{note}\n\n"
        body = "\n\n".join(_paragraphs(n)) + "\n\n"
        text += f"Chapter {n}: Tide {n}\n\n" + (body + box if closing else box + body)
    return text


@pytest.mark.parametrize("closing", [False, True], ids=["opening", "closing"])
def test_a_note_box_naming_the_author_holds_the_authors_words(closing: bool) -> None:
    text = _serial("A note from tidewriter", "Sorry this one is late, exams!", closing=closing)
    story = import_story(text.encode(), "harbour.txt", max_bytes=1 << 20)
    assert [chapter.paragraphs for chapter in story.chapters] == [_paragraphs(1), _paragraphs(2)]
    assert [chapter.notes for chapter in story.chapters] == [["Sorry this one is late, exams!"]] * 2


def test_a_note_from_someone_else_in_the_story_stays_text() -> None:
    text = _serial("A note from Mum", "Back late, love. Soup is in the fridge.")
    story = import_story(text.encode(), "harbour.txt", max_bytes=1 << 20)
    assert all(
        chapter.paragraphs[:2] == ["A note from Mum", "Back late, love. Soup is in the fridge."]
        for chapter in story.chapters
    )
    assert all(not chapter.notes for chapter in story.chapters)


@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["two-lines", "two-paragraphs"])
def test_a_text_collections_works_are_its_chapters(between: str) -> None:
    works = "".join(
        f"{title}{between}by {author}\n\n" + "\n\n".join(_paragraphs(n)) + "\n\n\n"
        for n, (title, author) in enumerate(SEABIRDS)
    )
    story = import_story(("Seabirds\nAn Anthology\n\n\n" + works).encode(), "anthology.txt", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.notes) == ("Seabirds", ["Subtitle: An Anthology"])
    assert [chapter.title for chapter in story.chapters] == [title for title, _ in SEABIRDS]
    assert [chapter.notes for chapter in story.chapters] == [[f"by {author}"] for _, author in SEABIRDS]
    assert [chapter.paragraphs for chapter in story.chapters] == [_paragraphs(n) for n in range(3)]


def test_a_story_quoting_a_poem_by_line_is_still_one_story() -> None:
    text = (
        "The Long Gate\nby Wren Holloway\n\n"
        + "\n\n".join(_paragraphs(1))
        + "\n\nThe Raven\nby Edgar Allan Poe\n\n"
        + "\n\n".join(_paragraphs(2))
        + "\n"
    )
    story = import_story(text.encode(), "gate.txt", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author, len(story.chapters)) == ("The Long Gate", "Wren Holloway", 1)
    assert "The Raven\nby Edgar Allan Poe" in story.chapters[0].paragraphs
