"""Every listing on a big, busy server: each item is on some page, and Discord accepts every answer.

The double refuses what Discord refuses (2,000 characters, embed limits, 25 choices of 100
characters), so an over-long answer fails here as it would fail in a real server; walking the pages
by the command each page names shows that nothing was dropped on the way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.devtools.driver import Club, Reply
from bot.warnings import service
from tests.e2e import busy_server

NEXT = re.compile(r"[Nn]ext: `/(?P<command>[a-z ]+?) (?P<options>(?:[a-z_]+:\S+ ?)+)`")


async def walk(club: Club, command: str, member, **options) -> str:
    """Every page of a listing, following the command each page names for the next, as one text."""
    return "\n".join(answer.text for answer in await pages_of(club, command, member, **options)) + "\n"


async def pages_of(club: Club, command: str, member, **options) -> list[Reply]:
    """Every page of a listing as the answers came, following the command each page names for the next."""
    pages: list[Reply] = []
    while True:
        [answer] = await club.slash(command, member=member, **options)
        assert answer.ephemeral
        pages.append(answer)
        found = NEXT.search(answer.text)
        if found is None:
            return pages
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


async def test_every_page_of_nominations_says_which_list_it_is_while_a_vote_runs(club: Club) -> None:
    """Page 2 of /nominations showed the running vote's line, then numbered titles with no heading:
    they read as the vote's own titles, not the nominations for the next vote."""
    await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    await club.run(busy_server.nominate_many(club, 3))
    [started] = await club.slash("vote start", member=club.admin)
    assert "The vote is open" in started.text
    await club.run(busy_server.nominate_many(club, 40))  # made after the vote began: for the next one
    pages = await pages_of(club, "nominations", club.member)
    assert len(pages) > 1
    for page in pages:
        assert page.text.startswith("🗳️ A vote is running") and "**Nominations for the next vote** (" in page.text


async def test_a_page_past_the_end_is_a_short_private_answer(club: Club) -> None:
    await club.run(busy_server.nominate_many(club, 3))
    [answer] = await club.slash("nominations", member=club.member, page=2)
    assert answer.ephemeral and "only 1 page" in answer.text


ITEM = re.compile(r"^(?:(?P<number>\d+)\. \*\*.+?\*\* \(`(?P<warning>[a-z0-9-]+)`\) in chapter (?P<chapter>\d+) of|"
                  r"❔ \*\*.+?\*\* \(`(?P<possible>[a-z0-9-]+)`\) in chapter (?P<at>\d+),)", re.MULTILINE)  # fmt: skip


async def items_pressing_next(club: Club, page: Reply) -> list[list[tuple[str, int]]]:
    """The items of a keyed page and of each page its Next ▶ button edits it into, to the last
    (read at each press: the reply is the message, edited in place)."""
    pages = [items_with_buttons(page)]
    while "Next ▶" in page.labels and len(pages) < 100:
        pressed = await club.click(page, "Next ▶", member=club.admin)
        page = next(reply for reply in pressed if reply.id == page.id)
        pages.append(items_with_buttons(page))
    return pages


def items_with_buttons(page: Reply) -> list[tuple[str, int]]:
    """The (warning, chapter) items a page lists, checked against its Confirm/Dismiss buttons, in order."""
    items = [(m["warning"] or m["possible"], int(m["chapter"] or m["at"])) for m in ITEM.finditer(page.text)]
    decided = [b["custom_id"].split(":") for b in page.buttons if b["custom_id"].startswith("dogear:warn:")]
    assert [(d[5], int(d[4])) for d in decided[::2]] == items and [d[2] for d in decided] == ["c", "d"] * len(items)
    assert len(items) <= 5
    return items


async def test_every_possible_warning_and_open_report_has_its_buttons_on_some_page(club: Club) -> None:
    """/warnings story and /warnings review page like the listings, with the buttons of the items on
    each page: every item can be decided, however many wait. Reports on chapters the story no longer
    has (built past its end, as a /story update leaves them) are not offered."""
    await club.run(busy_server.build(club, stories=3, chapters=120, discussions=1))
    red = await club.run(busy_server.add_possible_story(club, chapters=12))

    [first] = await club.slash("warnings story", member=club.admin, story=str(red))
    story_pages = await items_pressing_next(club, first)  # paged by key like the review, each press editing it
    assert len(story_pages) > 1
    offered = [item for page in story_pages for item in page]
    assert offered == [("blood-gore", k) for k in range(1, 13)]

    page = (await club.slash("warnings review", member=club.admin))[-1]
    assert "(132 in all)" in page.text
    review_pages = await items_pressing_next(club, page)  # the review pages by key, each press editing it in place
    reviewed = [item for shown in review_pages for item in shown]
    reported = [("death", k) for k in range(1, 121)]  # 200 reported, 120 chapters left
    assert reviewed == reported + [("blood-gore", k) for k in range(1, 13)]
    assert "Items 129–132 of 132" in page.text

    second = (await club.slash("warnings story", member=club.admin, story=str(red), page=2))[-1]
    chapter = items_with_buttons(second)[0][1]
    confirm = f"dogear:warn:c:{red}:{chapter}:blood-gore:0"
    refused = await club.forge_press(confirm, member=club.member)  # the admin's answer is ephemeral: a forged press
    assert refused[-1].ephemeral and "Manage Server" in refused[-1].text
    [answer] = await club.slash("warnings review", member=club.member, page=2)
    assert answer.ephemeral and "Manage Server" in answer.text and not answer.buttons
    done = await club.click(second, confirm, member=club.admin)
    assert f"Confirmed **Blood and gore** (`blood-gore`) for chapter {chapter}" in done[-1].text
    shown = await club.run(service.chapter_warnings(club.bot.db, club.guild.id, red, chapter))
    assert "blood-gore" in {w.id for w in shown}
    [first] = await club.slash("warnings story", member=club.admin, story=str(red))
    again = [item for page in await items_pressing_next(club, first) for item in page]
    assert ("blood-gore", chapter) not in again and len(again) == 11
