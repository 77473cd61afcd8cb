"""Racism, homophobia, sexism and ableism told the common ways (fifty-third session, ident53;
docs/warnings-eval.md "Fifty-third session").

The rules were written from the ways these harms are told, not from any set's passages: a probe
file of short texts of my own in several registers, each harm with a harmless twin in the same
words.

Racism: a people said to be lazy, thieves or "all the same"; a slur told without being spelled
("the word that starts with n"); a child's food called stinky curry or rice and binned; a white
customer or candidate let through or given the job beside the one who was not; "stick with your
own kind"; "take your virus home"; people of a race who "all look the same" or cannot be told
apart; an accent or a name mocked ("ching chong", a name laughed at and replaced); a seat refused
beside a beard or a Black man; a stop by the police for the fourth time this month beside a sign of
race; a back room at the border with questions about a mosque; followed round the shop; a lunch
that "smelled funny" beside curry; "an interesting name" on a CV.

Homophobia: a parent's "what did I do wrong" when a child comes out; a partner of years introduced
as a roommate; a job lost, a discharge, a player benched or a room switched after someone came out
or was found to have a husband or to be bi; Leviticus or "those who lie with men" aimed at someone
from a pulpit.

Sexism: "calm down, sweetheart" beside work; wolf-whistles and shouts at her in the street; a man
paid more than her for the same job; "you should smile more"; "she only got the job because she
slept with"; no point educating a girl who will only marry; no orders from a girl, "is there a man
I can speak to"; the promotion given to a man who joined after her; "let the wee lass have her
say" to a laughing room.

Ableism: a disabled person talked past to the carer; a ramp refused; "people like him should be put
in a home"; a wheelchair or a condition called attention-seeking; no point teaching a child like
her; an adjustment refused (lectures recorded, extra time); "didn't want a blind doctor on his ward".

Every text is new and written for the test. Each warning case but six failed before the change
(the six, kimchi held at arm's length, "ching chong", a stop "because he was Black", a store detective,
"orders from a woman" and a nurse asking the husband, warned through older rules and stay as guards);
each twin (the same words where no one is harmed for who they are) stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids

RACISM = [
    "Grandpa said the Somalis were all thieves and he'd not have one on his street.",
    "He called the new nurse the word that starts with n, and the ward went quiet.",
    "The girls held their noses at her kimchi and dumped the lunch box in the bin.",
    "The white lads walked straight past the bouncer, and Tunde was told the club was full.",
    "'You'd be happier with your own kind,' the estate agent told the Pakistani couple.",
    "A man on the bus told the Chinese grandmother to take her virus home.",
    "The manager said he couldn't tell the Filipino cleaners apart, so he called them all Joy.",
    "They copied his accent across the yard, ching chong, and laughed until he cried.",
    "Her teacher laughed at her name and said it was too foreign, so she'd be Mary now.",
    "The woman refused to sit next to the man in the turban and asked the stewardess to move her.",
    "Police stopped and searched him again this week, because he was Black and in a nice car.",
    "At the airport they held him in a back room for four hours and asked about his mosque.",
    "The store detective followed her round the shop, and the white women by the perfume were left alone.",
    "His lunch box smelled funny, the boys said, and they asked if his mum cooked curry in the bath.",
    "The recruiter said it was an interesting name for a CV, and Kwabena never heard back.",
    "'Them people from the camp are all thieves,' the farmer said, and set the dogs on the field.",
]
RACISM_TWINS = [
    "The Nigerians were brilliant in the relay, and the crowd were on their feet.",
    "Think of a word that starts with n, the teacher said, and Ava said 'nest'.",
    "The fish in the fridge smelled gross, so Dad threw it in the bin and we all laughed.",
    "The white horses walked straight past the stable door and out into the field.",
    "Go home and spend the holiday with your own people, the boss said, and shut the office.",
    "The twins wore white dresses, and the nurses couldn't tell them apart.",
    "He did the voice of a wizard at the party and we cried laughing.",
    "The police pulled him over for speeding again this month, and the fine was eighty quid.",
    "The security guard at the airport took him aside because his belt buckle set the scanner off.",
    "My packed lunch smelled funny after a week in the locker, so I binned it and laughed.",
    "The hiring manager said it was an interesting CV and asked about the year in Peru.",
]
HOMOPHOBIA = [
    "When Noor came out as bi, her father sat on the stairs asking what he'd done wrong.",
    "At the wake she had to introduce Grace as her flatmate, after eleven years together.",
    "The base found out he was seeing a man, and he was discharged within the month.",
    "The vicar read Leviticus from the pulpit, looking straight at the two of them.",
    "The week after she came out to her team, the coach benched her for the final.",
    "'Those who lie with men will burn,' the preacher said from the pulpit, looking at Femi.",
    "Her roommate asked to switch rooms when she found out I was bi.",
]
HOMOPHOBIA_TWINS = [
    '"What did I do wrong?" Mum laughed, when the cake came out flat.',
    "The bakery let the new baker go after a week because he kept burning the bread.",
    "The abomination rose from the lake and the priest told them to burn it.",
    "After he came out to his parents they threw him a party, and the coach gave him the armband.",
]
SEXISM = [
    '"Calm down, love, it\'s only a report," the manager said, and patted her hand.',
    "The men on the scaffolding wolf-whistled and yelled about her legs all the way down the street.",
    "The guy she trained last spring is paid four grand more than her for the same job.",
    "Her boss told her to smile more, said the clients liked a happy face.",
    "The whisper round the studio was that she only got the lead because she slept with the producer.",
    "No point educating a girl, her uncle said, she'll only get married and have babies.",
    "The crew said they wouldn't take orders from a woman and went over her head.",
    "She closed the biggest deal of the year and the promotion went to Dev, who'd joined eight months after her.",
    "'Let the wee lass have her say,' the foreman grinned, and the meeting laughed.",
]
SEXISM_TWINS = [
    '"Relax, honey, the meeting\'s not till five," he told his wife over breakfast.',
    "He whistled for the dog and shouted at her to come back down the street.",
    "The photographer told her to smile and the wedding pictures came out lovely.",
    "He got two more than her at darts on the same night, and she bought the drinks.",
    "The promotion went to Tom, who'd been there twice as long and trained her in her first week.",
    '"Let the little girl talk," the judge said gently, and the court waited while she found her words.',
]
ABLEISM = [
    "The nurse asked my husband how I was sleeping, as if I couldn't talk from the wheelchair.",
    "The landlord said he wouldn't put a ramp in for one tenant.",
    "Her grandmother said people like Tom should be put in a home, not brought to christenings.",
    "The new manager rolled his eyes at her crutches and said she just wanted attention.",
    "They said there was no point teaching a child like her to read.",
    "The lecturer refused to let him record the lectures, whatever his letter from disability services said.",
    "The consultant made it plain he didn't want a blind doctor on his ward.",
]
ABLEISM_TWINS = [
    "People like him are so embarrassing at weddings, always doing the worm.",
    "She was blind drunk and wanted attention, dancing on the table.",
    "He said his pain wasn't real, he just didn't want to go to school on Monday.",
    "The council built a ramp at the library so everyone from the day centre could get in.",
    "The professor signed her accommodation letter and gave her extra time without a fuss.",
    "She's deaf, and she didn't want him there when she opened the results, so he waited outside.",
]


@pytest.mark.parametrize("text", RACISM)
def test_common_ways_of_telling_racism_warn(text: str) -> None:
    assert "racism" in ids(text)


@pytest.mark.parametrize("text", RACISM_TWINS)
def test_the_same_words_where_no_one_is_harmed_for_race_stay_clean(text: str) -> None:
    assert "racism" not in ids(text)


@pytest.mark.parametrize("text", HOMOPHOBIA)
def test_common_ways_of_telling_homophobia_warn(text: str) -> None:
    assert "homophobia" in ids(text)


@pytest.mark.parametrize("text", HOMOPHOBIA_TWINS)
def test_the_same_words_with_no_one_harmed_for_being_gay_stay_clean(text: str) -> None:
    assert "homophobia" not in ids(text)


@pytest.mark.parametrize("text", SEXISM)
def test_common_ways_of_telling_sexism_warn(text: str) -> None:
    assert "sexism" in ids(text)


@pytest.mark.parametrize("text", SEXISM_TWINS)
def test_the_same_words_where_no_woman_is_harmed_for_her_sex_stay_clean(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize("text", ABLEISM)
def test_common_ways_of_telling_ableism_warn(text: str) -> None:
    assert "ableism" in ids(text)


@pytest.mark.parametrize("text", ABLEISM_TWINS)
def test_the_same_words_where_no_one_is_harmed_for_a_disability_stay_clean(text: str) -> None:
    assert "ableism" not in ids(text)
