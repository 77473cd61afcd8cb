"""Deaths and abuse told without their own words, and figurative speech that must stay clean
(thirty-ninth session; docs/warnings-eval.md, "Thirty-ninth session").

A death is told by how the news is broken ("he wouldn't have suffered", "nothing anybody could
have done", "that she'd passed"), by the customs around a body (pennies on the eyes, mirrors
turned to the wall), by a shape under a blanket, by who is asked to see the body; each of these
is weaker than a death word, so each needs a second sign before a warning is confident."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "the officer took his cap off in the hallway. it would have been instant, he said, she wouldn't have"
        " suffered, and there was nothing anybody could have done.",
        "the hospice nurse came out and told us quietly that she'd passed, and that it would have been very"
        " peaceful, she wouldn't have felt a thing.",
        "the police would not let her see the body, and at the service the casket stayed closed.",
        "grandmother lay in the front room with pennies on her eyes, and every mirror in the house had been"
        " turned to the wall, and the neighbours came with hams for the wake.",
        "the ventilator stopped at ten past four and nobody rushed in. a little later the nurse said he had passed.",
    ],
)
def test_a_death_told_by_the_news_and_the_customs_is_found(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she'd passed! the driving examiner shook her hand and she screamed so loud the car park turned round.",
        "he had passed the ball before the tackle came in, and it was nothing anybody could have done about.",
        "the bus was late again and there was nothing anyone could do about it, so we sat on our bags.",
        "she stood in front of the mirror and practised her body language for the interview.",
        "the stew would have been quick if i'd used the pressure cooker. the flavour didn't suffer though.",
    ],
)
def test_the_same_words_in_everyday_use_are_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the searchers brought the small wrapped shape down off the hill at dusk. she's at peace now, the"
        " priest told her mother.",
        "she knelt and touched his throat and there was nothing. his skin was already cold.",
        "by noon the bodies of the drivers had been laid along the verge under a tarp, and the crows were circling.",
    ],
)
def test_a_death_told_by_the_body_is_found(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she touched her wrist and there was nothing but the cheap watch her brother had given her.",
        "the report on bodies of water in the national park ran to forty pages and nobody read it.",
        "the shape under the blanket turned out to be the dog, who had stolen the sofa again.",
        "he lost his whole family in the crowd at the parade and found them an hour later by the ice cream van.",
    ],
)
def test_the_same_words_without_a_body_are_no_death(text: str) -> None:
    assert "death" not in ids(text)


def test_a_place_laid_out_of_habit_for_someone_gone_is_grief() -> None:
    text = (
        "every morning he set out two mugs out of habit, and every morning he put the second one back in the"
        " cupboard without a word."
    )
    assert "grief" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "when she gets home he holds out his hand and she puts her phone in it, and he reads the messages"
        " over her shoulder. her bank card lives in his wallet now.",
        "her debit card lives in his wallet. she has to ask him for bus fare, and last week he decided who she"
        " could see at christmas.",
        "if she was late he just stopped speaking to her for days at a time. he decided who she could see,"
        " and he listened in on her calls.",
        "he's always so sorry afterwards. he cried and said he'd get help, and then he decided who she could"
        " see and who she couldn't.",
        "she keeps a bag packed under the spare bed, with her passport and the debit card he doesn't know about.",
        "you learn to read his footsteps on the stairs. it's your fault i get like this, he says, when the"
        " plate hits the wall.",
    ],
)
def test_abuse_told_as_control_is_found(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she holds out her hand and i put my phone in it so she can take the group photo by the fountain.",
        "the kids stopped speaking to each other for days after the monopoly game, and then forgot why.",
        "she keeps a bag packed under the bed for the hospital, because the baby is due any day now.",
        "he's so sorry he missed the match, he says, and promises he'll get the tickets for the next one.",
        "mum checks the call log on the landline to see whether the dentist rang back about tuesday.",
    ],
)
def test_the_same_words_without_control_are_no_abuse(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("the hollandaise is dead. i killed it, chef said, and handed me another bowl of yolks.", "death"),
        ("the cat screams like i'm murdering her every time i lift her off the keyboard.", "death"),
        ("my ex is dead to me. dead. i've already picked out the hymns, she said, and ordered chips.", "death"),
        ("the examiner said 'carry on' in a voice like a funeral director, and then he said i'd passed.", "death"),
        ("the students spent the summer digging at the bronze age burial mound and found a brooch.", "death"),
        ("he throws a cushion at your head, and you throw the popcorn back at his, and the dog joins in.", "violence"),
        ("she checks her phone every thirty seconds until the exam results come through at noon.", "abuse"),
    ],
)
def test_figurative_and_everyday_uses_stay_clean(text: str, warning_id: str) -> None:
    assert warning_id not in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("the soldier is dead. the sniper killed him before he reached the wall.", "death"),
        ("he checked her phone every night and read her messages out loud to her.", "abuse"),
        ("they dug his grave in the rain and lowered the coffin while his mother wept.", "death"),
    ],
)
def test_the_same_shapes_about_people_are_still_found(text: str, warning_id: str) -> None:
    assert warning_id in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she was not allowed to visit her sister after the wedding. he told her she was the reason he could not sleep.",
        "he rings the salon six times a shift. he doesn't like her working, he says, and when she laughed"
        " at the christmas party she embarrassed him by laughing too loud.",
        "the bedroom door locks from the outside now, for her own safety, and she hasn't been out without"
        " him in four months, and she isn't allowed a phone of her own.",
        "she arranged her days around not upsetting him. she was not allowed her own bank account, and"
        " her letters went through his secretary.",
    ],
)
def test_abuse_told_as_rules_of_the_house_is_found(text: str) -> None:
    assert "abuse" in ids(text)


def test_a_child_afraid_to_go_home_is_child_abuse() -> None:
    text = (
        "the boy never wants to go home after practice. when his dad's truck pulls into the car park he goes"
        " very still and walks to it with his shoulders up round his ears."
    )
    assert "child-abuse" in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("the boarders were not allowed visitors in exam week, and the matron rang the house twice a day.", "abuse"),
        ("the kids never want to go home from the beach, and when their dad's car pulls up they groan.", "child-abuse"),
        ("he orders for her again, because she always takes ten minutes with the menu and he's starving.", "abuse"),
    ],
)
def test_house_rules_and_tired_children_are_no_abuse(text: str, warning_id: str) -> None:
    assert warning_id not in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("the top comment on my chapter says women can't write fight scenes and i should stick to fluff.", "sexism"),
        ("female characters are always so annoying, someone wrote under the fic, and got forty likes.", "sexism"),
        ("halfway through the interview he asked whether she had any plans to start a family soon.", "sexism"),
        (
            "you're staying here until your father pays, the man said, and the cellar door was nailed shut"
            " from the outside.",
            "kidnapping",
        ),
        (
            "the little girl vanished from the fair on saturday. on tuesday they found the shed, nailed shut"
            " from the outside.",
            "kidnapping",
        ),
    ],
)
def test_prejudice_and_captivity_said_plainly_are_found(text: str, warning_id: str) -> None:
    assert warning_id in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("my plans to start a family can wait, she laughed, the garden comes first this year.", "sexism"),
        ("women can't resist a good cheese board, my aunt announced, and ate the brie.", "sexism"),
        ("the shed was nailed shut from the outside for the winter, and the bikes were inside it.", "kidnapping"),
        (
            "the cat vanished from the garden on saturday and turned up on tuesday asleep in the airing cupboard.",
            "kidnapping",
        ),
    ],
)
def test_the_same_words_without_prejudice_or_captivity_are_clean(text: str, warning_id: str) -> None:
    assert warning_id not in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        (
            "if dad throws his keys on the counter it's a bad night. if he hangs them on the hook it's maybe"
            " okay, and we come back downstairs.",
            "death",
        ),
        (
            "she was sitting in the straw with a rope around her ankle, tied to the leg of the bed, and she"
            " would not look at him.",
            "suicide",
        ),
        ("give me the controller, you keep walking off the edge of the map on purpose.", "suicide"),
        ("i checked before i started reading: the dog doesn't die, don't worry, nobody's pet does.", "animal-death"),
        ("the cleaning robots have a union now. they want better lubricant and fewer stairs.", "sexual-content"),
    ],
)
def test_keys_on_a_hook_a_rope_round_an_ankle_a_game_a_spoiler_and_robots_are_clean(text: str, warning_id: str) -> None:
    assert warning_id not in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("they hanged him from the oak at the crossroads before the sheriff woke.", "death"),
        ("she stood on the chair with the rope around her neck and kicked it away.", "suicide"),
    ],
)
def test_a_hanging_is_still_found(text: str, warning_id: str) -> None:
    assert warning_id in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("at the wedding my great-aunt said gay people were going to hell and asked for more cake.", "homophobia"),
        ("two lads holding hands on the bus, the man muttered. disgusting, with kids around.", "homophobia"),
        (
            "the manager said clients found that kind of lifestyle off-putting and she should have been more"
            " discreet about her wife.",
            "homophobia",
        ),
        ("the night staff keep calling my brother the vegetable when they think i can't hear.", "ableism"),
        ("people fake these things, the manager said, and called her a cripple behind her back.", "ableism"),
        ("the admiral had them both flogged in front of the crew and put ashore with one bottle of water.", "violence"),
        ("new colleagues always ask where he's really from, and then they compliment his english.", "racism"),
    ],
)
def test_prejudice_and_punishment_told_in_a_scene_are_found(text: str, warning_id: str) -> None:
    assert warning_id in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("two lads holding hands on the bus, the little one asleep on his brother's shoulder.", "homophobia"),
        ("she calls him a couch potato and he calls her a vegetable snob because she won't eat peas.", "ableism"),
        ("the lifestyle magazine ran six pages on her husband's allotment and his marrows.", "homophobia"),
        ("where is the parcel really from, she asked, turning the box over for a postmark.", "racism"),
    ],
)
def test_the_same_words_without_prejudice_are_clean(text: str, warning_id: str) -> None:
    assert warning_id not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "they found him in the garage at dawn. the paramedics said he'd been there since midnight.",
        "the head called an assembly about ellie and the accident on the ring road. grief counsellors would"
        " be available in the library, she said, and the funeral would be on friday.",
    ],
)
def test_a_death_told_by_who_found_and_who_announced_it_is_found(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the midwife wrote down the time of each contraction and told her she was doing brilliantly.",
        "we found him in the shed at dawn, asleep on the deckchair with the radio still on.",
        "careers counsellors will be available in the library on tuesday for anyone choosing a-levels.",
    ],
)
def test_a_time_noted_a_man_found_asleep_and_careers_advice_are_no_death(text: str) -> None:
    assert "death" not in ids(text)


def test_people_burned_inside_a_barred_church_is_a_death() -> None:
    text = (
        "at noon the militia herded the villagers into the chapel and barred the doors, and the smoke"
        " could be seen from the next valley."
    )
    assert "death" in ids(text)


def test_cattle_herded_into_a_barn_is_no_death() -> None:
    assert "death" not in ids("we herded the cows into the barn and barred the door before the storm came in.")
