"""Loose ends of session 42: one windowed grapheme cluster helper (:func:`bot.text.cluster_cut`) behind
every cut Dogear makes, checked against ``regex``'s own clusters (``\\X`` on the whole text, the oracle)
at every caller: the one clipper and its escaping twin, a chapter's message cuts, a warning's evidence."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from bot.story.model import Chapter, Scene
from bot.story.render import render_chapter, unrender
from bot.text import clip, cluster_cut, cluster_open, escape_char, escape_clipped, unescape_markdown, utf16_len
from bot.warnings.engine import snippet

# Flag letters (an odd number of them too), a prepended mark (U+0600) before them, combining marks,
# joiners and emoji (ZWJ sequences), CR LF, a virama between consonants, Hangul jamo: each repeated up
# to 90 times, so clusters run longer than the helper's first window of 32 characters.
ALPHABET = [
    "a",
    "\u0301",
    "🇫",
    "🇷",
    "\u0600",
    "\u200d",
    "😀",
    "👍",
    "🏽",
    "\r",
    "\n",
    "क",
    "\u094d",
    "ा",
    "\u1100",
    "\u1161",
]
REPEATS = [1, 1, 1, 2, 3, 7, 33, 40, 90]


def _texts(seed: int, count: int, most: int = 12, alphabet: list[str] = ALPHABET) -> list[str]:
    chooser = random.Random(seed)
    return [
        "".join(chooser.choice(alphabet) * chooser.choice(REPEATS) for _ in range(chooser.randint(1, most)))
        for _ in range(count)
    ]


def _ends(text: str) -> list[int]:
    """The oracle: every grapheme cluster boundary of the whole text, its start and end included."""
    return [0, *(match.end() for match in regex.finditer(r"\X", text))]


def test_cluster_cut_and_cluster_open_agree_with_regex_from_anywhere() -> None:
    """The last boundary at or before each point (from the text's start, and from a boundary a caller
    knows), and the first at or after it: clusters longer than the window, flags after a prepended
    mark, odd runs of flags, ZWJ sequences."""
    chooser = random.Random(42)
    for text in _texts(42, 700):
        ends = _ends(text)
        for start in {0, *chooser.sample(ends, min(3, len(ends)))}:
            for point in range(start + 1, len(text)):
                want = max((at for at in ends if start < at <= point), default=point)
                assert cluster_cut(text, point, start) == want, (text, start, point)
        for point in range(1, len(text)):
            for end in (point, min(len(text), point + 5), len(text)):
                want = min((at for at in ends if point <= at <= end), default=point)
                assert cluster_open(text, point, end) == want, (text, point, end)


def _whole(kept: str, text: str) -> bool:
    """Whether ``kept`` is ``text``'s first grapheme clusters, none cut."""
    return len(kept) in _ends(text) and text.startswith(kept)


def test_clip_escape_clipped_and_quote_keep_whole_clusters() -> None:
    """The one clipper and its escaping twin end on the last whole cluster that fits, by the oracle,
    whatever the clusters are; only a cluster longer than the whole limit is cut (the limit wins)."""
    for text in _texts(7, 300, alphabet=[ch for ch in ALPHABET if ch not in "\r\n"]):
        for limit in (5, 17, 40, 100):
            if len(text) <= limit:
                continue
            first = text[: _ends(text)[1]]
            clipped = clip(text, limit).removesuffix("…")
            assert len(clipped) < limit and (_whole(clipped, text.rstrip()) or len(first) > limit - 1), (text, limit)
            escaped = unescape_markdown(escape_clipped(text, limit).removesuffix("…"))
            assert _whole(escaped, text) or utf16_len(first) > limit - 1, (text, limit)


def _cuts(payloads: list[dict[str, str]]) -> list[int]:
    """Where a one-paragraph chapter's body messages end, in the paragraph's characters."""
    cuts, at = [], 0
    for message in payloads[1:]:
        body = message["content"].removesuffix(" …").removeprefix("||").removesuffix("||")
        at += len(unescape_markdown(body))
        cuts.append(at)
    return cuts


def test_a_chapter_s_messages_are_cut_between_clusters_by_the_oracle() -> None:
    """Every message of a paragraph without spaces ends on a boundary of the whole paragraph's clusters,
    clusters longer than the helper's window included; only one longer than a message is cut."""
    for text in _texts(3, 120, most=40, alphabet=[ch for ch in ALPHABET if ch not in "\r\n"]):
        payloads = render_chapter("T", Chapter(1, None, [Scene([text])]), budget=300)
        assert unrender(payloads) == text
        ends = _ends(text)
        cuts = _cuts(payloads)
        for before, cut in zip(
            [0, *cuts], cuts, strict=False
        ):  # a cluster longer than a whole message is cut: the limit wins
            assert cut in ends or not any(before < at <= cut for at in ends), (text, cut)


def test_a_warning_s_evidence_opens_and_ends_between_clusters_by_the_oracle() -> None:
    """Both ends of the context around a hit are boundaries of the whole text's clusters, unless a
    cluster is longer than the room on that side: the old search looked 16 characters ahead for the
    start, so a letter under 20 marks opened the evidence on a bare mark."""
    alphabet = [ch for ch in ALPHABET if ch not in "\r\n"]
    for index, (before, after) in enumerate(
        zip(_texts(5, 400, alphabet=alphabet), _texts(6, 400, alphabet=alphabet), strict=True)
    ):
        text = before + " " * (index % 2) + "HIT" + after
        start = text.index("HIT")
        piece = snippet(text, start, start + 3)
        body = piece.removeprefix("…").removesuffix("…")
        left = start - body.index("HIT")
        right = left + len(body)
        assert text[left:right] == body, (text, piece)
        room = (120 - 2 - 3) // 2
        ends = _ends(text)
        assert left in ends or not any(start - room <= at <= start for at in ends), (text, piece)
        assert right in ends or not any(start + 3 <= at <= start + 3 + room for at in ends), (text, piece)


def test_cutting_long_runs_of_flags_and_marks_stays_linear() -> None:
    """Guard, in the hostile tests' style: a 1 MB paragraph of flags, of marks on one letter, and of
    flags after prepended marks, cut into messages; and one cut near the end of 4 MB of flags."""
    for text in ("🇫🇷" * 500_000, "a" + "\u0301" * 1_000_000, ("\u0600" + "🇬🇧" * 7) * 60_000):
        begun = time.process_time()
        payloads = render_chapter("T", Chapter(1, None, [Scene([text])]))
        assert time.process_time() - begun < 5
        assert unrender(payloads) == text
    flags = "a" + "🇫🇷" * 2_000_000
    begun = time.process_time()
    assert [cluster_cut(flags, point) for point in (3_999_990, 3_999_991)] == [3_999_989, 3_999_991]
    assert time.process_time() - begun < 1


def _old_escape_clipped(value: str, limit: int) -> str:
    """``escape_clipped`` as session 41 wrote it: the whole value escaped before it was cut."""
    whole = "".join(escape_char(ch) for ch in value)
    if utf16_len(whole) <= limit:
        return whole
    room = max(0, limit - 1)
    pieces: list[str] = []
    used = 0
    for ch in value:
        piece = escape_char(ch)
        used += utf16_len(piece)
        if used > room:
            break
        pieces.append(piece)
    return "".join(pieces[: cluster_cut(value, len(pieces))]).rstrip() + "…"


@given(value=st.text(alphabet=st.sampled_from(["a", " ", "*", "\\", "@", "🇫", "\u0301", "\u0600", "é"]), max_size=40))
def test_escape_clipped_cuts_a_prefix_first_with_the_same_result(value: str) -> None:
    for limit in (0, 1, 2, 5, 13, 40):
        assert escape_clipped(value, limit) == _old_escape_clipped(value, limit)


def test_escape_clipped_reads_only_what_can_fit() -> None:
    """1 MB of flags or of markdown characters was escaped whole before the first 100 units were kept."""
    for value in ("🇫🇷" * 500_000, "*" * 1_000_000):
        begun = time.process_time()
        for _ in range(20):
            clipped = escape_clipped(value, 100)
        assert time.process_time() - begun < 0.5
        assert utf16_len(clipped) <= 100 and clipped.endswith("…")


def test_autocomplete_values_are_never_cut() -> None:
    """``/warnings`` choices sliced their value at 100 characters: a cut value is looked up as another
    (or none). A value Discord cannot take is left out; names are clipped between whole clusters."""
    from cogs._options import choices

    offered = choices([("A" + "🇫🇷" * 80, "short"), ("too long", "v" * 101), ("fits", "v" * 100)])
    assert [choice.value for choice in offered] == ["short", "v" * 100]
    assert _whole(offered[0].name.removesuffix("…"), "A" + "🇫🇷" * 80) and len(offered[0].name) <= 100


def test_another_program_s_table_names_are_cut_between_clusters(tmp_path: Path) -> None:
    """The refusal of another program's database sliced each table's name at 40 code points: half a flag."""
    from bot.db import DatabaseError, check_schema

    path = tmp_path / "other.sqlite"
    name = "a" + "🇫🇷" * 30
    with sqlite3.connect(path) as conn:
        conn.execute(f'CREATE TABLE "{name}" (x)')
    with pytest.raises(DatabaseError) as refused:
        check_schema(path, advice="pick another file")
    shown = str(refused.value).split("`")[1]
    assert shown.endswith("…") and _whole(shown.removesuffix("…"), name) and len(shown) <= 40


def test_a_title_read_only_in_part_ends_whole_and_says_it_goes_on() -> None:
    """A title is read a few lines' worth at most: cut there by code points, a title of "A", 798 spaces
    and a flag was "A 🇫" (its spacing collapsed, half the flag); one cut inside its spacing ended with
    no ellipsis. Trailing spaces alone are no more title."""
    from bot.story.tidy import story_title

    assert story_title("A" + " " * 798 + "🇫🇷 and more") == "A…"
    assert story_title("Sea" + " " * 1000 + "Glass") == "Sea…"
    assert story_title("Sea Glass" + " " * 2000) == "Sea Glass"
    assert story_title("x" * 300) == "x" * 199 + "…"
