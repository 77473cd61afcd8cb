"""A club's week with warnings, walked as its members and admin would, through the double.

An AO3 download declaring warnings three ways (an archive warning, a freeform tag, a chapter's
"A/N: tw ..." written in its text) with confident and possible detections; every surface a member
or admin reads (headers posted and private, ``/story info``, ``/warnings story``, the review list,
reminders and the discussion post, ``scan``/``preview --json`` on the same file) must agree, a
member's report confirmed after a restart must show everywhere for its chapter, and an update
adding a chapter must keep the club's decisions on the chapters it did not change.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from bot.devtools.driver import Club
from bot.tools import preview as preview_tool
from bot.tools import scan as scan_tool
from tests.e2e.test_discussions import advance
from tests.story.builders import Ao3Chapter, Ao3Work, ao3_html

THIN_BLOOD = ["There was blood on the floor.", "His hand was bleeding."]  # possible blood-gore
STORM = "The soldiers beat the prisoner with clubs until he screamed."
SURE_BLOOD = ["The knife slipped and blood ran over the table.", "Her arm was bleeding badly."]  # confident
AUTHOR = "**Death** (author), **Self\\-harm** (author)"  # the archive warning and the freeform tag
GRIEF = "**Grief** (reported by a member, confirmed)"


def salt_road(floors: list[str] = THIN_BLOOD, *extra: Ao3Chapter) -> bytes:
    work = Ao3Work(
        title="The Salt Road",
        author="wrenwrites",
        archive_warnings=["Major Character Death"],
        additional_tags=["Angst", "Self-Harm"],
        summary="Two sisters walk to the sea.",
        notes=None,
        end_notes=None,
        chapters=[
            Ao3Chapter(
                "Chapter 1: Harbour",
                [
                    "A/N: tw vomiting in this one",
                    "Ada stood on the quay.",
                    "The boat rocked and she was sick over the side.",
                ],
            ),
            Ao3Chapter("Chapter 2: Storm", [STORM, "They kicked him again and again."]),
            Ao3Chapter("Chapter 3: Floors", list(floors)),
            Ao3Chapter("Chapter 4: Tea", ["They ate pancakes.", "The kettle sang."]),
            *extra,
        ],
    )
    return ao3_html(work).encode()


HEADERS = {  # what members read above each chapter, before anyone reviewed anything
    1: f"⚠️ Warnings: **Vomit** (author, detected), {AUTHOR}\n",
    2: f"⚠️ Warnings: {AUTHOR}, **Violence** (detected), **War and mass violence** (detected)\n",
    3: f"⚠️ Warnings: {AUTHOR}\n",
    4: f"⚠️ Warnings: {AUTHOR}\n",
}


async def read(club: Club, story: str, chapter: int, member=None) -> str:
    return "\n".join(
        r.text for r in await club.slash("excerpt read", member=member or club.member, story=story, chapter=chapter)
    )


async def post(club: Club, story: str, chapter: int, channel) -> list:
    done = await club.slash(
        "excerpt post", member=club.admin, story=story, chapter=chapter, options={"channel": channel}
    )
    assert "Posted chapter" in done[-1].text
    return [m for m in club.messages(channel, include_replies=False) if m.text.startswith("📖")]


def decide(action: str, story: str, chapter: int, warning: str) -> str:
    return f"dogear:warn:{action}:{story}:{chapter}:{warning}:0"  # :0: the story's chapters never moved


def cli_json(tool, path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    assert tool.main(["--json", str(path)]) == 0
    return json.loads(capsys.readouterr().out)


async def test_a_clubs_week_of_warnings_agrees_everywhere(
    club: Club, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = await club.slash("story add", member=club.admin, file=("salt.html", salt_road()))
    assert "**Possible** (confirm or dismiss" in added[-1].text and "Blood and gore (chapters: 3)" in added[-1].text
    [choice] = await club.autocomplete("story info", "story", "salt", member=club.member)
    story = choice["value"]
    await club.slash("prefs avoid", member=club.other_member, warning="blood-gore", strict=True)
    await club.slash("prefs avoid", member=club.closed_dm_member, warning="grief", strict=True)
    await club.slash("prefs avoid", member=club.moderator, warning="grief")

    # The CLI on the same file says what the bot says, chapter by chapter, possible ones marked so.
    path = tmp_path / "salt.html"
    path.write_bytes(salt_road())
    previewed = cli_json(preview_tool, path, capsys)
    scanned = cli_json(scan_tool, path, capsys)
    for chapter in previewed["chapters"]:
        header = chapter["messages"][0]["content"]
        assert HEADERS[chapter["number"]] in header + "\n"
        assert HEADERS[chapter["number"]] in await read(club, story, chapter["number"], club.admin) + "\n"
    assert {"id": "blood-gore", "label": "Blood and gore", "tier": "possible", "source": "detected"} in previewed[
        "chapters"
    ][2]["warnings"]
    tiers = {(w["id"], w["tier"], w["source"]) for w in scanned["warnings"]}
    assert {
        ("vomit", "confident", "both"),
        ("death", "confident", "declared"),
        ("blood-gore", "possible", "detected"),
    } <= tiers

    # Members never see the possible blood; the strict avoider is asked, and the posted header agrees.
    [posted] = await post(club, story, 3, club.text_channel)
    assert HEADERS[3] in posted.text + "\n" and "Blood" not in posted.text
    assert "Blood" not in await read(club, story, 3)
    asked = await read(club, story, 3, club.other_member)
    assert "asked to avoid: **Blood and gore (possible)**" in asked
    info = (await club.slash("story info", member=club.member, story=story))[-1].text
    assert f"**Vomit** (author, detected), {AUTHOR}, **Violence** (detected)" in info and "Blood" not in info

    # A member reports a missed warning; only a strict avoider hears of it before an admin answers.
    thanks = await club.slash("warnings report", member=club.member, story=story, chapter=4, warning="grief")
    assert "Thank you" in thanks[-1].text
    assert "asked to avoid: **Grief (possible)**" in await read(club, story, 4, club.closed_dm_member)
    assert "Grief" not in await read(club, story, 4, club.moderator)
    refused = await club.slash("warnings review", member=club.member)
    assert refused[-1].ephemeral and "Manage Server" in refused[-1].text
    review = (await club.slash("warnings review", member=club.admin))[-1]
    assert (
        "**Grief** (`grief`) in chapter 4" in review.text
        and "**Blood and gore** (`blood-gore`) in chapter 3" in review.text
    )

    await club.restart()  # the review list's buttons still answer
    pressed = await club.forge_press(decide("c", story, 4, "grief"), member=club.member)
    assert "Manage Server" in pressed[-1].text
    confirmed = await club.click(review, decide("c", story, 4, "grief"), member=club.admin)
    assert "Confirmed **Grief** (`grief`) for chapter 4" in confirmed[-1].text
    dismissed = await club.click(review, decide("d", story, 3, "blood-gore"), member=club.admin)
    assert "Dismissed **Blood and gore**" in dismissed[-1].text
    assert "Nothing to review" in (await club.slash("warnings review", member=club.admin))[-1].text

    # The confirmed report shows everywhere for chapter 4, and only there; the dismissal asks nobody.
    assert f"⚠️ Warnings: {GRIEF}, {AUTHOR}\n" in await read(club, story, 4, club.other_member) + "\n"
    assert "Grief" not in await read(club, story, 3, club.other_member)  # nor the blood: dismissed
    assert "asked to avoid: **Grief**" in await read(club, story, 4, club.moderator)
    [posted] = await post(club, story, 4, club.general_channel)
    assert f"⚠️ Warnings: {GRIEF}, {AUTHOR}\n" in posted.text
    under = club.messages(club.general_channel, include_replies=False)[-1]  # the buttons follow the text
    privately = await club.click(under, "Read privately", member=club.moderator)
    assert "asked to avoid: **Grief**" in privately[-1].text
    info = (await club.slash("story info", member=club.member, story=story))[-1].text
    assert f"⚠️ Warnings: {GRIEF}, **Vomit**" in info
    page = (await club.slash("warnings story", member=club.admin, story=story))[-1].text
    assert "⚠️ **Grief** (`grief`, reported by a member, confirmed)" in page and "Possible warnings" not in page

    # The reminder leaves out both avoiders of grief; the discussion post names it with its source.
    for member in (club.member, club.other_member, club.closed_dm_member, club.moderator):
        await club.slash("progress set", member=member, story=story, chapter=3)
    shown = await club.slash("progress show", member=club.member)
    assert "3/4" in shown[-1].text
    await club.slash(
        "discussion schedule", member=club.admin, story=story, chapter=4, when="in 4 hours", remind="2h",
        channel=club.text_channel,
    )  # fmt: skip
    await advance(club, timedelta(hours=2))
    reminder = club.messages(club.text_channel, include_replies=False)[-1].text
    assert club.member.mention() in reminder and club.other_member.mention() in reminder
    assert club.moderator.mention() not in reminder and club.closed_dm_member.mention() not in reminder
    await advance(club, timedelta(hours=2))
    opened = club.messages(club.text_channel, include_replies=False)[-1].text
    assert f"**Content warnings:** {GRIEF}, {AUTHOR}" in opened and "Blood" not in opened

    # Another server sees none of it, and cannot decide on it.
    other = await club.add_guild("Elsewhere")
    assert "No story" in (await other.slash("story info", member=other.member, story=story))[-1].text
    assert "Nothing to review" in (await other.slash("warnings review", member=other.admin))[-1].text
    gone = await other.forge_press(decide("d", story, 4, "grief"), member=other.admin)
    assert "no longer in this server's library" in gone[-1].text
    assert f"⚠️ Warnings: {GRIEF}" in await read(club, story, 4)

    # The author rewrites chapter 3 and adds chapter 5 with a new warning of its own.
    cliff = Ao3Chapter("Chapter 5: Cliff", ["A/N: cw suicide", "She stood at the edge.", "The wind was cold."])
    rewritten = salt_road(["There was blood on the rug.", "Her knee was bleeding."], cliff)
    updated = await club.slash("story update", member=club.admin, story=story, file=("salt.html", rewritten))
    assert "chapter 3 changed, chapter 5 new" in updated[-1].text
    assert "Blood and gore (chapter 3)" in updated[-1].text and "**Suicide**" in updated[-1].text
    assert f"⚠️ Warnings: {AUTHOR}, **Suicide** (author)" in await read(club, story, 5)
    assert "Suicide" not in await read(club, story, 4)  # declared for chapter 5 alone
    assert f"⚠️ Warnings: {GRIEF}, {AUTHOR}\n" in await read(club, story, 4) + "\n"  # unchanged: kept
    assert "asked to avoid: **Blood and gore (possible)**" in await read(club, story, 3, club.other_member)
    again = (await club.slash("warnings review", member=club.admin))[-1].text
    assert "**Blood and gore** (`blood-gore`) in chapter 3" in again and "blood on the rug" in again
    info = (await club.slash("story info", member=club.member, story=story))[-1].text
    assert "**Suicide** (author)" in info and GRIEF in info and "Blood" not in info


async def test_a_possible_warning_is_named_at_import_though_another_chapter_carries_it_for_sure(club: Club) -> None:
    """Chapter 3's thin blood was waiting in ``/warnings story`` (and asked strict avoiders) while
    the ``/story add`` answer named only chapter 2's sure blood: the admin was never told of it."""
    text = salt_road(THIN_BLOOD).replace(STORM.encode(), SURE_BLOOD[0].encode())
    text = text.replace(b"They kicked him again and again.", SURE_BLOOD[1].encode())
    added = await club.slash("story add", member=club.admin, file=("sure.html", text))
    assert "**Blood and gore** (detected; chapters: 2)" in added[-1].text
    assert "• Blood and gore (chapters: 3)" in added[-1].text
    [choice] = await club.autocomplete("story info", "story", "salt", member=club.member)
    page = (await club.slash("warnings story", member=club.admin, story=choice["value"]))[-1].text
    assert "❔ **Blood and gore** (`blood-gore`) in chapter 3" in page
