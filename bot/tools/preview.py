"""``dogear preview PATH [--json] [--budget N]``: what a story file would post.

Runs the same import and rendering the bot uses, offline, so an admin can check a file
before uploading it. Headers carry the warnings the default rules find in each chapter
plus the author's declarations (what the bot would show before any server rule changes).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.limits import MESSAGE_CHARS
from bot.settings import SettingsError, load_settings
from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import NOTICE_IDS, HeaderWarning, Story, source_note
from bot.story.render import render_chapter
from bot.text import plural
from bot.tools.args import InputFileError, OneLineParser, UsageError, input_path, read_input
from bot.warnings.declared import declaring_texts

MIN_BUDGET = 200


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="dogear preview", description="Show what a story file would post, chapter by chapter.")
    parser.add_argument("path", type=input_path, help="a .txt, .md, .html or .epub story file")
    parser.add_argument("--json", action="store_true", help="print the payloads as JSON")
    parser.add_argument("--budget", type=int, default=None, help=f"message length limit ({MIN_BUDGET}-{MESSAGE_CHARS})")
    return parser


def _fail(message: str) -> int:
    print(f"dogear: {' '.join(message.split())}", file=sys.stderr)
    return 2


def chapter_warnings(story: Story) -> dict[int, list[HeaderWarning]]:
    """Per chapter, as the bot's headers show it (:func:`bot.warnings.service.chapter_merge`): the
    author's warnings for the story and for that chapter and what the default rules detect there,
    then the chapter's possible ones, and last the notices (the author chose not to warn, the
    chapter is not in English and was not read for warnings).

    Possible warnings are listed (tier ``possible``) for the admin previewing the file; the
    header leaves them out, as it does for members.
    """
    from bot.warnings.engine import scan
    from bot.warnings.rules import default_ruleset
    from bot.warnings.service import chapter_merge, notices

    ruleset = default_ruleset()
    report = scan(story, ruleset)
    result: dict[int, list[HeaderWarning]] = {}
    for chapter in report.chapters:
        detected = {found.id: found.score for found in chapter.warnings}
        shown = chapter_merge(ruleset.taxonomy, report, chapter.number, detected)
        ids = {warning.id for warning in shown}
        possible = [
            HeaderWarning(found.id, ruleset.taxonomy.label(found.id), "possible")
            for found in chapter.possible
            if found.id not in ids
        ]
        result[chapter.number] = shown + possible + notices(report, chapter.number)
    return result


def preview_data(
    story: Story, *, budget: int, warnings: dict[int, list[HeaderWarning]] | None = None
) -> dict[str, Any]:
    """The JSON shape of issue 3: the story's metadata and each chapter's payloads, plus (issue 13)
    each chapter's warnings with their tier and source."""
    warnings = warnings or {}
    meta = story.meta
    return {
        "story": {
            "title": meta.title,
            "author": meta.author,
            "summary": meta.summary,
            "rating": meta.rating,
            "declared_warnings": declaring_texts(meta),
            "notes": list(meta.notes),
        },
        "chapters": [
            {
                "number": chapter.number,
                "title": chapter.title,
                "words": chapter.words,
                "warnings": [warning.to_json() for warning in warnings.get(chapter.number, [])],
                "messages": render_chapter(meta, chapter, warnings.get(chapter.number, []), budget=budget),
            }
            for chapter in story.chapters
        ],
    }


def _note(warning: dict[str, str]) -> str:
    """As the header says it; a possible one (never in a header) is marked so."""
    return "possible, not shown to members" if warning["tier"] == "possible" else source_note(warning["source"])


def format_text(data: dict[str, Any], *, max_post_messages: int | None = None) -> str:
    story = data["story"]
    lines = [story["title"]]
    for label, key in (("by", "author"), ("Rating", "rating"), ("Summary", "summary")):
        if story[key]:
            lines.append(f"{label}: {story[key]}" if label != "by" else f"by {story[key]}")
    if story["declared_warnings"]:
        lines.append("Declared warnings: " + "; ".join(story["declared_warnings"]))
    for note in story["notes"]:
        lines.append(f"Note: {note}")
    total = sum(len(chapter["messages"]) for chapter in data["chapters"])
    lines.append(f"{plural(len(data['chapters']), 'chapter')}, {plural(total, 'message')}")
    for chapter in data["chapters"]:
        title = f": {chapter['title']}" if chapter["title"] else ""
        count = len(chapter["messages"])
        lines.append("")
        too_long = ""
        if max_post_messages is not None and count > max_post_messages:
            too_long = f" · over MAX_POST_MESSAGES ({max_post_messages}): not posted, members use /excerpt read"
        lines.append(
            f"=== Chapter {chapter['number']}{title} · {plural(chapter['words'], 'word')} · {plural(count, 'message')}{too_long} ==="
        )
        if chapter["warnings"]:
            listed = ", ".join(
                w["label"] + (f" ({_note(w)})" if w["id"] not in NOTICE_IDS else "") for w in chapter["warnings"]
            )
            lines.append(f"Warnings: {listed}")
        for index, message in enumerate(chapter["messages"], start=1):
            lines.append(f"--- message {index}/{count} ({len(message['content'])} characters) ---")
            lines.append(message["content"])
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except UsageError as error:
        return _fail(f"preview: {error}; usage: dogear preview PATH [--json] [--budget N]")
    try:
        settings = load_settings()
    except SettingsError as error:
        return _fail(str(error))
    budget = settings.message_budget if args.budget is None else args.budget
    if not MIN_BUDGET <= budget <= MESSAGE_CHARS:
        return _fail(f"--budget must be a number from {MIN_BUDGET} to {MESSAGE_CHARS}, not {budget}")
    path: Path = args.path
    try:
        data = read_input(path, settings.max_upload_bytes)
    except InputFileError as error:
        return _fail(str(error))
    try:
        story = import_story(data, path.name, max_bytes=settings.max_upload_bytes, max_chapters=settings.max_chapters)
    except StoryFormatError as error:
        return _fail(f"{path}: {error}")
    result = preview_data(story, budget=budget, warnings=chapter_warnings(story))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_text(result, max_post_messages=settings.max_post_messages))
    return 0
