"""Whole stories, not passages: how evidence is weighed over a long chapter and a whole story
(forty-first session; docs/warnings-eval.md, "Whole stories (round 41)").

Every text here is new and synthetic (a ferry crossing to an island, written for these tests),
not taken from a set or from the round's twelve whole stories.
"""

from __future__ import annotations

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared, map_texts
from bot.warnings.engine import CONFIDENT, POSSIBLE, WINDOW_CHARS, ScanReport, scan
from bot.warnings.rules import default_ruleset

# About 2,300 characters of a quiet crossing: no rule's evidence, longer than one scene.
CROSSING = [
    "The ferry left the harbour at nine, and Corin stood at the rail with a paper cup of tea going cold in "
    "his hand, watching the town shrink to a row of painted fronts.",
    "His sister had packed sandwiches for the crossing, cheese and pickle, wrapped in wax paper and labelled "
    "in her square capitals as if he might forget which was which.",
    "Gulls followed the boat for a while and then gave up, one by one, peeling away towards the cliffs where "
    "the lighthouse stood white against a low grey sky.",
    "He read the same page of his novel four times, a chapter about a country house and a lost will, and "
    "took in none of it, because the sea kept catching his eye.",
    "Below deck a family played cards on a folding table, the youngest boy cheating openly and the "
    "grandmother pretending not to notice, which made everyone laugh.",
    "By eleven the island was a green smudge on the horizon, then a hill with sheep on it, then a quay with "
    "a van parked on it and a woman waving both arms.",
    "Corin waved back before he knew whether she was waving at him, and she was: his aunt Mairi, in a "
    "yellow coat, with the dog sitting patiently at her feet.",
    "They drove to the cottage along a single-track road with passing places every half mile, Mairi talking "
    "the whole way about the new bakery and the price of diesel.",
    "The cottage smelled of peat smoke and lavender, and his old room under the eaves still had the map of "
    "the stars he had stuck to the ceiling when he was nine.",
    "That evening they ate mussels from the bay with bread from the new bakery, and Mairi told him the "
    "bakery was run by two brothers who argued about rye all day.",
    "Afterwards they walked the dog along the shore in the long light, the tide out, the sand ribbed and "
    "shining, and neither of them said much, and it was good.",
    "He slept better than he had in months, with the window open and the sound of the water coming and "
    "going like someone breathing slowly in the next room.",
    "In the morning Mairi had already been out for eggs, and the kitchen was warm, and the radio was "
    "murmuring about shipping areas nobody in the house had ever seen.",
]
SICK = "Halfway across he was sick over the side, twice, and a deckhand brought him a bucket and a mint."
SICK_AGAIN = "On the drive he asked Mairi to stop the van and threw up again in the heather."


def report(*chapters: list[str], declared: Declared | None = None, notes: list[str] | None = None) -> ScanReport:
    story = Story(
        StoryMeta("crossing"),
        [
            Chapter(number, None, [Scene(paragraphs)], declared_warnings=list(notes or []) if number == 1 else [])
            for number, paragraphs in enumerate(chapters, start=1)
        ],
        "txt",
    )
    return scan(story, default_ruleset(), declared=declared or Declared())


def tier(result: ScanReport, warning_id: str) -> str | None:
    if warning_id in result.detected_ids(CONFIDENT):
        return CONFIDENT
    return POSSIBLE if warning_id in result.detected_ids(POSSIBLE) else None


def test_the_crossing_alone_has_no_evidence_and_is_longer_than_a_scene() -> None:
    assert sum(map(len, CROSSING)) > WINDOW_CHARS
    result = report(CROSSING)
    assert not result.warnings and not result.possible


def test_one_sentence_on_its_own_is_still_confident() -> None:
    """A passage, a drabble: the one paragraph is all there is, so it is the scene."""
    assert tier(report([SICK]), "vomit") == CONFIDENT


def test_one_paragraph_in_a_long_chapter_and_nowhere_else_is_possible() -> None:
    """One sentence in a chapter longer than a scene, said nowhere else in the story: a stray line
    (a hyperbole, an anecdote, a passing mention) far more often than a scene. Admins still see it."""
    result = report([*CROSSING[:6], SICK, *CROSSING[6:]])
    assert tier(result, "vomit") == POSSIBLE
    assert result.chapters[0].possible and not result.chapters[0].warnings


def test_the_same_story_cut_into_short_chapters_is_weighed_the_same() -> None:
    """The story's length counts, not the chapter's: five short chapters are the same text as one."""
    result = report(CROSSING[:3], CROSSING[3:6], [SICK], CROSSING[6:9], CROSSING[9:])
    assert all(chapter.chars < WINDOW_CHARS for chapter in result.chapters)
    assert tier(result, "vomit") == POSSIBLE


def test_a_second_paragraph_anywhere_in_the_story_keeps_it_confident() -> None:
    """Told twice, even a chapter apart, it is part of the story."""
    result = report([*CROSSING[:6], SICK, *CROSSING[6:]], [*CROSSING[:3], SICK_AGAIN])
    assert tier(result, "vomit") == CONFIDENT
    assert tier(report([*CROSSING[:6], SICK, SICK_AGAIN, *CROSSING[6:]]), "vomit") == CONFIDENT


def test_what_the_author_declares_keeps_its_evidence() -> None:
    """Declared in the story's tags or the chapter's notes: the author said so, detection agrees."""
    long_chapter = [*CROSSING[:6], SICK, *CROSSING[6:]]
    for result in (
        report(long_chapter, declared=map_texts(["Vomiting"])),
        report(long_chapter, notes=["Vomiting"]),
    ):
        warning = result.get("vomit")
        assert warning is not None and warning.source == "both" and warning.evidence
