"""Death told without the word (forty-fourth session, round death44; /work/scratch/s44/docs/death44.md).

A massacre's dead are often told only by what was done and what was left: houses burned with the
families still inside, men cut down, bodies lying where they fell, survivors counting who did not
come back. Every passage here is new short text written for these tests."""

from __future__ import annotations

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset
from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The raiders came over the ridge at dusk and the farmhouse burned with the whole family still "
        "inside it while the soldiers watched from their horses.",
        "when the militia left the village the school was set alight with the children locked inside, and "
        "the smoke could be seen from the next valley.",
        "They torched the mosque with the worshippers still inside and the town never spoke of it again.",
    ],
)
def test_a_building_burned_with_people_inside_is_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The cavalry charged the market square and cut down the villagers as they ran, and the mob "
        "burned every stall to the ground.",
        "the raiders burned the village at first light and cut down the farmers in the barley as they ran.",
        "the pogrom went on for two nights, the mob going from house to house with clubs and torches, and "
        "we never found out how many.",
        "the bombs fell on the refugee column all morning, and afterwards the survivors walked back along "
        "the road counting who didn't make it.",
        "The militia rounded up the strikers in the square and the crowd panicked, and in the crush the "
        "woman next to me went limp.",
    ],
)
def test_a_massacre_told_by_its_fallen_is_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a fire that everyone got out of, and a crowd that is only dispersed
        "The old barn burned down in the storm, but the horses had been let out into the field and the "
        "family watched from the lane.",
        "The riot police cut down the banners and pushed the crowd back across the square with shields.",
        "she cut down the old apple tree in the yard and burned the branches on the bonfire that night.",
        "The boy beside me stopped moving his pencil and stared at the exam clock.",
    ],
)
def test_a_fire_or_a_crowd_with_nobody_dead_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # help that came too late, in the present tense
        "the stab wound soaks through the towel in seconds. by the time the medic gets there she isn't breathing.",
        "He dragged the boy out past the breakers. By the time the lifeguard reaches them the boy is already cold.",
        "the crash team runs in and there's nothing left for them to do but cover her face.",
        # the monitor's line, as the one in the family would see it
        "the heart monitor's line goes flat just after midnight and the nurse quietly switches the alarm off.",
        # found, told by the one who found them
        "the officer takes his hat off. \"i'm so sorry, ma'am. we found her in her car by the reservoir.\"",
        "His roommate found him in the bathroom on Sunday morning, the needle still on the floor beside him.",
        # news that someone did not make it
        "mum rang at six. my best friend's little sister didn't make it.",
        "the hospital called back at noon: their youngest son didn't make it.",
    ],
)
def test_a_death_told_through_the_news_of_it_is_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "by the time the pizza guy gets there she isn't even hungry anymore.",
        "the phone line goes flat and crackly whenever it rains, so she hangs up.",
        "We found him in his car in the car park, asleep with the radio on, and I was so sorry I'd woken him.",
        "my little brother didn't make it to the final, but he cheered louder than anyone.",
        "her best friend didn't make it in time for the bus, so they walked.",
        "there was nothing left for them to do but close the shop and go home.",
    ],
)
def test_news_with_nobody_dead_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # two signs of the days after a death, neither enough alone
        "the casseroles keep coming all week. at the service on saturday the vicar gets his first name wrong "
        "and grandma laughs for the first time since.",
        "mom lays out four plates for dinner and then takes one away again without a word. dad's chair at "
        "the end of the table stays empty.",
        "i keep texting him even though he won't answer. his last voice note is still pinned at the top of "
        "the chat. the bereavement group meets on thursdays and i haven't gone yet.",
        "the headstone is grey granite, just a name and two dates. the telegram came in june and she still "
        "keeps it folded in her purse.",
    ],
)
def test_two_signs_of_the_days_after_a_death_are_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # one sign alone: a potluck, a dinner for two, a wedding telegram
        "the casseroles keep coming all week because the whole street signed up for the church potluck.",
        "she sets the table for two and lights a candle, nervous, because it's their first anniversary.",
        "the telegram came the morning of the wedding and grandpa read it out to the whole marquee.",
        "he keeps texting her even though she won't answer, because she's in a maths exam until three.",
    ],
)
def test_one_sign_of_the_days_after_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a sure death, and one grief cue of the days after it
        "my grandfather died in march. the headstone is plain, just a name and two dates, and i bring him "
        "daffodils on sundays.",
        "she died in her sleep on tuesday. i keep texting her anyway, even though i know she won't answer.",
        "Uncle Ray died on the ward in the small hours. By lunchtime the casseroles started arriving, one "
        "from every house on the street.",
    ],
)
def test_a_grief_cue_of_the_days_after_beside_a_sure_death_is_grief(text: str) -> None:
    assert {"death", "grief"} <= ids(text)


def test_a_grief_cue_alone_stays_possible() -> None:
    text = "I keep texting him even though I know he won't answer."
    report = scan(Story(StoryMeta("t"), [Chapter(1, None, [Scene([text])])], "txt"), default_ruleset())
    assert "grief" not in report.detected_ids()
    assert "grief" in report.detected_ids("possible")


@pytest.mark.parametrize(
    "text",
    [
        "the neighbours brought the cat back over the fence again, and mum brought them a lemon cake.",
        "the service was so slow that we ordered dessert before the mains came.",
    ],
)
def test_neighbours_and_a_restaurant_service_are_no_grief(text: str) -> None:
    report = scan(Story(StoryMeta("t"), [Chapter(1, None, [Scene([text])])], "txt"), default_ruleset())
    assert "grief" not in report.detected_ids("both")


@pytest.mark.parametrize(
    "text",
    [
        # a horse killed under its rider in battle, told by the wound
        "The dragoons came over the rise at a gallop and Ned's bay took a musket ball in the chest and folded "
        "onto her knees in the barley.",
        "the lances met in the middle of the field. her grey caught a lance through the neck and went down "
        "screaming, and she rolled clear under the hooves.",
        "At the ford the pikemen held, and the captain's charger took a pike in the belly and threw him.",
    ],
)
def test_a_mount_struck_down_in_battle_is_animal_death(text: str) -> None:
    assert "animal-death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The knight's horse took an arrow in the flank but carried him home, and the farrier stitched it.",
        "the pony took a carrot from her palm and went down to the stream to drink.",
        "He took a ball in the chest at Waterloo and still rode his grey home to Kent.",
    ],
)
def test_a_wounded_or_a_fed_horse_is_no_animal_death(text: str) -> None:
    assert "animal-death" not in ids(text)
