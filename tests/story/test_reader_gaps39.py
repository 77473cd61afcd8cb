"""Story files misread, found in the thirty-ninth session's fifth round of reading (files of the
shapes real exports and copies take, written for it; the probe files stay out of the repository):

- a chapter's end note that signs off with the next chapter before it warns ("A/N: Thanks for
  reading, see you in the next one! TW: self-harm"): the farewell named the next chapter, so the
  warning after it was read as for either chapter and both carried it; a farewell ("see you in the
  next one", "until the next chapter", "stay tuned for the next part") says nothing of what a chapter
  holds, and the warning is read as it is alone: the chapter the note closes.

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
