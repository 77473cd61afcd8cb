"""Racism and sexism told the ways the last gates' misses told them (fifty-second session, ident52;
docs/warnings-eval.md "Fifty-second session").

Racism: a slur the rules did not know (an Australian one, a plural one, a censored "n—"), praise
"for a" people ("speaks English beautifully, for a Bengali"), a people sent to the side door, skin
powdered lighter, an attack on someone marked by a headscarf or a turban beside "your lot", a
language forbidden ("you're in England now"), "dirty black
hands", blood called tainted beside a people, papers demanded of someone marked by race, white mobs
hunting Black men, a manifesto about invaders, and "only here for the diversity".

Sexism: a claim about a woman's brain, mind, consent or place ("a woman's mind is not fitted for"),
"every woman your age", women qualified and then judged ("women who laugh like that look cheap",
"women like you were made to"), "a woman on the stage is a whore", "never hire a woman", a children
question in an interview, "speak to the man in charge" beside a woman, "let the boys handle the
technical stuff", a prize refused "on the grounds that she was a woman".

Two narrowings of sexism: a history lesson's "in 1910 women couldn't vote" (a right that was
lacking, dated, or "back then") is not read as the claim "women can't vote", and "you're being
hysterical again" counts once, not twice (`hysterical` and `hormonal` both took it), so a partner's
gaslighting alone is a possible sexism hit, confident only beside another sign (the sets label it
abuse).

Every text is new and written for the test. Each warning case failed before the change; each twin
(the same words where no one is harmed for race or sex) stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The men at the shearing shed called the new boy 'the boong' all season and laughed when he flinched.",
        '"Get up, n—," the guard said, and kicked the bench out from under him.',
        "The governor's wife said Mr Rao spoke English quite beautifully, for a Bengali, and he thanked her.",
        "At the club natives used the side door, whatever their degrees, and Dr Osei went round the back.",
        "The photographer asked Ama, the only Black model, to powder her skin lighter so she would not stand out.",
        "He spat at the woman in the hijab, shouted that her lot should go home, and punched her in the face.",
        "'Speak properly. You're in England now,' he said, when Marisol answered her mother on the phone.",
        "The old man on the ward told the nurse to take her dirty black hands off him.",
        "'Korean,' her father said. 'Their blood is different. I will not have my grandchildren tainted.'",
        "The deputies came into the Mexican bakery every Friday and asked for her papers, though she was born"
        " in Texas.",
        "White mobs went through the docks that night hunting Black men, any Black men they could find.",
        "The shooter had posted a manifesto about invaders and the great replacement an hour before.",
        "'The Indian one?' Rob typed in the group chat. 'She's only here for the diversity numbers.'",
    ],
)
def test_new_ways_of_telling_racism_warn(text: str) -> None:
    assert "racism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Y/N said n—no, she wasn't hungry, and went upstairs.",
        "For a first-year student he was very good, and his tutor said so.",
        "The cats used the side door all winter because the front one stuck.",
        "His face was paler than the sheet when the nurse came in.",
        "The French ship came close enough to spit on, and the marines shouted across the water.",
        "A woman in a hijab kicked the ball back to the boys and they cheered.",
        "Mum won't let us speak while the news is on.",
        "The miners came up from the pit with black hands and faces and went straight to the baths.",
        "The border guard asked for his papers and waved the coach through.",
        "Her student council manifesto promised a replacement for the broken vending machine.",
        "The Korean barbecue place had a separate table for the children and a white tablecloth.",
    ],
)
def test_the_same_words_where_no_one_is_harmed_for_race_stay_clean(text: str) -> None:
    assert "racism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The doctor told the board that a woman's nerves cannot bear the strain of study.",
        "'Every woman your age wants a baby,' her manager said, and gave the promotion to Tom.",
        "'Women who laugh that loudly look cheap,' he said in the car, and she stopped laughing.",
        "'Women like you were made to be looked after,' her husband said, and took her bank card.",
        "'A woman on the stage is a whore on the stage,' the manager said, and gave the part to the boy.",
        "'I'd never hire a woman under forty,' Greg said. 'They all go off and have babies.'",
        "The interviewer looked at her CV and asked, 'Do you have children? Are you planning on having children soon?'",
        "She said she was the site engineer. The supplier smiled and asked to speak to the man in charge.",
        "The coach told her to let the boys handle the technical stuff and gave her the poster to colour.",
        "In 1870 the college refused Miss Grant her prize on the grounds that she was a woman.",
    ],
)
def test_new_ways_of_telling_sexism_warn(text: str) -> None:
    assert "sexism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "A woman's word was law in Gran's kitchen, and nobody argued with it.",
        "Every woman should be able to walk home at night without a key between her fingers.",
        "Women like you are rare, he said, and he meant it kindly.",
        "A girl on the bus was like a dog with a bone about the quiz answer.",
        "We'd never hire a clown for the party again after last year.",
        "Do you have kids? she asked the new neighbour over the fence, and he said two.",
        "Let the boys handle the barbecue, Dad said, and went to find the tongs.",
        "She was proud of being a woman in engineering and said so at the careers fair.",
    ],
)
def test_the_same_words_where_no_woman_is_harmed_for_her_sex_stay_clean(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "In 1910 women couldn't vote, Mr Hale told the class, and wrote the date on the board.",
        "Back then women could not open a bank account without a husband, the museum guide said.",
        "Women weren't allowed to vote until 1928, the textbook said, under a photo of a march.",
        "'You're being hysterical again,' her husband said, and took her phone off the table.",
    ],
)
def test_a_history_lesson_and_a_partners_hysterical_are_not_sexism(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "'Women can't vote sensibly,' her uncle said. 'They vote how their husbands tell them.'",
        "'You're being hysterical again, sweetheart,' the manager said. 'Typical woman before a deadline.'",
    ],
)
def test_the_same_claims_said_to_a_woman_today_warn_sexism(text: str) -> None:
    assert "sexism" in ids(text)
