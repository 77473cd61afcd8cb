"""Deaths told without the keyword, in ways that recur across writers; and death's false alarms
(fifty-seventh session, death57; docs/warnings-eval.md, "Fifty-seventh session").

Each rule was written for a way of telling found missed in at least three of the ten newest read sets:
- the breath that ends: someone's breathing, breaths or rasping, then within a few words "then it didn't
  start again", "then it didn't do anything at all", "then there was nothing to count" (`r57-breath-then-none`;
  a bedside, a cellar ward in a siege, a brother held on the tarmac). Breathing that settles, sleep, a laugh
  or a cough after it cancels it (`unless`);
- the monitor's long flat note: `r50-flat-line` took "one / a / the long note"; it now takes a second
  adjective too ("its long flat note", "the long flat note"), with the nurse, the ward or a hand beside it;
- the names written after a battle: "wrote three names in the little book", "put his name in the ledger with
  forty others", "calling out names and half of them didn't answer" (`r57-weak-names-written`), a weak sign
  that counts only where collective violence is sure nearby; a ledger for boots, leave or post does not.
- the news known before it is told: "understood before he said a word", "knew before she opened it", "knew
  from the way the man said her name", beside who brings such news (the police, a detective, a telegram,
  the telephone, a hat held in the hands, coming home without her) (`r57-knew-before-told`); knowing a
  proposal, a job or a vet's good news is not (`unless`, and no vet or scan among the bringers).

Death's false alarms on warning-free read passages, each narrowed where only the harmless sense reads it: "who
died" answered "nobody" (death's `exclude`); a cadaver lab, a go group "already dead" beside a white
stone, time of death called on a diet (`body`'s and `hospital-news`' `unless`); the Corpse Reviver
cocktail (a frame). A person's "was dead", a cadaver in a ditch, "the dead" carried out and a real time
of death still warn.

Each twin uses the same words where nobody died: breathing after a sprint, a sleeper who rolls over, a
singer's breath on a high note; a quartermaster's book of boots, a ledger for leave, a school's prize list."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "At the hospice the nurse said his breathing had changed, and it slowed and slowed and then it just "
        "didn't start again. I was holding his hand.",
        "Near dawn her breathing did a strange thing and then it didn't do anything at all, and upstairs the "
        "guns started up again.",
        "I knelt on the road counting my brother's breaths, and then there was nothing to count.",
        "Gran's breathing rattled in, slow, out, slower, and then there was nothing at all, just the clock on "
        "the wall.",
    ],
)
def test_breath_then_none_warns(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "His breathing was ragged after the sprint, and then it didn't matter, because the whistle went and we'd won.",
        "I listened to his breathing in the dark, and then there was nothing to hear but the rain.",
        "Her breath hitched on the high note and then it didn't come back for the chorus, and the choir "
        "mistress sighed.",
        "His breathing steadied and then there was nothing more to worry about; he was asleep by nine.",
    ],
)
def test_breath_that_goes_on_does_not_warn(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the heart monitor did its long flat note and the nurse reached over and turned it off. dad's hand "
        "was still warm in mine.",
        "The machine on the ward gave the long flat tone and the doctor looked at the clock.",
    ],
)
def test_monitor_long_flat_note_warns(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The shelling went on all night along the trench. At dawn the sergeant went down the line and came "
        "back and wrote four names in the little book.",
        "They went over the top into the machine guns at first light. By breakfast the clerk had put his name "
        "in the ledger with thirty others.",
        "After the barrage the whole trench was craters, and the corporal was calling out names and half of "
        "them didn't answer.",
    ],
)
def test_names_written_after_battle_warns(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The quartermaster wrote three names in the little book for new boots, and the shelling started "
        "again at dawn in the trench.",
        "The sergeant wrote his name in the ledger beside forty others for leave, and the barrage from the "
        "trench went on.",
        "At the school assembly the head was reading out names for the prize list and half of them didn't "
        "answer because they'd gone on the trip.",
        "The teacher wrote four names in the little book for detention, and everyone groaned.",
    ],
)
def test_names_written_elsewhere_do_not_warn(text: str) -> None:
    assert "death" not in ids(text)


# The news known before it is told: knowing "before he said a word", "before she opened it", "from the
# way the man said her name", beside who brings such news (the police, a detective, the telegram, the
# telephone, a hat in the hands, coming home without her): `r57-knew-before-told`.
@pytest.mark.parametrize(
    "text",
    [
        "The detective stood in the hallway with his hat in his hands, and Mrs Harlow understood before he "
        "said a word, and sat down on the stairs.",
        "On the tenth day the telephone rang and it was the police, and she knew from the way the man said her name.",
        "Da came home without her and sat on the stairs with his coat on, and Niamh understood before anybody "
        "said anything.",
        "The telegram boy stood at the gate and Mam knew before she opened it.",
    ],
)
def test_news_known_before_told_warns(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He called from the airport and she knew from the way he said her name that he was going to propose.",
        "The vet came out of the back room and she knew before he said anything; the dog was fine, just sore.",
        "The police officer at the school fair let us sit in the car, and I knew before he said it that he'd "
        "let us put the siren on.",
        "She knew before she opened the letter on the phone call that she'd got the job.",
    ],
)
def test_other_news_known_before_told_does_not_warn(text: str) -> None:
    assert "death" not in ids(text)


# Death's false alarms on harmless text: "who died" answered "nobody" (death's `exclude`); a cadaver lab,
# a go stone's group "already dead", time of death called on a diet (`body`'s `unless`); the Corpse
# Reviver cocktail (a frame). A person's death told by the same words still warns.
@pytest.mark.parametrize(
    "text",
    [
        'my boyfriend came home and found me on the floor and said "who died" and i said "NOBODY, the dog is FINE".',
        "guys the cadaver lab is thursday, not wednesday, please stop panicking in the chat.",
        '"Your group in the corner," he observed, setting down a white stone with a soft click, "is already dead."',
        "DR. KAPOOR: (quietly) Call time of death on my diet. 14:32.",
        '"I\'m getting the corpse one," said Joelle, pointing at the Corpse Reviver No. 2 on the menu.',
    ],
)
def test_harmless_death_words_do_not_warn(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"Who died?" I asked, and Mum said it was Grandad, at four this morning, in his sleep.',
        "The cadaver in the ditch had been there a week, the constable said.",
        "Jamie was dead. I knew it before I reached him.",
        "The old sailor was dead when they found him.",
        "They carried out the dead one by one.",
        "They called time of death at 14:32 and the nurse drew the curtain.",
    ],
)
def test_a_persons_death_still_warns(text: str) -> None:
    assert "death" in ids(text)
