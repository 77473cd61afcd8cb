"""Whole warning-free stories flagged (forty-ninth session, round storyprec49;
/work/scratch/s49/docs/storyprec49.md).

A training mannequin that "has died four hundred times", kayfabe wrestling's staged murders, a
chess player who will "kill his king in eleven moves", a theatre named the Gaslight, a wrestler
who comes out to her music "without missing a beat", a glare "like he'd drowned a puppy": the
harm words belong to a play (a dummy, a ring, a board), a name, a count of deaths nobody dies, or
a simile. Each kind has a twin where the same words sit beside a real harm and still warn. Every
passage here is new text written for these tests."""

from __future__ import annotations

import pytest

from tests.warnings.passages import story_ids


def detected(*scenes: list[str]) -> set[str]:
    """The confident warnings of a one-chapter story with these scenes (each a list of paragraphs)."""
    return story_ids(list(scenes))


CLEAN = [
    pytest.param(
        "death",
        [
            [
                "The mannequin's name is Doris and she has died, by Marek's count, three hundred and six"
                " times since September.",
                "Marek kneels on the mat beside her and checks the airway like he means it.",
            ]
        ],
        id="a dummy's count of deaths",
    ),
    pytest.param(
        "procedures",
        [
            [
                "Skills week again. Every station in the sim lab has its own mannequin, and the trauma"
                " mannequin's arm comes off if you lift it wrong.",
                '"No pulse," Oren says, hands on the foam chest. "Starting compressions." The little'
                " light blinks green each time he pushes deep enough.",
            ]
        ],
        id="compressions on a mannequin in a sim lab",
    ),
    pytest.param(
        "death",
        [
            [
                "Tova has been murdered on pay-per-view nine times this year, and on Saturday she will be"
                " murdered again.",
                '"You die in the second fall," the booker tells her. "Kick out at two and I\'ll kill you'
                ' myself." Down the corridor two rookies are rehearsing their tag-team spot, a slow'
                " suplex onto the crash mat.",
            ],
            [
                "Kayfabe, the old-timers call it: outside the building the villain and the hero never share a cab.",
                "At ringside the kids hold up signs that say END HER. She waves at them from the top rope.",
            ],
        ],
        id="kayfabe wrestling's staged murders",
    ),
    pytest.param(
        "death",
        [
            [
                '"I\'m sacrificing the bishop," Ilse says, moving it on the pocket set. "Then I kill his'
                ' king in nine moves."',
                "The grandmaster across the hotel room groans and asks what she will do if he declines.",
            ]
        ],
        id="a chess sacrifice and the king killed",
    ),
    pytest.param(
        "animal-death",
        [
            [
                "When I told the examiner I'd forgotten the formula, she looked at me like I'd personally"
                " drowned a puppy. Later Sam said I'd looked like my cat just died.",
            ]
        ],
        id="two similes of a dead pet",
    ),
    pytest.param(
        "abuse",
        [
            [
                "The Gaslight Playhouse smelled of sawdust and hairspray, and the cast ran the second act"
                " under its work lights until midnight.",
            ]
        ],
        id="a theatre named the Gaslight",
    ),
    pytest.param(
        "homophobia",
        [
            [
                "Mo comes out to her entrance music in a gold cape. The crowd boos, and without missing a"
                " beat she blows them a kiss and climbs between the ropes.",
            ]
        ],
        id="coming out to entrance music without missing a beat",
    ),
]


@pytest.mark.parametrize(("category", "scenes"), CLEAN)
def test_play_a_name_a_count_or_a_simile_is_no_warning(category: str, scenes: list[list[str]]) -> None:
    assert category not in detected(*scenes)


REAL = [
    pytest.param(
        "death",
        [
            [
                "Nadia was murdered in her flat on the Tuesday night, stabbed fourteen times, and her sister"
                " found the body on Wednesday morning.",
            ]
        ],
        id="a murder with its wounds counted",
    ),
    pytest.param(
        "death",
        [
            [
                "He died on the kitchen floor before the ambulance came. His wife held his hand and"
                " whispered his name, but he was dead, and the paramedic covered his face.",
            ]
        ],
        id="a real death told plainly",
    ),
    pytest.param(
        "death",
        [
            [
                "Vic collapsed in the car park after the show. He died two hours later in the"
                " hospital; his heart had stopped, and the promotion cancelled the next night's card.",
                "His tag-team partner found out from a nurse, and wept in the corridor.",
            ]
        ],
        id="a wrestler's real death",
    ),
    pytest.param(
        "procedures",
        [
            [
                "Dad went down in the garden. I called 999 and started compressions on his chest while the"
                " operator counted with me, and the paramedics shocked him twice on the lawn.",
            ]
        ],
        id="real compressions in a garden",
    ),
    pytest.param(
        "animal-death",
        [
            [
                "The neighbour drowned the puppy in the water butt while we watched, then threw its body over"
                " the fence.",
            ]
        ],
        id="a puppy really drowned",
    ),
    pytest.param(
        "abuse",
        [
            [
                "He gaslit her for years: told her she'd imagined the bruises, moved her keys and swore she"
                " had lost them, until she stopped trusting her own memory.",
            ]
        ],
        id="real gaslighting",
    ),
    pytest.param(
        "homophobia",
        [
            [
                "When he came out to his father, he was beaten and thrown out onto the street that night.",
            ]
        ],
        id="coming out and being beaten",
    ),
]


@pytest.mark.parametrize(("category", "scenes"), REAL)
def test_the_same_words_beside_a_real_harm_still_warn(category: str, scenes: list[list[str]]) -> None:
    assert category in detected(*scenes)
