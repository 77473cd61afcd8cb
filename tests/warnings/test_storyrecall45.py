"""Whole-story misses of the forty-fifth session (storyrecall45): warnings a story tells across
several paragraphs in shapes no passage rule knew, each sign weak alone.

Each case is new synthetic text in general vocabulary, not copied from a story. Change 1: an
eating disorder told by what is done with food and the body, not named: food cut into many
pieces and a few of them eaten, the rest hidden in a napkin or moved round the plate, hip bones
checked by hand, a body always cold, a rule of no eating after six. Each sign is weak (0.4-0.5):
two different ones in a scene warn, one alone does not."""

from __future__ import annotations

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset


def scene_ids(*paragraphs: str) -> set[str]:
    """The confident warnings of one scene made of ``paragraphs``."""
    chapter = Chapter(1, None, [Scene(list(paragraphs))])
    return scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared()).detected_ids()


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "At lunch Noor slices her sandwich into twelve squares and eats three of them, slowly.",
            "When the bell goes she throws the rest away wrapped in a paper towel.",
        ),
        (
            "every night before bed he presses his fingers against his collarbones to check they are still sharp.",
            "at dinner he moves his food around with his fork until his mum stops watching.",
        ),
        (
            "You're freezing all the time now, even in the library with the heating on.",
            "You break the cereal bar into eight bits and eat two of them on the walk to class.",
            "In the shower you put your hands on your hip bones, the way you do every morning now.",
        ),
        (
            "The rules are simple. No eating after five.",
            "She carries her tray back still full and tells the dinner lady she had a big breakfast.",
        ),
    ],
)
def test_an_eating_disorder_told_by_what_is_done_with_food(paragraphs: tuple[str, ...]) -> None:
    assert "eating-disorder" in scene_ids(*paragraphs)


@pytest.mark.parametrize(
    "paragraphs",
    [
        # one weak sign alone
        ("Grandad cut the birthday cake into twenty slices and ate two of them before anyone sang.",),
        ("The hut had no heating, and we were cold all the time that winter in the mountains.",),
        # the same shapes about something else
        ("The paramedic knelt by the dog, put his hand on her ribs and felt them rise.",),
        ("Her lips were blue when they pulled her out of the lake, and her hands were blue too.",),
        ("He put his hands on her hip bones and pulled her closer on the dance floor.",),
        ("Mum cut the pizza into eight slices and we ate all of them.", "No snacks after dinner, she said."),
    ],
)
def test_one_sign_or_another_body_is_no_eating_disorder(paragraphs: tuple[str, ...]) -> None:
    assert "eating-disorder" not in scene_ids(*paragraphs)


# Change 2: addiction told by the bottle: what drink or drugs took from a family ("the bottle took
# him", "we lost her to heroin"; alone, 1.0), and weak signs (0.5) that add up in a scene: a
# bottle kept hidden, poured down the sink by someone else, a clean streak, going to one's meetings.
@pytest.mark.parametrize(
    "paragraphs",
    [
        ("At the wake his uncle said it plainly: the bottle took him in the end, and nobody could stop it.",),
        ("We lost my brother to heroin the winter I turned twenty.",),
        ("Aunt Ros drank herself to death in that flat, and the family still calls it her nerves.",),
        ("Every Sunday she found the vodka her dad kept behind the boiler and tipped it down the sink.",),
        (
            "Marco is proud of his clean streak, and he has every right to be.",
            "He still goes to his meetings on Thursdays, in the church hall with the bad coffee.",
        ),
    ],
)
def test_addiction_told_by_the_bottle(paragraphs: tuple[str, ...]) -> None:
    assert "addiction" in scene_ids(*paragraphs)


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("The milk had turned, so she poured it down the sink and opened a new carton.",),
        ("The whisky he kept in the cabinet was only for guests at Christmas.",),
        ("The drink took him by surprise: it was far stronger than it looked.",),
        ("We lost him to the crowd at the station and found him again by the ticket machines.",),
        ("She goes to her meetings on Mondays and Wednesdays, and hates every one of them.",),
    ],
)
def test_one_sign_or_an_idiom_is_no_addiction(paragraphs: tuple[str, ...]) -> None:
    assert "addiction" not in scene_ids(*paragraphs)


# Change 3: transphobia told by the name and title used against someone ("that isn't my name"
# beside the register or a birth name, 0.6; a legal name used or records "not updated", 0.5;
# "sir - sorry, ma'am", 0.5; called in "by the boy's name", 1.0), and homophobia told by being
# shunned in a changing room or on a team beside a coming out (1.0).
@pytest.mark.parametrize(
    ("category", "paragraphs"),
    [
        (
            "transphobia",
            (
                "'That isn't my name,' Robin told the supply teacher. 'It's Robin. Check the register.'",
                "'Your official records haven't been updated,' she said, 'so I'll go by what's here.'",
            ),
        ),
        ("transphobia", ("At every family dinner her grandfather called her by the boy's name, and laughed.",)),
        (
            "transphobia",
            (
                "'Next, please. Yes, sir — sorry, ma'am,' the clerk said, and looked her up and down.",
                "He went on using her legal name on every form, though she had asked him twice.",
            ),
        ),
        (
            "homophobia",
            (
                "After he came out, the lads on his team waited until he'd left to get changed, "
                "and nobody would sit next to him on the coach.",
            ),
        ),
    ],
)
def test_a_name_a_title_or_a_changing_room(category: str, paragraphs: tuple[str, ...]) -> None:
    assert category in scene_ids(*paragraphs)


@pytest.mark.parametrize(
    ("category", "paragraphs"),
    [
        ("transphobia", ("'That's not my name,' laughed the barista, pointing at the cup that said Jonh.",)),
        (
            "transphobia",
            ("Her official documents haven't been changed since the wedding, so the bank still writes to Ms Hale.",),
        ),
        ("transphobia", ("The teacher called him by his full name, Jonathan Peter, when he was in trouble.",)),
        ("homophobia", ("Nobody would sit next to him on the coach after he ate the egg sandwiches.",)),
    ],
)
def test_a_name_mixed_up_or_a_seat_kept_free_is_no_prejudice(category: str, paragraphs: tuple[str, ...]) -> None:
    assert category not in scene_ids(*paragraphs)


# Change 4: a blow told by what the body hits and how it marks (violence, 0.5: a head or shoulder
# hitting the wall or door frame, a grip until the bones grind, a wrist turning purple), beside
# a shove; a death told by the hands of those left (death, 0.6: closing someone else's eyes,
# burying eleven people, putting her in the ground).
@pytest.mark.parametrize(
    ("category", "paragraphs"),
    [
        (
            "violence",
            (
                "He shoved her back against the cupboards, hard.",
                "By the morning her wrist was turning purple.",
            ),
        ),
        (
            "death",
            (
                "When it was over, she closed his eyes and sat with him until it was light.",
                "That week we buried seven people under the orchard wall.",
            ),
        ),
        (
            "death",
            (
                "After the flood the villagers buried twelve people on the hill above the church.",
                "I closed her eyes myself, because nobody else would.",
            ),
        ),
    ],
)
def test_a_blow_or_a_death_told_by_what_follows(category: str, paragraphs: tuple[str, ...]) -> None:
    assert category in scene_ids(*paragraphs)


@pytest.mark.parametrize(
    ("category", "paragraphs"),
    [
        ("violence", ("His shoulder hit the door frame as he carried the sofa in.",)),
        ("violence", ("She squeezed the lemon until the juice ran down her wrist.",)),
        ("death", ("She closed her eyes and let the sun warm her face.",)),
        ("death", ("He closed her eyes with a kiss, and she laughed at him.",)),
        ("death", ("We buried the time capsule under the oak in the school field.",)),
    ],
)
def test_a_knock_or_closed_eyes_alone_is_no_warning(category: str, paragraphs: tuple[str, ...]) -> None:
    assert category not in scene_ids(*paragraphs)


# Change 5: a slur shouted without being written: "shouted a word", "yelled the word at him",
# beside "the one that's been shouted at every boy who ..." (abusive-language, near, 1.0).
@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "In the away end somebody chanted a word, the one that's been chanted at every lad who ever cried at school.",
        ),
        ("From the back of the bus a boy hissed a word, the one they'd spat at her all through Year 8.",),
    ],
)
def test_a_slur_shouted_and_not_written(paragraphs: tuple[str, ...]) -> None:
    assert "abusive-language" in scene_ids(*paragraphs)


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("The coach shouted a word of warning, and we all ducked as the ball flew past.",),
        ("He called the word out at the spelling bee, and everyone knew the word was wrong.",),
    ],
)
def test_a_word_shouted_is_not_always_a_slur(paragraphs: tuple[str, ...]) -> None:
    assert "abusive-language" not in scene_ids(*paragraphs)
