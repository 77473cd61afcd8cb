"""Club admins' and members' slips of round 8 (session 39), answered through the Discord double."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import timedelta

from bot.devtools.driver import Club
from bot.nominations import store as nominations_store
from bot.progress.store import mark_read
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from bot.warnings import service as warnings_service
from tests.e2e.test_author_words import TEXT as UNDERTOW
from tests.e2e.test_books import add_book
from tests.e2e.test_discussions import advance
from tests.e2e.test_mistakes34 import private_and_short
from tests.e2e.test_nominations import nominate, set_club_channel, start_vote


async def library_story(club: Club, title: str, author: str | None = None, chapters: int = 1) -> int:
    story = Story(
        meta=StoryMeta(title=title, author=author),
        chapters=[Chapter(n, None, [Scene([f"Page {n}."])]) for n in range(1, chapters + 1)],
        source_format="txt",
    )
    digest = hashlib.sha256(f"{club.guild.id}:{title}:{author}".encode()).hexdigest()
    return await club.run(add_story(club.bot.db, club.guild.id, story, content_hash=digest, added_by=None, now=0.0))


async def nominated_story_ids(club: Club) -> list[int | None]:
    round_id = await club.run(nominations_store.open_round_id(club.bot.db, club.guild.id))
    listed = await club.run(nominations_store.list_nominations(club.bot.db, club.guild.id, round_id))
    return [n.story_id for n in listed]


async def test_a_book_picked_from_the_nominate_menu_is_that_book_even_when_its_search_shows_no_other(
    club: Club,
) -> None:
    """ "Emma" and "Emma!" are one title to nominations; typing "emma!" lists only the second, whose
    menu value was its bare title, so the pick asked "which book?" (or backed the nominated "Emma")."""
    await library_story(club, "Emma", "Jane Austen")
    other = await library_story(club, "Emma!", "Someone Else")
    [choice] = await club.autocomplete("nominate", "title", "emma!", member=club.member)
    assert choice["name"] == "Emma! by Someone Else", choice
    [done] = await club.slash("nominate", member=club.member, title=choice["value"])
    assert "You nominated **Emma!** by Someone Else" in done.text, done.text
    assert await nominated_story_ids(club) == [other]


async def test_a_member_avoids_what_an_author_warns_of_that_no_category_matches(club: Club) -> None:
    """ "drowning" (chapter 2's note) matched no category: /prefs avoid refused it, so a member who
    avoids drowning read chapter 2 unasked and was reminded to read on to it. Now the words are avoided
    as any warning is: the menu offers them, reading asks first, the reminder leaves the member out."""
    db, guild_id = club.bot.db, club.guild.id
    added = await club.slash("story add", member=club.admin, file=("undertow.txt", UNDERTOW.encode()))
    story_id = int(added[-1].text.split("(story id ")[1].split(",")[0])
    offered = await club.autocomplete("prefs avoid", "warning", "drown", member=club.member)
    assert [choice["value"] for choice in offered] == ["words:drowning"], offered
    assert "no category" in offered[0]["name"], offered
    [noted] = await club.slash("prefs avoid", member=club.member, warning="Drowning", strict=True)
    assert noted.ephemeral and "Noted: you avoid **“drowning”**" in noted.text, noted.text
    assert "Strict does not apply to words" in noted.text, noted.text
    [shown] = await club.slash("prefs show", member=club.member)
    assert "**drowning** (an author's or admin's words, no category: I ask before chapters" in shown.text, shown.text
    [asked] = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=2)
    assert "has a warning you asked to avoid: **drowning**" in asked.text, asked.text
    first = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=1)
    assert "asked to avoid" not in first[0].text, first[0].text
    typo = private_and_short(await club.slash("prefs avoid", member=club.member, warning="drownign"))
    assert "“drownign” is not a warning this server knows, nor words a story here warns of" in typo.text, typo.text

    for member in (club.member, club.other_member):
        await club.run(mark_read(db, guild_id, member.id, story_id, 1, now=0))
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story_id), chapter=2, when="in 4 hours",
        remind="2h", channel=club.text_channel,
    )  # fmt: skip
    await advance(club, timedelta(hours=2))
    [reminder] = club.messages(club.text_channel, include_replies=False)
    assert club.other_member.mention() in reminder.text and club.member.mention() not in reminder.text, reminder.text

    [allowed] = await club.slash("prefs allow", member=club.member, warning="DROWNING")
    assert "Done: chapters with **“drowning”** no longer ask you" in allowed.text, allowed.text
    read = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=2)
    assert "asked to avoid" not in read[0].text, read[0].text


async def test_adding_a_book_with_words_no_category_matches_says_members_can_avoid_them(club: Club) -> None:
    _, text = await add_book(club, title="The Salt Road", chapters=6, warnings="violence, drowning")
    assert "can avoid it by its words with `/prefs avoid`" in text and "does not cover" not in text, text
    [noted] = await club.slash("prefs avoid", member=club.member, warning="drowning")
    assert "Noted: you avoid **“drowning”**" in noted.text, noted.text


async def test_a_discussion_at_20h_as_european_members_write_it(club: Club) -> None:
    """ "tomorrow 20h" was "I can't read it"; "20h" alone reads two ways and the answer gives both fixes."""
    book = await library_story(club, "The Salt Road", chapters=3)
    [bare] = await club.slash("discussion schedule", story=str(book), chapter=1, when="20h")
    assert bare.ephemeral and "write `20:00` for the time of day or `in 20h` for 20 hours from now" in bare.text
    [done] = await club.slash("discussion schedule", story=str(book), chapter=1, when="tomorrow 20h30")
    assert "of **The Salt Road**, chapter 1, is scheduled" in done.text, done.text  # ids count across servers
    [listed] = await club.slash("discussion list")
    due = club.clock.now().replace(hour=20, minute=30, second=0, microsecond=0) + timedelta(days=1)
    assert f"<t:{int(due.timestamp())}:F>" in listed.text, listed.text


async def test_a_rule_added_to_a_category_named_as_members_read_it(club: Club) -> None:
    """ "Self Harm" (the label) or "MCD" (what authors call it) was "There is no warning category" in
    /warnings rules add, though /prefs avoid and /warnings report take those names."""
    added = await club.slash("warnings rules add", category="Self Harm", pattern="cut her wrists")
    assert "Added rule #" in added[-1].text and "self-harm" in added[-1].text.casefold(), added[-1].text
    mcd = await club.slash("warnings rules add", category="MCD", pattern="the captain was gone for good")
    assert "Added rule #" in mcd[-1].text, mcd[-1].text
    rules = await club.run(warnings_service.list_rules(club.bot.db, club.guild.id))
    assert {rule.category for rule in rules} == {"self-harm", "death"}, rules  # MCD is Death here
    still = private_and_short(await club.slash("warnings rules add", category="spiders", pattern="cobweb"))
    assert "There is no warning category “spiders” here" in still.text, still.text


async def test_withdrawing_a_title_typed_from_the_running_vote_says_why_it_cannot(club: Club) -> None:
    """Typed (not picked), a title in the running poll was answered "This round has no nominations to
    take out yet", as though it did not exist."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Kindred")
    await start_vote(club)
    refusal = private_and_short(await club.slash("vote withdraw", nomination="beloved"))
    assert "**Beloved** is in the vote running now" in refusal.text, refusal.text
    await nominate(club, club.moderator, "Dune")  # the next round's: it can come out
    [done] = await club.slash("vote withdraw", nomination="Dune")
    assert "Took **Dune** out of this round" in done.text, done.text


async def test_two_admins_creating_one_category_at_once_both_get_their_rule(club: Club) -> None:
    """The second add failed on the category's unique key: "Something went wrong on my side" and a traceback."""
    answers = await asyncio.gather(
        club.slash("warnings rules add", member=club.admin, category="spiders", pattern="spider", new_category=True),
        club.slash("warnings rules add", member=club.owner, category="spiders", pattern="cobweb", new_category=True),
    )
    for replies in answers:
        assert "Added rule #" in replies[-1].text and "went wrong" not in replies[-1].text, replies[-1].text
    rules = await club.run(warnings_service.list_rules(club.bot.db, club.guild.id))
    assert sorted((rule.category, rule.pattern) for rule in rules) == [("spiders", "cobweb"), ("spiders", "spider")]


async def test_a_move_and_a_cancel_at_once_say_what_became_of_the_discussion(club: Club) -> None:
    """The move that lost to a cancel said "started posting just now", which it had not."""
    book = await library_story(club, "The Salt Road", chapters=3)
    [scheduled] = await club.slash("discussion schedule", story=str(book), chapter=1, when="in 2 days")
    number = int(scheduled.text.split("**#")[1].split("**")[0])
    moved, cancelled = await asyncio.gather(
        club.slash("discussion move", member=club.admin, id=number, when="in 3 days"),
        club.slash("discussion cancel", member=club.owner, id=number),
    )
    assert f"Discussion #{number} is cancelled." in cancelled[-1].text, cancelled[-1].text
    said = moved[-1].text
    assert "posting" not in said, said
    assert f"Discussion #{number} now opens" in said or "was cancelled just now" in said, said


async def test_a_typed_title_two_library_books_share_asks_which_however_many_titles_hold_its_word(club: Club) -> None:
    """Thirty "Emma ..." titles sort before "Emma.": the look-up saw only the first 25 titles holding
    "emma", found one book of the title, and nominated it as though it were the only one."""
    await library_story(club, "Emma", "Jane Austen")
    other = await library_story(club, "Emma.", "Someone Else")
    for number in range(1, 31):
        await library_story(club, f"Emma {number}")
    asked = private_and_short(await club.slash("nominate", member=club.member, title="emma"))
    assert "The library has 2 books titled **emma** (by Jane Austen and by Someone Else)" in asked.text, asked.text
    [done] = await club.slash("nominate", member=club.member, story=str(other))
    assert "You nominated **Emma.** by Someone Else" in done.text, done.text


async def test_a_plan_every_other_friday_and_one_on_two_days_a_week(club: Club) -> None:
    book = await library_story(club, "The Salt Road", chapters=3)
    [planned] = await club.slash("discussion plan", story=str(book), start="friday 19:00", every="every other Friday")
    assert "Planned 3 discussions of **The Salt Road**, every other Friday" in planned.text, planned.text
    refused = private_and_short(
        await club.slash("discussion plan", story=str(book), start="monday 19:00", every="mon,wed", from_chapter=2)
    )
    assert "cannot meet on several days a week (“mon,wed”)" in refused.text, refused.text


async def test_a_story_name_typed_with_a_slip_is_answered_with_the_titles_it_is_close_to(club: Club) -> None:
    """ "No story matches “Emmma” ...; pick one from the list" left the member to find their typo."""
    await library_story(club, "Emma", "Jane Austen")
    await library_story(club, "Station Eleven")
    await library_story(club, "The Left Hand of Darkness")
    slip = private_and_short(await club.slash("progress set", member=club.member, story="Emmma", chapter=1))
    assert "No story in this server's library matches “Emmma”" in slip.text, slip.text
    assert slip.text.endswith("Did you mean **Emma**?"), slip.text
    [info] = await club.slash("story info", member=club.member, story="statoin eleven")
    assert info.text.endswith("Did you mean **Station Eleven**?"), info.text
    [none] = await club.slash("story info", member=club.member, story="zzz")
    assert "Did you mean" not in none.text, none.text


async def test_a_warning_typed_with_a_slip_is_answered_with_the_category_it_is_close_to(club: Club) -> None:
    book = await library_story(club, "The Salt Road", chapters=3)
    avoid = private_and_short(await club.slash("prefs avoid", member=club.member, warning="slef harm"))
    assert avoid.text.endswith("Did you mean **Self\\-harm**?"), avoid.text
    report = private_and_short(
        await club.slash("warnings report", member=club.member, story=str(book), chapter=1, warning="sucide")
    )
    assert report.text.endswith("Did you mean **Suicide**?"), report.text
    rule = private_and_short(await club.slash("warnings rules add", category="deth", pattern="perished"))
    assert rule.text.endswith("Did you mean **Death**?"), rule.text
    far = private_and_short(await club.slash("prefs avoid", member=club.member, warning="spiders"))
    assert "Did you mean" not in far.text, far.text


async def test_withdrawing_a_title_typed_with_a_slip_names_the_nomination_it_is_close_to(club: Club) -> None:
    await nominate(club, club.member, "Piranesi")
    await nominate(club, club.other_member, "Kindred")
    slip = private_and_short(await club.slash("vote withdraw", nomination="Piranesl"))
    assert "That is not one of this round's nominations" in slip.text, slip.text
    assert slip.text.endswith("Did you mean **Piranesi**?"), slip.text
