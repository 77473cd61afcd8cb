"""The fast word count agrees with the model's regex on any text."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st

from bot.story import model, words
from bot.story.model import Chapter, Scene
from bot.story.words import chapter_words, count_words
from bot.story.words import regex_count_words as regex_count

ASCII_HEAVY = st.text(alphabet=st.sampled_from([*list("ab_9' -.,\n\t''"), "é", "’", "😀"]), max_size=60)


@given(ASCII_HEAVY)
def test_same_as_regex_on_ascii_heavy_text(text: str) -> None:
    assert count_words(text) == regex_count(text)


@given(st.text())
def test_same_as_regex_on_any_text(text: str) -> None:
    assert count_words(text) == regex_count(text)


@given(st.lists(ASCII_HEAVY, max_size=6))
def test_chapter_words_is_the_sum(paragraphs: list[str]) -> None:
    assert chapter_words(paragraphs) == sum(regex_count(p) for p in paragraphs)


def test_examples() -> None:
    assert count_words("Don't stop - it's rock'n'roll, isn''t it?") == 7
    assert count_words("") == 0 and count_words("'' -- ...") == 0


@given(st.lists(st.lists(st.text(), max_size=4), max_size=4))
def test_the_model_counts_with_the_same_definition(scenes: list[list[str]]) -> None:
    chapter = Chapter(1, None, [Scene(paragraphs) for paragraphs in scenes])
    assert chapter.words == sum(regex_count(p) for paragraphs in scenes for p in paragraphs)
    assert all(model.count_words(p) == regex_count(p) for paragraphs in scenes for p in paragraphs)


@given(st.text(alphabet=st.sampled_from([*list("ab' \n"), "é", "’"]), max_size=80), st.integers(1, 12))
def test_text_counted_in_pieces_gives_the_same_count(text: str, piece: int) -> None:
    """Text other than ASCII is counted a piece at a time, cut at spaces; tiny pieces must not
    split a word or join two (a word never holds a space, an apostrophe joins only word runs)."""
    with patch.object(words, "PIECE_CHARS", piece):
        assert count_words(text) == regex_count(text)
