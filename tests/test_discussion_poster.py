"""The discussion poster's reading of Discord's failures: which are worth another try later."""

from __future__ import annotations

from types import SimpleNamespace

import aiohttp
import discord
import pytest

from bot.discussions.service import PostFailure, Unreachable
from cogs.discussions.refusals import reaching, refusal


def http_error(kind: type[discord.HTTPException], status: int) -> discord.HTTPException:
    return kind(SimpleNamespace(status=status, reason="x"), {"message": "nope", "code": 0})  # type: ignore[arg-type]


def test_discord_failing_on_its_side_is_tried_again_later() -> None:
    assert isinstance(refusal(http_error(discord.DiscordServerError, 503), "posting"), Unreachable)


@pytest.mark.parametrize(("kind", "status"), [(discord.Forbidden, 403), (discord.NotFound, 404)])
def test_a_refusal_is_a_lasting_failure(kind: type[discord.HTTPException], status: int) -> None:
    failure = refusal(http_error(kind, status), "posting")
    assert isinstance(failure, PostFailure) and not isinstance(failure, Unreachable)


@pytest.mark.parametrize("error", [aiohttp.ClientConnectionError("refused"), TimeoutError(), ConnectionResetError()])
def test_a_connection_that_failed_is_tried_again_later(error: Exception) -> None:
    with pytest.raises(Unreachable, match="Discord could not be reached") as failed, reaching("posting"):
        raise error
    # The reason an admin reads in /discussion list: a few words, never a Python class name.
    assert type(error).__name__ not in str(failed.value), failed.value


def test_a_rate_limit_reads_as_every_other_poster_says_it() -> None:
    """A 429 past discord.py's tries: the discussion poster said "kept asking me to wait" where the
    excerpt poster and the nominations poller say "kept asking me to slow down"; one wording, one helper."""
    failure = refusal(http_error(discord.HTTPException, 429), "posting the reminder")
    assert isinstance(failure, Unreachable)
    assert str(failure) == "posting the reminder: Discord kept asking me to slow down (rate limited)"


def test_a_failure_on_discords_side_names_its_status() -> None:
    failure = refusal(http_error(discord.DiscordServerError, 502), "posting")
    assert str(failure) == "posting: Discord failed on its side (502)"
