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


@pytest.mark.parametrize(
    "text",
    [
        # a grip under the table while smiling, and love as the excuse in the third person
        "at the dinner party he grips my wrist under the table, hard, still laughing at the host's story. "
        "later he says he's only doing this because he loves me.",
        # a parent's guilt on both of them, and 'nobody else will'
        "you're breaking our hearts, her father writes. i only tell you because nobody else will.",
        # 'no one else would take you on', and a grip under the tablecloth
        "no one else would take you on, my supervisor says, his hand tightening around my arm under the tablecloth.",
    ],
)
def test_controlling_lines_in_other_voices_warn(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a loving squeeze under the table, and a comforting line
        "my mum squeezed my hand under the table when they read out the results, and nobody else would notice.",
        "she's only doing it because she loves you, gran said, as my sister stole the last chip.",
        # a sports report
        "nobody else will take you on at this pace, the coach grinned, clapping me on the back at the finish.",
    ],
)
def test_affection_and_banter_stay_clean(text: str) -> None:
    assert "abuse" not in ids(text)


# Change 3 (kidnapping): a captive's belongings taken by their keepers, and food passed through a
# slot in a door, each a weak sign (0.5).


@pytest.mark.parametrize(
    "text",
    [
        # belongings taken on arrival, and food through a slot
        "the men took our passports on arrival, and the plates were slid through the flap each evening.",
        "the orderlies took her shoes and her hairpins when she arrived. her meals came through the slot in the door.",
        # belongings taken by the staff the first night, and food through a slot
        "the staff confiscated my shoelaces the first night, and the trays slid under the flap in the door.",
    ],
)
def test_signs_of_captivity_warn_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a pet and a game night
        "my dog took my shoes the first night at the new flat and hid them under the bed.",
        # a post slot and a cat flap
        "the parcel would not fit through the slot in the door, so the courier left it with the cat flap open.",
        # a phone kept for a friend at a festival
        "they took my phone at the airport security check and handed it back in a grey tray two minutes later.",
    ],
)
def test_everyday_slots_and_taken_things_stay_clean(text: str) -> None:
    assert "kidnapping" not in ids(text)


# Change 4 (sexism): stock lines of contempt for a woman because she is one. "If only you'd been
# a son", "the men are talking, sweetheart", a woman aboard as bad luck and "no women at the bar,
# love" warn alone; "if you weren't so emotional", "girls usually do better in the arts stream" and
# a woman engineer asked for coffee are weak signs (0.5) that need a second.


@pytest.mark.parametrize(
    "text",
    [
        "the old duke watched his daughter win the debate and said only, if only you'd been a boy.",
        "when she asked about the contract her grandfather waved a hand. the men are talking, love.",
        "it's bad luck to have a woman aboard, the cook grumbled as the new navigator climbed the gangway.",
        "you'd make a fine chemist if you weren't so emotional, he said. girls usually do better in the arts stream.",
        "the supplier turned to her and asked for a coffee, then said she seemed a bit emotional when she corrected him.",
    ],
)
def test_stock_lines_of_sexism_warn(text: str) -> None:
    assert "sexism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a girl's own wish, and a description of who was in a pub
        "i wish i'd been born a boy for about five minutes, just to see what football practice was like.",
        "there were no women at the bar that night, only the darts team and the landlord's dog.",
        # one weak sign alone: a friend moved at a wedding, a barista's order
        "she seemed a bit emotional during the vows, and honestly so did i.",
        "my brother turned to her and asked for a coffee, since she was standing by the machine.",
    ],
)
def test_near_misses_of_sexism_stay_clean(text: str) -> None:
    assert "sexism" not in ids(text)
