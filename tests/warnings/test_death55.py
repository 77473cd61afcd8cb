"""Deaths told inside a frame of play with a sign that the death is real, and their harmless twins
(death55).

See docs/warnings-eval.md, "Fifty-fifth session", death55. A death told at a fencing bout, a quiz
night, a dice group or on a tour bus sits beside the category's signs of play, which silence it. The
death category's `real` list keeps such a death when its own paragraph carries a sign no game, film
or joke gives: the next of kin told, a death certificate that says a cause, a body identified or
flown home, the dead person's own funeral imagined by the living ("he'd have hated the funeral").
Widening the empty chair's time since to "for the first month" or "all term" was tried and dropped:
a chair kept free for the first month of term for its wobbly leg is its twin.

The twins use the same words where nobody died: a game character who died and a joking "next of
kin", a printer's funeral, a passport photo nobody could identify, a quiz question about death
certificates, a flatmate's chair kept free for the first month of term.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # play, hyperbole and forms: the real signs' words, nobody dead
        "In the video game my knight died twice and I told my sister to tell my next of kin to avenge me, lol.",
        "The old printer died mid-print during quiz night and we held a funeral for it by the bins.",
        "Grandad's passport photo was so bad the border officer could barely identify him.",
        "My phone died during the board game night, so Dad had to fill in my next of kin form on paper.",
        "The villain died in the final episode and she'd have loved the funeral scene if she'd stayed awake.",
        "The quiz question asked who signs the death certificate in a murder mystery, and nobody knew.",
        "The dice hated me all session; my rogue died three times and I said I'd have liked the funeral at least.",
        # a place kept free, nobody dead
        "The empty chair by the window was Jo's; nobody sat in it for the first month of term because of the wobbly leg.",
    ],
)
def test_nobody_died_does_not_warn(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a real death beside a frame of play, with a sign it is real
        "The fencing bout was only an exhibition for the sponsors, but the blade went through his mask and Piotr "
        "died on the piste before the medics reached him; his next of kin were told that night.",
        "Between rounds at the laser tag arena the old marshal collapsed and died; the death certificate said "
        "cardiac arrest and his daughter framed his last score card.",
        "The quiz night went on for ten minutes before anyone noticed Mr Hale had died at the back table; the "
        "police notified his next of kin before closing time.",
        "She had died on the tour bus somewhere outside Leeds. The band cancelled the show, and her body was "
        "flown home to Cork on the Tuesday.",
    ],
)
def test_real_death_warns(text: str) -> None:
    assert "death" in ids(text)
