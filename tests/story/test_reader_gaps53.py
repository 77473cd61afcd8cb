"""Story files misread, found in the fifty-third session's twenty-second round of reading (files of the
shapes real tools and sites make, written for it; the probe files stay out of the repository):

- the clean-ups: one test of "a paragraph of prose" (`site_chrome.prose_paragraph`) for Wattpad's comment
  counts and a title page's lines over the text; a post head repeating its date on the line under it.
- the gaps session 52 left: a Royal Road chapter page copied, its chapter's title over "A note from <author>"
  (the whole chapter was read as the box's note); a Bear note's "#fiction #sea" over "by Ada Quill" in one
  block (a paragraph, the author unnamed); chapters headed "— 1 —" (text: a printed page's number is set so,
  and still is where one stands after a page of text or in a sentence the page cut); "One" / "Two" over a
  few sentences each under a title page (text: a chapter's 100 words were asked for); four one-sentence
  lines in one block under the title (one paragraph: the text too short for its layout to be told).

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story import preamble, site_chrome
from bot.story.structure import Para
from tests.story.builders import paragraphs, read_text
from tests.story.test_reader_gaps47 import STORY

HEAD = "Salt Roads\nby Ada Quill\n\n"


# ---------------------------------------------------------------- the clean-ups read as before


def test_one_prose_test_serves_the_comment_counts_and_the_title_page() -> None:
    assert preamble.prose_paragraph is site_chrome.prose_paragraph
    assert site_chrome.prose_paragraph(Para("It rained."))
    assert site_chrome.prose_paragraph(Para("Wait… no"))
    assert site_chrome.prose_paragraph(Para("x" * site_chrome.PROSE_CHARS))
    assert not site_chrome.prose_paragraph(Para("The Ferry"))
    assert not site_chrome.prose_paragraph(Para("1.2K"))
    assert not site_chrome.prose_paragraph(Para("It rained.", note=True))


@pytest.mark.parametrize(
    ("text", "title", "author"),
    [
        ("Salt Roads\n\nThe Ferry\n\nAda Quill\n\n", "Salt Roads", "Ada Quill"),
        ("Salt Roads\n\nAda Quill\n\n", "Salt Roads", "Ada Quill"),
    ],
)
def test_a_title_page_of_paragraphs_reads_as_before(text: str, title: str, author: str) -> None:
    story = read_text(text + "\n\n".join(STORY) + "\n")
    assert (story.meta.title, story.meta.author) == (title, author)
    assert paragraphs(story) == STORY


def test_comment_counts_under_paragraphs_go_as_before() -> None:
    text = HEAD + "".join(
        f"{line}\n\n{count}\n\n" for line, count in zip(STORY, ("12", "1.2K", "3", "40"), strict=False)
    )
    assert paragraphs(read_text(text)) == STORY


@pytest.mark.parametrize(
    "head",
    [
        "Salt Roads\nAda Quill\nMar 1, 2024\nMar 1, 2024\nShare\n\n",
        "Salt Roads\n\nAda Quill\n\nMar 1, 2024 at 10:00 AM\n\nMar 1, 2024 at 10:00 AM\n\n",
    ],
)
def test_a_post_head_repeating_its_date_under_it_is_read(head: str) -> None:
    # (the check dropping a line equal to the one above never reached the date: two dates left the head unread)
    story = read_text(head + "\n\n".join(STORY) + "\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


def test_a_post_head_with_two_dates_apart_is_left_as_before() -> None:
    head = "Salt Roads\nAda Quill\nMar 1, 2024\nShare\nMar 2, 2024\n\n"
    assert read_text(head + "\n\n".join(STORY) + "\n").meta.author is None


# ---------------------------------------------------------------- the gaps session 52 left


def test_a_royal_road_chapter_page_copied_titles_its_chapter_over_the_note_box() -> None:
    text = (
        "Salt Roads\n\nby Ada Quill\n\nThe Ferry\n\nA note from Ada Quill\n\nSorry this one is late, exams!\n\n"
        + "\n\n".join(STORY)
        + "\n\nA note from Ada Quill\n\nPatreon is two chapters ahead.\n"
    )
    story = read_text(text)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    (chapter,) = story.chapters
    assert chapter.title == "The Ferry"
    assert chapter.notes == ["Sorry this one is late, exams!", "Patreon is two chapters ahead."]
    assert paragraphs(story) == STORY


def test_a_line_over_a_note_from_someone_else_stays_text() -> None:
    text = HEAD + "The Ferry\n\nA note from Mum\n\n" + "\n\n".join(STORY) + "\n"
    assert paragraphs(read_text(text)) == ["The Ferry", "A note from Mum", *STORY]


@pytest.mark.parametrize("block", ["#fiction #sea\nby Ada Quill", "by Ada Quill\n#fiction #sea"])
def test_a_bear_notes_tag_line_and_by_line_in_one_block(block: str) -> None:
    story = read_text("# Salt Roads\n" + block + "\n\n" + "\n\n".join(STORY) + "\n", "story.md")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


def test_a_hashtag_over_a_sentence_stays_text() -> None:
    text = "# Salt Roads\n#blessed\nshe typed, and deleted it.\n\n" + "\n\n".join(STORY) + "\n"
    assert paragraphs(read_text(text, "story.md"))[0] == "#blessed\nshe typed, and deleted it."


LONG = [" ".join([line] * 3) for line in STORY]  # a page's worth of text each


@pytest.mark.parametrize("mark", ["— {} —", "-- {} --", "– {} –"])
def test_numbers_between_dashes_heading_the_text_head_its_chapters(mark: str) -> None:
    text = HEAD + "".join(f"{mark.format(n)}\n\n{LONG[n - 1]}\n\n{LONG[n]}\n\n" for n in (1, 2, 3))
    story = read_text(text)
    assert [[p for scene in chapter.scenes for p in scene.paragraphs] for chapter in story.chapters] == [
        LONG[0:2],
        LONG[1:3],
        LONG[2:4],
    ]


def test_numbers_between_dashes_after_a_page_of_text_are_its_pages() -> None:
    text = HEAD + "".join(f"{LONG[n]}\n\n— {n + 1} —\n\n" for n in range(3)) + LONG[3] + "\n"
    story = read_text(text)
    assert len(story.chapters) == 1
    assert paragraphs(story) == LONG


def test_numbers_between_dashes_in_a_cut_sentence_are_pages() -> None:
    cut = "The ferry left at dawn, its horn low over the water while the gulls"
    text = HEAD + f"— 1 —\n\n{cut}\n\n— 2 —\n\nwheeled above the harbour wall.\n\n— 3 —\n\n{LONG[1]}\n"
    story = read_text(text)
    assert len(story.chapters) == 1


@pytest.mark.parametrize(
    "head", ["SALT ROADS\nA Novella\nAda Quill\n\n", "Salt Roads\n\nA Novella\n\nAda Quill\n\n", "Salt Roads\n\n"]
)
def test_number_words_over_a_few_sentences_under_a_title_page_head_chapters(head: str) -> None:
    story = read_text(head + "ONE\n\n" + STORY[0] + "\n\nTWO\n\n" + STORY[1] + "\n\nTHREE\n\n" + STORY[2] + "\n")
    assert [chapter.scenes[0].paragraphs for chapter in story.chapters] == [[STORY[0]], [STORY[1]], [STORY[2]]]
    if "Ada" in head:
        assert story.meta.author == "Ada Quill"


def test_number_words_counted_under_story_text_stay_text() -> None:
    text = HEAD + "She counted the boats in the harbour.\n\nOne\n\n" + STORY[0] + "\n\nTwo\n\n" + STORY[1] + "\n"
    assert paragraphs(read_text(text)) == ["She counted the boats in the harbour.", "One", STORY[0], "Two", STORY[1]]


FLASH = ["The ferry left at dawn.", "Mara counted the crates.", "Bram mended the nets.", "The lanterns were lit."]


def test_four_one_sentence_lines_under_the_title_are_four_paragraphs() -> None:
    assert paragraphs(read_text(HEAD + "\n".join(FLASH) + "\n")) == FLASH


@pytest.mark.parametrize(
    "lines",
    [
        ["The sea was calm tonight,", "The tide was full,", "the moon lay fair", "Upon the straits."],  # verse
        FLASH[:3],
    ],
)
def test_short_lines_that_are_no_four_sentences_keep_their_block(lines: list[str]) -> None:
    assert paragraphs(read_text(HEAD + "\n".join(lines) + "\n")) == ["\n".join(lines)]


# ---------------------------------------------------------------- this round's probes


def test_a_substack_box_and_its_button_go() -> None:
    box = "Thanks for reading Salt Roads! Subscribe for free to receive new posts and support my work."
    text = HEAD + "\n\n".join([*STORY[:2], box, "Subscribe", *STORY[2:]]) + "\n"
    assert paragraphs(read_text(text)) == STORY


def test_ko_fis_buttons_over_its_coffee_ask_go() -> None:
    text = HEAD + "\n\n".join([*STORY, "Like", "Share", "Buy Ada Quill a Coffee"]) + "\n"
    assert paragraphs(read_text(text)) == STORY


def test_a_lone_button_word_among_the_paragraphs_stays() -> None:
    text = HEAD + "\n\n".join([*STORY[:2], "Share", *STORY[2:]]) + "\n"
    assert paragraphs(read_text(text)) == [*STORY[:2], "Share", *STORY[2:]]


@pytest.mark.parametrize(
    "lock", ["Unlock this post by becoming a member", "Join now", "Join for $3 per month", "Become a patron to unlock"]
)
def test_patreons_lock_under_a_teaser_goes(lock: str) -> None:
    text = HEAD + "\n\n".join([*STORY[:2], lock, "12 Likes"]) + "\n"
    assert paragraphs(read_text(text)) == STORY[:2]


def test_a_patreon_post_head_under_its_chapter_heading_names_the_writer() -> None:
    text = "Salt Roads - Chapter 3\n\nAda Quill\n\nMar 1, 2024 at 10:00 AM\n\n" + "\n\n".join(STORY) + "\n"
    story = read_text(text)
    assert story.meta.author == "Ada Quill"
    assert paragraphs(story) == STORY


def test_a_chapter_title_over_a_diary_date_stays_its_title() -> None:
    text = HEAD + "Chapter 1\n\nThe Ferry\n\nMarch 3, 1889\n\n" + "\n\n".join(STORY) + "\n"
    story = read_text(text)
    assert story.chapters[0].title == "The Ferry"


@pytest.mark.parametrize("count", ["2,140 words · 9 min read", "1,200 words | 5 minutes", "2,140 words"])
def test_a_word_count_under_the_by_line_in_one_block_is_a_note(count: str) -> None:
    story = read_text("Salt Roads\nby Ada Quill\n" + count + "\n\n" + "\n\n".join(STORY) + "\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert story.meta.notes == [count]
    assert paragraphs(story) == STORY


@pytest.mark.parametrize(
    "foot",
    [
        "Tags: fic, major character death",
        "Tags: fic, major character death\nCurrent Mood: tired",
        "Tags: fic, major character death\n\nCurrent Mood: tired\n\n3 comments | Reply",
    ],
)
def test_a_journal_entrys_foot_is_its_tags(foot: str) -> None:
    story = read_text("Title: Salt Roads\nAuthor: Ada Quill\n\n" + "\n\n".join(STORY) + "\n\n" + foot + "\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert story.meta.additional_tags == ["fic", "major character death"]
    assert paragraphs(story) == STORY


def test_a_last_paragraph_naming_tags_in_a_sentence_stays_text() -> None:
    last = "Tags were tied to every crate, and she read them all."
    assert paragraphs(read_text(HEAD + "\n\n".join([*STORY, last]) + "\n"))[-1] == last


@pytest.mark.parametrize("signature", ["— Ada", "~ada", "-- Ada Quill", "- Ada"])
def test_the_authors_signature_closing_the_story_is_a_note(signature: str) -> None:
    story = read_text(HEAD + "\n\n".join([*STORY, signature]) + "\n")
    assert paragraphs(story) == STORY
    assert story.chapters[-1].notes == [signature]


def test_a_dash_before_another_name_closing_the_story_stays_text() -> None:
    assert paragraphs(read_text(HEAD + "\n\n".join([*STORY, "— Mara"]) + "\n"))[-1] == "— Mara"


def test_a_chapter_pages_title_over_its_links_heads_it() -> None:
    nav = "<< Previous | Index | Next >>"
    story = read_text(HEAD + "The Ferry\n\n" + nav + "\n\n" + "\n\n".join(STORY) + "\n\n" + nav + "\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert [chapter.title for chapter in story.chapters] == ["The Ferry"]
    assert paragraphs(story) == STORY


def test_a_journal_entry_copied_with_its_subject_date_and_poster_over_the_fields() -> None:
    head = "Salt Roads [fic]\n\nJun. 3rd, 2024 at 10:00 pm\n\nada_quill\n\nTitle: Salt Roads\nAuthor: ada_quill\nRating: G\n\n"
    story = read_text(head + "\n\n".join(STORY) + "\n\nTags: fic, salt roads\n\nCurrent Mood: tired\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "ada_quill")
    assert story.meta.additional_tags == ["fic", "salt roads"]
    assert paragraphs(story) == STORY


def test_a_subject_with_no_fields_under_it_keeps_the_lines_under_it() -> None:
    text = "Salt Roads [fic]\n\nJun. 3rd, 2024\n\n" + "\n\n".join(STORY) + "\n"
    assert "Jun. 3rd, 2024" in paragraphs(read_text(text))
