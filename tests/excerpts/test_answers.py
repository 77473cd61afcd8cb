"""What the admin reads about a post: counts agree with their verbs, titles stay literal."""

from __future__ import annotations

import pytest

from bot.excerpts.answers import posted_text
from bot.excerpts.model import PostOutcome
from bot.excerpts.store import PostJob


def job(chunk_count: int) -> PostJob:
    return PostJob(
        id=1, guild_id=1, channel_id=55, story_id=2, chapter=3, state="done", failure=None, nonce_prefix="x.",
        chunk_count=chunk_count, sent=chunk_count, requested_by=9, anchor_id=7, application_id=None,
        interaction_token=None, interaction_at=0.0, created_at=0.0, updated_at=0.0,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("there", "said"),
    [
        (1, "1 message of it was already there, so I continued after it."),
        (4, "4 messages of it were already there, so I continued after them."),
    ],
)
def test_messages_already_there_agree_with_their_verb(there: int, said: str) -> None:
    text = posted_text(PostOutcome(job(6), "The *Tide*", there))
    assert text.startswith("Posted chapter 3 of **The \\*Tide\\*** in <#55>: 6 messages.")
    assert text.endswith(said)


def test_nothing_already_there_is_not_mentioned() -> None:
    assert posted_text(PostOutcome(job(1), "T", 0)) == "Posted chapter 3 of **T** in <#55>: 1 message."
