"""Where each warning a member sees comes from, on a real SQLite file (issue 13, point 5).

The header, the discussion post and ``/story info`` name the source; these tests pin what
the service says it is: the author, detection, an admin's story override, an admin's
confirmation of a possible warning, or a member's report an admin confirmed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.db import Database
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from bot.tools.scan import main
from bot.warnings import reviews, service

GUILD = 1001
THIN_BLOOD = ["There was blood on the floor.", "His hand was bleeding."]  # possible blood-gore
DEATH = ["The old man died in the night."]  # confident death


async def stored(db: Database, *chapters: list[str], declared: tuple[str, ...] = ()) -> int:
    value = Story(
        StoryMeta("Red Floors", declared_warnings=list(declared)),
        [Chapter(n, None, [Scene(list(paragraphs))]) for n, paragraphs in enumerate(chapters, start=1)],
        "txt",
    )
    story_id = await add_story(db, GUILD, value, content_hash="a", added_by=1, now=0.0)
    await service.rescan_story(db, GUILD, story_id)
    return story_id


async def sources(db: Database, story_id: int, chapter: int | None = None) -> dict[str, str]:
    if chapter is None:
        found = await service.story_warnings(db, GUILD, story_id)
    else:
        found = await service.chapter_warnings(db, GUILD, story_id, chapter)
    return {w.id: w.source for w in found}


async def test_detected_and_admin_confirmed_are_told_apart(db: Database) -> None:
    story_id = await stored(db, THIN_BLOOD, DEATH)
    assert await sources(db, story_id, 2) == {"death": "detected"}
    await reviews.confirm_warning(db, GUILD, story_id, 1, "blood-gore", user_id=9, now=1.0)
    assert await sources(db, story_id, 1) == {"blood-gore": "confirmed"}
    assert await sources(db, story_id) == {"blood-gore": "confirmed", "death": "detected"}
    header = await service.chapter_warnings(db, GUILD, story_id, 1)
    assert [w.tier for w in header] == ["confident"]


async def test_a_confirmed_report_is_labelled_as_reported(db: Database) -> None:
    story_id = await stored(db, THIN_BLOOD, DEATH)
    await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=2, warning="vomit", now=1.0)
    assert "vomit" not in await sources(db, story_id, 2)  # an open report shows nothing yet
    await reviews.confirm_warning(db, GUILD, story_id, 2, "vomit", user_id=9, now=2.0)
    chapter_two = await service.chapter_warnings(db, GUILD, story_id, 2)
    assert [(w.id, w.source) for w in chapter_two] == [("vomit", "reported"), ("death", "detected")]  # admins' first
    assert (await sources(db, story_id))["vomit"] == "reported"
    # the same warning confirmed elsewhere without a report is "confirmed" there; the story says "reported"
    await reviews.confirm_warning(db, GUILD, story_id, 1, "vomit", user_id=9, now=3.0)
    assert (await sources(db, story_id, 1))["vomit"] == "confirmed"
    assert (await sources(db, story_id))["vomit"] == "reported"


async def test_a_dismissed_report_shows_nothing(db: Database) -> None:
    story_id = await stored(db, THIN_BLOOD, DEATH)
    await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=2, warning="vomit", now=1.0)
    await reviews.dismiss_warning(db, GUILD, story_id, 2, "vomit", user_id=9, now=2.0)
    assert await sources(db, story_id, 2) == {"death": "detected"}


async def test_author_and_story_overrides(db: Database) -> None:
    story_id = await stored(db, DEATH, declared=("Major Character Death",))
    found = await sources(db, story_id, 1)
    assert found["death"] == "both"
    await service.set_override(db, GUILD, story_id, "vomit", "add", user_id=9, now=1.0)
    assert (await sources(db, story_id, 1))["vomit"] == "override"
    assert (await sources(db, 999, 1)) == {}  # another story: nothing


def test_scan_names_every_warning_s_source_and_tier(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "red.txt"
    path.write_text(
        "Title: Red Floors\nWarnings: Major Character Death, Vomiting\n\n"
        "There was blood on the floor.\n\nHis hand was bleeding.\n\nThe old man died in the night.\n"
    )
    assert main([str(path), "--json"]) == 0
    found = {w["id"]: (w["source"], w["tier"]) for w in json.loads(capsys.readouterr().out)["warnings"]}
    assert found["death"] == ("both", "confident")
    assert found["blood-gore"] == ("detected", "possible")
    assert all(tier in ("confident", "possible") for _, tier in found.values())
    declared_only = [wid for wid, (source, _) in found.items() if source == "declared"]
    assert declared_only and all(found[wid][1] == "confident" for wid in declared_only)
    assert main([str(path)]) == 0
    text = capsys.readouterr().out
    assert f"[{declared_only[0]}] (author; confident)" in text
    assert "[blood-gore] (detected; possible, score" in text
