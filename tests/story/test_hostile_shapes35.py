"""Hostile and odd uploads of session 35's probe (/work/scratch/s35/hostile): shapes that were answered
badly, each with a guard for the honest file that looks like it."""

from __future__ import annotations

import time

import pytest

from bot.story.importer import import_story
from bot.story.lookalikes import undisguise_labels

MAX_BYTES = 4 << 20
_BODY = "\n\n".join(f"The river ran cold past the ford, and she counted the boats, {n}." for n in range(5))


def _paragraphs(story) -> list[str]:
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


def _text_story(head: str) -> bytes:
    return f"The Weir\nby Ann\n\n{head}\n\nChapter 1\n\n{_BODY}\n\nChapter 2\n\n{_BODY}\n".encode()


def _page_story(head: str) -> bytes:
    chapters = "".join(f"<h2>Chapter {n}</h2>" + "".join(f"<p>{p}</p>" for p in _BODY.split("\n\n")) for n in (1, 2))
    return f"<html><head><title>The Weir</title></head><body><p>{head}</p>{chapters}</body></html>".encode()


DISGUISED = {
    "full-width": "Ｗａｒｎｉｎｇｓ：",
    "zero width space": "War\u200bnings:",
    "soft hyphen": "Warn\u00adings:",
    "zero width joiner": "Warn\u200dings:",
    "accented": "Wàrnings:",
    "combining accent": "Wa\u0300rnings:",
    "Cyrillic a": "Wаrnings:",
    "Greek alpha": "Wαrnings:",
    "mathematical bold": "𝐖𝐚𝐫𝐧𝐢𝐧𝐠𝐬:",
    "full-width TW": "ＴＷ：",
    "Cyrillic C": "СW:",
    "zero width before the colon": "Content warnings\u200b:",
}


@pytest.mark.parametrize("label", DISGUISED.values(), ids=DISGUISED.keys())
@pytest.mark.parametrize("shape", ["txt", "html"])
def test_a_disguised_warnings_label_still_declares(label: str, shape: str) -> None:
    """Each label was no label: nothing was declared, and the line was posted as the story's first
    paragraph (a chapter of its own in a text file)."""
    line = f"{label} character death, self-harm"
    data = _text_story(line) if shape == "txt" else _page_story(line)
    story = import_story(data, f"weir.{shape}", max_bytes=MAX_BYTES)
    assert any("character death, self-harm" in item for item in story.meta.declared_warnings)
    assert not any("character death" in paragraph for paragraph in _paragraphs(story))


def test_the_words_after_a_disguised_label_stay_as_written() -> None:
    """Only the label is read plainly; what the author declared keeps its own letters."""
    story = import_story(_text_story("War\u200bnings: ｄｅａｔｈ, blood"), "weir.txt", max_bytes=MAX_BYTES)
    assert story.meta.declared_warnings == ["Warnings: ｄｅａｔｈ, blood"]


def test_a_disguised_header_field_is_read_as_its_field() -> None:
    text = f"Ｔｉｔｌｅ： The Weir\nＡｕｔｈｏｒ： Ann\n\nChapter 1\n\n{_BODY}\n"
    story = import_story(text.encode(), "weir.txt", max_bytes=MAX_BYTES)
    assert (story.meta.title, story.meta.author) == ("The Weir", "Ann")


def test_a_disguised_label_alone_over_its_list_declares() -> None:
    story = import_story(_text_story("War\u200bnings\n- character death\n- self-harm"), "weir.txt", max_bytes=MAX_BYTES)
    assert story.meta.declared_warnings


@pytest.mark.parametrize(
    "line",
    [
        "Été : la rivière était froide.",
        "Внимание: река была холодной.",
        "Résumé : elle compta les bateaux.",
        "Προσοχή: το ποτάμι ήταν κρύο.",
        "« Wàrnings » était le nom du bateau.",
    ],
)
def test_lines_in_other_alphabets_and_accents_are_left_as_written(line: str) -> None:
    """Guard: a line of French, Russian or Greek that folds to no label keeps every letter."""
    assert undisguise_labels(f"{line}\n{line}") == f"{line}\n{line}"


def test_reading_labels_costs_little_on_four_megabytes_of_candidates() -> None:
    """Guard on cost: every short accented line is a candidate; each is folded once at most (cached)
    and the candidates read are capped."""
    lines = [f"Wàrn{chr(0x430 + n % 32)}{n}:" for n in range(400_000)]
    text = "\n".join(lines)
    start = time.process_time()
    undisguise_labels(text)
    assert time.process_time() - start < 2.0
