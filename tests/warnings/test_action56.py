"""Violence and collective violence told by the harm's own words, in ways that recur across writers
(fifty-sixth session, action56; docs/warnings-eval.md, "Fifty-sixth session").

Each rule was written for a way of telling found missed in at least three of the ten newest read sets:
- war told by its dead at home: a war named (the war, the front, the Somme, the Blitz, a war year) beside
  the ordinary signs of a soldier's or a civilian's death in it (the telegram, "regret to inform",
  killed or missing in action, a name on the memorial, the place still set at the table, the bread ration).

Each twin uses the same words where nobody died in a war: a war museum, a history project, a front door,
a telegram-style note, a comeback in a cup final, a memorial bench. They stay clean."""

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
