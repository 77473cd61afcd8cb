"""Story files misread, found in the fifty-first session's twentieth round of reading (files of the
shapes real tools and sites make, written for it; the probe files stay out of the repository):

- a word count under a chapter's heading or under its text in a shape only one of the three tests of a
  word-count line knew ("(2,140 words)", "Approx. 3,000 words", "~2.3k words" under the heading;
  "Length: ~1200" under the text): the chapter's first or last paragraph. One test serves every reader
  now (`metadata_fields.word_count_line`), as one pattern reads a contents entry's page number after its
  dot leaders or a run of spaces (`structure.PAGE_AFTER_ENTRY`).
- a fic's header with its word count among its fields ("Title: Salt Roads" / "Author: Ada Quill" /
  "Word count: 1,050", Dreamwidth's and LiveJournal's "Wordcount:"): taken for a manuscript's cover, the
  whole header was dropped, the story titled by its file's name (the cover's test of a word count is the
  readers' one test now, and a block of header fields is no cover).
- a page break (a form feed, as Word, LibreOffice and Pages set one in plain text) over a title alone on
  the next page's first line ("The Ferry", "THE FERRY", "One"): decoding made it a line end, and the title
  was a paragraph of the chapter before (`decode.page_break_headings`).
- Scrivener's "Draft" (or "Manuscript") folder line over the first chapter of a compile: the story's title,
  or a chapter of its own (`textfile.without_draft_folder`).
- a post's head pasted as text, its title, subtitle, writer and date among the page's buttons and counts
  (Substack's "∙ Paid" / "12" / "Share", Medium's "Follow" / "5 min read" / "Listen", Ko-fi's date over the
  writer): the story's first paragraphs, its title page unread (`title_lines.post_head`); a title over the
  creator's handle over its "Subscribe" button (Tapas), a forum post's poster over "Threadmarks" likewise.
- Tapas's by-line with its counts and date ("By adaquill · 1.2k views · Mar 1, 2024") and its episode
  heading, "Ep. 3 - The Ferry": a paragraph each.
- a forum post's signature copied under it ("My other works: Low Water | Tidelines", "Discord: ...", under
  "--" too) and its "Reactions: Like 23", "Last edited: Mar 2, 2024", "Click to expand...": story text.
- Royal Road's notice against copies set among a chapter's paragraphs ("This story has been taken without
  authorization. Report any sightings."): a paragraph of the chapter.
- a titled chapter's "Updated at Mar 1, 2024 10:00" under its heading (Webnovel's): its first paragraph,
  where an untitled one's "Posted March 3, 2023" was its note.
- a LiveJournal entry's "Current Mood:" / "Current Music:" over the fic: its first paragraph.
- FanFiction.net's chapter select copied as a line over and under the chapter ("< Prev   2. Low Water
  Next >"): the chapter's first and last paragraphs, its title unread.
- Ko-fi's asks under a post ("Like this post? Buy Ada Quill a coffee", "Support Ada Quill on Ko-fi"): the
  story's last paragraphs.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story import contents_lists, preamble, structure
from bot.story.metadata_fields import word_count_line
from tests.story.builders import paragraphs, read_text
from tests.story.test_reader_gaps47 import STORY

HEAD = "Salt Roads\nby Ada Quill\n\n"


def _two(first: str = "", under: str = "") -> str:
    def chapter(number: int, text: list[str]) -> str:
        head = f"Chapter {number}\n\n" + (f"{first}\n\n" if first else "")
        return head + "\n\n".join(text) + (f"\n\n{under}" if under else "") + "\n\n"

    return HEAD + chapter(1, STORY[:2]) + chapter(2, STORY[2:])


# ---------------------------------------------------------------- one test of a word-count line


@pytest.mark.parametrize(
    "line", ["(2,140 words)", "Approx. 3,000 words", "~2.3k words", "Length: ~1200", "Words: 1234", "*WC: 850*"]
)
def test_a_word_count_under_a_heading_or_the_text_is_the_chapters_note(line: str) -> None:
    for text in (_two(first=line), _two(under=line)):
        story = read_text(text)
        assert [chapter.title for chapter in story.chapters] == [None, None]
        assert [chapter.notes for chapter in story.chapters] == [[line], [line]]
        assert paragraphs(story) == STORY


@pytest.mark.parametrize(
    "line", ["Words Unspoken", "12 Days", "(Two Thousand Words)", "Words: twelve", "2024", "Length of Days"]
)
def test_a_title_or_a_number_is_no_word_count(line: str) -> None:
    assert not word_count_line(line)


def test_the_readers_share_one_word_count_test_and_one_page_pattern() -> None:
    for module in (structure, preamble, contents_lists):
        assert not {"_WORD_COUNT_FIELD", "_WORD_COUNT_LINE", "_COUNT_KEYS", "_ENTRY_PAGE", "_PAGE_LEADER"} & set(
            vars(module)
        )
    assert contents_lists.entry_text("The Moth ........ 12") == "The Moth"
    assert contents_lists.entry_text("Chapter 1\tThe Gate\t7") == "Chapter 1\tThe Gate"
    assert contents_lists.entry_text("The Moth    12") == "The Moth"


@pytest.mark.parametrize(
    ("line", "title"), [("Chapter 2 ........ 10", None), ("Chapter 1: The Gate . . . . 3", "The Gate")]
)
def test_a_heading_drops_the_dot_leaders_to_its_page(line: str, title: str | None) -> None:
    heading = structure.match_heading(line, markdown=False)
    assert heading is not None
    assert heading.title == title


# ---------------------------------------------------------------- a page break over a title


def _pages(first: str, second: str) -> str:
    return f"{HEAD}\f\n{first}\n\n" + "\n\n".join(STORY[:2]) + f"\n\f\n{second}\n\n" + "\n\n".join(STORY[2:]) + "\n"


@pytest.mark.parametrize(
    ("first", "second", "titles"),
    [
        ("The Ferry", "Low Water", ["The Ferry", "Low Water"]),
        ("THE FERRY", "LOW WATER", ["THE FERRY", "LOW WATER"]),
        ("One", "Two", [None, None]),
        ("Chapter One", "Chapter Two", [None, None]),
    ],
)
def test_a_title_opening_each_page_after_a_page_break_heads_a_chapter(first: str, second: str, titles: list) -> None:
    story = read_text(_pages(first, second))
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert [chapter.title for chapter in story.chapters] == titles
    assert paragraphs(story) == STORY


def test_a_page_break_before_prose_or_a_single_one_heads_nothing() -> None:
    text = HEAD + "\n\n".join(STORY[:2]) + "\n\f\n" + "\n\n".join(STORY[2:]) + "\n"
    assert paragraphs(read_text(text)) == STORY
    once = HEAD + "\n\n".join(STORY[:2]) + "\n\f\nLow tide\n\n" + "\n\n".join(STORY[2:]) + "\n"
    assert paragraphs(read_text(once)) == [*STORY[:2], "Low tide", *STORY[2:]]


# ---------------------------------------------------------------- Scrivener's draft folder


@pytest.mark.parametrize("head", ["Draft\n\n", "Salt Roads\nby Ada Quill\n\nManuscript\n\n"])
def test_scriveners_draft_folder_over_the_first_chapter_is_dropped(head: str) -> None:
    story = read_text(head + _two()[len(HEAD) :], "salt_roads.txt")
    assert story.meta.title != "Draft"
    assert [chapter.number for chapter in story.chapters] == [1, 2]
    assert paragraphs(story) == STORY


def test_a_story_called_draft_keeps_its_title() -> None:
    story = read_text("Draft\nby Ada Quill\n\n" + _two()[len(HEAD) :])
    assert (story.meta.title, story.meta.author) == ("Draft", "Ada Quill")


# ---------------------------------------------------------------- a post's head pasted as text

_TEXT = "\n\n".join(STORY) + "\n"


@pytest.mark.parametrize(
    "head",
    [
        "Salt Roads\nTwo sisters and a ferry\nAda Quill\nMar 01, 2024\n∙ Paid\n12\n3\nShare\n\n",
        "Salt Roads\n\nTwo sisters and a ferry\n\nAda Quill\nMar 1, 2024\n\nSubscribe\n\n",
        "Salt Roads\nTwo sisters and a ferry\nAda Quill\nAda Quill\n\n·\nFollow\n\n5 min read\n·\nMar 1, 2024\n\n--\n\n1\n\n"
        "Listen\n\nShare\n\n",
        "Salt Roads\n\nMar 1, 2024\n\nAda Quill\n\n",
        "Salt Roads\nadaquill\nSubscribe\n\n",
    ],
)
def test_a_posts_head_among_its_buttons_is_the_title_page(head: str) -> None:
    story = read_text(head + _TEXT)
    assert story.meta.title == "Salt Roads"
    assert story.meta.author in ("Ada Quill", "adaquill")
    assert paragraphs(story) == STORY


def test_a_story_opening_on_a_date_over_a_name_in_its_text_is_not_a_post_head() -> None:
    text = "Salt Roads\n\n" + STORY[0] + "\n\nMar 1, 2024\nAda Quill\n\n" + "\n\n".join(STORY[1:]) + "\n"
    assert paragraphs(read_text(text))[-4:] == [STORY[0], "Mar 1, 2024\nAda Quill", *STORY[1:]][-4:]


# ---------------------------------------------------------------- Tapas's by-line and episode heading


def test_tapas_by_line_with_its_counts_names_the_author_and_its_episode_heads_the_chapter() -> None:
    story = read_text("Salt Roads\nBy adaquill · 1.2k views · Mar 1, 2024\n\nEp. 3 - The Ferry\n\n" + _TEXT)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "adaquill")
    assert [chapter.title for chapter in story.chapters] == ["The Ferry"]
    assert paragraphs(story) == STORY


@pytest.mark.parametrize("line", ["ep 3 was great.", "EP 2 is out now"])
def test_an_ep_in_a_sentence_is_no_heading(line: str) -> None:
    assert structure.match_heading(line, markdown=False) is None


# ---------------------------------------------------------------- a forum post's signature and chrome


@pytest.mark.parametrize(
    "tail",
    [
        "My other works: Low Water (complete) | Tidelines (ongoing)",
        "--\nMy other works: Low Water (complete) | Tidelines (ongoing)",
        "My other quest: Low Water\nDiscord: adaquill#0001",
        "Reactions: Like 23",
        "Last edited: Mar 2, 2024",
    ],
)
def test_a_forum_posts_signature_and_counts_are_no_story_text(tail: str) -> None:
    story = read_text(HEAD + "Chapter 1: The Ferry\n\n" + _TEXT + "\n" + tail + "\n")
    assert paragraphs(story) == STORY


def test_a_sentence_about_other_works_stays() -> None:
    line = "My other works were burned in the fire, she said, and this one too."
    assert paragraphs(read_text(HEAD + _TEXT + "\n" + line + "\n")) == [*STORY, line]


# ---------------------------------------------------------------- a header with its word count


@pytest.mark.parametrize("count", ["Word count: 1,050", "Wordcount: 1050", "Words: 1,050"])
@pytest.mark.parametrize("first", [True, False])
def test_a_headers_word_count_keeps_the_header(count: str, first: bool) -> None:
    fields = ["Title: Salt Roads", "Author: Ada Quill", "Rating: Teen"]
    header = "\n".join([count, *fields] if first else [*fields, count])
    story = read_text(header + "\n\n" + _TEXT)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Salt Roads", "Ada Quill", "Teen")
    assert paragraphs(story) == STORY


@pytest.mark.parametrize("count", ["About 2,000 words", "about 2 000 words", "Circa 2,000 words", "Word count: 2000"])
def test_a_manuscripts_cover_is_still_dropped(count: str) -> None:
    cover = f"Ada Quill\n12 Harbour Road\nPortsmouth\nada@example.com\n{count}\n\n"
    story = read_text(cover + "Salt Roads\nby Ada Quill\n\n" + _TEXT)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


# ---------------------------------------------------------------- Royal Road's theft notices


@pytest.mark.parametrize(
    "notice",
    [
        "This story has been taken without authorization. Report any sightings.",
        "A case of theft: this story is not rightfully on Amazon; if you spot it, report the violation.",
        "Unauthorized duplication: this narrative has been taken without consent. Report sightings.",
    ],
)
def test_a_theft_notice_among_the_paragraphs_is_no_story_text(notice: str) -> None:
    text = HEAD + "Chapter 1\n\n" + "\n\n".join([*STORY[:2], notice, *STORY[2:]]) + "\n"
    assert paragraphs(read_text(text)) == STORY


@pytest.mark.parametrize(
    "line",
    [
        '"The story was stolen," she said. "Report it to the harbour master."',
        "The jewels were stolen from the chapel, and nobody would report it.",
    ],
)
def test_a_theft_in_the_story_stays(line: str) -> None:
    text = HEAD + "Chapter 1\n\n" + "\n\n".join([*STORY[:2], line, *STORY[2:]]) + "\n"
    assert paragraphs(read_text(text)) == [*STORY[:2], line, *STORY[2:]]


# ---------------------------------------------------------------- a date under a titled chapter, an entry's mood


def test_a_date_and_time_under_a_titled_chapters_heading_is_its_note() -> None:
    text = HEAD + "Chapter 3: The Ferry\n\nUpdated at Mar 1, 2024 10:00\n\n" + _TEXT
    story = read_text(text)
    assert [(chapter.title, chapter.notes) for chapter in story.chapters] == [
        ("The Ferry", ["Updated at Mar 1, 2024 10:00"])
    ]
    assert paragraphs(story) == STORY


def test_a_journal_entrys_mood_and_music_are_no_story_text() -> None:
    mood = "Current Mood: contemplative\nCurrent Music: The Decemberists - The Mariner's Revenge Song"
    story = read_text(HEAD + mood + "\n\n" + _TEXT)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


# ---------------------------------------------------------------- FanFiction.net's chapter select, Ko-fi's asks


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("< Prev   2. Low Water   Next >", "Low Water"),
        ("1. The Ferry   Next >", "The Ferry"),
        ("< Prev  3. Ebb", "Ebb"),
    ],
)
def test_ffns_chapter_select_line_titles_the_chapter_and_is_no_text(line: str, title: str) -> None:
    story = read_text(HEAD + line + "\n\n" + _TEXT + "\n" + line + "\n")
    assert [chapter.title for chapter in story.chapters] == [title]
    assert paragraphs(story) == STORY


def test_a_sentence_with_next_in_it_stays() -> None:
    line = "2. Then we go to the harbour, and next to the boats."
    assert paragraphs(read_text(HEAD + _TEXT + "\n" + line + "\n"))[-1] == line


@pytest.mark.parametrize("ask", ["Like this post? Buy Ada Quill a coffee", "Support Ada Quill on Ko-fi"])
def test_ko_fis_asks_under_a_post_are_no_story_text(ask: str) -> None:
    assert paragraphs(read_text(HEAD + _TEXT + "\n" + ask + "\n")) == STORY


def test_a_sentence_about_buying_coffee_stays() -> None:
    line = "She would buy the ferryman a coffee before the crossing, as she always did."
    assert paragraphs(read_text(HEAD + _TEXT + "\n" + line + "\n"))[-1] == line


# ---------------------------------------------------------------- budgets


def test_more_page_titles_than_a_book_has_chapters_are_left_as_they_are() -> None:
    from bot.story.decode import PAGE_TITLES_MOST, page_break_headings

    text = "\fA b\n\n" * (PAGE_TITLES_MOST + 1)
    assert page_break_headings(text) == text


def test_a_posts_head_is_looked_for_in_a_few_lines_only() -> None:
    from bot.story.structure import split_items
    from bot.story.title_lines import post_head

    items = split_items("Salt Roads\nAda Quill\nMar 1, 2024\nShare\n" * 5000 + "\n" + _TEXT)
    assert post_head(items) == items
