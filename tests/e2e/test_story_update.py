"""``/story update`` through the Discord double: a work in progress gains a chapter; a wrong file is refused."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.devtools.driver import Club, Reply
from bot.discussions import store as discussions
from bot.progress.store import get_progress
from bot.story import plaintext
from bot.story.importer import content_hash, import_story
from bot.story.store import add_story, count_stories, get_story_record
from bot.warnings.service import chapter_warnings

TITLE = "The Lamp at Gull Point"
NEW_CHAPTER = (
    "\n\n# Chapter 5: The Keeper's Year\n\n"
    "By the next winter Nell knew the ferry timetable by heart and the names of every boat that passed the point."
    "\n\nShe wrote the last line of his unfinished sentence in the logbook herself, and then the date beneath it.\n"
)


def versions(sample_story: Path) -> tuple[bytes, bytes]:
    """The sample story with a fifth chapter, and with its fourth taken down."""
    text = sample_story.read_text(encoding="utf-8")
    return (text + NEW_CHAPTER).encode(), text[: text.index("# Chapter 4")].encode()


async def add_sample(club: Club, sample_story: Path) -> int:
    await club.slash("story add", member=club.admin, file=sample_story)
    [choice] = await club.autocomplete("story update", "story", "gull", member=club.admin)
    return int(choice["value"])


async def test_an_admin_takes_a_new_chapter_and_the_club_keeps_its_place(club: Club, sample_story: Path) -> None:
    story_id = await add_sample(club, sample_story)
    await club.slash("progress set", member=club.member, story=str(story_id), chapter=3)
    longer, _ = versions(sample_story)
    replies = await club.slash("story update", member=club.admin, story=str(story_id), file=("lamp.md", longer))
    answer = replies[-1]
    assert answer.ephemeral
    assert f"Updated **{TITLE}** (story id {story_id}, for commands): 5 chapters" in answer.text
    assert "Chapters 1-4 unchanged, chapter 5 new." in answer.text and "No new warnings" in answer.text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 1
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.id, story_id)) == 3
    info = await club.slash("story info", member=club.member, story=str(story_id))
    assert "Chapter 5: The Keeper's Year" in info[0].text
    again = await club.slash("story update", member=club.admin, story=str(story_id), file=("lamp.md", longer))
    assert again[-1].ephemeral and "nothing changed" in again[-1].text
    asked = await club.slash("story remove", member=club.admin, story=str(story_id))
    assert "`/story update` takes it and keeps all of that" in asked[0].text  # the way that keeps the club's place
    await club.click(asked[0], "Cancel", member=club.admin)


async def test_a_member_without_manage_server_is_refused(club: Club, sample_story: Path) -> None:
    story_id = await add_sample(club, sample_story)
    longer, _ = versions(sample_story)
    club.override_command_permissions("story")
    replies = await club.slash("story update", member=club.member, story=str(story_id), file=("lamp.md", longer))
    assert replies[-1].ephemeral and "Manage Server" in replies[-1].text
    record = await club.run(get_story_record(club.bot.db, club.guild.id, story_id))
    assert record.chapter_count == 4


async def test_fewer_chapters_need_replace_anyway_and_a_discussion_past_the_end_still_posts(
    club: Club, sample_story: Path
) -> None:
    story_id = await add_sample(club, sample_story)
    await club.slash("progress set", member=club.member, story=str(story_id), chapter=4)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story_id), chapter=4, when="in 2 hours", remind="none",
        channel=club.text_channel,
    )  # fmt: skip
    [discussion] = await club.run(discussions.list_discussions(club.bot.db, club.guild.id, now=club.clock.now()))
    _, shorter = versions(sample_story)
    refused = await club.slash("story update", member=club.admin, story=str(story_id), file=("lamp.md", shorter))
    assert refused[-1].ephemeral and "has 3 chapters" in refused[-1].text and "replace_anyway:True" in refused[-1].text
    replies = await club.slash(
        "story update", member=club.admin, story=str(story_id), file=("lamp.md", shorter), replace_anyway=True
    )
    text = replies[-1].text
    assert "chapter 4 taken down" in text and "1 member past chapter 3, now the last, was set back to it" in text
    assert f"#{discussion.id}" in text
    await club.clock.advance(timedelta(hours=2, minutes=1))
    await club.run(club.bot.get_cog("DiscussionCog").service.wait_idle())
    await club.settle()
    posts = club.messages(club.text_channel, include_replies=False)
    assert any(f"Discussion #{discussion.id}" in post.text and "chapter 4" in post.text for post in posts)
    posted = await club.run(discussions.get_discussion(club.bot.db, club.guild.id, discussion.id))
    assert posted.state == "posted"


async def test_reports_on_a_chapter_taken_down_are_kept_but_not_offered(club: Club, sample_story: Path) -> None:
    """A report (and its buttons in the moderation channel) outlives the chapter an update took down:
    the review does not offer it, and a press says why instead of confirming a warning nobody can read."""
    story_id = await add_sample(club, sample_story)
    await club.slash("config set", member=club.admin, mod_channel=club.general_channel)
    await club.slash("warnings report", member=club.member, story=str(story_id), chapter=4, warning="vomit")
    await club.slash("warnings report", member=club.member, story=str(story_id), chapter=2, warning="vomit")
    [posted, _] = club.messages(club.general_channel)
    _, shorter = versions(sample_story)
    await club.slash(
        "story update", member=club.admin, story=str(story_id), file=("lamp.md", shorter), replace_anyway=True
    )
    review = (await club.slash("warnings review", member=club.admin))[-1]
    assert "in chapter 2 of" in review.text and "in chapter 4 of" not in review.text
    decisions = [
        button["custom_id"].split(":") for button in review.buttons if button["custom_id"].startswith("dogear:warn:")
    ]
    assert decisions and all(parts[4] != "4" for parts in decisions)  # the chapter (paging buttons hold other numbers)
    pressed = await club.click(posted, f"dogear:warn:c:{story_id}:4:vomit:0", member=club.admin)
    assert pressed[-1].ephemeral and "chapter 4 was taken down by `/story update`" in pressed[-1].text
    decided = await club.run(
        club.bot.db.fetch_value("SELECT count(*) FROM warning_reviews WHERE guild_id = ?", (club.guild.id,))
    )
    still_open = await club.run(
        club.bot.db.fetch_value(
            "SELECT count(*) FROM warning_reports WHERE guild_id = ? AND status = 'open'", (club.guild.id,)
        )
    )
    assert decided == 0 and still_open == 2  # kept, in case the chapter comes back


async def test_a_discussion_of_a_chapter_taken_down_says_so_wherever_members_read_it(
    club: Club, sample_story: Path
) -> None:
    """After an update leaves 3 chapters, a discussion of chapter 4 still posts: nowhere may it ask
    members to catch up with chapter 4, and those who read chapter 3, the last, are let in."""
    story_id = await add_sample(club, sample_story)
    await club.slash("progress set", member=club.member, story=str(story_id), chapter=4)
    await club.slash("progress set", member=club.other_member, story=str(story_id), chapter=1)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story_id), chapter=4, when="in 2 days", remind="1d",
        channel=club.text_channel,
    )  # fmt: skip
    _, shorter = versions(sample_story)
    await club.slash(
        "story update", member=club.admin, story=str(story_id), file=("lamp.md", shorter), replace_anyway=True
    )
    gone = "Chapter 4 is no longer in the story, which has 3 chapters now."
    progress = (await club.slash("progress club", member=club.member, story=str(story_id)))[-1].text
    assert "next discussion (chapter 4)" not in progress
    assert f"The next discussion is of chapter 4. {gone}" in progress
    assert "Caught up with the latest chapter (chapter 3): 1" in progress
    agenda = (await club.slash("schedule", member=club.member))[-1].text
    assert "chapter 4 ·" in agenda and "no longer in the story, which has 3 chapters now" in agenda
    assert "you have read them all" in agenda
    listing = (await club.slash("discussion list", member=club.admin))[-1].text
    assert "chapter 4 (no longer in the story)" in listing

    await club.clock.advance(timedelta(days=1, minutes=1))
    await club.run(club.bot.get_cog("DiscussionCog").service.wait_idle())
    await club.settle()
    [reminder] = club.messages(club.text_channel, include_replies=False)
    assert gone in reminder.text and "Not at chapter 3, the last, yet:" in reminder.text
    assert club.other_member.mention() in reminder.text and club.member.mention() not in reminder.text

    await club.clock.advance(timedelta(days=1))
    await club.run(club.bot.get_cog("DiscussionCog").service.wait_idle())
    await club.settle()
    post = club.messages(club.text_channel, include_replies=False)[-1]
    assert gone in post.text and "1 member has read chapter 3, the last, so far." in post.text
    assert "Members who mark chapter 3 as read are added to the thread." in post.text
    [thread] = [t for t in club.threads if t.parent_id == club.text_channel.id]
    assert club.member.id in thread.member_ids and club.other_member.id not in thread.member_ids
    await club.slash("progress set", member=club.other_member, story=str(story_id), chapter=3)
    await club.settle()
    assert club.other_member.id in club.channel(thread.id).member_ids


async def test_a_story_imported_with_its_dedication_as_chapter_1_moves_to_the_book_s_numbers(
    club: Club, sample_story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older Dogear stored the dedication as chapter 1: the same file again makes it a note, and
    every member's place moves down with the chapters instead of the file being refused."""
    text = sample_story.read_text(encoding="utf-8")
    start = text.index("# Chapter 1")
    data = f"{text[:start]}# Dedication\n\nFor my grandmother, who kept the tide tables.\n\n{text[start:]}".encode()
    with monkeypatch.context() as patched:  # read as Dogear read it before dedications were notes
        patched.setattr(plaintext, "split_front_pages", lambda items: ([], items))
        old = import_story(data, "lamp.md", max_bytes=len(data))
    story_id = await club.run(
        add_story(club.bot.db, club.guild.id, old, content_hash=content_hash(old), added_by=None, now=0.0)
    )
    await club.slash("progress set", member=club.member, story=str(story_id), chapter=3)  # the book's chapter 2
    await club.slash("progress set", member=club.other_member, story=str(story_id), chapter=1)  # the dedication
    replies = await club.slash("story update", member=club.admin, story=str(story_id), file=("lamp.md", data))
    answer = replies[-1]
    assert answer.ephemeral and "Chapters 1-4 unchanged." in answer.text
    assert "The dedication is now a note (shown in `/story info`); chapter numbers moved down by one" in answer.text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.id, story_id)) == 2
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.other_member.id, story_id)) == 0
    info = (await club.slash("story info", member=club.member, story=str(story_id)))[0].text
    assert "For my grandmother, who kept the tide tables." in info and "4 chapters" in info


async def test_many_discussions_past_the_end_are_counted_and_led_to_where_all_are_listed(
    club: Club, sample_story: Path
) -> None:
    """Twelve discussions of the chapter taken down: the answer names ten and leads to the rest; it
    ended "and 2 more" with no way to tell which. A chapter is scheduled once now, so these are
    written as a database from before that rule could hold them."""
    story_id = await add_sample(club, sample_story)
    start = club.clock.now() + timedelta(days=1)
    insert = (
        "INSERT INTO discussions (guild_id, story_id, chapter, due_at, channel_id, channel_explicit, created_by,"
        " created_at, updated_at) VALUES (?, ?, 4, ?, ?, 1, 1, 0, 0)"
    )
    ids = [
        await club.run(
            club.bot.db.execute(
                insert, (club.guild.id, story_id, (start + timedelta(hours=n)).timestamp(), club.text_channel.id)
            )
        )
        for n in range(12)
    ]
    _, shorter = versions(sample_story)
    replies = await club.slash(
        "story update", member=club.admin, story=str(story_id), file=("lamp.md", shorter), replace_anyway=True
    )
    text = replies[-1].text
    named = ", ".join(f"#{number}" for number in ids[:10])
    assert f"no longer has: {named} and 2 more (`/discussion list` shows them all)." in text
    listed = await club.slash("discussion list", member=club.admin)
    assert all(f"#{number}" in "".join(reply.text for reply in listed) for number in ids)


PROLOGUE = (
    "# Prologue: The First Keeper\n\n"
    "Forty years before Nell came, her grandfather carried the first logbook up the hundred and twelve steps."
    "\n\nHe wrote the date, the wind and the state of the sea, and he did it every evening after that.\n\n"
)


async def test_a_prologue_added_moves_the_club_s_confirmation_progress_and_discussion_with_their_chapters(
    club: Club, sample_story: Path
) -> None:
    """The author added a prologue: what the club kept on chapter 3 (a confirmed warning, a member's
    place, a scheduled discussion) is on chapter 4 after the update, the same text; before, it stayed
    on "chapter 3", now the old chapter 2."""
    story_id = await add_sample(club, sample_story)
    await club.slash("config set", member=club.admin, mod_channel=club.general_channel)
    await club.slash("warnings report", member=club.member, story=str(story_id), chapter=3, warning="vomit")
    [posted] = club.messages(club.general_channel)
    confirmed = await club.click(posted, f"dogear:warn:c:{story_id}:3:vomit:0", member=club.admin)
    assert "Confirmed **Vomit** (`vomit`) for chapter 3" in confirmed[-1].text
    await club.slash("progress set", member=club.member, story=str(story_id), chapter=3)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story_id), chapter=3, when="in 2 days", remind="none",
        channel=club.text_channel,
    )  # fmt: skip
    [discussion] = await club.run(discussions.list_discussions(club.bot.db, club.guild.id, now=club.clock.now()))
    text = sample_story.read_text(encoding="utf-8")
    start = text.index("# Chapter 1")
    with_prologue = f"{text[:start]}{PROLOGUE}{text[start:]}".encode()

    replies = await club.slash("story update", member=club.admin, story=str(story_id), file=("lamp.md", with_prologue))
    answer = replies[-1]
    assert answer.ephemeral and "Chapters 2-5 unchanged, chapter 1 new." in answer.text
    assert (
        "A new chapter 1 was added; chapters 1-4 are now 2-5, and reading progress, discussions, posts and warning "
        "decisions moved with them." in answer.text
    )
    assert "1 member had read past the new chapter 1, so it counts as read for them" in answer.text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.id, story_id)) == 4
    moved = await club.run(discussions.get_discussion(club.bot.db, club.guild.id, discussion.id))
    assert moved.chapter == 4 and moved.state == "scheduled"
    info = (await club.slash("story info", member=club.member, story=str(story_id)))[0].text
    assert "`  4` Chapter 4: The Storm" in info and "The First Keeper" in info
    ids = [w.id for w in await club.run(chapter_warnings(club.bot.db, club.guild.id, story_id, 4))]
    assert "vomit" in ids  # the confirmation stayed with The Storm
    ids = [w.id for w in await club.run(chapter_warnings(club.bot.db, club.guild.id, story_id, 3))]
    assert "vomit" not in ids
    listing = (await club.slash("discussion list", member=club.admin))[-1].text
    assert "chapter 4" in listing


async def decisions(club: Club, story_id: int) -> set[tuple[int, str, str]]:
    """The (chapter, warning, decision) rows admins stored for the story."""
    rows = await club.run(
        club.bot.db.fetch_all(
            "SELECT chapter, warning_id, decision FROM warning_reviews WHERE guild_id = ? AND story_id = ?",
            (club.guild.id, story_id),
        )
    )
    return {(row[0], row[1], row[2]) for row in rows}


async def test_confirm_and_dismiss_shown_before_chapters_moved_decide_the_chapter_the_admin_saw(
    club: Club, sample_story: Path
) -> None:
    """A review page and a report's post in the moderation channel, shown before a prologue was added:
    their buttons carried the chapter's number alone, and Confirm on chapter 3 confirmed the warning on
    the chapter now numbered 3 (the old chapter 2). They carry how far the chapters had moved now, so a
    press decides the chapter the admin saw, under its new number; one taken out since stores nothing."""
    story_id = await add_sample(club, sample_story)
    await club.slash("config set", member=club.admin, mod_channel=club.general_channel)
    await club.slash("warnings report", member=club.member, story=str(story_id), chapter=3, warning="vomit")
    await club.slash("warnings report", member=club.other_member, story=str(story_id), chapter=2, warning="vomit")
    [_, of_chapter_two] = club.messages(club.general_channel)
    review = (await club.slash("warnings review", member=club.admin))[-1]
    assert f"dogear:warn:c:{story_id}:3:vomit:0" in {button["custom_id"] for button in review.buttons}
    text = sample_story.read_text(encoding="utf-8")
    start = text.index("# Chapter 1")
    with_prologue = f"{text[:start]}{PROLOGUE}{text[start:]}".encode()
    updated = await club.slash("story update", member=club.admin, story=str(story_id), file=("l.md", with_prologue))
    assert "chapters 1-4 are now 2-5" in updated[-1].text

    confirmed = await club.click(review, f"dogear:warn:c:{story_id}:3:vomit:0", member=club.admin)
    assert confirmed[-1].ephemeral
    assert "Confirmed **Vomit** (`vomit`) for chapter 4 (chapter 3 when this was shown" in confirmed[-1].text
    dismissed = await club.click(of_chapter_two, f"dogear:warn:d:{story_id}:2:vomit:0", member=club.admin)
    assert "Dismissed **Vomit** (`vomit`) for chapter 3 (chapter 2 when this was shown" in dismissed[-1].text
    assert await decisions(club, story_id) == {(4, "vomit", "confirmed"), (3, "vomit", "dismissed")}
    assert "vomit" in {w.id for w in await club.run(chapter_warnings(club.bot.db, club.guild.id, story_id, 4))}
    assert "vomit" not in {w.id for w in await club.run(chapter_warnings(club.bot.db, club.guild.id, story_id, 3))}

    await club.slash("warnings report", member=club.member, story=str(story_id), chapter=1, warning="vomit")
    of_prologue = club.messages(club.general_channel)[-1]
    assert f"dogear:warn:c:{story_id}:1:vomit:1" in {button["custom_id"] for button in of_prologue.buttons}
    updated = await club.slash(
        "story update", member=club.admin, story=str(story_id), file=("l.md", sample_story.read_bytes()),
        replace_anyway=True,
    )  # fmt: skip
    assert "Chapter 1 was taken out; chapters 2-5 are now 1-4" in updated[-1].text
    [refused] = await club.click(of_prologue, f"dogear:warn:c:{story_id}:1:vomit:1", member=club.admin)
    assert refused.ephemeral and "chapter 1 was taken out of the story, so nothing was stored" in refused.text
    assert await decisions(club, story_id) == {(3, "vomit", "confirmed"), (2, "vomit", "dismissed")}


# --- paging buttons shown before the chapters moved ---------------------------------------------

PLACES = ["harbour", "orchard", "quarry", "chapel", "ferry", "lighthouse"]


def red_floors(chapters: list[int]) -> bytes:
    """A story whose every chapter has a possible Blood and gore (a thin sign), each told apart by its place."""
    return "".join(
        f"# Chapter {n}: The {PLACES[n - 1].title()}\n\nThere was blood on the floor.\n\nHis hand was bleeding.\n\n"
        f"They walked down to the {PLACES[n - 1]} after supper and stood there until the lamps were lit.\n\n"
        for n in chapters
    ).encode()


def confirm_chapters(reply: Reply) -> list[int]:
    return [int(b["custom_id"].split(":")[4]) for b in reply.buttons if b["custom_id"].startswith("dogear:warn:c:")]


def paging_id(reply: Reply, label: str) -> str:
    return next(b["custom_id"] for b in reply.buttons if b["label"] == label)


async def test_paging_buttons_shown_before_chapters_moved_go_on_from_the_item_the_admin_saw(club: Club) -> None:
    """The review list's Previous / Show again / Next carried a bare chapter: after a prologue was
    added, Next from a page showing chapters 1-4 went on after the chapter now numbered 4 (the old 3)
    and showed the old chapter 4 again; after a chapter was taken out it skipped one. They carry
    how far the chapters had moved, as Confirm does, and go on from the item the admin saw."""
    added = await club.slash("story add", member=club.admin, file=("floors.md", red_floors([1, 2, 3, 4, 5, 6])))
    story_id = int(added[-1].text.split("(story id ")[1].split(",")[0])
    review = (await club.slash("warnings review", member=club.admin))[-1]
    assert confirm_chapters(review) == [1, 2, 3, 4] and "Items 1–4 of 6" in review.text
    assert paging_id(review, "Next ▶") == f"dogear:review:a:p:{story_id}:4:blood-gore:0"
    prologue = b"# Prologue\n\nThe town was quiet that year and nobody spoke of the sea at all.\n\n"
    updated = await club.slash(
        "story update", member=club.admin, story=str(story_id), file=("floors.md", prologue + red_floors(range(1, 7)))
    )
    assert "chapters 1-6 are now 2-7" in updated[-1].text

    following = await club.click(review, "Next ▶", member=club.admin)
    [page] = [reply for reply in following if reply.id == review.id]
    assert confirm_chapters(page) == [6, 7] and "Items 5–6 of 6" in page.text  # the old 5 and 6, none again
    back = await club.click(page, "◀ Previous", member=club.admin)
    [shown] = [reply for reply in back if reply.id == review.id]
    assert confirm_chapters(shown) == [2, 3, 4, 5]  # the old 1-4, as the admin saw them
    assert paging_id(shown, "Next ▶") == f"dogear:review:a:p:{story_id}:5:blood-gore:1"

    updated = await club.slash(
        "story update", member=club.admin, story=str(story_id), file=("floors.md", red_floors([1, 2, 3, 5, 6])),
        replace_anyway=True,
    )  # fmt: skip
    assert "taken out" in updated[-1].text
    following = await club.click(shown, "Next ▶", member=club.admin)  # after the old 4, the old 5 comes next
    [page] = [reply for reply in following if reply.id == review.id]
    assert confirm_chapters(page) == [4, 5] and "Items 4–5 of 5" in page.text
    # A key on the chapter taken out goes on from where it stood: after the chapter before it.
    gone = await club.forge_press(f"dogear:review:f:p:{story_id}:4:blood-gore:0", member=club.admin)
    assert confirm_chapters(gone[-1]) == [4, 5]
    old = await club.forge_press(f"dogear:review:a:p:{story_id}:3:blood-gore", member=club.admin)
    assert confirm_chapters(old[-1]) == [4, 5]  # an id from before keys carried moves: its chapter as it reads now


# --- lists cut short say where every chapter is --------------------------------------------------

SURE_BLOOD = "The knife slipped and blood ran over the table.\n\nHer arm was bleeding badly.\n\n"  # confident
GULL = "A gull sat on the rail that week and would not leave it until the bell rang.\n\n"


def twenty(bloody: set[int], changed: set[int]) -> bytes:
    """Twenty chapters told apart by their numbers: ``bloody`` ones carry a sure Blood and gore,
    ``changed`` ones a closing line more."""
    return "".join(
        f"# Chapter {n}\n\nIn the {n}th week the keeper counted the boats twice and wrote each one down by name.\n\n"
        + (SURE_BLOOD if n in bloody else "")
        + (GULL if n in changed else "")
        for n in range(1, 21)
    ).encode()


def chapter_lines(info: str) -> dict[int, str]:
    """``/story info``'s chapter lines, by number."""
    return {int(line[1:4]): line for line in info.splitlines() if line.startswith("`") and line[1:4].strip().isdigit()}


async def test_cut_short_chapter_runs_name_the_command_that_shows_every_one(club: Club) -> None:
    """Past eight runs a list of chapters ended "and 2 more": `/story add`'s warning lines and
    `/story update`'s changed chapters named no place that shows which. `/story info` now marks each
    chapter's own warnings and what the last update did to it, and the cut lists name it."""
    odd, even = set(range(1, 21, 2)), set(range(2, 21, 2))
    added = await club.slash("story add", member=club.admin, file=("weeks.md", twenty(odd, set())))
    story_id = int(added[-1].text.split("(story id ")[1].split(",")[0])
    info_each = f"(`/story info story:{story_id}` marks each)"
    assert f"chapters: 1, 3, 5, 7, 9, 11, 13, 15 and 2 more {info_each}" in added[-1].text
    info = (await club.slash("story info", member=club.member, story=str(story_id)))[-1].text
    assert [n for n, line in chapter_lines(info).items() if "⚠️ **Blood and gore**" in line] == sorted(odd)

    updated = await club.slash("story update", member=club.admin, story=str(story_id), file=("w.md", twenty(odd, even)))
    assert f"chapters 2, 4, 6, 8, 10, 12, 14, 16 and 2 more {info_each} changed" in updated[-1].text
    assert f"and 2 more (the ones `/story info story:{story_id}` does not mark) unchanged" in updated[-1].text
    lines = chapter_lines((await club.slash("story info", member=club.member, story=str(story_id)))[-1].text)
    assert [n for n, line in lines.items() if line.endswith(" · changed by the last update")] == sorted(even)
    assert "⚠️ **Blood and gore**" in lines[1] and "last update" not in lines[1]
