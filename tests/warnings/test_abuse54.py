"""Abuse told the way several blind writers told it, and the light signs of the fifty-third session
narrowed (fifty-fourth session, abuse54; docs/warnings-eval.md "Fifty-fourth session").

- Narrowed: two of abuse53's light signs (weight 0.5, abuse only beside a second sign in the same
  scene) read ordinary speech. "You'll never leave me" is what a flatmate whispers to a sourdough
  starter and what a film trailer's villain says; "asked for anything" is a radio request. Now the
  owner's voice has no "you'll never leave", and self-erasure needs asking permission, or asking
  before everything.

Every text is new and written for the test. Each warning case is the warned twin of a narrowing or
failed before its change; each harmless twin stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids, story_ids


@pytest.mark.parametrize(
    "scene",
    [
        [
            'My flatmate whispers "you\'ll never leave me" to her sourdough starter every morning.',
            "On the hospital radio someone asked for anything with bagpipes, so he played three songs.",
        ],
        [
            "The trailer has a clown and a man who keeps whispering 'you'll never leave'.",
            "My brother asks for anything with extra cheese, and we share the big popcorn.",
        ],
    ],
)
def test_a_sourdough_starter_and_a_radio_request_stay_clean(scene: list[str]) -> None:
    assert not {"abuse", "child-abuse"} & story_ids([scene])


def test_asking_his_permission_before_everything_still_warns_beside_the_owner_s_voice() -> None:
    scene = [
        "She asked his permission before everything, even buying milk.",
        '"Where would you even go?" he said, when she mentioned her sister.',
    ]
    assert "abuse" in story_ids([scene])
