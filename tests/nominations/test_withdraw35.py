"""`/vote withdraw` with part of a title typed (session 34's sweep): "pira" for "Piranesi" was "not one of
this round's nominations", though a story's title is found from any part of it."""

from __future__ import annotations

import pytest

from bot.errors import UserError
from bot.nominations.service import NominationService
from tests.nominations.conftest import GUILD, OTHER_GUILD

MEL, OLLIE, MO = 2, 3, 4


async def _titles(service: NominationService, guild_id: int = GUILD) -> list[str]:
    return [n.title for n in await service.open_nominations(guild_id)]


async def test_part_of_one_title_withdraws_that_nomination(service: NominationService) -> None:
    await service.nominate(GUILD, MEL, "Piranesi")
    await service.nominate(GUILD, OLLIE, "The Left Hand of Darkness")
    removed = await service.withdraw(GUILD, "  pira ")
    assert removed.title == "Piranesi"
    assert await _titles(service) == ["The Left Hand of Darkness"]


async def test_part_of_several_titles_names_them_and_withdraws_none(service: NominationService) -> None:
    for member, title in [(MEL, "The Dispossessed"), (OLLIE, "The Left Hand of Darkness"), (MO, "Kindred")]:
        await service.nominate(GUILD, member, title)
    with pytest.raises(UserError) as raised:
        await service.withdraw(GUILD, "the")
    answer = str(raised.value)
    assert "Several nominations match" in answer and "**The Dispossessed**" in answer
    assert "**The Left Hand of Darkness**" in answer and "Kindred" not in answer
    assert len(await _titles(service)) == 3


async def test_a_whole_title_wins_over_a_longer_one_holding_it(service: NominationService) -> None:
    """Guard: "Dune" withdraws Dune, not asked again because "Dune Messiah" holds it too."""
    await service.nominate(GUILD, MEL, "Dune")
    await service.nominate(GUILD, OLLIE, "Dune Messiah")
    assert (await service.withdraw(GUILD, "dune")).title == "Dune"
    assert await _titles(service) == ["Dune Messiah"]


async def test_part_of_another_servers_title_is_no_nomination_here(service: NominationService) -> None:
    await service.nominate(OTHER_GUILD, MEL, "Middlemarch")
    await service.nominate(GUILD, MEL, "Beloved")
    with pytest.raises(UserError, match="not one of this round's nominations"):
        await service.withdraw(GUILD, "middle")
    assert await _titles(service, OTHER_GUILD) == ["Middlemarch"]
