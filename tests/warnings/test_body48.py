"""Death shown by the body and the room, told by its news, and grief in the months after, as
compositional rules (forty-eighth session, body48; /work/scratch/s48/docs/body48.md).

A death that never says "died": someone who does not stir and whose lips have gone grey; a flat line
on the monitor and the alarm switched off; a medic who stops compressions or sits back on her heels
and looks at the clock; a man beside you and then not; the dead left unburied on a march; a walker
found in the thaw with her watch stopped. Its news: a kin's name, "i'm so sorry, love" and a cause
(a stroke, the crash); officers on the step with their caps in their hands; the hospital calling in
the small hours to say he had not made it. Grief after: texts to a dead brother's old number "you
can't read", his boots kept by the door for months, his tea poured and left to go cold for years,
a veteran's silence over his medals every November.

The twins keep the same words in lives that go on: a patient told to lie still, a ratings graph
that flatlined, a paramedic who sits back on his heels and grins, CPR practised on a dummy, a mum
whose heart is set on curtains, officers with their hats off at a school talk, walkers found cold
and hungry in the snow, letters to a baby too young to read, tea left to go cold for a man late
from the allotment. Every text here is new and short, written for the test, in general words."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # the body: does not stir, lips grey, hand cold
        "When the night nurse came round at four, Mr Okafor didn't stir when she said his name. "
        "His lips had gone grey and his hand on the blanket was already cold.",
        "The lifeboat crew reached the dinghy at dawn. The girl lay very still in the bottom of it, "
        "and her fingertips were blue.",
        # the body, still, eyes open, and left where it was
        "After the raid the old man sat on his step, quite still, his eyes open to the dust. "
        "Nobody touched him for a day.",
        # the room: the line, the alarm
        "The screen above the bed showed the line was flat now. The doctor reached up and switched "
        "off the alarm, and said she was sorry.",
        # the medic giving up
        "The paramedics kept up compressions on the kitchen lino for half an hour. Then the older "
        "one sat back on her heels and looked at the clock.",
        "The medic did CPR on the verge until the second crew came, but there was nothing more "
        "anyone could do, and they zipped up the bag before the rain started.",
        # war dead
        "We went over at dawn. Private Lowe was right next to me and then he wasn't. There was a "
        "shell hole where he'd been and mud coming down like rain.",
        "The column moved on through the burnt farms. There were people in the ditches, and we had "
        "no time to bury them.",
        # found in the thaw
        "The search team found the walker in the spring, once the snow went back. Her watch had "
        "stopped at ten past six.",
        # the news
        'The warden met her at the gate of the camp. "Your husband, Mrs Adeyemi. A stroke, in the '
        "night. I'm so sorry, love.\"",
        'The matron took the girl into the office and shut the door. "It\'s your dad," she said. '
        '"The crash on the bypass. I\'m so sorry, pet."',
        "Two officers stood on the step with their caps in their hands and asked if they could come "
        "in. Her mum sat down on the stairs before either of them said a word.",
        "The phone went at three in the morning. It was the hospital. They said he hadn't made it "
        "and could somebody come in to identify him.",
    ],
)
def test_death_without_the_word_warns(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # news told to the bereaved: grief beside the death
        'The warden met her at the gate of the camp. "Your husband, Mrs Adeyemi. A stroke, in the '
        "night. I'm so sorry, love.\"",
        # messages to someone who cannot read them
        "Dara still texts her brother's old number every Sunday. I know you can't read these, she "
        "types, but the dog misses you. I miss you.",
    ],
)
def test_grief_after_a_death_warns(text: str) -> None:
    assert "grief" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The patient lay very still for the scan, lips a bit grey from the fasting, and the nurse "
        "said she'd done brilliantly.",
        "My grandad doesn't move from his chair during the cricket. His hands are always cold, mum "
        "says it's his circulation.",
        "The hospital drama's ratings have flatlined since the new doctor joined, and the line on "
        "the sales chart is flat too.",
        "The nurse switched off the alarm on the drip and said she was sorry it had woken me; the bag was just empty.",
        "The paramedic sat back on his heels, grinned, and said the lad would be fine, just a sprained ankle.",
        "After the lesson the students practised CPR on the dummy until the instructor said that's "
        "enough and they zipped up the bag of mannequins.",
        "\"Your mum called, love. Her heart's set on the blue curtains. I'm sorry, son, I tried to "
        'talk her out of it."',
        "Two police officers with their hats off came to the school for the road safety talk and "
        "the kids asked to try them on.",
        "The phone rang at three in the morning; it was my brother in Sydney, who can never work "
        "out time zones. He said sorry and that he'd made it to the hostel.",
        "The mountain rescue team found the walkers when the snow went back, cold and hungry, and "
        "walked them down to the car park for tea.",
    ],
)
def test_living_twins_stay_clean_of_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "I know you can't read these yet, baby, but Mummy's writing you letters for when you're big. Love you.",
        "She pours his tea at four and lets it go cold because he's always late back from the "
        "allotment, every single day.",
        "Every November Grandad wears his medals to the parade and goes quiet for the two minutes, "
        "then complains about the brass band.",
        "\"Your mum called, love. Her heart's set on the blue curtains. I'm sorry, son, I tried to "
        'talk her out of it."',
    ],
)
def test_living_twins_stay_clean_of_grief(text: str) -> None:
    assert "grief" not in ids(text)
