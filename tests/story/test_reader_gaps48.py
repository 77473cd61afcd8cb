"""Story files misread, found in the forty-eighth session's seventeenth round of reading (files of
the shapes real tools and sites make, written for it; the probe files stay out of the repository):

- a header's fields written as a numbered list ("1. **Author:** snowfall_scribe" / "2. **Rating:**
  Mature", as a Markdown editor numbers a list): the list was an epigraph or a chapter 1 of its own,
  the author unnamed and the rating undeclared;
- a Bear or Obsidian note's tags under its text ("#writing/fic #drafts", its Markdown's tags), and a
  word count there ("Word count: 1,234"): the story's last paragraph;
- a Pandoc writer's LaTeX between chapters ("\\newpage", "\\pagebreak"): a paragraph of story text,
  and over the first chapter a chapter of its own;
- a Ghost blog's post saved from the browser (its default theme, Source): the post's tag, a link set
  over the title in the post's header, titled the story ("Fiction"), and the title was a chapter's;
- a chapter titled with emoji alone on the line under its heading ("Chapter 1" / "🌊", as a phone
  writer titles one): the line was taken for a divider and dropped, the chapter untitled;
- a sign-off asking for kudos and comments under the last chapter ("Comments and kudos make my day!"):
  the story's last paragraph (two asks, but "kudos" was none);
- an Obsidian quote callout over the story ("> [!quote] Anton Chekhov" over its words): a chapter 1 of
  its own, where a plain quote over its source is the epigraph;
- a Telegraph article saved from the browser: its by-line, an ``<address>`` under the title, was a
  paragraph ("Ada QuillMarch 1, 2024"), the editor's copy of the title a second chapter, and the story
  had no author;
- an author's record in a Markdown file's front matter ("author:" over "  name: Ada Quill" and
  "  url: ...", as Jekyll sets one; Quarto's and Pandoc's "- name: Ada Quill" over "affiliation: ..."):
  the author was "name: Ada Quill url: https://...";
- a published book's apparatus: its "Praise for Salt Roads" page of reviewers' words before the title
  page (a chapter 1 of quotes), its "Read on for an excerpt from The Bell Tower" after the story (a
  last chapter of another book), and a glossary at the back ("Glossary" over "Ferrow: the old word
  for a ferry."; the story's last paragraphs, or a chapter of its own);
- a warning set in a Markdown tool's box over the story: MkDocs' admonition ('!!! warning "Content
  warnings"' over its indented text) and Quarto's callout ('::: {.callout-warning title="Content
  warnings"}'): a chapter 1 of its own, the warnings undeclared;
- a header's fields set as a list with Word's Symbol bullet ("· Rating: Teen And Up Audiences", a
  document saved as a web page): an epigraph, the rating and archive warnings undeclared (a warnings
  list so set was read; the two passes now share one set of bullets).

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts
from tests.story.builders import epub_bytes, paragraphs, read_text, xhtml
from tests.story.test_reader_gaps47 import STORY

# ---------------------------------------------------------------- a header as a numbered list


def _winter(header: str, name: str = "winter.txt") -> Story:
    chapters = "".join(f"Chapter {n}\n\n" + "\n\n".join(STORY) + "\n\n" for n in (1, 2))
    if name.endswith(".md"):
        chapters = chapters.replace("Chapter ", "## Chapter ")
    return read_text(f"The Long Winter\n\n{header}\n\n{chapters}", name)


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("1. **Author:** snowfall_scribe\n2. **Rating:** Mature", "winter.md"),
        ("1. Author: snowfall_scribe\n2. Rating: Mature", "winter.txt"),
        ("1) Author: snowfall_scribe\n2) Rating: Mature", "winter.txt"),
    ],
    ids=["md-bold", "txt-dot", "txt-paren"],
)
def test_a_header_written_as_a_numbered_list_is_read_as_its_fields(header: str, name: str) -> None:
    story = _winter(header, name)
    assert (story.meta.author, story.meta.rating) == ("snowfall_scribe", "Mature")
    assert story.meta.notes == []
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


def test_a_numbered_list_in_the_story_stays_text() -> None:
    chapter = "Chapter 1\n\n" + STORY[0] + "\n\n1. Rope: two coils\n2. Summary: none needed\n\n" + STORY[1] + "\n"
    inside = read_text("The Long Winter\nby snowfall_scribe\n\n" + chapter, "winter.txt")
    assert inside.chapters[0].paragraphs == [STORY[0], "1. Rope: two coils\n2. Summary: none needed", STORY[1]]
    assert inside.meta.summary is None


# ---------------------------------------------------------------- a note's tags and a word count under the text


def _salt(tail: str, name: str = "salt.txt") -> Story:
    heading = "## Chapter" if name.endswith(".md") else "Chapter"
    text = "# Salt Roads\n\n" if name.endswith(".md") else "Salt Roads\n\n"
    text += "".join(f"{heading} {n}\n\n" + "\n\n".join(STORY) + "\n\n" for n in (1, 2))
    return read_text(text + tail + "\n", name)


@pytest.mark.parametrize(
    ("tail", "tags"),
    [("#writing/fic #drafts #salt-roads", ["writing/fic", "drafts", "salt-roads"]), ("#fic", ["fic"])],
    ids=["bear", "one-tag"],
)
def test_a_markdown_notes_tags_under_its_text_are_its_tags(tail: str, tags: list[str]) -> None:
    story = _salt(tail, "salt.md")
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
    assert (story.meta.additional_tags, story.chapters[-1].notes) == (tags, [])


@pytest.mark.parametrize(("tail", "name"), [("Word count: 1,234", "salt.txt"), ("**Words:** 2341", "salt.md")])
def test_a_word_count_under_the_text_is_the_chapters_note(tail: str, name: str) -> None:
    story = _salt(tail, name)
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
    assert story.chapters[-1].notes == [tail.replace("**", "")]


@pytest.mark.parametrize(
    "tail", ["#blessed", "#writing #fic", "Words: none of them true.", "#1 on the list, she said."]
)
def test_a_last_line_of_a_text_file_like_a_tag_or_a_count_stays(tail: str) -> None:
    """In a text file a line of hashtags may be a character's post (tests/story/test_web_pages32.py)."""
    story = _salt(tail)
    assert story.chapters[-1].paragraphs == [*STORY, tail]


def test_hashtags_closing_a_markdown_paragraph_stay() -> None:
    story = _salt("She posted the photo.\n#blessed #nofilter", "salt.md")
    assert story.chapters[-1].paragraphs[-1] == "She posted the photo.\n#blessed #nofilter"
    assert story.meta.additional_tags == []


# ---------------------------------------------------------------- LaTeX page breaks in Markdown


@pytest.mark.parametrize("command", ["\\newpage", "\\pagebreak", "\\clearpage", "\\vspace{2em}", "\\tableofcontents"])
def test_a_pandoc_writers_latex_between_chapters_is_no_story_text(command: str) -> None:
    text = f"# Salt Roads\n\n*by Ada Quill*\n\n{command}\n\n" + "".join(
        f"## Chapter {n}\n\n" + "\n\n".join(STORY[:2]) + f"\n\n{command}\n\n" + "\n\n".join(STORY[2:]) + "\n\n"
        for n in (1, 2)
    )
    story = read_text(text, "salt.md")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert [chapter.title for chapter in story.chapters] == [None, None]
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
    assert all(len(chapter.scenes) == 1 for chapter in story.chapters)


def test_latex_among_words_stays_text() -> None:
    line = "She wrote \\newpage in the margin, as the printer had taught her."
    story = read_text("# Salt Roads\n\n## Chapter 1\n\n" + STORY[0] + "\n\n" + line + "\n", "salt.md")
    assert story.chapters[0].paragraphs == [STORY[0], line]


# ---------------------------------------------------------------- a Ghost post's tag over its title


def _ghost(tag: str) -> Story:
    page = (
        "<html><head><title>The Salt Wife</title></head><body>"
        '<header class="gh-navigation"><a class="gh-navigation-logo" href="/">Tidelines</a></header>'
        '<main class="gh-main"><article class="gh-article post"><header class="gh-article-header gh-canvas">'
        f'{tag}<h1 class="gh-article-title is-title">The Salt Wife</h1>'
        '<div class="gh-article-meta"><h4 class="gh-article-author-name"><a href="/author/kestrel/">Kestrel Ames</a>'
        '</h4><time class="gh-article-meta-date" datetime="2024-03-01">Mar 1, 2024</time></div></header>'
        '<section class="gh-content gh-canvas">' + "".join(f"<p>{p}</p>" for p in STORY) + "</section>"
        "</article></main></body></html>"
    )
    return import_story(page.encode(), "post.html", max_bytes=1 << 20)


def test_a_posts_tag_set_over_its_title_is_a_tag_not_the_title() -> None:
    story = _ghost('<a class="gh-article-tag" href="https://tidelines.example/tag/fiction/">Fiction</a>')
    assert (story.meta.title, story.meta.author) == ("The Salt Wife", "Kestrel Ames")
    assert story.meta.additional_tags == ["Fiction"]
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [(None, STORY)]


def test_a_tag_link_among_words_over_the_title_stays_a_line() -> None:
    story = _ghost('<span>Filed under <a href="/tag/fiction/">Fiction</a></span>')
    assert story.meta.title != "Fiction"
    assert paragraphs(story) == STORY


# ---------------------------------------------------------------- a chapter titled with emoji


def _elements(titles: list[str], gap: str = "\n") -> Story:
    text = "Elements\nby Piet Roe\n\n" + "".join(
        f"Chapter {n}{gap}{title}\n\n" + "\n\n".join(STORY) + "\n\n" for n, title in enumerate(titles, 1)
    )
    return read_text(text, "elements.txt")


@pytest.mark.parametrize(
    "titles", [["🌊", "🔥"], ["🔥💔", "🌙\ufe0f"], ["🧜🏽\u200d♀️", "🌊"]], ids=["one", "two", "joined"]
)
def test_emoji_under_a_bare_chapter_heading_title_it(titles: list[str]) -> None:
    story = _elements(titles)
    assert [chapter.title for chapter in story.chapters] == titles
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


def test_a_divider_of_emoji_under_a_heading_or_a_line_apart_stays_no_title() -> None:
    repeated = _elements(["🌸🌸🌸", "🌸🌸🌸"])
    apart = _elements(["🌊", "🔥"], gap="\n\n")
    fleuron = _elements(["❦", "❦"])
    for story in (repeated, apart, fleuron):
        assert [chapter.title for chapter in story.chapters] == [None, None]
        assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


# ---------------------------------------------------------------- a sign-off asking for kudos


@pytest.mark.parametrize(
    "tail", ["Comments and kudos make my day!", "Next time: the bell rings. Kudos and comments are love!"]
)
def test_a_sign_off_asking_for_kudos_and_comments_is_the_chapters_note(tail: str) -> None:
    story = _salt(tail)
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
    assert story.chapters[-1].notes == [tail]


def test_kudos_in_the_story_stays_text() -> None:
    tail = "Kudos to the crew, the captain said, and the harbour cheered."
    assert _salt(tail).chapters[-1].paragraphs == [*STORY, tail]


# ---------------------------------------------------------------- an Obsidian quote callout


@pytest.mark.parametrize(
    "callout",
    [
        "> [!quote] Anton Chekhov\n> The sea has neither meaning nor pity.",
        "> [!cite]\n> The sea has neither meaning nor pity.\n> — Anton Chekhov",
    ],
    ids=["titled", "untitled"],
)
def test_a_quote_callout_over_the_story_is_its_epigraph(callout: str) -> None:
    text = f"# The Glass Orchard\n\n{callout}\n\n" + "".join(
        f"## Chapter {n}\n\n" + "\n\n".join(STORY) + "\n\n" for n in (1, 2)
    )
    story = read_text(text, "orchard.md")
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
    assert story.meta.notes == ["Epigraph: The sea has neither meaning nor pity.\n— Anton Chekhov"]


def test_a_quote_callout_inside_a_chapter_stays_its_text() -> None:
    text = "# The Glass Orchard\n\n## Chapter 1\n\n" + STORY[0] + "\n\n> [!quote] Ada\n> Hold the line.\n\n" + STORY[1]
    story = read_text(text + "\n", "orchard.md")
    assert len(story.chapters[0].paragraphs) == 3
    assert story.meta.notes == []


# ---------------------------------------------------------------- a Telegraph article's by-line


def _telegraph(address: str) -> Story:
    page = (
        '<html><head><title>Salt Roads – Telegraph</title><meta property="og:site_name" content="Telegraph">'
        '</head><body><div class="tl_page_wrap"><div class="tl_page"><main class="tl_article">'
        f'<header class="tl_article_header" dir="auto"><h1>Salt Roads</h1>{address}</header>'
        '<article id="_tl_editor" class="tl_article_content"><h1>Salt Roads<br></h1><address>Ada Quill<br></address>'
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</article></main></div></div></body></html>"
    )
    return import_story(page.encode(), "salt.html", max_bytes=1 << 20)


def test_an_address_under_the_title_is_its_by_line() -> None:
    story = _telegraph(
        '<address><a rel="author">Ada Quill</a><time datetime="2024-03-01">March 1, 2024</time></address>'
    )
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [(None, STORY)]


def test_a_letters_short_address_under_a_chapters_heading_stays_text() -> None:
    page = (
        "<html><head><title>Salt Roads</title></head><body><h1>Salt Roads</h1><p>by Ada Quill</p>"
        f"<p>{STORY[0]}</p><h2>Chapter 2</h2><address>12 Quay Street</address><p>{STORY[1]}</p></body></html>"
    )
    story = import_story(page.encode(), "salt.html", max_bytes=1 << 20)
    assert "12 Quay Street" in paragraphs(story)
    assert story.meta.author == "Ada Quill"


def test_an_address_in_the_story_stays_text() -> None:
    letter = (
        "The Harbour Office, 12 Quay Street, Portwick, where the ferry company kept its ledgers and its lost umbrellas"
    )
    page = (
        "<html><head><title>Salt Roads</title></head><body><h1>Salt Roads</h1><p>by Ada Quill</p>"
        f"<p>{STORY[0]}</p><h2>Chapter 2</h2><address>{letter}</address><p>{STORY[1]}</p></body></html>"
    )
    story = import_story(page.encode(), "salt.html", max_bytes=1 << 20)
    assert letter in paragraphs(story)


# ---------------------------------------------------------------- an author's record in the front matter


@pytest.mark.parametrize(
    ("front", "author"),
    [
        ("author:\n  name: Ada Quill\n  url: https://ada.example\n  avatar: /ada.png", "Ada Quill"),
        ("author:\n  - name: Ada Quill\n    affiliation: Portwick Writers", "Ada Quill"),
        ("authors:\n  - name: Ada Quill\n    orcid: 0000-0001\n  - name: Bram Lee", "Ada Quill, Bram Lee"),
    ],
    ids=["jekyll-map", "quarto-list", "two-records"],
)
def test_an_authors_record_in_the_front_matter_names_them(front: str, author: str) -> None:
    text = f"---\ntitle: Salt Roads\n{front}\n---\n\n" + "".join(
        f"## Chapter {n}\n\n" + "\n\n".join(STORY) + "\n\n" for n in (1, 2)
    )
    story = read_text(text, "salt.md")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", author)
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


def test_other_keys_lists_and_text_in_the_front_matter_read_as_before() -> None:
    front = "author:\n  - Ada Quill\nsummary: >\n  name: the ferry\n  and the bell.\ntags:\n  - name: ferry"
    story = read_text(f"---\ntitle: Salt Roads\n{front}\n---\n\n" + "\n\n".join(STORY) + "\n", "salt.md")
    assert (story.meta.author, story.meta.summary) == ("Ada Quill", "name: the ferry and the bell.")
    assert story.meta.additional_tags == ["name: ferry"]


# ---------------------------------------------------------------- a published book's praise, excerpt and glossary


def _book(front: list[tuple[str, str]], back: list[tuple[str, str]]) -> Story:
    chapters = [(f"c{n}.xhtml", xhtml(f"<h1>Chapter {n}</h1>" + "".join(f"<p>{p}</p>" for p in STORY))) for n in (1, 2)]
    documents = [*front, *chapters, *back]
    points = [(f"Page {n}", name) for n, (name, _) in enumerate(documents)]
    data = epub_bytes(documents, title="Salt Roads", author="Ada Quill", nav_points=points)
    return import_story(data, "salt.epub", max_bytes=1 << 20)


@pytest.mark.parametrize("heading", ["Praise for the Ember Cycle", "Advance Praise", "PRAISE"])
def test_a_books_page_of_praise_is_no_chapter(heading: str) -> None:
    praise = "<p>“A triumph of quiet storytelling.”</p><p>—The Portwick Review</p>"
    story = _book([("praise.xhtml", xhtml(f"<h1>{heading}</h1>{praise}"))], [])
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
    assert story.meta.notes == ["Praise: “A triumph of quiet storytelling.”\n—The Portwick Review"]


@pytest.mark.parametrize(
    "heading", ["Read on for an excerpt from The Bell Tower", "Keep reading for a sneak peek of The Bell Tower"]
)
def test_an_excerpt_of_another_book_after_the_story_is_no_chapter(heading: str) -> None:
    excerpt = "<h2>Chapter 1</h2><p>The bell had not rung in forty years, and nobody remembered why.</p>"
    story = _book([], [("excerpt.xhtml", xhtml(f"<h1>{heading}</h1>{excerpt}"))])
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


def test_a_glossary_after_the_story_is_no_story_text() -> None:
    glossary = "Ferrow: the old word for a ferry.\nTidebell: the bell rung at the turn of the tide."
    chapters = "".join(f"Chapter {n}\n\n" + "\n\n".join(STORY) + "\n\n" for n in (1, 2))
    text = read_text(f"Salt Roads\nby Ada Quill\n\n{chapters}Glossary\n\n{glossary}\n", "salt.txt")
    markdown = read_text(
        "# Salt Roads\n\n" + chapters.replace("Chapter", "## Chapter") + f"## Glossary\n\n{glossary}\n", "salt.md"
    )
    for story in (text, markdown):
        assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


def test_a_chapter_called_praise_or_a_glossary_of_story_length_stays() -> None:
    long_glossary = "\n\n".join(STORY * 20)
    story = read_text(
        "# Salt Roads\n\n## Chapter 1\n\n" + "\n\n".join(STORY) + f"\n\n## Glossary\n\n{long_glossary}\n", "salt.md"
    )
    assert [chapter.title for chapter in story.chapters] == [None, "Glossary"]
    praised = read_text("# Salt Roads\n\n## Praise the Tide\n\n" + "\n\n".join(STORY) + "\n", "salt.md")
    assert paragraphs(praised) == STORY


# ---------------------------------------------------------------- an admonition or a callout div over the story


@pytest.mark.parametrize(
    "box",
    [
        '!!! warning "Content warnings"\n    self-harm, drowning',
        '???+ warning "Content warnings"\n\n    self-harm, drowning',
        '::: {.callout-warning title="Content warnings"}\nself-harm, drowning\n:::',
    ],
    ids=["mkdocs", "mkdocs-folded", "quarto"],
)
def test_a_warning_box_over_the_story_declares(box: str) -> None:
    text = f"# The Glass Orchard\n\n{box}\n\n" + "".join(
        f"## Chapter {n}\n\n" + "\n\n".join(STORY) + "\n\n" for n in (1, 2)
    )
    story = read_text(text, "orchard.md")
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
    assert story.meta.declared_warnings == ["Content warnings: self-harm, drowning"]
    assert "self-harm" in map_texts(story.meta.declared_warnings).ids


def test_exclamations_stay_the_storys_and_a_note_box_is_a_note() -> None:
    text = "# The Glass Orchard\n\n## Chapter 1\n\n" + STORY[0] + "\n\n!!! help\n\n" + STORY[1]
    text += "\n\n!!! note\n    The bell rang twice.\n"
    story = read_text(text, "orchard.md")
    assert story.chapters[0].paragraphs == [STORY[0], "!!! help", STORY[1]]
    assert story.chapters[0].notes == ["The bell rang twice."]  # "Note:" over it, as an author's aside


# ---------------------------------------------------------------- a header's fields set with Word's Symbol bullet


def _word_list_page(items: list[str]) -> str:
    listed = "".join(
        f"<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol'>·"
        f"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span>{item}</p>"
        for item in items
    )
    return (
        "<html><head><title>The Long Winter</title></head><body><p class=MsoTitle>The Long Winter</p>"
        f"<p class=MsoNormal align=center>by snowfall_scribe</p>{listed}<h1>Chapter 1</h1>"
        + "".join(f"<p class=MsoNormal>{p}</p>" for p in STORY)
        + "</body></html>"
    )


def test_a_header_set_as_a_word_list_is_read_as_its_fields() -> None:
    page = _word_list_page(["Rating: Teen And Up Audiences", "Archive Warning: Major Character Death"])
    story = import_story(page.encode(), "winter.html", max_bytes=1 << 20)
    assert (story.meta.rating, story.meta.archive_warnings) == ("Teen And Up Audiences", ["Major Character Death"])
    assert story.meta.notes == []
    assert paragraphs(story) == STORY


def test_a_middle_dot_in_the_story_stays_text() -> None:
    line = "· Note: the ferry does not run on Sundays, the sign said, and nobody had ever asked why."
    story = read_text("The Long Winter\nby snowfall_scribe\n\nChapter 1\n\n" + STORY[0] + f"\n\n{line}\n", "w.txt")
    assert story.chapters[0].paragraphs == [STORY[0], line]
