"""What members read of a story's own words outside its text (its summary, its dedication, the warnings
its author declared): nothing in them may turn the rest of a line around, and no markup or mention in
them may render (session 34's hostile probe)."""

from __future__ import annotations

import time

from bot.db import Database
from bot.story.importer import import_story
from bot.story.model import Chapter, Scene
from bot.story.render import render_chapter, render_header, unrender
from bot.story.service import add_story_file, story_details
from bot.text import HIDDEN_CONTROLS, ZWSP
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset
from bot.warnings.service import notices
from cogs._story_texts import story_info_text
from tests.story.test_service import InlineWorkers

LIMIT = 4 << 20
RLO = "\u202e"  # right-to-left override: the rest of its line reads backwards


def _story(head: str) -> bytes:
    return (
        f"The Lantern Keeper\nby Ines Marlow\n{head}\n\n"
        "Chapter 1: Dusk\n\nThe lamp on the pier went out at nine.\n\n"
        "Chapter 2: Dawn\n\nShe lit it again before the boats came in.\n"
    ).encode()


def test_a_declared_warning_keeps_its_words_and_loses_an_override() -> None:
    """ "Warnings: drowning <RLO>, a storm" kept the override: the chapter headers' "The author also warns
    of: ..." and /story info's "Author's own warnings:" read backwards from it to the end of the line."""
    story = import_story(_story(f"Warnings: drowning{RLO}, storms at sea"), "lantern.txt", max_bytes=LIMIT)
    declared = story.meta.declared_warnings
    assert declared and not any(HIDDEN_CONTROLS.search(text) for text in declared)
    assert "drowning" in " ".join(declared) and "storms at sea" in " ".join(declared)
    report = scan(story, default_ruleset())
    header = render_header(story.meta.title, story.chapters[0], notices(report, 1))
    assert "drowning" in header and RLO not in header


def test_a_declared_warning_without_controls_is_kept_as_written() -> None:
    """Guard: an ordinary declaration reads exactly as before."""
    story = import_story(_story("Warnings: drowning, storms at sea"), "lantern.txt", max_bytes=LIMIT)
    assert story.meta.declared_warnings == ["Warnings: drowning, storms at sea"]


async def test_story_info_shows_a_summary_and_a_dedication_without_their_overrides(db: Database) -> None:
    """The summary and the dedication were shown with their overrides: each line read backwards past it."""
    head = f"Summary: A keeper{RLO} and her lamp.\n\nDedication\n\nFor my{RLO} father."
    added = await add_story_file(
        db, InlineWorkers(), 7, "lantern.txt", _story(head), added_by=1, now=1.0, max_bytes=LIMIT
    )
    answer = story_info_text(await story_details(db, 7, str(added.story_id)), 1)
    assert "> A keeper and her lamp." in answer
    assert "Dedication: *For my father.*" in answer
    assert not HIDDEN_CONTROLS.search(answer.replace("\n", " "))


async def test_markup_and_mentions_in_a_story_s_own_words_do_not_render(db: Database) -> None:
    """Guard: a title, author, summary and declaration full of Discord markup show it as written."""
    sneaky = "@everyone <@&12345> ||gone|| [site](http://example.org/) # big"
    text = (
        f"Title: {sneaky}\nAuthor: {sneaky}\nSummary: {sneaky}\nWarnings: drowning, {sneaky}\n\n"
        "Chapter 1\n\nThe lamp on the pier went out at nine.\n"
    ).encode()
    added = await add_story_file(db, InlineWorkers(), 7, "lamp.txt", text, added_by=1, now=1.0, max_bytes=LIMIT)
    answer = story_info_text(await story_details(db, 7, str(added.story_id)), 1)
    assert "@everyone" not in answer and f"@{ZWSP}everyone" in answer
    for raw in ("<@&", "||gone", "[site]", "\n# big"):
        assert raw not in answer


def test_a_paragraph_of_flags_is_cut_into_messages_in_time_that_grows_with_it() -> None:
    """Each cut looked for the last whole character from the paragraph's start: ``regex`` reads back
    over every regional indicator (a flag is two) before each, so 20,000 flags took 6.3 s of CPU to
    render and a 4 MB paragraph of them ran past 90 s."""
    flags = "🇬🇧🇫🇷🇯🇵🇧🇷" * 5000
    chapter = Chapter(1, None, [Scene([flags])])
    start = time.process_time()
    payloads = render_chapter("Flags", chapter)
    assert time.process_time() - start < 1.5
    assert unrender(payloads) == flags
    for message in payloads[1:]:  # no flag is cut in two: every message holds whole pairs
        letters = sum(1 for ch in message["content"] if 0x1F1E6 <= ord(ch) <= 0x1F1FF)
        assert letters % 2 == 0


def test_flags_after_a_prepended_mark_are_still_kept_whole() -> None:
    """Guard: an Arabic number sign (a mark that joins what follows it) before a run of flags."""
    text = ("\u0600" + "🇬🇧" * 7 + " ") * 400
    payloads = render_chapter("Flags", Chapter(1, None, [Scene([text.replace(" ", "")])]))
    assert unrender(payloads) == text.replace(" ", "")
