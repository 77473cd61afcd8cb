"""``/warnings``: categories, test, rules add/remove/list/disable/enable, story overrides."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club, Reply
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import insert_story
from bot.warnings import service, store
from tests.warnings.test_cost import STORED, letter_runs

SPIDERS = Story(
    StoryMeta("Webs"),
    [Chapter(1, None, [Scene(["A spider crawled over the pillow.", "She slept on."])])],
    "txt",
)


async def add_story(club: Club, value: Story = SPIDERS) -> int:
    async def go() -> int:
        async with club.bot.db.transaction() as tx:
            return await insert_story(tx, club.guild.id, value, content_hash=value.meta.title, added_by=1, now=0.0)

    return await club.run(go)


async def warning_ids(club: Club, story_id: int) -> set[str]:
    return {w.id for w in await club.run(service.story_warnings(club.bot.db, club.guild.id, story_id))}


async def test_categories_lists_the_taxonomy_for_everyone(club: Club) -> None:
    reply = (await club.slash("warnings categories", member=club.member))[0]
    assert reply.ephemeral
    assert "`miscarriage`" in reply.text and "`abusive-language`" in reply.text
    assert "Major Character Death" in reply.text  # the AO3 mapping


async def test_categories_show_the_servers_changes(club: Club) -> None:
    await club.slash("warnings rules add", member=club.admin, category="spiders", pattern="~spider", new_category=True)
    await club.slash("warnings rules disable", member=club.admin, target="vomit")
    text = (await club.slash("warnings categories", member=club.member))[0].text
    assert "`spiders`" in text and "added by this server" in text and "+1 server rule" in text
    assert "detection off" in text


async def test_test_shows_detections_with_evidence(club: Club) -> None:
    reply = (await club.slash("warnings test", member=club.member, text="The old soldier died in the snow."))[0]
    assert reply.ephemeral
    assert "Death" in reply.text and "`death`" in reply.text and "paragraph 1" in reply.text
    quiet = (await club.slash("warnings test", member=club.member, text="I'm dying to see it. Nobody died."))[0]
    assert "This server's rules find nothing in that text that members would be warned of." in quiet.text
    assert "threshold" not in quiet.text


async def test_story_text_in_test_cannot_ping(club: Club) -> None:
    reply = (await club.slash("warnings test", member=club.member, text="@everyone he died <@&123>"))[0]
    assert not reply.message.pinged_everyone and not reply.message.pinged_roles


async def test_add_list_remove_a_rule_rescans_stories(club: Club) -> None:
    story_id = await add_story(club)
    assert await warning_ids(club, story_id) == set()
    replies = await club.slash(
        "warnings rules add", member=club.admin, category="spiders", pattern="~spider", new_category=True
    )
    assert replies[-1].ephemeral and "Added rule #" in replies[-1].text and "Re-scanned 1 story" in replies[-1].text
    assert ", a phrase, for **Spiders** (`spiders`): `~spider`." in replies[-1].text  # the label, then the id
    assert await warning_ids(club, story_id) == {"spiders"}
    listed = (await club.slash("warnings rules list", member=club.admin))[0]
    assert "[spiders] phrase: `~spider`" in listed.text
    rule = (await club.run(service.list_rules(club.bot.db, club.guild.id)))[0]
    choices = await club.autocomplete("warnings rules remove", "rule", "spi", member=club.admin)
    assert choices and choices[0]["value"] == service.rule_value(rule)  # its number, and a digest of it
    # A member sees no rule there: the command refuses them, and its pattern is the admins'.
    for command, option in (("rules remove", "rule"), ("rules disable", "target"), ("rules enable", "target")):
        assert await club.autocomplete(f"warnings {command}", option, "", member=club.member) == []
    removed = await club.slash("warnings rules remove", member=club.admin, rule=str(rule.id))
    assert f"Removed rule #{rule.id}, a phrase, for **Spiders** (`spiders`): `~spider`." in removed[-1].text
    assert "the category `spiders` is gone too" in removed[-1].text
    assert await warning_ids(club, story_id) == set()


async def test_a_rule_past_the_cost_budget_is_refused_privately_and_the_list_says_why(club: Club) -> None:
    """Rules stored before the budget (alternations of letter runs that can start at any letter)
    keep scanning; no rule is added on top of them, and the list names the costliest."""
    first = await club.run(store_rules(club, [letter_runs(n) for n in range(STORED)]))
    replies = await club.slash(
        "warnings rules add", member=club.admin, category="violence", pattern=letter_runs(999), kind="regex"
    )
    assert replies[-1].ephemeral and "more than about twice as long as with the default rules alone" in replies[-1].text
    assert len(await club.run(service.list_rules(club.bot.db, club.guild.id))) == STORED
    listed = (await club.slash("warnings rules list", member=club.admin))[0]
    assert "**Over budget:**" in listed.text and "They are still used" in listed.text
    costliest = int(listed.text.split("The costliest is #", 1)[1].split(".", 1)[0])
    assert first <= costliest < first + STORED


async def store_rules(club: Club, patterns: list[str]) -> int:
    """Regex rules written as an older Dogear stored them, without today's checks; the first one's id."""
    async with club.bot.db.transaction() as tx:
        ids = [await store.insert_rule(tx, club.guild.id, "violence", "regex", p, None, 0.0) for p in patterns]
        await store.bump_version(tx, club.guild.id)
    return ids[0]


def is_a_sentence(text: str) -> bool:
    """A refusal read on its own starts with a capital and ends with a full stop (not a rules file's fragment)."""
    return text[:1].isupper() and text.endswith(".")


async def test_regex_rules_and_their_refusals(club: Club) -> None:
    replies = await club.slash(
        "warnings rules add", member=club.admin, category="violence", pattern=r"\bcudgel(l?ed)?\b", kind="regex"
    )
    assert "Added rule #" in replies[-1].text
    for pattern, message in [
        (r"(\w+) \1", "backreferences"),
        (r"kill(?! time)", "lookahead and lookbehind"),
        ("(unclosed", "does not compile"),
    ]:
        replies = await club.slash(
            "warnings rules add", member=club.admin, category="death", pattern=pattern, kind="regex"
        )
        assert replies[-1].ephemeral and message in replies[-1].text.lower()
        assert is_a_sentence(replies[-1].text), replies[-1].text
    replies = await club.slash(
        "warnings rules add", member=club.admin, category="death", pattern="x" * 501, kind="regex"
    )
    assert "limit is 500" in replies[-1].text and is_a_sentence(replies[-1].text), replies[-1].text
    replies = await club.slash("warnings rules add", member=club.admin, category="death", pattern="(die")
    assert "never closed" in replies[-1].text and is_a_sentence(replies[-1].text), replies[-1].text
    assert len(await club.run(service.list_rules(club.bot.db, club.guild.id))) == 1


async def test_unknown_category_needs_new_category(club: Club) -> None:
    replies = await club.slash("warnings rules add", member=club.admin, category="dragons", pattern="wyrm")
    assert "no warning category “dragons”" in replies[-1].text and "new_category" in replies[-1].text
    assert await club.run(service.list_rules(club.bot.db, club.guild.id)) == []


async def test_pathological_regex_does_not_stall_the_bot(club: Club) -> None:
    await club.slash("warnings rules add", member=club.admin, category="death", pattern="(a+)+$", kind="regex")
    reply = (await club.slash("warnings test", member=club.member, text="a" * 3000 + "!"))[0]
    assert reply.ephemeral and "find nothing in that text" in reply.text


async def test_disable_and_enable_with_autocomplete(club: Club) -> None:
    story_id = await add_story(
        club, Story(StoryMeta("Snow"), [Chapter(1, None, [Scene(["The old farmer died."])])], "txt")
    )
    assert await warning_ids(club, story_id) == {"death"}
    choices = await club.autocomplete("warnings rules disable", "target", "death", member=club.admin)
    values = [choice["value"] for choice in choices]
    assert "death" in values and "death/die" in values
    replies = await club.slash("warnings rules disable", member=club.admin, target="death/die")
    assert "Switched off the rule `death/die`" in replies[-1].text
    assert await warning_ids(club, story_id) == set()
    enable_choices = await club.autocomplete("warnings rules enable", "target", "", member=club.admin)
    assert [c["value"] for c in enable_choices] == ["death/die"]
    replies = await club.slash("warnings rules enable", member=club.admin, target="death/die")
    assert "back on" in replies[-1].text
    assert await warning_ids(club, story_id) == {"death"}
    replies = await club.slash("warnings rules enable", member=club.admin, target="death/die")
    assert "not disabled" in replies[-1].text
    replies = await club.slash("warnings rules disable", member=club.admin, target="nonsense")
    assert "neither a warning category nor a default rule" in replies[-1].text


async def test_story_overrides_win(club: Club) -> None:
    story_id = await add_story(
        club, Story(StoryMeta("Snow"), [Chapter(1, None, [Scene(["The old farmer died."])])], "txt")
    )
    choices = await club.autocomplete("warnings story", "story", "sno", member=club.admin)
    assert choices[0]["value"] == str(story_id)
    category_choices = await club.autocomplete("warnings story", "add", "vom", member=club.admin, story=str(story_id))
    assert category_choices[0]["value"] == "vomit"
    reply = (await club.slash("warnings story", member=club.admin, story=str(story_id), add="vomit", remove="death"))[0]
    assert reply.ephemeral and "added **Vomit** (`vomit`)" in reply.text and "removed **Death** (`death`)" in reply.text
    assert "Hidden by an admin: **Death** (`death`)" in reply.text
    assert await warning_ids(club, story_id) == {"vomit"}
    shown = (await club.slash("warnings story", member=club.admin, story="Snow"))[0]
    assert "Vomit" in shown.text and "(`vomit`, added by an admin)" in shown.text


async def test_a_second_press_of_a_story_override_says_it_was_already_there(club: Club) -> None:
    """A double press of `/warnings story add:` answered "added" twice: the write is an upsert. The
    second answer says it was already added (told by the upsert itself, so two at once cannot both say added)."""
    story_id = await add_story(
        club, Story(StoryMeta("Snow"), [Chapter(1, None, [Scene(["The old farmer died."])])], "txt")
    )
    options = {"story": str(story_id), "add": "vomit", "remove": "death"}
    first = (await club.slash("warnings story", member=club.admin, **options))[0].text
    assert "Snow**: added **Vomit** (`vomit`), removed **Death** (`death`)." in first, first
    again = (await club.slash("warnings story", member=club.admin, **options))[0].text
    assert "added **Vomit**" not in again and "removed **Death**" not in again, again
    assert "Snow**: **Vomit** (`vomit`) was already added, **Death** (`death`) was already removed." in again, again
    changed = (await club.slash("warnings story", member=club.admin, story=str(story_id), add="death"))[0].text
    assert "Snow**: added **Death** (`death`)." in changed, changed
    assert await warning_ids(club, story_id) == {"vomit", "death"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"story": "No Such Story"}, "No story in this server's library"),
        ({"add": "dragons"}, "no warning category “dragons”"),
        ({"add": "death", "remove": "death"}, "not both"),
    ],
)
async def test_story_bad_input(club: Club, options: dict, message: str) -> None:
    story_id = await add_story(club)
    options = {"story": str(story_id), **options}
    reply = (await club.slash("warnings story", member=club.admin, **options))[0]
    assert reply.ephemeral and message in reply.text
    assert await club.run(service.overrides(club.bot.db, club.guild.id, story_id)) == {}


ADMIN_COMMANDS = [
    ("warnings rules add", {"category": "death", "pattern": "perished"}),
    ("warnings rules remove", {"rule": "1"}),
    ("warnings rules list", {}),
    ("warnings rules disable", {"target": "death"}),
    ("warnings rules enable", {"target": "death"}),
    ("warnings story", {"story": "Webs", "add": "death"}),
    ("warnings review", {}),
]


@pytest.mark.parametrize(("command", "options"), ADMIN_COMMANDS)
async def test_members_without_manage_server_are_refused(club: Club, command: str, options: dict) -> None:
    await add_story(club)
    for member in (club.member, club.moderator):
        replies = await club.slash(command, member=member, **options)
        assert replies[-1].ephemeral and "Manage Server" in replies[-1].text
    assert await club.run(service.list_rules(club.bot.db, club.guild.id)) == []
    assert await club.run(service.disabled_targets(club.bot.db, club.guild.id)) == (set(), set())
    assert await club.run(service.rules_version(club.bot.db, club.guild.id)) == 0


async def test_servers_do_not_see_each_others_rules(club: Club) -> None:
    await club.slash("warnings rules add", member=club.admin, category="spiders", pattern="spider", new_category=True)
    other = await club.add_guild("Other Club")
    listed = (await other.slash("warnings rules list", member=other.admin))[0]
    assert "none yet" in listed.text and "spider" not in listed.text
    reply = (await other.slash("warnings test", member=other.member, text="A spider on the wall."))[0]
    assert "find nothing in that text" in reply.text


async def test_imported_story_gets_its_warnings_in_story_info(club: Club, sample_story: Path) -> None:
    await club.slash("story add", member=club.admin, file=sample_story)
    await club.slash("warnings rules add", member=club.admin, category="spiders", pattern="lamp", new_category=True)
    info = (await club.slash("story info", member=club.member, story="The Lamp at Gull Point"))[-1]
    assert "Spiders" in info.text


async def test_story_info_says_what_every_chapter_carries(club: Club) -> None:
    """A warning an admin gave the whole story showed on every chapter's header but on no chapter
    line of /story info, and a chapter's own "Spiders (detected)" left its line once Spiders was
    the whole story's: a member reading the lines for a safe chapter was misled."""
    text = b"# Chapter 1: Webs\n\nA spider crawled over the pillow.\n\n# Chapter 2: Rain\n\nThe rain fell all night.\n"
    await club.slash("story add", member=club.admin, file=("webs.md", text))
    await club.slash("warnings rules add", member=club.admin, category="spiders", pattern="~spider", new_category=True)
    story = (await club.autocomplete("story info", "story", "webs", member=club.member))[0]["value"]
    [before] = await club.slash("story info", member=club.member, story=story)
    assert "Chapter 1: Webs · 6 words · ⚠️ **Spiders** (detected)" in before.text and "Every chapter" not in before.text
    for category in ("spiders", "death"):
        await club.slash("warnings story", member=club.admin, story=story, add=category)
    [after] = await club.slash("story info", member=club.member, story=story)
    every = next(line for line in after.text.splitlines() if line.startswith("Every chapter: ⚠️"))
    assert "Spiders" in every and "Death" in every
    assert after.text.index("Every chapter") < after.text.index("`  1` Chapter 1")


# --- two tiers, reviews and reports (issue 13) ---------------------------------------------

RED_FLOORS = Story(
    StoryMeta("Red Floors"),
    [
        Chapter(1, None, [Scene(["There was blood on the floor.", "His hand was bleeding."])]),  # possible blood-gore
        Chapter(2, None, [Scene(["They ate pancakes."])]),
    ],
    "txt",
)


def decide_id(action: str, story_id: int, chapter: int, warning: str, moved: int = 0) -> str:
    """A Confirm or Dismiss button's id, made when the story's chapters had made ``moved`` moves."""
    return f"dogear:warn:{action}:{story_id}:{chapter}:{warning}:{moved}"


async def chapter_ids(club: Club, story_id: int, chapter: int) -> set[str]:
    return {w.id for w in await club.run(service.chapter_warnings(club.bot.db, club.guild.id, story_id, chapter))}


async def test_a_possible_warning_is_shown_to_admins_and_confirmed_for_everyone(club: Club) -> None:
    story_id = await add_story(club, RED_FLOORS)
    assert "blood-gore" not in await chapter_ids(club, story_id, 1)
    info = (await club.slash("story info", member=club.member, story=str(story_id)))[-1]
    assert "Blood and gore" not in info.text  # members never see a possible warning

    shown = (await club.slash("warnings story", member=club.admin, story=str(story_id)))[-1]
    assert shown.ephemeral and "Possible warnings" in shown.text and "Blood and gore" in shown.text
    assert "blood on the floor" in shown.text  # its evidence
    confirm = decide_id("c", story_id, 1, "blood-gore")
    assert confirm in [b["custom_id"] for b in shown.buttons]
    assert "1. Confirm Blood and gore · ch. 1" in shown.labels  # the label members read, not the id

    refused = await club.forge_press(confirm, member=club.member)  # the list is the admin's own: a modified client
    assert refused[-1].ephemeral and "Manage Server" in refused[-1].text
    assert "blood-gore" not in await chapter_ids(club, story_id, 1)

    done = await club.click(shown, confirm, member=club.admin)
    assert done[-1].ephemeral and "Confirmed **Blood and gore** (`blood-gore`) for chapter 1" in done[-1].text
    assert "blood-gore" in await chapter_ids(club, story_id, 1)
    twice = await club.forge_press(confirm, member=club.admin)  # the same button on another copy of the list
    assert twice[-1].ephemeral and "Confirmed" not in twice[-1].text
    assert "**Blood and gore** (`blood-gore`) was already confirmed for chapter 1." in twice[-1].text
    assert "blood-gore" not in await chapter_ids(club, story_id, 2)
    info = (await club.slash("story info", member=club.member, story=str(story_id)))[-1]
    assert "Blood and gore" in info.text
    read = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=1)
    assert "Blood and gore" in read[0].content  # the chapter header
    again = (await club.slash("warnings story", member=club.admin, story=str(story_id)))[-1]
    assert "Possible warnings" not in again.text  # decided: not offered again


async def test_report_posts_to_the_mod_channel_without_pings_and_review_buttons_survive_a_restart(
    club: Club,
) -> None:
    story_id = await add_story(club, RED_FLOORS)
    saved = await club.slash("config set", member=club.admin, mod_channel=club.general_channel)
    assert "Moderation channel (warning reports, failed discussions)" in saved[-1].text
    choices = await club.autocomplete("warnings report", "story", "red", member=club.member)
    assert choices[0]["value"] == str(story_id)
    warning_choices = await club.autocomplete("warnings report", "warning", "vom", member=club.member)
    assert warning_choices[0]["value"] == "vomit"

    thanks = await club.slash(
        "warnings report",
        member=club.member,
        story=str(story_id),
        chapter=2,
        warning="vomit",
        note="@everyone he is sick <@&1> **loud**",
    )
    assert len(thanks) == 1 and thanks[0].ephemeral and "Thank you" in thanks[0].text
    [posted] = club.messages(club.general_channel)
    # #general is open to everyone: the member was told nobody else learns who reported
    assert "Vomit" in posted.text and f"<@{club.member.user.id}>" not in posted.content
    assert "reported by a member (not named here" in posted.text
    assert not posted.message.pinged_everyone and not posted.message.pinged_users and not posted.message.pinged_roles
    assert "\\*\\*loud\\*\\*" in posted.content  # the note's markdown is shown, not applied
    assert decide_id("c", story_id, 2, "vomit") in [b["custom_id"] for b in posted.buttons]
    assert posted.labels == ["Confirm Vomit · ch. 2", "Dismiss"]  # the label, as members read it
    # nobody but the moderators' channel learns who reported: no other message anywhere
    assert club.messages(club.text_channel) == []

    repeat = await club.slash("warnings report", member=club.member, story=str(story_id), chapter=2, warning="vomit")
    assert "already reported" in repeat[-1].text and len(club.messages(club.general_channel)) == 1

    review = (await club.slash("warnings review", member=club.admin))[-1]
    assert review.ephemeral and "reported by 1 member" in review.text and "possible" in review.text
    assert f"<@{club.member.user.id}>" not in review.content
    assert "in all):" in review.text and "have buttons" not in review.text  # every item has them: not "the first 2"
    await club.restart()
    dismissed = await club.click(review, decide_id("d", story_id, 1, "blood-gore"), member=club.admin)
    assert "Dismissed **Blood and gore** (`blood-gore`) for chapter 1" in dismissed[-1].text
    confirmed = await club.click(posted, decide_id("c", story_id, 2, "vomit"), member=club.admin)
    assert (
        "Confirmed **Vomit** (`vomit`) for chapter 2" in confirmed[-1].text
        and "Closed 1 open report" in confirmed[-1].text
    )
    assert "vomit" in await chapter_ids(club, story_id, 2)
    empty = (await club.slash("warnings review", member=club.admin))[-1]
    assert "Nothing to review" in empty.text


async def test_a_report_post_shows_how_it_was_settled_and_a_stale_press_never_undoes_it(club: Club) -> None:
    story_id = await add_story(club, RED_FLOORS)
    await club.slash("config set", member=club.admin, mod_channel=club.general_channel)
    for member in (club.member, club.other_member):
        await club.slash("warnings report", member=member, story=str(story_id), chapter=2, warning="vomit")
    first, second = club.messages(club.general_channel)
    refused = await club.click(first, decide_id("d", story_id, 2, "vomit"), member=club.member)
    assert "Manage Server" in refused[-1].text and club.messages(club.general_channel)[0].buttons  # untouched

    confirmed = await club.click(first, decide_id("c", story_id, 2, "vomit"), member=club.admin)
    assert "Confirmed **Vomit** (`vomit`) for chapter 2" in confirmed[-1].text and confirmed[-1].ephemeral
    first = club.messages(club.general_channel)[0]
    assert f"✅ Confirmed by <@{club.admin.user.id}>." in first.content and first.buttons == []
    assert not first.message.pinged_users

    # The second member's report was closed by that decision; its post still offers Dismiss, and a
    # moderator catching up later presses it: nothing changes, the post catches up instead.
    stale = await club.click(second, decide_id("d", story_id, 2, "vomit"), member=club.owner)
    assert stale[-1].ephemeral and "was already confirmed" in stale[-1].text and "/warnings story" in stale[-1].text
    assert "vomit" in await chapter_ids(club, story_id, 2)
    second = club.messages(club.general_channel)[1]
    assert f"✅ Confirmed by <@{club.admin.user.id}>." in second.content and second.buttons == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"story": "No Such Story", "chapter": 1, "warning": "vomit"}, "No story in this server's library"),
        ({"chapter": 3, "warning": "vomit"}, "pick a chapter from 1 to 2"),
        ({"chapter": 1, "warning": "dragons"}, "There is no warning “dragons”"),
    ],
)
async def test_report_bad_input_gets_a_private_answer_and_stores_nothing(
    club: Club, options: dict, message: str
) -> None:
    story_id = await add_story(club, RED_FLOORS)
    replies = await club.slash("warnings report", member=club.member, **{"story": str(story_id), **options})
    assert replies[-1].ephemeral and message in replies[-1].text
    stored = await club.run(
        club.bot.db.fetch_value("SELECT count(*) FROM warning_reports WHERE guild_id = ?", (club.guild.id,))
    )
    assert stored == 0


async def test_story_add_shows_the_admin_possible_warnings_with_evidence(club: Club) -> None:
    text = b"Title: Red Floors\n\nThere was blood on the floor.\n\nHis hand was bleeding.\n"
    replies = await club.slash("story add", member=club.admin, file=("red.txt", text))
    assert replies[-1].ephemeral and "**Possible**" in replies[-1].text and "Blood and gore" in replies[-1].text
    assert "blood on the floor" in replies[-1].text


async def test_a_strict_avoider_is_asked_about_a_possible_warning(club: Club) -> None:
    story_id = await add_story(club, RED_FLOORS)
    plain = await club.slash("prefs avoid", member=club.member, warning="blood-gore")
    assert "Strict" not in plain[-1].text
    read = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=1)
    assert "asked to avoid" not in read[0].text  # only possible: a plain avoid is not asked
    strict = await club.slash("prefs avoid", member=club.member, warning="blood-gore", strict=True)
    assert "Strict" in strict[-1].text
    shown = await club.slash("prefs show", member=club.member)
    assert "strict" in shown[-1].text
    asked = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=1)
    assert len(asked) == 1 and "Blood and gore (possible)" in asked[0].text
    assert asked[0].labels == ["Show it anyway"]


async def test_a_report_is_kept_when_the_mod_channel_refuses_the_post(club: Club) -> None:
    story_id = await add_story(club, RED_FLOORS)
    saved = await club.slash("config set", member=club.admin, mod_channel=club.locked_channel)
    assert "I am missing: Send Messages" in saved[-1].text
    with club.expect_errors(403, 50013):
        thanks = await club.slash(
            "warnings report", member=club.member, story=str(story_id), chapter=2, warning="vomit"
        )
    assert thanks[-1].ephemeral and "Thank you" in thanks[-1].text
    review = (await club.slash("warnings review", member=club.admin))[-1]
    assert "Vomit" in review.text and "reported by 1 member" in review.text


async def test_a_report_discord_failed_to_take_reaches_the_moderators_once_after_a_restart(club: Club) -> None:
    """The report was posted once with no retry: a Discord failure (or a kill) and the moderators never saw it."""
    story_id = await add_story(club, RED_FLOORS)
    await club.slash("config set", member=club.admin, mod_channel=club.general_channel)
    club.fail_messages(club.general_channel, status=503, times=1)
    thanks = await club.slash("warnings report", member=club.member, story=str(story_id), chapter=2, warning="vomit")
    assert "Thank you" in thanks[-1].text and club.messages(club.general_channel) == []
    await club.restart()
    await club.clock.advance(timedelta(minutes=1))
    await club.settle()
    [posted] = club.messages(club.general_channel)
    assert "📣 **Warning report #" in posted.content and "Vomit" in posted.text
    assert decide_id("c", story_id, 2, "vomit") in [b["custom_id"] for b in posted.buttons]
    # killed after Discord took a retry, before it was recorded (and back after Discord's nonce has
    # lapsed): the next try finds it in the channel
    await club.clock.advance(timedelta(minutes=10))

    async def lose_the_record() -> None:
        await club.bot.db.execute(
            "UPDATE report_posts SET state = 'pending', retry_at = 0 WHERE guild_id = ?", (club.guild.id,)
        )
        club.bot.get_cog("WarningsCog").reports.timer.rearm()

    await club.run(lose_the_record)
    await club.settle()
    assert [m.id for m in club.messages(club.general_channel)] == [posted.id]
    settled = await club.run(
        club.bot.db.fetch_one("SELECT state, message_id FROM report_posts WHERE guild_id = ?", (club.guild.id,))
    )
    assert tuple(settled) == ("posted", posted.id)  # the retry ran, and recorded what it found


@pytest.mark.parametrize(
    ("pattern", "message"),
    [(r"\pL{990}x", "too large"), (r"\b", "matches empty text"), (r"\b\B?", "matches empty text"), ("x*", "empty")],
)
async def test_heavy_or_empty_matching_admin_regexes_are_refused(club: Club, pattern: str, message: str) -> None:
    replies = await club.slash("warnings rules add", member=club.admin, category="death", pattern=pattern, kind="regex")
    assert replies[-1].ephemeral and message in replies[-1].text
    assert await club.run(service.list_rules(club.bot.db, club.guild.id)) == []


async def test_a_rule_added_to_a_switched_off_category_says_it_finds_nothing_yet(club: Club) -> None:
    story_id = await add_story(club)
    await club.slash("warnings rules disable", member=club.admin, target="violence")
    replies = await club.slash("warnings rules add", member=club.admin, category="violence", pattern="~spider")
    assert "Added rule #" in replies[-1].text
    assert (
        "**Violence** (`violence`) is switched off here" in replies[-1].text
        and "rules enable target:violence" in replies[-1].text
    )
    assert await warning_ids(club, story_id) == set()
    await club.slash("warnings rules enable", member=club.admin, target="violence")
    assert await warning_ids(club, story_id) == {"violence"}
    replies = await club.slash("warnings rules add", member=club.admin, category="violence", pattern="~pillow")
    assert "switched off" not in replies[-1].text


@pytest.mark.parametrize("category", ["unwarned", "not-english"])
async def test_a_new_category_cannot_take_the_id_of_a_header_notice(club: Club, category: str) -> None:
    """Headers show "Unwarned" and "Not read for warnings" among the warnings by these ids: a
    category of the same id would merge with them (a member avoiding it would avoid the notice)."""
    replies = await club.slash(
        "warnings rules add", member=club.admin, category=category, pattern="pancakes", new_category=True
    )
    assert replies[-1].ephemeral and "kept for a notice" in replies[-1].text
    assert await club.run(service.list_rules(club.bot.db, club.guild.id)) == []
    assert await club.run(service.custom_categories(club.bot.db, club.guild.id)) == []


async def test_a_report_note_cannot_turn_the_moderators_lines_around(club: Club) -> None:
    """The note is posted to the moderation channel and the review list: a bidi override in it reversed the rest."""
    story_id = await add_story(club, RED_FLOORS)
    await club.slash("config set", member=club.admin, mod_channel=club.general_channel)
    note = "\u202esick\u2066 on the floor\u200b"
    await club.slash("warnings report", member=club.member, story=str(story_id), chapter=2, warning="vomit", note=note)
    [posted] = club.messages(club.general_channel)
    assert "Note: “sick on the floor”" in posted.text
    review = (await club.slash("warnings review", member=club.admin))[-1]
    assert "› “sick on the floor”" in review.text


# --- paging the review list (deciding an item moves the rest up) ------------------------------

SIX_THIN = Story(
    StoryMeta("Six Red Floors"),
    [Chapter(n, None, [Scene(["There was blood on the floor.", "His hand was bleeding."])]) for n in range(1, 7)],
    "txt",
)


def review_chapters(reply: Reply) -> list[int]:
    """The chapters the review page's Confirm buttons are for, in order."""
    return [
        int(button["custom_id"].split(":")[4])
        for button in reply.buttons
        if button["custom_id"].startswith("dogear:warn:c:")
    ]


async def test_deciding_on_a_review_page_shows_it_again_and_next_never_skips(club: Club) -> None:
    """After a decision on page 1 the items moved up and "page 2" began one late: the item that moved
    up was on no page the admin saw. Now the page is read again and Next goes on after its last item."""
    story_id = await add_story(club, SIX_THIN)
    await club.run(service.rescan_story(club.bot.db, club.guild.id, story_id))  # its scan, as /story add stores it
    review = (await club.slash("warnings review", member=club.admin))[-1]
    assert review_chapters(review) == [1, 2, 3, 4] and "Items 1–4 of 6" in review.text
    assert "◀ Previous" not in review.labels and "Next ▶" in review.labels

    decided = await club.click(review, decide_id("d", story_id, 1, "blood-gore"), member=club.admin)
    assert "Dismissed **Blood and gore** (`blood-gore`) for chapter 1" in decided[-1].text and decided[-1].ephemeral
    [shown] = [reply for reply in decided if reply.id == review.id]  # the page itself, read again
    assert review_chapters(shown) == [2, 3, 4, 5] and "Items 1–4 of 5" in shown.text

    refused = await club.forge_press(
        next(b["custom_id"] for b in shown.buttons if b["label"] == "Next ▶"), member=club.member
    )
    assert refused[-1].ephemeral and "Manage Server" in refused[-1].text

    await club.restart()  # the paging buttons are routed after a restart too
    following = await club.click(shown, "Next ▶", member=club.admin)
    [page] = [reply for reply in following if reply.id == review.id]
    assert review_chapters(page) == [6] and "Item 5 of 5" in page.text and "Next ▶" not in page.labels
    back = await club.click(page, "◀ Previous", member=club.admin)
    assert review_chapters(next(r for r in back if r.id == review.id)) == [2, 3, 4, 5]


# --- paging /warnings story the same way --------------------------------------------------------


def paging_ids(reply: Reply) -> dict[str, str]:
    return {b["label"]: b["custom_id"] for b in reply.buttons if b["custom_id"].startswith("dogear:review:")}


async def test_deciding_on_a_story_page_shows_it_again_and_next_never_skips(club: Club) -> None:
    """``/warnings story`` paged by number: after a decision on page 1 the rest moved up and
    `page:2` began one late, and page 1 was not shown again. Now it pages by key like the review."""
    story_id = await add_story(club, SIX_THIN)
    await club.run(service.rescan_story(club.bot.db, club.guild.id, story_id))
    shown = (await club.slash("warnings story", member=club.admin, story=str(story_id)))[-1]
    first = review_chapters(shown)
    assert first[0] == 1 and 1 < len(first) < 6 and "No warnings." in shown.text
    assert "◀ Previous" not in shown.labels and "Next ▶" in shown.labels

    decided = await club.click(shown, decide_id("d", story_id, 1, "blood-gore"), member=club.admin)
    assert "Dismissed **Blood and gore** (`blood-gore`) for chapter 1" in decided[-1].text and decided[-1].ephemeral
    [again] = [reply for reply in decided if reply.id == shown.id]  # the page itself, read again
    seen = review_chapters(again)
    assert seen == [*first[1:], first[-1] + 1] and "No warnings." in again.text

    refused = await club.forge_press(paging_ids(again)["Next ▶"], member=club.member)
    assert refused[-1].ephemeral and "Manage Server" in refused[-1].text

    await club.restart()  # the story page's buttons are routed after a restart too
    following = await club.click(again, "Next ▶", member=club.admin)
    [page] = [reply for reply in following if reply.id == shown.id]
    assert review_chapters(page)[0] == seen[-1] + 1 and review_chapters(page)[-1] == 6
    assert "No warnings." not in page.text and "Snow" not in page.text and "Six Red Floors" in page.text
    back = await club.click(page, "◀ Previous", member=club.admin)
    assert review_chapters(next(r for r in back if r.id == shown.id)) == seen


async def test_a_story_page_by_number_still_works_and_its_buttons_stay_in_their_server(club: Club) -> None:
    story_id = await add_story(club, SIX_THIN)
    await club.run(service.rescan_story(club.bot.db, club.guild.id, story_id))
    second = (await club.slash("warnings story", member=club.admin, story=str(story_id), page=2))[-1]
    assert review_chapters(second) and review_chapters(second)[-1] == 6 and "◀ Previous" in second.labels
    past = (await club.slash("warnings story", member=club.admin, story=str(story_id), page=9))[-1]
    assert past.ephemeral and "pick a page from 1 to 2" in past.text

    other = await club.add_guild("Elsewhere")
    for custom_id in paging_ids(second).values():
        answer = (await other.forge_press(custom_id, member=other.admin))[-1]
        assert answer.ephemeral and "Six Red Floors" not in answer.text and "blood" not in answer.text.lower()


async def test_a_report_names_its_reporter_only_where_moderators_alone_read_it(club: Club) -> None:
    """The member is told nobody else learns who reported: a moderation channel every member can
    read gets the report without the name, and the admin is told so when choosing it."""
    story_id = await add_story(club, RED_FLOORS)
    public = await club.slash("config set", member=club.admin, mod_channel=club.text_channel)
    assert "Everyone in the server can read" in public[-1].text and "do not name who sent them" in public[-1].text
    await club.slash("warnings report", member=club.member, story=str(story_id), chapter=2, warning="vomit")
    [posted] = club.messages(club.text_channel)
    assert f"<@{club.member.user.id}>" not in posted.content and "reported by a member" in posted.text

    staff = club.hidden_channel  # @everyone may not view it; the bot and the admins may
    seen = P.VIEW_CHANNEL | P.SEND_MESSAGES | P.EMBED_LINKS | P.READ_MESSAGE_HISTORY
    await club.set_overwrite(staff, club.bot_role, allow=seen)
    await club.set_overwrite(staff, club.admin_role, allow=seen)
    private = await club.slash("config set", member=club.admin, mod_channel=staff)
    assert "Everyone in the server can read" not in private[-1].text
    await club.slash("warnings report", member=club.other_member, story=str(story_id), chapter=1, warning="vomit")
    [named] = club.messages(staff)
    assert f"reported by <@{club.other_member.user.id}>" in named.content
    assert not named.message.pinged_users


async def test_a_stored_pattern_with_a_direction_override_is_shown_spelled_out(club: Club) -> None:
    """A rule stored before `/warnings rules add` refused hidden controls was shown raw in
    `rules list` and the `rules remove` menu: its right-to-left override turned the rest of the line
    around. Each control is now shown as its RE2 escape, which names it, and the rule can still be picked."""
    await club.run(store_rules(club, ["keeper \u202elamp\tlight"]))
    listed = (await club.slash("warnings rules list", member=club.admin))[0].text
    assert "`keeper \\x{202E}lamp\\x{09}light`" in listed, listed
    assert "\u202e" not in listed and "\t" not in listed, listed
    [choice] = await club.autocomplete("warnings rules remove", "rule", "keeper", member=club.admin)
    assert choice["name"].endswith("regex: keeper \\x{202E}lamp\\x{09}light"), choice
