"""Whole-story false alarms of the stories42 helper's categories, told in new short text (forty-second
session, round stories42; docs/warnings-eval.md, "### stories42").

Each class is written from scratch, never copied from a story: a figure of speech that borrows a
warning's words (killing oneself training, a runner's calves, a simile of giving birth, a breakdown
that is a joke, a slice cut by someone themselves, grip marks on a wrist, a coffee addict), and beside
it the same words told for real, which still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "She'll kill herself jogging in this heat, her dad said, and went to find her a water bottle.",
        '"I\'m going to kill myself swimming these lengths," she gasped, clinging to the lane rope.',
    ],
)
def test_killing_oneself_at_an_activity_is_no_suicide(text: str) -> None:
    assert "suicide" not in ids(text)


def test_a_person_who_killed_himself_still_warns() -> None:
    assert "suicide" in ids(
        "Her uncle killed himself the winter she turned twelve, and nobody in the family spoke of it."
    )


@pytest.mark.parametrize(
    "text",
    [
        "After the hill repeats his calves were dead, two blocks of wood he had to drag up the stairs.",
        "Her calves are dead after the dance class, she says, and she won't be doing the stairs today.",
    ],
)
def test_a_runners_calves_are_no_animal_death(text: str) -> None:
    assert "animal-death" not in ids(text)


def test_a_dead_calf_in_the_field_still_warns() -> None:
    assert "animal-death" in ids("The farmer found the calf dead in the frozen field at dawn.")


@pytest.mark.parametrize(
    "text",
    [
        "He groaned as he hauled the sofa up the last step, red in the face, like a man giving birth to a wardrobe.",
        "She pulled the last box out of the loft making noises as if she were giving birth to it.",
    ],
)
def test_a_simile_of_giving_birth_is_no_childbirth(text: str) -> None:
    assert "childbirth" not in ids(text)


def test_giving_birth_still_warns() -> None:
    assert "childbirth" in ids("She was giving birth on the kitchen floor before the ambulance arrived.")


@pytest.mark.parametrize(
    "text",
    [
        '"I\'m literally having a breakdown," Sam wailed at the empty printer tray.',
        "This essay is giving me a nervous breakdown, I swear, and it's only Tuesday.",
        "The printer whirred and clicked like an old robot having a nervous breakdown.",
    ],
)
def test_a_breakdown_that_is_a_joke_is_no_mental_illness(text: str) -> None:
    assert "mental-illness" not in ids(text)


def test_a_nervous_breakdown_still_warns() -> None:
    assert "mental-illness" in ids(
        "After the divorce he had a nervous breakdown and spent a month on a psychiatric ward."
    )


@pytest.mark.parametrize(
    "text",
    [
        "At the party Grandad cut the first slice himself and handed it to the youngest guest.",
        "Dad served the cake and took the thinnest slice himself.",
    ],
)
def test_a_slice_cut_by_oneself_is_no_self_harm(text: str) -> None:
    assert "self-harm" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "When she rolled up her sleeves there were marks on her wrists, dark, the shape of someone's fingers.",
        "There were marks on his wrists from the rope, red and raw.",
    ],
)
def test_grip_marks_on_a_wrist_are_no_self_harm(text: str) -> None:
    assert "self-harm" not in ids(text)


def test_cuts_on_her_own_wrists_still_warn() -> None:
    assert "self-harm" in ids(
        "She had been cutting herself again; there were fresh scars on her wrists under the bracelets."
    )


@pytest.mark.parametrize(
    "text",
    [
        '"That\'s exactly what an addict would say," Jo said, watching him pour a fourth espresso.',
        "She's addicted, she says cheerfully, to strong coffee.",
    ],
)
def test_a_coffee_addict_is_no_addiction(text: str) -> None:
    assert "addiction" not in ids(text)


def test_an_addict_still_warns() -> None:
    assert "addiction" in ids("Her brother had been a heroin addict for ten years before rehab finally stuck.")


@pytest.mark.parametrize(
    "text",
    [
        "Watching the last tomato plant wilt in the heat, Ana felt a grief she knew was completely absurd.",
        "There is a particular grief in finding the biscuit tin empty, and Tom felt it keenly.",
    ],
)
def test_the_word_grief_alone_is_no_grief(text: str) -> None:
    assert "grief" not in ids(text)


def test_a_grief_counsellor_still_warns() -> None:
    assert "grief" in ids("After the crash the school brought in a grief counsellor for his classmates.")


@pytest.mark.parametrize(
    "text",
    [
        "She is still grieving her mother, two years on, in the way she folds the tea towels.",
        "Grief for his wife sat in him like a stone he could not put down.",
        "we mourned our nan the only way we knew how, with far too much trifle",
    ],
)
def test_grieving_a_person_named_still_warns_on_its_own(text: str) -> None:
    """The lone word weighs 0.6 now, so grieving or mourning someone of one's own is a rule of its own
    (the "grieved my brother by cooking his recipes" line of test_figurative38 lost its grief without it)."""
    assert "grief" in ids(text)


def test_grief_after_a_funeral_still_warns() -> None:
    assert "grief" in ids("Her grief after the funeral was a weight she carried from room to room for months.")


@pytest.mark.parametrize(
    "text",
    [
        "For weeks he stopped answering his texts. Everything tasted of cardboard, and he kept the curtains shut "
        "even at noon.",
        "She lay on the bed in her work clothes every evening until midnight. Food tasted like ash; she couldn't "
        "picture herself at Christmas.",
    ],
)
def test_depression_told_by_its_signs_warns(text: str) -> None:
    assert "mental-illness" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The food on the plane tasted of cardboard, she complained, and the film was terrible.",
        "They kept the curtains closed so the projector picture would look better on the wall.",
    ],
)
def test_one_sign_alone_is_no_mental_illness(text: str) -> None:
    assert "mental-illness" not in ids(text)


def test_pills_bought_a_packet_at_a_time_warn() -> None:
    text = (
        "He was sure everyone would be better off. He went to three different chemists that fortnight, "
        "buying a packet at a time, and kept them in a shoebox under the bed."
    )
    assert "suicide" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"Everyone would be better off with a map," Jo said, folding the useless leaflet.',
        "Mum buys one packet at a time because the biscuits never last in this house.",
    ],
)
def test_better_off_or_one_packet_alone_is_no_suicide(text: str) -> None:
    assert "suicide" not in ids(text)


def test_rows_of_thin_lines_on_an_arm_warn() -> None:
    text = (
        "She always wore long sleeves, even in July. On the inside of her forearm were rows of thin pale lines, "
        "some healed silver, two still pink."
    )
    assert "self-harm" in ids(text)


def test_a_mothers_remarks_on_her_daughters_body_warn() -> None:
    text = (
        '"Not with your legs," her mother said about the shorts, and in the changing room she pinched a roll '
        "of her waist and asked where all this had come from."
    )
    assert "body-shaming" in ids(text)


def test_an_old_dog_put_to_sleep_at_home_warns() -> None:
    text = (
        "The vet came to the house. We sat on the kitchen floor with the old dog's head in my lap, and his "
        "breathing grew slower and then stopped."
    )
    assert "animal-death" in ids(text)


def test_a_vet_listening_to_a_puppy_breathe_is_no_animal_death() -> None:
    text = "The vet listened to the puppy's breathing, which had stopped rattling at last, and said he was fine."
    assert "animal-death" not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "In the third episode the surgeon performed a heart transplant in one long take, and the writers let "
            "the new heart sit still for a whole minute before it beat.",
            "procedures",
        ),
        (
            "Episode five was the comedy one: a flu outbreak, a consultant with food poisoning vomiting into a "
            "bin, and the writers clearly out of ideas.",
            "vomit",
        ),
        (
            "By season four the writers had given the detective a nervous breakdown, a drinking problem and a "
            "secret twin.",
            "mental-illness",
        ),
    ],
)
def test_a_tv_show_told_by_its_watchers_is_no_warning(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "The surgeon opened his chest and clamped the artery, and the transplant took nine hours; afterwards "
            "he woke on the ward with a drip in his arm and a cannula in his hand.",
            "procedures",
        ),
        ("She threw up twice in the car park and again in the hospital toilets, retching until nothing came.", "vomit"),
        ("After the divorce he had a nervous breakdown and spent a month on a psychiatric ward.", "mental-illness"),
    ],
)
def test_the_same_told_for_real_still_warns(text: str, category: str) -> None:
    assert category in ids(text)
