"""Whole-story false alarms (forty-fifth session, round storyfp45;
/work/scratch/s45/docs/storyfp45.md until the lead moves it to docs/warnings-eval.md).

A whole story holds many more heavy words used harmlessly than any passage: a pet lying on the
vet's examination table, a spectator who "stopped breathing" in the last seconds of a final, a
tie-break called sudden death. Each shape here is fixed in general words, and each has a twin
that is really what it sounds like and must still warn. Every passage here is new text written
for these tests."""

from __future__ import annotations

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset


def detected(*paragraphs: str) -> set[str]:
    """The confident warnings of a one-scene story of these paragraphs."""
    chapter = Chapter(1, None, [Scene(list(paragraphs))])
    return scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared()).detected_ids()


# --- a check-up on the examination table is no procedure -------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The puppy sat on the examination table wagging at everybody while the vet looked in his ears.",
        "Grandad perched on the exam couch in his socks and told the doctor about his allotment.",
        "She climbed off the exam table, buttoned her coat, and the nurse said see you next year.",
    ],
)
def test_a_checkup_on_the_exam_table_is_no_procedure(line: str) -> None:
    assert "procedures" not in detected(line)


@pytest.mark.parametrize(
    "line",
    [
        "He lay on the operating table while the surgeon scrubbed in and the anaesthetist counted him down.",
        "On the examination table the vet shaved a patch of his leg and slid the cannula in before the drip.",
    ],
)
def test_a_procedure_on_the_table_still_warns(line: str) -> None:
    assert "procedures" in detected(line)
