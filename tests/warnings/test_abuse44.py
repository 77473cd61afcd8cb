"""Abuse told through what the controlling person says (forty-fourth session; notes in
/work/scratch/s44/docs/abuse44.md for docs/warnings-eval.md).

Change 1, the controller's lines, each a weak sign (0.5): harm excused as love ("I'm doing this
because I love you"), guilt laid on as a threat to a relative's life or heart ("do you want to
kill your mother?"), obedience under a roof ("while you live under my roof"), a threat tied to
leaving ("if you leave I'll do it"; "or you'll never see her again"), food withheld as
punishment ("no supper until ..."), and a row denied afterwards ("that never happened," he said).
One alone stays clean; two together, or one beside an older sign, warn. Every text here is new
and short, written for the test, in general words."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # love as the excuse, and obedience under his roof
        "while you live under my roof you follow my rules, my father says. i'm doing this because i love you.",
        # a threat tied to leaving, and guilt laid on the children's grandmother
        "if you leave tonight i'll do it, he texts. it would kill your mother to hear what you've done.",
        # food withheld, and obedience
        "no supper until you say sorry, mum says. you'll do as you're told in this family.",
        # a row denied, and love as the excuse
        '"that never happened," he said, when i showed her the dent in the door. "i only say it because i love you."',
        # a child kept as leverage, and guilt
        "sign the papers or you'll never see the kids again. you're breaking your mother's heart, you know that?",
    ],
)
def test_two_controlling_lines_warn(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # one line alone stays clean
        "i'm doing this because i love you, she laughed, and handed him the last slice of cake.",
        "no dinner until eight tonight, the oven is broken, so we'll get chips later.",
        "while you live under my roof you're watering my plants, my aunt joked, handing me the can.",
        # a ghost story and a joke, not a row denied
        '"that never happened," she said about the ghost in the attic, and we all laughed at grandad.',
        # a film told to a friend
        "we watched the film where the dad says you'll do as you're told, and it's so cheesy we paused it.",
    ],
)
def test_one_line_or_a_near_miss_stays_clean(text: str) -> None:
    assert "abuse" not in ids(text)
