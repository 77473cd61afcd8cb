"""Abuse told as watching, threats, gaslighting and a partner's destroying of her things, by
compositions of words (fifty-first session, abuse51; docs/warnings-eval.md "Fifty-first session").

Last session's compositions asked for a person x control x fear, isolation or belittling. Many of
the misses left name none of those three: a partner's paragraph tells the harm as watching (where
are you, twenty minutes late, a tracking app, his map, she has to ask him first), as a threat (if
you ever leave, you'll never see the kids, you know what happens), as gaslighting (she
misremembers, she's imagining things, she gets confused, she doubts herself), as his destroying of
her things (threw out her sketchbooks, flushed her pills, tore the offer letter) or as the ways she
keeps the peace (sorry again, she always nods, it's quieter that way, the long way home). Each is a
class in rules.json (``@abuse-watch``, ``@abuse-threat``, ``@abuse-gaslight``, ``@abuse-destroy``,
``@abuse-appease``), and each rule asks for a person and two of the classes anywhere in one
paragraph:

- a person x watching x appeasement or fear;
- a person x a threat x control, watching or isolation;
- a person x gaslighting x control, watching, isolation or belittling; and x appeasement or fear;
- he or a partner x destroying her things x control, watching, isolation, belittling or a threat;
  and x appeasement, fear or gaslighting (a person's own things thrown out are no harm: "she threw
  out her old sketchbooks", so the person is ``@abuse-he``);
- a person x control x appeasement.

A bare "sorry" is no appeasement (a bus late, a quiz answer shouted), nor "easier to" (easier to
pack): sorry again, first or always is, and "quieter that way". Every text is new and written for
the test. Each warning case failed before the change; each twin stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Twenty minutes late back from the shop and he wants to know why, and where, and who with; she says"
        " sorry again before he has finished.",
        "The dot of her on his map never stops; the tracking app was 'for safety', he said, and she takes the"
        " long way round so he won't have to ask.",
        "'If you ever try to go,' he says, smiling, 'you know what happens.' Her own money went into his account"
        " in the spring.",
        "He swears he never said it, that she gets confused, and she has started to doubt herself; she can't see"
        " her mum unless he drives.",
        "He threw out her drawings while she was out. When she found the empty shelf she said nothing; it was"
        " quieter that way.",
        "He tore the offer letter in half at the table and said she was stupid to think anyone would hire her.",
        "Her wages go straight into his account and she has to ask him first for bus fare; she just nods, it's"
        " easier that way.",
    ],
)
def test_watching_threats_gaslighting_and_destroying_warn_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Where are you? Mum texted, and I said sorry, the bus was twenty minutes late and the driver was useless.",
        "The tracking app said the parcel was forty minutes late, and he said sorry to the customer twice.",
        "If you leave now you'll miss the train, he said, and took my bag so I could tie my shoe, and I always"
        " nodded at his advice.",
        "She threw out her old sketchbooks when she moved, and it was easier to pack after that.",
        "'You misremember,' he laughed; the quiz answer was Paris, and she said sorry for shouting it.",
        "He sold his car to pay for the trip and smiled anyway; she took the long way home to see the lights.",
        "My dad checks the mileage on the van every Friday for the tax form, and I always nod along.",
        "His girlfriend read the map, and where are you going, he asked; she said sorry, she'd turned them around.",
        "He tore the wrapping paper in half, laughing, and said I was stupid to think he'd guess the present.",
    ],
)
def test_a_late_bus_a_parcel_a_quiz_and_one_s_own_things_stay_clean(text: str) -> None:
    assert "abuse" not in ids(text)
