"""Club admins' and members' slips found by the session-37 probe, answered through the Discord double.

Each test is a command whose answer claimed something that did not happen (a setting "cleared" that was
never set), or that let a duplicate in, or that did work nobody asked for.
"""

from __future__ import annotations

from bot.devtools.driver import Club
from bot.guilds import get_settings
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
