"""Death told in general frames, and "dead" or "died" said of things that are not people
(forty-first session; docs/warnings-eval.md, "Forty-first session").

Each case is written in general vocabulary, not copied from a set: a plant, a shopping centre,
a star, a printer at work, a season "dead" are not a person found dead; a laptop "who died", a
cinema that died, a death in scare quotes are not a person dying. The same words of a person
still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "the mint on the back step is dead again, brown to the roots, and i only went away for a week.",
        "my tomatoes in the greenhouse are completely dead. next year i'm buying them in a tin.",
        "honestly the shopping centre is dead on a monday; just us and a man selling phone cases.",
        "the whole scene was dead by 2012, every venue a block of flats, so we started our own nights.",
        "half the stars you can see are probably dead, he said, and she told him that wasn't true.",
        "update: the printer in the office is dead, the coffee machine is next, we are not okay",
        '"it\'s dead, jim," he says in a terrible accent, holding up the kettle, and she laughs.',
        "we go in the dead season, october, when the guesthouses are half price and the beach is ours.",
        "pinch off the dead heads and the dead leaves, gran said, and the geraniums will go all summer.",
    ],
)
def test_dead_of_a_thing_a_place_or_a_season_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "rest in peace to my old phone, who died bravely on the bus this morning with my boarding pass inside.",
        "the video shop died in about 2008 and nobody in town has rented a film since.",
        "dad tells everyone he 'died' on the ski slope in 1994. he fell over and lay in the snow sulking.",
        "the local newspaper finally died last spring, after a hundred and forty years of council gossip.",
    ],
)
def test_died_of_a_device_a_business_or_in_scare_quotes_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "jamie was dead. i knew it before i reached him, before i turned him over in the snow.",
        "the whole village was dead by spring; the fever took them house by house.",
        "the shop owner died in 1998 and his son kept the place going for another ten years.",
        "she was dead, jim realised, kneeling by the bed, and he could not make himself stand up.",
        "her father died years ago, and the cinema where he worked closed the same winter.",
    ],
)
def test_the_same_words_of_a_person_still_warn(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "at twenty past two the monitor went flat, and the nurse reached over and turned the sound down.",
        "all night i listened for the next breath, my hand on his chest, and near dawn it didn't come.",
        "the medic drew the sheet over the sergeant's face and stood up, and nobody in the tent said a word.",
        "the telegram boy came up the path on a tuesday. the war office regrets to inform you. she sat down.",
        "there are flowers tied to the railings by the crossing now, and a teddy, and a card. he was sixteen.",
        "her grandfather lost his whole family in the bombing and came over on the boat alone, aged nine.",
        "we scattered dad over the cliffs at dusk, the way he asked, and the wind took him out to sea.",
        "the market bombing: forty people killed, the radio said, and the names came in all night.",
    ],
)
def test_death_told_by_its_frames_warns(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the joke went flat and the whole table stared at their plates until the waiter came.",
        "we waited for the next bus for forty minutes in the rain and then walked home.",
        "we regret to inform you that your application for the position was unsuccessful this time.",
        "she scattered the seeds over the bed and watered them in, humming to the radio.",
        "he lost his whole family's trust when he sold the farm, and his brother never forgave him.",
        "we killed forty of them in the battle, the game told us, and our squad levelled up.",
    ],
)
def test_the_same_words_without_a_death_stay_clean(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the old sailor was dead when they found him, sitting up in his bunk with the lamp still lit.",
        "my grandmother passed in the spring, the week the lilac came out, and mum hasn't been right since.",
        "we lost her last winter, two days before christmas, and the house still feels too big.",
        "the tumour took him in the end, the way the doctors said it would, though he fought it for a year.",
        "she was laid out in the parlour in her sunday dress, and the neighbours came through all evening.",
        "the women washed him and dressed him in his good suit, and his brother sat up with him all night.",
        "they lowered the coffin into the grave in the rain, and his daughter threw the first handful of earth.",
        "we sat shiva for a week in my aunt's flat, the mirrors covered, people bringing food every night.",
        "the registrar pronounced him at 02:40 and went out to find the family in the relatives' room.",
    ],
)
def test_the_brief_frames_of_a_death_warn(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "you're dead when she sees what you did to her car, i'm not even joking.",
        "we're dead when the coach finds out we skipped the run.",
        "my brother passed his driving test in march, on the third try, and drove us straight to the beach.",
        "we lost them in the crowd at the festival and found them an hour later by the chip van.",
        "the flu got her in the end, and she spent the whole week in bed with the cat.",
        "the stone says beloved wife and mother, and i sit by it on sundays and tell her about the garden.",
        "he laid her out with one punch in the third round and the whole arena was on its feet.",
    ],
)
def test_the_same_frames_without_a_death_now_stay_clean(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "group chat: he said my haircut was 'bold'. that's a death sentence. pray for me.",
        "she slid a sticky note across the desk with a tiny drawing of a gravestone on it and 'maths' underneath.",
        "in my dream i had a funeral and my ex read a eulogy about my handwriting. then i woke up late.",
        "the manager read out the sales figures like a eulogy, and then told us about the pizza.",
        "her aunt is a funeral director, which makes her the most relaxed person at every family party.",
        "i'm going to frame all the rejection letters and hang them in the hallway so guests have to read them.",
        "honestly my tamagotchi died every week because i left it in my pe bag.",
    ],
)
def test_chat_jokes_dreams_similes_and_a_job_are_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "after the funeral we went back to the house, and in my dreams she is still in the kitchen.",
        "they hanged them at dawn in the square, three men and a boy, and left them there a day.",
        "the funeral director took us through to see her one last time before they closed the lid.",
    ],
)
def test_a_real_funeral_or_hanging_still_warns(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the paramedics worked on him for forty minutes on the pavement, and then they stopped.",
        "i sat by the bed holding her hand, and some time after midnight she slipped away.",
        "the firemen pulled him from the wreckage after an hour, but by then he was already gone.",
        "my great-uncle never came home from the war; there's only his name on the village memorial.",
        "there was no coffin at the service, because there was nothing left to bury after the fire.",
        "grandad was buried on thursday beside gran, under the yew at the end of the churchyard.",
        "in the end the surgeons could not restart his heart, and they came out to find us.",
        "the fever took half the village that winter, and the priest ran out of room in the churchyard.",
    ],
)
def test_more_frames_of_a_death_warn(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she slipped away from the party while nobody was looking, holding her shoes in one hand.",
        "they pulled him out of the river, soaked and furious but breathing, and wrapped him in a coat.",
        "he was buried in paperwork all week and missed every single rehearsal.",
        "the mechanic couldn't restart it, so we left the van in the lay-by and got the bus.",
        "they worked on her for an hour and then stopped for lunch, the old car gleaming in the yard.",
        "the coach trip took half the village to the seaside, and the vicar got sunburnt.",
    ],
)
def test_the_same_words_of_a_party_a_rescue_or_a_car_stay_clean(text: str) -> None:
    assert "death" not in ids(text)


def test_food_that_was_cremated_is_no_death() -> None:
    assert "death" not in ids(
        '"you didn\'t burn the toast," she said, flapping a tea towel at the alarm, "you cremated it."'
    )
    assert "death" not in ids("dad cremated the burgers again and called them 'well done', and we ate them anyway.")


def test_a_person_cremated_still_warns() -> None:
    assert "death" in ids("she was cremated on friday at the crematorium by the park, and we took her ashes home.")
    assert "death" in ids("they cremated him in his blue suit, the one he wore to every wedding.")
