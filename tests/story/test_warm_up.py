"""The worker's warm-up: what a fresh worker compiles before its first upload."""

from __future__ import annotations

import subprocess
import sys

from bot.story.importer import import_story
from bot.story.jobs import _WARM_UP_STORY


def test_the_warm_up_story_goes_down_the_declaration_and_note_paths() -> None:
    """The sample is there to compile the readers' lazy patterns: if it stopped declaring or
    holding a note, the first real upload would pay for them again."""
    story = import_story(_WARM_UP_STORY, "warm-up.txt", max_bytes=len(_WARM_UP_STORY))
    assert story.meta.declared_warnings == ["CW: character death"]
    assert [chapter.title for chapter in story.chapters] == ["A start"]
    assert story.chapters[0].notes == ["hello."]


def test_warm_up_fills_the_declared_vocabulary_caches() -> None:
    """In a fresh process, as a fork server runs it: the mapping and the cues are built once, there."""
    code = (
        "from bot.story.jobs import warm_up\n"
        "from bot.warnings.declared import declaration_cues, default_mapping\n"
        "assert default_mapping.cache_info().currsize == 0\n"
        "warm_up()\n"
        "print(default_mapping.cache_info().currsize, declaration_cues.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["1", "1"]
