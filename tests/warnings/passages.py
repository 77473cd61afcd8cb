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
    chapter = Chapter(1, None, [Scene([text])])
    return scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared()).detected_ids()
