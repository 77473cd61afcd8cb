"""Death told without the word (forty-fifth session, round death45; docs/warnings-eval.md, "Forty-fifth session").

Stories often tell a death only by how a body behaves or what is left: a man who is shot and "sits
down as though he were tired", shapes laid under tarps along a road, breathing with long gaps that
stop. Every passage here is new short text written for these tests, with twins that must stay clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "the duel is over in a second. the baron fires first and the younger man sits down in the gravel "
        "like his legs just stopped listening, and the seconds run.",
        "A volley came from the tree line and Corporal Diaz sat down against the wagon wheel as though he "
        "had only stopped to catch his breath.",
        "Sir Rupert had the first shot and missed. The colonel did not. Sir Rupert sat down on the lawn as "
        "though he had simply grown tired.",
    ],
)
def test_one_who_sits_down_as_if_tired_after_a_shot_is_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the paintball pellet hit him in the shin and he sat down in the grass like a toddler, howling.",
        "after the shooting lesson grandpa sat down on the porch like he was tired and asked for lemonade.",
        "the cork shot off and hit the ceiling and she sat down on the sofa like she'd been struck, laughing.",
        "he fired off three emails, sat down at his desk as if nothing had happened, and ate his sandwich.",
    ],
)
def test_sitting_down_beside_a_shot_that_hurts_nobody_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "after the quake the firefighters were laying tarps over the bodies in the car park and nobody let us past the tape.",
        "by noon the soldiers had lined the shapes up along the ditch under grey sheets, and the women were not allowed to look.",
        "the medics drew sheets over the faces of the two in the front seats and waved the tow truck forward.",
    ],
)
def test_shapes_laid_under_sheets_or_tarps_are_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "mum laid the sleeping kids out on the sofa under blankets and turned the film down.",
        "we covered the garden furniture with tarps before the storm and dragged the trampoline into the shed.",
        "the dust sheets were still over the shapes of the old armchairs when we opened up the cottage in may.",
    ],
)
def test_furniture_or_sleepers_under_covers_are_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "grandad's breathing had long gaps in it by then, and you wait and you wait, and the rain goes on "
        "against the window.",
        "the hospice room was dark. the gaps between her breaths got longer all night and then, just before six, it stopped.",
        "you count the pauses in his breathing the way the nurse showed you. you wait and you wait. the birds start.",
    ],
)
def test_breathing_with_long_gaps_that_stops_is_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the nurse said the gaps between his breaths at night were from his snoring and booked him a sleep study.",
        "she held her breath through the long pauses in his speech and waited for him to say her name.",
        "the gaps between my contractions got shorter and the midwife told me to breathe through them.",
    ],
)
def test_pauses_in_breath_or_speech_that_end_in_no_death_are_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a massacre or a bombing (sure collective violence) told by what was left
        "the militia went door to door with lists and machetes through the whole district. a child's sandal "
        "lay by itself in the road.",
        "The army opened fire on the marchers in the square and the crowd broke and ran. For weeks the number kept "
        "going up, and nobody would say it out loud.",
        "the army fired into the crowd of marchers in the square and the mob went from street to street with "
        "machetes. the priest stopped reading the names at mass because there were too many names.",
    ],
)
def test_a_massacre_told_by_what_it_left_is_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the toddler left one sandal by itself on the beach and we only noticed in the car park.",
        "the number of followers kept going up all week after the cat video.",
        "she stopped reading the names on the register after the first ten and just waved us in.",
    ],
)
def test_a_lone_shoe_or_a_rising_count_alone_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "a month after the transport the parents got a typed letter: pneumonia, and their son's ashes could be "
        "collected on request.",
        "The letters went out to the families on the same day, each one saying heart failure, each one offering "
        "the boy's ashes for a fee.",
    ],
)
def test_a_letter_giving_a_false_cause_and_the_ashes_is_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the letter from the school said lily had pneumonia again, and the chimney sweep was coming on thursday.",
        "grandad's letter said he'd had influenza all week but was up and chopping wood, and the ashes from the "
        "stove went on the roses.",
    ],
)
def test_a_letter_about_an_illness_that_passes_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "he stops breathing at ten past three and the nurse writes it down.",
        "she goes limp in my arms and doesn't wake up.",
        'the paramedics stop working on him and one of them says, "i\'m sorry."',
        "y/n holds his hand as his machines go quiet, one by one.",
    ],
)
def test_a_death_told_in_the_present_tense_is_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "if he stops breathing in the night, press the red button.",
        "with his sleep apnoea he stops breathing for ten seconds at a time.",
        "the baby goes limp with sleep in my arms and doesn't wake up until noon.",
        "the baby monitor goes quiet and we both hold our breath, then grin.",
        "she doesn't wake up until the third alarm.",
        "the mechanics stop working on it at five and go to the pub.",
    ],
)
def test_present_tense_sleep_apnoea_and_alarms_are_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the surgeon came out at four. my brother didn't survive the surgery.",
        "they told us at the roadside that the driver did not survive the crash.",
        "we're burying him on saturday and i still don't have a black tie.",
        "you bury her on a tuesday, in the rain.",
        "his body was never recovered from the lake.",
        "grandad's brother didn't come home from the war.",
        "the explosion killed forty miners and the village went quiet for a year.",
        "she's in the ground now and i'm supposed to just go back to school.",
    ],
)
def test_the_news_of_a_death_in_everyday_words_is_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the tomatoes didn't survive the winter and the basil barely made it.",
        "the cake did not survive the car journey, but everyone ate it anyway.",
        "their marriage didn't survive the year in london.",
        "he survived the crash with a broken wrist and a very good story.",
        "the kids buried him in the sand on saturday morning and he let them.",
        "the team didn't come back from the break until four.",
        "she was in the ground floor flat when the lights went out.",
    ],
)
def test_things_that_did_not_survive_and_sand_burials_are_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the telegram said killed in action. every sunday after that his mother set his place at the table anyway.",
        "gran died in the spring. three years on, grandad still sets the table for two out of habit.",
        "the old priest died just after midnight, and the brothers took turns sitting with him through the night.",
    ],
)
def test_a_place_kept_or_a_vigil_beside_a_sure_death_is_grief(text: str) -> None:
    assert {"death", "grief"} <= ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "my sister's at uni now but mum still sets the table for four out of habit and then laughs at herself.",
        "the kids took turns sitting with him through the night while his fever broke, and by morning he wanted toast.",
    ],
)
def test_a_place_kept_or_a_vigil_without_a_death_is_no_grief(text: str) -> None:
    assert "grief" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the vet knelt on the kitchen floor with us. pip's tail thumped twice, slowed, and then his breathing stopped.",
        "the vet found the vein on the first try. bramble sighed once against my knee, and then it stopped.",
        "the mare fell at the last hurdle and did not get up, and the green screens went up around her.",
    ],
)
def test_a_pet_put_to_sleep_or_a_horse_behind_the_screens_is_animal_death(text: str) -> None:
    assert "animal-death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the vet listened with her stethoscope and said his heart sounded great for a dog his age.",
        "after the vet's, the puppy's breathing slowed as he fell asleep in the car.",
        "the nurses put the screens up around her bed while the doctor examined her knee.",
    ],
)
def test_a_checkup_or_a_hospital_screen_is_no_animal_death(text: str) -> None:
    assert "animal-death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she keeps thinking that everyone would be better off. she doesn't say it to anyone.",
        "in the back of his planner he wrote that it would be easier for everyone if he wasn't around.",
    ],
)
def test_the_thought_that_everyone_would_be_better_off_is_suicide(text: str) -> None:
    assert "suicide" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "i keep thinking everyone would be better off if we just cancelled the camping trip.",
        "it would be easier for everyone if he wasn't around on moving day, honestly, he just gets in the way.",
    ],
)
def test_better_off_over_plans_and_chores_is_no_suicide(text: str) -> None:
    assert "suicide" not in ids(text)
