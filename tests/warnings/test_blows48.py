"""Violence told through its blows: the body that lands them, the body that takes them, and what only
a beating leaves (forty-eighth session, blows48; /work/scratch/s48/docs/blows48.md).

Every text is written for the test, in general words and the registers fan fiction uses. Each warning
case failed before its change; each twin (a gig, a playful punch, a dentist, a fall, a sport, a film, a
kiss, a puppy's bath, a hand held) stays clean.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.matcher import real_rules
from bot.warnings.model import Ruleset
from bot.warnings.phrases import compile_phrase
from bot.warnings.rules import default_ruleset, rules_from_json
from tests.warnings.passages import ids

# A blow told by what lands it (a fist, a knee, the back of a hand, a bottle) and where, beside what
# only violence leaves (a split lip, ringing ears, the world gone white, blood in the teeth); a beating
# with whatever was to hand; held under water; a hand held to a hot plate; hit where it won't show;
# the old cover story beside the bruises.


@pytest.mark.parametrize(
    "text",
    [
        "the big one held him while the other put a fist into him, again and again, until he folded and "
        "coughed blood onto the lino.",
        "she got an elbow into the first one and a knee into the next, and then something hit the back of her "
        "skull and the world went white.",
        "the back of his hand, then the doorframe, and her ears ringing for an hour after.",
        "the overseer beat both of them with a leather strap in front of the whole yard.",
        "somebody hit him with something heavy and he went down, blood in his teeth.",
        "the bouncer took a bottle to the side of the head and went down with his nose pouring.",
        "they pushed his face into the horse trough and kept it there.",
        "he pressed her palm flat against the hotplate and held it there while she screamed.",
        "the boss only ever hits her where it doesn't show.",
        "she told the nurse she'd walked into a door. the bruises on her upper arms were shaped like fingers.",
    ],
)
def test_blows_and_what_they_leave_warn(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a playful punch after a gig
        "he punched me on the arm and laughed, and my ears were still ringing from the gig.",
        # a joke with a menu
        "she playfully smacked him with a menu; he pretended to have a concussion and fell off his stool.",
        # ringing ears and a black eye from a hostel bunk
        "my ears were ringing after the fireworks, and i had a black eye from walking into the bunk bed.",
        # a forehead against a forehead
        "he rested his forehead against hers and closed his eyes.",
        # a pillow fight
        "the kids had a pillow fight and tom hit his brother so hard with a pillow that they both fell off the "
        "bed laughing.",
        # a kick in a karate class
        "at karate class she took a kick to the ribs from her sparring partner and bowed.",
        # a film's sugar tooth
        "in the film the hero took a punch to the jaw and spat out a tooth made of sugar.",
        # a cherry stone
        "she spat out a cherry stone and wiped her chin.",
        # a puppy's bath
        "they held the puppy under the warm tap until it stopped squirming, then wrapped it in a towel.",
        # a hand held on a table
        "he held her hand on the table and said he loved her.",
        # a low beam
        "he stretched and hit his head on the low beam and saw stars for a second.",
        # a kick under the table and a wisdom tooth
        "she kicked him under the table, and he tried not to laugh, his cheek swollen from the wisdom tooth.",
        # a shove into a green room after a show, ears ringing
        "after the encore she shoves him into the green room, both of them soaked, ears ringing, laughing.",
        # a gap-toothed grin and a cheer at a hockey game
        "your sister screams hit him again from the stands, and the player grins with the gap where he lost a tooth.",
    ],
)
def test_blows_twins_stay_clean(text: str) -> None:
    assert "violence" not in ids(text)


# A frame of play silences its category's hits nearby; a sign of real harm in the hit's own paragraph
# (``real`` in a category of the rules file: broken ribs, the infirmary, stitches, blood pouring from a
# nose, a bottle thrown from the stands) keeps them, so a real fight in a game or a sport is violence.


@pytest.mark.parametrize(
    "text",
    [
        "the card game ended with him kicking the dealer in the face until she stopped moving. she spent a "
        "week in the infirmary.",
        "at game night he lost at monopoly and kicked his brother in the ribs, again and again: three broken ribs "
        "and a punctured lung.",
        "the referee never saw it: the winger drove his elbow into her face, blood pouring from her nose onto "
        "the pitch.",
        "at the final whistle a bottle came over the barrier and hit the keeper on the side of the head.",
    ],
)
def test_a_real_fight_in_a_game_or_a_sport_warns(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a stage fight, an injury denied
        "in the stage fight he punched her in the face on every show, and nobody needed stitches.",
        # a boxing class
        "at the boxing gym she punched him in the face in the second round, and the bell rang.",
        # a video game's boss
        "the final boss kicked him in the face and he respawned at the save point.",
        # a tackle in a match
        "the referee waved play on after he tackled the striker to the ground.",
    ],
)
def test_play_without_real_harm_stays_clean(text: str) -> None:
    assert "violence" not in ids(text)


def test_a_sign_of_real_harm_keeps_only_the_hits_of_its_own_paragraph() -> None:
    """The engine's rule, with a category's signs written here: the sign of play silences the hit
    beside it, the sign of real harm in the same paragraph keeps it, and in the next paragraph it
    does not."""
    rules = default_ruleset()
    categories = dict(rules.categories)
    categories["violence"] = replace(categories["violence"], frames=(r"\bwargames?\b",), real=(r"\bgauze\b",))
    ruleset = Ruleset(rules.taxonomy, rules.rules, categories, rules.negation)
    assert [rule.id for rule in real_rules(ruleset) if rule.category == "violence"] == ["violence/real"]

    def found(*paragraphs: str) -> set[str]:
        chapter = Chapter(1, None, [Scene(list(paragraphs))])
        return scan(Story(StoryMeta("t"), [chapter], "txt"), ruleset, declared=Declared()).detected_ids()

    blow = "In the wargame he beat him with a club until he stopped moving."
    assert "violence" in found("He beat him with a club until he stopped moving.")
    assert "violence" not in found(blow)
    assert "violence" in found(blow + " They used up all the gauze.")
    assert "violence" not in found(blow, "They used up all the gauze.")
    assert "violence" not in found(blow + " There was no gauze.")  # a sign denied is none


def test_a_rules_file_gives_a_category_signs_of_real_harm() -> None:
    """``real`` is read like ``frames``: phrases, added to the shipped category's, in the fingerprint."""
    document = {"categories": {"violence": {"real": ["gauze and tape"]}}}
    extended = rules_from_json(json.dumps(document).encode())
    shipped = default_ruleset().category_rules("violence").real
    assert extended.category_rules("violence").real == (*shipped, compile_phrase("gauze and tape"))
    assert extended.fingerprint != default_ruleset().fingerprint
