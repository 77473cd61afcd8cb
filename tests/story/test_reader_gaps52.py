"""Story files misread, found in the fifty-second session's twenty-first round of reading (files of the
shapes real tools and sites make, written for it; the probe files stay out of the repository):

- Word's or LibreOffice's plain text, a paragraph a line and no blank line between, its paragraphs about as
  long as a hard-wrapped text's lines: a chapter of four such lines was one paragraph. A line past 100
  characters (no hard wrap's) under a line ending a sentence opens a paragraph, and four lines inside blocks
  every one ending a sentence tell the layout as six mostly ending one do (a hard wrap falls at a sentence's
  end one line in ten or so).
- a Scrivener compile under its "Manuscript" (or "Draft") folder's line whose sections are titled by their
  names alone ("The Ferry" / "Low Water"): one chapter, the folder's line and the titles its paragraphs
  (`textfile._compiled_titles`).
- Ulysses's inline comments ("++check the tide tables++") and Ulysses's and Bear's highlights
  ("::horn low::") in Markdown: posted as written. The comment goes, the highlight's words stay.
- Wattpad's comment counts copied under the paragraphs they were made on ("12", "1.2K"): a paragraph each
  (`site_chrome.without_paragraph_counts`).

- a SpaceBattles thread copied with its bar as two lines, "Threadmarks" over "Chapter 1: The Ferry": no thread,
  the bar's lines the first chapter's; a title over a subtitle over a by-line or a name, a paragraph each or one
  block ("Salt Roads" / "The Ferry" / "Ada Quill", a Scribble Hub chapter page's head): the story's paragraphs;
  Tumblr's tags in a `<div class="tags">` of links with no address: "#original fiction#my writing" as text.
- from this round's probes: a newsletter's "View in browser" over a post's head (its head unread); Inkitt's and
  Quotev's "Continue Reading Next Chapter", Literotica's "Please rate this story", Scribble Hub's "Ad Blocker
  Detected": paragraphs; "Copyright© 2024 by Ada Quill" under the title: the summary, the author unnamed; an
  AO3 work copied with no tags, "Salt Roads" / "Ada Quill" over "Summary:": a chapter of its own; a translated
  serial's "Translator: Ada Quill  Editor: Bram" under each heading: a paragraph of each chapter.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.story import decode, structure, title_lines
from tests.story.builders import paragraphs, read_text, timed_import
from tests.story.test_reader_gaps47 import STORY

HEAD = "Salt Roads\nby Ada Quill\n\n"


# ---------------------------------------------------------------- the clean-ups read as before


def test_the_post_head_readings_share_one_list_of_follow_words() -> None:
    for word in ("Subscribe", "Follow", "Threadmarks", "+ Follow"):
        assert title_lines._FOLLOW_BUTTON.fullmatch(word)
        assert title_lines._POST_HEAD_CHROME.fullmatch(word.lstrip("+ "))
    assert title_lines._POST_HEAD_CHROME.fullmatch("Following")
    assert not title_lines._FOLLOW_BUTTON.fullmatch("Following")  # (as before: the button, not its state)


def test_never_text_is_one_tuple_read_by_the_decoder_and_the_structure() -> None:
    from bot.story import invisible

    assert decode.NEVER_TEXT is invisible.NEVER_TEXT
    assert structure.NEVER_TEXT is invisible.NEVER_TEXT
    assert decode.title_alone is structure.title_alone


@pytest.mark.parametrize(
    ("text", "title", "author"),
    [
        (
            "Salt Roads\nA story in three tides\nAda Quill\nMar 01, 2024\n∙ Paid\n12\n3\nShare\n\n",
            "Salt Roads",
            "Ada Quill",
        ),
        ("Salt Roads\nadaquill\nSubscribe\n\n", "Salt Roads", "adaquill"),
        ("Salt Roads\n\nAda Quill\n\nMar 1, 2024 at 10:00 AM\n\nPublic post\n\n", "Salt Roads", "Ada Quill"),
    ],
)
def test_a_post_head_reads_as_before(text: str, title: str, author: str) -> None:
    story = read_text(text + "\n\n".join(STORY) + "\n")
    assert (story.meta.title, story.meta.author) == (title, author)
    assert paragraphs(story) == STORY


# ---------------------------------------------------------------- a paragraph a line, no blank line


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_word_text_of_a_paragraph_a_line_keeps_its_paragraphs(end: str) -> None:
    text = end.join(["Salt Roads", "by Ada Quill", "Chapter 1", *STORY[:2], "Chapter 2", *STORY[2:]]) + end
    story = read_text(text)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY[:2], STORY[2:]]


def test_a_flash_fiction_of_short_lines_each_a_sentence_keeps_them_apart() -> None:
    lines = [
        "The ferry left at dawn with the tide behind it.",
        "Mara counted the crates twice before she signed.",
        "Bram mended the nets on the slipway in the rain.",
        "The lanterns along the quay were lit one by one.",
        "Nobody on the pier said a word about the missing boat.",
        "By morning the harbour had forgotten it entirely.",
    ]
    story = read_text("Salt Roads\nby Ada Quill\n\n" + "\n".join(lines) + "\n")
    assert paragraphs(story) == lines


def test_a_hard_wrapped_text_still_joins_its_lines() -> None:
    wrapped = (
        "The ferry left at dawn, its horn low over the water while the gulls\n"
        "wheeled above the harbour wall. Mara counted the crates twice before\n"
        "she signed for them, because the manifest never matched the hold.\n\n"
        "Bram mended the nets on the slipway though the rain had not stopped\n"
        "since the bell rang for morning. By evening the tide had turned, and\n"
        "the lanterns along the quay were lit one by one against the dark.\n"
    )
    story = read_text(HEAD + wrapped)
    assert paragraphs(story) == [" ".join(block.split("\n")) for block in wrapped.strip().split("\n\n")]


def test_a_wrapped_paragraph_over_a_long_line_is_two_paragraphs() -> None:
    long_line = STORY[1] + " " + STORY[2]  # past 100 characters: no hard wrap's
    story = read_text(HEAD + "Chapter 1\n" + STORY[0] + "\n" + long_line + "\n")
    assert paragraphs(story) == [STORY[0], long_line]


# ---------------------------------------------------------------- Scrivener's compile, sections titled alone


@pytest.mark.parametrize("folder", ["Manuscript", "Draft"])
def test_a_compile_under_its_folder_titles_its_chapters_by_their_names(folder: str) -> None:
    for head in ("", HEAD):
        text = f"{head}{folder}\n\nThe Ferry\n\n" + "\n\n".join(STORY[:2]) + "\n\nLow Water\n\n"
        story = read_text(text + "\n\n".join(STORY[2:]) + "\n")
        assert [chapter.title for chapter in story.chapters] == ["The Ferry", "Low Water"]
        assert paragraphs(story) == STORY


def test_a_story_opening_on_the_word_draft_keeps_its_lines() -> None:
    # one short line under it only, or no folder word: the text's own lines
    for text in (
        "Draft\n\nThe Ferry\n\n" + "\n\n".join(STORY) + "\n",
        "Notes\n\nThe Ferry\n\n" + "\n\n".join(STORY[:2]) + "\n\nLow Water\n\n" + "\n\n".join(STORY[2:]) + "\n",
    ):
        story = read_text(text)
        assert len(story.chapters) == 1
        assert "The Ferry" in paragraphs(story)


# ---------------------------------------------------------------- Ulysses's comments, Bear's highlights


def _markdown(middle: str) -> str:
    return f"# Salt Roads\n\nby Ada Quill\n\n## Chapter 1\n\n{middle}\n\n{STORY[1]}\n\n## Chapter 2\n\n{STORY[2]}\n"


@pytest.mark.parametrize(
    ("line", "read"),
    [
        (STORY[0] + " ++check the tide tables++", STORY[0]),
        ("++fix this++ " + STORY[0], STORY[0]),
        (
            "The ferry left at dawn, its ::horn low:: over the water.",
            "The ferry left at dawn, its horn low over the water.",
        ),
        ("The ferry ++was it?++ left at dawn.", "The ferry left at dawn."),
    ],
)
def test_ulysses_comments_go_and_highlights_keep_their_words(line: str, read: str) -> None:
    story = read_text(_markdown(line), "story.md")
    assert paragraphs(story)[0] == read


@pytest.mark.parametrize(
    "line", ["She wrote C++ and C++ again at night.", "The std::vector held a::b and 10::20 both.", "A + B ++ C."]
)
def test_plus_signs_and_colons_in_text_stay(line: str) -> None:
    assert paragraphs(read_text(_markdown(line), "story.md"))[0] == line


# ---------------------------------------------------------------- Wattpad's comment counts under paragraphs


def test_wattpads_comment_counts_under_paragraphs_go() -> None:
    counts = ["12", "4", "1.2K", "7"]
    body = "\n\n".join(f"{line}\n\n{count}" for line, count in zip(STORY, counts, strict=True))
    story = read_text("Salt Roads\n\n" + body + "\n")
    assert paragraphs(story) == STORY
    assert story.meta.title == "Salt Roads"


def test_numbered_sections_and_a_countdown_stay() -> None:
    sections = HEAD + "\n\n".join(f"{number}\n\n{line}" for number, line in enumerate(STORY, 1)) + "\n"
    story = read_text(sections)
    assert len(story.chapters) == 4  # each number a chapter's, as before
    assert paragraphs(story) == STORY
    countdown = HEAD + "\n\n".join(f"{line}\n\n{count}" for line, count in zip(STORY, "3210", strict=True)) + "\n"
    assert paragraphs(read_text(countdown))[1::2] == ["3", "2", "1", "0"]
    two = "\n\n".join(f"{line}\n\n{count}" for line, count in zip(STORY[:2], ["12", "4"], strict=True))
    assert paragraphs(read_text(HEAD + two + "\n\n" + "\n\n".join(STORY[2:]) + "\n"))[1] == "12"  # two: too few


def test_counts_that_happen_to_differ_by_one_somewhere_still_go() -> None:
    body = "\n\n".join(f"{line}\n\n{count}" for line, count in zip(STORY, ["4", "5", "31", "7"], strict=True))
    assert paragraphs(read_text("Salt Roads\n\n" + body + "\n")) == STORY


# ---------------------------------------------------------------- a title page's lines apart; a chapter page's head


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize("name", ["by Ada Quill", "Ada Quill"])
def test_a_title_over_a_subtitle_over_the_author_is_the_title_page(gap: str, name: str) -> None:
    story = read_text(f"Salt Roads{gap}The Ferry{gap}{name}\n\n" + "\n\n".join(STORY) + "\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert story.meta.notes == ["The Ferry"]
    assert paragraphs(story) == STORY


def test_a_scribble_hub_chapter_page_copied_reads_without_its_chrome() -> None:
    text = (
        "Salt Roads\n\nThe Ferry\n\nAda Quill\n\n"
        + "\n\n".join(STORY)
        + "\n\n« Previous\nIndex\nNext »\n\nAd Blocker Detected\n"
    )
    story = read_text(text)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


@pytest.mark.parametrize(
    "opening",
    [
        "Winter came early.\n\nThe Ferry\n\nby Ada Quill\n\n",  # a sentence first: the story's
        "Salt Roads\n\nThe ferry was late.\n\nAda Quill\n\n",  # a sentence between
        "Salt Roads\n\nThe Ferry\n\nthe harbour\n\n",  # no name under them
    ],
)
def test_a_story_opening_on_short_lines_keeps_them(opening: str) -> None:
    story = read_text(opening + "\n\n".join(STORY) + "\n")
    assert story.meta.author is None or story.meta.author == "Ada Quill"
    assert paragraphs(story)[-4:] == STORY
    assert len(paragraphs(story)) > 4 or story.meta.title == "Salt Roads"


def test_a_thread_copy_with_its_threadmarks_bar_over_the_threadmark() -> None:
    text = (
        "Salt Roads (Original Fiction)\n\nThreadmarks\nChapter 1: The Ferry\n\nAda Quill\nMar 1, 2024\n#1\n\n"
        + "\n\n".join(STORY)
        + "\n\nReactions: Like 23\n\nLast edited: Mar 2, 2024\n"
    )
    story = read_text(text)
    assert story.meta.author == "Ada Quill"
    assert [chapter.title for chapter in story.chapters] == ["The Ferry"]
    assert paragraphs(story) == STORY


def test_a_story_line_saying_threadmarks_is_no_thread() -> None:
    text = (
        HEAD + STORY[0] + "\n\nThreadmarks\nwere what she called them, the notches on the pier.\n\n" + STORY[1] + "\n"
    )
    assert "were what she called them, the notches on the pier." in " ".join(paragraphs(read_text(text)))


def test_tumblr_tags_in_a_tags_block_without_addresses_leave_the_text() -> None:
    page = (
        "<html><head><title>Salt Roads</title></head><body><article><h2>Salt Roads</h2>"
        + "".join(f"<p>{line}</p>" for line in STORY)
        + "<div class='tags'><a>#original fiction</a><a>#my writing</a></div><div class='notes'>42 notes</div>"
        + "</article></body></html>"
    )
    story = read_text(page, "post.html")
    assert paragraphs(story) == STORY


def test_a_hashtag_in_the_text_stays() -> None:
    page = (
        "<html><head><title>Salt Roads</title></head><body><article><h2>Salt Roads</h2>"
        + "".join(f"<p>{line}</p>" for line in STORY)
        + "<p>She signed it <a>#1 harbourmaster</a> and left.</p></article></body></html>"
    )
    assert paragraphs(read_text(page, "post.html"))[-1] == "She signed it #1 harbourmaster and left."


# ---------------------------------------------------------------- the probes' other misreads


def test_a_newsletter_email_head_under_view_in_browser_is_its_title_page() -> None:
    text = "View in browser\n\nSalt Roads\n\nA story in three tides\n\nAda Quill\nMar 1, 2024\n\n" + "\n\n".join(STORY)
    story = read_text(text + "\n\nUnsubscribe\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


@pytest.mark.parametrize("line", ["Continue Reading Next Chapter", "Please rate this story", "Ad Blocker Detected"])
def test_a_reading_sites_ask_under_a_chapter_goes(line: str) -> None:
    story = read_text(
        HEAD + "Chapter 1\n\n" + "\n\n".join(STORY[:2]) + f"\n\n{line}\n\nChapter 2\n\n" + "\n\n".join(STORY[2:]) + "\n"
    )
    assert paragraphs(story) == STORY


@pytest.mark.parametrize(
    "line",
    ["Copyright© 2024 by Ada Quill", "© 2024 Ada Quill. All rights reserved.", "Copyright (c) 2023-2024 Ada Quill"],
)
def test_a_rights_line_under_the_title_names_its_author(line: str) -> None:
    story = read_text(f"Salt Roads\n\n{line}\n\nChapter 1: The Ferry\n\n" + "\n\n".join(STORY) + "\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert story.meta.summary is None
    assert paragraphs(story) == STORY


def test_a_rights_line_naming_no_person_names_no_author() -> None:
    story = read_text("Salt Roads\n\n© 2024\n\nChapter 1: The Ferry\n\n" + "\n\n".join(STORY) + "\n")
    assert story.meta.author is None
    assert paragraphs(story)[-4:] == STORY  # (the title a paragraph, as before)


def test_an_ao3_work_copied_without_its_tags_over_its_summary_label() -> None:
    text = "Salt Roads\nAda Quill\n\nSummary:\n\nA ferry, a harbour.\n\nChapter 1: The Ferry\n\n" + "\n\n".join(
        STORY[:2]
    )
    story = read_text(text + "\n\nChapter 2: Low Water\n\n" + "\n\n".join(STORY[2:]) + "\n")
    assert (story.meta.title, story.meta.author, story.meta.summary) == (
        "Salt Roads",
        "Ada Quill",
        "A ferry, a harbour.",
    )
    assert [chapter.title for chapter in story.chapters] == ["The Ferry", "Low Water"]
    assert paragraphs(story) == STORY


@pytest.mark.parametrize(
    "line", ["Translator: Ada Quill  Editor: Bram", "TL: ada | ED: bram", "Translated by Ada Quill, edited by Bram"]
)
def test_a_translated_serials_credits_under_a_heading_are_its_note(line: str) -> None:
    story = read_text(_chapters_with(line))
    assert [chapter.notes for chapter in story.chapters] == [[line], [line]]
    assert paragraphs(story) == STORY


@pytest.mark.parametrize("line", ["Translation is hard, she said.", "Edited by Bram, who hated it.", "Ed: hey you"])
def test_a_sentence_naming_a_translation_is_text(line: str) -> None:
    assert paragraphs(read_text(_chapters_with(line)))[0] == line


def _chapters_with(line: str) -> str:
    return (
        "Salt Roads\n\nChapter 1 - The Ferry\n\n"
        + line
        + "\n\n"
        + "\n\n".join(STORY[:2])
        + "\n\nChapter 2 - Low Water\n\n"
        + line
        + "\n\n"
        + "\n\n".join(STORY[2:])
        + "\n"
    )


def test_a_long_line_carrying_on_a_quote_or_under_a_chat_or_a_list_keeps_its_place() -> None:
    quote = (
        '"No son of mine needs pills to pay attention. You are not defective. You just do not try.\n'
        '" He pocketed the key and went back into the house without another word to the boy, who had not moved at all.'
    )
    story = read_text(HEAD + STORY[0] + "\n\n" + quote + "\n\n" + STORY[1] + "\n")
    assert paragraphs(story)[1].startswith('"No son') and paragraphs(story)[1].endswith("not moved at all.")
    chat = (
        "Deano: Right. Couple of things before Saturday, lads, listen.\n"
        "Deano: 1. Anyone who thinks that is banter is off the team. I have spoken to the coach. He agrees with me."
    )
    story = read_text(HEAD + STORY[0] + "\n\n" + chat + "\n\n" + STORY[1] + "\n")
    assert paragraphs(story)[1] == chat


def test_long_lines_under_thousands_of_wrapped_lines_read_in_linear_time(tmp_path: Path) -> None:
    """Hostile: ``_opens_paragraph`` read every pending line of a block again under each long line, so 20,000
    wrapped lines (a field line among them) and then 12,000 pairs of a short sentence and a long line (3.9 MB,
    one block) took about 48 s of CPU; it reads the last ``structure.OPENS_LOOKBACK`` lines now (0.6 s to split)."""
    short = "the water was low and the ferry ran late again that evening"
    lines = [short + " a"] * 20_000
    lines[1] = "Name: " + short
    for number in range(12_000):
        lines.append(f"the water was low and the ferry ran late again, {number:06d} ok.")
        lines.append("and the long line goes on past a hundred characters without a stop at its end " * 2 + str(number))
    cpu, found = timed_import("\n".join(lines).encode(), tmp_path, "block.txt")
    assert cpu < 8.0
    assert sum(map(len, found)) > 3_000_000  # read, not refused
