from hypothesis import given
from hypothesis import strategies as st

from bot.text import clip_lines


def test_short_lists_are_joined_whole() -> None:
    assert clip_lines(["a", "b"]) == "a\nb"


@given(st.lists(st.text(max_size=300).filter(lambda s: "\n" not in s), max_size=60))
def test_clipped_text_fits_and_keeps_whole_lines_in_order(lines: list[str]) -> None:
    clipped = clip_lines(lines)
    assert len(clipped) <= 2000
    kept = clipped.split("\n") if lines else []
    if len(kept) < len(lines) or (kept and kept[-1].startswith("… and ")):
        note = kept.pop()
        assert note == f"… and {len(lines) - len(kept)} more line(s)"
    assert kept == lines[: len(kept)]
