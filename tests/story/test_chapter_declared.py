"""Warnings an author declares for one chapter ("CW for this chapter: self-harm" in its notes).

That chapter carries them, the others do not; the story's own tags and notes stay story-wide.
Pinned from the import (every format with chapter notes), through the scan and its stored
record, to what each surface shows: ``preview``/``scan --json``, a chapter's header, the whole
story, the possible warnings offered for review, and stories imported before chapters had their own.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bot.db import Database, load_migrations, migrate, open_database
from bot.story.importer import import_story
from bot.story.limits import MAX_DECLARATIONS
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story, load_story
from bot.tools import scan as scan_tool
from bot.tools.preview import chapter_warnings
from bot.warnings import reviews, service
from bot.warnings.engine import ScanReport, scan
from bot.warnings.rules import default_ruleset
from tests.story.builders import Ao3Chapter, Ao3Work, ao3_epub, ao3_html

LIMIT = 1 << 20
GUILD = 1001
NOTE = "CW for this chapter: self-harm. Look after yourselves."
CALM = ["The sea was flat that morning.", "She walked to the harbour and bought bread."]


def _work(*, story_tags: list[str] | None = None) -> Ao3Work:
    return Ao3Work(
        title="Harbour Lights",
        author="saltmarsh",
        archive_warnings=["No Archive Warnings Apply"],
        additional_tags=story_tags or ["Fluff"],
        summary="Two sisters and a lighthouse.",
        notes=None,
        end_notes=None,
        chapters=[
            Ao3Chapter("Chapter 1: Fog", ["The fog came in early that year.", "Nell lit the lamp."]),
            Ao3Chapter("Chapter 2: Rocks", ["Nell sat by the window all night.", "Morning came."], notes=NOTE),
            Ao3Chapter("Chapter 3: Dawn", ["The lamp was still burning at dawn."]),
        ],
    )


def _ids(story: Story) -> dict[int, set[str]]:
    return {number: {w.id for w in shown} for number, shown in chapter_warnings(story).items()}


def _plain_text() -> str:
    return (
        "The Lighthouse\nby Mara Quill\n\nChapter 1: Arrival\n\nShe came to the island in spring.\n\n"
        "She unpacked her books and made tea.\n\nChapter 2: Storm\n\nA/N: CW for this chapter: self-harm\n\n"
        "The storm came at night.\n\nIn the morning the boats were gone.\n\nChapter 3: Calm\n\n"
        "The sea was flat. She walked to the harbour and bought bread.\n"
    )


@pytest.mark.parametrize("shape", ["html", "epub"])
def test_an_ao3_chapter_note_warns_for_that_chapter_alone(shape: str) -> None:
    work = _work()
    data = ao3_html(work).encode() if shape == "html" else ao3_epub(work)
    story = import_story(data, f"harbour.{shape}", max_bytes=LIMIT)
    assert story.meta.declared_warnings == []
    assert [c.declared_warnings for c in story.chapters] == [[], ["CW for this chapter: self-harm"], []]
    assert _ids(story) == {1: set(), 2: {"self-harm"}, 3: set()}
    [shown] = chapter_warnings(story)[2]
    assert (shown.source, shown.source_note) == ("declared", "author")


@pytest.mark.parametrize("name", ["lighthouse.txt", "lighthouse.md"])
def test_a_plain_text_or_markdown_chapter_note_warns_for_that_chapter(name: str) -> None:
    """Before, an "A/N: CW ..." in a chapter of a text file was kept as a note and warned nobody."""
    text = _plain_text()
    if name.endswith(".md"):
        text = text.replace("Chapter ", "## Chapter ").replace("The Lighthouse\n", "# The Lighthouse\n", 1)
    story = import_story(text.encode(), name, max_bytes=LIMIT)
    assert [c.declared_warnings for c in story.chapters] == [[], ["CW for this chapter: self-harm"], []]
    assert _ids(story) == {1: set(), 2: {"self-harm"}, 3: set()}


def test_the_storys_own_tag_stays_on_every_chapter() -> None:
    story = import_story(ao3_html(_work(story_tags=["Self-Harm"])).encode(), "harbour.html", max_bytes=LIMIT)
    assert _ids(story) == {1: {"self-harm"}, 2: {"self-harm"}, 3: {"self-harm"}}
    [found] = scan(story, default_ruleset()).warnings
    assert found.declared_chapters == [] and found.source == "declared"


def test_scan_json_names_the_chapters_the_author_declared_it_for(tmp_path: Path, capsys) -> None:
    path = tmp_path / "harbour.html"
    path.write_text(ao3_html(_work()), encoding="utf-8")
    assert scan_tool.main([str(path), "--json"]) == 0
    [found] = json.loads(capsys.readouterr().out)["warnings"]
    assert (found["id"], found["source"], found["declared_chapters"]) == ("self-harm", "declared", [2])


def test_declared_for_one_chapter_and_detected_in_another() -> None:
    story = Story(
        StoryMeta("Salt"),
        [
            Chapter(1, None, [Scene(["The old man died in the night."])]),
            Chapter(2, None, [Scene(list(CALM))], declared_warnings=["TW: character death"]),
        ],
        "txt",
    )
    report = scan(story, default_ruleset())
    [death] = report.warnings
    assert (death.id, death.source, death.chapters, death.declared_chapters) == ("death", "both", [1, 2], [2])
    shown = chapter_warnings(story)
    assert [(w.id, w.source) for w in shown[1]] == [("death", "detected")]
    assert [(w.id, w.source) for w in shown[2]] == [("death", "declared")]


def test_a_scan_stored_before_chapters_had_their_own_stays_story_wide() -> None:
    """A stored record without ``declared_chapters`` was made when every declaration was the story's."""
    story = Story(StoryMeta("Old", declared_warnings=["CW: self-harm"]), [Chapter(1, None, [Scene(CALM)])], "txt")
    record = scan(story, default_ruleset()).to_record()
    for warning in record["warnings"]:
        del warning["declared_chapters"]
    old = ScanReport.from_record(record)
    assert old.declared_for(1) == old.declared_for(7) == ["self-harm"]


async def _stored(db: Database) -> int:
    story = Story(
        StoryMeta("Harbour Lights", declared_warnings=["TW: vomiting"]),
        [
            Chapter(1, None, [Scene(list(CALM))]),
            Chapter(2, None, [Scene(["There was blood on the floor.", "His hand was bleeding."])], ["A note"]),
            Chapter(3, None, [Scene(list(CALM))]),
        ],
        "txt",
    )
    story.chapters[1].declared_warnings = ["CW: self-harm, blood"]
    story_id = await add_story(db, GUILD, story, content_hash="h", added_by=1, now=0.0)
    await service.rescan_story(db, GUILD, story_id)
    return story_id


async def test_a_stored_chapter_keeps_its_declarations_and_its_header_shows_them(db: Database) -> None:
    story_id = await _stored(db)
    loaded = await load_story(db, GUILD, story_id)
    assert loaded is not None
    assert [c.declared_warnings for c in loaded.chapters] == [[], ["CW: self-harm, blood"], []]
    headers = {n: [w.id for w in await service.chapter_warnings(db, GUILD, story_id, n)] for n in (1, 2, 3)}
    assert headers == {1: ["vomit"], 2: ["blood-gore", "self-harm", "vomit"], 3: ["vomit"]}
    whole = {w.id: w.source for w in await service.story_warnings(db, GUILD, story_id)}
    assert whole == {"blood-gore": "declared", "self-harm": "declared", "vomit": "declared"}
    # The thin blood in chapter 2 is not offered for review there: the author declared it for that chapter.
    assert not [p for p in await reviews.possible_warnings(db, GUILD, story_id) if p.id == "blood-gore"]
    reminded = await reviews.chapter_warnings_and_possible(db, GUILD, story_id, 1)
    assert "self-harm" not in {w.id for w in reminded}


async def test_a_story_imported_before_the_migration_keeps_what_it_has(tmp_path: Path) -> None:
    """Then the chapter's declaration was written into the story's: every chapter keeps showing it."""
    path = tmp_path / "old.sqlite3"
    migrations = load_migrations()
    old = await open_database(path, run_migrations=False)
    await migrate(old, migrations[:15])
    await old.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", (GUILD,))
    await old.execute(
        "INSERT INTO stories (id, guild_id, title, declared_warnings, chapter_count, words, content_hash)"
        " VALUES (1, ?, 'Old', '[\"CW for this chapter: self-harm\"]', 2, 8, 'x')",
        (GUILD,),
    )
    for number in (1, 2):
        await old.execute(
            "INSERT INTO chapters (guild_id, story_id, number, scenes, notes, words) VALUES (?, 1, ?, ?, '[]', 4)",
            (GUILD, number, json.dumps([["The sea was flat."]])),
        )
    await old.close()
    db = await open_database(path)
    try:
        loaded = await load_story(db, GUILD, 1)
        assert loaded is not None and [c.declared_warnings for c in loaded.chapters] == [[], []]
        for number in (1, 2):
            assert [w.id for w in await service.chapter_warnings(db, GUILD, 1, number)] == ["self-harm"]
    finally:
        await db.close()


def test_an_end_note_warning_of_the_next_chapter_warns_for_that_chapter() -> None:
    """Authors often warn in one chapter's end notes of what the next one holds."""
    work = _work()
    work.chapters[0].end_notes = "Thanks for reading! CW for the next chapter: suicide."
    story = import_story(ao3_html(work).encode(), "harbour.html", max_bytes=LIMIT)
    assert _ids(story) == {1: set(), 2: {"self-harm", "suicide"}, 3: set()}


@pytest.mark.parametrize(
    ("where", "note"),
    [
        ("end_notes", "Heads up, the next chapter is a heavy one.\nTW: suicide"),
        ("notes", "Sorry this took so long, the next chapter will be quicker. CW: suicide."),
        ("notes", "I'll post the next chapter on Friday.\n\nWarnings: suicide"),
    ],
)
def test_a_warning_after_a_sentence_about_the_next_chapter_warns_for_both(where: str, note: str) -> None:
    """A warning in a sentence of its own after one naming the next chapter may be for either: in
    an end note it warns of the next chapter, in a note before the text of this one. Before, it
    went to the next chapter alone, and a member reading chapter 1 after "the next chapter will be
    quicker. CW: suicide" in its opening note was not warned."""
    work = _work()
    setattr(work.chapters[0], where, note)
    story = import_story(ao3_html(work).encode(), "harbour.html", max_bytes=LIMIT)
    assert _ids(story) == {1: {"suicide"}, 2: {"self-harm", "suicide"}, 3: set()}


def test_a_note_of_many_declarations_is_read_in_one_pass() -> None:
    """Each declaration copied the chapter's whole list: 30,000 in one note took 45 s, and an
    8 MB file of them held a worker past its time limit."""
    declarations = "".join(f"TW: blood{number}. " for number in range(30_000))
    text = f"Chapter 1\n\nA/N: {declarations}\n\nThe tide went out.\n\nChapter 2\n\nThe tide came in.\n"
    start = time.process_time()  # CPU time: the work done, which a busy machine does not stretch
    story = import_story(text.encode(), "tides.txt", max_bytes=LIMIT)
    assert time.process_time() - start < 10
    kept = story.chapters[0].declared_warnings  # the first ones, once each (bot.story.limits.MAX_DECLARATIONS)
    assert kept[:2] == ["blood0", "blood1"] or kept[:2] == ["TW: blood0", "TW: blood1"]
    assert len(kept) == MAX_DECLARATIONS
    assert story.chapters[1].declared_warnings == []


def test_this_chapter_and_the_next_in_one_note_each_go_where_they_say() -> None:
    work = _work()
    work.chapters[1].notes = "CW for this chapter: self-harm. Next chapter is lighter! CW for next chapter: blood."
    work.chapters[2].end_notes = "TW for the next chapter: suicide"  # the last chapter: nothing follows it
    story = import_story(ao3_html(work).encode(), "harbour.html", max_bytes=LIMIT)
    # the last chapter's warning for a chapter not posted yet lands on none (it is no warning of chapter 3)
    assert _ids(story) == {1: set(), 2: {"self-harm"}, 3: {"blood-gore"}}


GERMAN_NOTE = "CW für dieses Kapitel: Selbstverletzung, Suizidgedanken. Passt auf euch auf."


def _german_work() -> Ao3Work:
    work = _work()
    work.chapters[1].notes = GERMAN_NOTE
    work.chapters[2].end_notes = None
    return work


def _german_plain_text() -> str:
    return (
        "Der Leuchtturm\nvon Mara Quill\n\nKapitel 1\n\nSie kam im Frühling auf die Insel.\n\n"
        f"Sie packte ihre Bücher aus.\n\nKapitel 2\n\nA/N: {GERMAN_NOTE}\n\n"
        "Der Sturm kam in der Nacht.\n\nAm Morgen waren die Boote fort.\n\nKapitel 3\n\n"
        "Das Meer war ruhig. Sie ging zum Hafen und kaufte Brot.\n"
    )


@pytest.mark.parametrize("name", ["leuchtturm.txt", "leuchtturm.md", "harbour.html", "harbour.epub"])
def test_a_chapter_note_in_german_warns_for_that_chapter(name: str) -> None:
    """ "CW für dieses Kapitel: ..." stayed a plain note: members of a German club were warned of nothing."""
    if name.endswith(".html"):
        data = ao3_html(_german_work()).encode()
    elif name.endswith(".epub"):
        data = ao3_epub(_german_work())
    else:
        text = _german_plain_text()
        if name.endswith(".md"):
            text = text.replace("Kapitel ", "## Kapitel ").replace("Der Leuchtturm\n", "# Der Leuchtturm\n", 1)
        data = text.encode()
    story = import_story(data, name, max_bytes=LIMIT)
    declared = "CW für dieses Kapitel: Selbstverletzung, Suizidgedanken"
    assert [c.declared_warnings for c in story.chapters] == [[], [declared], []]
    assert _ids(story) == {1: set(), 2: {"self-harm", "suicide"}, 3: set()}


def test_a_german_end_note_warning_of_the_next_chapter_warns_for_that_chapter() -> None:
    work = _work()
    work.chapters[0].end_notes = "Danke fürs Lesen! Triggerwarnung für das nächste Kapitel: Tod."
    story = import_story(ao3_html(work).encode(), "harbour.html", max_bytes=LIMIT)
    assert _ids(story) == {1: set(), 2: {"self-harm", "death"}, 3: set()}


@pytest.mark.parametrize(
    ("note", "warning"),
    [
        ("A/N: tw vomiting in this one", "vomit"),
        ("A/N: sorry for the wait!! tw self harm in this one", "self-harm"),
        ("A/N: cw blood for this chapter", "blood-gore"),
    ],
)
def test_a_bare_tw_naming_its_chapter_after_the_list_declares_for_it(note: str, warning: str) -> None:
    """ "tw for self harm in this one" declared; "tw self harm in this one" (the same without "for")
    was kept as a note and warned nobody: the chapter it names was read as part of the list."""
    text = _plain_text().replace("A/N: CW for this chapter: self-harm", note)
    imported = import_story(text.encode(), "lighthouse.txt", max_bytes=LIMIT)
    assert imported.chapters[1].declared_warnings == [note.removeprefix("A/N: ").split("!! ")[-1]]
    assert warning in _ids(imported)[2] and warning not in _ids(imported)[1]


def test_a_bare_tw_over_what_is_no_warning_stays_a_note() -> None:
    text = _plain_text().replace("A/N: CW for this chapter: self-harm", "A/N: tw spoilers in this chapter")
    imported = import_story(text.encode(), "lighthouse.txt", max_bytes=LIMIT)
    assert imported.chapters[1].declared_warnings == [] and "tw spoilers in this chapter" in imported.chapters[1].notes
