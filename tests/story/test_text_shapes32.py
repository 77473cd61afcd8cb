"""Plain-text shapes real writers paste that were misread (the thirty-second session): a note saying
a chapter has no warnings read as a declaration, a tag strip's "18+" kept as a tag "18"."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.builders import Ao3Chapter, Ao3Work, ao3_epub
from tests.story.builders import read_text as read

TEXT = "The lighthouse keeper counted the gulls on the rail every morning, and every morning one was missing."
MORE = "By the end of the month the rail was bare, and she started counting the boats instead."


# No warnings: a note that says a chapter has none declares nothing.


@pytest.mark.parametrize(
    "note",
    [
        "No warnings for this chapter beyond the tags.",
        "Hi all! No TWs for this one, it's pure fluff.",
        "No other content warnings for this chapter.",
        "There are no real warnings for this chapter, it's all soft.",
    ],
)
def test_a_note_saying_no_warnings_declares_nothing(note: str) -> None:
    work = Ao3Work(
        chapters=[
            Ao3Chapter("Chapter 1: Gulls", [TEXT], notes=note),
            Ao3Chapter("Chapter 2: Boats", [MORE], notes="Warnings for this chapter: drowning, blood."),
        ]
    )
    story = import_story(ao3_epub(work), "work.epub", max_bytes=1 << 20)
    assert story.chapters[0].declared_warnings == []
    assert story.chapters[1].declared_warnings == ["Warnings for this chapter: drowning, blood"]


def test_a_text_note_saying_no_warnings_declares_nothing() -> None:
    story = read(f"Chapter 1\n\nA/N: no warnings for this chapter beyond the tags!\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n")
    assert [chapter.declared_warnings for chapter in story.chapters] == [[], []]


@pytest.mark.parametrize(
    "note", ["Keine Triggerwarnungen für dieses Kapitel.", "Anmerkung: keine weiteren Inhaltswarnungen, nur Fluff."]
)
def test_a_german_note_saying_no_warnings_declares_nothing(note: str) -> None:
    story = read(f"Kapitel 1\n\nA/N: {note}\n\n{TEXT}\n\nKapitel 2\n\nA/N: Triggerwarnung: Blut\n\n{MORE}\n")
    assert [chapter.declared_warnings for chapter in story.chapters] == [[], ["Triggerwarnung: Blut"]]


def test_a_warning_beside_a_no_warnings_sentence_is_still_declared() -> None:
    story = read(f"Chapter 1\n\nA/N: TW: blood. No other warnings for this one.\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].declared_warnings == ["TW: blood"]


# A tag strip's age rating is the story's rating.

STRIP_HEADER = "Salt Marsh\nby heronwrites\n\n{strip}\n\nChapter 1\n\n" + TEXT + "\n\nChapter 2\n\n" + MORE + "\n"


@pytest.mark.parametrize(
    ("strip", "rating"),
    [
        ("🔞 18+ | ⚠️ tw: blood, vomit | 🌊 slow burn", "18+"),
        ("16+ • cw: self harm • hurt/comfort", "16+"),
        ("🔞 | angst | tw: gore, blood", "18+"),
        ("R18 · cw: gore · enemies to lovers", "18+"),
    ],
)
def test_a_tag_strips_age_rating_is_the_rating(strip: str, rating: str) -> None:
    story = read(STRIP_HEADER.format(strip=strip))
    assert story.meta.rating == rating
    assert not any(tag.strip("+").isdigit() for tag in story.meta.additional_tags)
    assert story.meta.declared_warnings
    assert len(story.chapters) == 2


def test_a_count_in_a_strip_stays_a_tag_beside_its_rating() -> None:
    story = read(STRIP_HEADER.format(strip="18+ | tw: blood | 12 chapters | 16 | angst"))
    assert story.meta.rating == "18+"
    assert story.meta.additional_tags == ["12 chapters", "16", "angst"]


# A forum thread copied as text: threadmarks are the chapters, the forum's lines no story text.

THREAD = """Ashes of Wren [Original, Low Fantasy]

Threadmarks: Chapter 1 - Kindling

Merrow Vance said:
Wren kept the fire in the lighthouse lamp the way her grandmother had, with oil and patience and a little spite.

She had not seen a ship in eleven days, and she was beginning to take it personally.

Click to expand...

Reactions: Gannet, Inkpot and Tallow

Threadmarks: Chapter 2 - Smoke

Merrow Vance said:
Mar 14, 2022 #23
TW for this one: burns, a house fire.

The ship came on the twelfth day, burning from bow to stern, and Wren rowed out to meet it.

Last edited: Mar 15, 2022
Reactions: Inkpot
"""


def test_a_copied_forum_thread_reads_as_its_threadmarked_chapters() -> None:
    story = read(THREAD)
    assert [chapter.title for chapter in story.chapters] == ["Kindling", "Smoke"]
    assert story.meta.title == "Ashes of Wren"
    assert story.meta.author == "Merrow Vance"
    text = "\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)
    for chrome in ("said:", "Click to expand", "Reactions:", "#23", "Last edited", "Mar 14"):
        assert chrome not in text
    assert story.chapters[0].paragraphs[0].startswith("Wren kept the fire")
    assert story.chapters[1].paragraphs == [
        "The ship came on the twelfth day, burning from bow to stern, and Wren rowed out to meet it."
    ]
    assert story.chapters[1].declared_warnings == ["TW for this one: burns, a house fire"]
    assert story.chapters[0].declared_warnings == []


def test_said_in_a_threads_dialogue_stays_and_outside_a_thread_nothing_is_dropped() -> None:
    thread = THREAD.replace(
        "She had not seen a ship",
        "Her grandmother, dying, had turned to her and said:\n\nKeep it lit.\n\nShe had not seen a ship",
    )
    story = read(thread)
    assert "Her grandmother, dying, had turned to her and said:" in story.chapters[0].paragraphs
    plain = (
        "Chapter 1\n\nBoris Pell said:\nthe ship is late.\n\nReactions: none that she could see.\n\nChapter 2\n\n"
        + MORE
    )
    assert read(plain).chapters[0].paragraphs == [
        "Boris Pell said:\nthe ship is late.",
        "Reactions: none that she could see.",
    ]
    assert len(read(thread).chapters) == 2


# A journal's entries headed by their dates alone, where its contents list names them (without the
# list they date the text and head nothing: test_reader_gaps40).

DIARY = """The Salt Year
by Odile Brack

Contents

June 1st, 2003
June 9th, 2003
July 20th, 2003

June 1st, 2003

Father sold the boat today. He said it was only a boat, and then he went and sat in the shed until dark.

June 9th, 2003

The new people moved into the harbour house. Their daughter has a telescope and no interest in lending it.

July 20th, 2003

We watched the eclipse through a pinhole in a cereal box. She let me hold the telescope anyway, after.
"""


def test_dates_alone_over_entries_head_the_chapters() -> None:
    story = read(DIARY)
    assert [chapter.title for chapter in story.chapters] == ["June 1st, 2003", "June 9th, 2003", "July 20th, 2003"]
    assert story.chapters[1].paragraphs[0].startswith("The new people")
    assert story.meta.title == "The Salt Year"


def test_dated_entries_head_chapters_but_a_date_in_a_storys_prose_stays_text() -> None:
    dated = read(
        DIARY.replace("June 9th, 2003", "9 June 2003")
        .replace("June 1st, 2003", "1 June 2003")
        .replace("July 20th, 2003", "20 July 2003")
    )
    assert len(dated.chapters) == 3
    prose = f"Chapter 1\n\n{TEXT}\n\nJune 9th, 2003\n\n{MORE}\n\nChapter 2\n\n{TEXT}\n\nJune 10th, 2003\n\n{MORE}\n"
    story = read(prose)
    assert [chapter.title for chapter in story.chapters] == [None, None]
    assert "June 9th, 2003" in story.chapters[0].paragraphs
    one = read(f"The Salt Year\nby Odile Brack\n\n{TEXT}\n\nJune 9th, 2003\n\n{MORE}\n")
    assert len(one.chapters) == 1 and "June 9th, 2003" in one.chapters[0].paragraphs
    letters = read(f"1 June 2003\n\nDear Anna,\n\n{TEXT}\n\n9 June 2003\n\nDear Anna,\n\n{MORE}\n")
    assert len(letters.chapters) == 1


# A play in scenes and no acts: its scenes are the chapters, its title page and cast list no text.

PLAY = """THE NIGHT FERRY
A play in two scenes
by Corin Hask

CHARACTERS
ELSPETH, a ferry captain, fifties
TOMAS, a stowaway, seventeen

SCENE ONE

The deck of a ferry at night. Fog. A lantern swinging from a hook.

ELSPETH: You can come out. I heard you sneeze an hour ago.

TOMAS: (emerging from under a tarp) It was a very quiet sneeze.

SCENE TWO

Dawn. The fog has lifted. A coastline, far off.

ELSPETH: That's Harle. You'll want to be off before the harbourmaster is up.

TOMAS: Will you tell him?

ELSPETH: Tell him what?
"""


def test_a_plays_scenes_are_its_chapters_without_acts() -> None:
    story = read(PLAY)
    assert [chapter.title for chapter in story.chapters] == ["Scene One", "Scene Two"]
    assert story.meta.title == "THE NIGHT FERRY"
    assert story.meta.author == "Corin Hask"
    assert story.chapters[0].paragraphs[0] == "The deck of a ferry at night. Fog. A lantern swinging from a hook."
    assert any(note.startswith("Characters: ELSPETH") for note in story.meta.notes)
    assert story.chapters[1].paragraphs[-1] == "ELSPETH: Tell him what?"


def test_scenes_head_a_play_but_scene_one_in_prose_stays_text() -> None:
    assert len(read(PLAY.replace("SCENE ONE", "Scene 1").replace("SCENE TWO", "Scene 2")).chapters) == 2
    prose = f"The Rehearsal\nby Corin Hask\n\n{TEXT}\n\nScene one\n\n{MORE}\n"
    story = read(prose)
    assert len(story.chapters) == 1 and "Scene one" in story.chapters[0].paragraphs
    counted_wrong = read(PLAY.replace("SCENE TWO", "SCENE FOUR"))
    assert len(counted_wrong.chapters) == 1


# A whole thread copied: its readers' replies and the quotes of them are theirs, not the story.

XENFORO = """The Glass Tide [Original Fiction]

Thread starter Pell Aubrey Start date Jan 9, 2023

Pell Aubrey
Jan 9, 2023
#1
Threadmarks: Chapter 1 - Low Water

The tide went out and did not come back, and the town woke to find the harbour a field of glittering mud.

Reactions: Quill, Tansy and Hob

Quill
Jan 9, 2023
#2
Oh this is lovely. Watched for sure.

Pell Aubrey
Jan 10, 2023
#3
Thanks all! Next one on Monday.

Pell Aubrey
Jan 16, 2023
#4
Threadmarks: Chapter 2 - Meeting

Quill said:
Will the sea come back?
Click to expand...
Read on and see!

The meeting lasted four hours and decided that the sea would be asked, politely, to return.

Pell Aubrey
Jan 16, 2023
#5
The sea, when asked, said nothing at all, which the town took as a yes.

Tansy
Jan 16, 2023
#6
Politely!! I love this town.
"""


def test_a_whole_threads_replies_and_quotes_are_no_story_text() -> None:
    story = read(XENFORO)
    assert story.meta.author == "Pell Aubrey"
    assert [chapter.title for chapter in story.chapters] == ["Low Water", "Meeting"]
    assert story.chapters[0].paragraphs == [
        "The tide went out and did not come back, and the town woke to find the harbour a field of glittering mud."
    ]
    assert story.chapters[1].paragraphs == [
        "Read on and see!",
        "The meeting lasted four hours and decided that the sea would be asked, politely, to return.",
        "The sea, when asked, said nothing at all, which the town took as a yes.",  # a chapter over two posts
    ]


def test_a_readers_reply_under_said_goes_and_a_quote_keeps_the_authors_answer() -> None:
    thread = THREAD.replace(
        "Threadmarks: Chapter 2 - Smoke\n\nMerrow Vance said:\n",
        "Gannet said:\nA lighthouse story! Watched.\n\nThreadmarks: Chapter 2 - Smoke\n\nMerrow Vance said:\n"
        "Gannet said:\nWill Wren meet the ship?\nClick to expand...\nYou'll see!\n\n",
    )
    story = read(thread)
    assert story.meta.author == "Merrow Vance"
    text = "\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)
    assert "Watched" not in text and "Will Wren" not in text
    assert story.chapters[1].paragraphs[0] == "You'll see!"
    assert len(story.chapters[0].paragraphs) == 2
