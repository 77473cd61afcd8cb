"""Two tiers, reviews and members' reports on a real SQLite file (issue 13, points 3 and 4)."""

from __future__ import annotations

import json

import pytest

from bot.db import Database, load_migrations, split_statements
from bot.errors import UserError
from bot.guilds import update_settings
from bot.progress import prefs
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from bot.warnings import reviews, service, store
from bot.warnings.declared import Declared
from bot.warnings.engine import CONFIDENT, POSSIBLE, STRONG_WEIGHT, ScanReport, scan
from bot.warnings.rules import default_ruleset

GUILD = 1001
OTHER = 2002
THIN_BLOOD = ["There was blood on the floor.", "His hand was bleeding."]  # two weak hits: possible blood-gore
DEATH = ["The old man died in the night."]


def story(*chapters: list[str]) -> Story:
    return Story(
        StoryMeta("Red Floors"),
        [Chapter(n, None, [Scene(list(paragraphs))]) for n, paragraphs in enumerate(chapters, start=1)],
        "txt",
    )


async def stored(db: Database, guild_id: int, value: Story, key: str = "a") -> int:
    report = await service.scan_for_guild(db, guild_id, value)
    story_id = await add_story(db, guild_id, value, content_hash=key, added_by=1, now=0.0)
    async with db.transaction() as tx:
        await service.save_scan(tx, guild_id, story_id, report, rules_version=await service.rules_version(db, guild_id))
    return story_id


def test_thin_evidence_is_possible_and_a_threshold_pass_is_confident() -> None:
    report = scan(story(THIN_BLOOD, DEATH), default_ruleset(), declared=Declared())
    assert report.detected_ids() == {"death"}
    assert report.detected_ids(POSSIBLE) == {"blood-gore"}
    assert report.detected_ids("both") == {"death", "blood-gore"}
    assert [w.tier for w in report.warnings] == [CONFIDENT]
    possible = report.possible[0]
    assert possible.tier == POSSIBLE and possible.chapters == [1] and possible.evidence
    assert report.chapters[0].possible[0].id == "blood-gore" and report.chapters[0].warnings == []


SURE_BLOOD = ["The knife slipped and blood ran over the table.", "Her arm was bleeding badly."]  # confident blood-gore


def test_a_chapter_s_possible_warning_is_listed_though_another_chapter_carries_it_for_sure() -> None:
    """Chapter 3's thin blood was left out of the report's possible warnings because chapter 2's
    blood is sure: ``/story add`` and ``scan --json`` never named it, while chapter 3's header does
    not show it, ``/warnings story`` offered it and a strict avoider was asked about it."""
    report = scan(story(["They ate pancakes."], SURE_BLOOD, THIN_BLOOD), default_ruleset(), declared=Declared())
    [sure] = report.warnings
    assert sure.id == "blood-gore" and sure.chapters == [2]
    [possible] = report.possible
    assert possible.id == "blood-gore" and possible.chapters == [3] and possible.evidence[0].chapter == 3
    [listed] = report.to_json(possible=True)["warnings"]  # once, at its strongest tier, its thin chapter named
    assert (listed["id"], listed["tier"], listed["possible_chapters"]) == ("blood-gore", CONFIDENT, [3])


def test_a_possible_warning_the_author_declared_for_its_chapter_is_not_listed() -> None:
    declared_story = story(["They ate pancakes."], THIN_BLOOD)
    declared_story.chapters[1].declared_warnings = ["TW: blood"]
    report = scan(declared_story, default_ruleset(), declared=Declared())
    assert report.possible == [] and report.warnings[0].declared_chapters == [2]
    declared_story.chapters[1].declared_warnings = []
    declared_story.chapters[0].declared_warnings = ["TW: blood"]  # another chapter's: chapter 2's is still open
    report = scan(declared_story, default_ruleset(), declared=Declared())
    assert [(w.id, w.chapters) for w in report.possible] == [("blood-gore", [2])]


def test_a_single_weak_hit_is_not_even_possible() -> None:
    report = scan(story(["There was blood on the floor."]), default_ruleset(), declared=Declared())
    assert report.detected_ids("both") == set()


def test_one_strong_hit_that_falls_short_is_possible() -> None:
    """A lone hit of a rule weighing STRONG_WEIGHT or more, below the threshold, is real evidence an
    admin should see; members see nothing until an admin confirms it."""
    report = scan(
        story(["A bottle smashed against the wall right behind them."]), default_ruleset(), declared=Declared()
    )
    assert report.detected_ids() == set()
    assert report.detected_ids(POSSIBLE) == {"violence"}
    (possible,) = report.possible
    assert STRONG_WEIGHT <= possible.score < 1.0 and possible.evidence


def test_tiers_survive_the_stored_record() -> None:
    report = scan(story(THIN_BLOOD, DEATH), default_ruleset(), declared=Declared())
    again = ScanReport.from_record(report.to_record())
    assert again.detected_ids(POSSIBLE) == {"blood-gore"} and again.possible[0].tier == POSSIBLE
    texts = [(e.paragraph, e.text) for e in again.chapters[0].possible[0].evidence]
    assert texts == [(e.paragraph, e.text) for e in report.chapters[0].possible[0].evidence]
    assert all(item["tier"] in (CONFIDENT, POSSIBLE) for item in report.to_json(possible=True)["warnings"])


async def test_members_never_see_possible_warnings_until_confirmed(db: Database) -> None:
    story_id = await stored(db, GUILD, story(THIN_BLOOD, DEATH))
    assert "blood-gore" not in {w.id for w in await service.chapter_warnings(db, GUILD, story_id, 1)}
    assert "blood-gore" not in {w.id for w in await service.story_warnings(db, GUILD, story_id)}
    [possible] = await reviews.possible_warnings(db, GUILD, story_id)
    assert (possible.chapter, possible.id) == (1, "blood-gore")

    assert await reviews.confirm_warning(db, GUILD, story_id, 1, "blood-gore", user_id=9, now=1.0) == reviews.Decided(
        1, 0
    )
    header = await service.chapter_warnings(db, GUILD, story_id, 1)
    assert ("blood-gore", "confirmed") in {(w.id, w.source) for w in header}
    assert "blood-gore" not in {w.id for w in await service.chapter_warnings(db, GUILD, story_id, 2)}
    assert "blood-gore" in {w.id for w in await service.story_warnings(db, GUILD, story_id)}
    assert await reviews.possible_warnings(db, GUILD, story_id) == []  # decided: not offered again
    again = await reviews.confirm_warning(db, GUILD, story_id, 1, "blood-gore", user_id=8, now=2.0)
    assert again == reviews.Decided(1, 0, already=True)  # a second press changes nothing and says so
    flipped = await reviews.dismiss_warning(db, GUILD, story_id, 1, "blood-gore", user_id=8, now=3.0)
    assert not flipped.already
    await reviews.confirm_warning(db, GUILD, story_id, 1, "blood-gore", user_id=9, now=4.0)
    await service.rescan_guild(db, GUILD)  # a rescan keeps the decision
    assert "blood-gore" in {w.id for w in await service.chapter_warnings(db, GUILD, story_id, 1)}
    assert await service.chapter_warnings(db, OTHER, story_id, 1) == []  # scoped to its server


async def test_a_dismissed_possible_warning_is_not_offered_again(db: Database) -> None:
    story_id = await stored(db, GUILD, story(THIN_BLOOD))
    await reviews.dismiss_warning(db, GUILD, story_id, 1, "blood-gore", user_id=9, now=1.0)
    assert await reviews.possible_warnings(db, GUILD, story_id) == []
    await service.rescan_guild(db, GUILD)
    assert await reviews.possible_warnings(db, GUILD, story_id) == []
    assert "blood-gore" not in {w.id for w in await service.chapter_warnings(db, GUILD, story_id, 1)}
    assert (await reviews.review_slice(db, GUILD)).items == []


async def test_a_report_is_stored_once_per_member_chapter_and_warning(db: Database) -> None:
    story_id = await stored(db, GUILD, story(["A quiet walk."], ["Another."]))
    new = await reviews.report_warning(
        db, GUILD, 7, story=str(story_id), chapter=2, warning="Vomit", note=" he  was sick "
    )
    assert (new.report.warning_id, new.report.chapter, new.report.note) == ("vomit", 2, "he was sick")
    assert new.label == "Vomit" and new.story_title == "Red Floors"
    assert new.mod_channel_id is None  # no moderation channel set: the report waits in /warnings review
    with pytest.raises(UserError, match="already reported"):
        await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=2, warning="vomit")
    await reviews.report_warning(db, GUILD, 8, story=str(story_id), chapter=2, warning="vomit")  # another member
    [item] = (await reviews.review_slice(db, GUILD)).items
    assert item.reports == 2 and item.notes == ("he was sick",)
    assert (await reviews.confirm_warning(db, GUILD, story_id, 2, "vomit", user_id=1)).closed == 2
    assert "vomit" in {w.id for w in await service.chapter_warnings(db, GUILD, story_id, 2)}
    assert (await reviews.review_slice(db, GUILD)).items == []
    # confirmed, it shows there, so there is nothing left to report
    with pytest.raises(UserError, match="already shows"):
        await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=2, warning="vomit")
    # dismissed, the report is closed and the same member may report the same thing again
    await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=1, warning="vomit")
    assert (await reviews.dismiss_warning(db, GUILD, story_id, 1, "vomit", user_id=1)).closed == 1
    await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=1, warning="vomit")


async def test_a_warning_the_chapter_already_shows_is_not_reported(db: Database) -> None:
    """Members see it there already: a report would only give the admins an item with nothing to decide."""
    story_id = await stored(db, GUILD, story(["A quiet walk."], DEATH))
    with pytest.raises(UserError, match=r"Chapter 2 of \*\*Red Floors\*\* already shows \*\*Death\*\*"):
        await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=2, warning="death")
    await reviews.confirm_warning(db, GUILD, story_id, 1, "vomit", user_id=1)  # an admin's confirmation shows too
    with pytest.raises(UserError, match="already shows"):
        await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=1, warning="Vomit")
    assert await db.fetch_value("SELECT count(*) FROM warning_reports") == 0
    await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=1, warning="death")  # not shown there
    await service.set_override(
        db, GUILD, story_id, "death", "remove", user_id=1
    )  # an admin hid it: members may disagree
    await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=2, warning="death")
    assert await db.fetch_value("SELECT count(*) FROM warning_reports") == 2


@pytest.mark.parametrize(
    ("story_ref", "chapter", "warning", "note", "message"),
    [
        ("No Such Story", 1, "vomit", "", "No story in this server's library"),
        ("{id}", 3, "vomit", "", "pick a chapter from 1 to 2"),
        ("{id}", 0, "vomit", "", "pick a chapter from 1 to 2"),
        ("{id}", 1, "dragons", "", "There is no warning “dragons”"),
        ("{id}", 1, "vomit", "x" * 301, "Keep the note to 300 characters"),
    ],
)
async def test_bad_reports_get_a_clear_answer_and_store_nothing(
    db: Database, story_ref: str, chapter: int, warning: str, note: str, message: str
) -> None:
    story_id = await stored(db, GUILD, story(["A."], ["B."]))
    with pytest.raises(UserError, match=message):
        await reviews.report_warning(
            db, GUILD, 7, story=story_ref.format(id=story_id), chapter=chapter, warning=warning, note=note
        )
    assert await db.fetch_value("SELECT count(*) FROM warning_reports") == 0


async def test_at_most_20_reports_per_member_per_day_by_the_injected_clock(db: Database) -> None:
    story_id = await stored(db, GUILD, story(*[["A."]] * 25))
    day = 1_000_000.0
    for chapter in range(1, 21):
        await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=chapter, warning="vomit", now=day)
    with pytest.raises(UserError, match="20 reports today"):
        await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=21, warning="vomit", now=day + 60)
    await reviews.report_warning(db, GUILD, 8, story=str(story_id), chapter=21, warning="vomit", now=day + 60)
    await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=21, warning="vomit", now=day + 86_401)
    assert await db.fetch_value("SELECT count(*) FROM warning_reports WHERE reporter_id = 7") == 21


async def test_reports_stay_in_their_server(db: Database) -> None:
    story_id = await stored(db, GUILD, story(["A."]))
    with pytest.raises(UserError, match="No story"):
        await reviews.report_warning(db, OTHER, 7, story=str(story_id), chapter=1, warning="vomit")
    await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=1, warning="vomit")
    assert (await reviews.review_slice(db, OTHER)).items == []


async def test_a_strict_avoider_is_asked_about_possible_warnings(db: Database) -> None:
    story_id = await stored(db, GUILD, story(THIN_BLOOD))
    await prefs.avoid(db, GUILD, 7, "blood-gore")
    assert await prefs.possible_for_reader(db, GUILD, 7, story_id, 1) == []
    await prefs.avoid(db, GUILD, 7, "blood-gore", strict=True)
    [marked] = await prefs.possible_for_reader(db, GUILD, 7, story_id, 1)
    assert marked.id == "blood-gore" and marked.avoided and marked.source == "possible"
    await prefs.avoid(db, GUILD, 7, "blood-gore")  # strict left as it was
    assert await prefs.strictly_avoided(db, GUILD, 7) == {"blood-gore"}
    await reviews.dismiss_warning(db, GUILD, story_id, 1, "blood-gore")
    assert await prefs.possible_for_reader(db, GUILD, 7, story_id, 1) == []


async def test_a_scan_made_with_older_rules_is_made_again_when_read(db: Database) -> None:
    story_id = await stored(db, GUILD, story(["A spider crawled over the pillow."]))
    async with db.transaction() as tx:  # as if the rules moved on while the bot was down
        await tx.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0) ON CONFLICT DO NOTHING", (GUILD,))
        await tx.execute(
            "INSERT INTO warning_categories (guild_id, id, label, created_at) VALUES (?, 'spiders', 'Spiders', 0)",
            (GUILD,),
        )
        await tx.execute(
            "INSERT INTO warning_rules (guild_id, category, kind, pattern, created_at) VALUES (?, 'spiders', 'phrase', '~spider', 0)",
            (GUILD,),
        )
        await tx.execute("INSERT INTO warning_rule_versions (guild_id, version) VALUES (?, 1)", (GUILD,))
    assert [w.id for w in await service.chapter_warnings(db, GUILD, story_id, 1)] == ["spiders"]


async def test_the_queue_is_read_a_page_at_a_time_and_every_report_can_be_reached(db: Database) -> None:
    """Reports were read 2,000 rows at most and items 100 at most, so the rest could never be decided."""
    story_id = await stored(db, GUILD, story(*[["A quiet walk."]] * 30))
    async with db.transaction() as tx:
        for chapter in range(1, 31):
            for reporter in range(3):
                await store.insert_report(tx, GUILD, story_id, chapter, "vomit", reporter, f"note {reporter}", 1.0)
    first = await reviews.review_slice(db, GUILD)
    assert len(first.items) == reviews.PER_PAGE + 1 and first.total == 30 and first.start == 0
    last = await reviews.review_slice(db, GUILD, page=8)
    assert [item.chapter for item in last.items] == [29, 30] and last.start == 28
    seen, key = [], None
    while True:  # Next after Next: every item once, in order
        shown = await reviews.review_slice(db, GUILD, key=key, mode="a") if key else first
        page = shown.items[: reviews.PER_PAGE]
        seen += [item.chapter for item in page]
        if shown.start + len(page) >= shown.total:
            break
        key = page[-1].key
    assert seen == list(range(1, 31))
    assert {(item.reports, item.notes) for item in first.items} == {(3, ("note 0", "note 1"))}
    with pytest.raises(UserError, match="There are only 8 pages here"):
        await reviews.review_slice(db, GUILD, page=9)


async def test_deciding_an_item_does_not_make_next_skip_the_one_that_moved_up(db: Database) -> None:
    """Page 2 by number, after a decision on page 1, started one item late: the item that moved up
    onto page 1 was on neither page the admin saw. Paging by key, and the page read again, show it."""
    story_id = await stored(db, GUILD, story(*[THIN_BLOOD] * 12))  # a possible warning in each of 12 chapters
    page = (await reviews.review_slice(db, GUILD)).items[: reviews.PER_PAGE]
    assert [item.chapter for item in page] == [1, 2, 3, 4]
    await reviews.dismiss_warning(db, GUILD, story_id, 1, "blood-gore", user_id=1)
    again = await reviews.review_slice(db, GUILD, key=page[0].key, mode="f")  # the same page, read again
    assert [item.chapter for item in again.items[: reviews.PER_PAGE]] == [2, 3, 4, 5] and again.total == 11
    following = await reviews.review_slice(db, GUILD, key=page[-1].key, mode="a")  # Next on the page first shown
    assert [item.chapter for item in following.items[: reviews.PER_PAGE]] == [5, 6, 7, 8]
    back = await reviews.review_slice(db, GUILD, key=following.items[0].key, mode="b")
    assert [item.chapter for item in back.items[: reviews.PER_PAGE]] == [2, 3, 4, 5]
    for chapter in range(9, 13):  # the last page decided elsewhere: its Show again shows what is left
        await reviews.confirm_warning(db, GUILD, story_id, chapter, "blood-gore", user_id=1)
    left = await reviews.review_slice(db, GUILD, key=reviews.QueueKey("p", story_id, 9, "blood-gore"), mode="f")
    assert [item.chapter for item in left.items] == [5, 6, 7, 8] and left.total == 7


async def test_a_story_page_pages_by_key_and_a_decision_does_not_make_next_skip(db: Database) -> None:
    """/warnings story paged by number: after a decision on page 1, page 2 began one late. Its pages
    go by key (chapter and warning within the story) like the review list's."""
    story_id = await stored(db, GUILD, story(*[THIN_BLOOD] * 10))
    first = await reviews.story_overview(db, GUILD, str(story_id))
    assert first.from_start and first.total == 10 and first.start == 0
    page = first.possible[: reviews.PER_PAGE]
    assert [item.chapter for item in page] == [1, 2, 3, 4]
    await reviews.dismiss_warning(db, GUILD, story_id, 1, "blood-gore", user_id=1)
    again = await reviews.story_page(db, GUILD, first.start_key, "f")  # the first page, read again
    assert again.from_start and [item.chapter for item in again.possible[: reviews.PER_PAGE]] == [2, 3, 4, 5]
    following = await reviews.story_page(db, GUILD, page[-1].key, "a")  # Next on the page first shown
    assert not following.from_start and following.start == 3 and following.total == 9
    assert [item.chapter for item in following.possible[: reviews.PER_PAGE]] == [5, 6, 7, 8]
    back = await reviews.story_page(db, GUILD, following.possible[0].key, "b")
    assert back.from_start and [item.chapter for item in back.possible[: reviews.PER_PAGE]] == [2, 3, 4, 5]
    numbered = await reviews.story_overview(db, GUILD, str(story_id), page=3)
    assert not numbered.from_start and [item.chapter for item in numbered.possible] == [10]
    with pytest.raises(UserError, match="pick a page from 1 to 3"):
        await reviews.story_overview(db, GUILD, str(story_id), page=4)
    with pytest.raises(UserError, match="no longer in this server's library"):  # another server's story
        await reviews.story_page(db, OTHER, first.start_key, "f")


async def test_the_review_list_reads_no_stored_scan(db: Database) -> None:
    """A deep page decoded every story's stored scan up to it, on the event loop: the list is read from
    its own rows now, so a scan report nobody could decode does not even slow it."""
    for key in "abc":
        await stored(db, GUILD, story(THIN_BLOOD, DEATH), key=key)
    async with db.transaction() as tx:
        await tx.execute("UPDATE story_scans SET report = 'not json'")
    shown = await reviews.review_slice(db, GUILD)
    assert [(item.chapter, item.warning_id) for item in shown.items] == [(1, "blood-gore")] * 3
    assert shown.items[0].evidence[0].text == "There was blood on the floor."


async def test_the_story_page_reads_no_stored_scan(db: Database) -> None:
    """/warnings story and each press of its buttons decoded the story's whole stored scan (megabytes
    for a long story) on the event loop: its warnings and its list are read from their own rows now."""
    story_id = await stored(db, GUILD, story(THIN_BLOOD, DEATH, THIN_BLOOD))
    async with db.transaction() as tx:
        await tx.execute("UPDATE story_scans SET report = 'not json'")
    first = await reviews.story_overview(db, GUILD, str(story_id))
    assert [w.id for w in first.warnings] == ["death"] and first.total == 2
    assert [(item.chapter, item.id) for item in first.possible] == [(1, "blood-gore"), (3, "blood-gore")]
    assert first.possible[0].evidence[0].text == "There was blood on the floor."
    following = await reviews.story_page(db, GUILD, first.possible[0].key, "a")
    assert [item.chapter for item in following.possible] == [3]
    assert [w.id for w in await service.chapter_warnings(db, GUILD, story_id, 2)] == ["death"]
    assert [p.id for p in await reviews.possible_in_chapter(db, GUILD, story_id, 3)] == ["blood-gore"]


async def test_a_reported_possible_warning_is_listed_in_one_place(db: Database) -> None:
    """A possible warning with an open report was on /warnings story as a possible one while the
    review listed it as a report: both now list it as the report, and the story page says so."""
    story_id = await stored(db, GUILD, story(THIN_BLOOD, THIN_BLOOD))
    async with db.transaction() as tx:
        await store.insert_report(tx, GUILD, story_id, 1, "blood-gore", 7, "", 1.0)
    queue = await reviews.review_slice(db, GUILD)
    assert [(item.chapter, item.reports) for item in queue.items] == [(1, 1), (2, 0)]
    page = await reviews.story_overview(db, GUILD, str(story_id))
    assert [item.chapter for item in page.possible] == [2] and page.total == 1 and page.reported == 1
    # Reminders still leave out a member who avoids it strictly: it is possible, reported or not.
    assert [p.id for p in await reviews.possible_in_chapter(db, GUILD, story_id, 1)] == ["blood-gore"]


async def test_scans_stored_before_their_summary_are_summed_up(db: Database) -> None:
    """Migrations 0020 and 0029 write the summary of scans already stored (read from their JSON)."""
    declared = Story(
        StoryMeta("Red Floors", declared_warnings=["Major Character Death", "Warnings: drowning"]),
        [Chapter(1, None, [Scene(DEATH)]), Chapter(2, None, [Scene(["Il pleuvait sur la ville ce soir-là."] * 8)])],
        "txt",
    )
    story_id = await stored(db, GUILD, declared)
    expected = await service.story_warnings(db, GUILD, story_id)
    assert "The author also warns of: drowning" in [warning.label for warning in expected]
    summary = await db.fetch_value("SELECT summary FROM story_scans")
    async with db.transaction() as tx:
        await tx.execute("UPDATE story_scans SET summary = ''")  # as before the migration
        for migration in [m for m in load_migrations() if m.version in (20, 29)]:
            for statement in split_statements(migration.sql):
                if "ALTER TABLE" not in statement:  # the backfill alone: the column is there
                    await tx.execute(statement)
    assert json.loads(await db.fetch_value("SELECT summary FROM story_scans")) == json.loads(summary)
    assert await service.story_warnings(db, GUILD, story_id) == expected


async def test_scans_stored_before_the_list_existed_are_listed(db: Database) -> None:
    """Migration 0017 lists the possible warnings of scans already stored (read from their JSON)."""
    story_id = await stored(db, GUILD, story(THIN_BLOOD, THIN_BLOOD))
    async with db.transaction() as tx:
        await tx.execute("DROP TABLE possible_warnings")  # as before the migration
        [migration] = [m for m in load_migrations() if m.version == 17]
        for statement in split_statements(migration.sql):
            await tx.execute(statement)
    shown = await reviews.review_slice(db, GUILD)
    assert [(item.story_id, item.chapter) for item in shown.items] == [(story_id, 1), (story_id, 2)]
    assert shown.items[0].evidence[0].paragraph == 1


async def test_reports_on_a_chapter_taken_down_stay_but_cannot_be_decided(db: Database) -> None:
    """A /story update that takes chapters down keeps their reports; deciding one says why it cannot be."""
    story_id = await stored(db, GUILD, story(["A quiet walk."], ["Another."]))
    async with db.transaction() as tx:
        await store.insert_report(tx, GUILD, story_id, 3, "vomit", 7, "", 1.0)  # chapter 3 was taken down
        await store.insert_report(tx, GUILD, story_id, 2, "vomit", 7, "", 1.0)
    queue = await reviews.review_slice(db, GUILD)
    assert [(item.chapter, item.warning_id) for item in queue.items] == [(2, "vomit")]
    with pytest.raises(UserError, match="chapter 3 was taken down by `/story update`"):
        await reviews.confirm_warning(db, GUILD, story_id, 3, "vomit", user_id=1)
    with pytest.raises(UserError, match="has 2 chapters now"):
        await reviews.dismiss_warning(db, GUILD, story_id, 3, "vomit", user_id=1)
    assert await db.fetch_value("SELECT count(*) FROM warning_reports WHERE status = 'open'") == 2
    assert await db.fetch_value("SELECT count(*) FROM warning_reviews") == 0


async def test_a_report_names_the_moderation_channel_it_is_posted_to(db: Database) -> None:
    story_id = await stored(db, GUILD, story(["A quiet walk."]))
    await update_settings(db, GUILD, 0.0, mod_channel_id=4242)
    await update_settings(db, OTHER, 0.0, mod_channel_id=5353)
    new = await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=1, warning="vomit")
    assert new.mod_channel_id == 4242


async def test_the_review_list_reads_stored_titles_tidied(db: Database) -> None:
    """A possible warning's story title reached the review list raw: a row stored before imports tidied
    titles (a bidi override, a line break) turned the item's line around, though reports read it tidied."""
    story_id = await stored(db, GUILD, story(THIN_BLOOD))
    await db.execute("UPDATE stories SET title = ? WHERE id = ?", ("\u202eRed\nFloors", story_id))
    [item] = (await reviews.review_slice(db, GUILD)).items
    assert item.story_title == "Red Floors"
