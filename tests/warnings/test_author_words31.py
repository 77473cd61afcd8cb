"""What an author warns of that no category matches ("drowning", "near-death experience",
"claustrophobia") reached admins only, as "declared, not matched to a warning": the chapter's
header told members "Warnings: none declared or detected." under the author's own "Warnings:
drowning". Members now read those words, as the author's, wherever the warnings show; what a
declaration read too far leaves over ("referenced", "beyond the tags", a date) does not."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import AUTHOR_WORDS_ID
from bot.story.render import render_header
from bot.tools.preview import chapter_warnings
from bot.warnings.declared import author_words
from bot.warnings.engine import ScanReport, scan
from bot.warnings.rules import default_ruleset

STORY = (
    "Undertow\nby saltwaterink\n\nWarnings: drowning, near-death experience, CPR\n\n"
    "Chapter 1: The Crossing\n\nMira had run the ferry since she was twelve, and she knew the river's moods.\n\n"
    "Chapter 2: Dry Land\n\nHe stayed at the ferry house that winter and mended nets by the stove.\n"
)


@pytest.mark.parametrize(
    ("unmapped", "shown"),
    [
        (["drowning", "near-death experience", "CPR"], ["drowning", "near-death experience", "CPR"]),
        (["an abusive ex", "claustrophobia", "noyade"], ["an abusive ex", "claustrophobia", "noyade"]),
        (["referenced", "past", "mild"], []),  # qualifiers left alone
        (["beyond the tags", "because they spoil it", "talked about after"], []),
        (["2024 10:14 AM Last edited time: April 1", "a near-death experience in chapter 2"], []),
    ],
)
def test_what_members_read_of_the_authors_unmatched_words(unmapped: list[str], shown: list[str]) -> None:
    assert author_words(unmapped) == shown


def test_the_header_gives_the_authors_words_instead_of_none() -> None:
    story = import_story(STORY.encode(), "undertow.txt", max_bytes=1 << 20)
    warnings = chapter_warnings(story)
    for number, chapter in enumerate(story.chapters, start=1):
        notice = [warning for warning in warnings[number] if warning.id == AUTHOR_WORDS_ID]
        assert [warning.label for warning in notice] == [
            "The author also warns of: drowning; near-death experience; CPR"
        ]
        header = render_header(story.meta.title, chapter, warnings[number]).replace("\\", "")  # as Discord shows it
        assert "none declared or detected" not in header
        assert "The author also warns of: drowning; near-death experience; CPR" in header
        assert "(declared by the author)" not in header.split("also warns of")[1]  # the label says whose words


def test_a_story_whose_declarations_all_match_has_no_such_notice() -> None:
    story = import_story(
        STORY.replace("drowning, near-death experience, CPR", "self-harm").encode(), "s.txt", max_bytes=1 << 20
    )
    assert all(w.id != AUTHOR_WORDS_ID for shown in chapter_warnings(story).values() for w in shown)


def test_the_stored_summary_keeps_the_authors_words() -> None:
    """Headers and pages read the scan's summary, not the whole report: the words must be in it."""
    story = import_story(STORY.encode(), "undertow.txt", max_bytes=1 << 20)
    report = scan(story, default_ruleset())
    summary = ScanReport.from_summary(report.summary_record())
    assert summary.declared_unmapped == report.declared_unmapped
    assert "drowning" in summary.declared_unmapped
    assert ScanReport.from_summary({"unwarned": False, "warnings": [], "not_english": []}).declared_unmapped == []
