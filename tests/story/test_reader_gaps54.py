"""Story files misread, found in the fifty-fourth session's twenty-third round of reading (files of the
shapes real tools and sites make, written for it; the probe files stay out of the repository):

- the gaps session 53 left: a Hugo page's JSON front matter ('{ "title": ... }' over the text) read as its
  first paragraph; a Substack post's lone closing "Share" (and "Subscribe", "Share this post", "Restack",
  "Like", "Leave a comment") kept as its last paragraph; a quatrain whose lines each end with a stop read
  as four paragraphs, and stanzas so as paragraphs and scenes; `site_chrome`'s two sentence-stop patterns
  one helper (`site_chrome.sentence_stop`).

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story import site_chrome, title_lines
from bot.story.structure import Para
from tests.story.builders import paragraphs, read_text
from tests.story.test_reader_gaps47 import STORY

HEAD = "Salt Roads\nby Ada Quill\n\n"
TEXT = "\n\n".join(STORY) + "\n"


# ---------------------------------------------------------------- Hugo's JSON front matter


@pytest.mark.parametrize(
    "front",
    [
        '{\n  "title": "Salt Roads",\n  "author": "Ada Quill",\n  "date": "2024-03-01",\n  "draft": false\n}\n\n',
        '{ "title": "Salt Roads", "author": "Ada Quill" }\n',
        # Quarto's and Pandoc's authors as records, a table of the page's own fields
        '{\n"title": "Salt Roads",\n"authors": [{"name": "Ada Quill", "url": "https://example.org"}],\n'
        '"params": {"rating": "Teen"}\n}\n',
    ],
)
def test_a_hugo_pages_json_front_matter_is_its_fields(front: str) -> None:
    story = read_text(front + TEXT, "story.md")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


def test_json_front_matters_lists_are_read_as_yamls() -> None:
    front = '{"title": "Salt Roads", "author": "Ada Quill", "tags": ["sea", "grief"], "rating": "Mature"}\n\n'
    story = read_text(front + TEXT, "story.md")
    assert story.meta.rating == "Mature"
    assert story.meta.additional_tags == ["sea", "grief"]


@pytest.mark.parametrize(
    "opening",
    [
        "{Redacted} was the only word left on the page.",
        '{"title": "Salt Roads"} was what the file said, and nothing else.',  # no object closing its line
        "{\n  not json at all\n}",
    ],
)
def test_a_text_opening_with_a_brace_that_is_no_front_matter_stays_text(opening: str) -> None:
    story = read_text(opening + "\n\n" + TEXT, "story.md")
    assert paragraphs(story)[-4:] == STORY
    assert len(paragraphs(story)) == 5


def test_a_json_front_matter_nested_past_the_stack_is_text() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    story = read_text('{"title": ' + deep + "}\n\n" + TEXT, "story.md")
    assert paragraphs(story)[-4:] == STORY


# ---------------------------------------------------------------- a post's buttons closing it

POST_HEAD = "Salt Roads\nThe ferry goes out\nAda Quill\nMar 01, 2024\n\n"


@pytest.mark.parametrize(
    "foot",
    ["Share", "Subscribe", "Share this post", "Restack", "Like", "Leave a comment", "Like\n\nShare", "14\n\nShare"],
)
def test_a_posts_closing_buttons_go(foot: str) -> None:
    story = read_text(POST_HEAD + TEXT + "\n" + foot + "\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


def test_a_closing_like_with_no_posts_head_stays() -> None:
    # (a text message's last word, as test_reader_gaps38 keeps it)
    assert paragraphs(read_text(HEAD + TEXT + "\nLike\n")) == [*STORY, "Like"]


def test_a_button_word_among_a_posts_paragraphs_stays() -> None:
    text = POST_HEAD + "\n\n".join([*STORY[:2], "Share", *STORY[2:]]) + "\n"
    assert paragraphs(read_text(text)) == [*STORY[:2], "Share", *STORY[2:]]


def test_the_foot_is_read_only_from_the_end() -> None:
    items = [Para("It rained."), Para("Share"), Para("It rained again."), Para("Share")]
    assert title_lines._without_post_foot(items) == items[:3]


# ---------------------------------------------------------------- verse


QUATRAIN = ["The night is long.", "The sea is deep.", "I have no song.", "I cannot sleep."]
STANZAS = [
    QUATRAIN,
    ["The lamp is lit.", "The door is shut.", "The wind is up.", "The road is cut."],  # no rhyme: the stanzas' shape
    ["And then the dawn.", "And then the rain.", "And he is gone.", "And I remain."],
]


def test_a_rhymed_quatrain_whose_lines_end_with_stops_is_one_paragraph() -> None:
    assert paragraphs(read_text(HEAD + "\n".join(QUATRAIN) + "\n")) == ["\n".join(QUATRAIN)]


def test_stanzas_whose_lines_end_with_stops_are_a_paragraph_each() -> None:
    story = read_text(HEAD + "\n\n".join("\n".join(stanza) for stanza in STANZAS) + "\n")
    assert paragraphs(story) == ["\n".join(stanza) for stanza in STANZAS]
    assert len(story.chapters[0].scenes) == 1


def test_stanzas_of_the_same_shape_unrhymed_are_a_paragraph_each() -> None:
    unrhymed = [stanza[:3] for stanza in STANZAS[1:]] + [["The boat is late.", "The quay is wet.", "I walk home."]]
    story = read_text(HEAD + "\n\n".join("\n".join(stanza) for stanza in unrhymed) + "\n")
    assert paragraphs(story) == ["\n".join(stanza) for stanza in unrhymed]


FLASH = ["The ferry left at dawn.", "Mara counted the crates.", "Bram mended the nets.", "The lanterns were lit."]


def test_four_unrhymed_sentence_lines_are_four_paragraphs_as_before() -> None:
    assert paragraphs(read_text(HEAD + "\n".join(FLASH) + "\n")) == FLASH


def test_scenes_of_dialogue_a_line_each_stay_a_paragraph_a_line() -> None:
    scenes = [
        ["“Hey.”", "“What?”", "She turned to face him.", "“Nothing.”"],
        ["The next morning it rained.", "She waited at the door.", "“You came back.”", "“I did.”"],
    ]
    story = read_text(HEAD + "\n\n".join("\n".join(scene) for scene in scenes) + "\n")
    assert paragraphs(story) == scenes[0] + scenes[1]
    assert len(story.chapters[0].scenes) == 2


def test_past_tense_lines_do_not_rhyme_by_their_endings() -> None:
    lines = ["Mara waited.", "Bram walked.", "The bell rang.", "Nobody talked."]
    assert paragraphs(read_text(HEAD + "\n".join(lines) + "\n")) == lines


# ---------------------------------------------------------------- one sentence stop


def test_one_sentence_stop_serves_the_prose_test_and_the_title_tests() -> None:
    assert not hasattr(site_chrome, "SENTENCE_MARK")
    assert not hasattr(site_chrome, "_PROSE_STOP")
    assert title_lines.sentence_stop is site_chrome.sentence_stop
    assert site_chrome.sentence_stop("Wait… no")
    assert not site_chrome.sentence_stop("Wait… no", ellipsis=False)
    assert site_chrome.sentence_stop("It rained. Then", ellipsis=False)
    assert site_chrome.sentence_stop("It rained!", ellipsis=False)
    assert not site_chrome.sentence_stop("v1.2 and 3.5")
    assert site_chrome.prose_paragraph(Para("Wait… no"))


def test_a_title_with_an_ellipsis_over_its_by_line_reads_as_before() -> None:
    story = read_text("Wait… What\nby Ada Quill\n\n" + TEXT)
    assert (story.meta.title, story.meta.author) == ("Wait… What", "Ada Quill")


# ---------------------------------------------------------------- this round's probes


def test_a_wordpress_posts_by_line_and_sharing_box_copied_as_text() -> None:
    box = "Share this:\nTwitter\nFacebook\nLike this:\nLike Loading...\nRelated"
    for foot in (box, box.replace("\n", "\n\n")):
        story = read_text("Salt Roads\n\nPosted on March 1, 2024 by Ada Quill\n\n" + TEXT + "\n" + foot + "\n")
        assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
        assert paragraphs(story) == STORY


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Posted on March 1, 2024 by Ada Quill", "Ada Quill"),
        ("Posted by Ada Quill on 1 March 2024 at 10:00 am", "Ada Quill"),
        ("Published 2024-03-01 by adaquill", "adaquill"),
        ("Posted on March 1, 2024 by the river, she waited.", None),
    ],
)
def test_a_blog_by_line_with_its_date(line: str, author: str | None) -> None:
    from bot.story.bylines import by_line_author

    assert by_line_author(line) == author


def test_a_sharing_boxs_bare_links_among_the_story_stay() -> None:
    text = HEAD + "\n\n".join([*STORY[:2], "Twitter", "Facebook", *STORY[2:]]) + "\n"
    assert paragraphs(read_text(text)) == [*STORY[:2], "Twitter", "Facebook", *STORY[2:]]


def test_mediums_topics_and_writer_box_under_a_post_go() -> None:
    head = "Salt Roads\nA story about the ferry\nAda Quill\nFollow\n5 min read\n·\nMar 1, 2024\n\n"
    foot = "Fiction\nShort Story\n\nWritten by Ada Quill\n1.2K Followers\nStories about the sea.\nFollow\nMore from Ada Quill\n"
    story = read_text(head + TEXT + "\n" + foot)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


def test_a_tumblr_posts_tags_over_its_foot_in_one_block_are_its_tags() -> None:
    text = "ada-quill\nFollow\n\nSalt Roads\n\n" + TEXT + "\n#salt roads #tw drowning\nSource: ada-quill\n312 notes\n"
    story = read_text(text)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "ada-quill")
    assert "salt roads" in story.meta.additional_tags
    assert paragraphs(story) == STORY


def test_a_tumblr_ask_over_its_answer() -> None:
    ask = "Anonymous asked:\ncould you write the ferry keeper in a storm?\n\nada-quill answered:\n\n"
    story = read_text(ask + TEXT)
    assert story.meta.author == "ada-quill"
    assert story.meta.notes == ["Prompt: could you write the ferry keeper in a storm?"]
    assert paragraphs(story) == STORY


def test_asked_in_a_story_stays_text() -> None:
    text = "Mara asked:\nwhere is the ferry?\n\nNobody answered.\n\n" + TEXT
    assert paragraphs(read_text(text))[:2] == ["Mara asked:\nwhere is the ferry?", "Nobody answered."]


@pytest.mark.parametrize(
    ("head", "title", "notes"),
    [
        ("r/nosleep\nPosted by u/tidewright\n3 yr. ago\nThe Lighthouse Log\n\n", "The Lighthouse Log", []),
        (
            "r/WritingPrompts\nPosted by u/tidewright\n[WP] The ferry runs once a year, and you are its one passenger.\n\n",
            None,
            ["Prompt: The ferry runs once a year, and you are its one passenger."],
        ),
    ],
)
def test_a_reddit_posts_head_in_one_block(head: str, title: str | None, notes: list[str]) -> None:
    story = read_text(head + TEXT)
    assert story.meta.author == "tidewright"
    if title:
        assert story.meta.title == title
    assert story.meta.notes == notes
    assert paragraphs(story) == STORY


def test_a_fountain_title_pages_credit_is_no_part_of_the_title() -> None:
    page = "Title: Salt Roads\nCredit: Written by\nAuthor: Ada Quill\nDraft date: 03/01/2024\n\n"
    story = read_text(page + TEXT)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


def test_a_scrivener_multimarkdown_headers_base_level_is_no_note() -> None:
    page = "Title: Salt Roads\nAuthor: Ada Quill\nBase Header Level: 2\n\n# Chapter One #\n\n"
    story = read_text(page + TEXT, "story.md")
    assert (story.meta.title, story.meta.author, story.meta.notes) == ("Salt Roads", "Ada Quill", [])


@pytest.mark.parametrize("line", ["Loading...", "Loading…"])
def test_a_screens_loading_line_alone_in_the_story_stays(line: str) -> None:
    text = HEAD + "\n\n".join([*STORY[:2], line, *STORY[2:]]) + "\n"
    assert paragraphs(read_text(text)) == [*STORY[:2], line, *STORY[2:]]
