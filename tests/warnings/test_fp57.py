"""Harmless senses that warned on warning-free or otherwise labelled text, narrowed by sense (fifty-seventh
session, fp57; docs/warnings-eval.md, "Fifty-seventh session").

- "mental illness" named alone, as a bigot's label: the two words were a confident mental-illness warning on
  their own (`breakdown`, weight 1.0). In the read sets they occur only where someone calls being gay or
  trans "a mental illness" (comments under a pride post, a grandmother at a birthday, netizens under an
  idol's post: three sets, three writers), and each of the three was a false mental-illness warning. The
  words are now `r57-mental-illness-named` (0.6): alone they are a possible warning, and beside any other
  sign of the illness (a diagnosis, the ward, the voices, the meds) they are confident as before.
- a first-person threat of hyperbole with an intensifier or a wish: violence's exclude knew "I'll strangle
  you" and "I could happily throttle him" but not "I'll bloody throttle him" or "I'd like to strangle her
  with her own pancit" (a grandmother's rival, uncles about a football manager). The exclude now takes
  "bloody", "fucking", "cheerfully", "happily", "gladly" ... between the subject and the verb's base form,
  and "I'd (just, really) like / love to" before it. Only the base form after "'d" is excluded, so a
  past perfect ("he'd fucking punched me") is untouched.
- a rope that hangs or is held, read as a hanging: suicide's `edge` took "a rope" within four words of
  "hanging" or "tied" (a rope hanging down a well in a burned village, a rope left hanging in a villain's
  lair, a birthing rope gripped in labour: three sets, three writers, each a false suicide warning). A rope
  counts now only beside a neck, a beam, a rafter or a chair (within five words: six reached "a rope burned
  into the fur of its neck", a rescued dog's; a noose as before), and
  `edge` and `method-scene` give way to a rope or cord being gripped, clutched, clung to or hauled on.

Each must-not-warn text is written for the test and was a confident warning at 49362864; each warned twin
uses the same words where the harm is real (the illness told by more than its name, the threat carried out,
the rope at the beam) and must still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        'the comments under the pride photo were a wall of hate. "unnatural." "pray for them." "mental illness."'
        ' "delete this."',
        '"you were born a boy and you\'ll die a boy," her uncle said at the barbecue. "the rest is a mental illness'
        ' you caught online."',
        "in 1970 the textbook still listed being gay as a mental illness, and mr. okafor read the page out loud and"
        " snorted.",
        "the charity run raised four thousand pounds for mental illness research and we all got medals shaped like"
        " brains.",
    ],
)
def test_mental_illness_named_alone_is_not_a_confident_warning(text: str) -> None:
    assert "mental-illness" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she has lived with a mental illness since nineteen: bipolar disorder, two stays on the psychiatric ward,"
        " lithium every morning.",
        "his mental illness got worse that winter; the voices told him the neighbours were watching, and he stopped"
        " taking his meds.",
        "the psychiatrist called it a mental illness like any other, and wrote the prescription for the"
        " antidepressants she had refused for a year.",
    ],
)
def test_mental_illness_told_beside_its_signs_still_warns(text: str) -> None:
    assert "mental-illness" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"i\'d like to strangle him with his own tie," mum said about the parking warden, and then made him a cup'
        " of tea.",
        '"i\'ll bloody throttle him," grandad says every time the weatherman promises sun, and then he puts the'
        " kettle on.",
        '"i\'d like to strangle her," auntie said about the woman who took her spot at the market, and went back'
        " to her knitting.",
        'the landlord texted about the boiler again and my flatmate said "i\'d love to throttle him", then went to'
        " find the manual.",
        '"i\'ll happily strangle you if you spoil the ending," she says, and hides the last book of the series'
        " under her pillow.",
        '"i\'d just love to strangle the man who invented flat-pack furniture," dad said, holding the wrong screw.',
    ],
)
def test_a_threat_of_hyperbole_with_an_intensifier_stays_clean_of_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"i\'d like to strangle you," he whispered, and his hands closed around her throat until the room went grey.',
        '"i\'ll bloody kill you," he said, and he punched him in the face until his nose broke and he was on the'
        " floor.",
        "he said he'd love to punch me, and then he did, a fist to the jaw that knocked me into the lockers.",
    ],
)
def test_a_threat_carried_out_still_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "in labour she hauled on the rope tied to the beam above the bed and swore at everyone, and at dawn the baby"
        " came screaming.",
        "the old well in the yard still has a rope hanging down it, and the bucket comes up green with moss.",
        "the magician was dangled over the stage in a straitjacket, and when the curtain fell the rope was still"
        " hanging there, swinging.",
        "the sailors were clinging to the rope tied to the mast while the storm broke over the deck.",
        "the shelter took in a dog with a rope burned into the fur of its neck, and by spring it slept on the sofa.",
    ],
)
def test_a_rope_hanging_or_held_stays_clean_of_suicide(text: str) -> None:
    assert "suicide" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rope was already tied to the beam when his sister opened the garage door.",
        "the rope was still hanging from the rafter in the barn when his father found him there.",
        "she knotted the noose and hung it from the hook in the hall, and wrote a goodbye note to her mother.",
        "she stood on the chair with the rope around her neck and kicked it away.",
    ],
)
def test_a_rope_or_noose_for_a_hanging_still_warns_suicide(text: str) -> None:
    assert "suicide" in ids(text)
