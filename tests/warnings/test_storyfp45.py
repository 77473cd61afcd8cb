"""Whole-story false alarms (forty-fifth session, round storyfp45;
docs/warnings-eval.md, "Forty-fifth session").

A whole story holds many more heavy words used harmlessly than any passage: a pet lying on the
vet's examination table, a spectator who "stopped breathing" in the last seconds of a final, a
tie-break called sudden death. Each shape here is fixed in general words, and each has a twin
that is really what it sounds like and must still warn. Every passage here is new text written
for these tests."""

from __future__ import annotations

import pytest

from bot.warnings.engine import FRAME_CHARS
from tests.warnings.passages import story_ids


def detected(*paragraphs: str) -> set[str]:
    """The confident warnings of a one-scene story of these paragraphs."""
    return story_ids([list(paragraphs)])


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


# --- one long play: a scene or chapter between two that carry its signs ----------------------


PAINTBALL_START = [
    "Twelve of us turned up at the paintball park for Dev's birthday, all in borrowed overalls.",
    "The marshal read out the rules and handed round the masks, and we split into red and blue.",
]
PAINTBALL_END = [
    "At the end of the game the paintball marshal counted the splats on our overalls and blue won.",
    "Dev got a free hot dog for being the birthday boy and we drove home smelling of paint.",
]
# A round told with no sign of the game in it: death and war said as jokes.
ROUND_TWO = [
    "Round two was a massacre. Priya was dead inside a minute, and Tom lay on his back shouting that "
    "he was dead too and that we should avenge him.",
    '"That was a slaughter," Dev said. "They wiped out our whole army. Absolute genocide."',
]


def test_a_round_between_two_rounds_of_a_game_is_play() -> None:
    assert story_ids([PAINTBALL_START, ROUND_TWO, PAINTBALL_END]).isdisjoint({"death", "collective-violence"})


def test_a_chapter_between_two_chapters_of_a_game_is_play() -> None:
    assert story_ids([PAINTBALL_START], [ROUND_TWO], [PAINTBALL_END]).isdisjoint({"death", "collective-violence"})


REAL_FIGHT = [
    "Outside the car park a man from the other group went for Tom with a bottle. Tom was dead before "
    "the ambulance came, the police said later, killed by one blow to the head.",
    "Dev knelt in the gravel beside his body and there was blood everywhere, on his hands and on the car.",
]


def test_a_real_death_after_the_game_still_warns() -> None:
    assert "death" in story_ids([PAINTBALL_START, ROUND_TWO, PAINTBALL_END, REAL_FIGHT])


def test_a_real_death_between_two_scenes_of_the_game_still_warns() -> None:
    assert "death" in story_ids([PAINTBALL_START, REAL_FIGHT, PAINTBALL_END])


def test_a_game_far_from_the_death_still_warns() -> None:
    """Three scenes with no sign between two of the game: the story has moved on."""
    quiet = ["Nobody said much on the way back. The motorway was empty and the radio played old songs."]
    later = ["Weeks went by, and the leaves came down in the park, and Dev got a job at the garage."]
    assert "death" in story_ids([PAINTBALL_START], [quiet, ROUND_TWO[:1], later], [PAINTBALL_END])


MUSEUM_TRIP = [
    ["The coach dropped Year Four at the museum at ten, and the tour guide met us at the door."],
    [
        "In the war gallery Mrs Ames read out the panel: thousands of soldiers died in the battle, she said, "
        "and the villages were shelled for weeks.",
        "Kai wanted to know if the soldiers got lunch. Mrs Ames said she did not know.",
    ],
    ["Back at the museum shop everyone bought a pencil, and the tour guide waved us off."],
]
REAL_COLLAPSE = [
    "By the dinosaur, Mr Hale clutched his chest and fell. A mum who was a nurse did CPR on the floor "
    "until the paramedics came, but he died before the ambulance reached the hospital.",
]


def test_a_museum_trip_told_chapter_by_chapter_is_no_war() -> None:
    assert story_ids(*[[scene] for scene in MUSEUM_TRIP]).isdisjoint({"death", "collective-violence"})


def test_a_real_death_during_the_museum_trip_still_warns() -> None:
    trip = [[MUSEUM_TRIP[0]], [REAL_COLLAPSE], [MUSEUM_TRIP[2]]]
    assert "death" in story_ids(*trip)


# --- signs of play the other categories take: laser tag, a murder-mystery party, a rematch, a museum case


@pytest.mark.parametrize(
    "scene",
    [
        [
            "The murder mystery started at eight and Nan was playing the retired colonel.",
            "He had served in the war, his card said, and led the massacre at the river.",
        ],
        [
            '"Rematch on Sunday," Leo said, "and this time we bring snipers."',
            '"It\'ll be a war," said Jo. "A bloodbath. They\'ll slaughter us again."',
        ],
    ],
)
def test_play_the_war_words_stand_beside_is_no_war(scene: list[str]) -> None:
    assert "collective-violence" not in detected(*scene)


# Paragraphs with no warning in them, to put a scene's lines far apart.
FILLER = [
    "The radiators ticked. Somebody's packed lunch had leaked apple juice into a coat pocket, and the "
    "teacher spent five minutes with a roll of paper towels while everyone watched as if it were a film.",
    "Half the class were drawing the ceiling and the other half were arguing about whether a woolly "
    "mammoth could beat a polar bear, which the helper said was not the question on the sheet.",
    "A man in a blue fleece came by twice to ask whether anyone had seen a lost glove, and went away "
    "again humming, and the glove turned up later in the gift bag of a boy called Otis.",
]


def test_a_museum_case_is_a_sign_of_play() -> None:
    """The visit's first sign and the case are each more than FRAME_CHARS from the war told between."""
    scene = [
        "The class spread out through the museum with their clipboards.",
        *FILLER,
        "On the wall a map showed the battle, and a recorded voice told of the shelling and the siege, "
        "of the soldiers who fell in their thousands and the towns that burned.",
        *FILLER,
        "Omar pressed his nose to the glass case where a drum and a pair of boots sat on red velvet.",
    ]
    starts = [sum(len(text) + 1 for text in scene[:index]) for index in (0, 4, 8)]
    assert starts[1] - starts[0] > FRAME_CHARS and starts[2] - starts[1] > FRAME_CHARS
    assert "collective-violence" not in detected(*scene)


def test_a_real_war_by_a_museum_case_is_still_war() -> None:
    """A city under fire, told with no sign of a visit to it, far from the one case named."""
    scene = [
        "The shells fell on the old town all night. By morning the soldiers had taken the square and the "
        "bodies of the men they had shot lay along the river wall; the women were marched out at gunpoint.",
        "The villages to the east burned for a week, and the refugees walked past the checkpoint in their "
        "thousands while the artillery went on and on.",
    ]
    assert "collective-violence" in detected(*scene)


# --- a spectator who stops breathing "in any organized way", a dead-eyed stare, "before anyone was dead"


@pytest.mark.parametrize(
    "line",
    [
        "Tied at the buzzer. You've stopped breathing in any organized way, and the whole gym is on its feet.",
        "Ten seconds left on the clock and Nell had stopped breathing in any meaningful sense.",
        "The lad at the till had the dead-eyed stare of someone on his ninth hour of a Saturday shift.",
        '"I said so before anyone was dead!" Uncle Ray shouted, and the whole table booed him.',
    ],
)
def test_a_held_breath_or_a_dead_compound_is_no_death(line: str) -> None:
    assert "death" not in detected(line)


@pytest.mark.parametrize(
    "line",
    [
        "He stopped breathing in the ambulance, and the paramedics could not bring him back.",
        "They walked among the dead after the flood, looking for faces they knew.",
        "By the time anyone came he was dead, and the police taped off the stairwell.",
    ],
)
def test_a_last_breath_or_the_dead_still_warns(line: str) -> None:
    assert "death" in detected(line, "They buried him on Friday and the whole village came to the funeral.")


# --- a heavy word that is somebody's name: Mr Slaughter, Dr Graves, a pony called Killer ----------


@pytest.mark.parametrize(
    "scene",
    [
        [
            "Mr Slaughter drove the minibus for the under-nines on Saturdays.",
            "Getting them into their boots was a battle every single week.",
        ],
        [
            "Mrs. Coffin from the flat below brought round a lasagne and a card.",
            "Mrs. Coffin said it was a matter of life and death that we tried her trifle.",
        ],
        [
            "The new vet was Dr Blood, and the new nurse was Miss Gore, which Dad thought was hilarious.",
            "Miss Gore held the hamster while Dr Blood clipped its nails.",
        ],
    ],
)
def test_a_name_is_no_warning(scene: list[str]) -> None:
    assert detected(*scene).isdisjoint({"death", "collective-violence", "grief", "violence", "blood-gore"})


def test_a_named_man_killed_still_warns() -> None:
    scene = [
        "Mr Slaughter was killed in the crash on the bypass, and his body was taken to the morgue.",
        "The whole school went to the funeral, and Dr Blood found blood pooled under the seat of the car.",
    ]
    assert {"death", "blood-gore"} <= detected(*scene)


# --- a board game, a card game, sports day: "it's war" and a "massacre" at play ------------------


@pytest.mark.parametrize(
    "scene",
    [
        [
            "Monopoly night at the Hendersons'. It's war.",
            "Dad bankrupted everyone by nine and called it a massacre.",
        ],
        [
            "Sports day. It's war, Coach said, and the egg and spoon is the front line.",
        ],
        [
            '"It\'s war," said Priya, shuffling the Uno cards. "Nobody leaves until someone cries."',
            "Jay slaughtered us with a draw four.",
        ],
        [
            "The Scrabble board came out after dinner and Gran declared war on the whole family.",
            "She slaughtered us with QUIXOTIC on a triple word score.",
        ],
    ],
)
def test_a_parlour_game_or_sports_day_is_no_war(scene: list[str]) -> None:
    assert detected(*scene).isdisjoint({"collective-violence", "death"})


def test_a_war_in_the_scene_after_the_game_still_warns() -> None:
    game = ["Monopoly night at the Hendersons'. It's war.", "Dad bankrupted everyone by nine."]
    war = [
        "In the morning the radio said the army had shelled the border town all night; ninety "
        "civilians were killed and the soldiers burned the market.",
    ]
    assert "collective-violence" in story_ids([game, war])


# --- a rope that is a toy or a gym's: a rope ladder, the rope climbed in PE -----------------------


@pytest.mark.parametrize(
    "line",
    [
        "The rope ladder hanging from the treehouse beam was missing three rungs.",
        "In PE we had to climb the rope hanging from the gym beam and Tom got stuck halfway.",
        "The rope swing hanging from the big oak had a knot for a seat, and we queued for it all summer.",
    ],
)
def test_a_toy_or_gym_rope_is_no_suicide(line: str) -> None:
    assert "suicide" not in detected(line)


@pytest.mark.parametrize(
    "line",
    [
        "He tied the rope to the beam in the garage and stood on the chair.",
        "She found the noose hanging from the beam in the barn.",
    ],
)
def test_a_rope_to_a_beam_still_warns(line: str) -> None:
    assert "suicide" in detected(line)


# --- "never let me have a turn": a game's turn, a go on the trampoline ------------------------------


@pytest.mark.parametrize(
    "scene",
    [
        [
            '"I\'m good at this," Kit said. "You lot just never let me have a turn."',
            "Mina handed him the controller, because it was easier than arguing.",
        ],
        [
            "My big brothers never let me have a go on the trampoline.",
            "I gave up and read on the swing in the end; it was easier than arguing with them.",
        ],
    ],
)
def test_a_turn_at_a_game_is_no_abuse(scene: list[str]) -> None:
    assert "abuse" not in detected(*scene)


def test_a_partner_who_allows_nothing_still_warns() -> None:
    scene = [
        "He never let me have a phone or friends of my own.",
        "I kept quiet about it; it was easier than arguing.",
    ]
    assert "abuse" in detected(*scene)


# --- the news of a real death between two scenes of a game, and a player who mourns himself -------


def test_news_of_a_real_death_between_two_scenes_of_a_game_still_warns() -> None:
    """A grief in the scene says the death is real: it is not carried on as the game's."""
    news = [
        "At the break Dev looked at his phone. His dad had died that afternoon; his aunt had been "
        "trying to ring him for an hour.",
        "We sat with him on the kerb while he sobbed. The funeral would be on Thursday.",
    ]
    assert "death" in story_ids([PAINTBALL_START, news, PAINTBALL_END])


def test_a_player_mourning_himself_is_no_grief() -> None:
    scene = [
        "Within a minute Rafe was out, and he lay on the floor of the arena loudly mourning himself.",
        '"Tell my mother I died as I lived," he said, "badly, and in a tutu."',
    ]
    assert "grief" not in detected(*scene)
