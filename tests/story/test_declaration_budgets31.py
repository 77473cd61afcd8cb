"""A file of declarations over and over, each one different ("TW: blood 17", "TW: blood 18", ...),
took minutes to import: every declaration was kept, and each new one was checked against all the
others kept before it, so the work grew with the square of their number (20,000 took 6 s of CPU,
250,000 did not finish in ten minutes). The header was also read to the end of the file, every
paragraph through every check a header has. Now a story keeps its first declarations once each,
the author's words for one warning are a few, and the header ends where any real one has."""

from __future__ import annotations

from bot.story import limits
from bot.story.importer import import_story
from bot.story.limits import MAX_DECLARATIONS
from bot.story.model import Story
from bot.story.preamble import PREAMBLE_ITEMS
from bot.warnings.declared import DECLARED_TEXTS_KEPT, UNMAPPED_KEPT, map_texts
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset

STORY = "She walked into the lake and the water was cold."


def read(text: str) -> Story:
    return import_story(text.encode(), "story.txt", max_bytes=4 << 20)


def test_a_warning_keeps_a_few_of_the_authors_words_for_it() -> None:
    declared = map_texts(f"TW: blood {number}" for number in range(5000))
    assert set(declared.ids) == {"blood-gore"}
    assert declared.ids["blood-gore"] == [f"TW: blood {number}" for number in range(DECLARED_TEXTS_KEPT)]


def test_declarations_that_match_nothing_are_kept_once_each_and_a_few() -> None:
    texts = ["TW: Zorblax", "tw: zorblax"] + [f"TW: zorblax {number}" for number in range(5000)]
    declared = map_texts(texts)
    assert declared.unmapped[0] == "Zorblax"
    assert len(declared.unmapped) == UNMAPPED_KEPT
    assert len({text.lower() for text in declared.unmapped}) == UNMAPPED_KEPT


def test_a_story_keeps_its_first_declarations_once_each() -> None:
    lines = "".join(f"TW: blood {number}\n\n" for number in range(MAX_DECLARATIONS + 300))
    story = read(f"Title: The Lake\n\nTW: blood 0\n\n{lines}Chapter 1\n\n{STORY}\n")
    kept = story.meta.declared_warnings + [text for chapter in story.chapters for text in chapter.declared_warnings]
    assert kept[:3] == ["TW: blood 0", "TW: blood 1", "TW: blood 2"]
    assert len(story.meta.declared_warnings) <= MAX_DECLARATIONS
    assert all(len(chapter.declared_warnings) <= MAX_DECLARATIONS for chapter in story.chapters)
    assert len(set(story.meta.declared_warnings)) == len(story.meta.declared_warnings)
    report = scan(story, default_ruleset())
    blood = next(warning for warning in report.warnings if warning.id == "blood-gore")
    assert blood.source in {"declared", "both"}
    assert len(blood.declared_as) <= DECLARED_TEXTS_KEPT


def test_many_different_declarations_cost_what_a_few_do() -> None:
    """Counted, not timed: the texts the scan's mapping keeps stay a few however many the file has."""
    lines = "".join(f"TW: blood {number}\n\n" for number in range(3000))
    story = read(f"The Lake\n\n{lines}{STORY}\n")
    report = scan(story, default_ruleset())
    every = [text for warning in report.warnings for text in warning.declared_as]
    assert 0 < len(every) <= DECLARED_TEXTS_KEPT
    assert story.chapters[-1].paragraphs[-1] == STORY


def test_a_header_ends_where_any_real_one_has() -> None:
    """Past the first PREAMBLE_ITEMS items nothing is read as the header: what follows is the story."""
    fields = "".join(f"Rating: T{number}\n\n" for number in range(PREAMBLE_ITEMS + 50))
    story = read(f"Title: The Lake\n\n{fields}{STORY}\n")
    text = [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]
    assert text[-1] == STORY
    assert f"Rating: T{PREAMBLE_ITEMS + 10}" in text


def test_the_line_budget_leaves_room_for_a_long_novel() -> None:
    """A novel of the largest default upload, hard-wrapped at 70 characters as Project Gutenberg
    sets its books, fits under the line limit with its blank lines."""
    wrapped_lines = (4 << 20) // 71
    paragraphs = wrapped_lines // 5
    assert wrapped_lines + paragraphs < limits.MAX_LINES
