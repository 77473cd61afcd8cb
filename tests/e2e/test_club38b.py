"""Club answers of the session-38 probe, round 5, through the Discord double: counts that read naturally
at 0 and 1, permission refusals said to the person in front of the bot, and look-alike titles told apart."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from tests.e2e.test_club37c import library_book
from tests.e2e.test_club38 import two_books_of_one_title
from tests.e2e.test_discussions import a_story, advance, bot_posts, utc_text
from tests.e2e.test_mistakes34 import private_and_short
from tests.e2e.test_nominations import nominate, set_club_channel


async def test_a_discussion_nobody_has_read_says_no_one_has_yet(club: Club) -> None:
    story = await a_story(club, "The Unread Lamp", chapters=2)
    due = (club.clock.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when=utc_text(due),
        channel=club.text_channel,
    )  # fmt: skip
    await advance(club, timedelta(hours=2, minutes=1))
    post = bot_posts(club, club.text_channel)[-1]
    assert "No one has read this chapter yet." in post.text, post.text
    assert "0 members" not in post.text, post.text


async def test_withdrawing_the_last_nomination_says_none_are_left(club: Club) -> None:
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Kindred")
    [one] = await club.slash("vote withdraw", member=club.admin, nomination="Beloved")
    assert "; 1 nomination left." in one.text, one.text
    [none] = await club.slash("vote withdraw", member=club.admin, nomination="Kindred")
    assert none.text.endswith("out of this round; no nominations left."), none.text


async def test_a_rule_added_on_a_server_with_no_stories_says_there_was_nothing_to_rescan(club: Club) -> None:
    [added] = await club.slash(
        "warnings rules add", member=club.admin, category="spiders", pattern="~spider", new_category=True
    )
    assert "No stories to re-scan yet: the rules apply to each story added from now on." in added.text, added.text
    assert "Re-scanned 0" not in added.text, added.text


async def test_a_channel_dogear_cannot_post_in_tells_an_admin_what_to_grant_and_a_moderator_to_ask(club: Club) -> None:
    await a_story(club, "The Locked Lamp", chapters=2)
    locked = club.locked_channel.mention()
    options = {"story": "The Locked Lamp", "chapter": 1, "channel": club.locked_channel}
    admin = private_and_short(await club.slash("excerpt post", member=club.admin, options=options))
    assert f"I can't post in {locked}: I'm missing Send Messages there." in admin.text, admin.text
    assert f"Give Dogear's role (**Dogear**) Send Messages in {locked} (Edit Channel → Permissions)" in admin.text
    assert "Ask an admin" not in admin.text, admin.text
    moderator = private_and_short(await club.slash("excerpt post", member=club.moderator, options=options))
    assert f"Ask an admin to give Dogear Send Messages in {locked}." in moderator.text, moderator.text
    assert "Edit Channel" not in moderator.text, moderator.text
    assert not bot_posts(club, club.locked_channel)


async def test_vote_start_without_create_polls_tells_the_admin_what_to_give(club: Club) -> None:
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    await club.set_overwrite(club.text_channel, club.bot_role, deny=P.SEND_POLLS)
    refused = private_and_short(await club.slash("vote start", member=club.admin))
    where = club.text_channel.mention()
    assert f"I can't post the poll in {where}: I'm missing Create Polls there." in refused.text, refused.text
    assert f"Give Dogear's role (**Dogear**) Create Polls in {where}" in refused.text, refused.text
    assert "Ask an admin" not in refused.text and club.polls() == [], refused.text


async def test_the_nominate_title_menu_tells_look_alike_titles_apart_by_author_then_number(club: Club) -> None:
    austen, other = await two_books_of_one_title(club, "Emma", ("Jane Austen", "Someone Else"))
    await nominate(club, club.member, "Kindred")
    await nominate(club, club.other_member, "\u041aindred")  # with a Cyrillic "К": another nomination
    choices = await club.autocomplete("nominate", "title", "", member=club.moderator)
    names = [choice["name"] for choice in choices]
    assert names == ["Kindred (1)", "\u041aindred (2)", "Emma by Jane Austen", "Emma by Someone Else"], names
    # The two library books of one title carry their story ids: picking one nominates it (tests/e2e/test_club38d.py).
    emmas = [f"Emma (story id {austen})", f"Emma (story id {other})"]
    assert [choice["value"] for choice in choices] == ["Kindred", "\u041aindred", *emmas]
    [backed] = await club.slash("nominate", member=club.moderator, title=choices[1]["value"])
    assert "**\u041aindred** was already nominated; you now back it too (2 members)" in backed.text, backed.text


async def test_config_set_to_a_channel_dogear_cannot_post_in_tells_the_admin_what_to_give(club: Club) -> None:
    [saved] = await club.slash("config set", member=club.admin, club_channel=club.locked_channel)
    locked = club.locked_channel.mention()
    assert saved.ephemeral and f"⚠️ In {locked} I am missing: Send Messages and Embed Links." in saved.text, saved.text
    assert (
        f"Give Dogear's role (**Dogear**) Send Messages and Embed Links in {locked} (Edit Channel → Permissions), "
        "so posting works there." in saved.text
    ), saved.text
    assert "Grant it" not in saved.text, saved.text


async def long_chapter_story(club: Club, paragraphs: int) -> int:
    paragraph = "The lamp burned on through the night while the keeper wrote. " * 20  # about a message each
    story = Story(
        meta=StoryMeta(title="The Long Lamp"),
        chapters=[Chapter(1, None, [Scene([paragraph] * paragraphs)]), Chapter(2, None, [Scene(["Short."])])],
        source_format="txt",
    )
    digest = hashlib.sha256(f"{club.guild.id}:long lamp".encode()).hexdigest()
    return await club.run(add_story(club.bot.db, club.guild.id, story, content_hash=digest, added_by=None, now=0.0))


async def test_a_long_chapter_read_privately_comes_a_page_of_ten_messages_at_a_time(club: Club) -> None:
    """A chapter of 151 messages was sent as 151 private messages at once, then marked read."""
    story = await long_chapter_story(club, 25)  # the header and 25 messages: 3 pages
    first = await club.slash("excerpt read", member=club.member, story=str(story), chapter=1)
    assert len(first) == 11 and all(reply.ephemeral for reply in first), len(first)
    assert "The Long Lamp" in first[0].text and "Warnings" in first[0].text, first[0].text
    assert first[-1].text == f"-# Page 1 of 3 of chapter 1 · next: `/excerpt read story:{story} chapter:1 page:2`"
    assert not any("Saved" in reply.text for reply in first)
    second = await club.slash("excerpt read", member=club.member, story=str(story), chapter=1, page=2)
    assert len(second) == 11 and "page:3" in second[-1].text, second[-1].text
    last = await club.slash("excerpt read", member=club.member, story=str(story), chapter=1, page=3)
    assert "-# Page 3 of 3 of chapter 1, the last" in last[-2].text, [reply.text[-80:] for reply in last]
    assert last[-1].text.startswith("✅ Saved: you have read up to chapter 1 of **The Long Lamp**"), last[-1].text
    refused = private_and_short(
        await club.slash("excerpt read", member=club.member, story=str(story), chapter=1, page=4)
    )
    assert refused.text == "There are only 3 pages of chapter 1; pick a page from 1 to 3.", refused.text
    short = await club.slash("excerpt read", member=club.member, story=str(story), chapter=2)
    assert not any("Page 1" in reply.text for reply in short), [reply.text for reply in short]


async def test_a_moderator_scheduling_where_dogear_lacks_permissions_is_told_to_ask_an_admin(club: Club) -> None:
    await a_story(club, "The Moderated Lamp", chapters=2)
    options = {"story": "The Moderated Lamp", "chapter": 1, "when": "tomorrow 7pm", "channel": club.locked_channel}
    answer = private_and_short(await club.slash("discussion schedule", member=club.moderator, options=options))
    locked = club.locked_channel.mention()
    assert f"⚠️ In {locked} I am missing Send Messages" in answer.text, answer.text
    assert "so the discussion will not open there. Ask an admin to give Dogear Send Messages" in answer.text
    assert "Edit Channel" not in answer.text and "grant" not in answer.text, answer.text
    [discussion] = [word for word in answer.text.split() if word.startswith("**#")]
    await club.slash("discussion cancel", member=club.moderator, id=int(discussion.strip("*#")))


async def test_a_member_who_avoids_a_warning_is_shown_the_page_they_asked_for_once_they_confirm(club: Club) -> None:
    story = await long_chapter_story(club, 25)
    await club.slash("warnings story", member=club.admin, story=str(story), add="death")
    await club.slash("prefs avoid", member=club.member, warning="death")
    [asked] = await club.slash("excerpt read", member=club.member, story=str(story), chapter=1, page=2)
    assert "Show it anyway?" in asked.text and asked.labels == ["Show it anyway"], asked.text
    shown = await club.click(asked, "Show it anyway", member=club.member)
    assert "-# Page 2 of 3 of chapter 1 · next:" in shown[-1].text, [reply.text[-60:] for reply in shown]
    assert "📖" not in shown[0].text  # the header is page 1's


async def test_moving_or_cancelling_a_posted_discussion_says_what_to_do_instead(club: Club) -> None:
    story = await a_story(club, "The Posted Lamp", chapters=2)
    [scheduled] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=2, when="in 1 hour"
    )
    number = int(scheduled.text.split("**#", 1)[1].split("**", 1)[0])
    await advance(club, timedelta(hours=1, minutes=1))
    moved = private_and_short(await club.slash("discussion move", member=club.admin, id=number, when="tomorrow 7pm"))
    assert moved.text == (
        f"Discussion #{number} is already posted; it can't be moved: to discuss chapter 2 again, schedule a new one with "
        "`/discussion schedule`."
    ), moved.text
    cancelled = private_and_short(await club.slash("discussion cancel", member=club.admin, id=number))
    assert "only upcoming ones can be cancelled: its post and thread stay in the channel" in cancelled.text, (
        cancelled.text
    )


async def test_the_story_list_counts_its_stories_in_words(club: Club) -> None:
    await a_story(club, "The Only Lamp", chapters=2)
    [one] = await club.slash("story list", member=club.member)
    assert one.text.startswith("**Stories** (1 story):"), one.text
    for number in range(2, 12):
        await a_story(club, f"Lamp {number}", chapters=1)
    [many] = await club.slash("story list", member=club.member)
    assert many.text.startswith("**Stories** (page 1 of 2, 11 stories):"), many.text


async def test_a_discussion_refused_for_a_permission_is_listed_with_which_and_who_gives_it(club: Club) -> None:
    story = await a_story(club, "The Refused Lamp", chapters=2)
    await club.slash(
        "discussion schedule", member=club.admin, options={
            "story": str(story), "chapter": 1, "when": "in 3 hours", "remind": "none", "channel": club.locked_channel,
        },
    )  # fmt: skip
    with club.expect_errors(403, 50013):
        await advance(club, timedelta(hours=3))
    [listing] = await club.slash("discussion list", member=club.admin)
    lacking = "Send Messages, Embed Links and Create Public Threads in \\#announcements"
    assert f"posting\\: I am missing {lacking}." in listing.text, listing.text
    assert f"An admin gives Dogear's role {lacking} (Edit Channel → Permissions)." in listing.text, listing.text


async def test_a_post_stopped_by_a_permission_taken_away_names_it_and_who_gives_it(club: Club) -> None:
    story = await long_chapter_story(club, 60)
    options = {"story": str(story), "chapter": 1, "channel": club.text_channel}
    record = await club.runtime.run(
        club._slash("excerpt post", club.admin, club.channel(club.general_channel), None, options)
    )
    await club.wait_for(lambda: len(bot_posts(club, club.text_channel)) >= 3, "the post to start")
    with club.expect_errors(403, 50013):
        await club.set_overwrite(club.text_channel, club.bot_role, deny=P.SEND_MESSAGES)
        answer = (await club._settle(record))[-1]
    where = club.text_channel.mention()
    assert "stopped after" in answer.text and "I'm missing Send Messages there." in answer.text, answer.text
    assert f"Give Dogear's role (**Dogear**) Send Messages in {where} (Edit Channel → Permissions). Run" in (
        answer.text
    ), answer.text


async def test_every_story_menu_tells_look_alike_titles_apart_by_author_then_id(club: Club) -> None:
    austen, spaced = await two_books_of_one_title(club, "Emma", ("Jane Austen", "Jane  Austen"))
    cyrillic = await a_story(club, "\u0415mma", chapters=1)  # with a Cyrillic "Е", no author: read as "Emma"
    morrison, other = await two_books_of_one_title(club, "Beloved", ("Toni Morrison", "Someone Else"))
    kindred = await library_book(club, "Kindred", "Octavia E. Butler")
    choices = await club.autocomplete("progress set", "story", "", member=club.member)
    names = {int(choice["value"]): choice["name"] for choice in choices}
    assert names[austen] == f"Emma by Jane Austen · 1 ch. · id {austen}", names  # alike with their authors too
    assert names[spaced] == f"Emma by Jane Austen · 1 ch. · id {spaced}", names
    assert names[cyrillic] == "\u0415mma · 1 ch.", names  # no author: alike no more beside the two above
    assert (names[morrison], names[other]) == ("Beloved by Toni Morrison · 1 ch.", "Beloved by Someone Else · 1 ch.")
    assert names[kindred] == "Kindred · 1 ch.", names  # a name no other story shares stays short
