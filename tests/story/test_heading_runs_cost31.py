"""Files of headings with little or no text between them, written to make every heading ask about
all the others (a helper's hostile uploads). Each was quadratic:

- "Contents" over two empty headings, over and over: each label's list was checked against the whole
  rest of the text for an entry that comes round again (64 KB took 7.6 s of CPU, 256 KB minutes);
- headings of every kind, one a paragraph: whether a part heading stands over a chapter walked the
  list from its start for each (``islice``);
- a long run of "Chapter N" lines: whether each heading has text under it copied the rest of the list.

Each is now read in a time that grows with the file. CPU time, not wall time, and a bound far above
what each takes (under 1.5 s here) and far below what it took (minutes)."""

from __future__ import annotations

import contextlib
import random
import time

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story

SIZE = 192 * 1024  # big enough that the quadratic readers took a minute or more


def _contents_over_empty_headings() -> str:
    parts, number = [], 1
    while sum(map(len, parts)) < SIZE:
        parts.append(f"Contents\n\nChapter {number}\n\nChapter {number + 1}\n\n* * *\n\n")
        number += 2
    return "".join(parts)


def _headings_of_every_kind() -> str:
    rng = random.Random(31)
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    parts, number = [], 1
    while sum(map(len, parts)) < SIZE:
        kinds = [f"Chapter {number}", f"Part {number}", romans[number % 12], "Prologue", f"Book {number}", "Interlude"]
        parts.append(rng.choice(kinds) + "\n\n")
        number += 1
    return "".join(parts)


def _run_of_headings() -> str:
    return "".join(f"Chapter {number}\n\n" for number in range(1, SIZE // 12)) + "The river ran cold.\n"


@pytest.mark.parametrize("text", [_contents_over_empty_headings(), _headings_of_every_kind(), _run_of_headings()])
@pytest.mark.parametrize("filename", ["hostile.txt", "hostile.md"])
def test_a_file_of_headings_is_read_in_time_that_grows_with_it(text: str, filename: str) -> None:
    start = time.process_time()
    with contextlib.suppress(StoryFormatError):  # a clear refusal is an answer: what is measured is how long it took
        import_story(text.encode(), filename, max_bytes=4 << 20)
    assert time.process_time() - start < 8.0
