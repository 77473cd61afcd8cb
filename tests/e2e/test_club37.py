"""Club admins' and members' slips found by the session-37 probe, answered through the Discord double.

Each test is a command whose answer claimed something that did not happen (a setting "cleared" that was
never set), or that let a duplicate in, or that did work nobody asked for.
"""

from __future__ import annotations

from bot.devtools.driver import Club
from bot.guilds import get_settings
from bot.warnings import service as warnings_service
from tests.e2e.test_mistakes34 import private_and_short


async def test_clearing_a_setting_that_is_not_set_says_there_is_nothing_to_clear(club: Club) -> None:
    answer = private_and_short(await club.slash("config clear", member=club.admin, setting="club_channel"))
    assert "nothing to clear" in answer.text and "Cleared" not in answer.text, answer.text
    answer = private_and_short(await club.slash("config clear", member=club.admin, setting="timezone"))
    assert "nothing to clear" in answer.text and "UTC" in answer.text, answer.text

    await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    [cleared] = await club.slash("config clear", member=club.admin, setting="club_channel")
    assert "Cleared the club channel" in cleared.text
    settings = await club.run(get_settings(club.bot.db, club.guild.id))
    assert settings.club_channel_id is None


async def test_a_rule_phrase_in_another_letter_case_is_refused_as_a_duplicate(club: Club) -> None:
    """Phrases match whatever their case, so "Perished at Sea" is the rule "perished at sea" again."""
    added = await club.slash("warnings rules add", member=club.admin, category="death", pattern="perished at sea")
    assert "Added rule #" in added[-1].text, added[-1].text
    again = private_and_short(
        await club.slash("warnings rules add", member=club.admin, category="death", pattern="Perished  AT sea")
    )
    assert "already exists as #" in again.text, again.text
    rules = await club.run(warnings_service.list_rules(club.bot.db, club.guild.id))
    assert [rule.pattern for rule in rules] == ["perished at sea"]
