"""Answers that repeat what a member typed, through the Discord double (the sweep's defects 1, 5, 6).

A value is repeated escaped and clipped (``bot.text.quote_input``): markdown, spoilers and
mentions show as typed and never render, and a value of thousands of characters still gets a
short private answer instead of a message Discord refuses (400) and a member left waiting.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.devtools.driver import Club, Reply
from bot.guilds import get_settings

TITLE = "The Lamp at Gull Point"
NASTY = "||hidden|| **Bold** @everyone <@1> `x`"
RENDERS = re.compile(r"\|\||\*\*|@everyone|(?<!\\)<@|(?<!\\)`x")
SHORT_ANSWER = 400  # a refusal that repeats a value stays short however long the value was


def private_and_short(replies: list[Reply]) -> Reply:
    [answer] = replies
    assert answer.ephemeral and len(answer.content) <= SHORT_ANSWER, answer.content
    assert "Something went wrong" not in answer.text
    return answer


@pytest.mark.parametrize(
    "command, options",
    [
        ("config set", {"timezone": "Q" * 2100}),
        ("discussion schedule", {"chapter": 1, "when": "x" * 2100}),
        ("discussion schedule", {"chapter": 1, "when": "friday 19:00 " + "Z" * 2100}),
        ("discussion schedule", {"chapter": 1, "when": "tomorrow 7pm", "remind": "y" * 2100}),
        ("discussion plan", {"start": "friday 19:00", "every": "z" * 2100}),
        ("discussion plan", {"start": "x" * 2100, "every": "weekly"}),
        ("discussion move", {"id": 1, "when": "w" * 2100}),
        ("prefs avoid", {"warning": "v" * 5000}),
        ("warnings rules remove", {"rule": "r" * 100}),
    ],
    ids=["timezone", "when", "when-zone", "remind", "every", "start", "move", "avoid", "rule"],
)
async def test_a_long_value_that_cannot_be_read_gets_a_short_private_answer(
    club: Club, sample_story: Path, command: str, options: dict
) -> None:
    await club.slash("story add", member=club.admin, file=sample_story)
    [scheduled] = await club.slash(
        "discussion schedule", member=club.admin, story=TITLE, chapter=1, when="tomorrow 7pm"
    )
    if command.startswith(("discussion schedule", "discussion plan")):
        options = {"story": TITLE, **options}
    if command == "discussion move":  # the discussion just scheduled: ids run on across the run's clubs
        options = {**options, "id": int(re.search(r"#(\d+)", scheduled.text).group(1))}
    answer = private_and_short(await club.slash(command, member=club.admin, options=options))
    assert "…”" in answer.text  # the value is shown clipped, not left out
    if command == "discussion move":
        await club.slash("discussion cancel", member=club.admin, id=options["id"])
    assert (await club.run(get_settings(club.bot.db, club.guild.id))).timezone == "UTC"  # nothing was saved


@pytest.mark.parametrize(
    "command, options",
    [
        ("prefs avoid", {"warning": NASTY}),
        ("prefs allow", {"warning": NASTY}),
        ("config set", {"timezone": NASTY}),
        ("discussion schedule", {"story": TITLE, "chapter": 1, "when": NASTY}),
        ("discussion schedule", {"story": TITLE, "chapter": 1, "when": "tomorrow 7pm", "remind": NASTY}),
        ("discussion plan", {"story": TITLE, "start": "friday 19:00", "every": NASTY}),
        ("story info", {"story": NASTY}),
        ("warnings rules disable", {"target": NASTY[:100]}),
    ],
    ids=["avoid", "allow", "timezone", "when", "remind", "every", "story", "disable"],
)
async def test_a_value_is_repeated_as_typed_without_rendering(
    club: Club, sample_story: Path, command: str, options: dict
) -> None:
    await club.slash("story add", member=club.admin, file=sample_story)
    answer = private_and_short(await club.slash(command, member=club.admin, options=options))
    assert not RENDERS.search(answer.content), answer.content
    assert "\\|\\|hidden\\|\\|" in answer.content  # shown, escaped, not left out
    assert not (answer.message.pinged_everyone or answer.message.pinged_users)


async def test_a_blank_warning_is_asked_for_not_quoted(club: Club) -> None:
    answer = private_and_short(await club.slash("prefs avoid", member=club.member, warning="   "))
    assert "Pick a warning from the list" in answer.text and "''" not in answer.text and "“”" not in answer.text


async def test_a_book_already_in_the_library_is_named_escaped(club: Club) -> None:
    await club.slash("story add", member=club.admin, options={"title": NASTY, "chapters": 3})
    [again] = await club.slash("story add", member=club.admin, options={"title": NASTY, "chapters": 3})
    assert again.ephemeral and "already in the server as" in again.text
    assert not RENDERS.search(again.content), again.content


BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    "command, options",
    [
        ("progress set", {"story": "\u202eNo Such Gull", "chapter": 1}),  # (an override alone no longer hides a title)
        ("prefs avoid", {"warning": "\u202edeath of a pet"}),
        ("story info", {"story": "\u2067No Such Book"}),
        ("warnings report", {"story": TITLE, "chapter": 1, "warning": "\u202eblah"}),
    ],
    ids=["progress", "avoid", "info", "report"],
)
async def test_a_bidi_override_in_a_value_never_turns_the_answer_around(
    club: Club, sample_story: Path, command: str, options: dict
) -> None:
    """A member's value with a right-to-left override (pasted, or typed to play a trick) is repeated
    without it: left in, it turns the rest of the line around, so "pick one from the list" reads backwards."""
    await club.slash("story add", member=club.admin, file=sample_story)
    answer = private_and_short(await club.slash(command, member=club.member, options=options))
    assert not BIDI.search(answer.content), repr(answer.content)
    assert "”" in answer.content  # the value is still repeated, just without the override
