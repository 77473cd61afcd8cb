"""Plain-text stories: metadata, author's notes and declared warnings from the top of the file.

Pasted stories carry their metadata as loose lines ("Title:", "Rating:", "TW for
miscarriage", "A/N: ...") or as no label at all: a chatty note to readers, then a
one-line summary, then the story. What is metadata or a note must never be posted as
story text, and what is story text must never be dropped, so every rule here errs on the
side of "this is story text" unless the signs are clear.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

from bot.story.errors import StoryFormatError
from bot.story.limits import DEFAULT_MAX_CHAPTERS, check_chapters, check_lines
from bot.story.model import Chapter, Story, StoryMeta
from bot.story.structure import Heading, Item, Para, SceneBreak, _looks_like_title, assemble, split_items

# Labels authors put on metadata lines, mapped to the StoryMeta field they fill.
_KEYS: dict[str, str] = {
    "title": "title",
    "story title": "title",
    "author": "author",
    "authors": "author",
    "writer": "author",
    "written by": "author",
    "rating": "rating",
    "rated": "rating",
    "archive warning": "archive_warnings",
    "archive warnings": "archive_warnings",
    "fandom": "fandoms",
    "fandoms": "fandoms",
    "relationship": "relationships",
    "relationships": "relationships",
    "pairing": "relationships",
    "pairings": "relationships",
    "character": "characters",
    "characters": "characters",
    "additional tags": "additional_tags",
    "additional tag": "additional_tags",
    "tags": "additional_tags",
    "freeform": "additional_tags",
    "freeforms": "additional_tags",
    "summary": "summary",
    "description": "summary",
    "blurb": "summary",
    "note": "notes",
    "notes": "notes",
    "author's note": "notes",
    "author's notes": "notes",
    "authors note": "notes",
    "authors notes": "notes",
    "author note": "notes",
    "author notes": "notes",
    "a/n": "notes",
    "an": "notes",
    "disclaimer": "notes",
    "warning": "declared",
    "warnings": "declared",
    "content warning": "declared",
    "content warnings": "declared",
    "trigger warning": "declared",
    "trigger warnings": "declared",
    "tw": "declared",
    "cw": "declared",
    "tw/cw": "declared",
    "cw/tw": "declared",
    "t/w": "declared",
    "c/w": "declared",
    "tws": "declared",
    "cws": "declared",
    # Known labels with nothing to keep; they are still metadata, not story text.
    "category": "",
    "categories": "",
    "language": "",
    "words": "",
    "word count": "",
    "chapters": "",
    "series": "",
    "status": "",
    "published": "",
    "updated": "",
    "beta": "",
    "beta reader": "",
    "started": "",
    "completed": "",
    "finished": "",
    "posted": "",
    "date": "",
    "genre": "",
    "genres": "",
    "cover": "",
    "cover art": "",
}
_FIELD = re.compile(
    r"^[ \t]*[*_]{0,2}(?P<key>[A-Za-z][A-Za-z'’ /]{0,24}?)[*_]{0,2}[ \t]*(?P<sep>:|[ \t][-–—])[*_]{0,2}[ \t]*(?P<value>.*)$"
)
# Short labels that need a colon; "An - " or "Tags - " in prose are too likely to be text.
_COLON_ONLY = {
    "an",
    "a/n",
    "tags",
    "note",
    "words",
    "status",
    "beta",
    "rated",
    "started",
    "completed",
    "finished",
    "posted",
    "date",
    "genre",
    "cover",
}
_NOTE_LABEL = re.compile(
    r"^[ \t]*[*_(\[]*(?:a/n|a\.n\.|author'?s'? ?notes?|authors? notes?|note from the author|an|notes?)[*_)\]]*[ \t]*(?::|-|–|—)",
    re.IGNORECASE,
)
# "by Mara Quill", "written by R. Okonkwo", "a wattpad story by @moonlitpages".
_BY_LINE = re.compile(
    r"^[ \t]*(?:(?:an?[ \t]+)?(?:[\w-]+[ \t]+){0,2}?(?:story|fic|fanfic|fanfiction|novel|novella|one-?shot|book|poem)[ \t]+)?"
    r"(?:written[ \t]+)?by[ \t:]+(?P<author>\S.{0,80}?)[ \t]*$",
    re.IGNORECASE,
)
# "TW for miscarriage", "CW: grief", "tw// blood", "C/W - gore", "Trigger warnings: ...". The
# text after the label starts and ends on a non-space, so a long run of spaces is read once.
_DECLARATION = re.compile(
    r"(?<![\w/])(?:(?:TW|CW|T/W|C/W)s?(?:[ \t]*/[ \t]*(?:TW|CW)s?)?|(?:trigger|content)[ \t]warnings?(?:\(s\))?"
    r"|warnings?(?:\(s\))?)"
    r"(?:[ \t]+for\b|[ \t]*(?:[:\-–—]|//?))[ \t]*[^.!?\n()\[\]\s](?:[^.!?\n()\[\]]*[^.!?\n()\[\]\s])?",
    re.IGNORECASE,
)
# A rights notice line: "All rights reserved", "© 2021 Mara Quill", "Copyright Mara Quill".
_RIGHTS = re.compile(
    r"^(?:©|\(c\)[ \t]*\d{4}|copyright[ \t]+(?:©[ \t]*)?(?:\d{4}|by\b))|all rights reserved[ \t.!]*$", re.IGNORECASE
)
HEADER_BLOCK_LINES = 12
HEADER_LINE_CHARS = 120
_NOTE_MARKERS = re.compile(
    r"\b(?:my first|this (?:story|fic|fanfic|one-?shot|chapter)|fan ?fic(?:tion)?s?|reviews?|reviewing|r ?& ?r"
    r"|enjoy|disclaimer|(?:don'?t|do not|doesn'?t) own|out of character|ooc|hope (?:you|u|ya|y'?all)"
    r"|thanks? (?:you )?(?:so much )?(?:for|4) (?:reading|the reviews|your)|lol|lmao|please (?:review|comment)"
    r"|comments?|kudos|beta(?:ed)?|one-?shot|(?:hey|hi|hello) (?:every(?:one|body)|guys|all|peeps|readers)"
    r"|readers?|updates?|updating|episodes?|next chapter|author|wats up|what'?s up|cookies?)\b",
    re.IGNORECASE,
)
NOTE_SCORE = 3
NOTE_SCAN_CHARS = 20_000


def note_score(text: str) -> int:
    """How many distinct signs of an author talking to readers a paragraph carries.

    Read in its first NOTE_SCAN_CHARS characters: a note says what it is early, and a
    megabyte-long paragraph must not cost a scan of all of it.
    """
    return len({match.group(0).lower() for match in _NOTE_MARKERS.finditer(text, 0, NOTE_SCAN_CHARS)})


def is_labelled_note(text: str) -> bool:
    return _NOTE_LABEL.match(text) is not None


def strip_note_label(text: str) -> str:
    return _NOTE_LABEL.sub("", text, count=1).strip()


def trim_ornaments(text: str) -> str:
    """A line without the symbols and emphasis around it: "⚠️ TW: blood ⚠️" reads "TW: blood".

    Authors frame metadata lines with emoji, stars and sparkles; they are no part of what the
    line says, and a label check or a declared warning must not trip over them.
    """
    start, end = 0, len(text)
    while start < end and _is_ornament(text[start]):
        start += 1
    while end > start and _is_ornament(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_ornament(char: str) -> bool:
    return char in "*_~ \t" or unicodedata.category(char) in ("So", "Sm", "Sk", "Mn", "Cf", "Zs")


def declaration_line(line: str) -> bool:
    """Whether a whole line is a declaration ("tw// blood", "⚠️ CW: gore ⚠️"), not prose."""
    return _DECLARATION.match(trim_ornaments(line)) is not None


def extract_declarations(text: str) -> tuple[list[str], str, str]:
    """Warnings declared inline ("TW for miscarriage"), the text before them, and after.

    The text before the first declaration is what the author meant as summary; anything
    after it is an aside ("Permission to end me: granted.") and belongs with the notes.
    """
    found = [match for match in _DECLARATION.finditer(text) if _is_declaration(match.group(0))]
    if not found:
        return [], text.strip(), ""
    declared = [trim_ornaments(match.group(0)) for match in found]
    before = text[: found[0].start()].strip()
    after = text[found[-1].end() :].lstrip(".!;, \t").strip()
    return declared, before, after


def _is_declaration(text: str) -> bool:
    """'Warning: blood' declares; 'without warning - she ran' is prose."""
    head = text.split(None, 1)[0].lower()
    if head.startswith(("tw", "cw", "t/w", "c/w")):
        return True
    return len(text) <= 160


@dataclass(slots=True)
class _Meta:
    title: str | None = None
    values: dict[str, list[str]] = field(default_factory=dict)
    declared: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    summary: str | None = None

    def add(self, key: str, raw_line: str, value: str) -> None:
        target = _KEYS[key]
        value = value.strip().strip("*_").strip()
        if not target:
            return
        if target == "declared":
            if value:
                self.declared.append(raw_line.strip().strip("*_").strip())
        elif target == "notes":
            if value:
                self.notes.append(value)
        elif target == "summary":
            self.summary = f"{self.summary}\n{value}".strip() if self.summary else value
        elif target == "title":
            self.title = value or self.title
        elif target in ("archive_warnings", "fandoms", "relationships", "characters", "additional_tags"):
            self.values.setdefault(target, []).extend(part.strip() for part in value.split(",") if part.strip())
        elif value:
            self.values[target] = [value]

    def extend_last(self, key: str, line: str) -> None:
        target = _KEYS[key]
        if target == "summary" and self.summary is not None:
            self.summary = f"{self.summary}\n{line.strip()}".strip()
        elif target == "notes" and self.notes:
            self.notes[-1] = f"{self.notes[-1]}\n{line.strip()}"
        elif target == "declared" and self.declared:
            self.declared[-1] = f"{self.declared[-1]} {line.strip()}"
        elif target == "title" and self.title:
            self.title = f"{self.title} {line.strip()}"


def parse_field(line: str) -> tuple[str, str] | None:
    match = _FIELD.match(line)
    if not match:
        return None
    key = re.sub(r"\s+", " ", match.group("key").strip().lower().replace("’", "'"))
    if key not in _KEYS:
        return None
    if key in _COLON_ONLY and match.group("sep") != ":":
        return None
    return key, match.group("value")


def _field_paragraph(text: str, meta: _Meta) -> str | None:
    """Read a paragraph of "Key: value" lines into ``meta``; returns the last key, or None."""
    lines = text.split("\n")
    if parse_field(lines[0]) is None:
        return None
    key = None
    for line in lines:
        parsed = parse_field(line)
        if parsed:
            key = parsed[0]
            meta.add(key, line, parsed[1])
        elif declaration_line(line):
            declared, _, after = extract_declarations(line)
            meta.declared.extend(declared)
            if after:
                meta.notes.append(after)
        elif key is not None:
            meta.extend_last(key, line)
    return key


def by_line_author(line: str) -> str | None:
    """The author a "by" line names, or None when the line reads as prose ("By the time ...")."""
    match = _BY_LINE.match(line)
    if match is None:
        return None
    author = trim_ornaments(match.group("author")).lstrip("@").strip()
    return author if _author_like(author) else None


def _author_like(name: str) -> bool:
    """A name or a handle: a few words, no sentence punctuation, capitalised unless a single word."""
    words = name.split()
    if not words or len(words) > 6 or len(name) > 60 or any(mark in name for mark in ',;!?"“”'):
        return False
    if name.endswith(".") and len(words[-1]) > 2:  # "Mara Q." is a name; "the village slept." is not
        return False
    return len(words) == 1 or words[0][:1].isupper()


def _line_kind(line: str) -> str | None:
    """What a header line holds: a "Key: value" field, a declaration, a "by" line, or None."""
    if parse_field(line):
        return "field"
    if declaration_line(line):
        return "declared"
    if by_line_author(line):
        return "by"
    return None


def _header_block(text: str, meta: _Meta) -> bool:
    """Read a block of metadata lines ("The Lantern Keeper" / "by Mara Quill" / "tw// blood").

    Authors often put the title, the "by" line and the warnings on consecutive lines. The
    block is read only when every line is one of those (a title only as its first line): a
    single line of anything else and the whole block stays story text.
    """
    lines = text.split("\n")
    if not 2 <= len(lines) <= HEADER_BLOCK_LINES or any(len(line) > HEADER_LINE_CHARS for line in lines):
        return False
    kinds = [_line_kind(line) for line in lines]
    if kinds[0] is None and meta.title is None and _title_like(trim_ornaments(lines[0])):
        kinds[0] = "title"
    if None in kinds:
        return False
    for line, kind in zip(lines, kinds, strict=True):
        _read_header_line(line, kind, meta)
    return True


def _read_header_line(line: str, kind: str | None, meta: _Meta) -> None:
    if kind == "title":
        meta.title = line.strip()
    elif kind == "field":
        key, value = parse_field(line) or ("", "")
        meta.add(key, line, value)
    elif kind == "declared":
        declared, _, after = extract_declarations(line)
        meta.declared.extend(declared)
        if after:
            meta.notes.append(after)
    elif kind == "by" and "author" not in meta.values:
        meta.values["author"] = [by_line_author(line) or ""]


def _rights_notice(text: str) -> bool:
    """A rights notice ("All rights reserved", "don't copy my story") at the top is not the story."""
    lines = text.split("\n")
    return (
        len(lines) <= 6
        and all(len(line) <= HEADER_LINE_CHARS for line in lines)
        and any(_RIGHTS.search(trim_ornaments(line)) for line in lines)
    )


def _title_like(text: str) -> bool:
    if "\n" in text or len(text) > 80 or len(text.split()) > 12:
        return False
    if text[:1] in "\"'“‘(-*" or text.rstrip().endswith((".", ",", ";", ":")):
        return False
    return _looks_like_title(text)


def _summary_like(text: str) -> bool:
    return "\n" not in text and 20 <= len(text) <= 320 and len(text.split()) >= 5


@dataclass(slots=True)
class Preamble:
    meta: _Meta
    body: list[Item]


def read_preamble(items: list[Item]) -> Preamble:
    """Split metadata, notes and the title off the top; the rest is the story."""
    meta = _Meta()
    index = 0
    unlabelled_note = False
    pending_key: str | None = None  # "Summary:" with its text in the next paragraph
    levels = [item.level for item in items if isinstance(item, Heading)]
    last_para = max((i for i, item in enumerate(items) if isinstance(item, Para)), default=-1)
    while index < len(items):
        item = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        if isinstance(item, SceneBreak):
            if index == 0 or not _consumed_any(meta):
                break
            index += 1
            break  # a divider after the header block: the story starts after it
        if isinstance(item, Heading):
            if (
                item.kind == "markdown"
                and item.level == 1
                and levels.count(1) == 1
                and (len(levels) > 1 or (index == 0 and meta.title is None))
            ):
                meta.title = meta.title or item.title
                index += 1
                continue
            break
        text = item.text
        if pending_key is not None and parse_field(text.split("\n")[0]) is None:
            meta.add(pending_key, f"{pending_key}: {text}", text)
            pending_key = None
            index += 1
            continue
        pending_key = None
        last_key = _field_paragraph(text, meta)
        if last_key is not None:
            lines = text.split("\n")
            parsed = parse_field(lines[-1])
            if len(lines) == 1 and parsed and not parsed[1].strip() and _KEYS[last_key]:
                pending_key = last_key
            index += 1
            continue
        if index < last_para and _header_block(text, meta):
            index += 1
            continue
        if index < last_para and _rights_notice(text):
            meta.notes.append(text)
            index += 1
            continue
        if is_labelled_note(text):
            meta.notes.append(strip_note_label(text))
            index += 1
            continue
        if declaration_line(text):
            declared, _, after = extract_declarations(text)
            meta.declared.extend(declared)
            if after:
                meta.notes.append(after)
            index += 1
            continue
        author = by_line_author(text)
        if author and _consumed_any(meta) and "author" not in meta.values:
            meta.values["author"] = [author]
            index += 1
            continue
        if meta.title is None and _title_like(trim_ornaments(text)) and _title_followed_well(following, index):
            meta.title = text.strip()
            index += 1
            continue
        if (
            not _consumed_any(meta)
            and note_score(text) >= NOTE_SCORE
            and _separated(following)
            and index < last_para  # story text follows
        ):
            meta.notes.append(text)
            unlabelled_note = True
            index += 1
            continue
        if (
            unlabelled_note
            and meta.summary is None
            and _summary_like(text)
            and isinstance(following, Para)
            and len(following.text) > len(text)
        ):
            meta.summary = text
            index += 1
            continue
        break
    return Preamble(meta, items[index:])


def _consumed_any(meta: _Meta) -> bool:
    return bool(meta.title or meta.values or meta.declared or meta.notes or meta.summary)


def _title_followed_well(following: Item | None, index: int) -> bool:
    """A short Title Case line is a title when something marks it off from the story."""
    if following is None:
        return False
    if not isinstance(following, Para):
        return True
    first_line = following.text.split("\n")[0]
    if following.gap >= 2 or by_line_author(following.text) or parse_field(first_line) or declaration_line(first_line):
        return True
    return index == 0 and len(following.text) > 200


def _separated(following: Item | None) -> bool:
    return following is None or not isinstance(following, Para) or following.gap >= 2


def _trailing_note(chapter: Chapter) -> None:
    """A last paragraph that talks to readers ("thanks for reading, please review") is a note."""
    if len(chapter.scenes) < 2:
        return
    last_scene = chapter.scenes[-1]
    if len(last_scene.paragraphs) == 1 and note_score(last_scene.paragraphs[0]) >= NOTE_SCORE:
        chapter.notes.append(last_scene.paragraphs[0])
        chapter.scenes.pop()


def title_from_filename(filename: str) -> str:
    stem = PurePath(filename or "").stem
    title = re.sub(r"[_\s]+", " ", stem).strip(" -.")
    return title or "Untitled story"


def build_story(
    items: list[Item],
    filename: str,
    source_format: str,
    *,
    scene_gap: int = 2,
    max_chapters: int = DEFAULT_MAX_CHAPTERS,
    fallback_title: str | None = None,
) -> Story:
    """The shared tail of the text importers: preamble, chapters, notes, checks.

    ``fallback_title`` (a web page's <title>, often a document's file name) is used only when the
    text itself names no title, before the file name.
    """
    preamble = read_preamble(items)
    meta = preamble.meta
    chapters, orphan_notes = assemble(preamble.body, scene_gap=scene_gap, note_filter=is_labelled_note)
    check_chapters(len(chapters), max_chapters)
    chapters = [_strip_note_labels(chapter) for chapter in chapters]
    if chapters:
        _trailing_note(chapters[-1])
    notes = list(meta.notes)
    summary = meta.summary
    declared = list(meta.declared)
    if summary:
        inline, before, after = extract_declarations(summary)
        declared.extend(inline)
        if inline:
            summary = before or None
            if after:
                notes.append(after)
    for note in meta.notes:
        declared.extend(extract_declarations(note)[0])
    archive = meta.values.get("archive_warnings", [])
    if not chapters:
        if notes or orphan_notes:
            raise StoryFormatError(
                "The file holds only an author's note and no story text; attach the file with the story itself."
            )
        raise StoryFormatError("The file has no story text, only headings or metadata; attach the story itself.")
    notes.extend(orphan_notes)
    story_meta = StoryMeta(
        title=meta.title or fallback_title or title_from_filename(filename),
        author=_first(meta.values.get("author")),
        summary=summary,
        rating=_first(meta.values.get("rating")),
        archive_warnings=archive,
        fandoms=meta.values.get("fandoms", []),
        relationships=meta.values.get("relationships", []),
        characters=meta.values.get("characters", []),
        additional_tags=meta.values.get("additional_tags", []),
        declared_warnings=_dedupe(declared),
        notes=notes,
    )
    return Story(story_meta, chapters, source_format)


def _strip_note_labels(chapter: Chapter) -> Chapter:
    chapter.notes = [strip_note_label(note) if is_labelled_note(note) else note for note in chapter.notes]
    return chapter


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _dedupe(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)


def parse_plain_text(
    text: str, filename: str, *, source_format: str = "txt", max_chapters: int = DEFAULT_MAX_CHAPTERS
) -> Story:
    check_lines(text)
    return build_story(split_items(text), filename, source_format, max_chapters=max_chapters)
