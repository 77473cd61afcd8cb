"""A boat's wake is not a funeral's (forty-first session; docs/warnings-eval.md, "Whole stories
(round 41)"): "the wake was loud behind the ferry" warned `death` as confidently as "the wake was held
at the pub after the service". The wake of a boat is told with the boat near it, or by what water
does; the gathering after a funeral keeps warning."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "the wake was loud behind the ferry and the gulls followed it all the way to the island.",
        "the wake is huge off the back of the tanker, and our little dinghy climbs every wave of it.",
        "we hung off the stern and watched the wake churning white, the engine too loud to talk over.",
        "the yacht's wake was still rocking the pontoon when we got down there with the cool box.",
    ],
)
def test_a_boats_wake_is_no_death(text: str) -> None:
    assert not ids(text) & {"death", "grief"}


@pytest.mark.parametrize(
    "text",
    [
        "the wake was held at the pub after the service, and aunt mo cried into her gin.",
        "the wake was at her sister's house; we took the ferry over the morning after the funeral.",
    ],
)
def test_the_gathering_after_a_funeral_still_warns(text: str) -> None:
    assert "death" in ids(text)
