"""Homophobia, transphobia, racism, ableism and sexism told by how people are treated (forty-eighth
session, treat48; /work/scratch/s48/docs/treat48.md).

The rules are compositional (`near`): a wide family of identity markers (gay, pride, his boyfriend,
pronouns, a nationality, a cane, ADHD, the women's team) times a wide family of condemnation,
exclusion or belittling (a sin, a phase, not under my roof, shifts cut, "not your real name",
"exotic", "skin-lightening cream", "like she's not in the room", "not suited", "smile more"), so
the product reaches phrasings no list named. Each warn case is new, written for the test, and
failed before its rule; each twin uses the same words where nobody is harmed (an ally's speech, a
pudding called sinful, a history lesson, a wheelchair user staying in from the rain) and stays
clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    ("category", "text"),
    [
        # who someone loves, answered with the door
        (
            "homophobia",
            "Jonah's mum found out he was bisexual from his browser history and told him he could move out on Friday.",
        ),
        # a phase and a sickness, said of a girlfriend
        (
            "homophobia",
            "When Tess brought her girlfriend to Sunday lunch, her father said it was a sickness and that "
            "she would be done with this by spring.",
        ),
        # a job shrunk after a kiss
        (
            "homophobia",
            "After the owner saw Marco kiss his boyfriend by the bins, his hours were cut to two evenings "
            "and the good shifts went to the new lad.",
        ),
        # a name refused to a trans woman
        (
            "transphobia",
            '"That\'s not your real name, is it," the clerk said, and read out the old one twice while she '
            "stood at the counter with her passport and her pronouns badge.",
        ),
        # misgendered every morning, on purpose
        (
            "transphobia",
            '"Morning, lad," the foreman called her, every day, though she had corrected him in March. '
            '"I call it what it is."',
        ),
        # a child's skin called too dark, a bloodline called pure
        (
            "racism",
            "The aunts said the baby was too dark for the christening photos and that the family blood had "
            "always been pure before the Nigerian husband came along.",
        ),
        # exoticised, and counted as a diversity box
        (
            "racism",
            'The producer called her look "very exotic" and told the director she ticked the diversity boxes '
            "nicely for the brochure.",
        ),
        # colourism at home: cream to lighten a bride
        (
            "racism",
            "Her mother-in-law kept leaving skin-lightening cream by the sink and saying a fairer girl would "
            "have suited her son better.",
        ),
        # spoken about as if absent, a deaf man
        (
            "ableism",
            "The carers speak about Mr Okafor like he isn't there. He's deaf, that's all, and he can read every "
            "word they say about him.",
        ),
        # kept from a team because of ADHD
        (
            "ableism",
            'The coach decided Kofi, who has ADHD, wasn\'t suited to the relay. "Not for kids like him," he '
            "told the other parents.",
        ),
        # a surgeon told a woman's work is unnatural
        (
            "sexism",
            "My uncle told my cousin, a surgeon, to settle down and give her husband some babies, because it's "
            "not natural, a woman working nights.",
        ),
        # belittled at work: notes, "smile more"
        (
            "sexism",
            "The only woman on the crew gets told to smile more by the foreman, and to take the minutes, while "
            "the lads get the new harnesses.",
        ),
        # a slur with a comma after it is still a slur ("poof, he said" is not the sound)
        ("homophobia", "He told me no son of his would ever be a poof, and went back to his paper."),
        # a slur guessed about someone
        ("homophobia", '"Look at the way he runs. Bet he\'s a fairy," the keeper said into the open mic.'),
        # messages found, then the punishment
        (
            "homophobia",
            "His parents found the messages from his boyfriend and took his phone, his laptop and his bedroom door.",
        ),
        # a woman talked past on her own farm
        (
            "sexism",
            '"Is your husband around?" the dealer asked again, though she had told him twice it was her farm.',
        ),
        # talked about as if furniture
        (
            "ableism",
            "\"He won't understand it anyway,\" the nurse told Sam's mother, nodding at his hearing aids as if "
            "he were furniture.",
        ),
        # a mind called broken, and the person put away for it (no diagnosis named)
        (
            "ableism",
            "The lads on the ward called him the simple one and kept him at the far end, away from the telly.",
        ),
    ],
)
def test_the_harm_told_by_treatment_warns(category: str, text: str) -> None:
    assert category in ids(text)


@pytest.mark.parametrize(
    ("category", "text"),
    [
        # an ally's speech; a coming-out met with love
        (
            "homophobia",
            "When Sam came out to his parents, his mum hugged him and said it was never a sin to love someone, "
            "and his dad asked when he could meet the boyfriend.",
        ),
        (
            "homophobia",
            "Being gay is not a sin, the vicar told the congregation at the pride service, and anyone who says "
            "it is has not read the gospel properly.",
        ),
        # a phase that is only a haircut, a partner's joke about tiles
        (
            "homophobia",
            '"It\'s not a phase, Mum." "I know, love. I never thought it was." She kissed the top of his head '
            "and asked what his boyfriend liked for dinner.",
        ),
        (
            "homophobia",
            "My partner says the new kitchen tiles are an abomination and he is right; we're going to hell for "
            "this grout.",
        ),
        # a history lesson that is only history
        (
            "racism",
            "Our history teacher explained that the word savages was used by colonists to justify taking land "
            "from native nations, and we wrote essays on it.",
        ),
        # dark chocolate, a tanned face
        (
            "racism",
            "The black forest gateau was too dark on top, so the baker lightened the icing with cream.",
        ),
        # a blind man laughing with his friends; a wheelchair user staying in from the rain
        (
            "ableism",
            "The blind man with the white cane laughed when his guide dog sneezed, and the whole table "
            "laughed with him.",
        ),
        (
            "ableism",
            "Her brother, who uses a wheelchair, told us he would stay indoors tonight because the rain was awful.",
        ),
        # a woman in command, respected
        (
            "sexism",
            "The first woman to captain the ship gave her orders and the crew followed them at once; the chief "
            "said it was a pleasure to serve under her.",
        ),
        # a name corrected at a coffee shop, kindly
        (
            "transphobia",
            "The barista spelled my name wrong and I corrected him, and he laughed and wrote it again with a "
            "little heart.",
        ),
        # the sound, and a fairy in a play
        ("homophobia", "The magician waved his wand and, poof, the rabbit vanished."),
        ("homophobia", "In the school play he's a fairy and his sister is a tree."),
        # the funny one of the family, and vegetables to eat
        (
            "ableism",
            "Mum says I'm the funny one and my sister is the clever one, and she keeps us both at the far end "
            "of the table at Christmas.",
        ),
        ("ableism", "If you don't eat the vegetables I will know, Mum texted, and laughed at me when I sulked."),
        # black clothes and messy hair are nobody's race
        (
            "racism",
            "He came in wearing a black mask over his face and a dark jacket, and his hair was messy from the wind.",
        ),
    ],
)
def test_twins_stay_clean(category: str, text: str) -> None:
    assert category not in ids(text)
