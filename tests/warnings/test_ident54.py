"""Racism, homophobia, sexism and ableism told the ways that recur across blind writers (fifty-fourth
session, ident54; docs/warnings-eval.md "Fifty-fourth session").

Each way was taken from the misses of at least three of the eight newest sets, each written blind by a
different writer, and is written here in sentences of my own, never a set's passage.

Homophobia: a couple told not to bring the partner to the wedding or to Christmas beside "it's a phase"
or "we didn't raise you like this"; kept away from the children ("think of the children", "your sort
around the boys"); the locker room where nobody will change next to him or "wants him looking"; a
bed, a cake or a room refused on religious grounds to two men or two women; a discharge for a letter
from a man; the word, unspelled, chalked or shouted beside a sign that it is about being gay.

Racism: the flat "just let" that is still available to the white friend who rings; a slur told
without being spelled ("said the word, the old one") beside a sign of race; a people called rats,
cockroaches or animals beside a sign of who they are.

Sexism: "a woman's opinion is worth nothing", "a woman who reads is a woman no man will have";
"they sent a girl?", "get me a real copper".

Ableism: a stammer mocked by the whole class doing it back; talked about over his head as if he
were not there; a disabled child kept upstairs when the guests come; a blue-badge holder called a
faker at the disabled bay.

False alarms fixed: a woman's boyfriend and a man's girlfriend are a straight couple for
homophobia's just-friend; a documentary about conversion camps is not the camp; parking in the blue
badge bay with her own crutches is the scene, not the harm.

Each twin keeps the same words where no one is harmed for who they are."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids

HOMOPHOBIA = [
    "Mum rang on Sunday: don't bring him to Christmas, it's a phase and your gran would never cope.",
    "'If you bring her to the wedding, don't bother coming,' her father wrote. 'We didn't raise you like this.'",
    "The head said parents didn't want that sort around the boys, and Mr Hale cleared his desk by Friday.",
    "Since the photo of him and Luca got round, nobody will change next to him in the locker room.",
    "'Don't want you looking at us,' the striker said in the showers, and the whole squad laughed.",
    "The guest house owner saw the two men at the desk and said she would not have that under her roof.",
    "The baker said a cake for two brides was against her beliefs and handed back the deposit.",
    "In 1952 he was discharged from the navy after they found a letter from a man in his kit bag.",
    "By Monday somebody had chalked the word on the gay teacher's door, and nobody rubbed it off.",
]

HOMOPHOBIA_TWINS = [
    "She introduced him as her friend, and an hour later he was her boyfriend.",
    "They watched a documentary about conversion camps, and it made Josh cry.",
    "Don't bring him to Christmas, Mum said, not after he was sick on the carpet last year.",
    "The coach told the squad to keep their eyes on the ball and stop looking at the crowd.",
    "The owner said the hotel was full and would not have room under her roof until May.",
    "He was discharged from hospital on Tuesday with a letter for his GP.",
    "The kids wrote the word 'welcome' on the classroom door in glitter.",
]

RACISM = [
    "The landlord took one look at Femi and said the flat was just let; his white friend rang an hour later and it was still available.",
    "The man outside the chip shop shouted the word, the old one, and told Kofi to go home.",
    "The general said on the radio that the refugees were cockroaches and would be swept out.",
    "'They breed like rats,' the councillor said of the Roma families on the edge of the town.",
]

RACISM_TWINS = [
    "The flat was just let, the agent said, but the one upstairs is still available if you like.",
    "The spelling bee judge said the word twice, and Kofi spelled it right.",
    "The farmer said the rats in the barn were breeding like rabbits this year.",
    "She called him a dumb animal for forgetting their anniversary, and they both laughed.",
]

SEXISM = [
    "'A woman's opinion on the match is worth nothing,' the pundit said, and turned his back on her.",
    "'A girl who reads Latin is a woman no man will have,' her aunt said, and took the book.",
    "'They sent a girl?' the suspect said. 'Get me a real copper.'",
    "The pilot looked past her: 'They let girls do this now? I wanted a real engineer.'",
]

SEXISM_TWINS = [
    "A woman's opinion was sought by the committee, and she gave it at length.",
    "They sent a girl from the florist's with the flowers at noon.",
    "She stood up with a clipboard and read out the rota.",
]

ABLEISM = [
    "Owen has a stammer, and by lunch the whole class was doing impressions of him and laughing.",
    "'W-w-what you looking at?' they said to Tom, who has a stutter, and the others grinned.",
    "Grandad lost his leg in the mine, and the neighbours talked over his head like he wasn't there.",
    "The boy was born deaf, and he was kept in the back bedroom when the guests came.",
    "She parked in the disabled bay with her blue badge and came back to a note under the wiper: FAKER.",
]

ABLEISM_TWINS = [
    "Rosa parked in the blue badge bay and got her crutches out of the boot.",
    "Tom has a stammer, and his best man speech took eleven minutes and everyone laughed at the jokes.",
    "The guests came at six and the children were sent upstairs to bed with cocoa.",
    "The magician's card trick was fake, and the children shouted 'faker' and laughed.",
]


@pytest.mark.parametrize("text", HOMOPHOBIA, ids=range(len(HOMOPHOBIA)))
def test_recurring_ways_of_telling_homophobia_warn(text: str) -> None:
    assert "homophobia" in ids(text)


@pytest.mark.parametrize("text", HOMOPHOBIA_TWINS, ids=range(len(HOMOPHOBIA_TWINS)))
def test_the_same_words_with_no_one_harmed_for_being_gay_stay_clean(text: str) -> None:
    assert "homophobia" not in ids(text)


@pytest.mark.parametrize("text", RACISM, ids=range(len(RACISM)))
def test_recurring_ways_of_telling_racism_warn(text: str) -> None:
    assert "racism" in ids(text)


@pytest.mark.parametrize("text", RACISM_TWINS, ids=range(len(RACISM_TWINS)))
def test_the_same_words_where_no_one_is_harmed_for_race_stay_clean(text: str) -> None:
    assert "racism" not in ids(text)


@pytest.mark.parametrize("text", SEXISM, ids=range(len(SEXISM)))
def test_recurring_ways_of_telling_sexism_warn(text: str) -> None:
    assert "sexism" in ids(text)


@pytest.mark.parametrize("text", SEXISM_TWINS, ids=range(len(SEXISM_TWINS)))
def test_the_same_words_where_no_woman_is_harmed_for_her_sex_stay_clean(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize("text", ABLEISM, ids=range(len(ABLEISM)))
def test_recurring_ways_of_telling_ableism_warn(text: str) -> None:
    assert "ableism" in ids(text)


@pytest.mark.parametrize("text", ABLEISM_TWINS, ids=range(len(ABLEISM_TWINS)))
def test_the_same_words_where_no_one_is_harmed_for_a_disability_stay_clean(text: str) -> None:
    assert "ableism" not in ids(text)
