"""Abuse told by its everyday frames, and the near misses that must stay clean (forty-first
session; docs/warnings-eval.md, "Forty-first session").

Each new frame is a weak sign (0.5, a few 0.7): one alone does not warn, two together do. The
cases are written in general vocabulary, not copied from any set: control of money, the phone,
friends and the door; a parent's contempt and a family's secret; a threat about the children;
an ex who will not stop."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # money: the pension paid into his account, and asking for the grocery money
        "her pension goes straight into his account now. she has to ask her son for grocery money.",
        # the phone: the passcode changed back, and the call log read
        "he makes me change my passcode back every time. he checks my call log while i'm in the shower.",
        # friends: a sulk for going out, and a gatekeeper at the door
        "she sulks for days whenever i go out, and she told the neighbours i was asleep when they came round.",
        # the door, and the blame after
        'he stood in the doorway so i couldn\'t leave. "see what you do to me," he said, when i cried.',
        # a parent's contempt and the family's secret
        "my mother wished she'd never had me, she said so at breakfast. we don't talk about family business.",
        # a threat to leave her with nothing, and fear of him
        "you walk out that door, you walk out with nothing, he said. she was terrified of him by then.",
        # an ex who will not stop, and fear of him
        "after the breakup the texts kept coming from new numbers. she's so scared of him she moved flats.",
        # the call log read, and an apology that never ends
        "he checks her call log every night, and she's said sorry for six different things by the time he's done.",
    ],
)
def test_two_everyday_frames_of_abuse_warn(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # one frame alone stays clean
        "couples don't have secrets, my flatmate announces, which is how i know about his crush on the barista.",
        "we don't talk about family business at the table, gran says, and passes the gravy to uncle joe.",
        "dad sold my car because i crashed it twice in one month, and honestly i can't blame him.",
        "don't tell mum about the cake, it's our little secret, just between you and me till her birthday!",
        # a sleeve pulled over self-harm is not abuse
        "she pulls her sleeve back down over the fresh lines and goes back downstairs to the party.",
        # a parent's rule given with its reason, and negotiated kink
        "no phones at dinner, mum says, because it's the only hour we're all in one room. fair enough.",
        "they agreed the safeword first. he asked before he buckled the collar, and she said yes, sir.",
        # a coach who shouts, and a friend who takes the phone on a night out
        "coach screamed at us till we ran the drill right, then bought the whole team chips after.",
        "she took my phone off me at the club so i wouldn't text my ex, and gave it back at breakfast.",
    ],
)
def test_one_frame_or_a_near_miss_stays_clean(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "mum took my car keys for a week when i came home at four, and i only got the keys back on friday.",
        "dad confiscated my phone for a fortnight after the party, and i got my phone back with a lecture.",
        "his boyfriend goes through his phone every night, that's the running joke among their friends.",
        "her wife goes through her messages, jokingly, looking for the gossip from book club. there's none.",
    ],
)
def test_a_parents_time_limited_confiscation_or_a_joke_about_phones_is_no_abuse(text: str) -> None:
    """A parent who takes the keys or the phone for a week is discipline; a partner's phone
    "checking" told as the couple's joke is banter. Both warned from two rules that read the same
    words (taking the phone, going through it)."""
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "he took my phone and my car keys, and he wouldn't let me see my sister for a month.",
        "my boyfriend goes through my phone every night. he doesn't like me having friends, he says.",
    ],
)
def test_taking_the_phone_without_a_term_or_a_joke_is_still_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a veiled threat to tell, and letters read first
        "it'd be a shame if your dad found out, he says, smiling. he reads my letters before i do.",
        # "who's gonna believe you", and the medication kept in his safe
        "who's gonna believe you? he keeps my pills in his gun safe now and hands them out one by one.",
        # friends dropped because he sighs, and asking before buying
        "i stopped calling my sister because he sighs when i do. i ask him before i buy anything now.",
        # telling everyone she is unstable, and the keys taken at night
        "he tells the other wives i'm a mess, and he takes my boots at night, in case i wander, he says.",
        # learning to be quiet, and being told to be grateful
        "she's learned to be very quiet at dinner. you should be grateful, he tells her, and she nods.",
    ],
)
def test_control_told_as_care_or_as_a_veiled_threat_warns(text: str) -> None:
    """Frames read off fresh16a (forty-first session, change 3): each is a weak sign alone."""
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "my dad never yells. he just sighs and asks if i've eaten, which is somehow worse for the guilt.",
        "you should be grateful for the rain, gran says, the garden needed it, and so did you.",
        "she keeps her inhaler in her pocket and her epipen in her bag, since the hay fever started.",
        "i ask her before i eat the last biscuit, because i'm not a monster and she bought them.",
        "it'd be a shame if your dad found out about the surprise party, so keep your mouth shut, kid.",
    ],
)
def test_one_of_those_frames_alone_stays_clean(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # "he never hit her", and a room locked whenever she displeased him
        "he never hit her, he was very clear about that. whenever she displeased him he locked the library.",
        # the house going quiet when he got home, and marks nobody would see
        "when dad got home we all went very quiet. mum wore long skirts so nobody would see the bruises.",
        # the child blamed for a parent leaving, and made to stand for hours
        "mama said i was the reason papa left, and made me stand in the corner for hours if i cried.",
        # "i don't even know what for", and a debt that never shrinks
        "i said sorry, i don't even know what for. the debt he says i owe him somehow never shrinks.",
        # papers held for safekeeping, and rules that keep changing
        "the manager holds her passport for safekeeping, and the rules changed every week.",
    ],
)
def test_fear_at_home_and_control_without_a_blow_warn(text: str) -> None:
    """Frames read off fresh40 (forty-first session, change 4): each is a weak sign alone."""
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # authority that needs no shouting is not abuse (warned once in a first version)
        "the captain did not raise her voice on the bridge; she did not need to. she merely looked up.",
        "he never hit the ball that hard again. he just laughed and went to get another one from the hedge.",
        "you're the reason we won the quiz, babe, the answer about penguins was all you.",
        "when dad got home we all went very quiet, because we were hiding behind the sofa for his surprise party.",
    ],
)
def test_calm_authority_and_a_surprise_stay_clean(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # standing in the doorway until she hangs up, and her phone living in his pocket
        "he stands in the kitchen doorway until she hangs up. her phone lives in his pocket now.",
        # "she's not hitting me, she just stands there", and the password to my email
        "she's not hitting me or anything. she just stands there. she still has the password to my email.",
        # the door locked from outside, and "i love you too much to lose you"
        "he locks the flat door from the outside while he's at work. i love you too much to lose you, he says.",
        # "i didn't ask what you liked", and laughing so he won't get that look
        "i didn't ask what you liked, he says, soft. mum laughs a little so he won't get that look.",
    ],
)
def test_watched_and_kept_in_warns(text: str) -> None:
    """Frames read off fresh15b (forty-first session, change 5): each is a weak sign alone."""
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she never shouted at the kids. she just stood very still and listened, and they always went quiet.",
        "the cat stands in the kitchen doorway until someone feeds her, every single morning at six.",
        "i love you too much to let you watch that film alone, scaredy cat. budge up and share the popcorn.",
    ],
)
def test_a_quiet_teacher_a_cat_and_a_film_stay_clean(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # "he never shouted, he just took her shoes", and answering that made it longer
        "he never shouted. he just took her shoes that night. she'd learned that answering made it longer.",
        # a threat to keep her family away, and to stop paying the rent
        "i'll make sure your mother never sees you again, dad said, and i'll stop paying your rent.",
        # "you misremember", and a long-sleeved top in july
        "you misremember, he said gently. next day she wore a long-sleeved top to the office in july.",
    ],
)
def test_threats_to_family_and_rent_and_a_quiet_cruelty_warn(text: str) -> None:
    """Frames read off fresh14a (forty-first session, change 6): each is a weak sign alone."""
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the teacher never shouted. she just stood very still until the whole class went quiet.",
        "i misremembered the date of the quiz, so we turned up a week early, in fancy dress, to a funeral tea.",
        "rasmus never shouted at the dog. he just waited, and the dog sat, every single time.",
    ],
)
def test_a_calm_teacher_and_a_wrong_date_stay_clean(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "her wages go straight into his account, which was her idea, because he's the one who does the bills.",
        "she wore long sleeves so nobody would see the marks, and went down to the party smiling.",
        "he reads my letters first, always has, because my handwriting is awful and he likes the gossip.",
    ],
)
def test_one_sentence_read_by_two_rules_does_not_warn_alone(text: str) -> None:
    """Each of these was read by an older rule and by a forty-first-session rule at once, so one
    sentence counted twice and warned alone (and a sleeve over self-harm marks became abuse)."""
    assert "abuse" not in ids(text)
