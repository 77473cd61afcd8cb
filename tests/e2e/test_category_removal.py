"""``/warnings rules remove-category``: an admin removes a category the server added, with what refers
to it, after seeing what goes; members cannot; Dogear's own categories cannot be removed."""

from __future__ import annotations

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings import service, store
from bot.warnings.patterns import MAX_CUSTOM_CATEGORIES
from tests.e2e.test_warnings import add_story, warning_ids


async def own_categories(club: Club) -> set[str]:
    return {category.id for category, _ in await club.run(service.custom_categories(club.bot.db, club.guild.id))}


# Spiders in the first chapter only: the admin's `add` shows them on the second too, so it is a change
# (a warning every chapter shows already is not added again: session 37).
WEBS_AND_RAIN = Story(
    StoryMeta("Webs"),
    [
        Chapter(1, None, [Scene(["A spider crawled over the pillow.", "She slept on."])]),
        Chapter(2, None, [Scene(["The rain fell all night."])]),
    ],
    "txt",
)


async def spiders_everywhere(club: Club) -> int:
    """A story, a rule of the new category `spiders`, an admin's warning change and a member avoiding it."""
    story_id = await add_story(club, WEBS_AND_RAIN)
    added = await club.slash(
        "warnings rules add", member=club.admin, category="spiders", pattern="~spider", new_category=True
    )
    assert "Added rule #" in added[-1].text
    await club.slash("warnings story", member=club.admin, story=str(story_id), add="spiders")
    await club.slash("prefs avoid", member=club.member, warning="spiders")
    return story_id


async def test_a_member_without_manage_server_cannot_remove_a_category(club: Club) -> None:
    await spiders_everywhere(club)
    refused = await club.slash("warnings rules remove-category", member=club.member, category="spiders")
    assert refused[-1].ephemeral and "Manage Server" in refused[-1].text and not refused[-1].buttons
    assert "spiders" in await own_categories(club)


async def test_the_admin_sees_what_goes_cancels_then_removes(club: Club) -> None:
    story_id = await spiders_everywhere(club)
    choices = await club.autocomplete("warnings rules remove-category", "category", "", member=club.admin)
    assert [c["value"] for c in choices] == ["spiders"]  # only the server's own
    rule = (await club.run(service.list_rules(club.bot.db, club.guild.id)))[0]

    asked = await club.slash("warnings rules remove-category", member=club.admin, category="spiders")
    question = asked[0]
    assert question.ephemeral and question.labels == ["Remove", "Cancel"]
    assert "Remove the category **Spiders** (`spiders`)? With it go:" in question.text
    assert f"• its 1 rule: #{rule.id}" in question.text
    assert "• its warning added or hidden with `/warnings story` on 1 story" in question.text
    assert "• its place among the avoided warnings of 1 member" in question.text
    cancelled = await club.click(question, "Cancel", member=club.admin)
    assert "Nothing was removed." in cancelled[-1].text
    assert "spiders" in await own_categories(club)

    asked = await club.slash("warnings rules remove-category", member=club.admin, category="spiders")
    twice = await club.slash("warnings rules remove-category", member=club.admin, category="spiders")
    done = await club.click(asked[0], "Remove", member=club.admin)
    text = done[-1].text
    assert "Removed the category **Spiders** (`spiders`)." in text and f"its 1 rule: #{rule.id}" in text
    assert "Re-scanned 1 story." in text and not done[-1].buttons
    assert "spiders" not in await own_categories(club)
    assert await warning_ids(club, story_id) == set()
    shown = await club.slash("prefs show", member=club.member)
    assert "spiders" not in shown[-1].text.lower()
    listed = await club.slash("warnings categories", member=club.member)
    assert "`spiders`" not in listed[0].text
    again = await club.click(twice[0], "Remove", member=club.admin)
    assert "already removed" in again[-1].text


async def test_dogears_own_categories_point_to_disable(club: Club) -> None:
    refused = await club.slash("warnings rules remove-category", member=club.admin, category="death")
    assert refused[-1].ephemeral and not refused[-1].buttons
    assert "cannot be removed" in refused[-1].text and "`/warnings rules disable target:death`" in refused[-1].text


async def test_what_changed_since_the_question_is_shown_before_anything_goes(club: Club) -> None:
    await spiders_everywhere(club)
    asked = await club.slash("warnings rules remove-category", member=club.admin, category="spiders")
    await club.slash("warnings rules add", member=club.admin, category="spiders", pattern="~cobweb")
    pressed = await club.click(asked[0], "Remove", member=club.admin)
    assert "changed since you asked, so nothing was removed yet" in pressed[-1].text
    assert "its 2 rules" in pressed[-1].text and pressed[-1].labels == ["Remove", "Cancel"]
    assert "spiders" in await own_categories(club)
    done = await club.click(pressed[-1], "Remove", member=club.admin)
    assert "Removed the category **Spiders**" in done[-1].text and "its 2 rules" in done[-1].text
    assert "spiders" not in await own_categories(club)


async def test_after_a_restart_only_the_asking_admin_with_manage_server_can_remove(club: Club) -> None:
    await spiders_everywhere(club)
    asked = await club.slash("warnings rules remove-category", member=club.admin, category="spiders")
    await club.restart()
    remove = next(b["custom_id"] for b in asked[0].buttons if b["label"] == "Remove")
    other_admin = await club.forge_press(remove, member=club.owner)
    assert other_admin[-1].ephemeral and "Only the admin who asked" in other_admin[-1].text
    await club.set_role_permissions(club.admin_role, P.MANAGE_MESSAGES)  # the admin lost Manage Server since
    refused = await club.click(asked[0], "Remove", member=club.admin)
    assert "Manage Server" in refused[-1].text
    assert "spiders" in await own_categories(club)


async def test_at_the_cap_with_all_referred_to_removing_one_lets_a_new_one_be_created(club: Club) -> None:
    story_id = await add_story(club)

    async def fill() -> None:
        async with club.bot.db.transaction() as tx:
            for n in range(MAX_CUSTOM_CATEGORIES):  # each kept, without rules, by a story's warning change
                await store.insert_category(tx, club.guild.id, f"cat-{n}", f"Cat {n}", None, 0.0)
                await store.upsert_override(tx, club.guild.id, story_id, f"cat-{n}", "add", None, 0.0)

    await club.run(fill)
    refused = await club.slash(
        "warnings rules add", member=club.admin, category="moths", pattern="~moth", new_category=True
    )
    assert "the limit" in refused[-1].text and "`/warnings rules remove-category`" in refused[-1].text
    asked = await club.slash("warnings rules remove-category", member=club.admin, category="cat-7")
    assert "on 1 story" in asked[0].text
    await club.click(asked[0], "Remove", member=club.admin)
    added = await club.slash(
        "warnings rules add", member=club.admin, category="moths", pattern="~moth", new_category=True
    )
    assert "Added rule #" in added[-1].text
    names = await own_categories(club)
    assert "moths" in names and "cat-7" not in names and len(names) == MAX_CUSTOM_CATEGORIES
