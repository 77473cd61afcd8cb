"""What a long run of spaces in a line costs: a header line of "x", a million spaces and "y" is read
once, not once per character the key or name before the run may hold (3 s a megabyte, a time-out at
the upload limit). The patterns read a run from its first space only, and take a run whole where
only a word can follow it; they find what the plain forms they replaced find."""

from __future__ import annotations

import random
import re

import pytest

from bot.story import bylines, markdown, metadata_fields, preamble, title_lines
from bot.story.importer import import_story
from bot.story.markdown import front_matter_lines

# The plain forms, before the bound: the reference for what the patterns must match.
_FANDOM = r"(?:[^\s,;.?]+[ \t]+){0,3}?"
_CJK = "[ \t\u3000]"
PLAIN = {
    "FIELD": re.compile(
        r"^[ \t]*[*_]{0,2}(?P<key>[^\W\d_](?:[^\W\d_]|['’ /]){0,24}?)[*_]{0,2}[ \t]*"
        r"(?:\([^()\n]{1,40}\)[ \t]*)?"
        r"(?P<sep>::?|：|[ \t][-–—])[*_]{0,2}[ \t]*(?P<value>.*)$"
    ),
    "_BY_LINE": re.compile(
        rf"^[ \t]*(?:(?:an?[ \t]+)?{_FANDOM}(?:{metadata_fields.STORY_KINDS})[ \t]+)?"
        r"(?:written[ \t]+)?by[ \t:]+(?P<author>\S.{0,80}?)[ \t]*$",
        re.IGNORECASE,
    ),
    "KIND_LINE": re.compile(rf"^[ \t]*an?[ \t]+{_FANDOM}(?:{metadata_fields.STORY_KINDS})[ \t]*$", re.IGNORECASE),
    "_WORLD_BY_LINE": re.compile(
        rf"^[ \t]*(?:{metadata_fields.WORLD_BY_WORDS})(?:[ \t]*:[ \t]*|[ \t]+)(?P<author>\S.{{0,80}}?)[ \t]*$",
        re.IGNORECASE,
    ),
    "_CJK_BY_LINE": re.compile(
        rf"^{_CJK}*(?:(?:作者|著者|作|著|文|笔者|筆者|작가|글|글쓴이|지은이|저자){_CJK}*[:：/／]{_CJK}*"
        rf"(?P<author>\S.{{0,40}}?)|(?P<named>\S.{{0,40}}?){_CJK}+(?:著|作|지음|씀)){_CJK}*$"
    ),
}
PIECES = ["a", "x", "y", " ", "  ", "\t", "\u3000", ":", "：", " -", "-", "—", "*", "_", "/", "'", ", ", "?", "."]
PIECES += ["by", "By ", "von ", "Anna", "Mara Quill", "title", "Title", "written ", "fic ", "a ", "an ", "story "]
PIECES += ["作者", "著", "지음", "one-shot "]


def _groups(match: re.Match[str] | None) -> object:
    if match is None:
        return None
    # A dash's separator is read without the space before it: only whether it is a colon is asked.
    return match.span(), {k: v.strip() if k == "sep" and v else v for k, v in match.groupdict().items()}


SPLIT_MODULES = (metadata_fields, bylines, title_lines, preamble)


def _bounded(name: str) -> re.Pattern[str]:
    """The pattern of that name, in the module that holds it."""
    return next(getattr(module, name) for module in SPLIT_MODULES if hasattr(module, name))


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_the_bounded_patterns_match_what_the_plain_ones_match(name: str) -> None:
    bounded, plain = _bounded(name), PLAIN[name]
    rng = random.Random(24)
    for _ in range(20000):
        line = "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 12)))
        assert _groups(bounded.match(line)) == _groups(plain.match(line)), line


@pytest.mark.parametrize(
    ("name", "bound"),
    [
        ("FIELD", r"[*_]{0,2}(?<![ \t])[ \t]*+"),
        ("_BY_LINE", r"}?)(?<![ \t])[ \t]*$"),
        ("_WORLD_BY_LINE", r"}?)(?<![ \t])[ \t]*$"),
        ("_CJK_BY_LINE", "}?)(?<![ \t\u3000])[ \t\u3000]+"),
    ],
)
def test_a_run_after_a_part_that_may_end_in_a_space_is_read_from_its_start(name: str, bound: str) -> None:
    # The "[ \t]*" after a lazy part is tried only where no space stands before it.
    assert bound in _bounded(name).pattern


def test_a_run_of_spaces_after_a_word_is_taken_whole() -> None:
    assert "[ \\t]++" in metadata_fields.FANDOM_WORDS  # "by", a million spaces and "Mara": no word tried in the run
    assert "[ \\t]*+" in metadata_fields.FIELD.pattern  # the run before a field's separator


def test_a_closing_hash_run_is_looked_for_where_a_run_of_spaces_starts() -> None:
    assert markdown._ATX_CLOSE.pattern.startswith("(?<![ \\t])")
    heading = "Title" + " " * 50 + "##  "
    assert markdown._ATX_CLOSE.sub("", heading) == "Title"
    assert markdown._ATX_CLOSE.sub("", "Title#") == "Title#"


def test_front_matter_keys_are_read_up_to_their_first_colon(monkeypatch: pytest.MonkeyPatch) -> None:
    keys: list[str] = []
    key_pattern = markdown._YAML_KEY

    class Recording:
        def fullmatch(self, key: str) -> re.Match[str] | None:
            keys.append(key)
            return key_pattern.fullmatch(key)

    monkeypatch.setattr(markdown, "_YAML_KEY", Recording())
    lines, rest = front_matter_lines("---\ntitle   : The Lake\nAuthor: Mara\nx" + " " * 5000 + "y\n---\nText\n")
    assert lines == ["title: The Lake", "Author: Mara x" + " " * 5000 + "y"]  # a line without a colon goes on
    assert rest == "Text\n"
    assert keys == ["title", "Author"]  # the key alone is read, never a line's run of spaces
    assert front_matter_lines("---\ntit\tle: x\n---\n")[0] == []  # a tab inside a key is no key


def test_a_header_line_with_a_long_run_of_spaces_still_reads() -> None:
    story = import_story(
        ("Title" + " " * 5000 + ": The Lake\n\nby" + " " * 5000 + "Mara Quill\n\nThe lake was cold.\n").encode(),
        "lake.txt",
        max_bytes=1 << 20,
    )
    assert story.meta.title == "The Lake"
    assert story.meta.author == "Mara Quill"
    assert story.chapters[0].paragraphs == ["The lake was cold."]


def test_a_field_separator_is_tried_where_a_run_of_spaces_starts() -> None:
    plain = re.compile(r"[ \t]*[|•·][ \t]*|[ \t]+[/~\-–—][ \t]+|(?<=[.;,])[ \t]+")
    pieces = ["a", " ", "  ", "\t", "|", "•", "/", "-", "—", ".", ",", ";", "Rating: T", "CW: grief"]
    rng = random.Random(3)
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 14)))
        assert [m.span() for m in metadata_fields.FIELD_SEPARATOR.finditer(line)] == [
            m.span() for m in plain.finditer(line)
        ], line
    source = metadata_fields.FIELD_SEPARATOR.pattern
    assert source.count("(?<![ \\t])[ \\t]+") == 2  # both runs before a mark


def test_strung_fields_read_a_bounded_head_after_each_separator(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    original = metadata_fields.parse_field

    def counted(line: str) -> tuple[str, str] | None:
        read.append(len(line))
        return original(line)

    monkeypatch.setattr(metadata_fields, "parse_field", counted)
    line = "Rating: T. " + "a: b. " * 5000 + "CW: grief"
    assert metadata_fields.strung_fields("Rating: T | CW: grief") == ["Rating: T", "CW: grief"]
    read.clear()
    metadata_fields.strung_fields(line)
    assert len(read) > 5000 and max(read) <= metadata_fields.FIELD_HEAD_CHARS  # not the rest of the line each time
    read.clear()
    metadata_fields.strung_fields("Rating: T. " + "a. " * 5000)
    assert read == []  # no separator there is followed by a colon or a dash: nothing to parse


def test_the_spaces_between_details_and_summary_are_read_once() -> None:
    plain = re.compile(r"[ \t]*<details\b[^>\n]*>[ \t]*\n?[ \t]*<summary\b[^>\n]*>", re.IGNORECASE)
    pieces = [" ", "  ", "\t", "\n", "<details>", "<DETAILS open>", "<summary>", "<summary class=x>", "x", ">", "<"]
    rng = random.Random(25)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10)))
        found, expected = markdown._DETAILS_OPEN.match(text), plain.match(text)
        assert (found and found.span()) == (expected and expected.span()), text
    # Every run of spaces is taken whole ("<details>" and 80,000 spaces tried each split: 37 s).
    source = markdown._DETAILS_OPEN.pattern
    assert source.count("[ \\t]*+") == 3 and "[ \\t]*<" not in source and "\\n?" not in source
    box = markdown.read_details("<details>" + " " * 5000 + "\n  <summary>Warnings</summary>\nblood\n</details>\n")
    assert box.strip() == "A/N: Warnings: blood"
