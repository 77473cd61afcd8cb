"""Abuse told as a mood read like the weather, a school taken by armed men, two abuse false alarms (abuse57).

Figures in the commit messages and abuse57's report (docs/warnings-eval.md, "Fifty-seventh session").

- ``r57-mood-as-weather`` (abuse): a partner's or parent's mood studied like the weather ("his mood
  is a weather you study", "she learned his footsteps the way other people learn the weather",
  "you learn his moods like weather", "when he's in a mood the flat goes tense like before a storm",
  "i can tell from the way she puts her keys down") beside what the teller does about it (tiptoeing,
  "he never hit her", "keep the kids upstairs", going to your room before he takes his coat off,
  hiding in the wardrobe, the appease, control, threat and arrival signs). Six of the ten newest
  sets tell a home's fear this way, with no blow and no abuse word.
- ``r57-school-taken`` (kidnapping): a school taken or come to by armed men (rebels, militia,
  gunmen, or soldiers firing into the air) and its children taken away (taken, loaded, marched,
  counted: "forty girls", "into the trucks", "into the forest", "joining the army"). Six of the ten
  newest sets tell a mass abduction this way; collective violence was found, kidnapping was not.
- two known false alarms narrowed: "I kept my wages in my own account" (``not-allowed``'s
  "kept my wages") and a sister's or friend's "you're remembering it wrong," said as a dialogue tag
  (``gaslight-lines``); a partner's wages taken and his "you're remembering it wrong" still warn.

Their twins use the same words where nobody is afraid or taken: moods and weather said of a
cat, a coach, the sea or the writer's own face in a mirror, a car door slammed after a lost match;
a team or a band called the Rebels or the Bandits, a lockdown drill, soldiers at a careers talk, a
school taken in a history lesson.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "I could tell from the way he put his keys down carefully that he'd had a long shift.",
        "I could tell from the way she slammed the car door that we'd lost the match. "
        "The whole house went quiet through tea.",
        "His mood was as grey as the weather. He never hit a single ball all day.",
        "You learn her moods like weather, the cat. You know not to touch her belly.",
        "Grandad checked the sky and his knees like a forecast; you learn not to plant before May.",
        "I study my sister's face like the weather forecast before asking to borrow her car, and I hold my breath.",
        "The coach's mood is a weather we all study before the match; on sunny days he buys the chips "
        "and we hold our breath for the team sheet.",
        "The captain read the sky like her mood: the storm was coming. We tiptoed along the deck with the ropes.",
        "He learned the sea's moods the way his father learned the weather, and never once hit the rocks.",
        "She checked her face in the mirror, then the sky: the weather was turning. She held her breath and jumped.",
    ],
)
def test_mood_and_weather_twin_does_not_warn(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "your boyfriend's mood is a weather you study. you know the signs: the jaw, "
        "the way he puts his keys down too carefully.",
        'Mam always said Dad had "moods." we learned to read them from the way he shut the car door.',
        "you learn his moods like weather. if his jaw is set you go to your room before he takes off his coat.",
        "she'd check his face every time he came in the door, the way you check the sky. "
        "he never hit her. that's what she told her sister.",
        "when he's in a mood the whole flat goes tense like before a storm, and you tiptoe, "
        "and you make his tea the exact way.",
        "My mother learned his footsteps the way other people learn the weather. "
        "Heavy on the porch meant keep the kids upstairs.",
        "I can tell from the way she puts her keys down whether it's a bad night. On bad nights I sleep in the wardrobe.",
    ],
)
def test_mood_read_like_weather_warns(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Rebels came to the school for the final and forty girls from the hockey squad cheered them on.",
        "Two soldiers came to the school to give a careers talk, and afterwards the older boys climbed on the trucks.",
        "In the lockdown drill the pretend gunmen came into the school and forty children hid under the desks, "
        "giggling.",
        "The rebels took the school in 1745 and used it as a barracks; the history teacher showed us the musket holes.",
        "Our band, the Bandits, came to the school to play the summer fete, and took the girls' choir on stage "
        "for the last song.",
    ],
)
def test_school_twin_does_not_warn(text: str) -> None:
    assert "kidnapping" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the militia came to the school in the morning and took forty girls. she heard the trucks.",
        "The rebels took the whole school. Two hundred girls, loaded into trucks in the night, torches in their faces.",
        "The soldiers came to the school at noon. They took the older boys out into the yard and told them they "
        "were joining the army now, and when one boy ran a soldier fired into the air.",
        "gunmen stormed the boarding school before dawn and marched the boys into the forest. "
        "the headmaster was left tied to the flagpole.",
    ],
)
def test_school_taken_warns(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # the two known false alarms: her own wages, a sister's correction of a memory
        "I kept my wages in my own account.",
        "After the wedding I kept my own money in my own name, the way my mum taught me.",
        '"You\'re remembering it wrong," my sister said. "It was the blue car, not the red one."',
        '"You\'re remembering it wrong," my brother laughed. "Gran\'s party was in June."',
    ],
)
def test_own_account_and_sisters_memory_do_not_warn(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He took my wages and my bank card. He went through my phone every night and timed my showers.",
        '"You\'re remembering it wrong," he said, every time. "That never happened. You always get confused."',
    ],
)
def test_wages_taken_and_his_memory_lines_still_warn(text: str) -> None:
    assert "abuse" in ids(text)
