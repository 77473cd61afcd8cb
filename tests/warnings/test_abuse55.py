"""Abuse told as a relationship's shape, and its harmless twins (abuse55).

See docs/warnings-eval.md, "Fifty-fifth session", abuse55. Two ways of telling abuse without a blow
that the blind sets' writers share:

- the partner's or parent's voice that says nobody else would have them ("who's going to want you
  now", "you're lucky I stay", "I'm all you've got", "you'd be nothing without me"), told beside
  a sign of control (keys, phone, bank app, friends or a sister kept away, leaving answered with it);
- money taken under a pretext: a card, wages, pension, benefits or savings taken, kept or cashed
  "to manage it", "for safekeeping", "till you learn", paid into his own account, with having to
  ask for bus fare, to explain every purchase, or "not a penny since".

- the harm's memory denied or its teller discredited: "you remembered it wrong", "you're imagining
  things", "he said I imagined it", "see someone about your memory", "he told the neighbours she was
  unstable", beside a sign of control, fear or a hidden thing (pills, keys), or "every argument".

Their twins use the same words where nobody is harmed: the last slice of cake nobody wants, a
parent grumbling about a late lift, banter between lovers, a daughter who manages a pension since
a stroke, an accountant taking over a tax return, pocket money and the club treasurer, a witness who
remembered the bus wrong, a grandfather who wants his memory seen to, a sick note.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # nobody else would want you, said as banter or about a thing
        "Who's going to want the last slice of cake? Nobody, apparently, so I ate it.",
        '"You\'re lucky I stay up this late for your band practice," Dad grumbled, handing over the car keys.',
        '"Who would want a cold cup of tea," she said, and made another pot.',
        "The satnav would be lost without me, Gran said proudly, folding the paper map.",
        '"Nobody will want to hire a plumber who can\'t find the leak," my instructor joked, and I laughed and found it.',
        '"You\'re lucky I love you," he said, kissing her nose when she burned the toast again.',
        "The puppy can't cope without me when I go to work, so my neighbour pops round at lunch.",
        "\"I'm all you've got for the quiz team tonight, so no complaining about my history answers.\"",
        "He said nobody would want the old sofa, so we put it out with a sign saying free.",
        '"Who\'d want to live anywhere else?" she asked, looking out at the sea from the porch.',
        "A man who wants a wife should learn to cook, my grandmother always said, pouring the tea.",
        # money handled, nobody's taken
        "My daughter manages my pension since the stroke; she sends me the statements every month.",
        "She took her card to the shop and bought bread and a magazine.",
        "He took his pay packet to the bank on Friday and treated us to chips.",
        "We keep the petty cash in the office safe, and you have to ask the manager for receipts to claim it back.",
        "Mum gives us pocket money on Saturdays and we spend it on sweets.",
        "The treasurer handles the club's money and explains every purchase at the AGM.",
        "I put my savings into my own account when I turned eighteen.",
        "Grandad keeps his pension in a biscuit tin, which drives my mum mad, and won't explain why.",
        "The accountant took over my tax return to manage it, thank goodness.",
        # memory doubted, nobody harmed
        "I am not crazy, I just really like pineapple on pizza, and I will defend it at every dinner party.",
        "He told everyone he was not well and went home early from the office with a cold.",
        "The detective said the witness must have remembered it wrong; the bus came at nine, not ten.",
        "Grandpa wants to see someone about his memory, so I booked him in with the GP on Tuesday.",
        '"You imagined it," I told my little brother after the nightmare, and left the landing light on.',
        "She told her doctor she was unwell and got a sick note for the week.",
        "Every argument about football ends with Dad insisting I remembered the score wrong.",
        "The magician insisted we had imagined the card trick, and the whole class groaned.",
        '"Am I going crazy or is this the third time the printer has jammed today?" she asked.',
    ],
)
def test_harmless_twin_does_not_warn(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # nobody else would want you, beside a sign of control
        '"Who\'s going to want you now, with two kids and that scar?" he said, and took her car keys off the hook.',
        'He hid her hearing aids before the party. "Honestly, who\'d want a deaf wife at a wedding," he told her.',
        'Every time I mentioned leaving he\'d smile. "You think anybody out there would want a woman your age?"',
        '"You\'re lucky I stay," he said, and counted the receipts from her purse one by one.',
        "I'm all you've got, Mum would say, and then she wouldn't let me see my friends for a month.",
        "\"You'd be nothing without me,\" he said. She wasn't allowed to call her sister after that.",
        "my girlfriend reads my texts every night and says nobody else would put up with me anyway.",
        "\"Nobody's going to want a girl who can't even cook,\" her husband said, and he checked her bank app that night.",
        # money taken under a pretext
        'He took over her pension "to manage it," and she hasn\'t seen a penny since.',
        "She keeps my bank card 'til I learn to stop wasting money, so I have to ask her for bus fare.",
        'Her wages went straight into his own account. "It\'s our money," he said, when she asked for twenty quid.',
        "My stepdad took my savings for safekeeping and every time I asked for some he wanted to know why.",
        "He controls her benefits now, and she has to explain every purchase or he calls her a thief.",
        "Her allowance came in an envelope on Fridays, and if she bought something he didn't approve of, "
        "there was no envelope the next week.",
        "He cashed her disability payments for years and told the social worker she couldn't be trusted with money.",
        "My husband took my card off me. Said I was useless, said he'd give it back when I learned.",
        # memory denied, teller discredited
        "Every fight ended with him telling me I'd remembered it wrong, that he'd never said that, and I'd apologise.",
        "\"You're imagining things again,\" she said, and took my phone to check who I'd been texting.",
        '"You should see someone about your memory," he said, after he\'d hidden my pills again.',
        "He told her doctor she was confused, and kept her bank card in his wallet.",
        "he insisted i dreamt the whole thing, every time, and i stopped trusting myself. i was scared of him.",
    ],
)
def test_abuse_told_as_the_relationship_warns(text: str) -> None:
    assert "abuse" in ids(text)
