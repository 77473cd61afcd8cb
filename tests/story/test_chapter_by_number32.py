"""A chapter an author names by its number ("chapter 3 contains self-harm", over the story or in a
chapter's note) was Dogear's third chapter: a "Prologue" before "Chapter 1" put the warning on the
chapter before the one it warns of. It goes to the chapter whose heading numbers it, where the
headings number chapters once each; otherwise (no numbers, or numbers counting again in each part)
to the chapter at that place, as before."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts

BODY = "The {0} was quiet that morning, and nobody on the street said a word about the night before.\n\n"


def read(text: str) -> Story:
    return import_story(text.encode(), "story.txt", max_bytes=1 << 20)


def warned(story: Story) -> dict[str, set[str]]:
    return {
        chapter.title or str(chapter.number): set(map_texts(chapter.declared_warnings).ids)
        for chapter in story.chapters
    }


def chapters(*headings: str) -> str:
    return "".join(f"{heading}\n\n{BODY.format(heading.lower())}" for heading in headings)


NUMBERED = ("Prologue", "Chapter 1: Reeds", "Chapter 2: Lock", "Chapter 3: Eels", "Epilogue")


def test_a_header_note_names_the_chapter_its_heading_numbers() -> None:
    story = read("Undertow\nby saltwaterink\n\nA/N: Heads up, chapter 3 contains self-harm.\n\n" + chapters(*NUMBERED))
    assert [chapter.title for chapter in story.chapters] == ["Prologue", "Reeds", "Lock", "Eels", "Epilogue"]
    assert warned(story)["Eels"] == {"self-harm"}
    assert warned(story)["Lock"] == set()


def test_an_end_note_names_the_chapter_its_heading_numbers() -> None:
    text = chapters(*NUMBERED).replace(
        "Chapter 3: Eels", "A/N: next week, chapter 3 contains a suicide attempt (not graphic).\n\nChapter 3: Eels"
    )
    story = read("Undertow\nby saltwaterink\n\n" + text)
    assert warned(story)["Eels"] == {"suicide"}
    assert warned(story)["Lock"] == set()


def test_a_chapter_no_heading_numbers_is_warned_of_nowhere() -> None:
    story = read("Undertow\nby saltwaterink\n\nA/N: chapter 9 contains self-harm.\n\n" + chapters(*NUMBERED))
    assert all(not ids for ids in warned(story).values())


def test_without_numbered_headings_the_chapter_at_that_place() -> None:
    text = "# Undertow\n\nA/N: chapter 2 contains self-harm.\n\n" + "".join(
        f"## {title}\n\n{BODY.format(title)}" for title in ("Reeds", "Lock", "Eels")
    )
    story = import_story(text.encode(), "story.md", max_bytes=1 << 20)
    assert warned(story)["Lock"] == {"self-harm"}


def test_numbers_counting_again_in_each_part_name_the_chapter_at_that_place() -> None:
    story = read(f"Undertow\nby saltwaterink\n\nA/N: chapter 3 contains self-harm.\n\n{in_parts(1, 2, 1, 2)}")
    assert [chapter.title for chapter in story.chapters] == ["Part One — Reeds", "Lock", "Part Two — Eels", "Weir"]
    assert list(warned(story).values()) == [set(), set(), {"self-harm"}, set()]


def test_numbers_counting_on_across_parts_name_the_chapter_they_number() -> None:
    story = read(f"Undertow\nby saltwaterink\n\nA/N: chapter 3 contains self-harm.\n\n{in_parts(1, 2, 3, 4)}")
    assert [chapter.title for chapter in story.chapters] == ["Part One — Reeds", "Lock", "Part Two — Eels", "Weir"]
    assert list(warned(story).values()) == [set(), set(), {"self-harm"}, set()]
    story = read(
        f"Undertow\nby saltwaterink\n\nA/N: chapter 2 contains self-harm.\n\nPrologue\n\n{BODY}{in_parts(1, 2, 3, 4)}"
    )
    assert list(warned(story).values()) == [set(), set(), {"self-harm"}, set(), set()]


def in_parts(*numbers: int) -> str:
    """Two parts of two chapters each, the chapters numbered ``numbers``."""
    first, second, third, fourth = (
        f"Chapter {n}: {title}" for n, title in zip(numbers, ("Reeds", "Lock", "Eels", "Weir"), strict=True)
    )
    return f"Part One\n\n{chapters(first, second)}Part Two\n\n{chapters(third, fourth)}"


def test_a_list_of_warnings_by_chapter_names_the_chapter_its_heading_numbers() -> None:
    listing = "CONTENT WARNINGS BY CHAPTER\nChapter 1: none\nChapter 2: blood, self-harm\nChapter 3: none\n\n"
    story = read(f"Undertow\nby saltwaterink\n\n{listing}" + chapters(*NUMBERED))
    assert [chapter.title for chapter in story.chapters] == ["Prologue", "Reeds", "Lock", "Eels", "Epilogue"]
    assert warned(story)["Lock"] == {"blood-gore", "self-harm"}
    assert warned(story)["Reeds"] == set()
