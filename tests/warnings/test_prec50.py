"""Warning-free senses that read as harms (fiftieth session, prec50).

Each family is a sense, not a sentence: a body part "dead" or "murdered" from effort, a word in
scare quotes, a word or a note that dies in a throat, a mock epitaph for oneself, fiction being
written (kill your darlings, a story "about" a killing), a novel's plot told, a fictional death
wept over, a machine "pushing up daisies", a game of go's dead group, a sporting score ("beat him
five to one"), a kick under the table, a caution ("you'll kill yourself"), a smell that "could have
killed a horse", a noise like a strangled cat, strangled wool, "drop dead" as a fall, curses at the sky, a weapon as a simile,
obituaries as a job. Each is narrowed in the rules (a frame, an exclude) and keeps a harmful twin
that must still warn. Every passage is new short text written for these tests.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids

# Each clean passage warned before its narrowing; it must carry no warning of the category.
CLEAN = [
    (
        "death",
        "Three hours on the overhang problem and I finally topped it. My forearms are dead, my calves "
        "are murdered, my pride is deader still, but I got it, and Jess bought the chips.",
    ),
    (
        "death",
        "At the go club on Thursday the old professor pointed at my corner. 'This group is dead,' he said "
        "gently. 'You played a stone too few. A year ago you would have died in the opening.'",
    ),
    (
        "death",
        'my sister, after one spin class: she is "dead." she is "buried." she would like us to "tell mum '
        'she loved her." she is on the sofa eating crisps.',
    ),
    (
        "death",
        "I opened my mouth to sing the last chorus and my high note died in my throat. The choir mistress "
        "just smiled and said we would try it again on Thursday.",
    ),
    (
        "death",
        "'Just bury me here,' Nora groaned over the spreadsheet. 'Put it on my headstone: she died of the "
        "quarterly audit.' Then she ordered pizza and finished it by six.",
    ),
    (
        "death",
        "The tutor told us all to kill our darlings. My piece is about a baker who is killed in the "
        "pantry with a rolling pin, and the others argued for twenty minutes about the ending.",
    ),
    (
        "death",
        "'You broke the coffee machine.' 'I didn't break it, I asked it to do too much.' 'It's dead, Sam. "
        "It's pushing up daisies.' The machine gave one gurgle and the whole office cheered.",
    ),
    (
        "death",
        "'What are you reading?' 'The novel is about a woman whose husband dies and she moves to the coast "
        "and grows tomatoes.' 'Sounds cheerful.' She was crying by the next station.",
    ),
    (
        "death",
        "The obituaries writer at the county paper had a problem: the man she wrote up last week rang in "
        "to say he was touched by the tribute but was not, in fact, dead.",
    ),
    (
        "grief",
        "She finished the novel at two in the morning and sobbed over a fictional horse that dies on the "
        "last page. 'I respect your grief,' her flatmate said, and made her tea.",
    ),
    (
        "violence",
        "In the final pool she beat him five to one, and he laughed and shook her hand. He had a bruise on "
        "his arm from the last exchange, but everybody gets them.",
    ),
    (
        "violence",
        "'That is the most Harrow thing ever said,' Gideon said fondly, and got kicked under the table.",
    ),
    (
        "violence",
        "When my brother started on the violin, the neighbours thought someone was strangling a cat. A "
        "year later he played at the spring concert and they clapped.",
    ),
    ("violence", "'You've strangled that wool,' the old man said, loosening my stitches. 'Let it breathe.'"),
    (
        "animal-death",
        "When my brother started on the violin, the neighbours thought someone was strangling a cat. A "
        "year later he played at the spring concert and they clapped.",
    ),
    (
        "animal-death",
        "The smell from the bins could have killed a horse, so Dev held his breath and carried the bag "
        "down all four flights.",
    ),
    (
        "suicide",
        "Every time I take the bike out mum says 'you'll kill yourself.' Every time I come home she hugs "
        "me and asks about the view.",
    ),
    (
        "abusive-language",
        "My part in the school play is the butler: I scream, I drop dead behind the armchair, and I nap "
        "for forty minutes until the curtain call.",
    ),
    (
        "abusive-language",
        "The fisherman shouted curses at the sky when the rain came in, and then laughed and went below "
        "for a cup of tea.",
    ),
    (
        "collective-violence",
        "He held the tiny bonsai scissors like a live grenade, snipped once, and the old tree did not die. "
        "The master nodded.",
    ),
]

# The same words where the harm is real: each warns before and after.
TWINS = [
    (
        "death",
        "The avalanche caught the second rope team. My brother is dead, they told me at the hut, and his "
        "partner was found under the snow at dawn.",
    ),
    (
        "death",
        "The old professor collapsed over the go board at the club on Thursday. The ambulance came, but "
        "he died in hospital that night, and we left his stones where they lay.",
    ),
    (
        "death",
        "Grandad took my hand, tried to say something, and died in my arms before the nurse came back.",
    ),
    (
        "death",
        "Nora died of the fever in the spring. We put her favourite line on her headstone: she died of "
        "loving too hard.",
    ),
    (
        "death",
        "The baker was killed in the pantry with a rolling pin. Her husband found her on Tuesday and the "
        "police took the rolling pin away in a bag.",
    ),
    (
        "death",
        "The obituaries page carried his name on Friday: he died at home, aged eighty-one, after a short illness.",
    ),
    ("death", "Old Mr Harris? He's pushing up daisies now, died last winter in the cottage hospital."),
    (
        "death",
        "Her husband died in the spring and she moved to the coast and grew tomatoes, crying every evening "
        "at the window.",
    ),
    (
        "violence",
        "Outside the pub he beat him until he stopped moving, and left him with a bruise the size of a "
        "fist across his cheek and blood on the pavement.",
    ),
    (
        "violence",
        "He had his hands round her throat and strangled her until she went limp on the kitchen floor.",
    ),
    (
        "suicide",
        "After the diagnosis he stopped answering. 'I'm going to kill myself,' he told his sister on the "
        "phone, and she drove through the night to reach him.",
    ),
    (
        "animal-death",
        "The farmer shot the horse when it broke its leg in the ditch, and the children watched from the gate.",
    ),
    ("abusive-language", "'Drop dead, you useless cow,' he spat at her across the hall."),
    ("abusive-language", "He screamed insults at the girl on the bus until she got off two stops early."),
    (
        "collective-violence",
        "The soldiers threw a grenade into the cellar where the villagers were hiding, and the machine "
        "guns cut down those who ran.",
    ),
]


@pytest.mark.parametrize(("category", "text"), CLEAN)
def test_a_sense_without_harm_is_no_warning(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), TWINS)
def test_the_harm_told_in_the_same_words_still_warns(category: str, text: str) -> None:
    assert category in ids(text)
