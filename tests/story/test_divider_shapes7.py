"""Scene dividers as word processors and e-book editors leave them: one centred glyph ("~", "◆",
"❖", "♥") between scenes is a divider in every format, and a short word set off with stars or
dashes ("*Sigh*", "-Bang-") is the story's, never a divider."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.story.structure import is_scene_break
from tests.story.builders import epub_bytes, xhtml

LIMIT = 1 << 20


def _scenes(story: Story) -> list[list[list[str]]]:
    return [[scene.paragraphs for scene in chapter.scenes] for chapter in story.chapters]


@pytest.mark.parametrize("glyph", ["~", "◆", "❖ ❖ ❖", "♥", "★", "🌸🌸🌸", "<><><>", "•"])
@pytest.mark.parametrize("name", ["story.txt", "story.md"])
def test_one_glyph_alone_between_scenes_is_a_divider(glyph: str, name: str) -> None:
    text = f"Chapter 1\n\nAsh fell on the city.\n\n{glyph}\n\nBelow, the people waited.\n\nChapter 2\n\nFire, then.\n"
    story = import_story(text.encode(), name, max_bytes=LIMIT)
    assert _scenes(story) == [[["Ash fell on the city."], ["Below, the people waited."]], [["Fire, then."]]]


def test_a_centred_glyph_in_an_epub_chapter_is_a_divider() -> None:
    chapter = '<h1>Chapter One</h1><p>Ash fell on the city.</p><p class="center">~</p><p>Below, the people waited.</p>'
    data = epub_bytes(
        [("c1.xhtml", xhtml(chapter)), ("c2.xhtml", xhtml("<h1>Chapter Two</h1><p>Fire, then.</p>"))],
        title="The Ember Queen",
        author="Lena Marsh",
    )
    story = import_story(data, "queen.epub", max_bytes=LIMIT)
    assert _scenes(story) == [[["Ash fell on the city."], ["Below, the people waited."]], [["Fire, then."]]]


@pytest.mark.parametrize("line", ["*Sigh*", "-Bang-", "*Run*", "~Yes~", "=Boom="])
def test_a_word_set_off_with_stars_or_dashes_is_text(line: str) -> None:
    assert not is_scene_break(line)


@pytest.mark.parametrize("name", ["story.txt", "story.md"])
def test_a_starred_sound_on_its_own_line_stays_in_the_story(name: str) -> None:
    text = "Chapter 1\n\nShe read the letter.\n\n*Sigh*\n\nThen she burned it.\n\n-Bang-\n\nThe door flew open.\n"
    story = import_story(text.encode(), name, max_bytes=LIMIT)
    (chapter,) = story.chapters
    assert len(chapter.scenes) == 1
    assert [paragraph.strip("*") for paragraph in chapter.paragraphs] == [
        "She read the letter.",
        "Sigh",
        "Then she burned it.",
        "-Bang-",
        "The door flew open.",
    ]


@pytest.mark.parametrize("reply", ["😭", "😭😭😭", "💀", "👍", "🙏", "☺"])
def test_a_face_or_a_hand_alone_is_a_reply_not_a_divider(reply: str) -> None:
    """In a texting scene a paragraph of "😭" is what a character sent: read as a divider, it was
    dropped from the story and split the scene."""
    text = f"Chapter 1\n\nhe sent the photo.\n\n{reply}\n\nshe laughed so hard she cried.\n"
    story = import_story(text.encode(), "story.txt", max_bytes=LIMIT)
    assert _scenes(story) == [[["he sent the photo.", reply, "she laughed so hard she cried."]]]
