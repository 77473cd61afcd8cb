"""Religious discrimination, ableism, racism, sexism, homophobia and abusive language told by how
people are treated (forty-ninth session, treat49; /work/scratch/s49/docs/treat49.md).

treat48's identity x condemnation `near` rules were the only rules of session 48 that moved the
blind gate; these widen the same shape where it still missed: a faith marker (a synagogue, a
hijab, a turban) anywhere in a paragraph x harm or exclusion (daubed, pulled off, pulled aside,
not welcome, a pogrom); a disability marker (crutches, deaf, "a bit slow") x mockery or exclusion
(lobbing things at him, "it's not a charity", talked to like a toddler); a race marker x a refusal
(won't serve, "we're fully booked", the flat suddenly let, "you people"); a woman marker x being
made decoration or staff ("the tea lady", "leave the tactics to the men"); a queer marker x being
kept away ("too young to be exposed to that", "don't bother coming home"); and a slur aimed at a
person ("bowls like a ..."; called a name with the room laughing). Each warn case is new, written
for the test, and failed before its rule; each twin uses the same words where nobody is harmed
and stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    ("category", "text"),
    [
        # a house of worship defaced, the marker and the harm apart
        (
            "religious-discrimination",
            "By Monday morning someone had daubed the words across the front of the old synagogue, and the "
            "caretaker was out with a bucket before the children arrived.",
        ),
        # pulled aside, trip after trip, for a turban
        (
            "religious-discrimination",
            "Every time Harjit flies home they take him aside at security, the only man in a turban in the "
            "line, and go through his case while the others board.",
        ),
        # told she is not welcome in her headscarf
        (
            "religious-discrimination",
            "The manager looked at Samira's headscarf and told her she wasn't welcome on the shop floor, "
            "only in the stockroom out the back.",
        ),
        # the building itself, told as the subject
        (
            "religious-discrimination",
            "The mosque on Carver Street was firebombed two nights after the election, and the imam "
            "asked the congregation to stay calm.",
        ),
        # things thrown at a slow lad, and the bystanders laughing
        (
            "ableism",
            "Our Danny's a bit slow, always has been, and the lads on the estate chuck stones at him on his "
            "way back from the day centre.",
        ),
        # shut out of a team for crutches
        (
            "ableism",
            "The coach looked at Mei's crutches and said he can't have her on the squad, it's not a charity, "
            "and picked a girl who had never played.",
        ),
        # a wheelchair made fun of at the bus stop
        (
            "ableism",
            "The kids at the bus stop made fun of Aoife's wheelchair every morning until her mum started "
            "driving her in.",
        ),
        # an impression of a man's walk with his cane
        (
            "ableism",
            "Someone in accounts does a cruel impression of the way Colm walks with his cane, and the "
            "manager just grins.",
        ),
        # a chronic illness called put on (commit 2)
        (
            "ableism",
            "Her manager told the whole office Kerry was faking it, the chronic fatigue, and put her on "
            "the early shift anyway.",
        ),
        # a scooter kept off a trip as unfair on the others (commit 2)
        (
            "ableism",
            "The school said letting Amir bring his mobility scooter on the trip wouldn't be fair on the "
            "other kids, and anyway it was a health and safety thing.",
        ),
        # asked what is wrong with him before being served (commit 2)
        (
            "ableism",
            "The receptionist looked at the space where his arm had been amputated and asked what "
            "happened to him before she would book him in.",
        ),
        # a room suddenly full, beside an accent
        (
            "racism",
            "The landlord heard her Nigerian accent on the phone and said they were full up, though the "
            "sign was still in the window.",
        ),
        # "you people", said to a black customer
        (
            "racism",
            "When the black couple asked why their table was by the bins, the owner said you people are "
            "never happy and walked away.",
        ),
        # a wife's place, said outright
        (
            "sexism",
            "Her father-in-law reminds her every Sunday that a good wife doesn't go out to work, and her "
            "husband only shrugs.",
        ),
        # the women's work handed to the men
        (
            "sexism",
            "The director left the engineering to the men and told the two women on the crew to go and "
            "sort the catering.",
        ),
        # a woman in charge taken for staff
        (
            "sexism",
            "At the launch the investor assumed she was the secretary, though she's the captain of the "
            "whole project, and handed her his coat.",
        ),
        # a coming-out answered with the door
        (
            "homophobia",
            "Two days after I came out, my mother texted that I shouldn't bother coming home for Easter.",
        ),
        # two dads kept out of sight
        (
            "homophobia",
            "When the two dads volunteered for the school trip, the head said the children were too young "
            "to be exposed to that and found other helpers.",
        ),
        # a slur used as a likeness, aimed at a boy
        (
            "abusive-language",
            "Dad said my little brother dances like a pansy and the uncles all laughed into their beer.",
        ),
        # a name put on a boy and the room laughing
        (
            "abusive-language",
            "From the first week the lads called him the foreigner like it was his name, and everyone "
            "laughed when he answered to it.",
        ),
    ],
)
def test_the_harm_told_by_treatment_warns(category: str, text: str) -> None:
    assert category in ids(text)


@pytest.mark.parametrize(
    ("category", "text"),
    [
        # an interfaith evening; a joke laughed at beside Eid sweets
        (
            "religious-discrimination",
            "The synagogue choir sang at the interfaith evening and the imam from the mosque next door "
            "thanked them for coming.",
        ),
        (
            "religious-discrimination",
            "Our neighbour brought round halal sweets for Eid and we laughed at the story she told about her brother.",
        ),
        # a burnt-out car on a road past a mosque
        (
            "religious-discrimination",
            "We drove past the mosque and a burnt-out car on the ring road, then stopped for chips.",
        ),
        # hands over a head: joy, not talking over a deaf man
        (
            "ableism",
            "Ravi's cousin is deaf and when his side won the final he signed so fast that the interpreter "
            "gave up and threw her hands over her head.",
        ),
        (
            "ableism",
            "Nadia got her new prosthetic leg painted gold and at the wedding she danced with her arms over "
            "her head until two in the morning.",
        ),
        # a scooter's safety check; a look across a dance floor
        (
            "ableism",
            "Nan's mobility scooter passed its health and safety check at the garage on Friday.",
        ),
        (
            "ableism",
            "Dev stared at her across the dance floor, his crutches forgotten against the wall.",
        ),
        # a refusal that is no harm
        (
            "racism",
            "The Jamaican restaurant was fully booked on Saturday, so we went to the chippy instead.",
        ),
        # shoes not made for the beach
        (
            "sexism",
            "These shoes aren't made for this, she laughed, kicking them off on the beach.",
        ),
        # a coming-out met with love; a girlfriend keeping kids home for snow
        (
            "homophobia",
            "My gran came out to the family at eighty with her girlfriend beside her, and everyone cheered.",
        ),
        (
            "homophobia",
            "She told her girlfriend she'd keep the kids home on Friday because of the snow.",
        ),
        # banter with no slur; a teammate defended
        (
            "abusive-language",
            "They called him Tiny like it was his name, all six foot five of him, and he laughed louder than anyone.",
        ),
    ],
)
def test_twins_stay_clean(category: str, text: str) -> None:
    assert category not in ids(text)
