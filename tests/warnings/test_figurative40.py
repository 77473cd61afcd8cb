"""House rules, machines and scare quotes that must stay clean, and the same shapes that still warn
(fortieth session; docs/warnings-eval.md, "Fortieth session").

Each case is written in general vocabulary, not copied from a set: a parent's rule with its reason
(homework, exam season, a school night) is not control of a partner; the same "wasn't allowed"
with no such reason, or with a second sign, still is."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "in exam season we weren't allowed to see our friends after school, and the telly went off at nine.",
        "the twins weren't allowed to go out until their chores were done, so they raced through the hoovering.",
        "i wasn't allowed to have friends over on a school night, which i thought was the end of the world.",
        "she wasn't allowed to drive until she was eighteen, so she cycled everywhere and complained about it.",
    ],
)
def test_a_house_rule_with_its_reason_is_no_abuse(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she wasn't allowed to work, he said, till her papers were sorted, and somehow they never were.",
        "we weren't allowed to see our friends, not even at school; he checked our phones every night.",
    ],
)
def test_not_allowed_without_a_reason_is_still_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the old printer made a noise like a goose and then it just. died. paper jammed halfway out of it.",
        "my laptop finally. died. three years of essays on it and not one backup, obviously.",
    ],
)
def test_a_machine_that_just_dot_died_is_no_death(text: str) -> None:
    """A stop inside the phrase ("it just. died.") hid it from the idioms for machines that die."""
    assert "death" not in ids(text)


def test_a_person_who_just_dot_died_is_still_a_death() -> None:
    assert "death" in ids(
        "he squeezed my hand once and then he just. died. the nurse came in and turned off the alarm."
    )


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("on saturday my sister 'kidnapped' me for a spa day and would not tell me where we were going.", "kidnapping"),
        (
            "the two of them \u201cabducted\u201d the birthday girl after class and marched her to the bowling alley.",
            "kidnapping",
        ),
        ('every friday y/n "abducts" her best friend from the office and takes her to karaoke.', "kidnapping"),
    ],
)
def test_a_word_in_scare_quotes_is_no_warning(text: str, warning_id: str) -> None:
    """A single word quoted in the middle of a sentence is a word held at arm's length, not an event."""
    assert warning_id not in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        ("two men kidnapped her from the car park and drove off with her in the boot.", "kidnapping"),
        ('the headline read "heiress kidnapped from hotel lobby" and the police would not say more.', "kidnapping"),
    ],
)
def test_the_same_words_unquoted_or_in_a_quoted_sentence_still_warn(text: str, warning_id: str) -> None:
    assert warning_id in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the letter from the war office came on a tuesday. missing, presumed dead. she put it in the dresser drawer.",
        "there was a crash on the bypass. the paramedics tried for forty minutes at the roadside. his mother got"
        " the call at two.",
        "the lad talked about his mother till four and then stopped talking. his hand went loose in mine.",
    ],
)
def test_a_death_told_by_the_notice_the_attempt_or_the_voice_that_stops_is_found(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "we regret to inform you that your application to the summer programme was unsuccessful this year.",
        "we tried for forty minutes to get the tent up in the wind and then gave up and slept in the car.",
        "the baby babbled at the radio all through breakfast and then stopped talking and fell asleep in her chair.",
    ],
)
def test_the_same_words_without_a_death_are_clean(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"you\'re remembering it wrong, love. i never said that." he sighed. "see, this is why i worry. you get so'
        ' confused."',
        "i don't have a key to my own flat. he reads my texts before i do and tells me who i can answer.",
        "she said if you really loved me you'd block her. then she went through my phone to check that i had.",
        "after i bought the lipstick he didn't speak to me for four days. his temper decided what we did at weekends.",
    ],
)
def test_control_told_by_its_everyday_lines_is_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "you get so confused by the bus timetable, grandad. let me look it up for you on my phone.",
        "if you really loved me you'd make me a cup of tea, she said, and he laughed and put the kettle on.",
        "i don't have a key to my own flat yet; the letting agent is posting it on monday, so i'm at mum's.",
    ],
)
def test_each_line_alone_is_no_abuse(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        (
            "we lost the match but won the war, coach said. we had been slaughtered four-one by the lads from the next valley.",
            "collective-violence",
        ),
        (
            "physio says hip abduction exercises twice a day, lying on my side like a flamingo that fell over.",
            "kidnapping",
        ),
        ("the abductor machine at the gym had a queue again, so i did squats and glared at it.", "kidnapping"),
    ],
)
def test_a_score_in_words_and_the_abductor_muscles_are_no_warning(text: str, warning_id: str) -> None:
    """Sport is told in words as often as in digits ("three-one"), and "abduction" is also a movement of a limb."""
    assert warning_id not in ids(text)


@pytest.mark.parametrize(
    ("text", "warning_id"),
    [
        (
            "the abduction of the ambassador's daughter had been planned for months, down to the red light.",
            "kidnapping",
        ),
        (
            "the soldiers slaughtered the villagers in the square and burned the houses behind them.",
            "collective-violence",
        ),
    ],
)
def test_an_abduction_and_a_slaughter_of_people_still_warn(text: str, warning_id: str) -> None:
    assert warning_id in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the ransom note said to bring the money to the rail yard and tell nobody, or she dies. jace read it twice.",
        "pay by friday or the hostage dies, the voice said, and the line went dead.",
        '"why didn\'t you answer" "my phone, it died on me halfway home" "likely story" "it did!!"',
    ],
)
def test_a_threat_and_a_phone_that_died_on_me_are_no_death(text: str) -> None:
    """ "or she dies" is a threat (the kidnapping is its warning), "it died on me" a phone."""
    assert "death" not in ids(text)


def test_a_death_said_plainly_in_the_present_tense_still_warns() -> None:
    assert "death" in ids(
        "we did everything we could. she dies anyway, at ten past four, with her mother holding her hand."
    )
