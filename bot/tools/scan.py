"""``dogear scan PATH [--json] [--rules FILE]``: the warnings report for a story file.

The same import and scan the bot runs when a story is added, offline: the default rules,
plus a rules file in the format of ``data/warnings/rules.json`` when given. Only warnings
that pass their category's threshold are listed as ``confident``; real evidence that falls
short is listed as ``possible`` (``"tier"`` in ``--json``), each with evidence an admin can check.
Every warning also says where it comes from (``"source"``: ``declared`` by the author,
``detected`` in the text, or ``both``); the author's own count as confident.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.paths import shipped
from bot.settings import SettingsError, load_settings
from bot.story.chapters import chapter_list
from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import SOURCE_NOTES
from bot.tools.args import InputFileError, OneLineParser, UsageError, input_path, read_input
from bot.warnings.engine import ScanReport, scan
from bot.warnings.model import Ruleset
from bot.warnings.rules import MAX_RULES_FILE_BYTES, RuleError, default_ruleset, rules_from_json

USAGE = "usage: dogear scan PATH [--json] [--rules FILE]"


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="dogear scan", description="Show the content warnings of a story file.")
    parser.add_argument("path", type=input_path, help="a .txt, .md, .html or .epub story file")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--rules",
        type=input_path,
        default=None,
        help=f"extra rules, in the format of the shipped {shipped('warnings', 'rules.json')}",
    )
    return parser


def _fail(message: str) -> int:
    print(f"dogear: {' '.join(message.split())}", file=sys.stderr)
    return 2


def format_text(report: ScanReport) -> str:
    lines = [report.title]
    if report.unwarned:
        lines.append("Unwarned: the author chose not to use archive warnings (not the same as safe).")
    if report.declared_unmapped:
        lines.append("Declared by the author (no matching category): " + "; ".join(report.declared_unmapped))
    unread = [chapter.number for chapter in report.chapters if not chapter.english]
    if unread:
        lines.append(
            f"Not in English, so not read for warnings (what the rules found there is possible only): {chapter_list(unread)}."
        )
    if not report.warnings:
        lines.append("No warnings detected or declared." + (" Possible ones:" if report.possible else ""))
    for warning in report.warnings + report.possible:
        score = f", score {warning.score:g}" if warning.source != "declared" else ""
        source = SOURCE_NOTES.get(warning.source, warning.source)  # the words members read: "author, detected"
        lines.append(f"- {warning.label} [{warning.id}] ({source}; {warning.tier}{score})")
        if warning.declared_as:
            lines.append(f"    declared as: {'; '.join(warning.declared_as)}")
        for item in warning.evidence:
            lines.append(f"    chapter {item.chapter}, paragraph {item.paragraph}: {item.text}")
    return "\n".join(lines)


def read_rules(path: Path | None) -> Ruleset:
    """The default rules, plus those of ``--rules`` when given, read like a story file: a folder,
    FIFO or device (``/dev/zero``) is refused before it is opened, and at most the limit is read."""
    if path is None:
        return default_ruleset()
    return rules_from_json(read_input(path, MAX_RULES_FILE_BYTES, what="a rules file (.json)"))


def main(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except UsageError as error:
        return _fail(f"scan: {error}; {USAGE}")
    try:
        settings = load_settings()
    except SettingsError as error:
        return _fail(str(error))
    path: Path = args.path
    try:
        data = read_input(path, settings.max_upload_bytes)
    except InputFileError as error:
        return _fail(str(error))
    try:
        ruleset = read_rules(args.rules)
    except InputFileError as error:
        return _fail(str(error))
    except RuleError as error:
        return _fail(f"{args.rules}: {error}")
    try:
        story = import_story(data, path.name, max_bytes=settings.max_upload_bytes, max_chapters=settings.max_chapters)
    except StoryFormatError as error:
        return _fail(f"{path}: {error}")
    report = scan(story, ruleset)
    if args.json:
        # allow_nan=False: the output is JSON, never "Infinity" (rules files refuse such weights).
        print(json.dumps(report.to_json(possible=True), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(format_text(report))
    return 0
