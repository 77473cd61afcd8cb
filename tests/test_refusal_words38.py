"""What an admin reads when Discord refused a post past discord.py's own tries: the same words from
the excerpt poster and the nominations poller ("Discord answered 429" said nothing to someone who
does not know the status codes)."""

from __future__ import annotations

from types import SimpleNamespace

import discord
import pytest

from cogs._messages import why_discord_refused
from cogs.nominations.poller import refusal

CHANNEL_ID = 77


def http_error(kind: type[discord.HTTPException], status: int, text: str = "nope") -> discord.HTTPException:
    return kind(SimpleNamespace(status=status, reason="x"), {"message": text, "code": 0})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (http_error(discord.HTTPException, 429, "You are being rate limited."), "Discord kept asking me to slow down (rate limited)"),
        (http_error(discord.DiscordServerError, 502, "<html>Bad Gateway</html>"), "Discord failed on its side (502)"),
    ],
)  # fmt: skip
def test_the_poller_says_a_rate_limit_or_a_5xx_in_words_not_a_status(error: discord.HTTPException, words: str) -> None:
    said = str(refusal(error, None, CHANNEL_ID, {}))
    assert said == f"{words} in <#{CHANNEL_ID}>", said
    assert said.startswith(why_discord_refused(error))  # the excerpt poster's words, from the one helper


def test_the_poller_keeps_discords_words_for_another_refusal() -> None:
    said = str(refusal(http_error(discord.HTTPException, 400, "Invalid Form Body"), None, CHANNEL_ID, {}))
    assert said == f"Discord answered 400 (Invalid Form Body) in <#{CHANNEL_ID}>", said


def test_the_excerpt_poster_uses_the_same_helper() -> None:
    import cogs.excerpts.posting as posting

    assert posting.why_discord_refused is why_discord_refused
    assert why_discord_refused(http_error(discord.HTTPException, 429)) == (
        "Discord kept asking me to slow down (rate limited)"
    )
    assert why_discord_refused(http_error(discord.HTTPException, 403)) == "Discord answered 403"
