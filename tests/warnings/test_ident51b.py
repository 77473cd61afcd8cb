"""Homophobia, ableism and transphobia told through how people are treated (fifty-first session,
ident51b; see docs/warnings-eval.md "Fifty-first session").

Four compositions, each a person marked by the paragraph beside what is done to them: a queer partner
shut out ("family only", "we don't have that in this family", "keep it hidden", "parents don't want
their daughters"); a parent who finds the letters or photos and answers with a camp, a pastor, a phase
or "not having that"; a disabled person kept out or belittled ("you'll slow the team down", "the lift's
for deliveries", "sit at the back", "off her meds", "can you hear me now"); and a trans person (a
binder, testosterone, "came out as trans") told "it's a phase", "are you a man or a woman", "that's a
boy, you know", "our girl" to the relatives. Each must-warn text failed before; each must-not text is
the harmless twin with the same words (a couple told kindly, letters found and welcomed, a wheelchair
and a lift described neutrally, a kitchen chair, an ordinary Ms, a binder sewn by a mum, "are you a
man or a mouse").
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "At the hospice the night nurse stopped Ravi at the door. 'Family only, I'm afraid.' He was her "
        "patient's husband of thirty years; he showed her his ring and she waved him through. But Neil, "
        "his husband, had to wait in the car park, because the sister on duty said he was not family.",
        "Christmas at his parents' house. His boyfriend had offered to come in. At the table his father "
        "said, very calm, that they don't have that in this family, and went back to carving.",
        "The club secretary rang Jess about her girlfriend coming to watch training. 'Some of the "
        "parents don't want their daughters around it. Maybe she could wait in the car.'",
        "His mother found the letters from Tomasz in the shoebox. She did not shout. She said the pastor "
        "would see him on Thursdays, and that it was a phase, and put the letters in the bin.",
        "When his father found the photos from the lake he said he wasn't having that in his house, and "
        "drove him to the retreat in the hills the next morning.",
        "So which one of you's the man? Gary asked at the barbecue, and laughed, and asked again.",
    ],
)
def test_homophobia_told_by_treatment_warns(text: str) -> None:
    assert "homophobia" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "His husband made pancakes on Sunday and they ate them on the balcony, arguing about the crossword.",
        "Her girlfriend put down the shopping and kissed her hello, and they watched the quiz with the cat.",
        "Mum found the letters from Sasha in the shoebox and read one, and cried, and said she was glad "
        "I had someone who wrote to me like that. She asked when she could meet her.",
        "She found the photos from the lake on the old laptop and sent them to the family chat, and "
        "Grandad asked for prints.",
        "Which one's the man from the gas board? Mum asked, peering through the curtains at the van.",
    ],
)
def test_queer_lives_told_kindly_do_not_warn(text: str) -> None:
    assert "homophobia" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The escape room manager told Dana on the phone that they didn't really do wheelchairs. 'It's a "
        "timed game. You'd slow your team down. It's not really fair on the others.'",
        "Jonah has a cochlear implant. By Friday the other boys on the bench were mouthing at him, slow "
        "and huge: can you hear me now? The aide moved him to the end of the table.",
        "The new supervisor at the depot said the lift was staff only and told Ana, who walks with a "
        "cane, that she looked fine to him and could take the stairs like everyone else.",
        "Rosa has bipolar disorder. Since the team found out, whenever she disagrees in a meeting "
        "somebody asks whether she is off her meds again, and the room laughs.",
        "After the war he came home on one leg, and the vicar asked him to sit at the back of the church "
        "so as not to upset the children.",
    ],
)
def test_ableism_told_by_treatment_warns(text: str) -> None:
    assert "ableism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Grandad fell asleep in his chair after Sunday dinner with the racing on, and Tom put a blanket "
        "over his knees and touched his shoulder before he went.",
        "The library has a lift by the front desk and a ramp at the side door, and Mina wheels her chair "
        "up to the quiet room every Tuesday to work on her thesis.",
        "Ms Okafor asked the class to sit at the back for the film, because the projector was loud.",
        "The deaf barista taught me how to sign 'good morning', and I brought him a gold star sticker.",
        "Kit uses a wheelchair and captains the quiz team. 'Don't slow down now,' she told them at the "
        "last round, and they won by two points.",
    ],
)
def test_disability_told_neutrally_does_not_warn(text: str) -> None:
    assert "ableism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "When his parents found the binder, his mother said he was only going through a phase and took "
        "him to buy a dress for the wedding.",
        "Ash started testosterone in March. At the dentist the receptionist looked at the form and asked, "
        "loud enough for the whole room, 'Are you a man or a woman, then?'",
        "Sam is trans. In the lunch queue somebody shouted 'that's a boy, you know', and the whole queue laughed.",
        "He came out as trans in the spring, and his mother still says 'our girl' to the relatives on the "
        "phone, every Sunday, while he sits at the table.",
    ],
)
def test_transphobia_told_by_treatment_warns(text: str) -> None:
    assert "transphobia" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kai wore a binder until his surgery; his mum sewed him a cooler one for the summer and filled in "
        "his pronouns on the school form.",
        "Her old name was still on the library card, and the librarian changed it to Mia in two minutes, smiling.",
        "'Are you a man or a mouse?' Dad asked Leo, who is trans, when he wouldn't try the chilli. Leo ate two bowls.",
    ],
)
def test_trans_lives_told_kindly_do_not_warn(text: str) -> None:
    assert "transphobia" not in ids(text)
