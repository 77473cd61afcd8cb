"""Small loose ends of session 41: names and text Dogear cuts to Discord's limits, cut between whole
grapheme clusters (a flag's two letters, a letter and its accent) and ending in an ellipsis."""

from __future__ import annotations

import regex

from bot.discussions.compose import thread_name
from bot.limits import CHOICE_NAME_CHARS, THREAD_NAME_CHARS
from bot.story.store import StoryRecord
from bot.text import clip, escape_clipped, quote_input, unescape_markdown
from cogs._options import choice_name
from cogs.discussions.events import event_name

# Each long, made of clusters of two code points, after one letter: a cut by code points lands inside one.
TITLES = [
    "A" + "🇫🇷" * 80,  # flags: a lone regional indicator shows as a stray letter
    "x" + "e\u0301" * 80,  # a letter and its combining accent
    "y" + "👍🏽" * 80,  # an emoji and its skin tone
    "z" + "का" * 80,  # a consonant and its vowel sign
]


def _clusters(text: str) -> list[str]:
    return regex.findall(r"\X", text)


def _whole_prefix(kept: str, whole: str) -> bool:
    """Whether ``kept`` is ``whole``'s first grapheme clusters, none of them cut."""
    clusters = _clusters(kept)
    return _clusters(whole)[: len(clusters)] == clusters


def test_thread_names_are_cut_between_clusters_with_an_ellipsis() -> None:
    """``thread_name`` sliced the title by code points, no ellipsis: half a flag ("🇫") ended the name."""
    for title in TITLES:
        name = thread_name(title, 3, 12)
        assert len(name) <= THREAD_NAME_CHARS
        kept = name.removesuffix(" · ch. 3 · #12")
        assert kept.endswith("…"), name
        assert _whole_prefix(kept.removesuffix("…"), title), name
    assert thread_name("Salt Glass", 3, 12) == "Salt Glass · ch. 3 · #12"


def test_event_and_choice_names_are_cut_between_clusters() -> None:
    for title in TITLES:
        event = event_name(title, 4)
        assert _whole_prefix(event.split("…", 1)[0], title), event
        record = StoryRecord(
            id=1, title=title, author=title, summary=None, rating=None, declared_warnings=[], meta={},
            source_format="txt", chapter_count=9, words=0, content_hash=None, added_by=None, added_at=0.0,
        )  # fmt: skip
        for name in (choice_name(record), choice_name(record, with_author=True, with_id=True)):
            assert len(name) <= CHOICE_NAME_CHARS
            assert _whole_prefix(name.split("…", 1)[0], title), name


def test_clip_and_escape_clipped_never_cut_inside_a_cluster() -> None:
    """The one clipper keeps whole clusters, so everything cut with it does: a cluster longer than the
    whole limit (a letter under hundreds of marks) is still cut, by code points, within the limit."""
    for title in TITLES:
        for limit in range(5, 60):
            clipped = clip(title, limit)
            assert len(clipped) <= limit and clipped.endswith("…")
            assert _whole_prefix(clipped.removesuffix("…"), title), (limit, clipped)
            escaped = escape_clipped(title, limit)
            assert _whole_prefix(unescape_markdown(escaped.removesuffix("…")), title), (limit, escaped)
        quoted = quote_input(title)
        assert _whole_prefix(unescape_markdown(quoted.strip("“”").removesuffix("…")), title), quoted
    piled = "a" + "\u0301" * 500
    assert len(clip(piled, 50)) == 50 and len(escape_clipped(piled, 50)) <= 50
    assert clip("two words", 100) == "two words" and clip("a b c d e f g h", 6) == "a b…"


def test_cluster_cut_agrees_with_regex_on_mixed_text() -> None:
    """Guard for the fast path (flags paired by hand, prepended marks): every cut is the last boundary
    ``regex``'s own clusters have at or before it, on strings of flags, marks, joiners, CRLF and Hangul."""
    import random

    from bot.text import cluster_cut

    pieces = ["a", " ", "\u0301", "🇫", "🇷", "\u0600", "\u200d", "👍", "🏽", "\r", "\n", "क", "ा", "\u1100", "\u1161"]
    chooser = random.Random(41)
    for _ in range(2_000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 24)))
        ends = [match.end() for match in regex.finditer(r"\X", text)]
        for point in range(1, len(text)):
            expected = max((end for end in ends if end <= point), default=0) or point
            assert cluster_cut(text, point) == expected, (text, point)


def test_evidence_snippets_are_cut_between_clusters() -> None:
    """A warning's evidence was sliced by code points at its limit: half a flag, or an accent's letter alone."""
    from bot.warnings.engine import EVIDENCE_CHARS, snippet

    for title in TITLES:
        text = title * 4
        for start in (0, 1, 7, len(title)):
            piece = snippet(text, start, start + 400)
            assert len(piece) <= EVIDENCE_CHARS
            assert _whole_prefix(piece.removesuffix("…"), text[start:]), piece
    for filler in ("e\u0301", "🇫🇷", "👍🏽"):
        for extra in range(4):
            text = "x" * extra + filler * 80 + "HIT" + filler * 80
            start = text.index("HIT")
            piece = snippet(text, start, start + 3)
            body = piece.removeprefix("…").removesuffix("…")
            assert "HIT" in body and len(piece) <= EVIDENCE_CHARS
            left, right = body.split("HIT")
            assert _clusters(left) == _clusters(filler * (len(left) // len(filler))), piece
            assert _whole_prefix(right, filler * 80), piece


def test_the_next_page_command_names_whole_clusters() -> None:
    """``/progress club``'s next-page command sliced the story's name at 200 characters: half a flag."""
    from cogs.progress import _club_next_page

    for title in TITLES:
        long = "a" + title * 2  # past 200 characters, the cut inside a cluster
        command = _club_next_page(long)
        named = command.removeprefix("/progress club story:").removesuffix(" page:{page}")
        assert 190 <= len(named) <= 200 and _whole_prefix(named, long), command


def test_the_chart_shortens_names_by_whole_clusters() -> None:
    """The progress chart dropped one code point at a time until a name fit: half a flag before the "…"."""
    from PIL import Image, ImageDraw

    from bot.progress.chart import _fit, _font

    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    font = _font(16)
    for title in TITLES:
        for width in (60, 97, 150):
            fitted = _fit(draw, title, font, width)
            assert fitted.endswith("…") and _whole_prefix(fitted.removesuffix("…"), title), (width, fitted)
