"""Violence and collective violence told by the harm's own words, in ways that recur across writers
(fifty-sixth session, action56; docs/warnings-eval.md, "Fifty-sixth session").

Each rule was written for a way of telling found missed in at least three of the ten newest read sets:
- war told by its dead at home: a war named (the war, the front, the Somme, the Blitz, a war year) beside
  the ordinary signs of a soldier's or a civilian's death in it (the telegram, "regret to inform",
  killed or missing in action, a name on the memorial, the place still set at the table, the bread ration);
- a push and a fall: a shove, a push or one punch beside the fall it caused (backwards down the stairs,
  shoved down the stairwell, off the pier, the head that hit the kerb, the wall that came up), within two
  paragraphs;
- a hate attack told as the news or its aftermath: an attack word (set upon, assaulted, beaten, died after an
  assault, a baseball bat) beside its motive (a hate crime, motivated by, racist or homophobic abuse, shouting
  slurs, because he was gay or Black, because they found out), within two paragraphs.

Each twin uses the same words where nobody died in a war: a war museum, a history project, a front door,
a telegram-style note, a comeback in a cup final, a memorial bench; a sofa pushed down the stairs, a crash
mat, a boxing bag, a boat pushed off the pier; a goose, a seminar, an essay beaten in a competition, a bat
signed by a softball team. They stay clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The telegram came in the spring of 1917, and Nan said her mother never sang again.",
        "His name is on the memorial by the church, between the Harper boys; Passchendaele took all three.",
        "The war office letter said killed in action, and Mam put it behind the clock and went on ironing.",
        "Leningrad, the first winter. The bread ration was a slice a day, and his sister did not wake one morning.",
        "The cenotaph lists forty names for a village of two hundred, and after the Somme the street stood there.",
        "In 1944 the empty chair at the head of the table stayed empty; Dad never came home from Normandy.",
        "Korea took him at nineteen; all that came back was a telegram and a photograph.",
    ],
)
def test_war_told_by_its_dead_at_home_warns_collective_violence(text: str) -> None:
    assert "collective-violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The war memorial in the square was cleaned for the centenary and the children read out the names.",
        "At the war museum the telegram boy's bicycle was on display beside a row of gas masks.",
        "The front door stuck again, so I left a telegram-style note: STOP BANGING DOOR STOP.",
        "1944 was the year the shop opened, and Gran still sets a place at the table for any cousin who turns up.",
        "The memorial bench at the park has her name on it; she loved the ducks and lived to ninety-nine.",
        "In 1916 the village built a new school, and the telegram office moved into the old one.",
        "Our team never came back from two goals down in the war of attrition that was the cup final.",
    ],
)
def test_museums_front_doors_and_comebacks_stay_clean_of_collective_violence(text: str) -> None:
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "One shove and he went backwards down the stairs, all twelve of them.",
        "He was shoved down the stairwell by two lads from the year above.",
        "The push came from behind, and his head hit the railing on the way down.",
        "They pushed him off the pier into the black water and drove away.",
        "A shove on the landing sent her down four flights of concrete.",
        "That shove, and then her head cracked against the radiator.",
        "The man was punched once outside the chip shop and hit his head on the kerb.",
    ],
)
def test_a_push_and_the_fall_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We pushed the sofa down the stairs and it got stuck on the landing for an hour.",
        "We pushed each other on the trampoline until she went backwards onto the crash mat, laughing.",
        "One punch from the boxing bag swung back and my head hit the mat, which was mostly funny.",
        "The lift was broken, so I pushed my bike down the steps to the street.",
        "He pushed the boat off the pier and rowed out, whistling.",
        "My coach pushed me harder than ever, and I ran the stadium steps ten times.",
    ],
)
def test_sofas_trampolines_and_boats_stay_clean_of_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The local paper said he had been set upon outside the mosque, and police were treating it as a hate crime.",
        "Man dies after assault in the park; police say the attack was motivated by the victim's religion.",
        "She was beaten up at the bus stop because she was wearing a hijab, and the report called it a racist attack.",
        "They'd beaten him because they found out about him and Danny, and he was in hospital for a month.",
        "The inquest heard he was attacked by a gang shouting slurs on the walk home.",
        "He was jumped on the towpath by three lads yelling the word at him.",
        "They attacked him because he was Black, and the judge gave them eighteen months.",
    ],
)
def test_a_hate_attack_told_as_the_news_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The lecture on hate crime law was motivated by a new case, and we took notes all afternoon.",
        "My little brother was attacked by a goose at the park; the goose was clearly motivated by bread.",
        "The baseball bat hung on the wall of the gay bar, signed by the whole softball team.",
        "His argument was attacked in the seminar, and the professor said his thesis was motivated by spite.",
        "The essay on racist abuse in football was beaten only by Priya's in the school competition.",
        "We got beaten at the pub quiz because we didn't know what kind of bar a sandbar is.",
    ],
)
def test_geese_seminars_and_essays_stay_clean_of_violence(text: str) -> None:
    assert "violence" not in ids(text)
