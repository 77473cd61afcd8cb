"""Racism, homophobia, ableism and transphobia told by what is done and said to people for being of
a race, gay, disabled or trans (forty-seventh session, vocab47b; /work/scratch/s47/docs/vocab47b.md).

The rules read families of phrasings, not sentences: a stereotype said as a general fact about the
class ("queers don't ...", "girls who think they're boys"), exclusion ("not in my house" beside a
same-sex couple, "can't have a deaf one on the floor", thrown out "for holding hands"), names and
slurs aimed at someone ("called them savages", a slur whispered, a nickname), a family's rejection
and conversion ("until you're cured of it"), "pretend you're a girl", racism as taste ("very...
ethnic", "your kind of food"). Each warn case is new and short, written for the test, and failed
before its rule; each twin is the same words used harmlessly (fans called "you people", a choir of
lesbians, faggots and peas, slow and loud music) and stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    ("category", "text"),
    [
        # a racist word for a whole people, and "your kind" of food
        ("racism", "The governor's letters called them savages and asked for more rifles for the border."),
        ("racism", '"Nobody wants your kind of food stinking out the staff room," he said. "Very... ethnic."'),
        # a landlord's contempt: the language, "you people"
        ("racism", '"Half of them can barely speak proper English," the landlord said. "And you people want a lease?"'),
        # conversion, told by a parent
        (
            "homophobia",
            "\"You'll stay at the retreat until you're cured of it,\" Mum said, after she found the "
            "letters from his boyfriend.",
        ),
        # a couple thrown out for holding hands
        ("homophobia", "Two women in their fifties were thrown out of the tearoom for holding hands."),
        # an old euphemism for a gay love, called a sin
        ("homophobia", "The bishop spoke of their unnatural friendship from the pulpit, and the town turned away."),
        # a slur thrown at someone
        ("homophobia", "what a faggy little dance, he typed, and the whole lobby laughed"),
        # a disabled worker kept off the floor
        ("ableism", '"Can\'t have a blind one on the tills," the supervisor said, and moved her to the stockroom.'),
        # mocked with a nickname, the ear defenders taken
        ("ableism", "The year nines called him Rain Man and hid his ear defenders to watch him scream."),
        # a slur aimed at someone with a mental illness
        ("ableism", '"schizo," somebody hissed when she came back to the ward office after her leave.'),
        # told to mask
        (
            "ableism",
            '"Stop flapping and act normal," her coach hissed. "The sponsors don\'t want to see that autistic stuff."',
        ),
        # the name given at birth insisted on, "pretend you're a girl"
        (
            "transphobia",
            '"I know what I named you," Dad said, "and I\'m not going to pretend you\'re a girl because it\'s trendy."',
        ),
        # girls who think they are boys, from a pulpit
        ("transphobia", '"Girls who think they\'re boys are a sickness in this country," the preacher said.'),
    ],
)
def test_the_harm_told_by_what_is_done_warns(category: str, text: str) -> None:
    assert category in ids(text)


@pytest.mark.parametrize(
    ("category", "text"),
    [
        # "you people" of fans
        ("racism", "You people make this channel, honestly. Thank you for ten thousand subscribers!"),
        # ethnic in a history lesson
        ("racism", "The lecture covered the ethnic minorities of the Habsburg empire and their languages."),
        # queer joy, a choir, a grown-out-of fashion
        ("homophobia", "Jules and her girlfriend sang with the lesbian choir at Pride and kissed on the float."),
        ("homophobia", "It was just a phase, Dad laughed, about his old mullet. He grew out of it by 1992."),
        # faggots in a kitchen and on a pyre
        ("homophobia", "Nan made faggots and peas every Thursday, and the kitchen smelled of gravy."),
        # a character who is disabled, not mocked
        ("ableism", "Tomas wheeled into the lab, parked by the bench and started the centrifuge."),
        # slow and loud music
        ("ableism", "The band played slow and loud, and the whole pub sang the chorus."),
        # a child's pretend play
        ("transphobia", "\"Pretend you're a pirate and I'm the queen,\" my niece said, handing me a spoon."),
    ],
)
def test_twins_stay_clean(category: str, text: str) -> None:
    assert category not in ids(text)
