"""The fast word count agrees with the model's regex on any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.story.model import count_words as regex_count
from bot.story.words import chapter_words, count_words

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
