"""False alarms, and one lost warning, by the shape that makes them (forty-fourth session; fp44's
section of docs/warnings-eval.md).

Each case is new synthetic text in general vocabulary, not copied from a set.

Change 1, the scope of negation: a cue that is itself a noun ("nothing", "nobody", "no one")
with a subject straight after it has closed its clause: "when she said nothing he shot her" is a
shot, not a shot denied. An adverb before an inverted subject ("never did he hit her") and a
cue straight before the verb ("nobody shot her") still negate."""

from __future__ import annotations

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset
from tests.warnings.passages import ids


def any_tier(text: str) -> set[str]:
    """Confident and possible warnings of ``text`` as a one-paragraph story: a figure of speech
    should not even reach an admin's possible list."""
    chapter = Chapter(1, None, [Scene([text])])
    report = scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared())
    return report.detected_ids("both")


@pytest.mark.parametrize(
    "text",
    [
        "When she said nothing he shot her twice in the chest and walked out.",
        "He asked where the money was, and when the old man answered nothing he stabbed him in the stomach.",
    ],
)
def test_a_noun_cue_before_a_new_subject_does_not_negate_the_act(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody shot her. She walked out of the bank without a scratch.",
        "Never did he hit her, not once in forty years.",
    ],
)
def test_a_cue_before_the_act_or_an_inverted_subject_still_negates(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    ("before", "negated"),
    [
        ("when she said nothing he ", False),
        ("no one she ", False),
        ("nothing he did ", True),
        ("nobody ", True),
        ("no one ", True),
        ("never did he ", True),
        ("what if he ", True),
    ],
)
def test_negation_scope_of_noun_cues(before: str, negated: bool) -> None:
    assert default_ruleset().negation.is_negated(before) is negated


# Change 2, a word mentioned, not used, and a performance praised: "define eat shit" in a chat asks
# what someone meant (a word quoted back is no insult), and "you slaughtered it" or "they
# massacred that solo" after a stage is praise, not a massacre. The insult hurled and a town
# slaughtered still warn.


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("group chat\njules: that quiz was brutal, i ate shit\nomar: define eat shit\njules: a 41", "abusive-language"),
        (
            "The drummer counted us in and we slaughtered it. Best gig of the tour, the whole room singing.",
            "collective-violence",
        ),
        (
            "'You massacred that solo,' Dev shouted over the encore, and the guitarist took a bow.",
            "collective-violence",
        ),
    ],
)
def test_a_word_mentioned_and_a_performance_praised_are_no_warning(text: str, category: str) -> None:
    assert category not in any_tier(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "He shoved her into the lockers. 'Eat shit, you stupid cow,' he said, and walked off laughing.",
            "abusive-language",
        ),
        ("The soldiers massacred the villagers at dawn and left the bodies in the square.", "collective-violence"),
    ],
)
def test_the_insult_and_the_massacre_told_plainly_still_warn(text: str, category: str) -> None:
    assert category in ids(text)


# Change 3, play and a lesson told as war: a street or a dorm that "goes to war" in the first snow,
# snowballs and snow forts, a garden's weeds or slugs with war declared on them, and a class told
# to read the sources and decide for themselves are signs of play for collective violence (snow
# play for violence too). A real war in the snow still warns.


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "the first snow of the winter and our whole block goes to war. the kids from the corner house "
            "have a sledge for a shield. i get hit in the face and go down in the slush, laughing.",
            "violence",
        ),
        (
            "Someone starts a snowball war between the two halls and by ten it is full trench warfare, "
            "snow forts on both lawns and a ceasefire brokered over cocoa.",
            "collective-violence",
        ),
        (
            "Gran declared war on the bindweed in April. It had come over the fence like an occupying army, "
            "and by June it was a massacre: sacks of it by the shed and the survivors in full retreat.",
            "collective-violence",
        ),
        (
            "'In 1914 soldiers on both sides climbed out of the trenches on Christmas Day and shook hands,' "
            "Mr Adeyemi said. 'Some accounts disagree. Read these three diaries and decide for yourselves.'",
            "collective-violence",
        ),
    ],
)
def test_play_and_a_lesson_told_as_war_are_no_warning(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "With the first snow the soldiers shelled the village again, and the wounded lay in the square until dark.",
        "Snow fell on the trenches all night; at dawn the artillery opened up and the soldiers went over the top "
        "into the machine guns.",
    ],
)
def test_a_war_in_the_snow_still_warns(text: str) -> None:
    assert "collective-violence" in ids(text)


# Change 4, a sports drill told as suicide or torture: "suicides" run baseline to baseline (or
# lines, sprints, shuttle runs) is a conditioning drill, and training that "is a special kind of
# torture" is a complaint. A suicide told near a coach's whistle and torture in a cellar still warn.


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Coach checks her watch. 'Suicides. Baseline to baseline, then again.' The whole squad groans.", "suicide"),
        ("Pre-season is a special kind of torture. We ran lines until the sun went down.", "violence"),
    ],
)
def test_a_sports_drill_is_no_suicide_or_torture(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "He left a note on the kitchen table and took his own life in the garage that night. "
            "The coach blew the whistle at practice the next morning and nobody moved.",
            "suicide",
        ),
        (
            "They tortured him for three days in the cellar; it was a special kind of torture, "
            "the kind that leaves no marks.",
            "violence",
        ),
    ],
)
def test_a_suicide_and_torture_told_plainly_still_warn(text: str, category: str) -> None:
    assert category in ids(text)


# Change 5, a murder told as a figure: a simile of a murder trial, scene or mystery ("like it's
# evidence in a murder trial") and a teammate's "go murder them" before a match are no death. A
# murder told plainly, and deaths told after an order to kill, still warn.


@pytest.mark.parametrize(
    "text",
    [
        "Dad laid the receipts out on the table like exhibits at a murder trial and asked who had bought the inflatable flamingo.",
        "The whistle goes and the captain slaps my back. 'Go murder them,' she says, and I jog on grinning.",
    ],
)
def test_a_murder_told_as_a_figure_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The jury heard that he had murdered his wife in the kitchen and buried her under the patio.",
        "'Go kill them,' the captain said, and the men went down into the cellar; two shots, then nothing. "
        "They were dead before they hit the floor.",
    ],
)
def test_a_murder_told_plainly_is_death(text: str) -> None:
    assert "death" in ids(text)


# Change 6, "beat me" at a game: a chess tournament or club, a queen lost on move six, a bridge
# hand led with the jack and dealt again are signs of play for child abuse, so the grandmother or
# the rival who "beat me" won a game. A chess board in a home where a father beats his children is
# no such sign, and the beating still warns.


@pytest.mark.parametrize(
    "text",
    [
        "Lost the chess club final in eleven moves. The kid who beat me is nine. Mum says she's proud of me anyway.",
        "Nan plays whist like a shark. 'You led with the ten?' she says, and beats me again, and deals again. Dad just laughs.",
    ],
)
def test_beaten_at_a_game_is_no_child_abuse(text: str) -> None:
    assert "child-abuse" not in ids(text)


def test_a_beating_at_home_beside_a_chess_board_still_warns() -> None:
    text = (
        "When Dad drank he beat us with his belt and locked me in the cellar. "
        "Afterwards he'd set up the chess board as if nothing had happened."
    )
    assert "child-abuse" in ids(text)
