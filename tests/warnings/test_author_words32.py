"""An author's declaration that matches no warning, given in one chapter's note ("TW: drowning"
over chapter 2), showed as "The author also warns of: drowning" in every chapter's header: the
unmatched words were the story's list. A chapter's own words now show in that chapter's header
(and the story's everywhere, and all of them in the story's own view); a stored summary keeps
which chapters gave which, and one stored before says nothing of it, so its words stay story-wide."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import AUTHOR_WORDS_ID, Story
from bot.tools.preview import chapter_warnings
from bot.warnings.engine import WORD_CHAPTERS_KEPT, ScanReport, scan
from bot.warnings.rules import default_ruleset
from bot.warnings.service import notices

STORY = (
    "Undertow\nby saltwaterink\n\nWarnings: claustrophobia\n\n"
    "Chapter 1: The Crossing\n\nMira had run the ferry since she was twelve, and she knew the river's moods.\n\n"
    "Chapter 2: The Weir\n\nA/N: TW: drowning, CPR\n\nThe boat turned over at the weir and the water closed over them.\n\n"
    "Chapter 3: Dry Land\n\nHe stayed at the ferry house that winter and mended nets by the stove.\n"
)


def read(text: str = STORY) -> Story:
    return import_story(text.encode(), "undertow.txt", max_bytes=1 << 20)


def said(warnings: list) -> str | None:  # type: ignore[type-arg]
    return next((warning.label for warning in warnings if warning.id == AUTHOR_WORDS_ID), None)


def test_a_chapters_own_words_show_in_its_header_and_the_storys_in_every_one() -> None:
    shown = chapter_warnings(read())
    assert said(shown[1]) == "The author also warns of: claustrophobia"
    assert said(shown[2]) == "The author also warns of: claustrophobia; drowning; CPR"
    assert said(shown[3]) == "The author also warns of: claustrophobia"


def test_the_storys_own_view_and_the_scan_list_every_word() -> None:
    report = scan(read(), default_ruleset())
    assert report.declared_unmapped == ["claustrophobia", "drowning", "CPR"]
    assert said(notices(report, None)) == "The author also warns of: claustrophobia; drowning; CPR"
    assert report.unmapped_chapters == {"drowning": [2], "CPR": [2]}


def test_the_stored_record_and_summary_keep_which_chapter_gave_them() -> None:
    report = scan(read(), default_ruleset())
    for stored in (ScanReport.from_record(report.to_record()), ScanReport.from_summary(report.summary_record())):
        assert said(notices(stored, 1)) == "The author also warns of: claustrophobia"
        assert said(notices(stored, 2)) == "The author also warns of: claustrophobia; drowning; CPR"


def test_a_summary_stored_before_shows_its_words_on_every_chapter() -> None:
    summary = {"unwarned": False, "warnings": [], "not_english": [], "declared_unmapped": ["drowning"]}
    assert said(notices(ScanReport.from_summary(summary), 1)) == "The author also warns of: drowning"


def test_a_word_the_story_gives_too_is_the_storys() -> None:
    report = scan(read(STORY.replace("Warnings: claustrophobia", "Warnings: drowning")), default_ruleset())
    assert "drowning" not in report.unmapped_chapters
    assert said(notices(report, 3)) == "The author also warns of: drowning"


def test_a_word_given_in_many_chapters_is_the_storys() -> None:
    chapters = "".join(
        f"Chapter {n}: Day {n}\n\nA/N: TW: drowning\n\nThe river was high again and the ferry stayed tied up at the pier.\n\n"
        for n in range(1, WORD_CHAPTERS_KEPT + 3)
    )
    report = scan(read(f"Undertow\nby saltwaterink\n\n{chapters}"), default_ruleset())
    assert report.unmapped_chapters == {}
    assert said(notices(report, WORD_CHAPTERS_KEPT + 2)) == "The author also warns of: drowning"
