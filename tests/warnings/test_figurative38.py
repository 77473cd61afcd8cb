"""Things that "die" with words between ("the motor coughed twice, spat a cloud of blue smoke, and
died"), "it died" and "it was dead" said of a thing, a thing "brought back from the dead", and a
pet's or a thing's funeral: none is a person's death, while a person's death told with the same
words still is (rules.json: the `device-sound` class and death's and grief's excludes). A freeform
tag naming a work by its medium, "Death Note (Anime & Manga)", declares no warning
(bot/warnings/declared.py)."""

from __future__ import annotations

import pytest

from bot.story.model import StoryMeta
from bot.warnings.declared import declaring_texts, map_declared
from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "the old outboard motor coughed twice, spat a cloud of blue smoke, and died in the middle of the lake",
        "the generator sputtered, flickered the lights once more and died, and we sat in the dark laughing",
        "the van shuddered, made a noise like a dying whale and then finally died on the hard shoulder",
        '"did the charger work?" "nope. it died." he shrugged and went to find a candle',
        "we tried everything, the power button, unplugging it, prayer. it was completely dead.",
        "she replaced one spark plug and brought the engine back from the dead",
    ],
)
def test_a_thing_that_dies_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "we held a funeral for the goldfish in the back garden, with a shoebox and a song",
        "the kids held a funeral for the hamster under the apple tree and sang a song",
    ],
)
def test_a_pets_funeral_is_no_persons_death(text: str) -> None:
    assert not ids(text) & {"death", "grief"}


@pytest.mark.parametrize(
    "text",
    [
        "the engine coughed and the plane dropped, and the pilot died before they reached the ground",
        "the car hit him at forty and he died on the way to the hospital",
        "the motor coughed once and he slumped over the wheel. he was dead before the boat reached the jetty",
        "grandad's funeral was on a tuesday, and we buried him beside grandma",
        "they brought her back from the dead twice in the ambulance, and the third time she died",
    ],
)
def test_a_persons_death_beside_the_same_words_is_still_found(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "tag",
    [
        "Death Note (Anime & Manga)",
        "The Walking Dead (TV)",
        "Killing Eve (TV)",
        "Suicide Squad (2016)",
        "Dead by Daylight (Video Game)",
        "Death Stranding (Video Games)",
        "Death Note - All Media Types",
    ],
)
def test_a_fandom_tag_that_holds_a_warning_word_declares_nothing(tag: str) -> None:
    """AO3 names a work by its title and its medium, "(Anime & Manga)", "(TV)", a year: the title's
    "Death" or "Suicide" is a name, not the author's warning."""
    found = map_declared(StoryMeta(title="t", additional_tags=[tag, "Fluff"]))
    assert not found.ids
    assert tag not in declaring_texts(StoryMeta(title="t", additional_tags=[tag]))


def test_a_warning_tag_beside_a_fandom_tag_still_declares() -> None:
    found = map_declared(
        StoryMeta(
            title="t", additional_tags=["Death Note (Anime & Manga)", "Major Character Death", "Suicide (Implied)"]
        )
    )
    assert set(found.ids) == {"death", "suicide"}


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("look, i'm not homophobic, but why do they have to kiss in public", "homophobia"),
        ('"i\'m not sexist, but she should stick to the paperwork," he said', "sexism"),
        ('"women always get so emotional about this stuff," my boss told the whole office', "sexism"),
        ("my teacher said girls are built to have babies, not to do physics", "sexism"),
        ('"no woman will ever command my regiment," the colonel said', "sexism"),
        ('"a girl with a sword is a joke," the sergeant sneered', "sexism"),
        ('"we don\'t serve immigrants here," the barman said', "racism"),
        ("gay couples shouldn't adopt children, my uncle announced at dinner", "homophobia"),
        ("they said he was too disabled to do the job and sent him home", "ableism"),
    ],
)
def test_discrimination_said_in_one_sentence_is_found(text: str, warning_id: str) -> None:
    assert warning_id in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "women get emotional at weddings, my mum says, and then she cries at every single one",
        "the two men can't raise the sail on their own, so we all grab the rope",
        "no woman will ever love him the way his dog does, he jokes",
        "we don't rent to students anymore after the last lot, the landlord says",
        "he's too blind to see she's into him, honestly",
    ],
)
def test_the_same_words_without_the_prejudice_are_no_warning(text: str) -> None:
    assert not ids(text) & {"sexism", "racism", "homophobia", "ableism"}


@pytest.mark.parametrize(
    "text",
    [
        "the paramedics got there too late; the overdose had taken him an hour before",
        "she kept pressing on the wound until the ambulance came, but they were too late by minutes",
    ],
)
def test_help_that_came_too_late_is_a_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the ambulance was too late for the drill, so the nurses timed us with a stopwatch instead",
    ],
)
def test_too_late_for_a_drill_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "we drove grandpa's old tractor to the fair, which everyone agreed was suicidal given the brakes",
        '"that\'s suicidal," said the sergeant, looking at the map. "we go round by the river instead."',
        "crossing the pass in this snow would be suicide for anyone, so we wait out the storm in the hut",
        "the plan was frankly suicidal and the twins loved it immediately",
    ],
)
def test_a_plan_that_is_suicidal_is_no_suicide(text: str) -> None:
    assert "suicide" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she told the nurse she had been suicidal for weeks, which nobody at home had seen",
        "the coroner said it was suicide, and her mother walked out of the room",
        "he was suicidal after the divorce and his brother moved in to keep an eye on him",
        "he stepped off the roof, which the inquest later found was suicide",
    ],
)
def test_a_person_who_is_suicidal_still_is(text: str) -> None:
    assert "suicide" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "he grabbed her wrist when she stood up, hard enough that the bones ground together",
        "the captain caught his arm and twisted it up behind him until he screamed",
        "the guard brought the baton down across the prisoner's knuckles, again and again",
        "the bottle caught him with a sick crack across the temple and he dropped between the stools",
    ],
)
def test_a_grip_that_hurts_and_a_blow_are_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she grabbed his wrist and dragged him onto the dance floor, laughing",
        "my sister twisted my arm until i agreed to come to the pub quiz",
        "her girlfriend squeezed her hand so hard her ring dug in, and they walked out of the lobby",
        "he grabbed my arm so hard when the lift dropped that we both burst out laughing after",
    ],
)
def test_a_grip_in_play_or_fear_is_no_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "we could always tell what kind of night it was going to be from the way he slammed the truck door",
        "her father's silences were worse than his shouting; a silence meant he was deciding something",
        "over the years he made her apologise for things he'd done, until she believed she had done them",
    ],
)
def test_a_household_that_reads_his_moods_is_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "you could tell what kind of night it was going to be from the sound of the fireworks down by the river",
        "she made him apologise for the things he'd said about her cooking, and then they both laughed",
    ],
)
def test_the_same_words_in_a_happy_house_are_no_abuse(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the preacher said every sodomite in the town would burn, and the congregation said amen",
        '"sodomites under my roof," the reeve spat through the slats of the barn',
        "the bishop's letter called it the sickness of sodomy and asked the magistrate to act",
    ],
)
def test_sodomite_as_a_name_for_gay_people_is_homophobia(text: str) -> None:
    assert "homophobia" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the blade went in under his arm. he looked surprised, then sat down, and then he was gone, just like that",
        "by the time the ambulance came she'd stopped breathing, and the paramedic sat back on his heels",
        "by the time help arrived he was gone, and his brother was still holding the towel to the wound",
    ],
)
def test_a_death_told_without_a_death_word_is_found(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "he shot me a look across the bar, and then he was gone, out into the rain without his coat",
        "by the time the ambulance came she'd stopped crying and was asking for a sandwich",
    ],
)
def test_gone_and_stopped_in_a_live_scene_are_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the file never saved. i sat on the floor and mourned my lost chapters like a victorian widow",
        "he grieved his deleted save file for a week and then started a new game",
        "she went about the flat in black like a tragic widow because the sourdough had collapsed",
    ],
)
def test_mourning_a_thing_is_no_grief(text: str) -> None:
    assert "grief" not in ids(text)


def test_dead_men_tell_no_tales_is_a_saying() -> None:
    text = '"i\'m dead. leave me here." "dead men don\'t do encores, get up," said the drummer, laughing'
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she mourned her husband for a year and wore black to every supper",
        "we grieved my brother in the only way we knew, by cooking his recipes",
    ],
)
def test_mourning_a_person_is_still_grief(text: str) -> None:
    assert "grief" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the audition was going well until she mentioned she was autistic, and then the director stopped smiling",
        "the date went great until he saw my wheelchair by the door, and then he remembered an early start",
        "the first interview went fine until i mentioned my hearing aids. the man began speaking more slowly and much more loudly",
    ],
)
def test_it_went_well_until_the_disability_showed_is_ableism(text: str) -> None:
    assert "ableism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the date went great until he mentioned he was married, and then i threw my drink at him",
        "the interview went fine until i mentioned my salary, which was, apparently, hilarious",
    ],
)
def test_it_went_well_until_something_else_is_no_ableism(text: str) -> None:
    assert "ableism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Then the horse stumbled and was swept away, and the boy who rode it died in the water.",
        "everyone who touched it died within the year, the old woman said, and the curse was real",
    ],
)
def test_a_person_who_dies_after_it_as_an_object_is_still_a_death(text: str) -> None:
    assert "death" in ids(text)
