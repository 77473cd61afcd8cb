"""Plain-text and Markdown shapes real writers post that were misread (the thirty-third session's
probe of story files nobody on the project wrote):

- a notice in a broadcaster's words ("Content advisory: ...", "Reader discretion is advised: this
  story contains ...") declared nothing and was a chapter 1 of its own or the story's first line;
- a phone writer's header with an emoji for a bullet ("🌸 rating: M" / "🌸 cw: ..." / "🌸 wc: 3k"), and
  a list with a warning sign on each line ("⚠️ self harm" / "⚠️ eating disorder"), were a chapter 1;
- Obsidian's inline fields ("Author:: Fen Harrow") gave the author ": Fen Harrow";
- a Wattpad title page copied whole ("COMPLETED ✔️", "⚠️ MATURE CONTENT ⚠️" over "this book contains:
  abuse, ...", "all rights reserved © 2022 name") was a chapter 1 and declared nothing;
- warnings listed chapter by chapter after the story got the file refused;
- "Author's note before the chapter:", "TWs: none this time either", an Obsidian "> [!note]" callout;
- a fic's title page with "Beta'd by ..." and "Warnings (highlight to read): ...", a translator under
  the title, the author's opening words over the title page, "[TW: ...]" under the by-line;
- a forum author's answer quoting a reader, FanFiction.net's "Snowbound by frostquill" over its stats;
- Discord's line over each message, a spoiler notice, Tumblr's tags, a newsletter's mail links;
- a Royal Road chapter copied with its note boxes ("A note from quillfeather"), "Author's Note" alone
  under "Chapter 1" (its title before) over the opening note.

Each is paired with the prose that looks like it and must stay story text.
"""

from __future__ import annotations

import pytest

from bot.warnings.declared import map_texts
from tests.story.builders import declared_ids as ids
from tests.story.builders import read_text as read

TEXT = "The lighthouse keeper counted the gulls on the rail every morning, and every morning one was missing."
MORE = "By the end of the month the rail was bare, and she started counting the boats instead."


def two_chapters(header: str) -> str:
    return f"{header}\n\nChapter 1\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n"


# A notice in a broadcaster's words.


@pytest.mark.parametrize(
    ("notice", "expected"),
    [
        ("Content advisory: depictions of alcoholism and domestic violence.", {"addiction", "violence"}),
        (
            "Reader discretion is advised: this story contains child abuse and animal death.",
            {"child-abuse", "animal-death"},
        ),
        ("Viewer discretion advised: blood, gore", {"blood-gore"}),
    ],
)
def test_a_broadcasters_notice_over_the_story_declares(notice: str, expected: set[str]) -> None:
    story = read(two_chapters(f"Harbour Lights\nby Emrys Dale\n\n{notice}"))
    assert ids(story.meta.declared_warnings) == expected
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_content_advisory_label_over_its_list_declares() -> None:
    story = read(two_chapters("Harbour Lights\nby Emrys Dale\n\nContent Advisory\n- alcoholism\n- domestic violence"))
    assert ids(story.meta.declared_warnings) == {"addiction", "violence"}
    assert len(story.chapters) == 2


def test_a_sentence_about_discretion_stays_story_text() -> None:
    line = "Reader discretion is advised, said the sign on the library door, and nobody knew what it meant."
    story = read(f"Chapter 1\n\n{line}\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].paragraphs == [line, TEXT]
    assert story.meta.declared_warnings == [] and story.chapters[0].declared_warnings == []


# A phone writer's header with an emoji for each line's bullet.


def test_fields_with_an_emoji_for_a_bullet_are_the_header() -> None:
    story = read(two_chapters("Bloom\nby petalpusher\n\n🌸 rating: M\n🌸 cw: 🔪 violence | 🩸 blood\n🌸 wc: 3k"))
    assert story.meta.rating == "M"
    assert story.meta.declared_warnings == ["cw: 🔪 violence | 🩸 blood"]
    assert ids(story.meta.declared_warnings) == {"violence", "blood-gore"}
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_word_count_field_is_no_story_text() -> None:
    story = read(two_chapters("Bloom\nby petalpusher\nwc: 1.2k"))
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_story_line_opening_with_an_emoji_and_a_word_and_colon_stays_text() -> None:
    line = "🌸 Rating: she gave the bakery five stars, and the bakery gave her a free bun."
    story = read(f"Chapter 1\n\n{TEXT}\n\n{line}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].paragraphs == [TEXT, line]


def test_a_list_with_a_warning_sign_on_each_line_declares() -> None:
    story = read(two_chapters("Glass Houses\nby wrenna\n\n⚠️ self harm\n⚠️ eating disorder\n⚠️ toxic parents"))
    assert ids(story.meta.declared_warnings) == {"self-harm", "eating-disorder"}
    assert map_texts(story.meta.declared_warnings).unmapped == ["toxic parents"]
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_lines_under_warning_signs_that_name_no_warning_stay_story_text() -> None:
    lines = "⚠️ wet floor\n⚠️ mind the step"
    story = read(f"Chapter 1\n\n{TEXT}\n\n{lines}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].paragraphs == [TEXT, lines]
    assert story.chapters[0].declared_warnings == []


# Obsidian's inline fields.


def test_an_obsidian_inline_field_is_the_field() -> None:
    story = read(two_chapters("# The Marsh Bell\n\nAuthor:: Fen Harrow\nRating:: Teen"), "bell.md")
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("The Marsh Bell", "Fen Harrow", "Teen")


# A Wattpad title page copied whole.

WATTPAD_PAGE = """Starling

by moonchild_writes

COMPLETED ✔️

⚠️ MATURE CONTENT ⚠️
this book contains: abuse, self harm, swearing. read at your own risk!!

all rights reserved © 2022 moonchild_writes

01. the bird

{text}

{more}

02. the box

{more}

{text}
"""


def test_a_wattpad_title_page_is_the_header() -> None:
    story = read(WATTPAD_PAGE.format(text=TEXT, more=MORE))
    assert (story.meta.title, story.meta.author) == ("Starling", "moonchild_writes")
    assert ids(story.meta.declared_warnings) == {"abuse", "abusive-language", "self-harm"}
    assert [chapter.title for chapter in story.chapters] == ["the bird", "the box"]
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT, MORE], [MORE, TEXT]]
    assert "all rights reserved © 2022 moonchild_writes" in story.meta.notes


def test_a_story_sentence_saying_what_a_book_contains_stays_text() -> None:
    line = "This book contains: she read the back cover aloud, then laughed, because it said nothing at all."
    story = read(f"Chapter 1\n\n{TEXT}\n\n{line}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].paragraphs == [TEXT, line]


# Warnings listed chapter by chapter after the story, where a spoiler-shy author puts them.


def _long_story(chapters: int, paragraphs: int) -> str:
    return "".join(
        f"Chapter {number}\n\n" + "".join(f"{TEXT} ({number}.{line})\n\n" for line in range(paragraphs))
        for number in range(1, chapters + 1)
    )


END_LIST = "---\n\n{label}\nChapter 1: none\nChapter 2: death\nChapter 3: death, brief gore\n"


@pytest.mark.parametrize(
    ("label", "paragraphs"),
    [
        ("Content warnings by chapter (spoilers!):", 2),  # an aside after the label
        ("Content warnings by chapter:", 120),  # a list far past the top of the file
        ("Warnings per chapter (highlight to read)", 120),
    ],
)
def test_a_list_of_warnings_by_chapter_after_the_story_warns_each_chapter(label: str, paragraphs: int) -> None:
    story = read(f"The Long Way Home\nby Corran Fell\n\n{_long_story(3, paragraphs)}{END_LIST.format(label=label)}")
    assert len(story.chapters) == 3
    assert [ids(chapter.declared_warnings) for chapter in story.chapters] == [set(), {"death"}, {"death", "blood-gore"}]
    assert all("Chapter" not in paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)
    assert story.chapters[-1].paragraphs[-1] == f"{TEXT} (3.{paragraphs - 1})"
    assert any(note.startswith(label) for note in story.meta.notes)


def test_chapter_lines_at_a_storys_end_with_no_label_over_them_stay_chapters() -> None:
    text = f"{_long_story(2, 120)}Chapter 3: The Sign\n\n{MORE}\n\nChapter 4: The Bus\n\n{TEXT}\n"
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == [None, None, "The Sign", "The Bus"]
    assert all(chapter.declared_warnings == [] for chapter in story.chapters)


# A note's label saying where the note stands.


def test_a_note_label_saying_where_it_stands_heads_a_note() -> None:
    text = (
        "Chapter 1\n\nAuthor's note before the chapter: Mild warning for blood at the start. Nobody dies!\n\n"
        f"{TEXT}\n\nAuthor's note after the chapter: thank you for reading, chapter 2 is up next week.\n\n"
        f"Chapter 2\n\nA/N (end of chapter): tw for the next chapter: self harm\n\n{MORE}\n"
    )
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]
    assert story.chapters[0].notes == [
        "Mild warning for blood at the start. Nobody dies!",
        "thank you for reading, chapter 2 is up next week.",
    ]
    assert ids(story.chapters[0].declared_warnings) == {"blood-gore"}


def test_a_story_line_about_an_authors_note_stays_text() -> None:
    line = "The author's note before the chapter was torn out, and Mara never learned what it said."
    story = read(f"Chapter 1\n\n{TEXT}\n\n{line}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].paragraphs == [TEXT, line]


# Ways of saying "none".


@pytest.mark.parametrize(
    "line",
    ["TWs: none this time either", "Warnings: nada, it's pure fluff!", "CW: nothing for this one"],
)
def test_a_warnings_line_saying_none_in_other_words_names_nothing(line: str) -> None:
    declared = map_texts([line])
    assert (declared.ids, declared.unmapped) == ({}, [])


def test_a_none_beside_a_warning_keeps_the_warning() -> None:
    declared = map_texts(["Trigger warnings: none, really, but there is some swearing."])
    assert (set(declared.ids), declared.unmapped) == ({"abusive-language"}, [])
    assert set(map_texts(["Warnings: really bad violence"]).ids) == {"violence"}


# An Obsidian note's callouts above the story.


def test_an_obsidian_note_callout_above_the_story_is_a_note() -> None:
    text = (
        "---\ntitle: Saltwater Hymns\n---\n\n> [!warning] Content warnings\n> drowning, death of a sibling\n\n"
        f"> [!note]\n> Drafted in March, see the tide tables.\n\n## Chapter 1 - Tides\n\n{TEXT}\n\n## Chapter 2 - Boats\n\n{MORE}\n"
    )
    story = read(text, "hymns.md")
    assert story.meta.notes == ["Drafted in March, see the tide tables."]
    assert [chapter.title for chapter in story.chapters] == ["Tides", "Boats"]
    assert ids(story.meta.declared_warnings) == {"death"}


def test_a_note_callout_inside_a_chapter_stays_its_text() -> None:
    text = f"# Hymns\n\n## Chapter 1\n\n{TEXT}\n\n> [!note]\n> The gulls never came back.\n\n## Chapter 2\n\n{MORE}\n"
    story = read(text, "hymns.md")
    assert "The gulls never came back." in story.chapters[0].paragraphs
    assert story.meta.notes == []


# A fic's title page: who else helped, a field with an aside after its label.


def test_a_title_pages_credits_and_a_fields_aside_are_the_header() -> None:
    header = (
        "The Salt Wife\nby Maris Kell\n\nBeta'd by the wonderful junipersky\nDedicated to my grandmother.\n\n"
        "Rating: 16+\nWarnings (highlight to read): drowning, grief"
    )
    story = read(two_chapters(header))
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("The Salt Wife", "Maris Kell", "16+")
    assert story.meta.declared_warnings == ["Warnings: drowning, grief"]
    assert story.meta.notes == ["Beta'd by the wonderful junipersky\nDedicated to my grandmother."]
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_translator_under_the_title_is_no_chapter() -> None:
    story = read(two_chapters("The Fox Who Kept the Shrine\nTranslated by Miri Sato"))
    assert story.meta.title == "The Fox Who Kept the Shrine"
    assert story.meta.notes == ["Translated by Miri Sato"]
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_story_line_about_being_edited_by_someone_stays_text() -> None:
    line = "Edited by hand, the letter looked worse than before, and Mara threw it in the fire."
    story = read(f"Chapter 1\n\n{line}\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].paragraphs == [line, TEXT]


# A forum thread copied as text: the author's answer to a reader, quoting them, after a chapter.

QUOTING_THREAD = """The Brass Orchard (Original Fiction)

Threadmarks: Chapter 1

Tamsin Reed said:
{text}

Click to expand...

Halden said:
Love this! Are the trees sentient or just programmed?
Click to expand...

Tamsin Reed said:
Halden said:
Love this! Are the trees sentient or just programmed?
Click to expand...
Ah, that would be telling! You'll find out soon.

Tamsin Reed said:
{more}

Threadmarks: Chapter 2

Tamsin Reed said:
{more}
"""


def test_the_authors_answer_quoting_a_reader_is_no_story_text() -> None:
    story = read(QUOTING_THREAD.format(text=TEXT, more=MORE))
    assert story.meta.author == "Tamsin Reed"
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_the_authors_next_post_with_no_quote_goes_on_with_the_chapter() -> None:
    thread = (
        f"Threadmarks: Chapter 1\n\nTamsin Reed said:\n{TEXT}\n\nClick to expand...\n\n"
        f"Tamsin Reed said:\n{MORE}\n\nThreadmarks: Chapter 2\n\nTamsin Reed said:\n{MORE}\n"
    )
    story = read(thread)
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT, MORE], [MORE]]


# FanFiction.net's story copied from its page: the title and the author on one line over the stats.

FFN_TOP = (
    "{top}\n\nRated: Fiction T - English - Hurt/Comfort - Chapters: 2 - Words: 1,045 - Reviews: 12 - "
    "Updated: 12/3/2021 - Published: 11/1/2021"
)


@pytest.mark.parametrize(
    ("top", "title", "author"),
    [
        ("Snowbound by frostquill", "Snowbound", "frostquill"),
        ("Stand by Me By: Kestrel Ames", "Stand by Me", "Kestrel Ames"),
    ],
)
def test_a_title_and_author_line_over_the_stats_line_names_both(top: str, title: str, author: str) -> None:
    story = read(two_chapters(FFN_TOP.format(top=top)), "download.txt")
    assert (story.meta.title, story.meta.author, story.meta.summary) == (title, author, None)
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


@pytest.mark.parametrize("top", ["Kidnapped by Pirates", "Two friends are snowed in by a storm."])
def test_a_summary_over_the_stats_line_that_says_by_stays_the_summary(top: str) -> None:
    story = read(two_chapters(FFN_TOP.format(top=top)), "download.txt")
    assert (story.meta.title, story.meta.summary) == ("download", top)


# A title page under the author's opening words, a warning in brackets under the by-line.

OPENING_WORDS = (
    "Hi everyone! Okay so this is the first thing I've written in years and I'm really nervous about it. "
    "It started as a prompt from a friend and got away from me. Please be gentle!"
)


def test_the_authors_words_over_the_title_page_are_notes() -> None:
    header = (
        f"{OPENING_WORDS}\n\nWarnings: character death, grief.\n\nUnbetaed, all mistakes are mine.\n\n"
        "The Keeper of Small Things\n\nby saltandpepper"
    )
    story = read(f"{header}\n\n{TEXT}\n\n{MORE}\n")
    assert (story.meta.title, story.meta.author) == ("The Keeper of Small Things", "saltandpepper")
    assert story.meta.notes == [OPENING_WORDS, "Unbetaed, all mistakes are mine."]
    assert ids(story.meta.declared_warnings) == {"death", "grief"}
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT, MORE]]


def test_a_storys_opening_over_a_book_cover_it_quotes_stays_text() -> None:
    opening = "Mara found the book in the attic, under a box of her mother's scarves, and blew the dust off."
    text = f"{opening}\n\nThe Keeper of Small Things\n\nby Anonymous\n\n{TEXT}\n\n{MORE}\n"
    story = read(text, "attic.txt")
    assert story.meta.title == "attic"
    assert story.chapters[0].paragraphs[:2] == [opening, "The Keeper of Small Things"]


def test_a_warning_in_brackets_under_the_by_line_declares() -> None:
    story = read(two_chapters("The Night Shift\nby Orrin Vale\n[TW: self-harm, hospital]"))
    assert (story.meta.title, story.meta.author) == ("The Night Shift", "Orrin Vale")
    assert ids(story.meta.declared_warnings) == {"self-harm", "procedures"}
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


# A story posted to a chat a message at a time, a spoiler notice and Tumblr's tags under the by-line.


def test_a_chat_apps_line_over_each_message_is_no_story_text() -> None:
    text = (
        f"The Keeper's Log\nby mothlight\n\nmothlight — Today at 3:14 PM\n{TEXT}\n\n"
        f"mothlight — 03/12/2024 3:16 PM\n{MORE}\n"
    )
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT, MORE]]


def test_a_story_line_with_a_dash_and_a_time_stays_text() -> None:
    line = "The ferry — today at 3:15 PM, said the board, and nobody believed it."
    story = read(f"Chapter 1\n\n{line}\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].paragraphs == [line, TEXT]


def test_a_spoiler_notice_under_the_title_is_a_note() -> None:
    story = read(two_chapters("After the Finale\nby quillandink\n\nSpoilers for the whole of season 3!"))
    assert story.meta.notes == ["Spoilers for the whole of season 3!"]
    assert story.meta.declared_warnings == []
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_spoiler_line_in_a_chapter_stays_text() -> None:
    line = "Spoilers for the whole town, that was what Gran called the gossip at the post office."
    story = read(f"After the Finale\nby quillandink\n\nChapter 1\n\n{line}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].paragraphs == [line]


def test_tumblr_tags_under_the_by_line_declare_and_tag() -> None:
    story = read(
        f"Orchard Song\nby lindenleaf\n\n#tw death #cw grief #original fiction #short story\n\n{TEXT}\n\n{MORE}\n"
    )
    assert ids(story.meta.declared_warnings) == {"death", "grief"}
    assert story.meta.additional_tags == ["original fiction", "short story"]
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT, MORE]]


# A story sent as a newsletter and saved as text: the mail's own lines are no story text.


def test_a_newsletters_lines_are_no_story_text() -> None:
    text = (
        f"View this email in your browser\n\nChapter 1\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n\n"
        "Unsubscribe | Update your preferences\n"
    )
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_story_line_about_unsubscribing_stays_text() -> None:
    line = "Unsubscribe, she typed, and then deleted it, and then typed it again."
    story = read(f"Chapter 1\n\n{TEXT}\n\n{line}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].paragraphs == [TEXT, line]


# A Royal Road chapter copied from its page: the story's name before the chapter's heading, and the
# author's note boxes under their title ("A note from quillfeather"); a note label alone over a note.

ROYAL_ROAD = """The Ninth Lantern - Chapter 12: The Toll Road

A note from quillfeather

Hey everyone, this one's a bit darker. Warning: torture (brief, offscreen).

Thanks to my patrons for the support!

{text}

{more}

A note from quillfeather

Next chapter on Friday. If you want to read ahead, Patreon is three chapters ahead!
"""


def test_a_royal_road_chapter_copied_reads_its_heading_and_note_boxes() -> None:
    story = read(ROYAL_ROAD.format(text=TEXT, more=MORE))
    [chapter] = story.chapters
    assert chapter.title == "The Toll Road"
    assert chapter.paragraphs == [TEXT, MORE]
    assert chapter.notes == [
        "Hey everyone, this one's a bit darker. Warning: torture (brief, offscreen).",
        "Thanks to my patrons for the support!",
        "Next chapter on Friday. If you want to read ahead, Patreon is three chapters ahead!",
    ]
    assert ids(chapter.declared_warnings) == {"violence"}


def test_a_note_label_alone_over_an_opening_note_heads_it() -> None:
    text = (
        "Chapter 1\n\nAuthor's Note\n\nHey everyone, sorry this update took so long, school has been a lot.\n\n"
        f"TW: blood in this one.\n\n{TEXT}\n\n{MORE}\n\nChapter 2\n\n{MORE}\n"
    )
    story = read(text)
    assert story.chapters[0].title is None  # the label under "Chapter 1" was its title
    assert story.chapters[0].paragraphs == [TEXT, MORE]
    assert story.chapters[0].notes == [
        "Hey everyone, sorry this update took so long, school has been a lot.",
        "TW: blood in this one.",
    ]
    assert ids(story.chapters[0].declared_warnings) == {"blood-gore"}


def test_a_story_note_from_someone_stays_text() -> None:
    note = "Don't forget the dentist on Thursday. Love you, and feed the cat."
    text = f"Chapter 1\n\n{TEXT}\n\n{MORE}\n\nA note from Mum\n\n{note}\n\nChapter 2\n\nA note from Dad\n\n{note}\n\n{MORE}\n"
    story = read(text)
    assert story.chapters[0].paragraphs == [TEXT, MORE, "A note from Mum", note]
    assert story.chapters[1].paragraphs == ["A note from Dad", note, MORE]
    assert [chapter.notes for chapter in story.chapters] == [[], []]


def test_a_line_naming_a_story_and_a_chapter_word_stays_text() -> None:
    line = "The Long Road - chapter and verse, she called it, every mile of it."
    story = read(f"Chapter 1\n\n{line}\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].paragraphs == [line, TEXT]


def test_an_aside_after_a_thing_declared_is_no_part_of_it() -> None:
    declared = map_texts(["Content Warnings: insects (lots), mild body horror"])
    assert (set(declared.ids), declared.unmapped) == ({"blood-gore"}, ["insects"])
