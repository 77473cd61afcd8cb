"""Story files misread, found in the thirty-ninth session's fifth round of reading (files of the
shapes real exports and copies take, written for it; the probe files stay out of the repository):

- a chapter's end note that signs off with the next chapter before it warns ("A/N: Thanks for
  reading, see you in the next one! TW: self-harm"): the farewell named the next chapter, so the
  warning after it was read as for either chapter and both carried it; a farewell ("see you in the
  next one", "until the next chapter", "stay tuned for the next part") says nothing of what a chapter
  holds, and the warning is read as it is alone: the chapter the note closes;
- a text of one paragraph a line, no blank line between paragraphs, its lines about 100 characters
  (under the 100 a line had to pass to count as a paragraph of its own): each chapter one paragraph,
  its lines joined as a hard-wrapped paragraph's are; now the file is told by its lines as a whole: a
  hard-wrapped text ends few of its lines with a sentence (only each paragraph's last), a text of one
  paragraph a line ends nearly every line so.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.tools.preview import chapter_warnings
from tests.story.builders import read_text as read

FIRST = "The harbour lights went out one by one, and Maren counted them the way her father had taught her."
SECOND = "By morning the boat had drifted past the breakwater, and the gulls followed it as if it owed them."
THIRD = "By noon the fog had lifted, and Maren could see the ferry again, small and patient on the water."


def _ids(text: str) -> dict[int, set[str]]:
    story = read(text)
    return {number: {warning.id for warning in shown} for number, shown in chapter_warnings(story).items()}


# A farewell naming the next chapter, before the note's warning.


@pytest.mark.parametrize(
    "note",
    [
        "A/N: Thanks for reading, see you in the next one! TW: self-harm",
        "A/N: see you in the next one! tw self harm",
        "A/N: See you in the next one!\nTW: self-harm",
        "A/N: Until the next chapter! CW: self-harm",
        "A/N: Stay tuned for the next part! TW: self-harm",
        "A/N: Catch you all in the next update. TW: self-harm",
    ],
)
def test_a_farewell_naming_the_next_chapter_leaves_the_warning_on_this_one(note: str) -> None:
    ids = _ids(f"Chapter 1\n\n{FIRST}\n\n{note}\n\nChapter 2\n\n{SECOND}\n\nChapter 3\n\n{THIRD}\n")
    assert ("self-harm" in ids[1], "self-harm" in ids[2], "self-harm" in ids[3]) == (True, False, False)


@pytest.mark.parametrize(
    "note",
    [
        "A/N: The next chapter is a heavy one. TW: self-harm",
        "A/N: CW for the next chapter: self-harm",
        "A/N: See you in the next one, tw for self harm in it",
    ],
)
def test_a_note_saying_what_the_next_chapter_holds_still_warns_it(note: str) -> None:
    """Guard: a sentence about the next chapter's content still carries the warning after it there."""
    ids = _ids(f"Chapter 1\n\n{FIRST}\n\n{note}\n\nChapter 2\n\n{SECOND}\n\nChapter 3\n\n{THIRD}\n")
    assert "self-harm" in ids[2]
    assert "self-harm" not in ids[3]


# One paragraph a line, lines of about 100 characters, no blank line between paragraphs.

LINES = [
    "The lamps along the quay came on one by one, and Tess watched them from the ferry office window.",
    "Her father had worked the night boat for thirty years, and he had never once been late for it.",
    "Now the boat sat at the end of the pier with its engine cold, and nobody in town would say why.",
    "She pulled on her coat and walked down to the water, past the chandlery and the fish market.",
    "The harbourmaster was still in his hut, bent over the radio, and did not look up at her knock.",
    '"They found the log book," he said at last, "but the last page is torn out, clean as a knife."',
    "Tess sat on the bench by the door and listened to the rain begin, soft and then all at once.",
    "Out on the water a light moved where no light should be, low and green, and coming closer.",
]


@pytest.mark.parametrize("top", ["", "The Night Boat\nby Tess Marlow\n\n"])
@pytest.mark.parametrize("under", ["\n", "\n\n"])
def test_one_paragraph_a_line_of_about_a_hundred_characters_is_a_paragraph_each(top: str, under: str) -> None:
    assert all(80 <= len(line) <= 100 for line in LINES)
    text = f"{top}Chapter 1{under}" + "\n".join(LINES[:4]) + f"\n\nChapter 2{under}" + "\n".join(LINES[4:]) + "\n"
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [LINES[:4], LINES[4:]]


def test_hard_wrapped_paragraphs_without_blank_lines_still_join() -> None:
    """Guard: lines wrapped at a width end mid-sentence, so their paragraphs are read whole."""
    wrapped = (
        "The lamps along the quay came on one by one, and Tess watched them from the\n"
        "ferry office window. Her father had worked the night boat for thirty years,\n"
        "and he had never once been late for it. Now the boat sat at the end of the\n"
        "pier with its engine cold.\n"
        "She pulled on her coat and walked down to the water, past the chandlery and\n"
        "the fish market. The harbourmaster was still in his hut, bent over the radio,\n"
        "and did not look up at her knock. Out on the water a light moved where no\n"
        "light should be, low and green."
    )
    story = read(f"Chapter 1\n\n{wrapped}\n\nChapter 2\n\n{FIRST}\n")
    assert len(story.chapters[0].paragraphs) == 1
    assert (
        story.chapters[0].paragraphs[0].startswith("The lamps along the quay came on one by one, and Tess watched them")
    )
