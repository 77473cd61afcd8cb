"""Deaths told by the finding: someone found after a time, then what follows a death; and their
harmless twins (death56).

See docs/warnings-eval.md, "Fifty-sixth session", death56. Writers of different sets tell a death by
who found the dead person and when ("the divers found her on the fourth day", "the morning girl found
him at seven", "when the milkman found him at five"), then by what only a death brings: the inquest,
the police report, the stretcher, the coroner, a grave, someone to tell the mother, a face down in the
gutter. `r56-found-then` needs both in one paragraph. Someone found alive and doing something (asleep,
reading, snoring, fine) is not a death, so its `unless` keeps the finding out.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # found later, alive and well
        "We found them two hours later in the kitchen, elbow deep in flour, and the nurse said they were fine.",
        "The teacher found him the next day in the library, reading about the Egyptian burial chambers for a project.",
        "I found them at dawn on the beach, face down on their towels, sunburnt and snoring.",
        "Dad found her the next morning asleep on the sofa; she had a funeral to sing at on Friday for the choir.",
    ],
)
def test_found_alive_does_not_warn(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # found after a time, then what only a death brings
        "The search party found him on the third day, wedged under the ice shelf, and the stretcher team carried "
        "him up the slope in silence.",
        "Her neighbour found her two days later in the armchair by the window; the inquest called it natural causes.",
        "The warden found him on the Sunday at the bottom of the ravine, face down in the bracken.",
        "Two hikers found her three weeks later in the woods, and the police report ran to four pages.",
        "The coastguard found them the next day among the rocks, and a sergeant came round to tell the family.",
        "We found him at first light by the wreck of the cart, and by noon there was a new grave at the crossroads.",
    ],
)
def test_found_then_warns(text: str) -> None:
    assert "death" in ids(text)
