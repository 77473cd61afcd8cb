"""Deaths told by the finding: someone found after a time, then what follows a death; and their
harmless twins (death56).

See docs/warnings-eval.md, "Fifty-sixth session", death56. Writers of different sets tell a death by
who found the dead person and when ("the divers found her on the fourth day", "the morning girl found
him at seven", "when the milkman found him at five"), then by what only a death brings: the inquest,
the police report, the stretcher, the coroner, a grave, someone to tell the mother, a face down in the
gutter. `r56-found-then` needs both in one paragraph. Someone found alive and doing something (asleep,
reading, snoring, fine) is not a death, so its `unless` keeps the finding out.

Death's `body` rule had its commonest words at full weight alone: "(is, was, were, has been, already)
dead" with any subject, "the dead", "corpse", "cadaver". Alone they are a go group, the queue at the
Underworld's gates, a cadaver lab, a corpse in a gothic novel. They are `r56-body-weak` now (0.6): a
death with them needs a second sign (a funeral, the paramedics, a pronoun's "she's dead" or "he was
dead", which stay in `body`). A named or kin subject with no second sign ("Grandad was dead when the
ambulance came") no longer warns; docs/warnings-eval.md gives the count of that cost.
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


@pytest.mark.parametrize(
    "text",
    [
        # the dead of a game, a myth, a lab, a novel: "dead", "the dead", "cadaver", "corpse" alone
        '"Your group in the corner is already dead," he said, and set down a white stone on the go board.',
        "The dead, lined up at the gates of the Underworld, applauded when Persephone arrived with her suitcases.",
        "Reminder: the cadaver lab is on Thursday, wear closed shoes, and whoever faints buys the doughnuts.",
        "In the novel there was a corpse behind the black veil, and I read until two with a single candle.",
    ],
)
def test_a_lone_dead_word_does_not_warn(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same words beside a second sign, or said of "he" or "she"
        "Her husband was dead by morning, and the funeral was held on the Friday in the rain.",
        "She's dead. The paramedics covered her with a sheet and nobody spoke.",
        "The corpse lay in the ditch for three days before anyone came to bury it.",
        "He was dead. His mother held him and screamed, and the doctor closed his eyes.",
    ],
)
def test_a_dead_word_with_a_second_sign_warns(text: str) -> None:
    assert "death" in ids(text)
