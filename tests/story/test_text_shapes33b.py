"""Plain-text shapes whose author's warnings were lost (the thirty-third session's second probe):

- a Tumblr text post copied as text: a lower-case "title | a short fic" over a block of fields
  ("pairing: ..." / "wc: ..." / "warnings: ...") with the blog's links line among them
  ("masterlist | ao3 | ko-fi") was all story text, its warnings lost;

Each is paired with the prose that looks like it and must stay story text.
"""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts

TEXT = "The tide came in over the causeway twice a day, and twice a day the postman waited on the far side."
MORE = "In winter he stopped waiting and learned to row, badly at first and then rather well."


def read(text: str, name: str = "story.txt") -> Story:
    return import_story(text.encode(), name, max_bytes=1 << 20)


def ids(texts: list[str]) -> set[str]:
    return set(map_texts(texts).ids)


def story_text(story: Story) -> str:
    return "\n".join(
        paragraph for chapter in story.chapters for scene in chapter.scenes for paragraph in scene.paragraphs
    )


# A Tumblr text post copied as text.

TUMBLR_POST = (
    "the postman of the causeway | a short fic\n\n"
    "pairing: none, gen\nwc: 900\nwarnings: major character death, grief\nmasterlist | ao3 | ko-fi\n\n"
    f"{TEXT}\n\n{MORE}\n"
)


def test_tumblr_post_title_over_its_fields_declares() -> None:
    story = read(TUMBLR_POST)
    assert story.meta.title == "the postman of the causeway"
    assert {"death", "grief"} <= ids(story.meta.declared_warnings)
    assert not any("masterlist" in warning for warning in story.meta.declared_warnings)
    text = story_text(story)
    assert text.startswith(TEXT)
    assert "masterlist" not in text and "pairing" not in text


def test_tumblr_post_fields_without_links_line() -> None:
    story = read(
        f"the postman of the causeway\n\npairing: none, gen\nwarnings: major character death\n\n{TEXT}\n\n{MORE}\n"
    )
    assert story.meta.title == "the postman of the causeway"
    assert "death" in ids(story.meta.declared_warnings)


def test_lower_case_line_over_one_field_stays_text() -> None:
    """A story's opening line over a single "Note: ..." line is no title over a header."""
    story = read(f"the tide was late that day\n\nNote: the causeway was closed\n\n{TEXT}\n\n{MORE}\n")
    assert story.meta.title != "the tide was late that day"
    assert "the tide was late that day" in story_text(story)


def test_blog_links_in_prose_stay_text() -> None:
    """The words of a blog's links in a sentence are the story's."""
    line = "She posted it to tumblr, then to ao3, and then she deleted both."
    story = read(f"The Causeway\n\n{TEXT}\n\n{line}\n\n{MORE}\n")
    assert line in story_text(story)
