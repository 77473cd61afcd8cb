"""``/prefs``: avoiding and allowing warnings through the Discord double, and what reading does with it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.devtools.driver import Club
from bot.progress.prefs import avoided_warnings
from bot.progress.store import mark_read
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from bot.warnings.service import add_rule


async def test_avoid_show_and_allow(club: Club) -> None:
    choices = await club.autocomplete("prefs avoid", "warning", "misc", member=club.member)
    assert choices and choices[0]["value"] == "miscarriage"
    added = await club.slash("prefs avoid", member=club.member, warning=choices[0]["value"])
    assert added[0].ephemeral and "Noted: you avoid **Miscarriage**" in added[0].text
    again = await club.slash("prefs avoid", member=club.member, warning="miscarriage")
    assert "You already avoid **Miscarriage**" in again[0].text
    await club.slash("prefs avoid", member=club.member, warning="Vomit")  # a label works as well as an id

    shown = await club.slash("prefs show", member=club.member)
    assert shown[0].ephemeral
    assert "**Miscarriage** (`miscarriage`)" in shown[0].text and "(`vomit`)" in shown[0].text
    others = await club.slash("prefs show", member=club.other_member)
    assert "You avoid no warnings in this server" in others[0].text

    offered = await club.autocomplete("prefs allow", "warning", "", member=club.member)
    assert sorted(c["value"] for c in offered) == ["miscarriage", "vomit"]
    allowed = await club.slash("prefs allow", member=club.member, warning="miscarriage")
    assert allowed[0].ephemeral and "no longer ask you to confirm" in allowed[0].text
    assert await club.run(avoided_warnings(club.bot.db, club.guild.id, club.member.user.id)) == {"vomit"}
    not_there = await club.slash("prefs allow", member=club.member, warning="miscarriage")
    assert "You were not avoiding **Miscarriage**" in not_there[0].text


async def test_unknown_warnings_are_refused_clearly(club: Club) -> None:
    replies = await club.slash("prefs avoid", member=club.member, warning="spiders")
    assert replies[0].ephemeral
    assert "“spiders” is not a warning this server knows" in replies[0].text
    refused = await club.slash("prefs allow", member=club.member, warning="spiders")
    assert "not a warning this server knows" in refused[0].text
    assert await club.run(avoided_warnings(club.bot.db, club.guild.id, club.member.user.id)) == set()


async def test_avoided_warning_makes_private_reading_ask_first(club: Club, sample_story: Path) -> None:
    await club.slash("story add", member=club.admin, file=sample_story)
    story = (await club.autocomplete("excerpt read", "story", "gull", member=club.member))[0]["value"]
    await club.slash("prefs avoid", member=club.member, warning="grief")
    asked = await club.slash("excerpt read", member=club.member, story=story, chapter=1)
    assert "has a warning you asked to avoid: **Grief**" in asked[0].text
    await club.slash("prefs avoid", member=club.member, warning="death")
    asked = await club.slash("excerpt read", member=club.member, story=story, chapter=1)
    assert "has warnings you asked to avoid: **Death** and **Grief**" in asked[0].text
    await club.slash("prefs allow", member=club.member, warning="death")
    await club.slash("prefs allow", member=club.member, warning="grief")
    read = await club.slash("excerpt read", member=club.member, story=story, chapter=1)
    assert "asked to avoid" not in read[0].text and any(r.content.startswith("||") for r in read)


async def test_custom_categories_and_preferences_stay_in_their_server(club: Club) -> None:
    await club.run(
        add_rule(club.bot.db, club.guild.id, category="spiders", pattern="~spider", new_category=True, now=0.0)
    )
    offered = await club.autocomplete("prefs avoid", "warning", "spid", member=club.member)
    assert [c["value"] for c in offered] == ["spiders"]
    await club.slash("prefs avoid", member=club.member, warning="spiders")
    await club.slash("prefs avoid", member=club.member, warning="death")

    other = await club.add_guild("Elsewhere")
    assert await other.autocomplete("prefs avoid", "warning", "spid", member=other.member) == []
    refused = await other.slash("prefs avoid", member=other.member, warning="spiders")
    assert "not a warning this server knows" in refused[0].text
    shown = await other.slash("prefs show", member=other.member)
    assert "You avoid no warnings in this server" in shown[0].text
    # Looked up with the other server's id, this member's preferences are not there.
    assert await club.run(avoided_warnings(club.bot.db, other.guild.id, club.member.user.id)) == set()
    assert await club.run(avoided_warnings(club.bot.db, club.guild.id, club.member.user.id)) == {"spiders", "death"}


LATE_BLOOD = Story(
    StoryMeta("Late Blood"),
    [
        Chapter(1, None, [Scene(["They ate pancakes."])]),
        Chapter(2, None, [Scene(["There was blood on the floor.", "His hand was bleeding."])]),  # possible blood-gore
    ],
    "txt",
)


async def test_a_strict_avoider_is_left_out_of_reminders_of_a_possible_warning(club: Club) -> None:
    db, guild_id = club.bot.db, club.guild.id
    story_id = await club.run(add_story(db, guild_id, LATE_BLOOD, content_hash="late", added_by=None, now=0.0))
    for member in (club.member, club.other_member, club.closed_dm_member):
        await club.run(mark_read(db, guild_id, member.id, story_id, 1, now=0))
    await club.slash("prefs avoid", member=club.member, warning="blood-gore", strict=True)
    await club.slash("prefs avoid", member=club.other_member, warning="blood-gore")  # not strict: still reminded
    await club.slash("prefs reminders", member=club.member, dm=True)
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story_id),
        chapter=2,
        when="in 4 hours",
        remind="2h",
        channel=club.text_channel,
    )
    await club.clock.advance(timedelta(hours=2))
    await club.run(club.bot.get_cog("DiscussionCog").service.wait_idle())
    await club.settle()
    [reminder] = club.messages(club.text_channel, include_replies=False)
    assert club.other_member.mention() in reminder.text and club.closed_dm_member.mention() in reminder.text
    assert club.member.mention() not in reminder.text
    assert club.dms(club.member) == []  # no DM copy either
    await club.clock.advance(timedelta(hours=2))
    await club.run(club.bot.get_cog("DiscussionCog").service.wait_idle())
    await club.settle()
    post = club.messages(club.text_channel, include_replies=False)[-1]
    assert "Discussion #" in post.text and "Blood and gore" not in post.text  # a possible warning is never posted


RED_ROOMS = "Title: Red Rooms\n\n# Chapter 1\n\nThey ate pancakes by the sea and laughed.\n\n# Chapter 2\n\n{}\n"


async def test_a_dismissal_does_not_hide_what_a_rewritten_chapter_shows(club: Club) -> None:
    """An admin dismissed chapter 2's possible blood; the author rewrites chapter 2 with new
    evidence of it: a strict avoider is asked again, and the admin is offered it again."""
    first = RED_ROOMS.format("There was blood on the floor.\n\nHis hand was bleeding.")
    await club.slash("story add", member=club.admin, file=("red.txt", first.encode()))
    [choice] = await club.autocomplete("story update", "story", "red", member=club.admin)
    story = choice["value"]
    await club.slash("prefs avoid", member=club.member, warning="blood-gore", strict=True)
    page = (await club.slash("warnings story", member=club.admin, story=story))[-1]
    await club.click(page, "1. Dismiss", member=club.admin)
    read = await club.slash("excerpt read", member=club.member, story=story, chapter=2)
    assert "asked to avoid" not in read[0].text  # dismissed: the member is not asked

    rewritten = RED_ROOMS.format("A new scene at the farm.\n\nThere was blood on the rug.\n\nHer knee was bleeding.")
    updated = await club.slash("story update", member=club.admin, story=story, file=("red.txt", rewritten.encode()))
    assert "**New possible warnings**" in updated[-1].text and "Blood and gore (chapter 2)" in updated[-1].text
    asked = await club.slash("excerpt read", member=club.member, story=story, chapter=2)
    assert len(asked) == 1 and "asked to avoid: **Blood and gore (possible)**" in asked[0].text
    again = (await club.slash("warnings story", member=club.admin, story=story))[-1]
    assert "❔ **Blood and gore** (`blood-gore`) in chapter 2" in again.text and "blood on the rug" in again.text

    unchanged = await club.slash("excerpt read", member=club.member, story=story, chapter=1)
    assert "asked to avoid" not in unchanged[0].text


async def test_an_update_that_makes_a_possible_warning_sure_names_it_as_new(club: Club) -> None:
    first = RED_ROOMS.format("There was blood on the floor.\n\nHis hand was bleeding.")
    await club.slash("story add", member=club.admin, file=("red.txt", first.encode()))
    [choice] = await club.autocomplete("story update", "story", "red", member=club.admin)
    await club.slash("prefs avoid", member=club.member, warning="blood-gore")  # not strict
    surer = RED_ROOMS.format("The knife slipped and blood ran over the table.\n\nHer arm was bleeding badly.")
    updated = await club.slash(
        "story update", member=club.admin, story=choice["value"], file=("red.txt", surer.encode())
    )
    assert "**New warnings** in the changed and new chapters:" in updated[-1].text
    assert "• **Blood and gore** (chapter 2)" in updated[-1].text and "No new warnings" not in updated[-1].text
    asked = await club.slash("excerpt read", member=club.member, story=choice["value"], chapter=2)
    assert "asked to avoid: **Blood and gore**" in asked[0].text


THREE_ROOMS = (
    "Title: Three Rooms\n\n# Chapter 1\n\nThey ate pancakes by the sea and laughed.\n\n"
    "# Chapter 2\n\nCW for this chapter: self-harm.\n\nShe sat by the window a long time that evening.\n\n"
)


async def test_a_discussion_of_a_chapter_taken_down_warns_of_the_last_chapter_and_spares_its_avoiders(
    club: Club,
) -> None:
    """Chapter 3 goes in an update: its discussion asks members to read chapter 2, the last, so
    chapter 2's warnings are the ones its post shows and its reminder leaves avoiders out by."""
    longer = THREE_ROOMS + "# Chapter 3\n\nMorning came, grey and slow over the harbour.\n"
    await club.slash("story add", member=club.admin, file=("rooms.txt", longer.encode()))
    [choice] = await club.autocomplete("story update", "story", "three", member=club.admin)
    story = choice["value"]
    for member in (club.member, club.other_member):
        await club.slash("progress set", member=member, story=story, chapter=1)
    await club.slash("prefs avoid", member=club.member, warning="self-harm")
    await club.slash(
        "discussion schedule", member=club.admin, story=story, chapter=3, when="in 4 hours", remind="2h",
        channel=club.text_channel,
    )  # fmt: skip
    await club.slash(
        "story update", member=club.admin, story=story, file=("rooms.txt", THREE_ROOMS.encode()), replace_anyway=True
    )
    await club.clock.advance(timedelta(hours=2))
    await club.run(club.bot.get_cog("DiscussionCog").service.wait_idle())
    await club.settle()
    [reminder] = club.messages(club.text_channel, include_replies=False)
    assert "Not at chapter 2, the last, yet:" in reminder.text and club.other_member.mention() in reminder.text
    assert club.member.mention() not in reminder.text
    await club.clock.advance(timedelta(hours=2))
    await club.run(club.bot.get_cog("DiscussionCog").service.wait_idle())
    await club.settle()
    post = club.messages(club.text_channel, include_replies=False)[-1]
    assert "Chapter 3 is no longer in the story" in post.text and "**Content warnings:** **Self\\-harm**" in post.text


async def test_avoiding_a_warning_the_server_does_not_look_for_says_so(club: Club) -> None:
    await club.slash("warnings rules disable", member=club.admin, target="death")
    added = await club.slash("prefs avoid", member=club.member, warning="death")
    assert "Noted: you avoid **Death**" in added[0].text
    assert "this server switched off looking for it in story text" in added[0].text
    await club.slash("prefs avoid", member=club.member, warning="grief")
    shown = (await club.slash("prefs show", member=club.member))[0].text
    assert "**Death** (`death`) · not looked for in story text here" in shown
    assert "**Grief** (`grief`)\n" in shown + "\n" and "**Grief** (`grief`) ·" not in shown
    plain = await club.slash("prefs avoid", member=club.member, warning="grief", strict=False)
    assert "switched off" not in plain[0].text and "declared, detected or confirmed ask you" in plain[0].text


async def test_a_warning_typed_as_read_or_as_another_menu_shows_it_is_taken(club: Club) -> None:
    """ "Self Harm" (the label as a member would type it) and "Self-harm (self-harm)" (what
    `/warnings report`'s menu shows) were refused as "not a warning this server knows"."""
    for typed in ("Self Harm", "Self-harm (self-harm)", "SELF_HARM"):
        answer = await club.slash("prefs avoid", member=club.member, warning=typed)
        assert answer[0].ephemeral and "Self\\-harm" in answer[0].text and "not a warning" not in answer[0].text
    assert await club.run(avoided_warnings(club.bot.db, club.guild.id, club.member.user.id)) == {"self-harm"}
