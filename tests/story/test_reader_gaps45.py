"""Story files misread, found in the forty-fifth session's fourteenth round of reading (files of the
shapes real tools and sites make, written for it; the probe files stay out of the repository):

- a title set as the file's one heading ("# Salt" in Google Docs' Markdown download, "Salt" over
  "====" in a text, an <h1> on a page) over chapters headed by lines alone ("**1\\. The Ferry**",
  "I.", "1"): the heading was taken as the text marking its chapters another way, so the lines stayed
  story text (the Roman ones dropped as scene breaks) and the book read as one chapter;
- a last chapter's "End of Chapter 2" over "THE END", and thanks for reading after "THE END": posted as
  the story's last paragraphs;
- a chapter's dedication at its start, as Wattpad shows it and authors write it ("Dedicated to
  @moonlit_reader for the amazing cover!"): the chapter's first paragraph of story text;
- a Word file converted to Markdown by Pandoc: its bracketed spans ("[Salt]{.underline}", Word's
  bookmarks "[]{#_Toc12 .anchor}"), an image's size after it, its fenced divs' "::: {custom-style=...}"
  and ":::" lines and a heading's "{.unnumbered}" were posted as written;
- an Obsidian comment over lines of its own ("%%" / "TODO: fix Ada's age" / "%%"): story text;
- a Notion callout as its Markdown export sets it ("<aside>" / "⚠️ Content warning: drowning" /
  "</aside>"): a chapter 1 of its own, its tags posted and its warning declaring nothing;
- an AO3 work page copied whole into a text file, the site's skip link and menu over the work header
  ("Skip to Main Content" / "Archive of Our Own beta" / "Log In" ...) and its bar of actions ("Entire
  Work" / "Chapter Index" / "Download"): a chapter 1 of its own, which hid the work's title, author and
  archive warnings under it;
- a Reddit post copied: its community's line ("r/nosleep"), its age under "Posted by u/tidewright"
  ("3 yr. ago"), its votes and buttons ("2.4k" / "Reply" / "Share" / "Report" / "Save"): story text,
  the by-line with them ("submitted 3 years ago by tidewright" too), and a by-line over the title (as
  Reddit's head sets it) was a paragraph of the story and the title another;
- a Markdown table of the page's properties under its title whose head row only names its columns
  ("| Property | Value |"): the row made the table a chapter 1 of story text and its author was lost.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.model import Story
from tests.story.builders import read_text

PROSE = [
    "The ferry left at dawn, its horn low over the water while the gulls wheeled above the harbour wall.",
    "Mara counted the crates twice before she signed for them, because the manifest never matched the hold.",
]


def _chapters(first: str, second: str, wrap: str = "{}") -> str:
    """Two chapters, each headed by its line alone (set in ``wrap``) over two paragraphs."""
    return "".join(f"{wrap.format(line)}\n\n" + "\n\n".join(PROSE) + "\n\n" for line in (first, second))


# ---------------------------------------------------------------- a title's heading over numbered lines


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        (
            "# Salt\n\nby Nell Ashby\n\n" + _chapters("1\\. The Ferry", "2\\. The Hill", "**{}**"),
            "s.md",
            ["The Ferry", "The Hill"],
        ),
        ("# Salt\n\n" + _chapters("1\\. The Ferry", "2\\. The Hill"), "s.md", ["The Ferry", "The Hill"]),
        ("Salt\n====\n\nby Nell Ashby\n\n" + _chapters("I.", "II."), "s.txt", [None, None]),
        ("Salt\n====\n\n" + _chapters("1", "2"), "s.txt", [None, None]),
        ("# Salt\n\n" + _chapters("I.", "II.", "**{}**"), "s.md", [None, None]),
    ],
    ids=["gdocs-md-bold-escaped", "md-escaped", "setext-roman", "setext-digits", "md-bold-roman"],
)
def test_numbered_lines_under_the_titles_heading_head_chapters(text: str, name: str, titles: list[str | None]) -> None:
    story = read_text(text, name)
    assert story.meta.title == "Salt"
    assert [chapter.title for chapter in story.chapters] == titles
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_bold_numbered_paragraphs_under_a_pages_h1_head_chapters() -> None:
    lines = "".join(
        f"<p><b>{number}. {title}</b></p>" + "".join(f"<p>{text}</p>" for text in PROSE)
        for number, title in ((1, "The Ferry"), (2, "The Hill"))
    )
    story = read_text(f"<html><body><h1>Salt</h1><p>by Nell Ashby</p>{lines}</body></html>", "s.html")
    assert (story.meta.title, story.meta.author) == ("Salt", "Nell Ashby")
    assert [chapter.title for chapter in story.chapters] == ["The Ferry", "The Hill"]


def test_roman_sections_under_chapter_headings_stay_scene_breaks() -> None:
    """Under a title and chapters of its own, a chapter's "I." / "II." are its sections, as before."""
    text = "# Salt\n\n## Chapter One\n\n" + _chapters("I.", "II.") + "## Chapter Two\n\n" + "\n\n".join(PROSE) + "\n"
    story = read_text(text, "s.md")
    assert len(story.chapters) == 2
    assert [len(chapter.scenes) for chapter in story.chapters] == [2, 1]
    assert all(paragraph not in ("I.", "II.") for chapter in story.chapters for paragraph in chapter.paragraphs)


def test_a_second_level_one_heading_keeps_numbered_lines_text() -> None:
    """Two level-one headings head the text's parts: the numbered lines under them are no chapters."""
    text = "# Salt\n\n" + _chapters("1\\. The Ferry", "2\\. The Hill") + "# The Shore\n\n" + PROSE[0] + "\n"
    story = read_text(text, "s.md")
    assert all(chapter.title not in ("The Ferry", "The Hill") for chapter in story.chapters)


# ---------------------------------------------------------------- "End of Chapter 2" over "THE END"

ENDING = "Chapter 1\n\n" + "\n\n".join(PROSE) + "\n\nEnd of Chapter 1\n\nChapter 2\n\n" + "\n\n".join(PROSE) + "\n\n"


@pytest.mark.parametrize(
    ("tail", "notes"),
    [
        ("End of Chapter 2\n\nTHE END\n", []),
        ("~ End of Chapter 2 ~\n\nTHE END\n\nThank you so much for reading!\n", ["Thank you so much for reading!"]),
        ("THE END\n\nThanks for reading <3\n", ["Thanks for reading <3"]),
    ],
    ids=["end-of-chapter-then-the-end", "both-then-thanks", "the-end-then-thanks"],
)
def test_the_last_chapters_closing_lines_are_no_story_text(tail: str, notes: list[str]) -> None:
    story = read_text("Salt\n\n" + ENDING + tail, "s.txt")
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]
    assert story.chapters[-1].notes == notes


def test_a_pages_end_of_chapter_over_the_end_is_no_story_text() -> None:
    chapters = "".join(
        f"<h2>Chapter {number}</h2>" + "".join(f"<p>{text}</p>" for text in PROSE) + f"<p>End of Chapter {number}</p>"
        for number in (1, 2)
    )
    story = read_text(f"<html><body><h1>Salt</h1>{chapters}<p>THE END</p></body></html>", "s.html")
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_sentence_after_the_end_keeps_the_story_going() -> None:
    tail = "THE END\n\nThanks for reading, she wrote, and sealed the letter before the tide turned.\n"
    story = read_text("Salt\n\n" + ENDING + tail, "s.txt")
    assert story.chapters[-1].paragraphs[-1].startswith("Thanks for reading, she wrote")


# ---------------------------------------------------------------- a part's dedication


def _dedicated(line: str, name: str = "s.txt") -> Story:
    if name.endswith(".html"):
        chapters = "".join(
            f"<h2>Chapter {number}</h2><p>{line}</p>" + "".join(f"<p>{text}</p>" for text in PROSE) for number in (1, 2)
        )
        return read_text(f"<html><body><h1>Paper Hearts</h1>{chapters}</body></html>", name)
    mark = "## " if name.endswith(".md") else ""
    chapters = "".join(f"{mark}Chapter {number}\n\n{line}\n\n" + "\n\n".join(PROSE) + "\n\n" for number in (1, 2))
    return read_text("Paper Hearts\n\n" + chapters, name)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Dedicated to @moonlit_reader for the amazing cover!", "s.txt"),
        ("Dedicated to\nmoonlit_reader", "s.txt"),
        ("This chapter is dedicated to @moonlit_reader <3", "s.txt"),
        ("Dedicated to the memory of my father, who loved the sea.", "s.txt"),
        ("Dedicated to Ada, Bram and Cass!", "s.txt"),
        ("Dedication: to my sister, who read every draft.", "s.txt"),
        ("Dedicated to @moonlit_reader for the amazing cover!", "s.md"),
        ("This part is dedicated to @moonlit_reader!", "s.html"),
    ],
    ids=["wattpad-handle", "wattpad-copied-label", "this-chapter", "memory", "names", "label", "markdown", "page"],
)
def test_a_chapters_dedication_is_its_note(line: str, name: str) -> None:
    story = _dedicated(line, name)
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]
    assert [chapter.notes for chapter in story.chapters] == [[line], [line]]


@pytest.mark.parametrize(
    "line",
    [
        "Dedicated to his work, Mara rarely left the lighthouse before the lamps were lit.",
        "Dedicated to my craft, I never married, and the sea never asked me to.",
        "“Dedicated to @moonlit_reader,” the card read, and Mara laughed.",
    ],
)
def test_a_story_sentence_opening_dedicated_to_stays_text(line: str) -> None:
    story = _dedicated(line)
    assert [chapter.paragraphs[0] for chapter in story.chapters] == [line, line]
    assert [chapter.notes for chapter in story.chapters] == [[], []]


# ---------------------------------------------------------------- a Word file converted by Pandoc

PANDOC = (
    "# Chapter One\n\n"
    "She wrote [Salt on the wind]{.underline} and [MARA]{.smallcaps} in the ledger. []{#_Toc123 .anchor}\n\n"
    '![](media/image1.png){width="6.5in" height="4.3in"}\n\n'
    '::: {custom-style="Block Text"}\nThe sea keeps what it takes.\n:::\n\n'
    "# Preface {.unnumbered}\n\n" + PROSE[0] + "\n"
)


def test_pandocs_spans_attributes_and_divs_are_not_story_text() -> None:
    story = read_text(PANDOC, "salt.md")
    assert [chapter.title for chapter in story.chapters] == [None, "Preface"]
    assert story.chapters[0].paragraphs == [
        "She wrote Salt on the wind and MARA in the ledger.",
        "[Image]",
        "The sea keeps what it takes.",
    ]


def test_a_line_of_colons_closing_no_div_is_a_scene_break() -> None:
    """Not posted as written (test_reader_gaps46 reads ":::" between scenes as a divider)."""
    story = read_text("# Salt\n\n" + PROSE[0] + "\n\n:::\n\n" + PROSE[1] + "\n", "salt.md")
    assert story.chapters[0].paragraphs == [PROSE[0], PROSE[1]]


def test_braces_in_prose_stay() -> None:
    line = "She wrote the set (a){b, c} on the slate and [sic]{that} under it, then rubbed both out."
    story = read_text("# Salt\n\n" + line + "\n\n" + PROSE[0] + "\n", "salt.md")
    assert story.chapters[0].paragraphs[0] == line


# ---------------------------------------------------------------- Obsidian's comments over lines of their own


@pytest.mark.parametrize(
    "comment",
    [
        "%%\nTODO: foreshadow the bell here\nand fix Ada's age\n%%",
        "%% TODO: foreshadow the bell here\nand fix Ada's age %%",
    ],
    ids=["fenced", "wrapped"],
)
def test_an_obsidian_comment_over_lines_is_not_story_text(comment: str) -> None:
    text = f"# The Bell Tower\n\n## Chapter 1\n\n{comment}\n\n{PROSE[0]}\n\n{comment}\n\n{PROSE[1]}\n\n## Chapter 2\n\n{PROSE[0]}\n"
    story = read_text(text, "bell.md")
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, [PROSE[0]]]
    assert len(story.chapters[0].scenes) == 1


def test_an_obsidian_comment_that_declares_is_kept_for_its_warning() -> None:
    text = f"# The Bell Tower\n\n%%\nCW: drowning\n%%\n\n## Chapter 1\n\n{PROSE[0]}\n\n## Chapter 2\n\n{PROSE[1]}\n"
    story = read_text(text, "bell.md")
    assert "drowning" in " ".join(story.meta.declared_warnings).lower()
    assert all("CW" not in paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


def test_percent_signs_that_open_no_comment_stay() -> None:
    """A line opening "%% " is Ulysses' comment paragraph (test_reader_gaps46), and Obsidian hides what
    an unclosed "%%" opens: "%%" inside a line opens none."""
    line = "The old ledger said %% in red ink, under the tally of the drowned."
    story = read_text(f"# The Bell Tower\n\n{PROSE[0]}\n\n{line}\n\n{PROSE[1]}\n", "bell.md")
    assert story.chapters[0].paragraphs == [PROSE[0], line, PROSE[1]]


# ---------------------------------------------------------------- Notion's callouts


def test_a_notion_callout_under_the_title_declares_its_warning() -> None:
    text = (
        "# Glass Harbour\n\n<aside>\n⚠️ Content warning: drowning, grief\n\n</aside>\n\n"
        f"## Chapter 1\n\n{PROSE[0]}\n\n## Chapter 2\n\n{PROSE[1]}\n"
    )
    story = read_text(text, "glass.md")
    assert story.meta.declared_warnings == ["Content warning: drowning, grief"]
    assert [chapter.paragraphs for chapter in story.chapters] == [[PROSE[0]], [PROSE[1]]]


def test_a_notion_callout_inside_a_chapter_is_its_text_without_tags() -> None:
    letter = "Dear Anna, the boats are in and the nets are mended; come home before the ice."
    text = f"# Glass Harbour\n\n{PROSE[0]}\n\n<aside>\n📜 {letter}\n\n</aside>\n\n{PROSE[1]}\n"
    story = read_text(text, "glass.md")
    assert [scene.paragraphs for scene in story.chapters[0].scenes] == [[PROSE[0], letter, PROSE[1]]]


def test_an_aside_in_a_sentence_stays() -> None:
    line = "She set the <aside> tag of the old page aside, and the letter with it, and went down to the boats."
    story = read_text(f"# Glass Harbour\n\n{PROSE[0]}\n\n{line}\n", "glass.md")
    assert story.chapters[0].paragraphs == [PROSE[0], line]


# ---------------------------------------------------------------- AO3's page copied with its header

AO3_HEADER = (
    "Skip to Main Content\nArchive of Our Own beta\nLog In\nSite Navigation\nFandoms\nBrowse\nSearch\nAbout\n\n"
)
AO3_ACTIONS = "Actions\nEntire Work\nNext Chapter →\nChapter Index\nComments\nShare\nDownload\nWork Header\n\n"
AO3_WORK = (
    "Rating:\n    Teen And Up Audiences\nArchive Warning:\n    Major Character Death\nFandom:\n    Original Work\n"
    "Stats:\n    Published: 2024-01-01 Words: 2,000 Chapters: 2/2 Kudos: 12 Hits: 300\n\n"
    "The Ford\nriverwriter\nSummary:\n\nTwo travellers and one river.\n\n"
    "Chapter 1: Crossing\n\nChapter Text\n" + "\n\n".join(PROSE) + "\n\n"
    "Chapter 2: Home\n\nChapter Text\n" + "\n\n".join(PROSE) + "\n\nKudos\nBookmark\nComments (3)\n"
)


@pytest.mark.parametrize(
    "header",
    [AO3_HEADER, AO3_HEADER + AO3_ACTIONS, AO3_HEADER.strip() + "\n" + AO3_ACTIONS],
    ids=["menu", "menu-then-actions", "menu-and-actions"],
)
def test_an_ao3_page_copied_with_its_header_reads_as_the_work(header: str) -> None:
    story = read_text(header + AO3_WORK, "work.txt")
    assert (story.meta.title, story.meta.author) == ("The Ford", "riverwriter")
    assert story.meta.archive_warnings == ["Major Character Death"]
    assert [chapter.title for chapter in story.chapters] == ["Crossing", "Home"]
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_blogs_skip_link_is_not_story_text() -> None:
    story = read_text("Skip to content\n\nLow Tide\n\n" + "\n\n".join(PROSE) + "\n", "low.txt")
    assert all("Skip" not in paragraph for paragraph in story.chapters[0].paragraphs)


def test_a_story_line_opening_skip_to_stays() -> None:
    line = "Skip to the chapter\nwhere the ferry sinks, she told him. He never did."
    story = read_text("Low Tide\n\n" + PROSE[0] + "\n\n" + line + "\n\n" + PROSE[1] + "\n", "low.txt")
    assert any(paragraph.startswith("Skip to the chapter") for paragraph in story.chapters[0].paragraphs)


# ---------------------------------------------------------------- a Reddit post copied

REDDIT_END = "\n\n2.4k\n\nReply\nShare\nReport\nSave\nFollow\n"


@pytest.mark.parametrize(
    "head",
    [
        "The Lighthouse Log\n\nPosted by u/tidewright\n3 yr. ago\n\n",
        "r/nosleep\n\nThe Lighthouse Log\n\nPosted by u/tidewright\n\n",
        "The Lighthouse Log\n\nsubmitted 3 years ago by tidewright\n\n",
    ],
    ids=["posted-by-and-age", "community-line", "old-reddit"],
)
def test_a_reddit_post_copied_reads_as_its_story(head: str) -> None:
    story = read_text(head + "\n\n".join(PROSE) + REDDIT_END, "post.txt")
    assert (story.meta.title, story.meta.author) == ("The Lighthouse Log", "tidewright")
    assert story.chapters[0].paragraphs == PROSE


def test_the_posts_buttons_and_votes_are_not_story_text() -> None:
    text = "The Lighthouse Log\n\nby tidewright\n\n" + "\n\n".join(PROSE)
    story = read_text(text + "\n\nUpvote\n2.4K\nDownvote\nGo to comments\nShare\n", "post.txt")
    assert story.chapters[0].paragraphs == PROSE


def test_a_scenes_time_line_and_a_lone_number_stay() -> None:
    text = "The Lighthouse Log\n\n" + PROSE[0] + "\n\nThree years ago\n\n" + PROSE[1] + "\n\n12\n\n" + PROSE[0] + "\n"
    story = read_text(text, "post.txt")
    paragraphs = [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]
    assert "Three years ago" in paragraphs


# ---------------------------------------------------------------- a table of the page's properties under its title


@pytest.mark.parametrize("head", ["| Property | Value |", "| **Field** | **Value** |"])
def test_a_property_tables_column_names_say_nothing(head: str) -> None:
    text = (
        f"# Winter Lights\n\n{head}\n| --- | --- |\n| Author | Ivy Reed |\n| Warnings | drowning |\n\n"
        f"## Chapter 1\n\n{PROSE[0]}\n\n## Chapter 2\n\n{PROSE[1]}\n"
    )
    story = read_text(text, "winter.md")
    assert story.meta.author == "Ivy Reed"
    assert story.meta.declared_warnings == ["Warnings: drowning"]
    assert [chapter.paragraphs for chapter in story.chapters] == [[PROSE[0]], [PROSE[1]]]


def test_a_tables_named_columns_stay() -> None:
    text = f"# Winter Lights\n\n## Chapter 1\n\n{PROSE[0]}\n\n| Key | Value |\n| --- | --- |\n| Tide | 4 m |\n\n## Chapter 2\n\n{PROSE[1]}\n"
    story = read_text(text, "winter.md")
    assert story.chapters[0].paragraphs[1].startswith("Key | Value")


# ---------------------------------------------------------------- a by-line over the title


@pytest.mark.parametrize(
    "head",
    [
        "Posted by u/tidewright\n\nThe Lighthouse Log\n\n",
        "r/nosleep\n\nPosted by u/tidewright\n2 yr. ago\n\nThe Lighthouse Log\n\n",
        "by Mara Quill\n\nThe Lighthouse Log\n\n",
    ],
    ids=["reddit", "reddit-community-and-age", "by-line"],
)
def test_a_by_line_over_the_title_is_the_author(head: str) -> None:
    story = read_text(head + "\n\n".join(PROSE) + "\n", "post.txt")
    assert story.meta.title == "The Lighthouse Log"
    assert story.meta.author in ("tidewright", "Mara Quill")
    assert story.chapters[0].paragraphs == PROSE


def test_a_by_line_over_the_storys_first_sentence_keeps_it() -> None:
    story = read_text("by Mara Quill\n\nThe rain came at noon.\n\n" + "\n\n".join(PROSE) + "\n", "rain.txt")
    assert story.meta.title != "The rain came at noon."
    assert "The rain came at noon." in story.chapters[0].paragraphs
