"""Chapters, scenes and paragraphs from text, the way authors actually mark them.

Authors mark chapters with headings ("Chapter 3: The Ford", "CHAPTER III", "Prologue",
"Part Two", Markdown "#") and scenes with a divider line ("***", "~~~", "o0o", a lone "#")
or just a wider gap of blank lines. Text is split into items first, then assembled, so the
plain-text, Markdown and HTML importers share one notion of structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bot.story.errors import StoryFormatError
from bot.story.model import Chapter, Scene

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last"
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,7}}|[ivxlcdm]{{1,8}}|(?:{_TENS})(?:[\s-]?(?:{_UNITS}))?|{_TEENS}|{_UNITS}|{_ORDINALS})"
_NUMBERED = re.compile(
    rf"^(?P<label>chapter|chap|ch|part|book|act)(?:\.\s*|\s+)(?P<num>{_NUMBER})(?![\w'’])\.?"
    r"(?:(?P<sep>\s*[:.\-–—|]\s*|\s+)(?P<title>\S.*?))?\s*$",
    re.IGNORECASE,
)
_NAMED = re.compile(
    r"^(?P<label>prologue|epilogue|interlude|afterword|foreword|coda)(?![\w'’])(?:\s*[:.\-–—|]\s*(?P<title>\S.*?))?\s*$",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>\S.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
_SCENE_BREAK = re.compile(
    r"^[ \t]*(?:"
    r"(?:[*~=_+•·◇◆○●§#\-–—][ \t]*){3,}"  # *** * * * ~~~ --- ### === and spaced variants
    r"|#"  # a lone hash
    r"|(?:[~*\-=+]*[ \t]*)(?:o0o|0o0|oOo|OoO|xXx|XxX|xox|oxo|x{3,}|o{3,})(?:[ \t]*[~*\-=+]*)"
    r"|[⁂❦❧✦✧※]"
    r"|(?:[~*\-=][ \t]*)+[a-zA-Z0-9]{1,4}(?:[ \t]*[~*\-=])+"  # ~x~, -o-, *~*
    r")[ \t]*$"
)
_EMPHASIS_WRAP = re.compile(r"^(\*\*|__|\*|_)(?P<inner>\S.*?\S|\S)\1$")
_BLANK_SPLIT = re.compile(r"(\n(?:[ \t]*\n)+)")
_SENTENCE_END = re.compile(r"[.!?…:;,\"'”’)\]]$")

HEADING_MAX_CHARS = 120


@dataclass(slots=True)
class Para:
    text: str
    gap: int = 1  # blank lines before this paragraph in the source


@dataclass(slots=True)
class Heading:
    title: str | None  # the chapter's own title, e.g. "The Ford"
    kind: str  # "chapter", "part", "named" (Prologue...), "markdown"
    level: int = 2  # Markdown level; other headings count as level 2
    raw: str = ""


@dataclass(slots=True)
class SceneBreak:
    raw: str = ""


Item = Para | Heading | SceneBreak


def match_heading(line: str, *, markdown: bool = True) -> Heading | None:
    """The heading a single line declares, or None when it is ordinary text."""
    stripped = line.strip()
    if not stripped or len(stripped) > HEADING_MAX_CHARS:
        return None
    level = 2
    kind = None
    md = _MD_HEADING.match(stripped) if markdown or stripped.startswith("#") else None
    if md:
        level = len(md.group("hashes"))
        stripped = md.group("title").strip()
        kind = "markdown"
    wrapped = _EMPHASIS_WRAP.match(stripped)
    if wrapped:
        stripped = wrapped.group("inner").strip()
    numbered = _NUMBERED.match(stripped)
    if numbered:
        label = numbered.group("label").lower().rstrip(".")
        title = numbered.group("title")
        if label in ("part", "book", "act"):
            part = f"{label.title()} {numbered.group('num').title() if not numbered.group('num').isdigit() else numbered.group('num')}"
            return Heading(f"{part}: {title}" if title else part, "part", level, line.strip())
        if title and not numbered.group("sep").strip() and not _looks_like_title(title):
            return None  # "Chapter 3 was the best." is a sentence, not a heading
        return Heading(_clean_title(title), "chapter", level, line.strip())
    named = _NAMED.match(stripped)
    if named:
        label = named.group("label").title()
        title = named.group("title")
        return Heading(f"{label}: {title}" if title else label, "named", level, line.strip())
    if kind == "markdown":
        return Heading(_clean_title(stripped), "markdown", level, line.strip())
    return None


def _clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    title = title.strip().strip("*_").strip()
    return title or None


def _looks_like_title(text: str) -> bool:
    """Title Case words without a sentence's final full stop."""
    words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", text) if len(word) > 3]
    if text.rstrip().endswith((".", ",", ";")) or not text[:1].isupper():
        return False
    return all(word[0].isupper() for word in words)


def is_scene_break(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= 40 and _SCENE_BREAK.match(stripped) is not None


def split_items(text: str, *, markdown: bool = False) -> list[Item]:
    """Paragraphs, headings and scene breaks in source order, with blank-line gaps kept.

    A file whose paragraphs are single lines with no blank lines between them (common for
    pasted text) is read line by line; there a blank line marks a scene instead.
    """
    blocks = _blocks(text)
    line_mode = _is_line_per_paragraph(blocks)
    items: list[Item] = []
    for gap, block in blocks:
        lines = block.split("\n")
        if len(lines) == 1:
            items.append(_classify_line(lines[0], gap, markdown))
            continue
        pending: list[str] = []
        block_items: list[Item] = []
        for index, line in enumerate(lines):
            if markdown and _SETEXT.match(line.strip()) and len(pending) == 1 and len(pending[0]) <= HEADING_MAX_CHARS:
                heading = match_heading("#" * (1 if line.strip()[0] == "=" else 2) + " " + pending[0].strip())
                pending.clear()
                if heading:
                    block_items.append(heading)
                continue
            if len(line) <= HEADING_MAX_CHARS and (is_scene_break(line) or match_heading(line, markdown=markdown)):
                _flush(pending, block_items)
                block_items.append(_classify_line(line, 0, markdown))
                continue
            if line_mode or (index and _is_paragraph_line(lines[index - 1])):
                _flush(pending, block_items)
            pending.append(line)
        _flush(pending, block_items)
        if block_items and isinstance(block_items[0], Para):
            block_items[0].gap = gap
        items.extend(block_items)
    if line_mode:
        # Every line is a paragraph, so one blank line is already a scene-sized gap.
        for item in items:
            if isinstance(item, Para) and item.gap >= 1:
                item.gap += 1
    return items


def _flush(pending: list[str], into: list[Item]) -> None:
    if pending:
        into.append(Para(_join_lines(pending), 0))
        pending.clear()


def _blocks(text: str) -> list[tuple[int, str]]:
    """(blank lines before, block text) for each run of non-blank lines."""
    parts = _BLANK_SPLIT.split("\n" + text.strip("\n") + "\n")
    blocks: list[tuple[int, str]] = []
    gap = 0
    for index in range(0, len(parts), 2):
        body = parts[index].strip("\n")
        if body and not body.isspace():
            blocks.append((gap, body))
        if index + 1 < len(parts):
            gap = parts[index + 1].count("\n") - 1
    return blocks


def _is_line_per_paragraph(blocks: list[tuple[int, str]]) -> bool:
    lines = sum(block.count("\n") for _, block in blocks) + len(blocks)
    if lines < 8 or len(blocks) * 4 >= lines:
        return False
    long_lines = sum(1 for _, block in blocks for line in block.split("\n") if len(line) > 100)
    # Long lines inside multi-line blocks are paragraphs written without blank lines between.
    return long_lines * 3 > lines


def _is_paragraph_line(previous: str) -> bool:
    """A long line ending a sentence, followed by more text, ended its own paragraph."""
    return len(previous) > 100 and _SENTENCE_END.search(previous.rstrip()) is not None


_FIELD_LINE = re.compile(r"^[ \t]*[A-Za-z][\w'’ /&-]{0,30}:[ \t]")


def _join_lines(lines: list[str]) -> str:
    """Hard-wrapped prose becomes one line; verse, short lines and "Key: value" lines keep their breaks."""
    stripped = [line.strip() for line in lines]
    if (
        len(stripped) > 1
        and all(40 <= len(line) <= 100 for line in stripped[:-1])
        and not any(_FIELD_LINE.match(line) for line in lines[1:])
    ):
        return " ".join(stripped)
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _classify_line(line: str, gap: int, markdown: bool) -> Item:
    if len(line) > HEADING_MAX_CHARS + 20:
        return Para(line.strip(), gap)  # far too long for a heading or a divider
    if is_scene_break(line):
        return SceneBreak(line.strip())
    heading = match_heading(line, markdown=markdown)
    if heading:
        return heading
    return Para(line.strip(), gap)


@dataclass(slots=True)
class _Draft:
    heading: Heading | None
    scenes: list[list[str]] = field(default_factory=lambda: [[]])
    notes: list[str] = field(default_factory=list)

    def add(self, paragraph: str, new_scene: bool) -> None:
        if new_scene and self.scenes[-1]:
            self.scenes.append([])
        self.scenes[-1].append(paragraph)

    @property
    def empty(self) -> bool:
        return not any(self.scenes)


def assemble(
    items: Iterable[Item], *, scene_gap: int = 2, note_filter: Callable[[str], bool] | None = None
) -> tuple[list[Chapter], list[str]]:
    """Group items into chapters and scenes; a heading with no text under it is an error.

    Returns the chapters and any author's notes that found no chapter to belong to.
    """
    drafts: list[_Draft] = []
    current: _Draft | None = None
    new_scene = False
    for item in items:
        if isinstance(item, Heading):
            if current is not None and current.empty:
                if current.heading is not None and (
                    current.heading.kind == "part" or current.heading.level < item.level
                ):
                    current.heading = _merge_headings(current.heading, item)
                    continue
                if current.heading is not None:
                    raise _empty_heading(current.heading)
                drafts.pop()  # only notes so far: they carry over to the chapter that follows
                carried = current.notes
            else:
                carried = []
            current = _Draft(item, notes=carried)
            drafts.append(current)
            new_scene = False
            continue
        if current is None:
            current = _Draft(None)
            drafts.append(current)
        if isinstance(item, SceneBreak):
            new_scene = True
            continue
        if note_filter is not None and note_filter(item.text):
            current.notes.append(item.text)
            continue
        current.add(item.text, new_scene or item.gap >= scene_gap)
        new_scene = False
    if current is not None and current.empty and current.heading is not None:
        raise _empty_heading(current.heading)
    chapters: list[Chapter] = []
    orphan_notes: list[str] = []
    for draft in drafts:
        if draft.empty:
            orphan_notes.extend(draft.notes)
            continue
        title = draft.heading.title if draft.heading else None
        scenes = [Scene(paragraphs) for paragraphs in draft.scenes if paragraphs]
        chapters.append(Chapter(len(chapters) + 1, title, scenes, orphan_notes + draft.notes))
        orphan_notes = []
    if chapters:
        chapters[-1].notes.extend(orphan_notes)
        orphan_notes = []
    return chapters, orphan_notes


def _merge_headings(outer: Heading, inner: Heading) -> Heading:
    outer_title = outer.title or outer.raw
    title = f"{outer_title} — {inner.title}" if inner.title else outer_title
    return Heading(title, inner.kind, inner.level, f"{outer.raw}\n{inner.raw}")


def _empty_heading(heading: Heading) -> StoryFormatError:
    return StoryFormatError(
        f'The heading "{heading.raw[:80]}" has no story text under it; add the chapter\'s text or remove the heading.'
    )
