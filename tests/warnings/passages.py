"""One passage scanned as a story of one scene: what the figurative and frame tests ask of the rules.

The shipped rules, no declared warnings, the confident tier: what a member would be shown for a
chapter that is only this paragraph.
"""

from __future__ import annotations

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset


def ids(text: str) -> set[str]:
    """The confident warnings the shipped rules detect in ``text`` as a one-paragraph story."""
    return story_ids([[text]])


def story_ids(*chapters: list[list[str]]) -> set[str]:
    """The confident warnings of a story of these chapters, each a list of scenes (paragraph lists):
    the whole-story tests' one way to build a story, so a frame's reach across scenes and chapters is
    measured as an upload is."""
    built = [
        Chapter(number, None, [Scene(list(scene)) for scene in scenes]) for number, scenes in enumerate(chapters, 1)
    ]
    return scan(Story(StoryMeta("t"), built, "txt"), default_ruleset(), declared=Declared()).detected_ids()
