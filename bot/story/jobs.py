"""The heavy story work, as top-level functions a worker process runs (see :mod:`bot.worker`).

Everything here takes and returns plain picklable values: bytes in, a :class:`Story` and
its scan out. Nothing touches the database or the event loop; the service calls these
through ``Workers.run`` with a time limit, and the command-line tools call them directly.

A compiled matcher does not pickle, so the ruleset crosses the process boundary as data and
each worker compiles it once (``bot.warnings.matcher.shared`` keeps the last few by content).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.story.importer import content_hash, import_story
from bot.story.limits import DEFAULT_MAX_CHAPTERS
from bot.story.model import Story
from bot.warnings.declared import declaration_cues, default_mapping
from bot.warnings.engine import ScanReport, scan_in_worker
from bot.warnings.matcher import compile_in_worker
from bot.warnings.model import Ruleset
from bot.warnings.rules import default_ruleset


@dataclass(frozen=True, slots=True)
class Parsed:
    story: Story
    content_hash: str


@dataclass(frozen=True, slots=True)
class Imported:
    story: Story
    content_hash: str
    report: ScanReport


def parse_upload(data: bytes, filename: str, *, max_bytes: int, max_chapters: int = DEFAULT_MAX_CHAPTERS) -> Parsed:
    """An uploaded file read as a story (or :class:`StoryFormatError`), with its content hash."""
    story = import_story(data, filename, max_bytes=max_bytes, max_chapters=max_chapters)
    return Parsed(story, content_hash(story))


def warm_up() -> None:
    """Compile the default rules and the declared-warning vocabulary into this process's caches
    (the fork server does it once for all workers). Without the vocabulary and a small story read
    through, the first upload each worker took paid about 0.4 s of pattern compiling."""
    compile_in_worker(default_ruleset())
    default_mapping()
    declaration_cues()
    import_story(_WARM_UP_STORY, "warm-up.txt", max_bytes=len(_WARM_UP_STORY))  # the readers' own patterns


# A story that takes the plain-text reader down its heading, declaration and note paths.
_WARM_UP_STORY = b"Warm-up\nby Dogear\n\nCW: character death\n\nChapter 1: A start\n\nA/N: hello.\n\nIt began.\n"


def scan_story(story: Story, ruleset: Ruleset) -> ScanReport:
    """Scan with this worker's compiled copy of ``ruleset`` (compiling costs seconds; scanning, milliseconds)."""
    return scan_in_worker(ruleset, story, None)


def import_and_scan(
    data: bytes, filename: str, *, max_bytes: int, ruleset: Ruleset, max_chapters: int = DEFAULT_MAX_CHAPTERS
) -> Imported:
    """Both steps in one call, for the command-line tools and benchmarks."""
    parsed = parse_upload(data, filename, max_bytes=max_bytes, max_chapters=max_chapters)
    return Imported(parsed.story, parsed.content_hash, scan_story(parsed.story, ruleset))
