"""Plain-text and Markdown shapes real writers post that were misread (the thirty-fifth session's
probe of story files nobody on the project wrote):

- "[CW: suicide attempt, self-harm - highlight to read]" as a paragraph of its own under the by-line:
  the bracket hid the label, and the line was a chapter 1 of its own, declaring nothing;
- a chapter's opening "Content warning: gore, torture. This is a grim one.": the author's one sentence
  after the list made the whole paragraph story text;
- "Content warning for the whole story: ..." under the first chapter's heading: the first chapter's;
- a forum thread's first threadmark opening on the story's warnings (in a spoiler box, "Spoiler:
  Content Warnings" over the list): the first chapter's, or story text;
- "Warnings are listed at the end, since they are spoilers.": no pointer, a chapter 1 of its own.

Each is paired with the prose that looks like it and must stay story text.
"""

from __future__ import annotations

import pytest

from bot.story.model import Story
from bot.warnings.declared import map_declared, map_texts
from tests.story.builders import declared_ids as ids
from tests.story.builders import read_text as read

TEXT = "The factory made lanterns that nobody bought, which was why Wendell liked working there."
MORE = "On the Thursday the foreman found him in the packing room, and after that there were people everywhere."


def story_text(story: Story) -> str:
    return "\n\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


def two_chapters(top: str, first: str = TEXT) -> str:
    return f"{top}\n\nChapter 1\n\n{first}\n\nChapter 2\n\n{MORE}\n"


# A bracketed warning in a paragraph of its own under the by-line.


def test_a_bracketed_warning_under_the_by_line_is_the_storys() -> None:
    top = (
        "The Lantern Factory\nby Odalys Brennan\n\n"
        "[CW: suicide attempt, self-harm - highlight to read, or skip this story if you need to]"
    )
    story = read(two_chapters(top))
    assert (story.meta.title, story.meta.author) == ("The Lantern Factory", "Odalys Brennan")
    assert ids(story.meta.declared_warnings) == {"suicide", "self-harm"}
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]
    assert not any(chapter.declared_warnings for chapter in story.chapters)


def test_a_warning_in_round_brackets_under_the_by_line_is_the_storys() -> None:
    story = read(two_chapters("The Lantern Factory\nby Odalys Brennan\n\n(TW: self-harm)"))
    assert ids(story.meta.declared_warnings) == {"self-harm"}
    assert len(story.chapters) == 2


def test_a_bracketed_aside_of_the_story_under_the_by_line_stays_text() -> None:
    story = read(two_chapters("The Lantern Factory\nby Odalys Brennan\n\n[The stairs were steep, and he was tired.]"))
    assert story.meta.declared_warnings == []
    assert story.chapters[0].paragraphs[0] == "[The stairs were steep, and he was tired.]"


# A chapter's opening declaration with the author's one sentence after it.


def test_an_opening_declaration_with_a_sentence_to_readers_is_the_chapters_note() -> None:
    opening = "Content warning: graphic violence, torture. This is a grim one."
    story = read(two_chapters("The Lantern Factory\nby Odalys Brennan", f"{opening}\n\n{TEXT}"))
    assert story.chapters[0].notes == [opening]
    assert ids(story.chapters[0].declared_warnings) == {"violence"}
    assert story.chapters[0].paragraphs == [TEXT]


def test_an_opening_declaration_with_a_sentence_of_the_story_stays_text() -> None:
    opening = "TW: blood. The city burned for nine days."
    story = read(two_chapters("The Lantern Factory\nby Odalys Brennan", f"{opening}\n\n{TEXT}"))
    assert story.chapters[0].paragraphs == [opening, TEXT]


# "... for the whole story" under the first chapter's heading.


def test_a_declaration_for_the_whole_story_in_the_first_chapter_is_the_storys() -> None:
    opening = "Content warning for the whole story: graphic violence, torture. This is a grim one."
    story = read(two_chapters("The Lantern Factory\nby Odalys Brennan", f"{opening}\n\n{TEXT}"))
    assert ids(story.meta.declared_warnings) == {"violence"}
    assert story.chapters[0].declared_warnings == []
    assert story.chapters[0].paragraphs == [TEXT]


def test_a_declaration_for_this_chapter_stays_the_chapters() -> None:
    opening = "CW for this chapter: self-harm."
    story = read(two_chapters("The Lantern Factory\nby Odalys Brennan", f"{opening}\n\n{TEXT}"))
    assert story.meta.declared_warnings == []
    assert ids(story.chapters[0].declared_warnings) == {"self-harm"}


# A forum thread's first threadmark opening on the story's warnings.

THREAD = """Iron Psalm [Original, Grimdark]

Threadmarks: Chapter 1: Ashfall
Corvin_Reyes
Mar 3, 2024
#1

{opening}

The city burned for nine days, and on the tenth the Psalm Legion marched through what was left.

Threadmarks: Chapter 2: The Choir
Corvin_Reyes
Mar 10, 2024
#58

They found the choir in the cathedral crypt, still singing, forty children and one blind priest.
"""


def test_the_first_threadmarks_warnings_are_the_storys() -> None:
    story = read(THREAD.format(opening="CW: graphic violence, torture. It's that kind of story."), "psalm.txt")
    assert ids(story.meta.declared_warnings) == {"violence"}
    assert [chapter.declared_warnings for chapter in story.chapters] == [[], []]
    assert [chapter.title for chapter in story.chapters] == ["Ashfall", "The Choir"]


def test_the_first_threadmarks_warnings_in_a_spoiler_box_are_the_storys() -> None:
    opening = "Spoiler: Content Warnings\nCannibalism, gun violence, child death."
    story = read(THREAD.format(opening=opening), "psalm.txt")
    assert ids(story.meta.declared_warnings) >= {"violence", "death"}
    assert "Spoiler" not in story_text(story)
    assert [chapter.declared_warnings for chapter in story.chapters] == [[], []]


def test_the_first_threadmarks_warnings_for_this_chapter_stay_the_chapters() -> None:
    story = read(THREAD.format(opening="CW for this chapter: self-harm."), "psalm.txt")
    assert story.meta.declared_warnings == []
    assert ids(story.chapters[0].declared_warnings) == {"self-harm"}


def test_a_line_of_the_story_saying_spoiler_stays_text() -> None:
    opening = "Spoiler: the priest was never blind, and everyone in the crypt knew it but the soldiers."
    story = read(THREAD.format(opening=opening), "psalm.txt")
    assert opening in story_text(story)


# A pointer to warnings at the end, giving its reason.


def test_warnings_listed_at_the_end_since_they_are_spoilers() -> None:
    text = two_chapters(
        "The Clockmaker's Widow\nby Evander Lisle\n\nWarnings are listed at the end, since they are spoilers."
    )
    story = read(f"{text}\nTHE END\n\nWarnings: major character death, suicide (off-page).\n")
    assert ids(story.meta.declared_warnings) == {"death", "suicide"}
    assert len(story.chapters) == 2
    assert [chapter.declared_warnings for chapter in story.chapters] == [[], []]


# FanFiction.net's page copied whole: title, "By:" and the full stats line in one paragraph.


def test_a_fanfiction_net_header_with_its_full_stats_line() -> None:
    stats = (
        "Rated: Fiction T - English - Hurt/Comfort/Friendship - Chapters: 2 - Words: 4,812 - Reviews: 22 - "
        "Favs: 41 - Follows: 58 - Updated: 3/2/2024 - Published: 1/14/2024"
    )
    story = read(two_chapters(f"Ashes of Kilnmoor\nBy: quillandcinder\n{stats}"))
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Ashes of Kilnmoor", "quillandcinder", "T")
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_long_line_of_the_story_under_a_title_stays_text() -> None:
    line = "Rated: the town's worst baker - English - and proud of it, she said, over and over, " * 2
    story = read(two_chapters(f"Ashes of Kilnmoor\nBy: quillandcinder\n{line.strip()}"))
    assert line.strip() in story_text(story)


# A title and its by-line on one line, a dash between.


@pytest.mark.parametrize(
    "line",
    [
        "The Ninth Lighthouse — by pell_mell",
        "The Ninth Lighthouse | by pell_mell",
        "The Ninth Lighthouse - by pell_mell",
    ],
)
def test_a_title_dash_by_line_names_both(line: str) -> None:
    story = read(two_chapters(f"{line}\n||tw: drowning, body horror||"))
    assert (story.meta.title, story.meta.author) == ("The Ninth Lighthouse", "pell_mell")
    assert ids(story.meta.declared_warnings) == {"blood-gore"}
    assert len(story.chapters) == 2


def test_a_title_dash_by_line_alone() -> None:
    story = read(two_chapters("The Ninth Lighthouse — by pell_mell"))
    assert (story.meta.title, story.meta.author) == ("The Ninth Lighthouse", "pell_mell")


def test_a_story_line_with_a_dash_and_by_stays_text() -> None:
    line = "She stood there — by the window, waiting for the ferry."
    story = read(f"{line}\n\n{TEXT}\n")
    assert story.chapters[0].paragraphs[0] == line


# Tags written as slugs.


def test_tags_written_as_slugs_declare() -> None:
    text = (
        "---\ntitle: A Map of Small Rooms\nauthor: Ishaan Mehra\n"
        "tags: [fiction, draft, tw/eating-disorder, tw/child_abuse]\n---\n\n"
        f"## 1. The Pantry\n\n{TEXT}\n\n## 2. The Bathroom\n\n{MORE}\n"
    )
    story = read(text, "rooms.md")
    assert {"eating-disorder", "child-abuse"} <= set(map_declared(story.meta).ids)


def test_a_slug_of_words_naming_no_warning_declares_nothing() -> None:
    assert map_texts(["TW: well-being, check-in"]).ids == {}


# Warnings by chapter under "Chapter warnings:", each entry "Ch 2 — ...".


def test_a_chapter_warnings_label_over_entries_by_chapter_warns_each() -> None:
    top = "Northbound\nby Saoirse Ní Bhriain\n\nChapter warnings:\nCh 1 — none\nCh 2 — panic attack"
    story = read(two_chapters(top))
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]
    assert story.chapters[0].declared_warnings == []
    assert ids(story.chapters[1].declared_warnings) == {"mental-illness"}


def test_entries_by_chapter_under_a_label_of_another_kind_declare_nothing() -> None:
    story = read(two_chapters("Northbound\nby Saoirse Ní Bhriain\n\nChapter titles:\nCh 1 — Departure\nCh 2 — Tunnel"))
    assert story.meta.declared_warnings == []
    assert not any(chapter.declared_warnings for chapter in story.chapters)


# A chapter's or the story's title declaring, a TW label over a warning Dogear has no id for.


def test_a_chapter_heading_with_a_tw_in_brackets_warns_for_it() -> None:
    text = f"# The Salt Bride\n\n## Chapter One: The Proposal\n\n{TEXT}\n\n## Chapter Two: The Wedding [TW: drowning, suicide]\n\n{MORE}\n"
    story = read(text, "bride.md")
    assert [chapter.title for chapter in story.chapters] == ["The Proposal", "The Wedding"]
    assert ids(story.chapters[1].declared_warnings) == {"suicide"}


def test_a_story_title_with_a_tw_in_brackets_declares_for_the_story() -> None:
    story = read(two_chapters("Small Fires (TW: self-harm)\nby Dinah Oduya"))
    assert (story.meta.title, story.meta.author) == ("Small Fires", "Dinah Oduya")
    assert ids(story.meta.declared_warnings) == {"self-harm"}


def test_a_title_with_a_warning_word_in_it_stays_whole() -> None:
    story = read(two_chapters("Warning Signs (A Love Story)\nby Dinah Oduya"))
    assert story.meta.title == "Warning Signs (A Love Story)"
    assert story.meta.declared_warnings == []


# "words by" under the title, a Dutch "Let op:", a label a paragraph over its list.


def test_a_words_by_line_names_the_author() -> None:
    story = read(two_chapters("moth & flame\nwords by quietbirch\n\ncw // suicidal ideation, self harm"))
    assert (story.meta.title, story.meta.author) == ("moth & flame", "quietbirch")
    assert ids(story.meta.declared_warnings) == {"suicide", "self-harm"}


def test_a_story_line_opening_words_by_stays_text() -> None:
    line = "Words by the dozen spilled out of her."
    story = read(f"{line}\n\n{TEXT}\n")
    assert story.chapters[0].paragraphs[0] == line


def test_a_dutch_let_op_over_warnings_declares() -> None:
    story = read(two_chapters("De Molen\ndoor Femke de Wit\n\nLet op: dood van een ouder, rouw"))
    assert ids(story.meta.declared_warnings) == {"death", "grief"}
    assert len(story.chapters) == 2


def test_a_dutch_let_op_over_a_sentence_stays_text() -> None:
    story = read(two_chapters("De Molen\ndoor Femke de Wit\n\nLet op: de trap is steil."))
    assert story.meta.declared_warnings == []
    assert story.chapters[0].paragraphs[0] == "Let op: de trap is steil."


def test_a_warnings_label_a_paragraph_over_its_list_declares() -> None:
    top = "The Lamplighter's War\nby Oskar Lindqvist\n\nCWs below:\n\n- war\n- amputation\n- death of a sibling"
    story = read(two_chapters(top))
    assert ids(story.meta.declared_warnings) >= {"collective-violence", "death"}
    assert story.meta.notes == []
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_line_a_paragraph_over_a_list_of_no_warnings_stays_text() -> None:
    story = read(f"Heads up!\n\n- the sky\n- the sea\n\n{TEXT}\n")
    assert story.meta.declared_warnings == []
    assert "Heads up!" in story_text(story)


# A chapter's summary under its heading.


def test_a_chapter_summary_under_its_heading_is_its_note() -> None:
    summary = "Summary:\nBen makes a choice. CW: suicidal ideation."
    story = read(
        two_chapters("The Orchard\nby Hale", TEXT).replace(f"Chapter 2\n\n{MORE}", f"Chapter 2\n\n{summary}\n\n{MORE}")
    )
    assert story.chapters[1].paragraphs == [MORE]
    assert ids(story.chapters[1].declared_warnings) == {"suicide"}


def test_a_story_line_about_a_summary_stays_text() -> None:
    line = "Summary judgement, the lawyer called it, and Ben did not ask what that meant."
    story = read(two_chapters("The Orchard\nby Hale", f"{line}\n\n{TEXT}"))
    assert story.chapters[0].paragraphs[0] == line


# Words that named the wrong warning.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TW: child labour", {"child-abuse"}),
        ("Avvertenze: violenza domestica, abuso di alcol", {"violence", "addiction"}),
        ("Advertencias: abuso de drogas", {"addiction"}),
        ("Aviso: abuso de álcool", {"addiction"}),
        ("Avertissement : abus d'alcool", {"addiction"}),
    ],
)
def test_a_warning_said_whole_maps_to_what_it_names(text: str, expected: set[str]) -> None:
    assert set(map_texts([text]).ids) == expected


def test_labour_alone_is_still_childbirth() -> None:
    assert set(map_texts(["CW: labour, birth"]).ids) == {"childbirth"}


# A title page's lines a paragraph each: "a novella by" over the name, a title over a name over a dedication.


def test_a_kind_and_by_over_the_name_a_paragraph_down() -> None:
    story = read(two_chapters("THE FERRYMAN'S DAUGHTER\n\na novella by\n\nCordelia Haste"))
    assert (story.meta.title, story.meta.author) == ("THE FERRYMAN'S DAUGHTER", "Cordelia Haste")
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_title_over_a_name_over_a_dedication() -> None:
    story = read(two_chapters("THE GREEN DARK\nAnselm Drover\n\nFor my mother, who knew the names of every tree."))
    assert (story.meta.title, story.meta.author) == ("THE GREEN DARK", "Anselm Drover")
    assert story.meta.notes and "For my mother" in story.meta.notes[0]
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_two_lines_of_the_story_over_a_sentence_to_someone_stay_text() -> None:
    text = f"The wind dropped\nMara Quill waited\n\nTo Ana it was only weather.\n\n{TEXT}\n"
    story = read(text)
    assert story.chapters[0].paragraphs[0] == "The wind dropped\nMara Quill waited"


# A reader-insert's header: its pairing under or beside the title, its key among the fields.


def test_a_reader_inserts_pairing_and_key_are_notes() -> None:
    top = "Letters to the Lighthouse\n(y/n x the keeper)\n\ny/n = your name\ncontent warnings: grief, mentions of drowning"
    story = read(two_chapters(top))
    assert story.meta.title == "Letters to the Lighthouse"
    assert ids(story.meta.declared_warnings) == {"grief"}
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_reader_inserts_pairing_after_a_bar_is_no_part_of_the_title() -> None:
    story = read(
        two_chapters("storm season | ben hargreaves x reader\n\npairing: ben hargreaves x gn!reader\ntw: blood")
    )
    assert story.meta.title == "storm season"
    assert ids(story.meta.declared_warnings) == {"blood-gore"}


def test_a_title_with_a_bar_and_an_x_of_its_own_stays_whole() -> None:
    story = read(two_chapters("Noughts | Crosses x Circles\nby Ama Mensah"))
    assert story.meta.title == "Noughts | Crosses x Circles"


# Royal Road's page copied: its labelled counts under the by-line, a note box closing a chapter.


def test_a_fiction_pages_labelled_counts_are_no_story_text() -> None:
    top = "BLADE OF THE LOST SUN\nby Kaelen_Vire\nFollowers: 1,204  Pages: 312  Rating: 4.6\n\nWarning: This fiction contains Gore"
    story = read(two_chapters(top))
    assert (story.meta.title, story.meta.author) == ("BLADE OF THE LOST SUN", "Kaelen_Vire")
    assert ids(story.meta.declared_warnings) == {"blood-gore"}
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_note_box_closing_a_chapter_with_its_title_in_the_same_paragraph() -> None:
    box = "A note from Fenwick_Ash\nPatreon is 5 chapters ahead! Link in my profile."
    story = read(two_chapters("The Salt Witch\nby Fenwick_Ash", f"{TEXT}\n\n{box}"))
    assert story.chapters[0].paragraphs == [TEXT]
    assert story.chapters[0].notes == ["Patreon is 5 chapters ahead! Link in my profile."]


def test_a_note_from_someone_in_the_story_stays_text() -> None:
    letter = "A note from Mum\nThe bread is in the tin and the cat has been fed."
    story = read(two_chapters("The Salt Witch\nby Fenwick_Ash", f"{TEXT}\n\n{letter}"))
    assert story.chapters[0].paragraphs == [TEXT, letter]


# The author's care for readers under the warnings, and what a chapter note says there is.


def test_the_authors_care_under_the_warnings_is_a_note() -> None:
    care = "please don't read if these topics affect you!! your mental health matters more than my story 💕"
    story = read(two_chapters(f"⚠️ TW: self harm, suicidal thoughts ⚠️\n\n{care}"))
    assert story.meta.notes == [care]
    assert ids(story.meta.declared_warnings) == {"self-harm", "suicide"}
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_prologue_that_says_stay_safe_with_no_warnings_over_it_stays_text() -> None:
    prologue = "Stay safe, the radio said, and then it said nothing at all."
    story = read(two_chapters(f"The Quiet\nby Lorcan Whitby\n\n{prologue}"))
    assert prologue in story_text(story)


def test_what_a_chapter_note_says_there_is_warns_for_the_chapter() -> None:
    note = "a/n: heads up this one gets kind of heavy, there's a fight and some blood. sorry!!"
    story = read(
        two_chapters("Paper Lanterns\nby mothwing_writes").replace(
            f"Chapter 2\n\n{MORE}", f"Chapter 2\n\n{note}\n\n{MORE}"
        )
    )
    assert ids(story.chapters[1].declared_warnings) == {"blood-gore", "violence"}  # "a fight": violence since 72809e3
    assert story.chapters[1].paragraphs == [MORE]


def test_what_a_chapter_note_says_there_is_that_names_no_warning_declares_nothing() -> None:
    note = "a/n: there's a new chapter next week and some fanart!"
    story = read(
        two_chapters("Paper Lanterns\nby mothwing_writes").replace(
            f"Chapter 2\n\n{MORE}", f"Chapter 2\n\n{note}\n\n{MORE}"
        )
    )
    assert story.chapters[1].declared_warnings == []


def test_a_story_sentence_saying_there_is_blood_stays_text_and_declares_nothing() -> None:
    line = "There was blood on the stairs, and some on the banister."
    story = read(two_chapters("Paper Lanterns\nby mothwing_writes", f"{TEXT}\n\n{line}"))
    assert line in story_text(story)
    assert not any(chapter.declared_warnings for chapter in story.chapters)


# A newsletter post copied as text.

POST = """The Weight of Honey
A serial in three parts

Rosalind Achebe
Apr 12, 2024

Share

Part One

{text}

Part Two

{more}

Subscribe to Rosalind's Notebook
Leave a comment
"""


def test_a_newsletter_posts_by_line_buttons_and_boxes_are_no_story_text() -> None:
    story = read(POST.format(text=TEXT, more=MORE), "honey.txt")
    assert (story.meta.title, story.meta.author) == ("The Weight of Honey", "Rosalind Achebe")
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_story_paragraph_about_subscribing_stays_text() -> None:
    line = "Subscribe to the Gazette, her father said, and you will never be bored."
    story = read(POST.format(text=TEXT, more=f"{MORE}\n\n{line}"), "honey.txt")
    assert line in story_text(story)


# A word processor's review comments and a draft's mark.


def test_a_documents_review_comments_are_no_story_text() -> None:
    text = (
        f"Hollow Bells\nDraft 3 — do not share\n\nChapter One\n\n{TEXT}[a]\n\nChapter Two\n\n{MORE}[b]\n\n"
        "[a]is the goat too silly? - J\n[b]love this image\n"
    )
    story = read(text, "bells.txt")
    assert story.meta.title == "Hollow Bells"
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_bracketed_letters_with_no_comments_after_them_stay_text() -> None:
    text = f"Hollow Bells\n\nChapter One\n\n{TEXT} [a]\n\nChapter Two\n\n{MORE}\n\n[a] the first of the bells\n[c] the third\n"
    story = read(text, "bells.txt")
    assert "[a] the first of the bells" in story_text(story)


# A document's title page and contents, its heading styles lost in plain text.

UNDERSTORY = """The Understory
A novel in four seasons
Mireille Okafor

Contents
Spring
Summer

Spring

{text}

Summer

{more}
"""


def test_a_title_page_name_and_contents_entries_heading_the_chapters() -> None:
    story = read(UNDERSTORY.format(text=TEXT, more=MORE), "understory.txt")
    assert (story.meta.title, story.meta.author) == ("The Understory", "Mireille Okafor")
    assert [chapter.title for chapter in story.chapters] == ["Spring", "Summer"]
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_contents_entries_not_all_found_again_leave_the_text_as_it_is() -> None:
    text = UNDERSTORY.format(text=TEXT, more=MORE).replace(f"Summer\n\n{MORE}", f"And then it was summer.\n\n{MORE}")
    story = read(text, "understory.txt")
    assert len(story.chapters) == 1
    assert "Spring" in story.chapters[0].paragraphs


# A Markdown title page set as a table of fields.


def test_a_markdown_table_of_fields_over_the_first_chapter_is_the_header() -> None:
    text = (
        "# The Low River\n\n| | |\n|---|---|\n| **Author** | Tamsin Greaves |\n| **Rating** | Teen |\n"
        f"| **Warnings** | drowning, death of a sibling |\n\n## Chapter 1\n\n{TEXT}\n\n## Chapter 2\n\n{MORE}\n"
    )
    story = read(text, "river.md")
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("The Low River", "Tamsin Greaves", "Teen")
    assert ids(story.meta.declared_warnings) == {"death"}
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_table_inside_a_chapter_stays_its_text() -> None:
    text = f"# The Low River\n\n## Chapter 1\n\n{TEXT}\n\n| Item | Count |\n|---|---|\n| Author | 4 |\n\n## Chapter 2\n\n{MORE}\n"
    story = read(text, "river.md")
    assert story.meta.author is None
    assert "Author | 4" in story_text(story)


# A dedication under the by-line, the warnings under it.


def test_the_warnings_under_a_dedication_are_the_storys() -> None:
    top = "The Low River\nby Tamsin Greaves\n\nFor everyone who has lost a brother or a sister.\n\nCW: death of a sibling, drowning"
    story = read(two_chapters(top))
    assert ids(story.meta.declared_warnings) == {"death"}
    assert story.meta.notes == ["Dedication: For everyone who has lost a brother or a sister."]
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_story_opening_for_someone_with_no_warnings_under_it_stays_text() -> None:
    opening = "For my brother, the river was a road."
    story = read(two_chapters("The Low River\nby Tamsin Greaves", f"{opening}\n\n{TEXT}"))
    assert story.chapters[0].paragraphs[0] == opening


# A chapter's own warnings: "Heads-up:", at its end with the author's apology, by number in a header note.


def test_a_hyphenated_heads_up_opening_a_chapter_warns_for_it() -> None:
    opening = "Heads-up: there's some blood and a fight in this chapter."
    story = read(
        two_chapters("The Low River\nby Tamsin Greaves").replace(
            f"Chapter 2\n\n{MORE}", f"Chapter 2\n\n{opening}\n\n{MORE}"
        )
    )
    assert ids(story.chapters[1].declared_warnings) == {"blood-gore", "violence"}
    assert story.chapters[1].paragraphs == [MORE]


def test_warnings_for_this_chapter_at_its_end_with_an_apology_warn_for_it() -> None:
    closing = "(Warnings for this chapter: self-harm. I forgot to put them at the top, sorry!)"
    text = two_chapters("The Low River\nby Tamsin Greaves", f"{TEXT}\n\n{closing}")
    story = read(text)
    assert ids(story.chapters[0].declared_warnings) == {"self-harm"}
    assert story.chapters[0].paragraphs == [TEXT]
    assert story.chapters[1].declared_warnings == []


def test_a_notes_field_naming_a_chapter_by_number_warns_for_it() -> None:
    top = "Title: The Low River\nAuthor: Tamsin Greaves\nNotes: mind the tags; mentions of suicide in ch 2."
    story = read(two_chapters(top))
    assert story.chapters[0].declared_warnings == []
    assert ids(story.chapters[1].declared_warnings) == {"suicide"}


def test_a_header_notes_declaration_for_a_chapter_by_number_is_that_chapters_alone() -> None:
    story = read(
        two_chapters("The Lantern\nby Odalys Brennan\n\nA/N: thanks for reading! TW for self-harm in chapter 2.")
    )
    assert story.meta.declared_warnings == []
    assert ids(story.chapters[1].declared_warnings) == {"self-harm"}


def test_a_note_naming_a_chapter_without_a_warning_declares_nothing() -> None:
    story = read(two_chapters("The Lantern\nby Odalys Brennan\n\nA/N: the best bit in chapter 2, I promise!"))
    assert not any(chapter.declared_warnings for chapter in story.chapters)


# A poem opening "Warning:" under the by-line; a title and author line over a CW in spoiler marks.


def test_a_poems_warning_line_over_its_verse_stays_text() -> None:
    verse = "Warning: the sea is cold,\nand the ledger is long,\nand the lamp is new."
    story = read(f"Warnings\nby saltwife\n\n{verse}\n\n{TEXT}\n")
    assert story.meta.declared_warnings == []
    assert story.chapters[0].paragraphs[0] == verse


def test_a_title_by_author_line_over_a_cw_of_spoilered_items() -> None:
    story = read(two_chapters("The Keeper's Daughter by saltwife\nCW: ||suicide||, ||blood||"))
    assert (story.meta.title, story.meta.author) == ("The Keeper's Daughter", "saltwife")
    assert story.meta.declared_warnings == ["CW: suicide, blood"]
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


# A chapter's fields under its heading, its warnings in another language, AO3's label over its note.


def test_a_chapters_word_count_and_tw_under_its_heading_are_its_notes() -> None:
    text = f"The Keeper\nby saltwife\n\nChapter 1: Ships\nWord count: 2,341\nTW: suicide\n\n{TEXT}\n\nChapter 2: Wrecks\nWord count: 1,980\n\n{MORE}\n"
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]
    assert ids(story.chapters[0].declared_warnings) == {"suicide"}


def test_a_chapters_opening_lines_of_a_form_in_the_story_stay_text() -> None:
    form = "Name: Hollis Grey\nAge: twelve"
    story = read(two_chapters("The Keeper\nby saltwife", f"{form}\n\n{TEXT}"))
    assert story.chapters[0].paragraphs[0] == form


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Nota: este capítulo contiene autolesiones. Cuídense mucho.", {"self-harm"}),
        ("Anmerkung der Autorin: Dieses Kapitel enthält Gewalt.", {"violence"}),
    ],
)
def test_a_chapter_note_saying_what_this_chapter_holds_in_another_language(note: str, expected: set[str]) -> None:
    story = read(
        two_chapters("La hija\npor Marisol Quintana").replace(f"Chapter 2\n\n{MORE}", f"Chapter 2\n\n{note}\n\n{MORE}")
    )
    assert ids(story.chapters[1].declared_warnings) == expected
    assert story.chapters[1].paragraphs == [MORE]


def test_a_chapter_note_in_another_language_naming_no_warning_declares_nothing() -> None:
    note = "Nota: este capítulo es corto, lo siento."
    story = read(
        two_chapters("La hija\npor Marisol Quintana").replace(f"Chapter 2\n\n{MORE}", f"Chapter 2\n\n{note}\n\n{MORE}")
    )
    assert story.chapters[1].declared_warnings == []


def test_an_ao3_label_over_its_note_in_one_paragraph() -> None:
    text = (
        f"Chapter 1: Ships\nChapter Text\n\n{TEXT}\n\nChapter End Notes\nCW for the next chapter: death of a parent. Take care!\n\n"
        f"Chapter 2: Wrecks\nChapter Text\n\n{MORE}\n"
    )
    story = read(text, "keeper.txt")
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]
    assert ids(story.chapters[1].declared_warnings) == {"death"}


# A tip jar's ask under the story; warnings at the end under a label with an aside.


def test_an_ask_for_a_tip_under_the_story_is_a_note() -> None:
    ask = "If you enjoyed this, consider buying me a coffee on Ko-fi! ko-fi.com/saltwife"
    story = read(two_chapters("The Keeper\nby saltwife").replace(MORE, f"{MORE}\n\n{ask}"))
    assert story.chapters[1].paragraphs == [MORE]


def test_a_story_sentence_about_buying_coffee_stays_text() -> None:
    line = "She asked him to buy her a coffee, and he bought two."
    story = read(two_chapters("The Keeper\nby saltwife").replace(MORE, f"{MORE}\n\n{line}"))
    assert story.chapters[1].paragraphs == [MORE, line]


def test_warnings_at_the_end_under_a_label_with_an_aside() -> None:
    top = "The Keeper\nby saltwife\n\n(warnings at the end because spoilers!)"
    text = (
        two_chapters(top) + "\n~ fin ~\n\nWarnings (in order of appearance): shipwreck, drowning, death of a parent\n"
    )
    story = read(text)
    assert ids(story.meta.declared_warnings) == {"death"}
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]
    assert [chapter.declared_warnings for chapter in story.chapters] == [[], []]


# "Additional Warnings:" under AO3's archive warning; a CW pointing to the chapter notes; a phone's title over a bare tw.


def test_additional_warnings_under_a_creator_chose_not_to_warn_declare() -> None:
    top = (
        "Windfall\nby Hester Lang\nArchive Warning: Creator Chose Not To Use Archive Warnings\n"
        "Additional Warnings: blood, death of a grandparent"
    )
    story = read(two_chapters(top))
    assert (story.meta.title, story.meta.author) == ("Windfall", "Hester Lang")
    assert {"blood-gore", "death"} <= set(map_declared(story.meta).ids)
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_story_line_about_other_warnings_stays_text() -> None:
    line = "Other warnings were posted on the gate, but nobody read them."
    story = read(two_chapters("Windfall\nby Hester Lang", f"{line}\n\n{TEXT}"))
    assert story.chapters[0].paragraphs[0] == line


def test_a_cw_pointing_to_the_chapter_notes_is_a_note_and_declares_nothing() -> None:
    story = read(two_chapters("Windfall\nby Hester Lang\n\nCW: see chapter notes"))
    assert story.meta.declared_warnings == []
    assert story.meta.notes == ["CW: see chapter notes"]
    assert len(story.chapters) == 2


def test_a_first_line_over_a_bare_tw_with_a_warning_dogear_has_no_id_for() -> None:
    story = read(two_chapters("windfall\n\ntw grief, death of a grandparent"))
    assert story.meta.title == "windfall"
    assert "grief" in ids(story.meta.declared_warnings)
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]


def test_a_story_opening_on_a_tw_initials_sentence_stays_text() -> None:
    line = "TW was what the boys called Tobias Weller, who was neither tall nor wide."
    story = read(two_chapters("Night Shift\nby Adaeze Okoro", f"{line}\n\n{TEXT}"))
    assert story.chapters[0].paragraphs[0] == line


# An Org-mode file saved as text.

ORG = """#+TITLE: Saltwater Hymnal
#+AUTHOR: Teodor Vasks
#+OPTIONS: toc:nil
# a comment: cut the aunt

Content warnings: drowning, death of a parent.

* Chapter 1: Low Water

{text}

* * *

{more}

* Spring Tide

{more}
"""


def test_an_org_mode_file_reads_its_keywords_and_headings() -> None:
    story = read(ORG.format(text=TEXT, more=MORE), "hymnal.txt")
    assert (story.meta.title, story.meta.author) == ("Saltwater Hymnal", "Teodor Vasks")
    assert ids(story.meta.declared_warnings) == {"death"}
    assert [chapter.title for chapter in story.chapters] == ["Low Water", "Spring Tide"]
    assert [len(chapter.scenes) for chapter in story.chapters] == [2, 1]
    assert "#+" not in story_text(story) and "cut the aunt" not in story_text(story)


def test_a_text_with_starred_lines_and_no_org_keywords_is_read_as_before() -> None:
    text = f"The Hymnal\nby Teodor Vasks\n\n{TEXT}\n\n* the first star\n\n{MORE}\n"
    story = read(text, "hymnal.txt")
    assert len(story.chapters) == 1
    assert "* the first star" in story_text(story)
