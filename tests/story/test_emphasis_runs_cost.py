"""A line of a million "*_" (Markdown emphasis no one closes) costs what its length does: the
note label is looked for after the run, not at each of its characters, and the ornaments around a
line are read at C speed, not a character at a time by each reader that trims them."""

from __future__ import annotations

import random
import re
import sys

import pytest

from bot.story import metadata_fields, text_declarations
from bot.story.importer import import_story
from bot.story.metadata_fields import trim_ornaments
from bot.story.text_declarations import is_labelled_note


def _plain_trim(text: str) -> str:
    start, end = 0, len(text)
    while start < end and metadata_fields.is_ornament(text[start]):
        start += 1
    while end > start and metadata_fields.is_ornament(text[end - 1]):
        end -= 1
    return text[start:end]


def test_ornaments_are_trimmed_as_one_character_at_a_time_would() -> None:
    pieces = ["*", "_", "~", " ", "\t", "※", "⚠️", "✨", "\u200b", "\u3000", "\u0301", "a", "TW: blood", "+", "é"]
    rng = random.Random(25)
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        assert trim_ornaments(line) == _plain_trim(line), line


def test_every_ornament_and_only_those_is_in_the_run() -> None:
    run = metadata_fields.ornament_run()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (run.fullmatch(char) is not None) == metadata_fields.is_ornament(char), hex(code)


def test_a_run_of_ornaments_is_read_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    looked: list[str] = []
    original = metadata_fields.is_ornament

    def counted(char: str) -> bool:
        looked.append(char)
        return original(char)

    monkeypatch.setattr(metadata_fields, "is_ornament", counted)
    assert trim_ornaments("*_" * 50_000 + "TW: blood" + " _*" * 50_000) == "TW: blood"
    assert trim_ornaments("⚠️|" * 1000 + "x") == "x"
    assert trim_ornaments("|" * 100_000) == ""
    # A character at a time: 353,010 looks; now one a line, at its end.
    assert len(looked) <= 3


def test_the_marks_before_a_note_label_are_taken_whole() -> None:
    label = text_declarations.note_label()
    plain = re.compile(label.pattern.replace("]*+", "]*"), re.IGNORECASE)
    assert label.pattern.count("]*+(?:") == 3  # the English labels', the other languages', a label alone on its line
    pieces = ["*", "_", "(", "[", "※", "【", "】", ")", "]", "A/N", "a.n.", "Author's note", "an", "Note"]
    pieces += ["Anmerkung der Autorin", "Note de l'auteur", "N/A", ":", "：", " ", "-", "—", "x", "\n", "まえがき"]
    rng = random.Random(26)
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 8)))
        found, expected = label.match(line), plain.match(line)
        assert (found and found.span()) == (expected and expected.span()), line
    assert is_labelled_note("**A/N:** thanks") and is_labelled_note("*_(A/N: thanks)_*")
    assert not is_labelled_note("*_" * 1000)


def test_a_markdown_line_of_unclosed_emphasis_still_reads() -> None:
    story = import_story(
        b"# The Lake\n\n" + b"*_" * 20_000 + b"\n\nThe lake was *cold*.\n", "lake.md", max_bytes=1 << 20
    )
    assert story.chapters[-1].paragraphs[-1] == "The lake was cold."
