"""Story files misread, found in the fiftieth session's nineteenth round of reading (files of the
shapes real tools and sites make, written for it; the probe files stay out of the repository):

- a contents list whose entries run to their page numbers past dot leaders ("Chapter 2 ........ 10",
  Word's and LibreOffice's contents set as text): each entry was a chapter heading titled by its
  leader ("....... 10"), and the upload was refused for headings with no text under them;
- a chapter's word count alone under its heading in a Title Case label ("Words: 1234", "*Words:
  1234*" in Markdown, "**Words:** 1,234"), and a posting date set in a text file's italics
  ("_Posted: 2024-03-01_"): every chapter's title, where "Word count: 1,234" was the chapter's note.
- a blog post's writer over its text with the "Follow" button run into the name ("Ada QuillFollow",
  "Ada Quill · Follow": Medium's page saved from the browser): the story's first paragraph.
- a Wattpad writer's ask under a part, "Vote if you liked it! ⭐", "Please comment if you enjoyed this
  chapter": the part's last paragraph, where "Don't forget to vote and comment!" was its note;
- Substack's box under a post pasted as text ("Thanks for reading Tidelines! Subscribe for free to
  receive new posts and support my work.", "Tidelines is a reader-supported publication. ..."), with its
  "Share" button under it: the story's last paragraphs.
- a Royal Road chapter page whose chapter has a title and no number ("<h1>The Ferry</h1>" over the
  link to the story's page), with its "A note from ..." box over the text: the chapter's heading was
  taken for a title over header fields (the note's "A/N:"), and titled the story in place of its link.
- iA Writer's content blocks in a Markdown file, lines that are only a file's path ("/chapter2.md",
  '/images/map.png "The coast"') which that app replaces with the file: a paragraph of the story.
- a line under the story saying where else it was posted ("Originally published at
  tidelines.substack.com on March 1, 2024.", Medium's export; "Cross-posted to AO3 and Wattpad."):
  the story's last paragraph.
- a text opening on its title over its author's full name with no "by" ("Salt Roads" / "Ada Quill")
  over the story's prose and no heading: the two lines were the story's first paragraph, the story
  titled with the file's name (over a chapter heading the two were read already).
- a Logseq page ("title:: Salt Roads" and "author:: Ada Quill" over an outline, every block a bullet,
  "- ## Chapter 1" over "\t- The ferry left ..."): one chapter of one list, its properties story text.
- Markdown posts or chapter files joined into one, each chapter under its own YAML block ("---" /
  "title: Low Water" / "chapter: 2" / "---"): the first block titled the story, each later one was a
  paragraph "title: Low Water chapter: 2" (its closing "---" underlining it), no chapter headed.
- a chapter's point of view named between dashes on the line under its bare heading ("Chapter 1" /
  "— Mara —", "~ The Ferry ~"): the chapter's first paragraph, where "Mara" alone titled it.
- a novel told in turns of view, each chapter under its narrator's name in capitals and nothing else
  ("JAMIE", "MARA", "JAMIE"): one chapter, the names its paragraphs.
- chapters headed by their number and title set apart by a colon or a slash ("1: The Ferry", "2 / Low
  Water"), where "1 - The Ferry" and "1 | The Ferry" were headings: one chapter, its headings its text.
- a Markdown post's subtitle, a sentence set as a heading straight under its title ("# Salt Roads" /
  "### Two sisters and a ferry.", Medium's export): the title of the story's one chapter.
- a page whose <title> names the story before its episode, "Salt Roads - Ep. 3 - The Ferry | Tapas",
  where the page has no heading of the story's: the story was titled with the episode's words too.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.model import Story
from tests.story.builders import paragraphs, read_text
from tests.story.test_reader_gaps47 import STORY

HEAD = "Salt Roads\nby Ada Quill\n\n"


def _chapters(headings: list[str]) -> str:
    return "".join(
        f"{heading}\n\n" + "\n\n".join(STORY[i : i + 2]) + "\n\n" for i, heading in zip((0, 2), headings, strict=True)
    )


# ---------------------------------------------------------------- a contents list with dot leaders


@pytest.mark.parametrize("leader", [" ........ ", " . . . . . . ", "..........."])
def test_a_contents_list_with_dot_leaders_to_its_pages_is_dropped(leader: str) -> None:
    contents = "Table of Contents\n\n" + "\n".join(f"Chapter {n}{leader}{page}" for n, page in ((1, 3), (2, 10)))
    story = read_text(HEAD + contents + "\n\n" + _chapters(["Chapter 1", "Chapter 2"]))
    assert [chapter.number for chapter in story.chapters] == [1, 2]
    assert [chapter.title for chapter in story.chapters] == [None, None]
    assert paragraphs(story) == STORY


def test_titled_entries_with_dot_leaders_are_dropped_and_the_titles_kept() -> None:
    contents = "Contents\n\nChapter 1: The Ferry ........ 3\nChapter 2: Low Water ........ 10"
    story = read_text(HEAD + contents + "\n\n" + _chapters(["Chapter 1: The Ferry", "Chapter 2: Low Water"]))
    assert [chapter.title for chapter in story.chapters] == ["The Ferry", "Low Water"]
    assert paragraphs(story) == STORY


def test_a_heading_whose_title_trails_off_in_dots_keeps_it() -> None:
    story = read_text(HEAD + _chapters(["Chapter 1: And Then...", "Chapter 2: Low Water"]))
    assert [chapter.title for chapter in story.chapters] == ["And Then...", "Low Water"]
    assert paragraphs(story) == STORY


# ---------------------------------------------------------------- a word count or date under each heading


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Words: 1234", "story.txt"),
        ("*Words: 1234*", "story.md"),
        ("**Words:** 1,234", "story.md"),
        ("WC: 2.3k", "story.txt"),
        ("_Posted: 2024-03-01_", "story.txt"),
    ],
)
def test_a_word_count_or_date_under_each_heading_is_its_note_not_its_title(line: str, name: str) -> None:
    story = read_text(HEAD + _chapters([f"Chapter 1\n\n{line}", f"Chapter 2\n\n{line}"]), name)
    assert [chapter.title for chapter in story.chapters] == [None, None]
    assert all(len(chapter.notes) == 1 and "2" in chapter.notes[0] for chapter in story.chapters)
    assert paragraphs(story) == STORY


def test_a_title_under_each_heading_is_still_its_title() -> None:
    story = read_text(HEAD + _chapters(["Chapter 1\n\nWords Unspoken", "Chapter 2\n\nLow Water"]))
    assert [chapter.title for chapter in story.chapters] == ["Words Unspoken", "Low Water"]
    assert paragraphs(story) == STORY


# ---------------------------------------------------------------- a writer's name with its Follow button


def _medium(byline: str, first: str = "") -> list[str]:
    text = "".join(f"<p>{line}</p>" for line in ([first] if first else []) + STORY)
    page = (
        "<html><head><title>Salt Roads | by Ada Quill | Medium</title></head><body><article><section>"
        f'<h1 class="pw-post-title">Salt Roads</h1><div class="pw-author">{byline}</div>{text}'
        "</section></article></body></html>"
    )
    story = read_text(page, "medium.html")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    return paragraphs(story)


@pytest.mark.parametrize(
    "byline", ['<a href="/@adaquill">Ada Quill</a><span>Follow</span>', "<span>Ada Quill</span> · <a>Follow</a>"]
)
def test_a_writers_name_with_its_follow_button_is_no_story_text(byline: str) -> None:
    assert _medium(byline) == STORY


def test_a_story_opening_on_follow_keeps_it() -> None:
    assert _medium("<span>Ada Quill</span>", first="Follow the river, Follow.") == ["Follow the river, Follow.", *STORY]


# ---------------------------------------------------------------- a sign-off asking for a vote if it was liked


@pytest.mark.parametrize("ask", ["Vote if you liked it! ⭐", "Please comment if you enjoyed this chapter :)"])
def test_an_ask_to_vote_if_the_reader_liked_it_is_the_chapters_note(ask: str) -> None:
    text = f"Chapter 1\n\n{STORY[0]}\n\n{STORY[1]}\n\n{ask}\n\nChapter 2\n\n{STORY[2]}\n\n{STORY[3]}\n"
    story = read_text(HEAD + text)
    assert story.chapters[0].notes == [ask]
    assert paragraphs(story) == STORY


def test_a_sentence_of_voting_if_they_liked_someone_stays() -> None:
    line = "They would vote if they liked him, and nobody in the harbour did."
    story = read_text(HEAD + "\n\n".join([*STORY, line]) + "\n")
    assert paragraphs(story) == [*STORY, line]


# ---------------------------------------------------------------- Substack's box under a post, as text


@pytest.mark.parametrize(
    "box",
    [
        "Thanks for reading Tidelines! Subscribe for free to receive new posts and support my work.",
        "Tidelines is a reader-supported publication. To receive new posts and support my work, consider "
        "becoming a free or paid subscriber.",
    ],
)
def test_substacks_box_under_a_post_pasted_as_text_is_no_story_text(box: str) -> None:
    story = read_text(HEAD + "\n\n".join([*STORY, box, "Share"]) + "\n")
    assert paragraphs(story) == STORY


def test_a_story_sentence_about_subscribing_stays() -> None:
    line = "She would subscribe for free to nothing, she said, and support no one's work but her own."
    story = read_text(HEAD + "\n\n".join([*STORY, line]) + "\n")
    assert paragraphs(story) == [*STORY, line]


# ---------------------------------------------------------------- a Royal Road chapter titled without a number


_NOTE_BOX = (
    "<div class='portlet solid author-note-portlet'><div class='portlet-title'><div class='caption'>A note from "
    "Ada Quill</div></div><div class='portlet-body author-note'><p>Thanks for the reviews!</p></div></div>"
)


def _royal_road(chapter: str, note: str) -> Story:
    text = "".join(f"<p>{line}</p>" for line in STORY)
    return read_text(
        f"<html><head><title>{chapter} - Salt Roads | Royal Road</title></head><body><div class='fic-header'>"
        f"<h1 class='font-white break-word'>{chapter}</h1><h2 class='font-white inline-block'>"
        "<a href='/fiction/123/salt-roads'>Salt Roads</a></h2><h3 class='font-white inline-block'>by "
        f"<a href='/profile/999'>Ada Quill</a></h3></div>{note}<div class='chapter-inner chapter-content'>{text}</div>"
        "</body></html>",
        "chapter.html",
    )


@pytest.mark.parametrize("chapter", ["The Ferry", "Chapter 1 - The Ferry"])
@pytest.mark.parametrize("note", [_NOTE_BOX, ""])
def test_a_chapter_page_with_a_note_box_is_titled_by_its_storys_link(chapter: str, note: str) -> None:
    story = _royal_road(chapter, note)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert [chapter.title for chapter in story.chapters] == ["The Ferry"]
    assert story.chapters[0].notes == (["Thanks for the reviews!"] if note else [])
    assert paragraphs(story) == STORY


def test_a_posts_heading_over_its_header_fields_still_titles_it() -> None:
    text = "".join(f"<p>{line}</p>" for line in STORY)
    story = read_text(
        f"<html><body><h1>The Salt Wife</h1><p>Pairing: Mara x Bram | Warnings: none</p>{text}</body></html>",
        "post.html",
    )
    assert story.meta.title == "The Salt Wife"
    assert paragraphs(story) == STORY


# ---------------------------------------------------------------- iA Writer's content blocks


@pytest.mark.parametrize(
    "blocks",
    ["/chapter1.md", '/chapter1.md\n/Part Two/chapter 2.md "Low Water"\n/images/map.png (The coast)', "/notes.txt"],
)
def test_ia_writers_content_blocks_are_no_story_text(blocks: str) -> None:
    story = read_text(f"# Salt Roads\n\nby Ada Quill\n\n{blocks}\n\n" + "\n\n".join(STORY) + "\n", "salt.md")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


@pytest.mark.parametrize("line", ["/shrug", "/me waves at the ferry", "/chapter2.md was the file she lost."])
def test_a_line_opening_on_a_slash_that_is_no_path_stays(line: str) -> None:
    story = read_text("# Salt Roads\n\n" + "\n\n".join([*STORY, line]) + "\n", "salt.md")
    assert paragraphs(story) == [*STORY, line]


# ---------------------------------------------------------------- where else the story was posted


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (
            "*Originally published at [tidelines.substack.com](https://tidelines.substack.com/p/salt-roads) on March 1, 2024.*",
            "salt.md",
        ),
        ("Originally posted on my blog, 3 March 2024.", "salt.txt"),
        ("(This story was originally published in Tidelines, issue 4.)", "salt.txt"),
        ("Cross-posted to AO3 and Wattpad.", "salt.txt"),
    ],
)
def test_a_line_saying_where_else_the_story_was_posted_is_its_note(line: str, name: str) -> None:
    story = read_text(HEAD + "\n\n".join([*STORY, line]) + "\n", name)
    assert paragraphs(story) == STORY
    assert len(story.chapters[0].notes) == 1


def test_a_story_sentence_about_where_a_letter_was_first_posted_stays() -> None:
    line = "It was originally posted from Lisbon, she saw, and the stamp had been torn away in the rain."
    story = read_text(HEAD + "\n\n".join([*STORY, line, "She never learned who sent it."]) + "\n")
    assert paragraphs(story) == [*STORY, line, "She never learned who sent it."]


# ---------------------------------------------------------------- a bare title over the author's name


def test_a_title_over_the_authors_name_over_prose_is_the_title_page() -> None:
    story = read_text("Salt Roads\nAda Quill\n\n" + "\n\n".join(STORY) + "\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


@pytest.mark.parametrize(
    "opening",
    [
        "Low Tide\nMara waited.",  # a sentence under it
        "Salt Roads\nAda Quill and Bram",  # no name alone
        "The Harbour\nFor Mum",  # a dedication
    ],
)
def test_two_lines_over_prose_that_are_no_title_and_name_stay_as_before(opening: str) -> None:
    story = read_text(opening + "\n\n" + "\n\n".join(STORY) + "\n")
    assert story.meta.author is None
    assert paragraphs(story)[-4:] == STORY


def test_a_title_over_a_name_over_one_short_paragraph_stays_text() -> None:
    story = read_text("Salt Roads\nAda Quill\n\nShe left.\n")
    assert story.meta.author is None


# ---------------------------------------------------------------- a Logseq page


def _logseq(properties: str) -> str:
    """A Logseq page: its properties, then each chapter's heading a block over its paragraphs' blocks, one
    block's own properties under its line."""
    return (
        f"{properties}- ## Chapter 1\n\t- {STORY[0]}\n\t- {STORY[1]}\n\t  collapsed:: true\n\t  id:: 65f0c2a1\n"
        f"- ## Chapter 2\n\t- {STORY[2]}\n\t- {STORY[3]}\n"
    )


@pytest.mark.parametrize("properties", ["title:: Salt Roads\nauthor:: Ada Quill\ntags:: fiction, draft\n\n", ""])
def test_a_logseq_pages_outline_is_read_block_by_block(properties: str) -> None:
    story = read_text(_logseq(properties), "salt-roads.md")
    assert [chapter.number for chapter in story.chapters] == [1, 2]
    assert paragraphs(story) == STORY
    if properties:
        assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")


def test_a_markdown_list_among_paragraphs_stays_a_list() -> None:
    text = "# Salt Roads\n\n" + STORY[0] + "\n\n- nets\n\t- ropes\n- lanterns\n\n" + STORY[1] + "\n"
    story = read_text(text, "salt.md")
    assert paragraphs(story)[0] == STORY[0]
    assert paragraphs(story)[-1] == STORY[1]
    assert len(paragraphs(story)) < 5


def test_an_outline_too_long_to_set_apart_block_by_block_is_read_as_before() -> None:
    """80,000 blocks a blank line apart would pass the line limit: the page is read as a list, not refused."""
    story = read_text("title:: Salt Roads\n" + "- Ada ran.\n\t- Bo sat.\n" * 40_000, "long.md")
    assert story.meta.title == "Salt Roads"


# ---------------------------------------------------------------- a YAML block over each chapter


def _yaml_chapters() -> str:
    return "".join(
        f"---\ntitle: {title}\nchapter: {n}\n---\n\n" + "\n\n".join(STORY[i : i + 2]) + "\n\n"
        for n, title, i in ((1, "The Ferry", 0), (2, "'Low Water'", 2))
    )


@pytest.mark.parametrize("book", ["", "---\ntitle: Salt Roads\nauthor: Ada Quill\n---\n\n"])
def test_a_yaml_block_over_each_chapter_heads_it(book: str) -> None:
    story = read_text(book + _yaml_chapters(), "salt.md")
    assert [chapter.title for chapter in story.chapters] == ["The Ferry", "Low Water"]
    assert paragraphs(story) == STORY
    assert story.meta.title == ("Salt Roads" if book else "salt")


def test_a_chat_between_dividers_stays_text() -> None:
    chat = "Mara: are you at the quay\nBram: nearly"
    text = "# Salt Roads\n\n" + STORY[0] + "\n\n---\n" + chat + "\n---\n\n" + STORY[1] + "\n"
    story = read_text(text, "salt.md")
    assert len(story.chapters) == 1
    assert "Mara: are you at the quay" in "\n".join(paragraphs(story))


# ---------------------------------------------------------------- a name between dashes under a bare heading


@pytest.mark.parametrize(
    ("line", "title"), [("— Mara —", "Mara"), ("~ The Ferry ~", "The Ferry"), ("-- Bram --", "Bram")]
)
def test_a_title_between_dashes_under_a_bare_heading_is_its_title(line: str, title: str) -> None:
    story = read_text(HEAD + _chapters([f"Chapter 1\n\n{line}", f"Chapter 2\n\n{line}"]))
    assert [chapter.title for chapter in story.chapters] == [title, title]
    assert paragraphs(story) == STORY


def test_a_line_between_dashes_under_a_bare_heading_that_is_a_sentence_stays() -> None:
    line = "— and then the tide came in —"
    story = read_text(HEAD + _chapters([f"Chapter 1\n\n{line}", "Chapter 2"]))
    assert story.chapters[0].title is None
    assert paragraphs(story)[0] == line


# ---------------------------------------------------------------- point-of-view names heading the chapters

_MORE = [
    "The harbour master rang the bell twice, and the boats came in one after another through the fog.",
    "Nobody on the quay spoke of the missing ferry, though every one of them had watched for it all day.",
]


def _named(names: list[str], before: str = "") -> Story:
    texts = [*STORY, *_MORE]
    chapters = "".join(f"{name}\n\n{texts[i]}\n\n{texts[(i + 3) % 6]}\n\n" for i, name in enumerate(names))
    return read_text(HEAD + before + chapters)


def test_names_in_capitals_coming_round_head_the_chapters() -> None:
    story = _named(["JAMIE", "MARA", "JAMIE", "MARA"])
    assert [chapter.title for chapter in story.chapters] == ["Jamie", "Mara", "Jamie", "Mara"]
    assert len(paragraphs(story)) == 8


@pytest.mark.parametrize(
    ("names", "before"),
    [
        (["BANG", "CRASH", "THUD"], ""),  # no name again
        (["MARA", "JAMIE"], ""),  # two lines
        (["MARA", "JAMIE", "MARA"], " ".join(_MORE * 6) + "\n\n"),  # inside the story, after its opening
    ],
)
def test_lines_in_capitals_that_head_no_turns_of_view_stay_text(names: list[str], before: str) -> None:
    story = _named(names, before)
    assert len(story.chapters) == 1
    assert all(name in paragraphs(story) for name in names)


def test_a_script_fics_speakers_over_their_lines_stay_text() -> None:
    """A script fic sets each speaker's name in capitals over one line of dialogue: no chapters."""
    lines = [
        ("JAMIE", "I can't believe you actually came back here after everything that happened."),
        ("MARA", "Where else was I supposed to go? You kept the keys, you kept the dog, you kept everything."),
        ("JAMIE", "That's not fair and you know it isn't fair at all, Mara, not one bit of it."),
        ("MARA", "Nothing about this has been fair since the day we met at that stupid party."),
    ]
    story = read_text(HEAD + "".join(f"{name}\n\n{line}\n\n" for name, line in lines))
    assert len(story.chapters) == 1
    assert paragraphs(story) == [part for pair in lines for part in pair]


# ---------------------------------------------------------------- a number and a title set apart by a colon or slash


@pytest.mark.parametrize("sep", [": ", " / "])
def test_a_number_and_title_set_apart_by_a_colon_or_slash_head_the_chapters(sep: str) -> None:
    story = read_text(HEAD + _chapters([f"1{sep}The Ferry", f"2{sep}Low Water"]))
    assert [chapter.title for chapter in story.chapters] == ["The Ferry", "Low Water"]
    assert paragraphs(story) == STORY


def test_a_time_alone_in_a_story_stays_text() -> None:
    line = "10: 30 Departures"
    story = read_text(HEAD + "\n\n".join([STORY[0], line, *STORY[1:]]) + "\n")
    assert len(story.chapters) == 1
    assert line in paragraphs(story)


# ---------------------------------------------------------------- a sentence set as a heading under the title


def test_a_sentence_heading_under_the_title_is_the_summary() -> None:
    story = read_text("# Salt Roads\n\n### Two sisters and a ferry.\n\n" + "\n\n".join(STORY) + "\n", "salt.md")
    assert (story.meta.title, story.meta.summary) == ("Salt Roads", "Two sisters and a ferry.")
    assert [chapter.title for chapter in story.chapters] == [None]
    assert paragraphs(story) == STORY


def test_a_sentence_heading_among_headings_of_its_level_stays_a_heading() -> None:
    text = f"# Salt Roads\n\n## It began at sea.\n\n{STORY[0]}\n\n{STORY[1]}\n\n## It ended ashore.\n\n{STORY[2]}\n\n{STORY[3]}\n"
    story = read_text(text, "salt.md")
    assert [chapter.title for chapter in story.chapters] == ["It began at sea.", "It ended ashore."]


# ---------------------------------------------------------------- an episode after the story in a page's title


@pytest.mark.parametrize("episode", ["Ep. 3 - The Ferry", "Ep 3 - The Ferry", "Episode 3 - The Ferry"])
def test_a_pages_title_naming_the_story_before_its_episode_titles_it_with_the_story(episode: str) -> None:
    text = "".join(f"<p>{line}</p>" for line in STORY)
    story = read_text(
        f"<html><head><title>Salt Roads - {episode} | Tapas</title></head><body>{text}</body></html>", "ep.html"
    )
    assert story.meta.title == "Salt Roads"
    assert paragraphs(story) == STORY


def test_a_title_with_a_word_opening_on_ep_keeps_it() -> None:
    text = "".join(f"<p>{line}</p>" for line in STORY)
    story = read_text(
        f"<html><head><title>Salt Roads - Epilogue Blues</title></head><body>{text}</body></html>", "ep.html"
    )
    assert story.meta.title == "Salt Roads - Epilogue Blues"
