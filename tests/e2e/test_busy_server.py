"""Every listing on a big, busy server: each item is on some page, and Discord accepts every answer.

The double refuses what Discord refuses (2,000 characters, embed limits, 25 choices of 100
characters), so an over-long answer fails here as it would fail in a real server; walking the pages
by the command each page names shows that nothing was dropped on the way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.devtools.driver import Club
from tests.e2e import busy_server

NEXT = re.compile(r"[Nn]ext: `/(?P<command>[a-z ]+?) (?P<options>(?:[a-z_]+:\S+ ?)+)`")


async def walk(club: Club, command: str, member, **options) -> str:
    """Every page of a listing, following the command each page names for the next, as one text."""
    pages: list[str] = []
    while True:
        [answer] = await club.slash(command, member=member, **options)
        assert answer.ephemeral
        pages.append(answer.text)
        found = NEXT.search(answer.text)
        if found is None:
            return "\n".join(pages) + "\n"
        assert found["command"] == command and len(pages) < 100
        options = {k: int(v) if k == "page" else v for k, v in (o.split(":", 1) for o in found["options"].split())}


def missing(text: str, expected: Iterable[str]) -> list[str]:
    return [item for item in expected if item not in text]


async def test_every_listing_of_a_busy_server_shows_every_item_within_discords_limits(club: Club) -> None:
    ids = await club.run(busy_server.build(club, stories=40, chapters=120, discussions=60))
    await club.run(busy_server.nominate_many(club, 40))
    admin, member = club.admin, club.member

    stories = await walk(club, "story list", member)
    assert not missing(stories, [f"· id {n}\n" for n in range(ids["book"], ids["book"] + 40)])
    info = await walk(club, "story info", member, story=str(ids["long"]))
    assert not missing(info, [f"Chapter {k}: Chapter the {k}th" for k in range(1, 121)])
    categories = await walk(club, "warnings categories", member)
    custom = [f"`custom-category-number-{k:03d}-with-a-long-i`" for k in range(200)]
    assert not missing(categories, custom) and "`death`" in categories
    rules = await walk(club, "warnings rules list", admin)
    assert (
        not missing(rules, [f"• #{k} [" for k in range(ids["rule"], ids["rule"] + 200)]) and "default rule `" in rules
    )
    avoided = await walk(club, "prefs show", member)
    assert not missing(avoided, [f"({item}, strict)" for item in custom])
    listed = await walk(club, "discussion list", admin)
    assert not missing(listed, [f"**#{k}** ·" for k in range(ids["discussion"], ids["discussion"] + 60)])
    agenda = await walk(club, "schedule", member)
    assert not missing(agenda, [f", chapter {k} ·" for k in range(1, 61)])
    nominations = await walk(club, "nominations", member)
    assert not missing(nominations, [f"number {n} z" for n in range(40)])


async def test_a_page_past_the_end_is_a_short_private_answer(club: Club) -> None:
    await club.run(busy_server.nominate_many(club, 3))
    [answer] = await club.slash("nominations", member=club.member, page=2)
    assert answer.ephemeral and "only 1 page" in answer.text
