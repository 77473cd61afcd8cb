"""Racism, sexism, homophobia and ableism told in everyday vocabulary (forty-second session;
docs/warnings-eval.md, "Forty-second session", "bias42").

Each case is written in general vocabulary, not copied from a set: the old lines about a woman's
place and what women cannot do, entry signs that shut a people out, contempt for a people told as
"your kind" or "those people" next to who they are, contempt for two men or two women together,
a condition called not real, contempt for a disabled person told as burden or fire hazard. The
same words with no one of that group, or said of a kitchen, a name or an injury, do not warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("'you'll keep her barefoot and in the kitchen, son,' his uncle said at the wedding, and winked.", "sexism"),
        ("the sergeant told her the men wouldn't follow a woman, that the field was no place for a lady.", "sexism"),
        ("'women can't be trusted with money,' her father said, and gave the shop to her younger brother.", "sexism"),
        (
            "the thread was full of it: girls' brains aren't wired for code, she only got in as a diversity pick.",
            "sexism",
        ),
        ("the sign over the diner counter said NO COLOREDS ALLOWED, and the waitress pointed at it.", "racism"),
        ("'your people are all the same,' the landlord said to the Mexican family, and shut the door.", "racism"),
        ("the immigrants on the ferry were herded below deck like livestock, the crew laughing.", "racism"),
        ("two women kissing outside the pub, and the old man called it disgusting, an abomination.", "homophobia"),
        (
            "'a man who lies with a man,' the preacher read, and the whole congregation turned to look at them.",
            "homophobia",
        ),
        ("his dad called the footballer a pillow-biter and changed the channel.", "homophobia"),
        ("'adhd isn't real,' her teacher said, 'it's an excuse for lazy kids who won't sit still.'", "ableism"),
        ("'you don't look autistic,' he said, like it was a compliment, and she wanted to scream.", "ableism"),
        ("the bouncer looked at the wheelchair and said she was a fire hazard and couldn't come in.", "ableism"),
    ],
)
def test_everyday_contempt_warns(text: str, category: str) -> None:
    assert category in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("gordon's back in the kitchen and he's in a mood, tasting every sauce on the pass.", "sexism"),
        ("'right, i'm going to call you nancy, that all right?' he said, and she told him her name.", "homophobia"),
        ("he crawled backwards across the car park, one arm useless, and she lifted the bat again.", "ableism"),
        ("my girlfriend and i are so gay for each other it's disgustingly cute, our friends say.", "homophobia"),
        ("the immigrants' museum had a new wing, and the school trip loved the old ferry tickets.", "racism"),
        ("the deaf club met on fridays; the new barman learned to sign 'pint' and 'thank you'.", "ableism"),
    ],
)
def test_the_same_words_without_contempt_do_not_warn(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("'you're getting hysterical,' the director told the only woman at the table, and moved on.", "sexism"),
        ("her father said a boy needs a profession, and that a girl with too much education ends up alone.", "sexism"),
        ("'one cannot overlook the complexion,' the duchess said of the heiress from jamaica.", "racism"),
        ("two boys holding hands at the bus stop, and the woman beside them said it was disgusting.", "homophobia"),
        ("he was arrested for gross indecency in 1952 and the bank let him go by the end of the week.", "homophobia"),
        ("her aunt asked whether her brother, in his wheelchair, really had to be in the photos.", "ableism"),
        ("she's deaf, not absent, but the doctor addressed everything to her carer instead.", "ableism"),
    ],
)
def test_contempt_told_next_to_who_it_is_aimed_at_warns(text: str, category: str) -> None:
    assert category in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("the waitress said she didn't want their kind in here, and the two boys with ruth walked out.", "homophobia"),
        ("'period pain is normal, ms. okafor,' the doctor said, and wrote her a referral anyway.", "ableism"),
        ("the two boys from the college got the last seats and laughed about it the whole ride home.", "homophobia"),
        ("my gran keeps her cane by the door and the photos of all nine grandchildren on the stairs.", "ableism"),
    ],
)
def test_a_couple_or_a_title_next_to_other_words_does_not_warn(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("she gave a lecture on the birds of the niger delta, and the hall stood to applaud.", "racism"),
        ("we flew into niamey, the capital of niger, at dawn, and the heat met us on the steps.", "racism"),
        ("the book club is split on the ending and i've been asked to pick a side by friday.", "homophobia"),
        ("mum and dad both want me at christmas and they've told me to pick a side. i'm staying home.", "homophobia"),
    ],
)
def test_a_country_a_river_and_a_family_argument_do_not_warn(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("somebody had scrawled n*gger across his locker in red marker.", "racism"),
        ("the boys at the back called him ni**er and the teacher pretended not to hear.", "racism"),
        ("'bi? just pick a side,' he said, rolling his eyes, 'you're either gay or you're not.'", "homophobia"),
    ],
)
def test_the_censored_slur_and_the_taunt_still_warn(text: str, category: str) -> None:
    assert category in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "'are you one of those?' his dad asked, very quietly, when he saw the boy's hand in his.",
        "by march the rumour was that she was that way, and the other wives stopped inviting her round.",
    ],
)
def test_the_gossip_that_someone_is_that_way_warns(text: str) -> None:
    assert "homophobia" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "are you one of those people who puts the milk in first? because we can't be friends.",
        "was she one of those girls who did everything early, or did she just look organised?",
    ],
)
def test_one_of_those_people_who_is_no_gossip(text: str) -> None:
    assert "homophobia" not in ids(text)
