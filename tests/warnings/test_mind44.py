"""Mental illness, suicide and self-harm told without the clinical word (forty-fourth session,
round mind44; docs/warnings-eval.md, "### mind44").

A panic attack is told by the body more often than by its name: breath that will not come in one
sentence, numb hands or a tilting room or counting tiles in the next. Each sign alone is everyday
(a laugh that leaves you unable to breathe, cold hands in winter), so the rules ask for both in one
paragraph. Every passage here is new short text written for these tests; the twins beside them are
the same everyday signs on their own, or figures of speech, and must stay clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "halfway down the queue at the post office my chest goes tight and my fingers go numb, and "
        "i stand there holding a parcel i can't feel.",
        "He couldn't get enough air. The bus floor tilted under his trainers and he gripped the pole.",
        "She's breathing too fast and she knows it. She counts the ceiling tiles, the way the nurse "
        "showed her, nineteen, twenty, twenty-one.",
        "you can't catch your breath in the canteen queue and you're suddenly sure you're dying, here, "
        "next to the jelly cups.",
        "The lift stops between floors and his throat locks up. The walls are closing in, and his "
        "sister's voice on the phone comes from very far away.",
    ],
)
def test_a_panic_attack_told_by_the_body_is_mental_illness(text: str) -> None:
    assert "mental-illness" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "i laughed so hard at the goat video i couldn't breathe, my sister had to take my phone off me.",
        "It was minus ten at the bus stop and my fingers went numb inside my gloves.",
        "He counts the ceiling tiles in the dentist's chair while she scrapes at his molar.",
        "She kissed him in the rain and he forgot how to breathe, his heart pounding like a drum.",
        "After the last sprint he couldn't breathe, bent double on the track with his hands on his knees.",
    ],
)
def test_one_sign_alone_or_a_figure_of_speech_is_not_mental_illness(text: str) -> None:
    assert "mental-illness" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "A bus tyre bursts on the high street and Tom isn't in Leeds anymore. He's on the road out of "
        "Basra with the truck burning. His wife finds him on the pavement, shaking, and keeps saying his "
        "name until he comes back.",
        "the microwave pings and you're not in the flat anymore, you're in that van again, and when you "
        "come back you're on the kitchen floor with your hands over your ears.",
        "Her hands were someone else's hands, moving the cursor across a screen she could barely see.",
        "he watches himself from the ceiling, a boy sitting very still at a desk, answering questions in "
        "a voice he doesn't recognise.",
    ],
)
def test_a_flashback_or_leaving_the_body_is_mental_illness(text: str) -> None:
    assert "mental-illness" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She's not in the office anymore, she's at lunch. Wait on the bench until she comes back.",
        "He wasn't in the kitchen anymore when I came back; he was in the garden, sitting on the ground "
        "with the dog, saying her name over and over to make her sit.",
        "Sorry, the manager isn't in the shop anymore today. Come back tomorrow and ask for her by name.",
        "My hands were full of someone else's shopping bags by the time we reached the car.",
    ],
)
def test_an_errand_or_full_hands_is_not_mental_illness(text: str) -> None:
    assert "mental-illness" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The note was propped against the kettle. It said sorry, and that none of it was anyone's fault, "
        "and that the rabbit needed feeding twice a day.",
        "we found the letter in his desk drawer a week later. it's not your fault, it said, in his "
        "careful capitals. i read it every night.",
        "mo: you up? / ash: yeah. i don't want to do this anymore / mo: do what / ash: any of it. "
        "i'm on the footbridge",
        "i feel like a burden to everyone. my therapist says that's the illness talking. tonight it "
        "doesn't sound like the illness.",
    ],
)
def test_a_farewell_note_or_ideation_beside_its_means_is_suicide(text: str) -> None:
    assert "suicide" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The note was on the fridge: sorry, I ate your yoghurt. Not your fault you bought the good kind.",
        "i have three exams tomorrow and i don't want to be here anymore lol, the library is freezing",
        "He thought about how easy it would be to just kiss her, sitting on the edge of the pier in the evening light.",
        "I don't want to do this anymore, Dana. Move out by Friday; the note on the counter has the landlord's number.",
    ],
)
def test_a_fridge_note_exam_gloom_or_a_breakup_is_not_suicide(text: str) -> None:
    assert "suicide" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the compass from her geometry set isn't for geometry anymore. there's a first aid kit under her bed."
        "He holds the lighter flame against the inside of his wrist, on the bit where nobody looks, until "
        "it blisters.",
        "old lines, neat as a ladder, and she wears long sleeves in July and says she runs cold.",
        "the compass point again, after lights out, just to feel something other than the noise.",
    ],
)
def test_hidden_marks_and_their_tool_are_self_harm(text: str) -> None:
    assert "self-harm" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ladder against the wall had new lines of paint on every rung; she pulled her sleeves down and climbed.",
        "Gran's old scars from the war were silver now. She pulled her sleeve down over them at the wedding.",
        "She got burns on her forearm from the oven tray and put plasters on them before work.",
        "He borrowed a compass from the geometry set and wore long sleeves in June because the lab was freezing.",
    ],
)
def test_paint_an_old_war_wound_or_a_cold_lab_is_not_self_harm(text: str) -> None:
    assert "self-harm" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her brother came back from the Somme with shell shock and never spoke of the trenches again.",
        "The doctors at Craiglockhart called it battle fatigue and sent him to write poems by the loch.",
        "It had been a winter of grey. His arms felt full of wet sand, and he hadn't showered in eleven days.",
        "Her therapist asks how the week was. She says fine. She doesn't say she keeps thinking about not waking up.",
    ],
)
def test_war_nerves_a_grey_weight_or_a_wish_to_be_gone_beside_another_sign_is_mental_illness(text: str) -> None:
    assert "mental-illness" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The news left me shell-shocked for days; I couldn't believe they'd cancelled the show.",
        "my legs are like wet sand after that spin class, everything is grey and rainy, and i've not "
        "showered since friday lol",
        "It had been a winter of grey skies over the harbour, and the boats stayed in.",
    ],
)
def test_shell_shocked_news_or_a_tired_gym_day_is_not_mental_illness(text: str) -> None:
    assert "mental-illness" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "my anxiety is through the roof about this date lol, what do i even wear",
        "her anxiety was through the roof before the job interview, so she ironed the shirt twice",
        "i still want to die about that video of me singing at the wedding",
    ],
)
def test_nerves_before_a_date_or_embarrassment_is_hyperbole(text: str) -> None:
    assert not {"mental-illness", "suicide"} & ids(text)


def test_anxiety_through_the_roof_beside_a_panic_attack_still_warns() -> None:
    assert "mental-illness" in ids(
        "my anxiety is through the roof today. i had a panic attack on the bus and couldn't get off."
    )


def test_a_wish_not_to_wake_up_told_to_a_therapist_is_mental_illness() -> None:
    assert "mental-illness" in ids("She tells her therapist about the nights she'd rather just not wake up.")


@pytest.mark.parametrize(
    "text",
    [
        "The baby finally slept through, and for once she did not wake up until seven.",
        "i still want to die, my therapist saw me trip over the doormat lol",
    ],
)
def test_a_night_of_sleep_or_a_joke_to_a_therapist_is_not_mental_illness(text: str) -> None:
    assert "mental-illness" not in ids(text)
