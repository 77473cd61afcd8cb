"""Everyday sentences read as harms (forty-eighth session, prec48).

Each family is a rule whose shape also takes an everyday sense: a defence of women read as
sexism, a pub refusing a drunk read as racism, a war target list ending in a bare "the", a war
named as the time a habit comes from, a war retold by a guide or a teacher, a device that "died",
a song that "makes me want to die". Each is narrowed in the rules (an ``unless``, a category's
``exclude``, a frame), and each keeps harmful twins that must still warn. Every passage is new
short text written for these tests.
"""

from __future__ import annotations

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset
from tests.warnings.passages import ids


def scene_ids(*paragraphs: str) -> set[str]:
    """The confident warnings of one scene of several paragraphs."""
    chapter = Chapter(1, None, [Scene(list(paragraphs))])
    return scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared()).detected_ids()


# A defence of women: what a woman should be able, allowed or free to do, what she should never have to.
WOMEN_DEFENDED = [
    "A woman should be able to walk home at night without being followed.",
    "A girl should be allowed to wear what she likes and not be harassed for it.",
    "A woman should never have to choose between her job and her kids, Mum said.",
    "A woman should be paid the same as the man at the next desk, full stop.",
    "A daughter should never be made to feel she's worth less than her brothers.",
    "Girls shouldn't be afraid to put their hand up in maths, Ms Adeyemi told the governors.",
    "A girl should not be judged by how short her skirt is, the head girl said in assembly.",
    # Where women belong, said of public life (the slogan's "the House and the Senate"): a defence too.
    "Women belong in parliament, she told the debating society, and in every boardroom in the country.",
    "A woman's place is in the House and the Senate, read the badge on Gran's coat.",
    "More women should be in charge of the lab, the dean said, and she meant it.",
]
WOMEN_DIMINISHED = [
    "A woman should not be allowed to vote, he said, her head is too full of feelings.",
    "A good wife should never answer back to her husband, my grandfather said.",
    "A respectable girl should never be seen in the pub after dark, Aunt Maud said.",
    "Women shouldn't be engineers, the foreman said, and gave the job to the lad.",
    "A proper lady should know her place and keep her opinions to herself.",
    "Women belong in the kitchen, not in parliament, he said, and the table laughed.",
    "A woman's place is in the home, the preacher said, and the congregation nodded.",
]


@pytest.mark.parametrize("text", WOMEN_DEFENDED)
def test_a_defence_of_women_is_no_sexism(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize("text", WOMEN_DIMINISHED)
def test_what_a_woman_should_not_be_allowed_is_still_sexism(text: str) -> None:
    assert "sexism" in ids(text)


# "We don't serve your sort": a refusal of someone's kind is racism when a sign of race is beside it.
REFUSED_FOR_CONDUCT = [
    "Sorry lads, we don't serve your sort in here, not after the state you were in last Friday.",
    "We don't want your lot in here, you're drunk and you've already broken a glass.",
    "We don't have your sort in here, the landlord said, looking at the stag party's inflatable.",
    "Not tonight, lads. We don't serve your sort after last time, and the big one's still wearing a traffic cone.",
    "We don't want your lot in here, the landlady said to the rugby team, you wrecked the toilets at Christmas.",
]
REFUSED_FOR_RACE = [
    "We don't serve your kind here, he said, and looked at the colour of my skin.",
    "We don't rent to your sort, she said, once she heard my accent and saw my headscarf.",
    "We don't serve your kind here, boy. Sign's on the door: whites only.",
    "\"We don't rent to your type,\" the landlord said, once he'd heard her accent on the phone.",
    "The hotel manager looked at our passports. \"We don't have your sort here. Try the hostel by the station, "
    'they take foreigners."',
]


@pytest.mark.parametrize("text", REFUSED_FOR_CONDUCT)
def test_a_refusal_for_conduct_is_no_racism_nor_abuse(text: str) -> None:
    found = ids(text)
    assert "racism" not in found
    assert "abusive-language" not in found


@pytest.mark.parametrize("text", REFUSED_FOR_RACE)
def test_a_refusal_beside_a_sign_of_race_is_still_racism(text: str) -> None:
    assert "racism" in ids(text)


# The bombing rule's targets: a bomb or a shell before "the" anything was a raid.
EVERYDAY_BOMB_BEFORE_THE = [
    "The new album is the bomb, the whole thing, start to finish.",
    "He was a shell of the man he used to be after the divorce, Dad said.",
    "My essay bombed so hard the teacher wrote a question mark on the front.",
    "They shelled pistachios on the sofa and left the shells in the cushions.",
    "He dropped the bomb on the group chat that he was moving to Leeds, then went offline.",
    "The shell of the old car sat rusting at the bottom of the garden.",
]
RAIDS_ON_A_PLACE = [
    "The bombers flattened the harbour in a single night, and the ships burned at anchor till morning.",
    "They shelled the bridge for two days before the first tanks crossed it.",
    "Artillery pounded the station until there was nothing left of the platforms.",
    "The planes bombed the village at dawn, and by noon the school was rubble.",
]


@pytest.mark.parametrize("text", EVERYDAY_BOMB_BEFORE_THE)
def test_a_bomb_or_shell_before_the_is_no_raid(text: str) -> None:
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize("text", RAIDS_ON_A_PLACE)
def test_a_raid_on_a_place_is_still_found(text: str) -> None:
    assert "collective-violence" in ids(text)


# A war as the time a habit comes from: rationing, a recipe, thrift "from the war".
WAR_AS_A_TIME = [
    "She smoked one cigarette a day, no more, a rule from the rationing years during the war, she said.",
    "She lit a cigarette and said they'd had it worse during the war, with the rationing and the queues.",
    "The cigarettes were rationed during the war, Grandpa said, so he learned to make one last an hour.",
]
WAR_SHOWN = [
    "During the war the bombers came every night, and we slept in the tube station with the whole street.",
    "The war reached our valley in March; the soldiers burned the mill and shot the miller's sons.",
]


@pytest.mark.parametrize("text", WAR_AS_A_TIME)
def test_a_war_named_as_a_time_is_no_war_shown(text: str) -> None:
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize("text", WAR_SHOWN)
def test_a_war_shown_is_still_found(text: str) -> None:
    assert "collective-violence" in ids(text)


# History told as history: a guide, a plaque, a quiz, a lesson.
HISTORY_RETOLD = [
    "A lot of soldiers died in that war, the guide said, and then she pointed us to the gift shop.",
    "The plaque by the bridge says forty men were killed here in 1916 holding the crossing.",
    "Question seven: which city was bombed on the fourteenth of November 1940? Our team wrote Coventry and "
    "got the point. Quiz answer sheets in by nine.",
    "In history today Mr Okafor told us about the trenches, and how thousands of soldiers were killed on the "
    "first day of the Somme. Then we had to write a paragraph about it for homework.",
    "Our teacher told us the soldiers burned the village and killed everyone in the church, and then the bell "
    "went for lunch.",
]
WAR_IN_THE_STORY = [
    "The soldiers burned the village and killed everyone in the church, and we watched the smoke from the hill.",
    "Our guide was a boy of fourteen who knew the paths. Behind us the soldiers opened fire on the column, and "
    "the woman beside me fell and did not get up.",
]


@pytest.mark.parametrize("text", HISTORY_RETOLD)
def test_history_retold_is_not_the_storys_war(text: str) -> None:
    found = ids(text)
    assert "collective-violence" not in found
    assert "death" not in found


@pytest.mark.parametrize("text", WAR_IN_THE_STORY)
def test_a_war_in_the_story_is_still_found(text: str) -> None:
    found = ids(text)
    assert "collective-violence" in found
    assert "death" in found


# A device that "died", named in the paragraph before.
DEVICE_DIED = [
    ("My phone was on two percent the whole way home.", "It died just as I reached the bus stop, of course."),
    (
        "The laptop had been making that whirring noise for weeks.",
        "On Sunday it finally died, and took my essay with it.",
    ),
    (
        "The torch batteries were from the drawer of mystery batteries.",
        "It died in the tunnel and we felt our way out.",
    ),
    (
        "The van had two hundred thousand miles on it and a door held on with tape.",
        "It died on the motorway and we sat on the verge eating crisps until the tow truck came.",
    ),
    ("Dad's old radio crackled through the whole match.", "Then the stupid thing died with ten minutes left."),
]
PERSON_DIED = [
    ("Her grandfather had been ill all winter.", "He died in the night, with her mother holding his hand."),
    ("The old dog lay by the fire all week.", "Grandma died on the Sunday, and nobody told the dog."),
]


@pytest.mark.parametrize("paragraphs", DEVICE_DIED)
def test_a_device_that_died_is_no_death(paragraphs: tuple[str, str]) -> None:
    assert "death" not in scene_ids(*paragraphs)


@pytest.mark.parametrize("paragraphs", PERSON_DIED)
def test_a_person_who_died_is_still_a_death(paragraphs: tuple[str, str]) -> None:
    assert "death" in scene_ids(*paragraphs)


# Hyperbole: a song, an exam, a cringe memory or a spoiler that "makes me want to die".
SUICIDE_HYPERBOLE = [
    "This song makes me want to die, in the best way, I've had it on repeat since Tuesday.",
    "The chemistry exam is tomorrow and I haven't opened the book, I'm going to kill myself.",
    "Remembering what I said to my crush at prom makes me want to die every single time.",
    "if anyone spoils the finale before I get home i will literally kill myself",
    "My crush liked my selfie from 2019 and now I want to die.",
    "ngl the finale made me want to kill myself, the writers did her so dirty",
]
SUICIDE_MEANT = [
    "I'm going to kill myself, she said quietly, and she meant it; she'd been planning it for weeks.",
    "Sometimes I want to die. Not in a dramatic way, I just want it all to stop.",
    "I don't want to be here anymore. I've been giving my things away and I wrote the letters last night.",
]


@pytest.mark.parametrize("text", SUICIDE_HYPERBOLE)
def test_trivial_hyperbole_is_no_suicide(text: str) -> None:
    assert "suicide" not in ids(text)


@pytest.mark.parametrize("text", SUICIDE_MEANT)
def test_meant_ideation_is_still_suicide(text: str) -> None:
    assert "suicide" in ids(text)


# Causes found on the read sets' flagged warning-free passages: food that is "dead", torture as a
# simile or a castle's exhibit, animals in captivity, a fever that is a disease.
EVERYDAY_FROM_FREE_PASSAGES = [
    ("death", "mum: he's fine, the sausages are dead"),
    ("death", "The avocados were dead by Thursday, brown all the way through, so we had toast."),
    ("death", "Dad burnt the burgers again. The burgers are dead, he announced, and ordered pizza."),
    ("violence", "He handed over his homework with a face like he was being tortured."),
    ("violence", "The castle tour ended in the torture chamber exhibit, which the kids found disappointing."),
    ("kidnapping", "The keeper said the otters born in captivity never learn to crack shellfish properly."),
    ("kidnapping", "Our debate motion: animals suffer in captivity. I was on the opposing side."),
    ("sexism", "During the yellow fever outbreaks of the eighteen-hundreds, whole streets were buried in a month."),
    (
        "collective-violence",
        "The Marshall House had been a hospital during the Civil War, and guests still hear footsteps.",
    ),
    ("racism", "At the zoo the kids made monkey noises at the chimps until the keeper shushed them."),
    (
        "kidnapping",
        "We watched the film where the gunman takes the bank staff hostage and demands a ransom, and I ate all the popcorn.",
    ),
    (
        "kidnapping",
        "Friday night: rewatching the heist movie where they hold the whole casino hostage for a ransom of ten million.",
    ),
]
HARM_BESIDE_THE_SAME_WORDS = [
    ("death", "The soldiers were dead by Thursday, all of them, lying in the ditch."),
    ("violence", "He was tortured for days in the cellar, and they pulled out two of his fingernails."),
    ("kidnapping", "They kept her in captivity for three years in a cellar under the garage."),
    ("sexism", "He's got a bad case of yellow fever, Dan said, every girlfriend he's had since uni has been Korean."),
    (
        "collective-violence",
        "In the Second World War the bombers flattened the docks and three hundred people died in one night.",
    ),
    ("racism", "The away fans made monkey noises at our striker every time he touched the ball."),
    ("kidnapping", "They held the bank staff hostage for nine hours and demanded a ransom for the manager."),
]


@pytest.mark.parametrize(("category", "text"), EVERYDAY_FROM_FREE_PASSAGES)
def test_an_everyday_sense_found_on_free_passages_is_clean(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), HARM_BESIDE_THE_SAME_WORDS)
def test_the_harm_beside_the_same_words_is_still_found(category: str, text: str) -> None:
    assert category in ids(text)
