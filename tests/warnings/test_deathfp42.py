"""Death false alarms of whole stories nobody on the project wrote (forty-second session;
docs/warnings-eval.md, "Forty-second session", "deathfp42").

Each case is new synthetic text in general vocabulary, not copied from a story or a set. Change 1:
figures of speech. A runner who feels like a corpse (a corpse would be quicker), a cook standing over a ruined cake like a
mourner at a graveside, notes neat enough to hang in a gallery are hyperbole and similes; a corpse found, mourners at a real graveside, a man hanged and a
burial told plainly still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Mile twenty-two and my legs had gone. 'I feel like a corpse,' I told the water station. 'A corpse would be quicker.'",
        '"Move it!" the coach yelled from the side of the pool. "A corpse could swim faster than that!"',
        "The loaf sank in the middle. Tom stood over it like a mourner at a graveside, and the judges pretended not to look.",
        "Her revision cards were so tidy you could have hung them in a gallery, and she had colour-coded every single one.",
    ],
)
def test_a_figure_of_speech_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "A dog walker found a corpse in the reeds by the towpath at dawn, and the police closed the path all day.",
        "The mourners stood at the graveside in the rain while the coffin was lowered and the vicar read the words.",
        "They hanged him from the oak in the square at first light, and left him there as a warning to the village.",
        "We buried him under the yew in the churchyard beside his wife, and the whole street came to the funeral.",
    ],
)
def test_the_same_words_told_plainly_are_death(text: str) -> None:
    assert "death" in ids(text)


# Change 2: frames of play and of pets, and a runner who feels like a corpse. A baking contest
# (a showstopper, a technical challenge) is play like a game show; a custard or a kettle that has
# "passed away" or is "with the angels" is a joke (`passed` and `afterlife` unless). A death in a board game (dice, a death card, chess), a
# role at a murder-mystery party ("died before the game began", "played by nobody"), a pet's
# death (a goldfish's funeral, a dog put to sleep by the vet) is no death warning: the game is
# play, the pet is animal-death. The same deaths of people, told the same way, still warn.


@pytest.mark.parametrize(
    "text",
    [
        'Ben rolled the dice and got a two. "You\'re dead," said Kasia, and read the death card: he had died on the cellar stairs.',
        "The murder victim, who had died before the game began, was played by nobody: a shop dummy in a dinner jacket.",
        'The goldfish was floating at the top of the tank. "He\'s dead," Sam said. "Can we have a funeral? With a coffin?"',
        "The vet knelt with us on the blanket. Then his breathing got slower, and slower, and stopped, and he was very still.",
        '"The trifle," he said sadly, "has passed away. It\'s with the angels now." He scraped the burnt pan.',
        '"I feel like a corpse," she groaned at mile twenty. "A corpse would have the decency to lie down."',
        'Nine bakers stood in the white tent. Her showstopper slid off the board. "Rest in peace," said the host, and the judge said she had murdered the ginger.',
    ],
)
def test_a_death_in_a_game_or_of_a_pet_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ben's grandfather had died on the cellar stairs, and the coroner said afterwards that it was his heart.",
        "The victim, who had died before the ambulance came, was identified by nobody until his sister flew in.",
        'Gran was dead when Sam found her. "Can we have a funeral?" he asked. "With a coffin and flowers?"',
        "The nurse sat with us by the bed. Then her breathing got slower, and slower, and stopped, and she was very still.",
        '"Your nan has passed away," the nurse said, holding his hand. "She\'s with the angels now."',
        'Nine officers stood in the white tent. The body slid off the board. "Rest in peace," said the sergeant, and the coroner said she had been murdered.',
    ],
)
def test_the_same_deaths_of_people_still_warn(text: str) -> None:
    assert "death" in ids(text)
