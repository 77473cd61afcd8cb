"""``/discussion list`` pages (session 45): a section's heading goes on the page with its first entry.

A page could end right after a heading ("**Failed or missed**" with nothing under it), the entries
it heads starting the next page under no heading at all: an admin reading page 1 saw an empty
section, and page 2 seemed to go on with the upcoming ones."""

from __future__ import annotations

from bot.discussions.compose import listing_page
from bot.limits import MESSAGE_CHARS
from bot.text import utf16_len
from tests.discussions.test_listing15 import discussion, refusal

HEADS = ("**Upcoming**", "**Failed or missed**", "**Events Dogear could not start or end**")


def pages(**listing: object) -> list[str]:
    out: list[str] = []
    page = 1
    while True:
        text = listing_page(page=page, most=1000, **listing).text  # type: ignore[arg-type]
        out.append(text)
        if "next: `/discussion list" not in text:
            return out
        page += 1


def body(text: str) -> list[str]:
    """A page's lines without its page note."""
    return [line for line in text.split("\n") if not line.startswith("-# Page ")]


def test_no_page_ends_with_a_heading_and_none_starts_with_a_blank_line() -> None:
    ended_after_heading = 0
    for upcoming in range(1, 40):
        for length in (40, 97, 151, 233):
            found = [discussion(n, "scheduled") for n in range(1, upcoming + 1)]
            found += [discussion(100 + n, "failed") for n in range(3)]
            for number in found:
                object.__setattr__(number, "story_title", "G" * length)
            texts = pages(found=found, refused_events=[refusal(200 + n) for n in range(3)])
            for text in texts:
                lines = body(text)
                assert utf16_len(text) <= MESSAGE_CHARS
                assert lines[0] != "", (upcoming, length, text)
                last = lines[-1]
                if last.startswith((*HEADS, "-# Each stays here")):
                    ended_after_heading += 1
            joined = "\n".join(texts)
            assert all(joined.count(f"**#{n.id}**") == 1 for n in found), (upcoming, length)
    assert ended_after_heading == 0


def test_the_heading_of_the_refused_events_goes_with_its_first_entry_and_button() -> None:
    found = [discussion(n, "scheduled") for n in range(1, 60)]
    for length in range(0, 400, 7):
        for number in found:
            object.__setattr__(number, "story_title", "G" * (20 + length % 90))
        texts = pages(found=found, refused_events=[refusal(300)])
        [holding] = [text for text in texts if "Events Dogear could not" in text]
        assert "**#300**" in holding, holding
